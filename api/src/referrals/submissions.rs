//! Forms sent to the council. Sending one is three steps: `prepare` checks every answer again
//! with the same rules the browser used; `insert` freezes the visible answers and the form's
//! version under a new reference; `notify` queues the confirmation email and the webhook. A
//! referral (`create`) and an item to complete (`crate::items::submit`) each compose them in
//! one transaction of their own, the item marking itself sent between the last two. The
//! `Idempotency-Key` makes a retry after a lost answer return the first submission instead of
//! making a second referral.

use std::collections::HashMap;

use chrono::{Duration, NaiveDate, NaiveDateTime};
use diesel::prelude::*;
use diesel::result::{DatabaseErrorKind, Error as DieselError};
use minijinja::context;
use sha2::{Digest, Sha256};
use shared::api::{
    CreateSubmissionRequest, SubmissionId, SubmissionPage, SubmissionStatus, SubmissionSummary,
    SubmissionView,
};
use shared::forms::{
    Answers, Audience, FormDefinition, exit_page, prune_hidden, summary, validate_all_in,
};
use shared::language::Language;
use uuid::Uuid;

use super::{check_answer_shapes, drafts, form, form_for, from_json, reference, to_json, uploads};
use crate::accounts::Account;
use crate::auth::CurrentUser;
use crate::calendar::timestamp;
use crate::db::DbConnection;
use crate::db::schema::submissions;
use crate::email::{self, Template};
use crate::error::ApiError;
use crate::pagination::{Cursor, PageRequest};
use crate::request_language::{says, says_with};
use crate::state::AppState;

/// "Forms submitted in the last 30 days".
pub const LISTED_FOR: Duration = Duration::days(30);

/// The client's name for one attempt to submit: the same key, the same submission.
#[derive(Debug, Clone)]
pub struct IdempotencyKey(String);

impl IdempotencyKey {
    /// The key of a request's `Idempotency-Key` header.
    pub fn of(request: &actix_web::HttpRequest) -> Result<Self, ApiError> {
        Self::parse(
            request
                .headers()
                .get("Idempotency-Key")
                .and_then(|v| v.to_str().ok()),
        )
    }

    /// A header a client sets, never a person: its refusals are in English, for whoever wrote
    /// the client, whatever language the request asks for.
    pub fn parse(header: Option<&str>) -> Result<Self, ApiError> {
        let fail = |message: &str| ApiError::field("Idempotency-Key", message);
        let key = header.map(str::trim).unwrap_or_default();
        if key.is_empty() {
            return Err(fail(
                "Send an Idempotency-Key header, a new random value (a UUID) for each form",
            ));
        }
        if key.len() > 255 || !key.bytes().all(|b| b.is_ascii_graphic()) {
            return Err(fail(
                "The Idempotency-Key must be 1 to 255 visible ASCII characters",
            ));
        }
        Ok(Self(key.to_owned()))
    }
}

#[derive(Debug, Clone, Queryable, Selectable)]
#[diesel(table_name = submissions)]
pub struct Submission {
    pub id: String,
    pub reference: String,
    pub form_id: String,
    pub form_version: i32,
    pub form_title: String,
    pub answers: String,
    pub summary: String,
    #[diesel(deserialize_as = String)]
    pub status: SubmissionStatus,
    pub submitted_at: NaiveDateTime,
    pub request_hash: String,
    #[diesel(deserialize_as = String)]
    pub language: Language,
}

/// `view` as its sender reads it: in the language they answered in, while `form` is still the
/// version they answered (the stored summary, in English, otherwise).
fn in_own_language(mut view: SubmissionView, form: Option<&FormDefinition>) -> SubmissionView {
    let Some(form) = form.filter(|f| f.version == view.form_version) else {
        return view;
    };
    if view.language != Language::English {
        let day = crate::calendar::london_date(view.submitted_at.naive_utc());
        let mut rows = shared::forms::summary_in(form, &view.answers, day, view.language);
        // The sender's copy never shows what the council keeps to itself.
        let mut answers = view.answers.clone();
        shared::forms::without_council_only(Some(form), &mut answers, &mut rows);
        view.summary = rows;
        view.form_title = form.title.in_language(view.language).to_owned();
    }
    view
}

impl Submission {
    pub fn owned(conn: &mut DbConnection, account_id: &str, id: &str) -> QueryResult<Option<Self>> {
        submissions::table
            .filter(submissions::id.eq(id))
            .filter(submissions::account_id.eq(account_id))
            .select(Self::as_select())
            .first(conn)
            .optional()
    }

