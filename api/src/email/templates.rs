use std::sync::OnceLock;

use minijinja::{AutoEscape, Environment, Value, context};
use shared::api::CouncilView;
use shared::language::Language;

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
    DocumentPublished,
}

impl Template {
    pub const ALL: [Self; 16] = [
        Self::VerificationCode,
        Self::SignInCode,
        Self::PasswordReset,
        Self::PasswordChanged,
        Self::AccountExists,
        Self::StaffInvitation,
        Self::EmailChangeCode,
        Self::EmailChanged,
        Self::SubmissionReceived,
        Self::DraftExpiring,
        Self::MessageWaiting,
        Self::ItemToComplete,
        Self::StatusChanged,
        Self::LinkInvitation,
        Self::WebhookSwitchedOff,
        Self::DocumentPublished,
    ];

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
            | Self::WebhookSwitchedOff
            | Self::DocumentPublished => Priority::Notification,
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
            Self::DocumentPublished => "document_published",
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

/// The parts of each email, and the layouts they extend.
const PARTS: [&str; 3] = ["subject.txt", "body.txt", "body.html"];
const LAYOUTS: [&str; 2] = ["_layout.html", "_layout.txt"];

/// From one list of every email's folder name (as `Template::name` gives it): `NAMES`, and
/// `built_in_file`, the templates built into the binary (the shipped `api/templates/email`)
/// by file.
macro_rules! emails {
    ($($name:literal),* $(,)?) => {
        const NAMES: &[&str] = &[$($name),*];

        fn built_in_file(file: &str) -> Option<&'static str> {
            match file {
                "_layout.html" => Some(include_str!("../../templates/email/_layout.html")),
                "_layout.txt" => Some(include_str!("../../templates/email/_layout.txt")),
                $(
                    concat!($name, "/subject.txt") => Some(include_str!(concat!("../../templates/email/", $name, "/subject.txt"))),
                    concat!($name, "/body.txt") => Some(include_str!(concat!("../../templates/email/", $name, "/body.txt"))),
                    concat!($name, "/body.html") => Some(include_str!(concat!("../../templates/email/", $name, "/body.html"))),
                )*
                _ => None,
            }
        }
    };
}

emails!(
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
    "webhook_switched_off",
    "document_published",
);

/// An environment set up as every email needs: HTML escaped, markup in text made inert,
/// undefined values refused.
fn environment(
    source: impl Fn(&str) -> anyhow::Result<String>,
) -> anyhow::Result<Environment<'static>> {
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
    env.add_function("t", crate::i18n::template_function);
    let files = LAYOUTS.iter().map(|layout| (*layout).to_owned()).chain(
        NAMES
            .iter()
            .flat_map(|name| PARTS.iter().map(move |part| format!("{name}/{part}"))),
    );
    for file in files {
        let text = source(&file)?;
        env.add_template_owned(file.clone(), text)
            .map_err(|e| anyhow::anyhow!("{file}: {e}"))?;
    }
    Ok(env)
}

fn built_in() -> anyhow::Result<Environment<'static>> {
    environment(|file| {
        built_in_file(file)
            .map(str::to_owned)
            .ok_or_else(|| anyhow::anyhow!("the built-in email template {file} is missing"))
    })
}

static FROM_FOLDER: OnceLock<Environment<'static>> = OnceLock::new();

/// Reads the templates from `dir` (laid out as `api/templates/email`) and renders every email
/// once with `council` and sample values; from then on they are the ones used. Any file that
/// is missing, does not parse or does not render stops the server at start, naming it.
pub fn use_folder(dir: &std::path::Path, council: &CouncilView) -> anyhow::Result<()> {
    let env = environment(|file| {
        std::fs::read_to_string(dir.join(file))
            .map_err(|e| anyhow::anyhow!("{}: {e}", dir.join(file).display()))
    })?;
    for name in NAMES {
        for language in Language::ALL {
            render_with(&env, name, language, council, sample_values()).map_err(|e| {
                anyhow::anyhow!("{}/{name} ({}): {e:#}", dir.display(), language.code())
            })?;
        }
    }
    FROM_FOLDER
        .set(env)
        .map_err(|_| anyhow::anyhow!("the email templates were already chosen"))
}

/// Values of every kind any email uses, to try each template with.
fn sample_values() -> Value {
    context! {
        forename => "Sam", surname => "Jones", code => "123 456", when => "22 November 2026 at 16:40",
        role => "staff", new_email => "new@example.org", link => "https://portal.example/account",
        form_title => "Support enquiry", reference => "ASC-7K4M-9QX2", status => "Accepted",
        expires => "23 December 2026", url => "https://cms.example/hook",
        since => "22 November 2026 at 16:40"
    }
}

