//! Items to complete: forms staff send a person. They are filled in with the same engine,
//! pages and checks as a referral, but the answers so far live on the item, so the person and
//! each of their proxies see (and carry on) the same copy. Sending one makes a submission for
//! the team that asked for it, and the item can no longer change.

use chrono::{NaiveDate, NaiveDateTime};
use diesel::prelude::*;
use shared::api::{
    CreateSubmissionRequest, ItemId, ItemStatus, ItemSubmission, ItemSummary, ItemView, PersonId,
    SaveItemRequest, SendItemRequest, SubmitItemRequest,
};
use shared::forms::{Answers, Audience, SummaryRow};
use uuid::Uuid;

use crate::accounts;
use crate::audit::{Action, Subject};
use crate::auth::{CurrentUser, Staff};
use crate::calendar::timestamp;
use crate::db::DbConnection;
use crate::db::schema::form_requests;
use crate::email::Template;
use crate::error::ApiError;
use crate::pagination::{Cursor, PageRequest};
use crate::people::person::Person;
use crate::people::{Access, notify_linked, today};
use crate::referrals::submissions::{IdempotencyKey, Inserted, Outcome, Prepare};
use crate::referrals::{check_answer_shapes, form, form_for, from_json, submissions as sent};
use crate::request_language::{self, says, says_with};
use crate::state::AppState;
use crate::teams;

#[derive(Debug, Clone, Queryable, Selectable)]
#[diesel(table_name = form_requests)]
pub struct Item {
    id: String,
    form_id: String,
    team_key: String,
    note: Option<String>,
    due_on: NaiveDate,
    sent_at: NaiveDateTime,
    version: i32,
    answers: String,
    page_id: Option<String>,
    saved_at: Option<NaiveDateTime>,
    submission_id: Option<String>,
}

/// An item with the name of the team that sent it and, once sent back, when.
pub type Row = (Item, String, Option<NaiveDateTime>);

/// The items with their teams' names and when each was sent back: two lookups by key for
/// the page, whatever its length.
fn named(conn: &mut DbConnection, items: Vec<Item>) -> QueryResult<Vec<Row>> {
    let team_names = teams::names(conn, items.iter().map(|i| i.team_key.as_str()))?;
    let sent = sent::submitted_at(
        conn,
        items.iter().filter_map(|i| i.submission_id.as_deref()),
    )?;
    Ok(items
        .into_iter()
        .map(|item| {
            let team = team_names
                .get(&item.team_key)
                .cloned()
                .unwrap_or_else(|| item.team_key.clone());
            let submitted_at = item
                .submission_id
                .as_ref()
                .and_then(|id| sent.get(id))
                .copied();
            (item, team, submitted_at)
        })
        .collect())
}

impl Item {
    /// The item `item_id` of `person_id`, unless withdrawn.
    fn find(
        conn: &mut DbConnection,
        person_id: &str,
        item_id: &str,
    ) -> Result<Option<Row>, ApiError> {
        let item: Option<Item> = form_requests::table
            .filter(form_requests::id.eq(item_id))
            .filter(form_requests::person_id.eq(person_id))
            .filter(form_requests::withdrawn_at.is_null())
            .select(Item::as_select())
            .first(conn)
            .optional()?;
        Ok(named(conn, item.into_iter().collect())?.pop())
    }

    fn status(&self) -> ItemStatus {
        if self.submission_id.is_some() {
            ItemStatus::Submitted
        } else if self.saved_at.is_some() {
            ItemStatus::InProgress
        } else {
            ItemStatus::NotStarted
        }
    }
}

/// An item as the person it is for reads it: the form's title and the team's name in the
/// request's language, where the form and the council give one.
fn summary(state: &AppState, (item, team, submitted_at): Row) -> Result<ItemSummary, ApiError> {
    let answers: Answers = from_json(&item.answers)?;
    let definition = state.forms.get(&item.form_id);
    let language = request_language::current();
    Ok(ItemSummary {
        status: item.status(),
        form_title: definition.map_or_else(
            || item.form_id.clone(),
            |f| f.title.in_language(language).to_owned(),
        ),
        progress: definition.map_or(0, |f| {
            shared::forms::progress(f, &answers, crate::calendar::today())
        }),
        id: item.id,
        form_id: item.form_id,
        team,
        sent_at: item.sent_at.and_utc(),
        due_on: item.due_on,
        submitted_at: submitted_at.map(|t| t.and_utc()),
        submission_id: item.submission_id,
    })
}

