//! Forms saved for later: one row a draft, owned by one account, with a version that goes up
//! on every save so that a save made from an old copy is refused instead of losing answers.

use chrono::{Duration, NaiveDateTime};
use diesel::prelude::*;
use shared::api::{
    CreateDraftRequest, DraftId, DraftPage, DraftSummary, DraftView, UpdateDraftRequest,
};
use shared::forms::{Answers, Audience, Known, prefill, progress};
use uuid::Uuid;

use super::{check_answer_shapes, form, form_for, from_json, to_json, uploads};
use crate::accounts::Account;
use crate::auth::CurrentUser;
use crate::calendar::timestamp;
use crate::db::DbConnection;
use crate::db::schema::drafts;
use crate::error::ApiError;
use crate::pagination::{Cursor, PageRequest};
use crate::state::AppState;

/// A draft is deleted this long after its last save.
pub const LIFETIME: Duration = Duration::days(30);

#[derive(Debug, Clone, Queryable, Selectable)]
#[diesel(table_name = drafts)]
pub struct Draft {
    pub id: String,
    pub form_id: String,
    pub form_version: i32,
    pub version: i32,
    pub answers: String,
    pub page_id: Option<String>,
    pub updated_at: NaiveDateTime,
    pub expires_at: NaiveDateTime,
}

impl Draft {
    /// The draft `id` if `account_id` owns it. Other people's drafts are not found, whether or
    /// not they exist.
    pub fn owned(
        conn: &mut crate::db::DbConnection,
        account_id: &str,
        id: &str,
    ) -> QueryResult<Option<Self>> {
        drafts::table
            .filter(drafts::id.eq(id))
            .filter(drafts::account_id.eq(account_id))
            .select(Self::as_select())
            .first(conn)
            .optional()
    }

    fn view(self, state: &AppState) -> Result<DraftView, ApiError> {
        let answers: Answers = from_json(&self.answers)?;
        let definition = state.forms.get(&self.form_id);
        Ok(DraftView {
            form_title: definition.map_or_else(
                || self.form_id.clone(),
                |f| {
                    f.title
                        .in_language(crate::request_language::current())
                        .to_owned()
                },
            ),
            progress: definition.map_or(0, |f| progress(f, &answers, crate::calendar::today())),
            id: self.id,
            form_id: self.form_id,
            form_version: ApiError::stored(self.form_version, "form version")?,
            version: ApiError::stored(self.version, "draft version")?,
            answers,
            page_id: self.page_id,
            updated_at: self.updated_at.and_utc(),
            expires_at: self.expires_at.and_utc(),
        })
    }
}

pub async fn create(
    state: &AppState,
    user: &CurrentUser,
    request: CreateDraftRequest,
) -> Result<DraftView, ApiError> {
    let definition = form_for(state, &request.form_id, Audience::Professional)?;
    check_answer_shapes(definition, &request.answers, request.page_id.as_deref())?;
    let form_version = i32::try_from(definition.version).unwrap_or(i32::MAX);
    let account_id = user.account_id.clone();
    let definition = definition.clone();
    // The draft and the day's count of forms started go in together.
    let draft = state
        .database
        .write(move |conn| {
            let now = timestamp();
            let id = Uuid::now_v7().to_string();
            // What the account already says (the referrer's name and email) is filled in here
            // too, for a draft made through the API as for one made in the browser.
            let mut answers = shared::forms::tidy(&definition, &request.answers);
            if let Some(account) = Account::by_id(conn, &account_id)? {
                let known = Known {
                    account: Some((&account.forename, &account.surname, &account.email)),
                    person: None,
                };
                prefill(&definition, known, &mut answers);
            }
            let answers = to_json(&answers)?;
            uploads::touch(conn, &account_id, &definition, &request.answers, now)?;
            diesel::insert_into(drafts::table)
                .values((
                    drafts::id.eq(&id),
                    drafts::account_id.eq(&account_id),
                    drafts::form_id.eq(&request.form_id),
                    drafts::form_version.eq(form_version),
                    drafts::version.eq(1),
                    drafts::answers.eq(&answers),
                    drafts::page_id.eq(&request.page_id),
                    drafts::created_at.eq(now),
                    drafts::updated_at.eq(now),
                    drafts::expires_at.eq(now + LIFETIME),
                ))
                .execute(conn)?;
            crate::referrals::triage::overview::count_draft_started(conn, &request.form_id, now)?;
            Draft::owned(conn, &account_id, &id)?.ok_or(ApiError::NotFound)
        })
        .await?;
    draft.view(state)
}

pub async fn get(state: &AppState, user: &CurrentUser, id: DraftId) -> Result<DraftView, ApiError> {
    let account_id = user.account_id.clone();
    state
        .database
        .run(move |conn| Draft::owned(conn, &account_id, &id)?.ok_or(ApiError::NotFound))
        .await?
        .view(state)
}

