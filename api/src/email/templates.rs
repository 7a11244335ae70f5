use std::sync::OnceLock;

use minijinja::{AutoEscape, Environment, Value, context};
use shared::api::CouncilView;

use super::outbox::Priority;

/// Every email the portal sends. Each has `subject.txt`, `body.txt` and `body.html` under
/// `api/templates/email/<name>/`; they are compiled into the binary.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Template {
    VerificationCode,
    SignInCode,
    PasswordReset,
    PasswordChanged,
    AccountExists,
    StaffInvitation,
    EmailChangeCode,
    EmailChanged,
    SubmissionReceived,
    DraftExpiring,
    MessageWaiting,
    ItemToComplete,
    StatusChanged,
    LinkInvitation,
    WebhookSwitchedOff,
}

impl Template {
    /// Codes unlock an account while someone waits; a reminder can wait behind anything.
    pub fn priority(self) -> Priority {
        match self {
            Self::VerificationCode
            | Self::SignInCode
            | Self::PasswordReset
            | Self::EmailChangeCode
            // Sent instead of a verification code when the address already has an account.
            | Self::AccountExists => Priority::Code,
            Self::PasswordChanged
            | Self::StaffInvitation
            | Self::EmailChanged
            | Self::SubmissionReceived
            | Self::MessageWaiting
            | Self::ItemToComplete
            | Self::StatusChanged
            | Self::LinkInvitation
            | Self::WebhookSwitchedOff => Priority::Notification,
            Self::DraftExpiring => Priority::Reminder,
        }
    }

    pub fn name(self) -> &'static str {
        match self {
            Self::VerificationCode => "verification_code",
            Self::SignInCode => "sign_in_code",
            Self::PasswordReset => "password_reset",
            Self::PasswordChanged => "password_changed",
            Self::AccountExists => "account_exists",
            Self::StaffInvitation => "staff_invitation",
            Self::EmailChangeCode => "email_change_code",
            Self::EmailChanged => "email_changed",
            Self::SubmissionReceived => "submission_received",
            Self::DraftExpiring => "draft_expiring",
            Self::MessageWaiting => "message_waiting",
            Self::ItemToComplete => "item_to_complete",
            Self::StatusChanged => "status_changed",
            Self::LinkInvitation => "link_invitation",
            Self::WebhookSwitchedOff => "webhook_switched_off",
        }
    }
}

/// An email ready to queue.
#[derive(Debug, Clone)]
pub struct Email {
    pub to: String,
    pub template: Template,
    pub subject: String,
    pub text: String,
    pub html: String,
}

macro_rules! templates {
    ($env:ident, $($name:literal),*) => {
        $(
            $env.add_template(concat!($name, "/subject.txt"), include_str!(concat!("../../templates/email/", $name, "/subject.txt")))?;
            $env.add_template(concat!($name, "/body.txt"), include_str!(concat!("../../templates/email/", $name, "/body.txt")))?;
            $env.add_template(concat!($name, "/body.html"), include_str!(concat!("../../templates/email/", $name, "/body.html")))?;
        )*
    };
}

fn environment() -> Result<Environment<'static>, minijinja::Error> {
    let mut env = Environment::new();
    // HTML bodies escape what they insert (a name could hold markup); text bodies do not.
    env.set_auto_escape_callback(|name| {
        if name.ends_with(".html") {
            AutoEscape::Html
        } else {
            AutoEscape::None
        }
    });
    // In text bodies, markup someone typed (a name) is shown inert: a mail program that guesses
    // HTML in plain text must not find a link or an image there.
    env.set_formatter(
        |out, state, value| match (state.auto_escape(), value.as_str()) {
            (AutoEscape::None, Some(text)) => {
                out.write_str(&inert(text))?;
                Ok(())
            }
            _ => minijinja::escape_formatter(out, state, value),
        },
    );
    env.set_undefined_behavior(minijinja::UndefinedBehavior::Strict);
    env.add_template(
        "_layout.html",
        include_str!("../../templates/email/_layout.html"),
    )?;
    env.add_template(
        "_layout.txt",
        include_str!("../../templates/email/_layout.txt"),
    )?;
    templates!(
        env,
        "verification_code",
        "sign_in_code",
        "password_reset",
        "password_changed",
        "account_exists",
        "staff_invitation",
        "email_change_code",
        "email_changed",
        "submission_received",
        "draft_expiring",
        "message_waiting",
        "item_to_complete",
        "status_changed",
        "link_invitation",
        "webhook_switched_off"
    );
    Ok(env)
}