fn view(
    state: &AppState,
    row: Row,
    submission: Option<ItemSubmission>,
) -> Result<ItemView, ApiError> {
    let (item, ..) = &row;
    let (note, version, answers, page_id, saved_at) = (
        item.note.clone(),
        ApiError::stored(item.version, "item version")?,
        from_json(&item.answers)?,
        item.page_id.clone(),
        item.saved_at.map(|t| t.and_utc()),
    );
    Ok(ItemView {
        item: summary(state, row)?,
        note,
        version,
        answers,
        page_id,
        saved_at,
        submission,
    })
}

/// What was sent back for the item, as it was sent.
fn submission(conn: &mut DbConnection, id: &str) -> Result<ItemSubmission, ApiError> {
    let (sent, account_id) = sent::with_sender(conn, id)?;
    let summary: Vec<SummaryRow> = from_json(&sent.summary)?;
    let names = accounts::names(conn, [account_id.as_str()])?;
    let submitted_by = ApiError::looked_up(&names, &account_id, "account")?;
    Ok(ItemSubmission {
        id: id.to_owned(),
        reference: sent.reference,
        submitted_at: sent.submitted_at.and_utc(),
        submitted_by,
        summary,
    })
}

/// The item with what was sent for it, if it was.
type Loaded = (Row, Option<ItemSubmission>);

/// The item with its answers, or with what was sent.
fn load(conn: &mut DbConnection, person_id: &str, item_id: &str) -> Result<Loaded, ApiError> {
    let row = Item::find(conn, person_id, item_id)?.ok_or(ApiError::NotFound)?;
    let sent = match &row.0.submission_id {
        Some(id) => Some(submission(conn, id)?),
        None => None,
    };
    Ok((row, sent))
}

/// Items sent to the person and not yet submitted: the dashboard's count.
pub fn waiting_count(conn: &mut DbConnection, person_id: &str) -> QueryResult<i64> {
    form_requests::table
        .filter(form_requests::person_id.eq(person_id))
        .filter(form_requests::withdrawn_at.is_null())
        .filter(form_requests::submission_id.is_null())
        .count()
        .get_result(conn)
}

/// The item the submission `submission_id` answered, if it answered one.
pub fn answered_by(conn: &mut DbConnection, submission_id: &str) -> QueryResult<Option<String>> {
    form_requests::table
        .filter(form_requests::submission_id.eq(submission_id))
        .select(form_requests::id)
        .first(conn)
        .optional()
}

/// The `n` latest items sent to the person, newest first, for the staff record page.
pub fn latest(conn: &mut DbConnection, person_id: &str, n: i64) -> QueryResult<Vec<Row>> {
    let items = form_requests::table
        .filter(form_requests::person_id.eq(person_id))
        .filter(form_requests::withdrawn_at.is_null())
        .order((form_requests::sent_at.desc(), form_requests::id.desc()))
        .limit(n)
        .select(Item::as_select())
        .load(conn)?;
    named(conn, items)
}

/// Rows as the list shows them.
pub fn summaries(state: &AppState, rows: Vec<Row>) -> Result<Vec<ItemSummary>, ApiError> {
    rows.into_iter().map(|row| summary(state, row)).collect()
}

/// One page of the person's items, newest first.
pub async fn list(
    state: &AppState,
    user: &CurrentUser,
    person_id: PersonId,
    page: PageRequest,
) -> Result<(Vec<ItemSummary>, Option<String>), ApiError> {
    let account_id = user.account_id.clone();
    let limit = page.limit + 1;
    let after = page.after.clone();
    let rows: Vec<Row> = state
        .database
        .run(move |conn| {
            Access::check(conn, &account_id, &person_id)?;
            let mut query = form_requests::table
                .filter(form_requests::person_id.eq(&person_id))
                .filter(form_requests::withdrawn_at.is_null())
                .order((form_requests::sent_at.desc(), form_requests::id.desc()))
                .limit(limit)
                .select(Item::as_select())
                .into_boxed();
            if let Some(cursor) = after {
                query = query.filter(crate::older_than!(
                    form_requests::sent_at,
                    form_requests::id,
                    cursor
                ));
            }
            let items = query.load(conn)?;
            Ok::<_, ApiError>(named(conn, items)?)
        })
        .await?;
    let (rows, next) = page.finish(rows, |row| Cursor {
        at: row.0.sent_at,
        id: row.0.id.clone(),
    });
    let items = rows
        .into_iter()
        .map(|row| summary(state, row))
        .collect::<Result<_, _>>()?;
    Ok((items, next))
}

