//! Files attached to forms. The bytes are checked before they are kept: the type the browser
//! declares must be one the portal takes and must match what the content is (a renamed
//! program is not a PDF), and the size must be within the limit. A form's own limits (the
//! types and size a question accepts) are checked again when the form is submitted, against
//! the stored file, never against what the answer claims.

use chrono::{Duration, NaiveDateTime};
use diesel::prelude::*;
use serde_json::{Value, json};
use shared::api::{FieldErrors, SubmissionId, UploadId, UploadView, scopes};
use shared::forms::{Answers, FormDefinition, QuestionKind};
use uuid::Uuid;

use crate::audit::{self, Event, Subject};
use crate::auth::{ApiCaller, CurrentUser};
use crate::calendar::timestamp;
use crate::db::DbConnection;
use crate::db::schema::{submissions, uploads};
use crate::error::ApiError;
use crate::files;
use crate::request_language::says_with;
use crate::state::AppState;

#[derive(Debug, Clone, Queryable, Selectable)]
#[diesel(table_name = uploads)]
pub struct Upload {
    pub id: String,
    pub submission_id: Option<String>,
    pub file_name: String,
    pub content_type: String,
    pub size_bytes: i64,
    pub sha256: String,
}

impl Upload {
    pub fn view(&self) -> Result<UploadView, ApiError> {
        Ok(UploadView {
            id: self.id.clone(),
            name: self.file_name.clone(),
            content_type: self.content_type.clone(),
            size: ApiError::stored(self.size_bytes, "upload size")?,
            sha256: self.sha256.clone(),
        })
    }

    /// The answer a file question keeps for this upload.
    fn answer(&self) -> Value {
        json!({
            "id": self.id,
            "name": self.file_name,
            "content_type": self.content_type,
            "size": self.size_bytes,
        })
    }
}

/// Checks and keeps a file for the signed-in account.
pub async fn store(
    state: &AppState,
    user: &CurrentUser,
    file_name: &str,
    declared: Option<&str>,
    bytes: Vec<u8>,
) -> Result<UploadView, ApiError> {
    let file = files::check(file_name, declared, bytes)?;
    let account_id = user.account_id.clone();
    let upload = state
        .database
        .run(move |conn| {
            let now = timestamp();
            let id = Uuid::now_v7().to_string();
            diesel::insert_into(uploads::table)
                .values((
                    uploads::id.eq(&id),
                    uploads::account_id.eq(&account_id),
                    uploads::file_name.eq(&file.name),
                    uploads::content_type.eq(&file.content_type),
                    uploads::size_bytes.eq(file.size),
                    uploads::sha256.eq(&file.sha256),
                    uploads::content.eq(&file.bytes),
                    uploads::created_at.eq(now),
                    uploads::last_used_at.eq(now),
                ))
                .execute(conn)?;
            owned(conn, &account_id, &id)?.ok_or(ApiError::NotFound)
        })
        .await?;
    upload.view()
}

pub fn owned(conn: &mut DbConnection, account_id: &str, id: &str) -> QueryResult<Option<Upload>> {
    uploads::table
        .filter(uploads::id.eq(id))
        .filter(uploads::account_id.eq(account_id))
        .select(Upload::as_select())
        .first(conn)
        .optional()
}

/// The file `id` with its bytes, if `account_id` sent it.
pub async fn content(
    state: &AppState,
    user: &CurrentUser,
    id: UploadId,
) -> Result<(Upload, Vec<u8>), ApiError> {
    let account_id = user.account_id.clone();
    state
        .database
        .run(move |conn| {
            let upload = owned(conn, &account_id, &id)?.ok_or(ApiError::NotFound)?;
            let bytes: Vec<u8> = uploads::table
                .find(&id)
                .select(uploads::content)
                .first(conn)?;
            Ok((upload, bytes))
        })
        .await
}

/// The files a submission carries, in the order they were uploaded.
pub fn of_submission(conn: &mut DbConnection, submission_id: &str) -> QueryResult<Vec<Upload>> {
    uploads::table
        .filter(uploads::submission_id.eq(submission_id))
        .order((uploads::created_at.asc(), uploads::id.asc()))
        .select(Upload::as_select())
        .load(conn)
}

