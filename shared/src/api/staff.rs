//! The council's side: the referral queue and its changes, team message queues, people as
//! staff see them, and the audit log.

use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};

use super::page::page;
use super::{FieldErrors, LegalBasis, PersonId, Relationship, SubmissionStatus, UploadView};
use crate::forms::SummaryRow;

/// A team, as staff pick it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct TeamRef {
    pub key: String,
    pub name: String,
}

/// A member of staff, as staff pick them.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct StaffRef {
    pub id: String,
    pub name: String,
}

/// A member of staff with the teams they work in.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[cfg_attr(feature = "openapi", schema(example = json!({
    "id": "0193b030-0000-7000-8000-000000000030", "name": "Sam Taylor",
    "email": "sam.taylor@council.example", "role": "staff",
    "teams": [{"key": "contact_centre", "name": "Adult Social Care Contact Centre"}],
    "active": true
})))]
pub struct StaffMember {
    pub id: String,
    pub name: String,
    pub email: String,
    pub role: String,
    pub teams: Vec<TeamRef>,
    /// False once an administrator has switched the account off.
    pub active: bool,
}

/// Puts a member of staff in exactly these teams.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[cfg_attr(feature = "openapi", schema(example = json!({"teams": ["contact_centre", "dols"]})))]
#[serde(deny_unknown_fields)]
pub struct SetTeamsRequest {
    pub teams: Vec<String>,
}

/// A submission in the staff queue.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[cfg_attr(feature = "openapi", schema(example = json!({
    "id": "0193a7d0-11aa-7b3c-8e2f-6a5d4c3b2a10", "reference": "ASC-7K4M-9QX2",
    "form_id": "social-care-referral", "form_title": "Social care referral",
    "status": "in_review", "submitted_at": "2026-11-23T10:20:00Z", "due_on": "2026-12-07",
    "overdue": false, "submitted_by": "Priya Shah",
    "team": {"key": "contact_centre", "name": "Adult Social Care Contact Centre"},
    "assigned_to": {"id": "0193b030-0000-7000-8000-000000000030", "name": "Sam Taylor"}
})))]
pub struct QueueEntry {
    pub id: String,
    pub reference: String,
    pub form_id: String,
    pub form_title: String,
    pub status: SubmissionStatus,
    pub submitted_at: DateTime<Utc>,
    /// 10 working days after it arrived (weekends and England and Wales bank holidays skipped).
    pub due_on: NaiveDate,
    /// Past its due date and not yet accepted or declined.
    pub overdue: bool,
    /// The account holder who sent it.
    pub submitted_by: String,
    pub team: Option<TeamRef>,
    pub assigned_to: Option<StaffRef>,
    /// Who it is about: the record it is linked to, else what its answers said.
    pub person: Option<QueuePerson>,
    /// The person's record it is linked to: the one a completed item is about, or the one
    /// staff matched a referral to.
    pub person_id: Option<String>,
}

/// Who a queued submission is about, as the queue shows it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct QueuePerson {
    #[cfg_attr(feature = "openapi", schema(example = "Joseph Okafor"))]
    pub name: Option<String>,
    pub date_of_birth: Option<NaiveDate>,
    #[cfg_attr(feature = "openapi", schema(example = "EM1 2AB"))]
    pub postcode: Option<String>,
}

/// The order of the queue.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum QueueSort {
    /// Soonest due first.
    #[default]
    Due,
    /// Newest first.
    Received,
    /// By where it has got to (received, in review, more information needed, accepted,
    /// declined), soonest due first within each.
    Status,
}

impl QueueSort {
    pub const ALL: [Self; 3] = [Self::Due, Self::Received, Self::Status];

    pub fn as_str(self) -> &'static str {
        match self {
            Self::Due => "due",
            Self::Received => "received",
            Self::Status => "status",
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            Self::Due => "Due date, soonest first",
            Self::Received => "Received, newest first",
            Self::Status => "Status",
        }
    }
}

page!(
    /// One page of the queue, soonest due first.
    QueuePage of QueueEntry
);

/// One change to a submission: its status, its team or worker, or a note.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct SubmissionEvent {
    pub id: String,
    pub at: DateTime<Utc>,
    /// Who made the change.
    pub by: String,
    pub status: Option<SubmissionStatus>,
    pub team: Option<TeamRef>,
    pub assigned_to: Option<StaffRef>,
    pub note: Option<String>,
}

