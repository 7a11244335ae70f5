//! The council's referral queue: every submission (referrals, DoLS forms and completed items),
//! due 10 working days after it arrived, with a status, a team and a worker. Each change is
//! recorded with who made it and when, and a change of status emails the sender.

pub mod matching;
pub mod overview;
pub mod queue;
pub mod working_days;

use std::collections::HashMap;

use chrono::{NaiveDate, NaiveDateTime};
use diesel::prelude::*;
use minijinja::context;
use shared::api::{
    AnsweredView, PageTitle, QueueEntry, QueuePerson, StaffRef, StaffSubmissionView,
    SubmissionChangeRequest, SubmissionEvent, SubmissionId, SubmissionStatus, TeamRef,
};
use shared::forms::{FormDefinition, SummaryRow};
use shared::language::Language;
use uuid::Uuid;

use crate::audit::{self, Action, Event, Subject};
use crate::auth::Staff;
use crate::calendar;
use crate::calendar::timestamp;
use crate::db::DbConnection;
use crate::db::schema::{submission_events, submissions};
use crate::email::{self, Template};
use crate::error::ApiError;
use crate::referrals::{from_json, uploads};
use crate::state::AppState;

/// The statuses that still need the council to act.
const OPEN: [&str; 3] = ["received", "in_review", "more_information_needed"];

#[derive(Debug, Clone, Queryable, Selectable)]
#[diesel(table_name = submissions)]
struct Queued {
    id: String,
    reference: String,
    account_id: String,
    form_id: String,
    form_title: String,
    #[diesel(deserialize_as = String)]
    status: SubmissionStatus,
    submitted_at: NaiveDateTime,
    due_on: Option<NaiveDate>,
    team_key: Option<String>,
    assigned_to: Option<String>,
    person_id: Option<String>,
    about_name: Option<String>,
    about_date_of_birth: Option<NaiveDate>,
    about_postcode: Option<String>,
}

impl Queued {
    fn due_on(&self) -> NaiveDate {
        self.due_on
            .unwrap_or_else(|| working_days::due_on(calendar::london_date(self.submitted_at)))
    }
}

/// Names of teams, accounts and people, looked up once for a page of rows.
struct Names {
    teams: HashMap<String, String>,
    accounts: HashMap<String, (String, String)>,
    people: HashMap<String, QueuePerson>,
}

impl Names {
    /// The names a page of the queue shows.
    fn for_rows(conn: &mut DbConnection, rows: &[Queued]) -> QueryResult<Self> {
        let mut names = Self::load(
            conn,
            rows.iter().filter_map(|r| r.team_key.as_ref()),
            rows.iter()
                .flat_map(|r| std::iter::once(&r.account_id).chain(r.assigned_to.as_ref())),
        )?;
        names.load_people(conn, rows.iter().filter_map(|r| r.person_id.as_ref()))?;
        Ok(names)
    }