/// Text with its markup characters replaced by look-alikes that are not markup.
fn inert(text: &str) -> String {
    text.replace('<', "\u{2039}").replace('>', "\u{203a}")
}

fn shared_environment() -> anyhow::Result<&'static Environment<'static>> {
    if let Some(env) = FROM_FOLDER.get() {
        return Ok(env);
    }
    static ENV: OnceLock<Result<Environment<'static>, String>> = OnceLock::new();
    ENV.get_or_init(|| built_in().map_err(|e| format!("{e:#}")))
        .as_ref()
        .map_err(|e| anyhow::anyhow!("email templates: {e}"))
}

/// Renders `template` for `to` in `language`; `values` adds to the council's name, service and
/// phone number.
pub fn render(
    template: Template,
    to: &str,
    language: Language,
    council: &CouncilView,
    values: Value,
) -> anyhow::Result<Email> {
    let (subject, text, html) = render_with(
        shared_environment()?,
        template.name(),
        language,
        council,
        values,
    )?;
    Ok(Email {
        to: to.to_owned(),
        template,
        subject,
        text,
        html,
    })
}

/// The subject, text and HTML of the email `name`.
fn render_with(
    env: &Environment<'static>,
    name: &str,
    language: Language,
    council: &CouncilView,
    values: Value,
) -> anyhow::Result<(String, String, String)> {
    let ctx = context! {
        language => language.code(),
        council => council.name_in(language),
        service => council.service_name_in(language),
        phone => &council.phone_numbers.contact_centre.display,
        ..values
    };
    let render = |part: &str| -> anyhow::Result<String> {
        Ok(env.get_template(&format!("{name}/{part}"))?.render(&ctx)?)
    };
    let subject = render("subject.txt")?.trim().to_owned();
    let html_ctx = context! { subject => &subject, ..ctx.clone() };
    let html = env
        .get_template(&format!("{name}/body.html"))?
        .render(&html_ctx)?;
    Ok((subject, render("body.txt")?.trim().to_owned() + "\n", html))
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
    fn every_template_renders_in_both_languages_with_the_council_in_it() {
        for name in NAMES {
            let template = Template::ALL
                .into_iter()
                .find(|t| t.name() == *name)
                .unwrap();
            for (language, hello, council_name, urgent) in [
                (
                    Language::English,
                    "Hello Sam",
                    "Eastmoor Borough Council",
                    "If you need support urgently",
                ),
                (
                    Language::Welsh,
                    "Helo Sam",
                    "Cyngor Bwrdeistref Eastmoor",
                    "Os oes angen cymorth arnoch ar frys",
                ),
            ] {
                let email = render(
                    template,
                    "sam@example.org",
                    language,
                    &council(),
                    sample_values(),
                )
                .unwrap();
                assert!(!email.subject.is_empty());
                if template != Template::LinkInvitation {
                    assert!(email.text.contains(hello), "{name}: {}", email.text);
                }
                assert!(email.html.contains(council_name), "{name}");
                assert!(
                    email
                        .html
                        .contains(&format!("lang=\"{}\"", language.code())),
                    "{name}"
                );
                assert!(email.text.contains(urgent), "{name}: {}", email.text);
                assert!(email.text.contains("0113 496 0000"), "{name}");
            }
        }
    }

    #[test]
    fn a_welsh_speakers_sign_in_code_comes_in_welsh() {
        let email = render(
            Template::SignInCode,
            "sam@example.org",
            Language::Welsh,
            &council(),
            context! { forename => "Siân", code => "123 456" },
        )
        .unwrap();
        assert_eq!(
            email.subject,
            "Eich cod mewngofnodi ar gyfer Gofal Cymdeithasol i Oedolion Ar-lein"
        );
        assert!(
            email
                .text
                .starts_with("Helo Siân,\n\nEich cod mewngofnodi yw 123 456"),
            "{}",
            email.text
        );
        assert!(!email.text.contains("sign-in code"), "{}", email.text);
    }

    #[test]
    fn an_invitation_names_neither_the_person_nor_the_invitee() {
        // The address may have no account yet, so there is no name to greet.
        let email = render(
            Template::LinkInvitation,
            "ade@example.org",
            Language::English,
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
            Language::English,
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