/// A submission as staff see it: the answers, its place in the queue and its history.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct StaffSubmissionView {
    #[serde(flatten)]
    pub entry: QueueEntry,
    pub form_version: u32,
    /// The language the sender answered in: write back in it. The summary is in English
    /// whatever it was; `as_answered` has the sender's own words.
    pub language: crate::language::Language,
    /// The email address of the account that sent it, to contact them.
    pub submitted_by_email: String,
    /// Who the answers say it is about, when the form names the questions that say so.
    pub about: Option<ReferredPerson>,
    /// Records that may be the person, best first, while it is linked to none. Never linked
    /// without a member of staff choosing.
    pub candidates: Vec<PersonCandidate>,
    /// Each answered question in words, as the sender saw it.
    pub summary: Vec<SummaryRow>,
    /// The titles of the pages the answers are on, as the form now names them, for headings.
    pub pages: Vec<PageTitle>,
    /// For a form answered in another language than English: the same answers in the words
    /// the sender read, for staff who read that language to switch to. Present while the
    /// form is still the version answered; the English `summary` stays the council's record.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub as_answered: Option<AnsweredView>,
    /// The files it carries; each opens at
    /// `/api/v1/integrations/submissions/{id}/attachments/{upload id}`.
    pub attachments: Vec<UploadView>,
    /// Every change, oldest first.
    pub history: Vec<SubmissionEvent>,
}

/// A submission's answers in the language its sender answered in.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[cfg_attr(feature = "openapi", schema(example = json!({
    "language": "cy",
    "summary": [{"question_id": "referrer_role", "page_id": "your-details",
                 "label": "Eich rôl", "answer": "GP", "missing": false}],
    "pages": [{"page_id": "your-details", "title": "Eich manylion"}]
})))]
pub struct AnsweredView {
    pub language: crate::language::Language,
    pub summary: Vec<SummaryRow>,
    pub pages: Vec<PageTitle>,
}

/// A page of a form, as the answers' headings name it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct PageTitle {
    #[cfg_attr(feature = "openapi", schema(example = "about-the-person"))]
    pub page_id: String,
    #[cfg_attr(feature = "openapi", schema(example = "About the person"))]
    pub title: String,
}

/// Who a referral says it is about.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ReferredPerson {
    pub forename: Option<String>,
    pub surname: Option<String>,
    pub date_of_birth: Option<NaiveDate>,
    /// Ten digits, without spaces.
    pub nhs_number: Option<String>,
    pub postcode: Option<String>,
}

/// Why a record may be the person a referral is about.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum MatchReason {
    NhsNumber,
    SurnameAndDateOfBirth,
    PostcodeAndDateOfBirth,
}

impl MatchReason {
    pub fn label(self) -> &'static str {
        match self {
            Self::NhsNumber => "Same NHS number",
            Self::SurnameAndDateOfBirth => "Same surname and date of birth",
            Self::PostcodeAndDateOfBirth => "Same postcode and date of birth",
        }
    }
}

/// A record that may be the person a referral is about, and why.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct PersonCandidate {
    pub person: PersonMatch,
    pub reasons: Vec<MatchReason>,
}

/// Links a referral to the record of the person it is about.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct LinkPersonRequest {
    #[cfg_attr(feature = "openapi", schema(value_type = String))]
    pub person_id: PersonId,
}

/// Changes a submission. Send at least one of the fields; each change is recorded with who
/// made it and when, and a change of status emails the sender.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[cfg_attr(feature = "openapi", schema(example = json!({
    "status": "accepted", "team": "contact_centre",
    "assigned_to": "0193b030-0000-7000-8000-000000000030",
    "note": "Needs an assessment this week: carer is in hospital."
})))]
#[serde(deny_unknown_fields)]
pub struct SubmissionChangeRequest {
    #[serde(default)]
    pub status: Option<SubmissionStatus>,
    /// The key of the team to take it.
    #[serde(default)]
    pub team: Option<String>,
    /// The id of the worker to take it (a member of the team).
    #[serde(default)]
    pub assigned_to: Option<String>,
    #[serde(default)]
    pub note: Option<String>,
}

impl SubmissionChangeRequest {
    pub fn validate(&self) -> FieldErrors {
        let mut errors = FieldErrors::new();
        let note = self.note.as_deref().map(str::trim).unwrap_or_default();
        if self.status.is_none()
            && self.team.is_none()
            && self.assigned_to.is_none()
            && note.is_empty()
        {
            errors.insert(
                "status".into(),
                vec!["Choose a new status, a team or a worker, or write a note".into()],
            );
        }
        if note.chars().count() > 2000 {
            errors.insert(
                "note".into(),
                vec!["The note must be 2000 characters or fewer".into()],
            );
        }
        errors
    }
}

/// A team's conversations with people, most recent first.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[cfg_attr(feature = "openapi", schema(example = json!({
    "key": "contact_centre", "name": "Adult Social Care Contact Centre", "unread": 3,
    "member": true
})))]
pub struct TeamQueueSummary {
    pub key: String,
    pub name: String,
    /// Messages from people that nobody in the team has opened.
    pub unread: u32,
    /// Whether the caller may open the team's conversations: its members, and administrators.
    pub member: bool,
}

