use serde::{Deserialize, Serialize};

use crate::language::Language;

use super::FieldErrors;
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

const ENTER_EMAIL: &str = "Enter an email address in the correct format, like name@example.com";

fn push(errors: &mut FieldErrors, field: &str, message: impl Into<String>) {
    errors
        .entry(field.to_owned())
        .or_default()
        .push(message.into());
}

/// Step 1 of registration, which the browser checks before moving to step 2.
pub fn validate_names(forename: &str, surname: &str) -> FieldErrors {
    let mut errors = FieldErrors::new();
    for (field, value, label) in [
        ("forename", forename, "forename"),
        ("surname", surname, "surname"),
    ] {
        let value = value.trim();
        if value.is_empty() {
            push(&mut errors, field, format!("Enter your {label}"));
        } else if value.chars().count() > 100 {
            push(
                &mut errors,
                field,
                format!("Your {label} must be 100 characters or fewer"),
            );
        } else if value.chars().any(char::is_control) {
            push(
                &mut errors,
                field,
                format!("Your {label} must not contain control characters"),
            );
        }
    }
    errors
}

/// Email, password and its confirmation: registration step 2 and the password reset.
pub fn validate_new_password(email: &str, password: &str, confirm: &str) -> FieldErrors {
    let mut errors = FieldErrors::new();
    if password.is_empty() {
        push(&mut errors, "password", "Enter a password");
    } else if let Some(rule) = unmet_password_rules(password, email).first() {
        push(
            &mut errors,
            "password",
            format!(
                "Your password does not meet the policy: {}",
                rule.description().to_lowercase()
            ),
        );
    }
    if confirm.is_empty() {
        push(&mut errors, "confirm_password", "Confirm your password");
    } else if confirm != password {
        push(
            &mut errors,
            "confirm_password",
            "The passwords do not match",
        );
    }
    errors
}

pub fn validate_email(email: &str) -> FieldErrors {
    let mut errors = FieldErrors::new();
    if email.trim().is_empty() {
        push(&mut errors, "email", "Enter your email address");
    } else if !is_email_address(email.trim()) {
        push(&mut errors, "email", ENTER_EMAIL);
    }
    errors
}

/// An emailed 6-digit code, with or without its space.
pub fn validate_code(code: &str) -> FieldErrors {
    let mut errors = FieldErrors::new();
    if code.trim().is_empty() {
        push(&mut errors, "code", "Enter the 6-digit code from the email");
    } else if normalise_code(code).is_none() {
        push(
            &mut errors,
            "code",
            "The code must be 6 digits, like 123 456",
        );
    }
    errors
}

impl RegistrationRequest {
    /// Every field's errors, as the browser shows them and the server refuses them.
    pub fn validate(&self) -> FieldErrors {
        let mut errors = validate_names(&self.forename, &self.surname);
        errors.extend(validate_email(&self.email));
        errors.extend(validate_new_password(
            &self.email,
            &self.password,
            &self.confirm_password,
        ));
        errors
    }
}

impl VerifyCodeRequest {
    pub fn validate(&self) -> FieldErrors {
        let mut errors = validate_email(&self.email);
        errors.extend(validate_code(&self.code));
        errors
    }
}

impl SignInRequest {
    pub fn validate(&self) -> FieldErrors {
        let mut errors = validate_email(&self.email);
        if self.password.is_empty() {
            push(&mut errors, "password", "Enter your password");
        }
        errors
    }
}

impl PasswordResetCompletion {
    pub fn validate(&self) -> FieldErrors {
        let mut errors = VerifyCodeRequest {
            email: self.email.clone(),
            code: self.code.clone(),
        }
        .validate();
        errors.extend(validate_new_password(
            &self.email,
            &self.password,
            &self.confirm_password,
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
        let mut errors = FieldErrors::new();
        if self.current_password.is_empty() {
            push(
                &mut errors,
                "current_password",
                "Enter your current password",
            );
        }
        errors.extend(validate_new_password(
            email,
            &self.password,
            &self.confirm_password,
        ));
        errors
    }
}

impl ChangeNameRequest {
    pub fn validate(&self) -> FieldErrors {
        validate_names(&self.forename, &self.surname)
    }
}

impl CreateStaffRequest {
    pub fn validate(&self) -> FieldErrors {
        let mut errors = validate_names(&self.forename, &self.surname);
        errors.extend(validate_email(&self.email));
        if self.role == Role::Public {
            push(&mut errors, "role", "Choose staff or administrator");
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
        let mut errors = validate_email(&self.email);
        if self.password.is_empty() {
            push(&mut errors, "password", "Enter your password");
        }
        errors
    }
}

impl ConfirmEmailChangeRequest {
    pub fn validate(&self) -> FieldErrors {
        validate_code(&self.code)
    }
}

super::words::stored_as_word!(Role, "role");
