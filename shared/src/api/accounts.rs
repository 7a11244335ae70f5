use serde::{Deserialize, Serialize};

use crate::language::Language;

use super::FieldErrors;
use super::field_messages::{FieldMessages, Name};
use crate::rules::{is_email_address, normalise_code, unmet_password_rules};

/// Step 2 of registration (step 1, the names, stays in the browser until now).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
#[cfg_attr(feature = "openapi", schema(example = json!({
    "forename": "Priya", "surname": "Shah", "email": "priya.shah@nhs.example",
    "password": "Tall-Trees-4-Ever!", "confirm_password": "Tall-Trees-4-Ever!",
    "bot_check": "eyJhbGdvcml0aG0iOiJTSEEtMjU2Ii..."
})))]
pub struct RegistrationRequest {
    pub forename: String,
    pub surname: String,
    pub email: String,
    pub password: String,
    pub confirm_password: String,
    /// The solved proof-of-work challenge: base64 of the ALTCHA payload JSON.
    pub bot_check: String,
    /// The language the pages were in: the code email and every later one come in it.
    #[serde(default)]
    pub language: Language,
}

/// The language an account holder chooses for pages and emails.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[cfg_attr(feature = "openapi", schema(example = json!({"language": "cy"})))]
pub struct ChooseLanguageRequest {
    pub language: Language,
}

/// The answer when a code has been emailed (or would have been: the answer is the same whether
/// or not the address has an account).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[cfg_attr(feature = "openapi", schema(example = json!({
    "email": "priya.shah@nhs.example", "expires_in_seconds": 1200, "resend_after_seconds": 60
})))]
pub struct CodeSent {
    pub email: String,
    /// How long the code works.
    pub expires_in_seconds: i64,
    /// How long before "send a new code" may be used.
    pub resend_after_seconds: i64,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
#[cfg_attr(feature = "openapi", schema(example = json!({"email": "priya.shah@nhs.example", "code": "123 456"})))]
pub struct VerifyCodeRequest {
    pub email: String,
    /// The 6-digit code from the email, with or without the space.
    pub code: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
#[cfg_attr(feature = "openapi", schema(example = json!({"email": "priya.shah@nhs.example"})))]
pub struct ResendCodeRequest {
    pub email: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
#[cfg_attr(feature = "openapi", schema(example = json!({
    "email": "priya.shah@nhs.example", "password": "Tall-Trees-4-Ever!", "bot_check": "eyJhbGdvcml0aG0iOi..."
})))]
pub struct SignInRequest {
    pub email: String,
    pub password: String,
    pub bot_check: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
#[cfg_attr(feature = "openapi", schema(example = json!({"email": "priya.shah@nhs.example", "bot_check": "eyJhbGdvcml0aG0iOi..."})))]
pub struct PasswordResetRequest {
    pub email: String,
    pub bot_check: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
#[cfg_attr(feature = "openapi", schema(example = json!({
    "email": "priya.shah@nhs.example", "code": "123456",
    "password": "New-Tall-Trees-5!", "confirm_password": "New-Tall-Trees-5!"
})))]
pub struct PasswordResetCompletion {
    pub email: String,
    pub code: String,
    pub password: String,
    pub confirm_password: String,
}

/// A new session: the access token for `Authorization: Bearer`; the refresh token travels only
/// in an HttpOnly cookie and is never in a body.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[cfg_attr(feature = "openapi", schema(example = json!({
    "access_token": "eyJ0eXAiOiJKV1QiLCJhbGciOiJIUzI1NiJ9...", "token_type": "Bearer",
    "expires_in": 300, "idle_timeout_seconds": 1200,
    "account": {"id": "0193f1a2-7c3e-7aa0-9b1c-2f4d5e6a7b8c", "forename": "Priya", "surname": "Shah",
        "email": "priya.shah@nhs.example", "role": "public"}
})))]
pub struct SessionCreated {
    pub access_token: String,
    pub token_type: String,
    /// Seconds until the access token expires.
    pub expires_in: i64,
    /// Seconds without activity after which the session ends.
    pub idle_timeout_seconds: i64,
    pub account: AccountView,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct AccountView {
    pub id: String,
    pub forename: String,
    pub surname: String,
    pub email: String,
    pub role: Role,
    /// The language the account holder chose for pages and emails.
    pub language: Language,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum Role {
    /// Citizens, the people who look after them, and professionals: everyone who registers.
    Public,
    Staff,
    Administrator,
}

impl Role {
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Public => "public",
            Self::Staff => "staff",
            Self::Administrator => "administrator",
        }
    }

