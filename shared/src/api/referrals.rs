//! Drafts (forms saved for later) and submissions (forms sent to the council).

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use crate::forms::{Answers, SummaryRow};

use super::page::page;

/// Starts a draft: the answers so far, and the page the person was on.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[cfg_attr(feature = "openapi", schema(example = json!({
    "form_id": "dols-form-1",
    "answers": {"request_type": "urgent", "full_name": "Margaret Jones"},
    "page_id": "relevant-person"
})))]
#[serde(deny_unknown_fields)]
pub struct CreateDraftRequest {
    pub form_id: String,
    /// Answers keyed by question id, in the shapes the form definition describes.
    #[cfg_attr(feature = "openapi", schema(value_type = Object))]
    #[serde(default)]
    pub answers: Answers,
    /// The page to resume on.
    #[serde(default)]
    pub page_id: Option<String>,
}

/// Saves a draft again. `version` is the version you last read: if someone (or another tab)
/// saved since, the save is refused with 409 rather than overwriting their answers.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[cfg_attr(feature = "openapi", schema(example = json!({
    "version": 3,
    "answers": {"request_type": "urgent", "full_name": "Margaret Jones", "sex": "female"},
    "page_id": "care-home"
})))]
#[serde(deny_unknown_fields)]
pub struct UpdateDraftRequest {
    pub version: u32,
    #[cfg_attr(feature = "openapi", schema(value_type = Object))]
    pub answers: Answers,
    #[serde(default)]
    pub page_id: Option<String>,
}

/// A saved draft with its answers.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[cfg_attr(feature = "openapi", schema(example = json!({
    "id": "0193a7c2-5f1e-7cc0-9d1a-2f4b8e6c1a01",
    "form_id": "dols-form-1",
    "form_title": "DoLS Form 1: standard request and urgent authorisation",
    "form_version": 1,
    "version": 3,
    "answers": {"request_type": "urgent", "full_name": "Margaret Jones"},
    "page_id": "relevant-person",
    "progress": 13,
    "updated_at": "2026-11-23T10:15:00Z",
    "expires_at": "2026-12-23T10:15:00Z"
})))]
pub struct DraftView {
    pub id: String,
    pub form_id: String,
    pub form_title: String,
    /// The version of the form definition the draft was started on.
    pub form_version: u32,
    /// Goes up by one on every save; send it back with the next save.
    pub version: u32,
    #[cfg_attr(feature = "openapi", schema(value_type = Object))]
    pub answers: Answers,
    pub page_id: Option<String>,
    /// Share of the visible required questions answered, as a whole percentage.
    pub progress: u8,
    pub updated_at: DateTime<Utc>,
    /// When the draft is deleted unless saved again (30 days after the last save).
    pub expires_at: DateTime<Utc>,
}

/// A draft in the list of saved forms (without its answers).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[cfg_attr(feature = "openapi", schema(example = json!({
    "id": "0193a7c2-5f1e-7cc0-9d1a-2f4b8e6c1a01",
    "form_id": "dols-form-1",
    "form_title": "DoLS Form 1: standard request and urgent authorisation",
    "version": 3,
    "progress": 13,
    "updated_at": "2026-11-23T10:15:00Z",
    "expires_at": "2026-12-23T10:15:00Z"
})))]
pub struct DraftSummary {
    pub id: String,
    pub form_id: String,
    pub form_title: String,
    pub version: u32,
    pub progress: u8,
    pub updated_at: DateTime<Utc>,
    pub expires_at: DateTime<Utc>,
}

page!(
    /// One page of drafts, most recently saved first.
    DraftPage of DraftSummary
);

/// Sends a completed form to the council. Send an `Idempotency-Key` header too, so that a
/// retry after a lost answer never makes a second referral.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[cfg_attr(feature = "openapi", schema(example = json!({
    "form_id": "support-enquiry",
    "answers": {"about": "someone_else", "first_name": "Margaret", "last_name": "Jones"},
    "draft_id": "0193a7c2-5f1e-7cc0-9d1a-2f4b8e6c1a01"
})))]
#[serde(deny_unknown_fields)]
pub struct CreateSubmissionRequest {
    pub form_id: String,
    #[cfg_attr(feature = "openapi", schema(value_type = Object))]
    pub answers: Answers,
    /// The draft these answers came from, deleted once the form is submitted.
    #[serde(default)]
    pub draft_id: Option<String>,
    /// The language the form was answered in (`en` when not given); kept with the submission.
    #[serde(default)]
    pub language: crate::language::Language,
}

