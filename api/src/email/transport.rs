use std::time::{Duration, Instant};

use anyhow::Context;
use lettre::message::{Mailbox, MultiPart};
use lettre::transport::smtp::PoolConfig;
use lettre::transport::smtp::authentication::{Credentials, Mechanism};
use lettre::transport::smtp::client::{AsyncSmtpConnection, TlsParameters};
use lettre::transport::smtp::extension::ClientId;
use lettre::{AsyncFileTransport, AsyncSmtpTransport, AsyncTransport, Message, Tokio1Executor};
use tokio::net::TcpStream;
use tokio::sync::Mutex;

use crate::configuration::EmailSettings;

/// Longest wait for the mail server: to connect, or to answer one message.
const TIMEOUT: Duration = Duration::from_secs(60);
/// A connection unused this long is closed rather than reused: servers close idle ones.
const IDLE_FOR_AT_MOST: Duration = Duration::from_secs(60);
/// A connection unused longer than this is asked (NOOP) whether it still answers before a
/// message goes on it; one used a moment ago is not, which keeps a backlog draining fast.
const CHECK_AFTER: Duration = Duration::from_secs(1);
/// Messages sent over one connection before it is closed: some services refuse more (Exchange
/// answers 421 after a limit of its own).
const MESSAGES_PER_CONNECTION: u32 = 100;

/// Where emails go: an SMTP server, or (for development, when none is configured) `.eml` files
/// in a folder, which any mail program opens.
pub enum Mailer {
    /// `smtp://`, plain or with STARTTLS, over connections of our own (see [`SmtpServer`]).
    Smtp {
        server: SmtpServer,
        from: Mailbox,
        /// Connections kept open between emails, at most `connections` of them.
        idle: Mutex<Vec<Kept>>,
        connections: usize,
    },
    /// `smtps://` (TLS from the first byte): lettre's pooled transport.
    SmtpTls {
        transport: AsyncSmtpTransport<Tokio1Executor>,
        from: Mailbox,
        connections: usize,
    },
    Files {
        transport: AsyncFileTransport<Tokio1Executor>,
        from: Mailbox,
    },
}

/// A connection kept for the next email.
pub struct Kept {
    connection: AsyncSmtpConnection,
    since: Instant,
    sent: u32,
}

/// A mail server reached with `smtp://`. Its connections are opened here, not by lettre's
/// transport, to turn Nagle's algorithm off (TCP_NODELAY): lettre 0.11.23 writes the end of a
/// message (`\r\n.\r\n`) as a write of its own, which Nagle holds until the server's delayed
/// ACK, 40 ms later, for every message (lettre's fix, pull request 1159, is not released yet).
/// The SMTP conversation itself (EHLO, STARTTLS, AUTH, MAIL, RCPT, DATA) is still lettre's.
pub struct SmtpServer {
    host: String,
    port: u16,
    starttls: StartTls,
    credentials: Option<Credentials>,
    hello: ClientId,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum StartTls {
    Never,
    IfOffered,
    Required,
}

impl SmtpServer {
    /// Reads `smtp://[user:password@]host[:port][/hello name][?tls=required|opportunistic]`
    /// as lettre does (port 25 without TLS, 587 with it); `None` for `smtps://`.
    fn parse(url: &str) -> anyhow::Result<Option<Self>> {
        let url = url::Url::parse(url).context("email.smtp_url is not a URL")?;
        if url.scheme() == "smtps" {
            return Ok(None);
        }
        anyhow::ensure!(
            url.scheme() == "smtp",
            "email.smtp_url must start smtp:// or smtps://"
        );
        let host = url
            .host_str()
            .context("email.smtp_url names no host")?
            .to_owned();
        let tls = url
            .query_pairs()
            .find(|(key, _)| key == "tls")
            .map(|(_, value)| value.into_owned());
        let starttls = match tls.as_deref() {
            None => StartTls::Never,
            Some("opportunistic") => StartTls::IfOffered,
            Some("required") => StartTls::Required,
            Some(other) => {
                anyhow::bail!("email.smtp_url: tls={other} is neither required nor opportunistic")
            }
        };
        let port = url
            .port()
            .unwrap_or(if starttls == StartTls::Never { 25 } else { 587 });
        let decode = |s: &str| -> anyhow::Result<String> {
            Ok(percent_encoding::percent_decode_str(s)
                .decode_utf8()
                .context("email.smtp_url: the user or password is not UTF-8")?
                .into_owned())
        };
        let credentials = match url.password() {
            Some(password) => Some(Credentials::new(decode(url.username())?, decode(password)?)),
            None => None,
        };
        let name = url.path().trim_matches('/');
        let hello = if name.is_empty() {
            ClientId::default()
        } else {
            ClientId::Domain(name.to_owned())
        };
        Ok(Some(Self {
            host,
            port,
            starttls,
            credentials,
            hello,
        }))
    }

    async fn connect(&self) -> anyhow::Result<AsyncSmtpConnection> {
        let stream =
            tokio::time::timeout(TIMEOUT, TcpStream::connect((self.host.as_str(), self.port)))
                .await
                .context("the mail server did not answer")??;
        stream.set_nodelay(true)?;
        let mut connection =
            AsyncSmtpConnection::connect_with_transport(Box::new(stream), &self.hello).await?;
        let upgrade = match self.starttls {
            StartTls::Never => false,
            StartTls::IfOffered => connection.can_starttls(),
            StartTls::Required => true,
        };
        if upgrade {
            connection
                .starttls(TlsParameters::new(self.host.clone())?, &self.hello)
                .await?;
        }
        if let Some(credentials) = &self.credentials {
            connection
                .auth(&[Mechanism::Plain, Mechanism::Login], credentials)
                .await?;
        }
        Ok(connection)
    }
}

impl Mailer {
    /// How many messages to hand over at once: one for each connection it keeps.
    pub fn connections(&self) -> usize {
        match self {
            Self::Smtp { connections, .. } | Self::SmtpTls { connections, .. } => *connections,
            Self::Files { .. } => 1,
        }
    }

