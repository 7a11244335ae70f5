//! Forms sent to the council. Submitting checks every answer again with the same rules the
//! browser used, freezes the visible answers and the form's version, gives a reference, and
//! queues the confirmation email, all in one transaction. The `Idempotency-Key` makes a retry
//! after a lost answer return the first submission instead of making a second referral.

use std::collections::HashMap;

use chrono::{Duration, NaiveDateTime};
use diesel::prelude::*;
use diesel::result::{DatabaseErrorKind, Error as DieselError};
use minijinja::context;
use sha2::{Digest, Sha256};
use shared::api::{
    CreateSubmissionRequest, SubmissionId, SubmissionPage, SubmissionStatus, SubmissionSummary,
    SubmissionView,
};
use shared::forms::{
    Answers, Audience, FormDefinition, SummaryRow, exit_page, prune_hidden, summary, validate_all,
};
use uuid::Uuid;

use super::{check_answer_shapes, form, form_for, from_json, reference, to_json, uploads};
use crate::accounts::Account;
use crate::auth::CurrentUser;
use crate::calendar::timestamp;
use crate::db::DbConnection;
use crate::db::schema::{drafts, submissions};
use crate::email::{self, Template};
use crate::error::ApiError;
use crate::pagination::{Cursor, PageRequest};
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
    /// eyes only (`current` is the form as published now).
    pub fn view(self, current: Option<&FormDefinition>) -> Result<SubmissionView, ApiError> {
        let status = self.status;
        let mut answers = from_json(&self.answers)?;
        let mut summary = from_json(&self.summary)?;
        shared::forms::without_council_only(current, &mut answers, &mut summary);
        Ok(SubmissionView {
            answers,
            summary,
            status,
            id: self.id,
            reference: self.reference,
            form_id: self.form_id,
            form_title: self.form_title,
            form_version: u32::try_from(self.form_version).unwrap_or_default(),
            submitted_at: self.submitted_at.and_utc(),
        })
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

/// What a submission answers besides its form: an item to complete that staff sent a person
/// (`crate::items`). It is checked and marked in the submitting transaction, so two people
/// linked to the person cannot both send it.
pub trait Answering: Send + 'static {
    /// Whose record it is on: the webhook names them.
    fn person_id(&self) -> &str;
    /// Before the insert: it may still be sent by this account. Gives the team the submission
    /// goes to.
    fn open(&self, conn: &mut DbConnection, account_id: &str) -> Result<String, ApiError>;
    /// After the insert: it now holds what was sent. Gives the page (under the public address)
    /// that the confirmation email links to.
    fn mark(
        &self,
        conn: &mut DbConnection,
        submission_id: &str,
        answers: &Answers,
        account_id: &str,
        now: NaiveDateTime,
    ) -> Result<String, ApiError>;
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

/// The answers ready to store: checked, with hidden answers dropped and the summary made.
struct Checked {
    answers: Answers,
    summary: Vec<SummaryRow>,
    /// The day the answers were checked on: every verdict about them uses this one.
    today: chrono::NaiveDate,
}

fn check(
    state: &AppState,
    request: &CreateSubmissionRequest,
    answering: bool,
) -> Result<Checked, ApiError> {
    // Items to complete are sent to people; every other form is a professional's.
    let audience = if answering {
        Audience::Citizen
    } else {
        Audience::Professional
    };
    let definition = form_for(state, &request.form_id, audience)?;
    check_answer_shapes(definition, &request.answers, None)?;
    let today = crate::calendar::today();
    if let Some(exit) = exit_page(definition, &request.answers, today) {
        return Err(ApiError::field(
            "answers",
            format!(
                "These answers end the form at \u{201c}{}\u{201d}, so it cannot be sent",
                exit.title
            ),
        ));
    }
    let districts = &state.council.view().postcode_districts;
    let errors = validate_all(definition, &request.answers, today, districts);
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
    Ok(Checked {
        summary: summary(definition, &answers, today),
        today,
        answers,
    })
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
            detail: "This Idempotency-Key was already used to send a different form. Use a new \
                     key for each form."
                .into(),
        });
    }
    Ok(Outcome {
        submission: existing.view(current)?,
        created: false,
    })
}