/// Text with its markup characters replaced by look-alikes that are not markup.
fn inert(text: &str) -> String {
    text.replace('<', "\u{2039}").replace('>', "\u{203a}")
}

fn shared_environment() -> anyhow::Result<&'static Environment<'static>> {
    static ENV: OnceLock<Result<Environment<'static>, String>> = OnceLock::new();
    ENV.get_or_init(|| environment().map_err(|e| e.to_string()))
        .as_ref()
        .map_err(|e| anyhow::anyhow!("email templates: {e}"))
}

/// Renders `template` for `to`; `values` adds to the council's name, service and phone number.
pub fn render(
    template: Template,
    to: &str,
    council: &CouncilView,
    values: Value,
) -> anyhow::Result<Email> {
    let env = shared_environment()?;
    let ctx = context! {
        council => &council.name,
        service => &council.service_name,
        phone => &council.phone_numbers.contact_centre.display,
        ..values
    };
    let render = |part: &str| -> anyhow::Result<String> {
        Ok(env
            .get_template(&format!("{}/{part}", template.name()))?
            .render(&ctx)?)
    };
    let subject = render("subject.txt")?.trim().to_owned();
    let html_ctx = context! { subject => &subject, ..ctx.clone() };
    let html = env
        .get_template(&format!("{}/body.html", template.name()))?
        .render(&html_ctx)?;
    Ok(Email {
        to: to.to_owned(),
        template,
        subject,
        text: render("body.txt")?.trim().to_owned() + "\n",
        html,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::council::Council;

    fn council() -> CouncilView {
        Council::parse(include_str!("../../../config/council.toml"))
            .unwrap()
            .view()
            .clone()
    }

    #[test]
    fn every_template_renders_with_the_council_in_it() {
        for template in [
            Template::VerificationCode,
            Template::SignInCode,
            Template::PasswordReset,
            Template::PasswordChanged,
            Template::AccountExists,
            Template::StaffInvitation,
            Template::EmailChangeCode,
            Template::EmailChanged,
            Template::MessageWaiting,
            Template::ItemToComplete,
            Template::StatusChanged,
            Template::WebhookSwitchedOff,
        ] {
            let email = render(
                template,
                "sam@example.org",
                &council(),
                context! { forename => "Sam", surname => "Jones", url => "https://cms.example/hook", since => "22 November 2026 at 16:40", code => "123456", when => "22 November 2026 at 16:40", role => "staff", new_email => "new@example.org", link => "https://portal.example/account", form_title => "Support enquiry", reference => "ASC-7K4M-9QX2", status => "Accepted", expires => "23 December 2026" },
            )
            .unwrap();
            assert!(!email.subject.is_empty());
            assert!(email.text.contains("Hello Sam"), "{}", template.name());
            assert!(
                email.html.contains("Eastmoor Borough Council"),
                "{}",
                template.name()
            );
            assert!(email.text.contains("0113 496 0000"), "{}", template.name());
        }
    }

    #[test]
    fn an_invitation_names_neither_the_person_nor_the_invitee() {
        // The address may have no account yet, so there is no name to greet.
        let email = render(
            Template::LinkInvitation,
            "ade@example.org",
            &council(),
            context! { link => "https://portal.example/account", expires => "23 December 2026" },
        )
        .unwrap();
        assert!(email.text.starts_with("Hello,"), "{}", email.text);
        assert!(email.text.contains("23 December 2026"));
        assert!(email.html.contains("Eastmoor Borough Council"));
    }

    #[test]
    fn markup_in_a_name_is_escaped_in_html_and_inert_in_text() {
        let email = render(
            Template::SignInCode,
            "sam@example.org",
            &council(),
            context! { forename => "<b>Sam</b>", code => "123456" },
        )
        .unwrap();
        assert!(email.html.contains("&lt;b&gt;Sam"));
        assert!(!email.html.contains("<b>Sam"));
        assert!(!email.text.contains("<b>"), "{}", email.text);
        assert!(
            email
                .text
                .contains("Hello \u{2039}b\u{203a}Sam\u{2039}/b\u{203a}")
        );
        // What the templates write themselves (links among it) is as written.
        assert!(email.text.contains("123456"));
    }
}