    pub fn parse(text: &str) -> Option<Self> {
        match text {
            "public" => Some(Self::Public),
            "staff" => Some(Self::Staff),
            "administrator" => Some(Self::Administrator),
            _ => None,
        }
    }
}

/// A proof-of-work challenge in the ALTCHA format.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[cfg_attr(feature = "openapi", schema(example = json!({
    "algorithm": "SHA-256",
    "challenge": "4c3b1e2f0a9d8c7b6a5f4e3d2c1b0a9f8e7d6c5b4a3f2e1d0c9b8a7f6e5d4c3b",
    "maxnumber": 50000,
    "salt": "3065d108b2314f5ecc7e1207?expires=1795000000",
    "signature": "d6c436288f1979f298f6532cea31db9e84e6338f4f58a9e00cb4105abbd11397"
})))]
pub struct BotCheckChallenge {
    pub algorithm: String,
    /// Hex SHA-256 of `salt` followed by the secret number.
    pub challenge: String,
    pub maxnumber: u64,
    pub salt: String,
    pub signature: String,
}

/// What the browser sends back, base64-encoded as JSON, in a `bot_check` field.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct BotCheckSolution {
    pub algorithm: String,
    pub challenge: String,
    pub number: u64,
    pub salt: String,
    pub signature: String,
}

/// The longest forename or surname taken.
const MAX_NAME: usize = 100;

fn push(errors: &mut FieldErrors, field: &str, message: impl Into<String>) {
    errors
        .entry(field.to_owned())
        .or_default()
        .push(message.into());
}

/// Step 1 of registration, which the browser checks before moving to step 2. In English, as
/// the server answers; [`validate_names_in`] for a page's language.
pub fn validate_names(forename: &str, surname: &str) -> FieldErrors {
    validate_names_in(forename, surname, Language::English)
}

/// Step 1 of registration, with its messages in `language`.
pub fn validate_names_in(forename: &str, surname: &str, language: Language) -> FieldErrors {
    let says = FieldMessages(language);
    let mut errors = FieldErrors::new();
    for (field, value, name) in [
        ("forename", forename, Name::Forename),
        ("surname", surname, Name::Surname),
    ] {
        let value = value.trim();
        if value.is_empty() {
            push(&mut errors, field, says.enter_your_name(name));
        } else if value.chars().count() > MAX_NAME {
            push(&mut errors, field, says.name_too_long(name, MAX_NAME));
        } else if value.chars().any(char::is_control) {
            push(&mut errors, field, says.name_has_control_characters(name));
        }
    }
    errors
}

/// Email, password and its confirmation: registration step 2 and the password reset. In
/// English, as the server answers; [`validate_new_password_in`] for a page's language.
pub fn validate_new_password(email: &str, password: &str, confirm: &str) -> FieldErrors {
    validate_new_password_in(email, password, confirm, Language::English)
}

/// A new password and its confirmation, with their messages in `language`.
pub fn validate_new_password_in(
    email: &str,
    password: &str,
    confirm: &str,
    language: Language,
) -> FieldErrors {
    let says = FieldMessages(language);
    let mut errors = FieldErrors::new();
    if password.is_empty() {
        push(&mut errors, "password", says.enter_a_password());
    } else if let Some(rule) = unmet_password_rules(password, email).first() {
        push(
            &mut errors,
            "password",
            says.password_breaks_policy(rule.description_in(language)),
        );
    }
    if confirm.is_empty() {
        push(
            &mut errors,
            "confirm_password",
            says.confirm_your_password(),
        );
    } else if confirm != password {
        push(
            &mut errors,
            "confirm_password",
            says.passwords_do_not_match(),
        );
    }
    errors
}