pub async fn get(
    state: &AppState,
    user: &CurrentUser,
    person_id: PersonId,
    item_id: ItemId,
) -> Result<ItemView, ApiError> {
    let account_id = user.account_id.clone();
    let (row, sent) = state
        .database
        .run(move |conn| {
            Access::check(conn, &account_id, &person_id)?;
            load(conn, &person_id, &item_id)
        })
        .await?;
    view(state, row, sent)
}

fn already_submitted() -> ApiError {
    ApiError::Conflict {
        code: "already_submitted",
        detail: says("item-already-sent"),
    }
}

/// Saves the answers so far if `request.version` is still the item's version.
pub async fn save(
    state: &AppState,
    user: &CurrentUser,
    person_id: PersonId,
    item_id: ItemId,
    request: SaveItemRequest,
) -> Result<ItemView, ApiError> {
    let current = get(state, user, person_id.clone(), item_id.clone()).await?;
    if current.submission.is_some() {
        return Err(already_submitted());
    }
    let definition = form(state, &current.item.form_id)?;
    check_answer_shapes(definition, &request.answers, request.page_id.as_deref())?;
    let answers = crate::referrals::to_json(&shared::forms::tidy(definition, &request.answers))?;
    let seen = i32::try_from(request.version).unwrap_or(-1);
    let account_id = user.account_id.clone();
    let (row, sent) = state
        .database
        .write(move |conn| {
            Access::check(conn, &account_id, &person_id)?;
            // The version check and the write are one statement, so two saves racing from
            // the same version cannot both win.
            let saved = diesel::update(
                form_requests::table
                    .filter(form_requests::id.eq(&item_id))
                    .filter(form_requests::person_id.eq(&person_id))
                    .filter(form_requests::withdrawn_at.is_null())
                    .filter(form_requests::submission_id.is_null())
                    .filter(form_requests::version.eq(seen)),
            )
            .set((
                form_requests::version.eq(form_requests::version + 1),
                form_requests::answers.eq(&answers),
                form_requests::page_id.eq(&request.page_id),
                form_requests::saved_at.eq(timestamp()),
                form_requests::saved_by.eq(&account_id),
            ))
            .execute(conn)?;
            let (row, sent) = load(conn, &person_id, &item_id)?;
            if saved == 0 {
                if sent.is_some() {
                    return Err(already_submitted());
                }
                return Err(ApiError::Conflict {
                    code: "stale_version",
                    detail: says_with(
                        "item-saved-since",
                        [
                            ("saved", row.0.version.to_string()),
                            ("seen", seen.to_string()),
                        ],
                    ),
                });
            }
            Ok((row, sent))
        })
        .await?;
    view(state, row, sent)
}

/// Sends the item back to the team that asked for it, checked like any submission.
pub async fn submit(
    state: &AppState,
    user: &CurrentUser,
    person_id: PersonId,
    item_id: ItemId,
    key: IdempotencyKey,
    request: SubmitItemRequest,
) -> Result<Outcome, ApiError> {
    let current = get(state, user, person_id.clone(), item_id.clone()).await?;
    let request = CreateSubmissionRequest {
        form_id: current.item.form_id,
        answers: request.answers,
        draft_id: None,
        language: request.language,
    };
    let prepared = match sent::prepare(state, user, key, request, Audience::Citizen).await? {
        Prepare::Ready(prepared) => prepared,
        Prepare::AlreadySent(outcome) => return Ok(outcome),
    };
    let notices = sent::Notices::of(state);
    let account_id = user.account_id.clone();
    state
        .write(move |conn| {
            let account = sent::sender(conn, &account_id)?;
            // Checked in the transaction that marks it sent, so two people linked to the
            // person cannot both send it.
            let team = open_for_submission(conn, &account_id, &person_id, &item_id)?;
            let now = timestamp();
            let stored = match sent::insert(
                conn,
                &account_id,
                &prepared,
                Some(&person_id),
                Some(&team),
                now,
            )? {
                Inserted::New(stored) => stored,
                Inserted::AlreadySent(outcome) => return Ok(outcome),
            };
            mark_submitted(
                conn,
                &item_id,
                &stored.id,
                &stored.answers,
                &account_id,
                now,
            )?;
            let page = format!("record/{person_id}/items/{item_id}");
            sent::notify(conn, &notices, &account, &prepared, &stored, &page)
        })
        .await
}

