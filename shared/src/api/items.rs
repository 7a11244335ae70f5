//! Items to complete: forms the council sends a person to fill in. They are filled and saved
//! like a referral, but the answers so far belong to the item (the person and their proxies
//! see the same progress), and the submission goes back to the team that sent it.

use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};

use super::FieldErrors;
use super::field_messages::FieldMessages;
use super::page::page;
use crate::forms::{Answers, SummaryRow};
use crate::language::Language;

/// The longest note staff may send with a form.
const MAX_NOTE: usize = 2000;

/// Where an item has got to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum ItemStatus {
    /// Nobody has saved an answer yet.
    NotStarted,
    /// Saved at least once, not yet submitted.
    InProgress,
    /// Sent back to the council; it can no longer be changed.
    Submitted,
}

impl ItemStatus {
    /// The words a status tag shows.
    pub fn label(self) -> &'static str {
        match self {
            Self::NotStarted => "Not started",
            Self::InProgress => "In progress",
            Self::Submitted => "Submitted",
        }
    }
}

/// An item in the Items to complete list (without its answers).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[cfg_attr(feature = "openapi", schema(example = json!({
    "id": "0193b020-0000-7000-8000-000000000020", "form_id": "financial-assessment",
    "form_title": "Financial assessment", "team": "Financial Assessments",
    "sent_at": "2026-11-20T09:00:00Z", "due_on": "2026-12-04", "status": "in_progress",
    "progress": 40, "submitted_at": null, "submission_id": null
})))]
pub struct ItemSummary {
    pub id: String,
    pub form_id: String,
    pub form_title: String,
    /// The team that sent the form, which receives the answers.
    pub team: String,
    pub sent_at: DateTime<Utc>,
    /// The day the council asks for it by.
    pub due_on: NaiveDate,
    pub status: ItemStatus,
    /// Share of the visible required questions answered, as a whole percentage.
    pub progress: u8,
    pub submitted_at: Option<DateTime<Utc>>,
    /// What was sent, once submitted (staff open it in the queue).
    pub submission_id: Option<String>,
}

page!(
    /// One page of items, newest first.
    ItemPage of ItemSummary
);

/// What the person sent back.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ItemSubmission {
    pub id: String,
    /// Quote this when you contact the council.
    pub reference: String,
    pub submitted_at: DateTime<Utc>,
    /// Who submitted it: the person or their proxy.
    pub submitted_by: String,
    /// Each answered question in words, as the check-answers page showed it.
    pub summary: Vec<SummaryRow>,
}

/// An item with its answers so far, or with what was sent.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[cfg_attr(feature = "openapi", schema(example = json!({
    "id": "0193b020-0000-7000-8000-000000000020", "form_id": "financial-assessment",
    "form_title": "Financial assessment", "team": "Financial Assessments",
    "sent_at": "2026-11-20T09:00:00Z", "due_on": "2026-12-04", "status": "in_progress",
    "progress": 40, "submitted_at": null, "submission_id": null,
    "note": "Please fill this in before your assessment visit on 8 December.",
    "version": 2, "answers": {"lives_with_partner": "no"}, "page_id": "benefits",
    "saved_at": "2026-11-21T18:02:00Z", "submission": null
})))]
pub struct ItemView {
    #[serde(flatten)]
    pub item: ItemSummary,
    /// What the team wrote when they sent it.
    pub note: Option<String>,
    /// Goes up by one on every save; send it back with the next save.
    pub version: u32,
    #[cfg_attr(feature = "openapi", schema(value_type = Object))]
    pub answers: Answers,
    /// The page to resume on.
    pub page_id: Option<String>,
    pub saved_at: Option<DateTime<Utc>>,
    pub submission: Option<ItemSubmission>,
}

/// Saves the answers so far. `version` is the version you last read: if someone else linked
/// to the person saved since, the save is refused with 409 rather than losing their answers.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[cfg_attr(feature = "openapi", schema(example = json!({
    "version": 2, "answers": {"lives_with_partner": "no", "benefits": ["pension_credit"]},
    "page_id": "savings"
})))]
#[serde(deny_unknown_fields)]
pub struct SaveItemRequest {
    pub version: u32,
    #[cfg_attr(feature = "openapi", schema(value_type = Object))]
    pub answers: Answers,
    #[serde(default)]
    pub page_id: Option<String>,
}

/// Sends the completed item back to the council. Send an `Idempotency-Key` header too, so a
/// retry after a lost answer never sends it twice.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[cfg_attr(feature = "openapi", schema(example = json!({
    "answers": {"lives_with_partner": "no", "benefits": ["pension_credit"], "declaration": ["confirmed"]}
})))]
#[serde(deny_unknown_fields)]
pub struct SubmitItemRequest {
    #[cfg_attr(feature = "openapi", schema(value_type = Object))]
    pub answers: Answers,
    /// The language the form was answered in (`en` when not given); kept with the answers.
    #[serde(default)]
    pub language: crate::language::Language,
}

/// Staff send a form to a person to complete.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[cfg_attr(feature = "openapi", schema(example = json!({
    "form_id": "financial-assessment", "team": "finance", "due_on": "2026-12-04",
    "note": "Please fill this in before your assessment visit on 8 December."
})))]
#[serde(deny_unknown_fields)]
pub struct SendItemRequest {
    /// A form whose audience is `citizen`.
    pub form_id: String,
    /// The key of the team sending it, which receives the answers.
    pub team: String,
    pub due_on: NaiveDate,
    #[serde(default)]
    pub note: Option<String>,
}

impl SendItemRequest {
    /// The checks that need nothing but the request and the date, in English (as the server
    /// answers by default); [`Self::validate_in`] for a page's language.
    pub fn validate(&self, today: NaiveDate) -> FieldErrors {
        self.validate_in(today, Language::English)
    }

    pub fn validate_in(&self, today: NaiveDate, language: Language) -> FieldErrors {
        let says = FieldMessages(language);
        let mut errors = FieldErrors::new();
        if self.due_on < today {
            errors.insert("due_on".into(), vec![says.due_today_or_later()]);
        }
        if self
            .note
            .as_deref()
            .is_some_and(|n| n.chars().count() > MAX_NOTE)
        {
            errors.insert("note".into(), vec![says.note_too_long(MAX_NOTE)]);
        }
        errors
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_form_sent_with_a_past_date_is_refused_in_the_page_language() {
        let today = NaiveDate::from_ymd_opt(2026, 11, 23).unwrap();
        let request = SendItemRequest {
            form_id: "financial-assessment".into(),
            team: "finance".into(),
            due_on: NaiveDate::from_ymd_opt(2026, 11, 20).unwrap(),
            note: Some("x".repeat(MAX_NOTE + 1)),
        };
        let welsh = request.validate_in(today, Language::Welsh);
        assert_eq!(
            welsh["due_on"],
            ["Rhaid i'r dyddiad i'w chwblhau erbyn fod heddiw neu'n hwyrach"]
        );
        assert_eq!(welsh["note"], ["Rhaid i'r nodyn fod yn 2000 nod neu lai"]);
        let english = request.validate(today);
        assert_eq!(
            english["due_on"],
            ["The date to complete it by must be today or later"]
        );
        assert_eq!(
            english["note"],
            ["The note must be 2000 characters or fewer"]
        );
    }
}