/// Saves the answers if `request.version` is still the draft's version; the new version is
/// one more, and the draft's 30 days start again (with a new reminder).
pub async fn update(
    state: &AppState,
    user: &CurrentUser,
    id: DraftId,
    request: UpdateDraftRequest,
) -> Result<DraftView, ApiError> {
    let account_id = user.account_id.clone();
    let current = {
        let (account_id, id) = (account_id.clone(), id.clone());
        state
            .database
            .run(move |conn| Draft::owned(conn, &account_id, &id)?.ok_or(ApiError::NotFound))
            .await?
    };
    let definition = form(state, &current.form_id)?;
    check_answer_shapes(definition, &request.answers, request.page_id.as_deref())?;
    let answers = to_json(&shared::forms::tidy(definition, &request.answers))?;
    let seen = i32::try_from(request.version).unwrap_or(-1);
    let definition = definition.clone();
    let draft = state
        .database
        .run(move |conn| {
            let now = timestamp();
            // The version check and the write are one statement, so two saves racing from the
            // same version cannot both win.
            let saved = diesel::update(
                drafts::table
                    .filter(drafts::id.eq(&id))
                    .filter(drafts::account_id.eq(&account_id))
                    .filter(drafts::version.eq(seen)),
            )
            .set((
                drafts::version.eq(drafts::version + 1),
                drafts::answers.eq(&answers),
                drafts::page_id.eq(&request.page_id),
                drafts::updated_at.eq(now),
                drafts::expires_at.eq(now + LIFETIME),
                drafts::reminded_at.eq(None::<NaiveDateTime>),
            ))
            .execute(conn)?;
            let draft = Draft::owned(conn, &account_id, &id)?.ok_or(ApiError::NotFound)?;
            if saved > 0 {
                uploads::touch(conn, &account_id, &definition, &request.answers, now)?;
            }
            if saved == 0 {
                return Err(ApiError::Conflict {
                    code: "stale_version",
                    detail: crate::request_language::says_with(
                        "draft-saved-since",
                        [
                            ("saved", draft.version.to_string()),
                            ("seen", seen.to_string()),
                        ],
                    ),
                });
            }
            Ok(draft)
        })
        .await?;
    draft.view(state)
}

pub async fn delete(state: &AppState, user: &CurrentUser, id: DraftId) -> Result<(), ApiError> {
    let account_id = user.account_id.clone();
    let deleted = state
        .database
        .run(move |conn| {
            diesel::delete(
                drafts::table
                    .filter(drafts::id.eq(&id))
                    .filter(drafts::account_id.eq(&account_id)),
            )
            .execute(conn)
            .map_err(ApiError::from)
        })
        .await?;
    if deleted == 0 {
        return Err(ApiError::NotFound);
    }
    Ok(())
}

/// The account's drafts, most recently saved first.
pub async fn list(
    state: &AppState,
    user: &CurrentUser,
    page: PageRequest,
) -> Result<DraftPage, ApiError> {
    let account_id = user.account_id.clone();
    let limit = page.limit + 1;
    let after = page.after.clone();
    let rows = state
        .database
        .run(move |conn| {
            let mut query = drafts::table
                .filter(drafts::account_id.eq(&account_id))
                .select(Draft::as_select())
                .order((drafts::updated_at.desc(), drafts::id.desc()))
                .limit(limit)
                .into_boxed();
            if let Some(cursor) = after {
                query = query.filter(crate::older_than!(drafts::updated_at, drafts::id, cursor));
            }
            query.load(conn).map_err(ApiError::from)
        })
        .await?;
    let (rows, next) = page.finish(rows, |d| Cursor {
        at: d.updated_at,
        id: d.id.clone(),
    });
    let items = rows
        .into_iter()
        .map(|draft| {
            let view = draft.view(state)?;
            Ok(DraftSummary {
                id: view.id,
                form_id: view.form_id,
                form_title: view.form_title,
                version: view.version,
                progress: view.progress,
                updated_at: view.updated_at,
                expires_at: view.expires_at,
            })
        })
        .collect::<Result<_, ApiError>>()?;
    Ok(DraftPage { items, next })
}

/// Removes the draft a form was sent from, in the sending transaction; whether there was one.
pub fn remove_sent(conn: &mut DbConnection, account_id: &str, draft_id: &str) -> QueryResult<bool> {
    let removed = diesel::delete(
        drafts::table
            .filter(drafts::id.eq(draft_id))
            .filter(drafts::account_id.eq(account_id)),
    )
    .execute(conn)?;
    Ok(removed > 0)
}

/// Deletes drafts 30 days after their last save (hourly, by `crate::purge`, after their owners
/// were reminded).
pub fn purge_expired(conn: &mut DbConnection, now: NaiveDateTime) -> QueryResult<usize> {
    diesel::delete(drafts::table.filter(drafts::expires_at.le(now))).execute(conn)
}