/// A file a submission carries, with its bytes, for council staff or a machine client that
/// reads submissions. Each opening is written to the audit log, against the person the
/// submission is about when it is linked to one.
pub async fn attachment(
    state: &AppState,
    caller: &ApiCaller,
    submission_id: SubmissionId,
    id: UploadId,
) -> Result<(Upload, Vec<u8>), ApiError> {
    let caller = caller.require(scopes::SUBMISSIONS_READ)?.clone();
    state
        .database
        .write(move |conn| {
            let (upload, bytes): (Upload, Vec<u8>) = uploads::table
                .filter(uploads::id.eq(&id))
                .filter(uploads::submission_id.eq(&submission_id))
                .select((Upload::as_select(), uploads::content))
                .first(conn)
                .optional()?
                .ok_or(ApiError::NotFound)?;
            let person_id: Option<String> = submissions::table
                .find(&submission_id)
                .select(submissions::person_id)
                .first(conn)?;
            audit::record(
                conn,
                &caller,
                Event::read(Subject::Upload, &id, person_id.as_deref()),
            )?;
            Ok((upload, bytes))
        })
        .await
}

/// The upload ids the answers' top-level file questions name, with their questions.
fn named<'a>(
    form: &'a FormDefinition,
    answers: &Answers,
) -> Vec<(&'a shared::forms::Question, String)> {
    form.questions()
        .filter(|q| matches!(q.kind, QuestionKind::File { .. }))
        .filter_map(|q| {
            let id = answers.get(&q.id)?.get("id")?.as_str()?.to_owned();
            Some((q, id))
        })
        .collect()
}

/// Marks the uploads a draft names as still in use, so the purge keeps them while the draft
/// lives. Ids of other accounts' uploads are ignored.
pub fn touch(
    conn: &mut DbConnection,
    account_id: &str,
    form: &FormDefinition,
    answers: &Answers,
    now: NaiveDateTime,
) -> QueryResult<()> {
    let ids: Vec<String> = named(form, answers).into_iter().map(|(_, id)| id).collect();
    if ids.is_empty() {
        return Ok(());
    }
    diesel::update(
        uploads::table
            .filter(uploads::account_id.eq(account_id))
            .filter(uploads::id.eq_any(&ids)),
    )
    .set(uploads::last_used_at.eq(now))
    .execute(conn)?;
    Ok(())
}

/// Gives the submission the files its answers name, after checking each against its
/// question's limits; answers the file answers as stored. Runs in the submission's
/// transaction, so a refusal keeps nothing.
pub fn attach(
    conn: &mut DbConnection,
    account_id: &str,
    submission_id: &str,
    form: &FormDefinition,
    answers: &mut Answers,
) -> Result<(), ApiError> {
    let mut errors = FieldErrors::new();
    let language = crate::request_language::current();
    for (question, id) in named(form, answers) {
        let key = format!("answers.{}", question.id);
        let label = || question.label.in_language(language).to_owned();
        let Some(upload) = owned(conn, account_id, &id)?.filter(|u| u.submission_id.is_none())
        else {
            errors.insert(
                key,
                vec![says_with("upload-again", [("question", label())])],
            );
            continue;
        };
        if let QuestionKind::File { accept, max_bytes } = &question.kind {
            if !accept.contains(&upload.content_type) {
                errors.insert(
                    key,
                    vec![says_with(
                        "upload-of-type",
                        [("question", label()), ("types", accept.join(", "))],
                    )],
                );
                continue;
            }
            if u64::try_from(upload.size_bytes).unwrap_or(u64::MAX) > *max_bytes {
                errors.insert(
                    key,
                    vec![says_with(
                        "upload-too-large",
                        [
                            ("question", label()),
                            ("megabytes", (max_bytes / (1024 * 1024)).to_string()),
                        ],
                    )],
                );
                continue;
            }
        }
        diesel::update(uploads::table.find(&upload.id))
            .set(uploads::submission_id.eq(submission_id))
            .execute(conn)?;
        answers.insert(question.id.clone(), upload.answer());
    }
    if errors.is_empty() {
        Ok(())
    } else {
        Err(ApiError::Validation(errors))
    }
}

/// An upload no draft has used for longer than a draft lives is gone with its draft.
const KEEP_UNUSED: Duration = Duration::days(31);

/// Deletes files no submission took that no living draft has named for longer than a draft
/// lives (hourly, by `crate::purge`).
pub fn purge_unused(conn: &mut DbConnection, now: NaiveDateTime) -> QueryResult<usize> {
    diesel::delete(
        uploads::table
            .filter(uploads::submission_id.is_null())
            .filter(uploads::last_used_at.lt(now - KEEP_UNUSED)),
    )
    .execute(conn)
}