/// In English, as the server answers; [`validate_email_in`] for a page's language.
pub fn validate_email(email: &str) -> FieldErrors {
    validate_email_in(email, Language::English)
}

/// An email address, with its message in `language`.
pub fn validate_email_in(email: &str, language: Language) -> FieldErrors {
    let says = FieldMessages(language);
    let mut errors = FieldErrors::new();
    if email.trim().is_empty() {
        push(&mut errors, "email", says.enter_your_email_address());
    } else if !is_email_address(email.trim()) {
        push(&mut errors, "email", says.email_address_format());
    }
    errors
}

/// An emailed 6-digit code, with or without its space. In English, as the server answers;
/// [`validate_code_in`] for a page's language.
pub fn validate_code(code: &str) -> FieldErrors {
    validate_code_in(code, Language::English)
}

/// An emailed 6-digit code, with its message in `language`.
pub fn validate_code_in(code: &str, language: Language) -> FieldErrors {
    let says = FieldMessages(language);
    let mut errors = FieldErrors::new();
    if code.trim().is_empty() {
        push(&mut errors, "code", says.enter_the_code());
    } else if normalise_code(code).is_none() {
        push(&mut errors, "code", says.code_format());
    }
    errors
}

impl RegistrationRequest {
    /// Every field's errors, as the browser shows them and the server refuses them (in
    /// English: [`Self::validate_in`] for a page's language).
    pub fn validate(&self) -> FieldErrors {
        self.validate_in(Language::English)
    }

    pub fn validate_in(&self, language: Language) -> FieldErrors {
        let mut errors = validate_names_in(&self.forename, &self.surname, language);
        errors.extend(validate_email_in(&self.email, language));
        errors.extend(validate_new_password_in(
            &self.email,
            &self.password,
            &self.confirm_password,
            language,
        ));
        errors
    }
}

impl VerifyCodeRequest {
    pub fn validate(&self) -> FieldErrors {
        self.validate_in(Language::English)
    }

    pub fn validate_in(&self, language: Language) -> FieldErrors {
        let mut errors = validate_email_in(&self.email, language);
        errors.extend(validate_code_in(&self.code, language));
        errors
    }
}

impl SignInRequest {
    pub fn validate(&self) -> FieldErrors {
        self.validate_in(Language::English)
    }

    pub fn validate_in(&self, language: Language) -> FieldErrors {
        let mut errors = validate_email_in(&self.email, language);
        if self.password.is_empty() {
            push(
                &mut errors,
                "password",
                FieldMessages(language).enter_your_password(),
            );
        }
        errors
    }
}

impl PasswordResetCompletion {
    pub fn validate(&self) -> FieldErrors {
        self.validate_in(Language::English)
    }