    fn by_key(conn: &mut DbConnection, account_id: &str, key: &str) -> QueryResult<Option<Self>> {
        submissions::table
            .filter(submissions::account_id.eq(account_id))
            .filter(submissions::idempotency_key.eq(key))
            .select(Self::as_select())
            .first(conn)
            .optional()
    }

    /// The submission as its referrer sees it: without the answers kept for the council's
    /// eyes only, in the language they answered in (`current` is the form as published now).
    pub fn view(self, current: Option<&FormDefinition>) -> Result<SubmissionView, ApiError> {
        let status = self.status;
        let mut answers = from_json(&self.answers)?;
        let mut summary = from_json(&self.summary)?;
        shared::forms::without_council_only(current, &mut answers, &mut summary);
        let view = SubmissionView {
            answers,
            summary,
            status,
            id: self.id,
            reference: self.reference,
            form_id: self.form_id,
            form_title: self.form_title,
            form_version: ApiError::stored(self.form_version, "form version")?,
            submitted_at: self.submitted_at.and_utc(),
            language: self.language,
        };
        Ok(in_own_language(view, current))
    }

    fn summary(self) -> SubmissionSummary {
        SubmissionSummary {
            status: self.status,
            id: self.id,
            reference: self.reference,
            form_id: self.form_id,
            form_title: self.form_title,
            submitted_at: self.submitted_at.and_utc(),
        }
    }
}

/// The submissions linked to a person's record, newest first (from `submissions_person`).
pub fn about_person(
    conn: &mut DbConnection,
    person_id: &str,
    limit: i64,
) -> QueryResult<Vec<SubmissionSummary>> {
    Ok(submissions::table
        .filter(submissions::person_id.eq(person_id))
        .order((submissions::submitted_at.desc(), submissions::id.desc()))
        .limit(limit)
        .select(Submission::as_select())
        .load::<Submission>(conn)?
        .into_iter()
        .map(Submission::summary)
        .collect())
}

/// When each of the submissions `ids` was made, by id: one lookup by key for a page.
pub fn submitted_at<'a>(
    conn: &mut DbConnection,
    ids: impl IntoIterator<Item = &'a str>,
) -> QueryResult<HashMap<String, NaiveDateTime>> {
    let ids: Vec<&str> = ids.into_iter().collect();
    Ok(submissions::table
        .filter(submissions::id.eq_any(ids))
        .select((submissions::id, submissions::submitted_at))
        .load(conn)?
        .into_iter()
        .collect())
}

/// The submission `id` as it was sent, with the account that sent it.
pub fn with_sender(conn: &mut DbConnection, id: &str) -> QueryResult<(Submission, String)> {
    submissions::table
        .find(id)
        .select((Submission::as_select(), submissions::account_id))
        .first(conn)
}

/// What `create` did: a new submission, or the one an earlier try with the same key made.
pub struct Outcome {
    pub submission: SubmissionView,
    pub created: bool,
}

impl Outcome {
    /// 201 with the submission's address for a new one; 200 for a retry's earlier one.
    pub fn response(self) -> actix_web::HttpResponse {
        if self.created {
            actix_web::HttpResponse::Created()
                .insert_header((
                    actix_web::http::header::LOCATION,
                    format!("/api/v1/submissions/{}", self.submission.id),
                ))
                .json(self.submission)
        } else {
            actix_web::HttpResponse::Ok().json(self.submission)
        }
    }
}

/// The answers ready to store: checked, with hidden answers dropped.
struct Checked {
    answers: Answers,
    /// The day the answers were checked on: every verdict about them uses this one.
    today: chrono::NaiveDate,
}

fn check(
    state: &AppState,
    request: &CreateSubmissionRequest,
    audience: Audience,
) -> Result<Checked, ApiError> {
    let definition = form_for(state, &request.form_id, audience)?;
    check_answer_shapes(definition, &request.answers, None)?;
    let today = crate::calendar::today();
    // Refused in the language of the pages the person answered on, as the browser checked.
    let language = crate::request_language::current();
    if let Some(exit) = exit_page(definition, &request.answers, today) {
        return Err(ApiError::field(
            "answers",
            says_with(
                "form-ends-early",
                [("page", exit.title.in_language(language).to_owned())],
            ),
        ));
    }
    let districts = &state.council.view().postcode_districts;
    let errors = validate_all_in(definition, &request.answers, today, districts, language);
    if !errors.is_empty() {
        return Err(ApiError::Validation(
            errors
                .into_iter()
                .map(|(field, messages)| (format!("answers.{field}"), messages))
                .collect(),
        ));
    }
    let answers = shared::forms::tidy(
        definition,
        &prune_hidden(definition, &request.answers, today),
    );
    Ok(Checked { today, answers })
}