    /// The linked records' names: once linked, the queue shows who the council holds.
    fn load_people<'a>(
        &mut self,
        conn: &mut DbConnection,
        ids: impl IntoIterator<Item = &'a String>,
    ) -> QueryResult<()> {
        let ids: Vec<&str> = ids.into_iter().map(String::as_str).collect();
        if ids.is_empty() {
            return Ok(());
        }
        self.people = crate::people::person::identities(conn, ids)?;
        Ok(())
    }

    fn about(&self, row: &Queued) -> Option<QueuePerson> {
        let linked = row.person_id.as_ref().and_then(|id| self.people.get(id));
        linked.cloned().or_else(|| {
            (row.about_name.is_some()
                || row.about_date_of_birth.is_some()
                || row.about_postcode.is_some())
            .then(|| QueuePerson {
                name: row.about_name.clone(),
                date_of_birth: row.about_date_of_birth,
                postcode: row.about_postcode.clone(),
            })
        })
    }

    fn load<'a>(
        conn: &mut DbConnection,
        team_keys: impl IntoIterator<Item = &'a String>,
        account_ids: impl IntoIterator<Item = &'a String>,
    ) -> QueryResult<Self> {
        let teams = crate::teams::names(conn, team_keys.into_iter().map(String::as_str))?;
        let accounts =
            crate::accounts::contacts(conn, account_ids.into_iter().map(String::as_str))?
                .into_iter()
                .map(|(id, contact)| (id, (contact.name(), contact.email)))
                .collect();
        Ok(Self {
            teams,
            accounts,
            people: HashMap::new(),
        })
    }

    fn team(&self, key: Option<&String>) -> Option<TeamRef> {
        key.map(|key| TeamRef {
            key: key.clone(),
            name: self.teams.get(key).cloned().unwrap_or_else(|| key.clone()),
        })
    }

    fn person(&self, id: Option<&String>) -> Option<StaffRef> {
        id.map(|id| StaffRef {
            id: id.clone(),
            name: self.name(id),
        })
    }

    fn name(&self, id: &str) -> String {
        self.accounts
            .get(id)
            .map_or_else(|| "A former member of staff".to_owned(), |(n, _)| n.clone())
    }

    fn email(&self, id: &str) -> String {
        self.accounts
            .get(id)
            .map(|(_, e)| e.clone())
            .unwrap_or_default()
    }

    fn entry(&self, row: &Queued, today: NaiveDate) -> QueueEntry {
        let status = row.status;
        let due_on = row.due_on();
        QueueEntry {
            id: row.id.clone(),
            reference: row.reference.clone(),
            form_id: row.form_id.clone(),
            form_title: row.form_title.clone(),
            status,
            submitted_at: row.submitted_at.and_utc(),
            due_on,
            overdue: due_on < today && OPEN.contains(&status.as_str()),
            submitted_by: self.name(&row.account_id),
            team: self.team(row.team_key.as_ref()),
            assigned_to: self.person(row.assigned_to.as_ref()),
            person: self.about(row),
            person_id: row.person_id.clone(),
        }
    }
}

#[derive(Debug, Clone, Queryable, Selectable)]
#[diesel(table_name = submission_events)]
struct EventRow {
    id: String,
    actor_id: String,
    status: Option<String>,
    team_key: Option<String>,
    assigned_to: Option<String>,
    note: Option<String>,
    created_at: NaiveDateTime,
}

/// The submission with its answers and history, read in the caller's transaction.
fn load(conn: &mut DbConnection, id: &str) -> Result<StaffSubmissionView, ApiError> {
    let (row, form_version, summary, language): (Queued, i32, String, String) = submissions::table
        .find(id)
        .select((
            Queued::as_select(),
            submissions::form_version,
            submissions::summary,
            submissions::language,
        ))
        .first(conn)
        .optional()?
        .ok_or(ApiError::NotFound)?;
    let events: Vec<EventRow> = submission_events::table
        .filter(submission_events::submission_id.eq(id))
        .order((
            submission_events::created_at.asc(),
            submission_events::id.asc(),
        ))
        .select(EventRow::as_select())
        .load(conn)?;
    let mut names = Names::load(
        conn,
        row.team_key
            .iter()
            .chain(events.iter().filter_map(|e| e.team_key.as_ref())),
        std::iter::once(&row.account_id)
            .chain(row.assigned_to.as_ref())
            .chain(events.iter().map(|e| &e.actor_id))
            .chain(events.iter().filter_map(|e| e.assigned_to.as_ref())),
    )?;
    names.load_people(conn, row.person_id.as_ref())?;
    let summary: Vec<SummaryRow> = from_json(&summary)?;
    let history = events
        .iter()
        .map(|e| SubmissionEvent {
            id: e.id.clone(),
            at: e.created_at.and_utc(),
            by: names.name(&e.actor_id),
            status: e.status.as_deref().and_then(SubmissionStatus::parse),
            team: names.team(e.team_key.as_ref()),
            assigned_to: names.person(e.assigned_to.as_ref()),
            note: e.note.clone(),
        })
        .collect();
    Ok(StaffSubmissionView {
        entry: names.entry(&row, calendar::today()),
        form_version: ApiError::stored(form_version, "form version")?,
        language: Language::try_from(language).map_err(|e| ApiError::Internal(e.into()))?,
        submitted_by_email: names.email(&row.account_id),
        about: None,
        candidates: Vec::new(),
        summary,
        pages: Vec::new(),
        as_answered: None,
        attachments: uploads::of_submission(conn, id)?
            .iter()
            .map(uploads::Upload::view)
            .collect::<Result<_, _>>()?,
        history,
    })
}