    pub fn validate_in(&self, language: Language) -> FieldErrors {
        let mut errors = validate_email_in(&self.email, language);
        errors.extend(validate_code_in(&self.code, language));
        errors.extend(validate_new_password_in(
            &self.email,
            &self.password,
            &self.confirm_password,
            language,
        ));
        errors
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn registration() -> RegistrationRequest {
        RegistrationRequest {
            forename: "Priya".into(),
            surname: "Shah".into(),
            email: "priya.shah@nhs.example".into(),
            password: "Tall-Trees-4-Ever!".into(),
            confirm_password: "Tall-Trees-4-Ever!".into(),
            bot_check: String::new(),
            language: Language::English,
        }
    }

    #[test]
    fn a_complete_registration_has_no_errors() {
        assert!(registration().validate().is_empty());
    }

    #[test]
    fn each_field_names_its_own_error() {
        let request = RegistrationRequest {
            forename: " ".into(),
            email: "priya".into(),
            password: "short".into(),
            confirm_password: "shorter".into(),
            ..registration()
        };
        let errors = request.validate();
        assert_eq!(
            errors.keys().collect::<Vec<_>>(),
            ["confirm_password", "email", "forename", "password"]
        );
        assert_eq!(errors["forename"], ["Enter your forename"]);
        assert_eq!(errors["confirm_password"], ["The passwords do not match"]);
        assert!(errors["password"][0].contains("at least 12 characters"));
    }

    #[test]
    fn a_welsh_speaker_is_told_in_welsh_and_an_english_speaker_in_english() {
        let request = RegistrationRequest {
            forename: " ".into(),
            email: "priya".into(),
            confirm_password: "Tall-Trees-4-Never!".into(),
            ..registration()
        };
        let welsh = request.validate_in(Language::Welsh);
        assert_eq!(welsh["forename"], ["Rhowch eich enw cyntaf"]);
        assert_eq!(
            welsh["email"],
            ["Rhowch gyfeiriad e-bost yn y fformat cywir, fel enw@enghraifft.com"]
        );
        assert_eq!(
            welsh["confirm_password"],
            ["Nid yw'r cyfrineiriau'n cyfateb"]
        );
        let english = request.validate_in(Language::English);
        assert_eq!(english, request.validate());
        assert_eq!(english["forename"], ["Enter your forename"]);
        assert_eq!(
            english["email"],
            ["Enter an email address in the correct format, like name@example.com"]
        );
        assert_eq!(english["confirm_password"], ["The passwords do not match"]);
    }

    #[test]
    fn a_broken_password_rule_is_named_in_the_page_language() {
        let request = RegistrationRequest {
            password: "short".into(),
            confirm_password: "short".into(),
            ..registration()
        };
        assert_eq!(
            request.validate_in(Language::Welsh)["password"],
            ["Nid yw eich cyfrinair yn bodloni'r polisi: rhaid iddo fod o leiaf 12 nod o hyd"]
        );
        assert_eq!(
            request.validate()["password"],
            ["Your password does not meet the policy: it must be at least 12 characters long"]
        );
    }

    #[test]
    fn signing_in_and_its_code_are_checked_in_welsh() {
        let signing_in = SignInRequest {
            email: String::new(),
            password: String::new(),
            bot_check: String::new(),
        };
        let welsh = signing_in.validate_in(Language::Welsh);
        assert_eq!(welsh["email"], ["Rhowch eich cyfeiriad e-bost"]);
        assert_eq!(welsh["password"], ["Rhowch eich cyfrinair"]);
        let english = signing_in.validate();
        assert_eq!(english["email"], ["Enter your email address"]);
        assert_eq!(english["password"], ["Enter your password"]);

        let code = ConfirmEmailChangeRequest {
            code: "12345".into(),
        };
        assert_eq!(
            code.validate_in(Language::Welsh)["code"],
            ["Rhaid i'r cod fod yn 6 digid, fel 123 456"]
        );
        assert_eq!(
            code.validate()["code"],
            ["The code must be 6 digits, like 123 456"]
        );
    }

    #[test]
    fn a_long_name_is_refused_in_welsh() {
        let long = "a".repeat(101);
        let change = ChangeNameRequest {
            forename: "Priya".into(),
            surname: long,
        };
        assert_eq!(
            change.validate_in(Language::Welsh)["surname"],
            ["Rhaid i'ch cyfenw fod yn 100 nod neu lai"]
        );
        assert_eq!(
            change.validate()["surname"],
            ["Your surname must be 100 characters or fewer"]
        );
    }

    #[test]
    fn a_code_may_be_typed_with_its_space() {
        let ok = VerifyCodeRequest {
            email: "a@b.org".into(),
            code: "123 456".into(),
        };
        assert!(ok.validate().is_empty());
        let bad = VerifyCodeRequest {
            email: "a@b.org".into(),
            code: "12345".into(),
        };
        assert_eq!(
            bad.validate()["code"],
            ["The code must be 6 digits, like 123 456"]
        );
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
#[cfg_attr(feature = "openapi", schema(example = json!({
    "current_password": "Tall-Trees-4-Ever!", "password": "New-Tall-Trees-5!", "confirm_password": "New-Tall-Trees-5!"
})))]
pub struct ChangePasswordRequest {
    pub current_password: String,
    pub password: String,
    pub confirm_password: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
#[cfg_attr(feature = "openapi", schema(example = json!({"forename": "Priya", "surname": "Shah-Jones"})))]
pub struct ChangeNameRequest {
    pub forename: String,
    pub surname: String,
}

/// An administrator adds a member of staff; they set their password through "Forgotten
/// password?", which proves they hold the address.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
#[cfg_attr(feature = "openapi", schema(example = json!({
    "forename": "Sam", "surname": "Taylor", "email": "sam.taylor@council.example", "role": "staff"
})))]
pub struct CreateStaffRequest {
    pub forename: String,
    pub surname: String,
    pub email: String,
    /// `staff` or `administrator`.
    pub role: Role,
}