fn request_hash(request: &CreateSubmissionRequest) -> Result<String, ApiError> {
    // Answers are a sorted map, so the same request always serialises to the same bytes.
    let bytes = serde_json::to_vec(request).map_err(|e| ApiError::Internal(e.into()))?;
    Ok(format!("{:x}", Sha256::digest(bytes)))
}

/// The earlier submission made with this key, if the request is the same one.
fn replay(
    existing: Submission,
    hash: &str,
    current: Option<&FormDefinition>,
) -> Result<Outcome, ApiError> {
    if existing.request_hash != hash {
        return Err(ApiError::Conflict {
            code: "idempotency_key_reused",
            detail: says("form-key-reused"),
        });
    }
    Ok(Outcome {
        submission: existing.view(current)?,
        created: false,
    })
}

/// A form checked and ready to store: the first step of sending one. The answers were checked,
/// and hidden ones dropped, on `today`, which every later verdict about them uses; the form is
/// as published now; the key and the request's fingerprint make a retry safe.
pub struct Prepared {
    key: IdempotencyKey,
    hash: String,
    draft_id: Option<String>,
    definition: FormDefinition,
    answers: Answers,
    today: NaiveDate,
    /// The language the person answered in, kept with the submission; staff read the
    /// English summary whatever it was.
    language: Language,
}

/// What `prepare` found: a form to store, or the one an earlier try with the same key sent.
pub enum Prepare {
    Ready(Box<Prepared>),
    AlreadySent(Outcome),
}

/// Step one of sending a form, before any transaction: a retry with a key already used answers
/// as the first try did (or 409 when the request differs); anything else is checked with the
/// same rules the browser used, for the forms' `audience` (items to complete are citizens').
pub async fn prepare(
    state: &AppState,
    user: &CurrentUser,
    key: IdempotencyKey,
    request: CreateSubmissionRequest,
    audience: Audience,
) -> Result<Prepare, ApiError> {
    let hash = request_hash(&request)?;
    let earlier = {
        let (account_id, key) = (user.account_id.clone(), key.0.clone());
        state
            .database
            .run(move |conn| Ok::<_, ApiError>(Submission::by_key(conn, &account_id, &key)?))
            .await?
    };
    if let Some(existing) = earlier {
        let current = state.forms.get(&existing.form_id);
        return Ok(Prepare::AlreadySent(replay(existing, &hash, current)?));
    }
    let checked = check(state, &request, audience)?;
    Ok(Prepare::Ready(Box::new(Prepared {
        key,
        hash,
        draft_id: request.draft_id,
        definition: form(state, &request.form_id)?.clone(),
        answers: checked.answers,
        today: checked.today,
        language: request.language,
    })))
}

/// The account sending, in the caller's transaction: switched off since the token was issued
/// is refused.
pub fn sender(conn: &mut DbConnection, account_id: &str) -> Result<Account, ApiError> {
    Account::by_id(conn, account_id)?
        .filter(Account::is_active)
        .ok_or(ApiError::Unauthorized)
}

/// A submission `insert` stored.
pub struct Stored {
    pub id: String,
    pub reference: String,
    feed_position: i64,
    /// The answers as stored: the files' answers say what was kept, not what the browser said.
    pub answers: Answers,
    person_id: Option<String>,
    team: Option<String>,
    now: NaiveDateTime,
}

/// What `insert` did: stored the submission, or found that a retry with the same key won.
pub enum Inserted {
    New(Stored),
    AlreadySent(Outcome),
}

