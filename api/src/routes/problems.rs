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

/// The body is not JSON of the documented shape (unknown fields are refused).
#[derive(ToResponse)]
#[response(
    description = "The body could not be read: not JSON, or not of the documented shape.",
    content_type = "application/problem+json",
    example = json!({"type": "about:blank", "title": "The request body could not be read", "status": 400,
        "detail": "unknown field `emial`, expected one of `email`, `bot_check` at line 1 column 9",
        "code": "malformed_body"})
)]
pub struct MalformedBody(#[allow(dead_code)] Problem);

/// Too many failures or requests.
#[derive(ToResponse)]
#[response(
    description = "Too many wrong passwords or codes for this email address, or too many requests from this client. `Retry-After` says when to try again.",
    content_type = "application/problem+json",
    example = json!({"type": "about:blank", "title": "Too many attempts", "status": 429,
        "detail": "For your security, wait until 16:55 on 22 November 2026 UTC and try again.",
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
    description = "Signed in, but this is for another role.",
    content_type = "application/problem+json",
    example = json!({"type": "about:blank", "title": "You do not have access to this", "status": 403,
        "detail": "This is for council staff with the right role.", "code": "forbidden"})
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