pub async fn create(
    state: &AppState,
    user: &CurrentUser,
    key: IdempotencyKey,
    request: CreateSubmissionRequest,
    item: Option<Box<dyn Answering>>,
) -> Result<Outcome, ApiError> {
    let hash = request_hash(&request)?;
    let account_id = user.account_id.clone();
    {
        let (account_id, key, hash) = (account_id.clone(), key.0.clone(), hash.clone());
        let earlier = state
            .database
            .run(move |conn| Ok::<_, ApiError>(Submission::by_key(conn, &account_id, &key)?))
            .await?;
        if let Some(existing) = earlier {
            let current = state.forms.get(&existing.form_id);
            return replay(existing, &hash, current);
        }
    }
    let checked = check(state, &request, item.is_some())?;
    let definition = form(state, &request.form_id)?;
    let form_title = definition.title.clone();
    let form_version = i32::try_from(definition.version).unwrap_or(i32::MAX);
    let answers = to_json(&checked.answers)?;
    let summary =
        serde_json::to_string(&checked.summary).map_err(|e| ApiError::Internal(e.into()))?;
    let council = state.council.view().clone();
    let link_base = state.public_url.clone();
    let definition = definition.clone();
    let checked_today = checked.today;
    // Who it is about, as the answers say, for the queue's "who" column.
    let about = definition
        .person
        .as_ref()
        .map(|questions| questions.identity(&checked.answers))
        .unwrap_or_default();
    let about_name = [about.forename.as_deref(), about.surname.as_deref()]
        .into_iter()
        .flatten()
        .collect::<Vec<_>>()
        .join(" ");
    let about_postcode = about.postcode().map(str::to_owned);
    let checked_answers = checked.answers;
    let outcome = state
        .write(move |conn| {
            let account = Account::by_id(conn, &account_id)?
                .filter(Account::is_active)
                .ok_or(ApiError::Unauthorized)?;
            // An item is checked in the transaction that marks it sent, so two people linked
            // to the person cannot both send it.
            let team_key = match &item {
                Some(target) => Some(target.open(conn, &account_id)?),
                None => definition.team.clone(),
            };
            let now = timestamp();
            let id = Uuid::now_v7().to_string();
            let feed_position = crate::referrals::feed::next_position(conn)?;
            let mut attempts = 0;
            let reference = loop {
                let reference = reference::generate();
                // A savepoint, so a clash rolls back this insert and not the transaction.
                let inserted = conn.transaction(|conn| {
                    diesel::insert_into(submissions::table)
                        .values((
                            submissions::id.eq(&id),
                            submissions::reference.eq(&reference),
                            submissions::account_id.eq(&account_id),
                            submissions::form_id.eq(&request.form_id),
                            submissions::form_version.eq(form_version),
                            submissions::form_title.eq(&form_title),
                            submissions::answers.eq(&answers),
                            submissions::summary.eq(&summary),
                            submissions::status.eq(SubmissionStatus::Received.as_str()),
                            submissions::submitted_at.eq(now),
                            submissions::status_changed_at.eq(now),
                            submissions::idempotency_key.eq(&key.0),
                            submissions::request_hash.eq(&hash),
                            submissions::person_id.eq(item.as_ref().map(|t| t.person_id())),
                            submissions::team_key.eq(&team_key),
                            submissions::feed_position.eq(feed_position),
                            submissions::due_on.eq(crate::referrals::triage::working_days::due_on(
                                crate::calendar::london_date(now),
                            )),
                            submissions::about_name.eq(Some(&about_name).filter(|n| !n.is_empty())),
                            submissions::about_date_of_birth.eq(about.date_of_birth),
                            submissions::about_postcode.eq(&about_postcode),
                        ))
                        .execute(conn)
                });
                match inserted {
                    Ok(_) => break reference,
                    Err(DieselError::DatabaseError(DatabaseErrorKind::UniqueViolation, _)) => {
                        // Either a retry with the same key won the race, or the reference
                        // was drawn before: answer the first, or draw again.
                        if let Some(existing) = Submission::by_key(conn, &account_id, &key.0)? {
                            return replay(existing, &hash, Some(&definition));
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
            // The files join the submission once it exists; their answers then say what
            // was stored, not what the browser claimed.
            let mut attached = checked_answers.clone();
            uploads::attach(conn, &account_id, &id, &definition, &mut attached)?;
            if attached != checked_answers {
                let rows = shared::forms::summary(&definition, &attached, checked_today);
                diesel::update(submissions::table.find(&id))
                    .set((
                        submissions::answers.eq(to_json(&attached)?),
                        submissions::summary.eq(serde_json::to_string(&rows)
                            .map_err(|e| ApiError::Internal(e.into()))?),
                    ))
                    .execute(conn)?;
            }
            if let Some(draft_id) = &request.draft_id {
                let sent = diesel::delete(
                    drafts::table
                        .filter(drafts::id.eq(draft_id))
                        .filter(drafts::account_id.eq(&account_id)),
                )
                .execute(conn)?;
                if sent > 0 {
                    crate::referrals::triage::overview::count_draft_sent(
                        conn,
                        &request.form_id,
                        now,
                    )?;
                }
            }
            let page = match &item {
                Some(target) => target.mark(conn, &id, &attached, &account_id, now)?,
                None => format!("account/submissions/{id}"),
            };
            let link = link_base
                .join(&page)
                .map_err(|e| ApiError::Internal(e.into()))?;
            let message = email::templates::render(
                Template::SubmissionReceived,
                &account.email,
                &council,
                context! {
                    forename => &account.forename,
                    form_title => &form_title,
                    reference => &reference,
                    when => crate::calendar::uk_time(now),
                    link => link.as_str(),
                },
            )?;
            email::enqueue(conn, &message, now)?;
            crate::integrations::webhooks::deliveries::enqueue(
                conn,
                "submission.received",
                serde_json::json!({
                    "id": &id, "reference": &reference, "form_id": &request.form_id,
                    "feed_position": feed_position,
                    "person_id": item.as_ref().map(|t| t.person_id()),
                    "team": &team_key,
                }),
                now,
            )?;
            let submission = Submission::owned(conn, &account_id, &id)?
                .ok_or(ApiError::NotFound)?
                .view(Some(&definition))?;
            Ok(Outcome {
                submission,
                created: true,
            })
        })
        .await?;
    Ok(outcome)
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
    Ok(SubmissionPage {
        items: rows.into_iter().map(Submission::summary).collect(),
        next,
    })
}