/// Step two, in the caller's transaction: stores the submission with a new reference and the
/// next feed position, due in ten working days, for `team`, about `person_id` when the council
/// already knows who; attaches its files and removes the draft it was sent from.
pub fn insert(
    conn: &mut DbConnection,
    account_id: &str,
    prepared: &Prepared,
    person_id: Option<&str>,
    team: Option<&str>,
    now: NaiveDateTime,
) -> Result<Inserted, ApiError> {
    let Prepared {
        key,
        hash,
        definition,
        answers,
        today,
        language,
        ..
    } = prepared;
    let id = Uuid::now_v7().to_string();
    let feed_position = super::feed::next_position(conn)?;
    // Who it is about, as the answers say, for the queue's "who" column.
    let about = definition
        .person
        .as_ref()
        .map(|questions| questions.identity(answers))
        .unwrap_or_default();
    let about_name = [about.forename.as_deref(), about.surname.as_deref()]
        .into_iter()
        .flatten()
        .collect::<Vec<_>>()
        .join(" ");
    let summary = serde_json::to_string(&summary(definition, answers, *today))
        .map_err(|e| ApiError::Internal(e.into()))?;
    let answers_json = to_json(answers)?;
    let mut attempts = 0;
    let reference = loop {
        let reference = reference::generate();
        // A savepoint, so a clash rolls back this insert and not the transaction.
        let inserted = conn.transaction(|conn| {
            diesel::insert_into(submissions::table)
                .values((
                    submissions::id.eq(&id),
                    submissions::reference.eq(&reference),
                    submissions::account_id.eq(account_id),
                    submissions::form_id.eq(&definition.id),
                    submissions::form_version
                        .eq(i32::try_from(definition.version).unwrap_or(i32::MAX)),
                    submissions::form_title.eq(definition.title.english()),
                    submissions::answers.eq(&answers_json),
                    submissions::summary.eq(&summary),
                    submissions::language.eq(language.code()),
                    submissions::status.eq(SubmissionStatus::Received.as_str()),
                    submissions::submitted_at.eq(now),
                    submissions::status_changed_at.eq(now),
                    submissions::idempotency_key.eq(&key.0),
                    submissions::request_hash.eq(hash),
                    submissions::person_id.eq(person_id),
                    submissions::team_key.eq(team),
                    submissions::feed_position.eq(feed_position),
                    submissions::due_on.eq(super::triage::working_days::due_on(
                        crate::calendar::london_date(now),
                    )),
                    submissions::about_name.eq(Some(&about_name).filter(|n| !n.is_empty())),
                    submissions::about_date_of_birth.eq(about.date_of_birth),
                    submissions::about_postcode.eq(about.postcode()),
                ))
                .execute(conn)
        });
        match inserted {
            Ok(_) => break reference,
            Err(DieselError::DatabaseError(DatabaseErrorKind::UniqueViolation, _)) => {
                // Either a retry with the same key won the race, or the reference was drawn
                // before: answer the first, or draw again.
                if let Some(existing) = Submission::by_key(conn, account_id, &key.0)? {
                    return Ok(Inserted::AlreadySent(replay(
                        existing,
                        hash,
                        Some(definition),
                    )?));
                }
                attempts += 1;
                if attempts == 5 {
                    return Err(ApiError::Internal(anyhow::anyhow!(
                        "five references in a row were taken"
                    )));
                }
            }
            Err(error) => return Err(error.into()),
        }
    };
    // The files join the submission once it exists; their answers then say what was stored,
    // not what the browser claimed.
    let mut attached = answers.clone();
    uploads::attach(conn, account_id, &id, definition, &mut attached)?;
    if attached != *answers {
        let rows = shared::forms::summary(definition, &attached, *today);
        diesel::update(submissions::table.find(&id))
            .set((
                submissions::answers.eq(to_json(&attached)?),
                submissions::summary
                    .eq(serde_json::to_string(&rows).map_err(|e| ApiError::Internal(e.into()))?),
            ))
            .execute(conn)?;
    }
    if let Some(draft_id) = &prepared.draft_id
        && drafts::remove_sent(conn, account_id, draft_id)?
    {
        super::triage::overview::count_draft_sent(conn, &definition.id, now)?;
    }
    Ok(Inserted::New(Stored {
        id,
        reference,
        feed_position,
        answers: attached,
        person_id: person_id.map(str::to_owned),
        team: team.map(str::to_owned),
        now,
    }))
}

/// Where notices of a new submission point: the council's words and the public address.
pub struct Notices {
    council: shared::api::CouncilView,
    public_url: url::Url,
}

impl Notices {
    pub fn of(state: &AppState) -> Self {
        Self {
            council: state.council.view().clone(),
            public_url: state.public_url.clone(),
        }
    }
}