/// Where a submission has got to at the council.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum SubmissionStatus {
    Received,
    InReview,
    Accepted,
    Declined,
    MoreInformationNeeded,
}

impl SubmissionStatus {
    /// Every status, in the order a submission usually moves through them.
    pub const ALL: [Self; 5] = [
        Self::Received,
        Self::InReview,
        Self::MoreInformationNeeded,
        Self::Accepted,
        Self::Declined,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Self::Received => "received",
            Self::InReview => "in_review",
            Self::Accepted => "accepted",
            Self::Declined => "declined",
            Self::MoreInformationNeeded => "more_information_needed",
        }
    }

    pub fn parse(value: &str) -> Option<Self> {
        [
            Self::Received,
            Self::InReview,
            Self::Accepted,
            Self::Declined,
            Self::MoreInformationNeeded,
        ]
        .into_iter()
        .find(|s| s.as_str() == value)
    }

    /// For people: "More information needed".
    pub fn label(self) -> &'static str {
        match self {
            Self::Received => "Received",
            Self::InReview => "In review",
            Self::Accepted => "Accepted",
            Self::Declined => "Declined",
            Self::MoreInformationNeeded => "More information needed",
        }
    }
}

/// A submitted form with its frozen answers.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[cfg_attr(feature = "openapi", schema(example = json!({
    "id": "0193a7d0-11aa-7b3c-8e2f-6a5d4c3b2a10",
    "reference": "ASC-7K4M-9QX2",
    "form_id": "support-enquiry",
    "form_title": "Support enquiry",
    "form_version": 1,
    "status": "received",
    "submitted_at": "2026-11-23T10:20:00Z",
    "answers": {"about": "someone_else", "first_name": "Margaret"},
    "summary": [{"page_id": "about", "question_id": "first_name", "label": "First name",
        "answer": "Margaret", "missing": false}]
})))]
pub struct SubmissionView {
    pub id: String,
    /// Quote this when you contact the council.
    pub reference: String,
    pub form_id: String,
    pub form_title: String,
    /// The version of the form definition the answers were given to.
    pub form_version: u32,
    pub status: SubmissionStatus,
    pub submitted_at: DateTime<Utc>,
    #[cfg_attr(feature = "openapi", schema(value_type = Object))]
    pub answers: Answers,
    /// Each answered question in words, as the check-answers page showed it.
    pub summary: Vec<SummaryRow>,
    /// The language it was answered in. `form_title` and `summary` are in English; the
    /// sender's own copy (its page and PDF) is shown in this language.
    pub language: crate::language::Language,
}

/// A submission in the list of forms sent in the last 30 days.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[cfg_attr(feature = "openapi", schema(example = json!({
    "id": "0193a7d0-11aa-7b3c-8e2f-6a5d4c3b2a10",
    "reference": "ASC-7K4M-9QX2",
    "form_id": "support-enquiry",
    "form_title": "Support enquiry",
    "status": "received",
    "submitted_at": "2026-11-23T10:20:00Z"
})))]
pub struct SubmissionSummary {
    pub id: String,
    pub reference: String,
    pub form_id: String,
    pub form_title: String,
    pub status: SubmissionStatus,
    pub submitted_at: DateTime<Utc>,
}

page!(
    /// One page of submissions, newest first.
    SubmissionPage of SubmissionSummary
);

/// Starts a form without an account, after the browser's bot check. Nothing of the form is
/// sent: the answers stay in the browser until the person signs in to save or submit.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[cfg_attr(feature = "openapi", schema(example = json!({
    "form_id": "social-care-referral",
    "bot_check": "eyJhbGdvcml0aG0iOiJTSEEtMjU2Ii…"
})))]
#[serde(deny_unknown_fields)]
pub struct FormStartRequest {
    pub form_id: String,
    /// The solved bot check, base64 JSON (see `GET /api/v1/bot-check`).
    pub bot_check: String,
}

/// A file attached to a form, as stored: its name, checked type, size and SHA-256. The form's
/// answer to a file question is `{"id", "name", "content_type", "size"}` of an upload.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[cfg_attr(feature = "openapi", schema(example = json!({
    "id": "0193a7e1-2b3c-7d4e-8f5a-6b7c8d9e0f12",
    "name": "care-plan.pdf",
    "content_type": "application/pdf",
    "size": 48213,
    "sha256": "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08"
})))]
pub struct UploadView {
    pub id: String,
    pub name: String,
    /// `application/pdf`, `image/jpeg` or `image/png`, checked against the content.
    pub content_type: String,
    /// Bytes.
    pub size: u64,
    pub sha256: String,
}

super::words::stored_as_word!(SubmissionStatus, "submission status");
