//! Error answers shared by many operations, for the OpenAPI document.

use shared::api::Problem;
use utoipa::ToResponse;

/// The input breaks a rule; `errors` names each field and what is wrong.
#[derive(ToResponse)]
#[response(
    description = "Some fields need correcting; `errors` names each one.",
    content_type = "application/problem+json",
    example = json!({"type": "about:blank", "title": "Some answers need correcting", "status": 422,
        "detail": "Check the fields listed in errors.", "code": "validation_failed",
        "errors": {"email": ["Enter an email address in the correct format, like name@example.com"]}})
)]
pub struct ValidationFailed(#[allow(dead_code)] Problem);

/// The body is not JSON at all (a value of the wrong kind is a 422 naming its field).
#[derive(ToResponse)]
#[response(
    description = "The request could not be read: a body that is not JSON at all (cut short, not UTF-8, nested too deeply). A value of the wrong kind, an unknown field or a missing one, in the body or the query string, is a 422 naming the field instead.",
    content_type = "application/problem+json",
    example = json!({"type": "about:blank", "title": "The request could not be read", "status": 400,
        "detail": "EOF while parsing a value at line 1 column 11",
        "code": "malformed_body"})
)]
pub struct MalformedBody(#[allow(dead_code)] Problem);

/// Too many failures or requests.
#[derive(ToResponse)]
#[response(
    description = "Too many wrong passwords or codes for this email address, or too many requests from this client. `Retry-After` says when to try again.",
    content_type = "application/problem+json",
    example = json!({"type": "about:blank", "title": "Too many attempts", "status": 429,
        "detail": "For your security, wait until 22 November 2026 at 4:55pm (GMT) and try again.",
        "code": "too_many_attempts"})
)]
pub struct TooManyAttempts(#[allow(dead_code)] Problem);

/// No valid access token or refresh cookie.
#[derive(ToResponse)]
#[response(
    description = "Not signed in, or the session has ended.",
    content_type = "application/problem+json",
    example = json!({"type": "about:blank", "title": "You need to sign in", "status": 401,
        "detail": "Sign in, or sign in again if your session ended.", "code": "not_signed_in"})
)]
pub struct NotSignedIn(#[allow(dead_code)] Problem);

/// Signed in, but not with a role that may do this.
#[derive(ToResponse)]
#[response(
    description = "Signed in, but this is for another role, or (for a machine client) needs a scope the client does not hold.",
    content_type = "application/problem+json",
    example = json!({"type": "about:blank", "title": "You do not have access to this", "status": 403,
        "detail": "This is for another role, or needs a scope this client does not hold.", "code": "forbidden"})
)]
pub struct Forbidden(#[allow(dead_code)] Problem);

/// No such record, or one that belongs to someone else (never confirmed either way).
#[derive(ToResponse)]
#[response(
    description = "No such record, or it is not yours: the answer is the same, so ids are never confirmed.",
    content_type = "application/problem+json",
    example = json!({"type": "about:blank", "title": "Page not found", "status": 404, "code": "not_found"})
)]
pub struct NotFound(#[allow(dead_code)] Problem);

/// The body is over the size limit.
#[derive(ToResponse)]
#[response(
    description = "The body is over the size limit, which `detail` gives.",
    content_type = "application/problem+json",
    example = json!({"type": "about:blank", "title": "The request body is too large", "status": 413,
        "detail": "Send a body of at most 10485760 bytes.", "code": "payload_too_large"})
)]
pub struct TooLarge(#[allow(dead_code)] Problem);

/// An import sent without `Content-Type: text/csv`.
#[derive(ToResponse)]
#[response(
    description = "The body must be sent as `Content-Type: text/csv`.",
    content_type = "application/problem+json",
    example = json!({"type": "about:blank", "title": "The request body is not of the right type",
        "status": 415, "detail": "Send Content-Type: text/csv.", "code": "unsupported_media_type"})
)]
pub struct NotCsv(#[allow(dead_code)] Problem);

/// An import with rows that break the rules: nothing was stored.
#[derive(ToResponse)]
#[response(
    description = "Nothing was stored. With code `import_rejected`, some rows break a rule: \
                   `errors` names each as `rows[N].column`, N being its line in the file (the \
                   header is line 1). With code `validation_failed`, the file as a whole is \
                   wrong: `errors.columns` (a required column missing, or one not known) or \
                   `errors.rows` (no rows, or too many).",
    content_type = "application/problem+json",
    example = json!({"type": "about:blank", "title": "Some rows need correcting", "status": 422,
        "detail": "2 of 120 rows need correcting, listed in errors; nothing was imported.",
        "code": "import_rejected",
        "errors": {
            "rows[4].date_of_birth": ["Write the date like 2026-11-23 or 23/11/2026, not 31/02/1938"],
            "rows[9].council_reference": ["A record with reference MOS-104233 is already in the portal"]
        }})
)]
pub struct ImportRejected(#[allow(dead_code)] Problem);

/// A JSON body sent without `Content-Type: application/json`, or no body at all.
#[derive(ToResponse)]
#[response(
    description = "The body must be JSON, sent as `Content-Type: application/json`.",
    content_type = "application/problem+json",
    example = json!({"type": "about:blank", "title": "The request body is not of the right type",
        "status": 415, "detail": "Send Content-Type: application/json.", "code": "unsupported_media_type"})
)]
pub struct NotJson(#[allow(dead_code)] Problem);
