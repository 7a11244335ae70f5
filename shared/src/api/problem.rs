use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

/// Messages for each field that failed validation, keyed by the field's name in the request
/// (nested fields use dots, list items their index: `people.0.postcode`).
pub type FieldErrors = BTreeMap<String, Vec<String>>;

/// An error answer, as `application/problem+json` (RFC 9457).
///
/// `code` is stable and meant for programs; `title` and `detail` are for people and may change.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[cfg_attr(feature = "openapi", schema(example = json!({
    "type": "about:blank",
    "title": "Some answers need correcting",
    "status": 422,
    "detail": "Check the fields listed in errors.",
    "code": "validation_failed",
    "errors": {"email": ["Enter an email address in the correct format, like name@example.com"]}
})))]
pub struct Problem {
    /// A URI naming the kind of problem; `about:blank` when the status says it all.
    #[serde(rename = "type")]
    pub kind: String,
    pub title: String,
    pub status: u16,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub detail: Option<String>,
    /// Machine-readable, stable error code, for example `not_found` or `validation_failed`.
    pub code: String,
    /// For validation failures: what is wrong with each field.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub errors: FieldErrors,
    /// The request's id, also in its `X-Request-Id` header: quote it when asking for help.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub request_id: Option<String>,
}