/// Step three, in the caller's transaction: the sender's confirmation email (linking to
/// `page`, under the public address) and the integrators' webhook are queued. Gives the
/// submission as its sender sees it.
pub fn notify(
    conn: &mut DbConnection,
    notices: &Notices,
    account: &Account,
    prepared: &Prepared,
    stored: &Stored,
    page: &str,
) -> Result<Outcome, ApiError> {
    let definition = &prepared.definition;
    let link = notices.public_url.join(page)?;
    let message = email::templates::render(
        Template::SubmissionReceived,
        &account.email,
        account.language,
        &notices.council,
        context! {
            forename => &account.forename,
            form_title => definition.title.in_language(account.language),
            reference => &stored.reference,
            when => crate::i18n::uk_time(account.language, stored.now),
            link => link.as_str(),
        },
    )?;
    email::enqueue(conn, &message, stored.now)?;
    crate::integrations::webhooks::deliveries::enqueue(
        conn,
        "submission.received",
        serde_json::json!({
            "id": &stored.id, "reference": &stored.reference, "form_id": &definition.id,
            "feed_position": stored.feed_position,
            "person_id": &stored.person_id,
            "team": &stored.team,
        }),
        stored.now,
    )?;
    let submission = Submission::owned(conn, &account.id, &stored.id)?
        .ok_or(ApiError::NotFound)?
        .view(Some(definition))?;
    Ok(Outcome {
        submission,
        created: true,
    })
}

/// A professional sends a form: prepared, then stored for the form's team and announced, in
/// one transaction.
pub async fn create(
    state: &AppState,
    user: &CurrentUser,
    key: IdempotencyKey,
    request: CreateSubmissionRequest,
) -> Result<Outcome, ApiError> {
    let prepared = match prepare(state, user, key, request, Audience::Professional).await? {
        Prepare::Ready(prepared) => prepared,
        Prepare::AlreadySent(outcome) => return Ok(outcome),
    };
    let notices = Notices::of(state);
    let account_id = user.account_id.clone();
    state
        .write(move |conn| {
            let account = sender(conn, &account_id)?;
            let team = prepared.definition.team.clone();
            let stored = match insert(
                conn,
                &account_id,
                &prepared,
                None,
                team.as_deref(),
                timestamp(),
            )? {
                Inserted::New(stored) => stored,
                Inserted::AlreadySent(outcome) => return Ok(outcome),
            };
            let page = format!("account/submissions/{}", stored.id);
            notify(conn, &notices, &account, &prepared, &stored, &page)
        })
        .await
}

pub async fn get(
    state: &AppState,
    user: &CurrentUser,
    id: SubmissionId,
) -> Result<SubmissionView, ApiError> {
    let account_id = user.account_id.clone();
    let submission = state
        .database
        .run(move |conn| Submission::owned(conn, &account_id, &id)?.ok_or(ApiError::NotFound))
        .await?;
    let current = state.forms.get(&submission.form_id);
    submission.view(current)
}

/// The account's submissions of the last 30 days, newest first.
pub async fn list(
    state: &AppState,
    user: &CurrentUser,
    page: PageRequest,
) -> Result<SubmissionPage, ApiError> {
    let account_id = user.account_id.clone();
    let limit = page.limit + 1;
    let after = page.after.clone();
    let since = timestamp() - LISTED_FOR;
    let rows = state
        .database
        .run(move |conn| {
            let mut query = submissions::table
                .filter(submissions::account_id.eq(&account_id))
                .filter(submissions::submitted_at.ge(since))
                .select(Submission::as_select())
                .order((submissions::submitted_at.desc(), submissions::id.desc()))
                .limit(limit)
                .into_boxed();
            if let Some(cursor) = after {
                query = query.filter(crate::older_than!(
                    submissions::submitted_at,
                    submissions::id,
                    cursor
                ));
            }
            Ok::<_, ApiError>(query.load(conn)?)
        })
        .await?;
    let (rows, next) = page.finish(rows, |s| Cursor {
        at: s.submitted_at,
        id: s.id.clone(),
    });
    // Listed for its sender: in Welsh, the title the form gives in Welsh. In English the
    // title stays the one stored when it was sent.
    let language = crate::request_language::current();
    Ok(SubmissionPage {
        items: rows
            .into_iter()
            .map(|row| {
                let form = state.forms.get(&row.form_id);
                let mut summary = row.summary();
                if let Some(form) = form.filter(|_| language != Language::English) {
                    summary.form_title = form.title.in_language(language).to_owned();
                }
                summary
            })
            .collect(),
        next,
    })
}
