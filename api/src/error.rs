//! The one error type of every route, answered as `application/problem+json` (RFC 9457).

use actix_web::http::StatusCode;
use actix_web::http::header::{self, HeaderValue};
use actix_web::{HttpResponse, ResponseError};
use shared::api::{FieldErrors, Problem};

use diesel::result::DatabaseErrorKind;

use crate::db::DbError;

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

    fn title(&self) -> &'static str {
        match self {
            Self::Validation(_) => "Some answers need correcting",
            Self::MalformedBody(_) => "The request could not be read",
            Self::PayloadTooLarge { .. } => "The request body is too large",
            Self::UnsupportedMediaType { .. } => "The request body is not of the right type",
            Self::ImportRejected { .. } => "Some rows need correcting",
            Self::Unauthorized => "You need to sign in",
            Self::InvalidCredentials => "Enter a correct email address and password",
            Self::InvalidClient => "The client id and secret do not match",
            Self::TooManyAttempts { .. } => "Too many attempts",
            Self::Forbidden => "You do not have access to this",
            Self::NotFound => "Page not found",
            Self::Conflict { .. } => "This has changed since you last saw it",
            Self::MethodNotAllowed { .. } => "Method not allowed",
            Self::Unavailable(_) => "Sorry, the service is unavailable",
            Self::Internal(_) => "Sorry, there is a problem with the service",
        }
    }

    /// What people may be told; internal causes stay in the log.
    fn detail(&self) -> Option<String> {
        match self {
            Self::Validation(_) => Some("Check the fields listed in errors.".into()),
            Self::MalformedBody(reason) => Some(reason.clone()),
            Self::PayloadTooLarge { limit } => {
                Some(format!("Send a body of at most {limit} bytes."))
            }
            Self::UnsupportedMediaType { expected } => Some(format!("Send Content-Type: {expected}.")),
            Self::ImportRejected { rows, rejected, .. } => Some(format!(
                "{rejected} of {rows} rows need correcting, listed in errors; nothing was imported."
            )),
            Self::Unauthorized => Some("Sign in, or sign in again if your session ended.".into()),
            Self::InvalidCredentials => None,
            Self::InvalidClient => Some(
                "Check the client id and secret; an administrator may have rotated or revoked them."
                    .into(),
            ),
            Self::Forbidden => Some(
                "This is for another role, or needs a scope this client does not hold.".into(),
            ),
            Self::TooManyAttempts { until } => Some(format!(
                "For your security, wait until {} and try again.",
                crate::calendar::uk_time(*until)
            )),
            Self::NotFound => None,
            Self::Conflict { detail, .. } => Some(detail.clone()),
            Self::MethodNotAllowed { allow } => Some(format!("This path takes {allow}.")),
            Self::Unavailable(_) | Self::Internal(_) => Some("Try again later.".into()),
        }
    }

    pub fn to_problem(&self) -> Problem {
        Problem {
            kind: "about:blank".into(),
            title: self.title().into(),
            status: self.status_code().as_u16(),
            detail: self.detail(),
            code: self.code().into(),
            errors: match self {
                Self::Validation(errors) | Self::ImportRejected { errors, .. } => errors.clone(),
                Self::InvalidCredentials => FieldErrors::from([
                    ("email".to_owned(), vec![self.title().to_owned()]),
                    ("password".to_owned(), vec![self.title().to_owned()]),
                ]),
                _ => FieldErrors::new(),
            },
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
        let mut response = HttpResponse::build(self.status_code());
        response.insert_header((header::CONTENT_TYPE, HeaderValue::from_static(PROBLEM_JSON)));
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
        response.json(self.to_problem())
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

    #[test]
    fn internal_causes_are_not_told_to_the_caller() {
        let problem = ApiError::Internal(anyhow::anyhow!("password=hunter2")).to_problem();
        assert!(!serde_json::to_string(&problem).unwrap().contains("hunter2"));
    }
}
