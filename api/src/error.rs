//! The one error type of every route, answered as `application/problem+json` (RFC 9457).

use actix_web::http::StatusCode;
use actix_web::http::header::{self, HeaderValue};
use actix_web::{HttpResponse, ResponseError};
use shared::api::{FieldErrors, Problem};
use shared::language::Language;

use diesel::result::DatabaseErrorKind;

use crate::db::DbError;
use crate::request_language::{self, said_in};

pub const PROBLEM_JSON: &str = "application/problem+json";

#[derive(Debug, thiserror::Error)]
pub enum ApiError {
    /// Input that parsed but breaks a rule; each field says what is wrong with it.
    #[error("validation failed on {}", .0.keys().cloned().collect::<Vec<_>>().join(", "))]
    Validation(FieldErrors),
    /// The body could not be read as the JSON this route takes.
    #[error("malformed request body: {0}")]
    MalformedBody(String),
    #[error("request body over {limit} bytes")]
    PayloadTooLarge { limit: usize },
    /// The body is not of the type this route takes, named in `expected`.
    #[error("unsupported content type")]
    UnsupportedMediaType { expected: &'static str },
    /// An import with rows that break the rules: `errors` names each as `rows[N].column`, N
    /// being the line of the file (the header is line 1). Nothing was stored.
    #[error("import rejected: {rejected} of {rows} rows")]
    ImportRejected {
        rows: usize,
        rejected: usize,
        errors: FieldErrors,
    },
    /// No valid access token: sign in first.
    #[error("not signed in")]
    Unauthorized,
    /// The email address and password do not match an account (never saying which is wrong).
    #[error("invalid credentials")]
    InvalidCredentials,
    /// A machine client's id and secret do not match a client that is still allowed in.
    #[error("invalid client")]
    InvalidClient,
    /// Signed in, but this route is for another role (staff or administrators).
    #[error("forbidden")]
    Forbidden,
    /// Too many failures or requests; try again after `until` (UTC).
    #[error("too many attempts")]
    TooManyAttempts { until: chrono::NaiveDateTime },
    /// Also the answer for records that exist but belong to someone else, so that ids are never
    /// confirmed to people who may not see them.
    #[error("not found")]
    NotFound,
    /// The request clashes with the record's current state: a save on a stale version, or an
    /// idempotency key reused for a different request. `code` is stable for programs.
    #[error("conflict: {code}")]
    Conflict { code: &'static str, detail: String },
    /// The path exists but not with this method; `allow` lists the ones it takes.
    #[error("method not allowed")]
    MethodNotAllowed { allow: String },
    #[error("database unavailable")]
    Unavailable(#[source] anyhow::Error),
    #[error(transparent)]
    Internal(#[from] anyhow::Error),
}

impl ApiError {
    /// `id`'s entry in a page's lookup by key (`accounts::names`, `people::person::names` …).
    /// Every stored reference has one, so a missing entry is bad data: an error, never a blank.
    pub fn looked_up<T: Clone>(
        found: &std::collections::HashMap<String, T>,
        id: &str,
        what: &str,
    ) -> Result<T, Self> {
        found
            .get(id)
            .cloned()
            .ok_or_else(|| Self::Internal(anyhow::anyhow!("{what} {id} is named but not stored")))
    }

    /// A whole number read back as the unsigned count it always is (a version, a size, a number
    /// of attempts): a negative one is bad data, an error, never 0.
    pub fn stored<T: TryFrom<i64>>(value: impl Into<i64>, what: &str) -> Result<T, Self> {
        let value = value.into();
        T::try_from(value).map_err(|_| {
            Self::Internal(anyhow::anyhow!(
                "a stored {what} of {value} is out of range"
            ))
        })
    }

    /// One field's error, the common case of validation.
    pub fn field(field: &str, message: impl Into<String>) -> Self {
        Self::Validation(FieldErrors::from([(
            field.to_owned(),
            vec![message.into()],
        )]))
    }

    fn code(&self) -> &'static str {
        match self {
            Self::Validation(_) => "validation_failed",
            Self::MalformedBody(_) => "malformed_body",
            Self::PayloadTooLarge { .. } => "payload_too_large",
            Self::UnsupportedMediaType { .. } => "unsupported_media_type",
            Self::ImportRejected { .. } => "import_rejected",
            Self::Unauthorized => "not_signed_in",
            Self::InvalidCredentials => "invalid_credentials",
            Self::InvalidClient => "invalid_client",
            Self::TooManyAttempts { .. } => "too_many_attempts",
            Self::Forbidden => "forbidden",
            Self::NotFound => "not_found",
            Self::Conflict { code, .. } => code,
            Self::MethodNotAllowed { .. } => "method_not_allowed",
            Self::Unavailable(_) => "service_unavailable",
            Self::Internal(_) => "internal_error",
        }
    }

    /// The key of the problem's title in `api/locales/*/problems.ftl`: one for each kind of
    /// problem (every conflict, whatever its `code`, shares one; its detail says what changed).
    fn title_key(&self) -> &'static str {
        match self {
            Self::Validation(_) => "problem-validation-failed-title",
            Self::MalformedBody(_) => "problem-malformed-body-title",
            Self::PayloadTooLarge { .. } => "problem-payload-too-large-title",
            Self::UnsupportedMediaType { .. } => "problem-unsupported-media-type-title",
            Self::ImportRejected { .. } => "problem-import-rejected-title",
            Self::Unauthorized => "problem-not-signed-in-title",
            Self::InvalidCredentials => "problem-invalid-credentials-title",
            Self::InvalidClient => "problem-invalid-client-title",
            Self::TooManyAttempts { .. } => "problem-too-many-attempts-title",
            Self::Forbidden => "problem-forbidden-title",
            Self::NotFound => "problem-not-found-title",
            Self::Conflict { .. } => "problem-conflict-title",
            Self::MethodNotAllowed { .. } => "problem-method-not-allowed-title",
            Self::Unavailable(_) => "problem-service-unavailable-title",
            Self::Internal(_) => "problem-internal-error-title",
        }
    }

    fn title(&self, language: Language) -> String {
        said_in(language, self.title_key(), [])
    }

    /// What people may be told, in `language`; internal causes stay in the log. A malformed
    /// body's reason is the JSON reader's own (English) words, for whoever wrote the client; a
    /// conflict's detail was worded where it arose, in the request's language.
    fn detail(&self, language: Language) -> Option<String> {
        match self {
            Self::Validation(_) => Some(said_in(language, "problem-validation-failed-detail", [])),
            Self::MalformedBody(reason) => Some(reason.clone()),
            Self::PayloadTooLarge { limit } => Some(said_in(
                language,
                "problem-payload-too-large-detail",
                [("limit", limit.to_string())],
            )),
            Self::UnsupportedMediaType { expected } => Some(said_in(
                language,
                "problem-unsupported-media-type-detail",
                [("expected", (*expected).to_owned())],
            )),
            Self::ImportRejected { rows, rejected, .. } => Some(said_in(
                language,
                "problem-import-rejected-detail",
                [
                    ("rejected", rejected.to_string()),
                    ("rows", rows.to_string()),
                ],
            )),
            Self::Unauthorized => Some(said_in(language, "problem-not-signed-in-detail", [])),
            Self::InvalidCredentials | Self::NotFound => None,
            Self::InvalidClient => Some(said_in(language, "problem-invalid-client-detail", [])),
            Self::Forbidden => Some(said_in(language, "problem-forbidden-detail", [])),
            Self::TooManyAttempts { until } => Some(said_in(
                language,
                "problem-too-many-attempts-detail",
                [("until", crate::i18n::uk_time(language, *until))],
            )),
            Self::Conflict { detail, .. } => Some(detail.clone()),
            Self::MethodNotAllowed { allow } => Some(said_in(
                language,
                "problem-method-not-allowed-detail",
                [("allow", allow.clone())],
            )),
            Self::Unavailable(_) | Self::Internal(_) => {
                Some(said_in(language, "problem-try-again-later", []))
            }
        }
    }

    /// The problem body, worded in the language the request being answered asked for.
    pub fn to_problem(&self) -> Problem {
        self.to_problem_in(request_language::current())
    }

    fn to_problem_in(&self, language: Language) -> Problem {
        let title = self.title(language);
        Problem {
            kind: "about:blank".into(),
            status: self.status_code().as_u16(),
            detail: self.detail(language),
            code: self.code().into(),
            errors: match self {
                Self::Validation(errors) | Self::ImportRejected { errors, .. } => errors.clone(),
                Self::InvalidCredentials => FieldErrors::from([
                    ("email".to_owned(), vec![title.clone()]),
                    ("password".to_owned(), vec![title.clone()]),
                ]),
                _ => FieldErrors::new(),
            },
            title,
            request_id: crate::request_id::current(),
        }
    }
}

impl ResponseError for ApiError {
    fn status_code(&self) -> StatusCode {
        match self {
            Self::Validation(_) | Self::ImportRejected { .. } => StatusCode::UNPROCESSABLE_ENTITY,
            Self::MalformedBody(_) => StatusCode::BAD_REQUEST,
            Self::PayloadTooLarge { .. } => StatusCode::PAYLOAD_TOO_LARGE,
            Self::UnsupportedMediaType { .. } => StatusCode::UNSUPPORTED_MEDIA_TYPE,
            Self::Unauthorized | Self::InvalidCredentials | Self::InvalidClient => {
                StatusCode::UNAUTHORIZED
            }
            Self::TooManyAttempts { .. } => StatusCode::TOO_MANY_REQUESTS,
            Self::Forbidden => StatusCode::FORBIDDEN,
            Self::NotFound => StatusCode::NOT_FOUND,
            Self::Conflict { .. } => StatusCode::CONFLICT,
            Self::MethodNotAllowed { .. } => StatusCode::METHOD_NOT_ALLOWED,
            Self::Unavailable(_) => StatusCode::SERVICE_UNAVAILABLE,
            Self::Internal(_) => StatusCode::INTERNAL_SERVER_ERROR,
        }
    }

    fn error_response(&self) -> HttpResponse {
        if self.status_code().is_server_error() {
            tracing::error!(error = ?self, "request failed");
        }
        let language = request_language::current();
        let mut response = HttpResponse::build(self.status_code());
        response.insert_header((header::CONTENT_TYPE, HeaderValue::from_static(PROBLEM_JSON)));
        // Every problem's title is worded by the request's Accept-Language, so a cache must
        // keep one copy for each language, and the reader is told which this is.
        response.insert_header((
            header::CONTENT_LANGUAGE,
            HeaderValue::from_static(language.code()),
        ));
        response.append_header((header::VARY, HeaderValue::from_static("Accept-Language")));
        match self {
            Self::Unavailable(_) => {
                response.insert_header((header::RETRY_AFTER, HeaderValue::from_static("5")));
            }
            Self::TooManyAttempts { until } => {
                let seconds = (*until - chrono::Utc::now().naive_utc())
                    .num_seconds()
                    .max(1);
                if let Ok(value) = HeaderValue::from_str(&seconds.to_string()) {
                    response.insert_header((header::RETRY_AFTER, value));
                }
            }
            Self::MethodNotAllowed { allow } => {
                if let Ok(value) = HeaderValue::from_str(allow) {
                    response.insert_header((header::ALLOW, value));
                }
            }
            _ => {}
        }
        response.json(self.to_problem_in(language))
    }
}

impl From<DbError> for ApiError {
    fn from(error: DbError) -> Self {
        match error {
            // No connection within the timeout: the database is down or overwhelmed.
            DbError::Pool(e) => Self::Unavailable(e.into()),
            DbError::Query(diesel::result::Error::NotFound) => Self::NotFound,
            // The connection broke mid-request (the database restarted): nothing was changed,
            // and the pool will open a new one, so the caller may simply try again.
            DbError::Query(diesel::result::Error::DatabaseError(
                DatabaseErrorKind::ClosedConnection | DatabaseErrorKind::UnableToSendCommand,
                info,
            )) => Self::Unavailable(anyhow::anyhow!(
                "database connection lost: {}",
                info.message()
            )),
            DbError::Query(e) => Self::Internal(e.into()),
            DbError::Task(e) => Self::Internal(e.into()),
        }
    }
}

impl From<diesel::result::Error> for ApiError {
    fn from(error: diesel::result::Error) -> Self {
        DbError::Query(error).into()
    }
}

/// A stored word that names no member of its set: the data is wrong, not the request.
impl From<shared::api::UnknownWord> for ApiError {
    fn from(error: shared::api::UnknownWord) -> Self {
        Self::Internal(error.into())
    }
}

/// A link under the portal's public address that cannot be made is the server's fault, never
/// the asker's.
impl From<url::ParseError> for ApiError {
    fn from(error: url::ParseError) -> Self {
        Self::Internal(error.into())
    }
}

impl From<actix_web::error::BlockingError> for ApiError {
    fn from(error: actix_web::error::BlockingError) -> Self {
        Self::Internal(anyhow::anyhow!("blocking task failed: {error}"))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_validation_problem_names_each_field() {
        let problem =
            ApiError::field("postcode", "Enter a real postcode, like L20 3NJ").to_problem();
        assert_eq!(problem.status, 422);
        assert_eq!(problem.code, "validation_failed");
        assert_eq!(
            problem.errors["postcode"],
            ["Enter a real postcode, like L20 3NJ"]
        );
    }

    /// One of each kind of problem.
    fn every_kind() -> Vec<ApiError> {
        let until = chrono::NaiveDate::from_ymd_opt(2026, 12, 1)
            .unwrap()
            .and_hms_opt(14, 5, 0)
            .unwrap();
        vec![
            ApiError::field("postcode", "Enter a real postcode, like L20 3NJ"),
            ApiError::MalformedBody("expected value at line 1 column 1".into()),
            ApiError::PayloadTooLarge { limit: 1_048_576 },
            ApiError::UnsupportedMediaType {
                expected: "application/json",
            },
            ApiError::ImportRejected {
                rows: 12,
                rejected: 3,
                errors: FieldErrors::new(),
            },
            ApiError::Unauthorized,
            ApiError::InvalidCredentials,
            ApiError::InvalidClient,
            ApiError::Forbidden,
            ApiError::TooManyAttempts { until },
            ApiError::NotFound,
            ApiError::Conflict {
                code: "stale_version",
                detail: "Reload it.".into(),
            },
            ApiError::MethodNotAllowed {
                allow: "GET, PUT".into(),
            },
            ApiError::Unavailable(anyhow::anyhow!("pool timed out")),
            ApiError::Internal(anyhow::anyhow!("disk full")),
        ]
    }

    #[test]
    fn every_kind_of_problem_has_its_title_in_both_languages() {
        let welsh = crate::i18n::message_ids(Language::Welsh);
        let english = crate::i18n::message_ids(Language::English);
        for error in every_kind() {
            let key = error.title_key();
            assert!(english.contains(key), "{key} is not in English");
            assert!(welsh.contains(key), "{key} is not in Welsh");
            let (en, cy) = (
                error.to_problem_in(Language::English),
                error.to_problem_in(Language::Welsh),
            );
            assert_ne!(en.title, cy.title, "{key}");
            assert!(!cy.title.contains("problem-"), "{key}: {}", cy.title);
            assert_eq!(en.code, cy.code, "the code is never worded");
            if let (Some(en), Some(cy)) = (&en.detail, &cy.detail)
                && !matches!(
                    error,
                    ApiError::MalformedBody(_) | ApiError::Conflict { .. }
                )
            {
                assert_ne!(en, cy, "{key}'s detail");
                assert!(!cy.contains("problem-"), "{key}: {cy}");
            }
        }
    }

    /// Integrators and their tests read these words: Fluent must give back exactly what the
    /// server said before it spoke Welsh.
    #[test]
    fn the_english_is_word_for_word_as_it_was() {
        let said: Vec<(String, Option<String>)> = every_kind()
            .iter()
            .map(|e| e.to_problem_in(Language::English))
            .map(|p| (p.title, p.detail))
            .collect();
        let was = |title: &str, detail: Option<&str>| (title.to_owned(), detail.map(str::to_owned));
        assert_eq!(
            said,
            [
                was(
                    "Some answers need correcting",
                    Some("Check the fields listed in errors.")
                ),
                was(
                    "The request could not be read",
                    Some("expected value at line 1 column 1")
                ),
                was(
                    "The request body is too large",
                    Some("Send a body of at most 1048576 bytes.")
                ),
                was(
                    "The request body is not of the right type",
                    Some("Send Content-Type: application/json.")
                ),
                was(
                    "Some rows need correcting",
                    Some("3 of 12 rows need correcting, listed in errors; nothing was imported.")
                ),
                was(
                    "You need to sign in",
                    Some("Sign in, or sign in again if your session ended.")
                ),
                was("Enter a correct email address and password", None),
                was(
                    "The client id and secret do not match",
                    Some(
                        "Check the client id and secret; an administrator may have rotated or \
                         revoked them."
                    )
                ),
                was(
                    "You do not have access to this",
                    Some("This is for another role, or needs a scope this client does not hold.")
                ),
                was(
                    "Too many attempts",
                    Some(
                        "For your security, wait until 1 December 2026 at 2:05pm (GMT) and try again."
                    )
                ),
                was("Page not found", None),
                was("This has changed since you last saw it", Some("Reload it.")),
                was("Method not allowed", Some("This path takes GET, PUT.")),
                was(
                    "Sorry, the service is unavailable",
                    Some("Try again later.")
                ),
                was(
                    "Sorry, there is a problem with the service",
                    Some("Try again later.")
                ),
            ]
        );
    }

    #[test]
    fn a_welsh_speaker_who_gets_the_password_wrong_is_told_beside_both_fields_in_welsh() {
        let problem = ApiError::InvalidCredentials.to_problem_in(Language::Welsh);
        assert_eq!(problem.title, "Rhowch gyfeiriad e-bost a chyfrinair cywir");
        assert_eq!(problem.errors["email"], [problem.title.as_str()]);
        assert_eq!(problem.errors["password"], [problem.title.as_str()]);
        assert_eq!(problem.code, "invalid_credentials");
    }

    #[test]
    fn a_wait_is_told_in_the_readers_language_and_clock() {
        let until = chrono::NaiveDate::from_ymd_opt(2026, 7, 3)
            .unwrap()
            .and_hms_opt(22, 30, 0)
            .unwrap();
        let problem = ApiError::TooManyAttempts { until }.to_problem_in(Language::Welsh);
        assert_eq!(
            problem.detail.as_deref(),
            Some(
                "Er eich diogelwch, arhoswch tan 3 Gorffennaf 2026 am 11:30yh (BST) a rhowch \
                 gynnig arall arni."
            )
        );
    }

    #[test]
    fn internal_causes_are_not_told_to_the_caller() {
        let problem = ApiError::Internal(anyhow::anyhow!("password=hunter2")).to_problem();
        assert!(!serde_json::to_string(&problem).unwrap().contains("hunter2"));
    }
}