/// In the submitting transaction: the item may still be sent by this account. Gives the team
/// that the submission goes to: the one that sent the item.
fn open_for_submission(
    conn: &mut DbConnection,
    account_id: &str,
    person_id: &str,
    item_id: &str,
) -> Result<String, ApiError> {
    Access::check(conn, account_id, person_id)?;
    let (item, ..) = Item::find(conn, person_id, item_id)?.ok_or(ApiError::NotFound)?;
    if item.submission_id.is_some() {
        return Err(already_submitted());
    }
    Ok(item.team_key)
}

/// In the submitting transaction: the item now holds what was sent and cannot change.
fn mark_submitted(
    conn: &mut DbConnection,
    item_id: &str,
    submission_id: &str,
    answers: &Answers,
    account_id: &str,
    now: NaiveDateTime,
) -> Result<(), ApiError> {
    let marked = diesel::update(
        form_requests::table
            .filter(form_requests::id.eq(item_id))
            .filter(form_requests::submission_id.is_null()),
    )
    .set((
        form_requests::submission_id.eq(submission_id),
        form_requests::answers.eq(crate::referrals::to_json(answers)?),
        form_requests::version.eq(form_requests::version + 1),
        form_requests::saved_at.eq(now),
        form_requests::saved_by.eq(account_id),
    ))
    .execute(conn)?;
    // Another account linked to the person sent it first.
    if marked == 0 {
        return Err(already_submitted());
    }
    Ok(())
}

/// What a form sent to `person` starts with: what their record already says.
pub(crate) fn starting_answers(form: &shared::forms::FormDefinition, person: Person) -> Answers {
    let mut answers = Answers::new();
    let details = person.details();
    let known = shared::forms::Known {
        account: None,
        person: Some(&details),
    };
    shared::forms::prefill(form, known, &mut answers);
    answers
}

/// Stores an item sent to the person, starting from `answers`, and its audit entry, in the
/// caller's transaction; nobody is told yet. Gives its id.
pub fn insert(
    conn: &mut DbConnection,
    actor: &CurrentUser,
    person_id: &str,
    request: &SendItemRequest,
    answers: &Answers,
    now: NaiveDateTime,
) -> Result<String, ApiError> {
    let id = Uuid::now_v7().to_string();
    let note = request
        .note
        .as_deref()
        .map(str::trim)
        .filter(|n| !n.is_empty());
    diesel::insert_into(form_requests::table)
        .values((
            form_requests::id.eq(&id),
            form_requests::person_id.eq(person_id),
            form_requests::form_id.eq(&request.form_id),
            form_requests::team_key.eq(&request.team),
            form_requests::note.eq(note),
            form_requests::due_on.eq(request.due_on),
            form_requests::sent_by.eq(&actor.account_id),
            form_requests::sent_at.eq(now),
            form_requests::version.eq(1),
            form_requests::answers.eq(crate::referrals::to_json(answers)?),
        ))
        .execute(conn)?;
    crate::audit::record(
        conn,
        actor,
        crate::audit::Event::new(Action::Send, Subject::Item, &id, Some(person_id)),
    )?;
    Ok(id)
}

/// Staff send a citizen form to a person, to complete by `due_on`; everyone linked to the
/// person is told by email that something is waiting.
pub async fn send(
    state: &AppState,
    user: &Staff,
    person_id: PersonId,
    request: SendItemRequest,
) -> Result<ItemView, ApiError> {
    let mut errors = request.validate_in(today(), crate::request_language::current());
    if let Err(ApiError::Validation(found)) = form_for(state, &request.form_id, Audience::Citizen) {
        errors.extend(found);
    }
    if !errors.is_empty() {
        return Err(ApiError::Validation(errors));
    }
    let definition = form(state, &request.form_id)?.clone();
    let actor = user.clone();
    let council = state.council.view().clone();
    let public_url = state.public_url.clone();
    let (row, sent) = state
        .write(move |conn| {
            let person = Person::find(conn, &person_id)?.ok_or(ApiError::NotFound)?;
            if !crate::teams::is_open(conn, &request.team)? {
                return Err(ApiError::field("team", says("item-choose-team")));
            }
            let now = timestamp();
            let answers = starting_answers(&definition, person);
            let id = insert(conn, &actor, &person_id, &request, &answers, now)?;
            let link = public_url.join(&format!("record/{person_id}/items/{id}"))?;
            notify_linked(
                conn,
                &council,
                &link,
                &person_id,
                Template::ItemToComplete,
                now,
            )?;
            load(conn, &person_id, &id)
        })
        .await?;
    view(state, row, sent)
}