/// What the database does not hold: who the answers say it is about, the records that may be
/// them, the titles of the form's pages for the answers' headings, and the answers in the
/// sender's words when they answered in Welsh.
async fn complete(state: &AppState, view: &mut StaffSubmissionView) -> Result<(), ApiError> {
    if let Some(form) = state.forms.get(&view.entry.form_id) {
        view.pages = page_titles(form, Language::English);
        if view.language != Language::English && form.version == view.form_version {
            let id = view.entry.id.clone();
            let answers: String = state
                .database
                .run(move |conn| {
                    Ok::<_, ApiError>(
                        submissions::table
                            .find(&id)
                            .select(submissions::answers)
                            .first(conn)?,
                    )
                })
                .await?;
            let day = calendar::london_date(view.entry.submitted_at.naive_utc());
            view.as_answered = Some(AnsweredView {
                language: view.language,
                summary: shared::forms::summary_in(form, &from_json(&answers)?, day, view.language),
                pages: page_titles(form, view.language),
            });
        }
    }
    matching::fill(state, view).await
}

fn page_titles(form: &FormDefinition, language: Language) -> Vec<PageTitle> {
    form.pages
        .iter()
        .map(|page| PageTitle {
            page_id: page.id.clone(),
            title: page.title.in_language(language).to_owned(),
        })
        .collect()
}

/// A submission for staff; the reading is in the audit log.
pub async fn get(
    state: &AppState,
    user: &Staff,
    id: SubmissionId,
) -> Result<StaffSubmissionView, ApiError> {
    let actor = user.clone();
    let mut view = state
        .database
        .write(move |conn| {
            let view = load(conn, &id)?;
            audit::record(
                conn,
                &actor,
                Event::read(Subject::Submission, &id, view.entry.person_id.as_deref()),
            )?;
            Ok::<_, ApiError>(view)
        })
        .await?;
    complete(state, &mut view).await?;
    Ok(view)
}

/// The columns a change sets; `None` leaves a column as it is.
#[derive(AsChangeset)]
#[diesel(table_name = submissions)]
struct Changed<'a> {
    status: Option<&'a str>,
    status_changed_at: Option<NaiveDateTime>,
    first_status_at: Option<NaiveDateTime>,
    response_days: Option<i32>,
    team_key: Option<Option<&'a str>>,
    assigned_to: Option<Option<&'a str>>,
}

impl Changed<'_> {
    fn any(&self) -> bool {
        self.status.is_some() || self.team_key.is_some() || self.assigned_to.is_some()
    }
}

fn invalid(field: &str, message: &str) -> ApiError {
    ApiError::field(field, message)
}

