use lettre::message::{Mailbox, MultiPart};
use lettre::transport::smtp::PoolConfig;
use lettre::{AsyncFileTransport, AsyncSmtpTransport, AsyncTransport, Message, Tokio1Executor};

use crate::configuration::EmailSettings;

/// Where emails go: an SMTP server, or (for development, when none is configured) `.eml` files
/// in a folder, which any mail program opens.
pub enum Mailer {
    Smtp {
        transport: AsyncSmtpTransport<Tokio1Executor>,
        from: Mailbox,
    },
    Files {
        transport: AsyncFileTransport<Tokio1Executor>,
        from: Mailbox,
    },
}

impl Mailer {
    pub fn from_settings(settings: &EmailSettings) -> anyhow::Result<Self> {
        let from: Mailbox = settings
            .from
            .parse()
            .map_err(|e| anyhow::anyhow!("email.from is not an address: {e}"))?;
        match &settings.smtp_url {
            Some(url) => Ok(Self::Smtp {
                // One pooled connection for each message the outbox sends at once.
                transport: AsyncSmtpTransport::<Tokio1Executor>::from_url(url)
                    .map_err(|e| anyhow::anyhow!("email.smtp_url is not valid: {e}"))?
                    .pool_config(
                        PoolConfig::new()
                            .max_size(u32::try_from(settings.connections.max(1)).unwrap_or(1)),
                    )
                    .build(),
                from,
            }),
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
            Self::Smtp { from, .. } | Self::Files { from, .. } => from.clone(),
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
            Self::Smtp { transport, .. } => {
                transport.send(message).await?;
            }
            Self::Files { transport, .. } => {
                transport.send(message).await?;
            }
        }
        Ok(())
    }
}
