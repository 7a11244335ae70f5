use lettre::message::{Mailbox, MultiPart};
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
                transport: AsyncSmtpTransport::<Tokio1Executor>::from_url(url)
                    .map_err(|e| anyhow::anyhow!("email.smtp_url is not valid: {e}"))?
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

    pub async fn send(
        &self,
        to: &str,
        subject: &str,
        text: &str,
        html: &str,
    ) -> anyhow::Result<()> {
        let from = match self {
            Self::Smtp { from, .. } | Self::Files { from, .. } => from.clone(),
        };
        let message = Message::builder()
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