/// Changes the status, team or worker of a submission, or adds a note, recording who and when.
pub async fn change(
    state: &AppState,
    user: &Staff,
    id: SubmissionId,
    request: SubmissionChangeRequest,
) -> Result<StaffSubmissionView, ApiError> {
    let errors = request.validate();
    if !errors.is_empty() {
        return Err(ApiError::Validation(errors));
    }
    let user = user.clone();
    let council = state.council.view().clone();
    let public_url = state.public_url.clone();
    let mut view = state
        .write(move |conn| {
            let before = load(conn, &id)?;
            let team = match &request.team {
                Some(key) => {
                    if !crate::teams::is_open(conn, key)? {
                        return Err(invalid("team", "Choose one of the council's teams"));
                    }
                    Some(key.clone())
                }
                None => before.entry.team.as_ref().map(|t| t.key.clone()),
            };
            if let Some(worker) = &request.assigned_to {
                let is_staff = crate::accounts::is_working_staff(conn, worker)?;
                if !is_staff {
                    return Err(invalid(
                        "assigned_to",
                        "Choose a member of staff whose account is switched on",
                    ));
                }
                if let Some(team) = &team {
                    let in_team = crate::teams::is_member(conn, team, worker)?;
                    if !in_team {
                        return Err(invalid(
                            "assigned_to",
                            "Choose a member of the team the referral is with",
                        ));
                    }
                }
            }
            let now = timestamp();
            let new_status = request
                .status
                .filter(|s| *s != before.entry.status)
                .map(SubmissionStatus::as_str);
            let note = request
                .note
                .as_deref()
                .map(str::trim)
                .filter(|n| !n.is_empty());
            // The first change of status is the council's first response: the overview
            // counts the working days it took.
            let first_response = match new_status {
                Some(_) => submissions::table
                    .find(&id)
                    .select(submissions::first_status_at)
                    .first::<Option<NaiveDateTime>>(conn)?
                    .is_none()
                    .then(|| {
                        let received = calendar::london_date(before.entry.submitted_at.naive_utc());
                        let days = working_days::taken(received, calendar::london_date(now));
                        i32::try_from(days).unwrap_or(i32::MAX)
                    }),
                None => None,
            };
            // One statement for whatever changed; a note alone changes no column.
            let changed = Changed {
                status: new_status,
                status_changed_at: new_status.map(|_| now),
                first_status_at: first_response.map(|_| now),
                response_days: first_response,
                team_key: request.team.as_ref().map(|_| team.as_deref()),
                assigned_to: request.assigned_to.as_deref().map(Some),
            };
            if changed.any() {
                diesel::update(submissions::table.find(&id))
                    .set(&changed)
                    .execute(conn)?;
            }
            diesel::insert_into(submission_events::table)
                .values((
                    submission_events::id.eq(Uuid::now_v7().to_string()),
                    submission_events::submission_id.eq(&id),
                    submission_events::actor_id.eq(&user.account_id),
                    submission_events::status.eq(new_status),
                    submission_events::team_key.eq(&request.team),
                    submission_events::assigned_to.eq(&request.assigned_to),
                    submission_events::note.eq(note),
                    submission_events::created_at.eq(now),
                ))
                .execute(conn)?;
            audit::record(
                conn,
                &user,
                Event::new(
                    Action::Update,
                    Subject::Submission,
                    &id,
                    before.entry.person_id.as_deref(),
                ),
            )?;
            let after = load(conn, &id)?;
            // The sender hears of a new status, never of notes or who has it.
            let emailed = new_status.is_some();
            if let Some(status) = new_status {
                crate::integrations::webhooks::deliveries::enqueue(
                    conn,
                    "submission.status_changed",
                    serde_json::json!({
                        "id": &id, "reference": &after.entry.reference, "status": status,
                    }),
                    now,
                )?;
            }
            if emailed {
                let sender: String = submissions::table
                    .find(&id)
                    .select(submissions::account_id)
                    .first(conn)?;
                let crate::accounts::Contact {
                    forename,
                    email: address,
                    language,
                    ..
                } = crate::accounts::contacts(conn, [sender.as_str()])?
                    .remove(&sender)
                    .ok_or(ApiError::NotFound)?;
                let page = match &before.entry.person_id {
                    Some(person) => {
                        let item = crate::items::answered_by(conn, &id)?;
                        match item {
                            Some(item) => format!("record/{person}/items/{item}"),
                            None => format!("account/submissions/{id}"),
                        }
                    }
                    None => format!("account/submissions/{id}"),
                };
                let link = public_url.join(&page)?;
                let message = email::templates::render(
                    Template::StatusChanged,
                    &address,
                    language,
                    &council,
                    context! {
                        forename => forename,
                        form_title => &after.entry.form_title,
                        reference => &after.entry.reference,
                        status => crate::i18n::text(language, &format!("status-{}", after.entry.status.as_str())),
                        link => link.as_str(),
                    },
                )?;
                email::enqueue(conn, &message, now)?;
            }
            Ok(after)
        })
        .await?;
    complete(state, &mut view).await?;
    Ok(view)
}