/// A conversation in a team's queue.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[cfg_attr(feature = "openapi", schema(example = json!({
    "id": "0193b00f-0000-7000-8000-00000000000f", "person_id": "0193b001-0000-7000-8000-000000000001",
    "person_name": "Margaret Okafor", "subject": "New mobile number",
    "last_message_at": "2026-11-23T09:30:00Z", "unread": true
})))]
pub struct TeamThreadSummary {
    pub id: String,
    pub person_id: String,
    pub person_name: String,
    pub subject: String,
    pub last_message_at: DateTime<Utc>,
    /// Has a message from the person that nobody in the team has opened.
    pub unread: bool,
}

page!(
    /// One page of a team's conversations.
    TeamThreadPage of TeamThreadSummary
);

/// A person found by a staff search.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[cfg_attr(feature = "openapi", schema(example = json!({
    "id": "0193b001-0000-7000-8000-000000000001", "name": "Margaret Okafor",
    "date_of_birth": "1941-03-27", "postcode": "L20 3NJ"
})))]
pub struct PersonMatch {
    pub id: String,
    pub name: String,
    pub date_of_birth: Option<NaiveDate>,
    pub postcode: Option<String>,
}

page!(
    /// One page of people found.
    PersonMatchPage of PersonMatch
);

/// One entry of the audit log: who did what to which record, and when.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[cfg_attr(feature = "openapi", schema(example = json!({
    "id": "0193b040-0000-7000-8000-000000000040", "at": "2026-11-23T10:30:00Z",
    "actor": {"id": "0193b030-0000-7000-8000-000000000030", "name": "Sam Taylor"},
    "action": "read", "subject_type": "person", "subject_id": "0193b001-0000-7000-8000-000000000001",
    "person_id": "0193b001-0000-7000-8000-000000000001"
})))]
pub struct AuditEntry {
    pub id: String,
    pub at: DateTime<Utc>,
    pub actor: StaffRef,
    /// `read`, `search`, `list`, `create`, `update`, `withdraw`, `reply`, `send`, `link`…
    pub action: String,
    /// `person`, `submission`, `thread`, `document`, `item`, `involvement`, `link`, `account`;
    /// for a search or a list, `people`, `submissions` or `team`, with what was looked for as
    /// `subject_id`.
    pub subject_type: String,
    pub subject_id: String,
    /// The person whose record it touches, if any.
    pub person_id: Option<String>,
}

page!(
    /// One page of the audit log, newest first.
    AuditPage of AuditEntry
);

/// A time someone at the council opened a person's record, as the person sees it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[cfg_attr(feature = "openapi", schema(example = json!({
    "at": "2026-11-23T10:30:00Z", "by": "Sam Taylor", "what": "person"
})))]
pub struct RecordView {
    pub at: DateTime<Utc>,
    /// The member of staff.
    pub by: String,
    /// What they opened: `person`, `thread`, `document`, `item` or `submission`.
    pub what: String,
}

page!(
    /// One page of record views, newest first.
    RecordViewPage of RecordView
);

/// An account linked to a person, as staff see it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct LinkView {
    pub id: String,
    pub account_name: String,
    pub email: String,
    pub relationship: Relationship,
    pub legal_basis: Option<LegalBasis>,
    pub ends_on: Option<NaiveDate>,
}

/// A document published to a person, as staff see it: whether anyone has opened it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct StaffDocument {
    pub id: String,
    pub title: String,
    pub file_name: String,
    /// `application/pdf`, `image/jpeg` or `image/png`.
    pub content_type: String,
    pub published_at: DateTime<Utc>,
    /// The first time anyone linked to the person opened it.
    pub first_opened_at: Option<DateTime<Utc>>,
}

/// A person's record as staff see it: details, who can see it, who works with them, and the
/// latest documents, forms and conversations.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct StaffPersonView {
    pub details: super::PersonDetails,
    /// Accounts whose link works today.
    pub links: Vec<LinkView>,
    pub involvements: Vec<super::InvolvementView>,
    /// The 20 latest, newest first.
    pub documents: Vec<StaffDocument>,
    /// The 20 latest forms sent to complete, newest first.
    pub items: Vec<super::ItemSummary>,
    /// The 20 latest conversations, most recent first.
    pub threads: Vec<TeamThreadSummary>,
    /// The 20 latest invitations to see the record, newest first.
    pub invitations: Vec<StaffInvitation>,
    /// The 20 latest referrals linked to the record, newest first, with their status.
    pub referrals: Vec<super::SubmissionSummary>,
    /// The 20 latest requests for documents in another format, newest first; publish a
    /// document with `answers` to answer one.
    pub format_requests: Vec<super::FormatRequestView>,
}