    pub fn from_settings(settings: &EmailSettings) -> anyhow::Result<Self> {
        let from: Mailbox = settings
            .from
            .parse()
            .map_err(|e| anyhow::anyhow!("email.from is not an address: {e}"))?;
        let connections = settings.connections.max(1);
        match &settings.smtp_url {
            Some(url) => match SmtpServer::parse(url)? {
                Some(server) => Ok(Self::Smtp {
                    server,
                    from,
                    idle: Mutex::new(Vec::new()),
                    connections,
                }),
                None => Ok(Self::SmtpTls {
                    transport: AsyncSmtpTransport::<Tokio1Executor>::from_url(url)
                        .map_err(|e| anyhow::anyhow!("email.smtp_url is not valid: {e}"))?
                        .pool_config(
                            PoolConfig::new().max_size(u32::try_from(connections).unwrap_or(1)),
                        )
                        .build(),
                    from,
                    connections,
                }),
            },
            None => {
                std::fs::create_dir_all(&settings.file_dir)?;
                tracing::warn!(
                    dir = %settings.file_dir.display(),
                    "no SMTP server configured: emails are written to files"
                );
                Ok(Self::Files {
                    transport: AsyncFileTransport::new(&settings.file_dir),
                    from,
                })
            }
        }
    }

    /// Sends one message. `id` (the outbox row's) makes its `Message-ID`, the same on every
    /// try, so a mail program shows a message sent twice once.
    pub async fn send(
        &self,
        id: &str,
        to: &str,
        subject: &str,
        text: &str,
        html: &str,
    ) -> anyhow::Result<()> {
        let from = match self {
            Self::Smtp { from, .. } | Self::SmtpTls { from, .. } | Self::Files { from, .. } => {
                from.clone()
            }
        };
        let message = Message::builder()
            .message_id(Some(format!("<{id}@{}>", from.email.domain())))
            .from(from)
            .to(to.parse()?)
            .subject(subject)
            .multipart(MultiPart::alternative_plain_html(
                text.to_owned(),
                html.to_owned(),
            ))?;
        match self {
            Self::Smtp {
                server,
                idle,
                connections,
                ..
            } => send_over(server, idle, *connections, &message).await,
            Self::SmtpTls { transport, .. } => {
                transport.send(message).await?;
                Ok(())
            }
            Self::Files { transport, .. } => {
                transport.send(message).await?;
                Ok(())
            }
        }
    }
}

/// Sends on a connection kept from an earlier email that still answers (a NOOP), else on a
/// new one, and keeps the connection for the next email. Nothing is sent twice here: a message
/// that fails is the outbox's to try again later.
async fn send_over(
    server: &SmtpServer,
    idle: &Mutex<Vec<Kept>>,
    connections: usize,
    message: &Message,
) -> anyhow::Result<()> {
    let envelope = message.envelope().clone();
    let bytes = message.formatted();
    let sending = async {
        let (mut connection, sent) = match live(idle).await {
            Some(kept) => (kept.connection, kept.sent),
            None => (server.connect().await?, 0),
        };
        connection.send(&envelope, &bytes).await?;
        keep(idle, connections, connection, sent + 1).await;
        anyhow::Ok(())
    };
    tokio::time::timeout(TIMEOUT, sending)
        .await
        .context("the mail server did not answer in time")?
}

/// A kept connection that still answers; dead or stale ones are closed on the way.
async fn live(idle: &Mutex<Vec<Kept>>) -> Option<Kept> {
    loop {
        let mut kept = idle.lock().await.pop()?;
        let idle_for = kept.since.elapsed();
        // A server closing a session (idle too long, 421) fails the NOOP, not the message.
        if idle_for < CHECK_AFTER
            || (idle_for < IDLE_FOR_AT_MOST && kept.connection.test_connected().await)
        {
            return Some(kept);
        }
        kept.connection.abort().await;
    }
}

async fn keep(
    idle: &Mutex<Vec<Kept>>,
    connections: usize,
    mut connection: AsyncSmtpConnection,
    sent: u32,
) {
    if sent >= MESSAGES_PER_CONNECTION {
        let _ = connection.quit().await;
        return;
    }
    let mut idle = idle.lock().await;
    if idle.len() < connections && !connection.has_broken() {
        idle.push(Kept {
            connection,
            since: Instant::now(),
            sent,
        });
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn smtp_urls_are_read_as_lettre_reads_them() {
        let plain = SmtpServer::parse("smtp://127.0.0.1:2525").unwrap().unwrap();
        assert_eq!((plain.host.as_str(), plain.port), ("127.0.0.1", 2525));
        assert_eq!(plain.starttls, StartTls::Never);
        assert!(plain.credentials.is_none());

        let submission = SmtpServer::parse("smtp://us%40er:p%40ss@mail.example.org?tls=required")
            .unwrap()
            .unwrap();
        assert_eq!(submission.port, 587);
        assert_eq!(submission.starttls, StartTls::Required);
        assert!(submission.credentials == Some(Credentials::new("us@er".into(), "p@ss".into())));

        assert!(
            SmtpServer::parse("smtps://mail.example.org")
                .unwrap()
                .is_none()
        );
        assert!(SmtpServer::parse("smtp://mail.example.org?tls=sometimes").is_err());
        assert!(SmtpServer::parse("http://mail.example.org").is_err());
    }
}