impl ChangePasswordRequest {
    /// `email` is the account's, for the rule that a password must not contain it.
    pub fn validate(&self, email: &str) -> FieldErrors {
        self.validate_in(email, Language::English)
    }

    pub fn validate_in(&self, email: &str, language: Language) -> FieldErrors {
        let mut errors = FieldErrors::new();
        if self.current_password.is_empty() {
            push(
                &mut errors,
                "current_password",
                FieldMessages(language).enter_your_current_password(),
            );
        }
        errors.extend(validate_new_password_in(
            email,
            &self.password,
            &self.confirm_password,
            language,
        ));
        errors
    }
}

impl ChangeNameRequest {
    pub fn validate(&self) -> FieldErrors {
        self.validate_in(Language::English)
    }

    pub fn validate_in(&self, language: Language) -> FieldErrors {
        validate_names_in(&self.forename, &self.surname, language)
    }
}

impl CreateStaffRequest {
    pub fn validate(&self) -> FieldErrors {
        self.validate_in(Language::English)
    }

    pub fn validate_in(&self, language: Language) -> FieldErrors {
        let mut errors = validate_names_in(&self.forename, &self.surname, language);
        errors.extend(validate_email_in(&self.email, language));
        if self.role == Role::Public {
            push(
                &mut errors,
                "role",
                FieldMessages(language).choose_staff_or_administrator(),
            );
        }
        errors
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
#[cfg_attr(feature = "openapi", schema(example = json!({"email": "priya.shah@newtrust.example", "password": "Tall-Trees-4-Ever!"})))]
pub struct ChangeEmailRequest {
    /// The new address, which a code will be sent to.
    pub email: String,
    /// The current password, so that an unattended session cannot take the account.
    pub password: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
#[cfg_attr(feature = "openapi", schema(example = json!({"code": "123 456"})))]
pub struct ConfirmEmailChangeRequest {
    pub code: String,
}

impl ChangeEmailRequest {
    pub fn validate(&self) -> FieldErrors {
        self.validate_in(Language::English)
    }

    pub fn validate_in(&self, language: Language) -> FieldErrors {
        let mut errors = validate_email_in(&self.email, language);
        if self.password.is_empty() {
            push(
                &mut errors,
                "password",
                FieldMessages(language).enter_your_password(),
            );
        }
        errors
    }
}

impl ConfirmEmailChangeRequest {
    pub fn validate(&self) -> FieldErrors {
        self.validate_in(Language::English)
    }

    pub fn validate_in(&self, language: Language) -> FieldErrors {
        validate_code_in(&self.code, language)
    }
}

super::words::stored_as_word!(Role, "role");