/// A conversation as its team sees it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct StaffThreadView {
    pub person_id: String,
    pub person_name: String,
    /// The team that answers it.
    pub team: TeamRef,
    #[serde(flatten)]
    pub thread: super::ThreadView,
}

/// An invitation to see a person's record, as the invited account holder sees it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[cfg_attr(feature = "openapi", schema(example = json!({
    "id": "0193b050-0000-7000-8000-000000000050", "person_name": "Margaret Okafor",
    "relationship": "proxy", "legal_basis": "lasting_power_of_attorney", "ends_on": null,
    "expires_at": "2026-12-23T10:00:00Z"
})))]
pub struct InvitationView {
    pub id: String,
    /// Whose record it is.
    pub person_name: String,
    pub relationship: Relationship,
    pub legal_basis: Option<LegalBasis>,
    /// The last day the access would work, if it ends.
    pub ends_on: Option<NaiveDate>,
    /// Accept before then.
    pub expires_at: DateTime<Utc>,
}

/// An invitation as staff see it on the person's record.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[cfg_attr(feature = "openapi", schema(example = json!({
    "id": "0193b050-0000-7000-8000-000000000050", "email": "ade.okafor@example.org",
    "relationship": "proxy", "legal_basis": "lasting_power_of_attorney",
    "invited_at": "2026-11-23T10:00:00Z", "expires_at": "2026-12-23T10:00:00Z",
    "state": "waiting"
})))]
pub struct StaffInvitation {
    pub id: String,
    pub email: String,
    pub relationship: Relationship,
    pub legal_basis: Option<LegalBasis>,
    pub invited_at: DateTime<Utc>,
    pub expires_at: DateTime<Utc>,
    /// `waiting`, `accepted`, `declined`, `expired` or `withdrawn`.
    pub state: String,
}

/// One row an import stored.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ImportedRow {
    /// The row's line in the file; the header is line 1.
    pub row: usize,
    /// The new record's id: the person's, or the involvement's.
    pub id: String,
    /// The person the row is about.
    pub person_id: String,
}

/// What an import stored: every row of the file, in order, or (when any row broke a rule)
/// nothing at all.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[cfg_attr(feature = "openapi", schema(example = json!({
    "imported": 2,
    "rows": [
        {"row": 2, "id": "0193b001-0000-7000-8000-000000000001", "person_id": "0193b001-0000-7000-8000-000000000001"},
        {"row": 3, "id": "0193b001-0000-7000-8000-000000000002", "person_id": "0193b001-0000-7000-8000-000000000002"}
    ]
})))]
pub struct ImportReport {
    pub imported: usize,
    pub rows: Vec<ImportedRow>,
}

/// How the service is doing: the overview at /staff, for the last 12 weeks.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Overview {
    /// The team it is narrowed to; absent for the whole service.
    pub team: Option<TeamRef>,
    /// Submissions received a week, by form, oldest week first (weeks start on Monday).
    pub weeks: Vec<WeekReceived>,
    /// Work still open, and how much of it is overdue, by team ("no team yet" has no team).
    pub teams: Vec<TeamWork>,
    /// From arrival to the first change of status, for what arrived in the 12 weeks.
    pub first_response: FirstResponse,
    /// Forms started as drafts and drafts sent, by form.
    pub forms: Vec<FormUse>,
}

/// One week of arrivals.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct WeekReceived {
    /// The Monday it starts on.
    pub starting: NaiveDate,
    pub total: u64,
    /// Only the forms that had any.
    pub by_form: Vec<FormCount>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct FormCount {
    #[cfg_attr(feature = "openapi", schema(example = "social-care-referral"))]
    pub form_id: String,
    pub count: u64,
}

/// A team's open work.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct TeamWork {
    pub team: Option<TeamRef>,
    pub open: u64,
    pub overdue: u64,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct FirstResponse {
    /// How many have had a change of status.
    pub answered: u64,
    /// How many still wait for one.
    pub waiting: u64,
    /// The median of the working days each took (weekends and bank holidays skipped);
    /// absent when none has been answered.
    #[cfg_attr(feature = "openapi", schema(example = 2.5))]
    pub median_working_days: Option<f64>,
}

/// How often a form is started and sent.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct FormUse {
    #[cfg_attr(feature = "openapi", schema(example = "social-care-referral"))]
    pub form_id: String,
    #[cfg_attr(
        feature = "openapi",
        schema(example = "Refer someone for adult social care")
    )]
    pub form_title: String,
    /// Drafts started (a form someone saved at least once).
    pub started: u64,
    /// Drafts sent as submissions.
    pub sent: u64,
}
