//! Messages about a person. A thread has a type from the council's list, which decides the
//! team that receives it; the inbox holds the council's messages and sent items the person's
//! side's, each unread until this reader opens its thread. When the council writes, every
//! account linked to the person is emailed that a message is waiting, never what it says.

pub mod team;
pub mod types;

use chrono::NaiveDateTime;
use diesel::prelude::*;
use shared::api::{
    FieldErrors, MessagePage, MessageSummary, MessageView, NewMessageRequest, PersonId,
    ReplyRequest, Sender, TeamRef, ThreadId, ThreadView, full_name, validate_body_in,
};
use uuid::Uuid;

use self::types as message_types;
use crate::accounts::Account;
use crate::audit::{Action, Subject};
use crate::auth::{CurrentUser, Staff};
use crate::calendar::timestamp;
use crate::db::DbConnection;
use crate::db::schema::{message_reads, message_threads, messages};
use crate::email::Template;
use crate::error::ApiError;
use crate::pagination::{Cursor, PageRequest};
use crate::people::{Access, notify_linked};
use crate::request_language::current as current_language;
use crate::state::AppState;

/// Which messages a list holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Folder {
    /// From the council.
    Inbox,
    /// From the person or their proxy.
    Sent,
}

impl Folder {
    pub fn parse(text: Option<&str>) -> Result<Self, ApiError> {
        match text.unwrap_or("inbox") {
            "inbox" => Ok(Self::Inbox),
            "sent" => Ok(Self::Sent),
            _ => Err(ApiError::field(
                "box",
                crate::request_language::says("messages-choose-box"),
            )),
        }
    }

    fn sender(self) -> Sender {
        match self {
            Self::Inbox => Sender::Staff,
            Self::Sent => Sender::Citizen,
        }
    }
}

type SummaryRow = (
    String,
    String,
    String,
    String,
    NaiveDateTime,
    Option<NaiveDateTime>,
);

/// One page of the inbox or sent items, newest first.
pub async fn list(
    state: &AppState,
    user: &CurrentUser,
    person_id: PersonId,
    which: Folder,
    page: PageRequest,
) -> Result<MessagePage, ApiError> {
    let account_id = user.account_id.clone();
    let limit = page.limit + 1;
    let after = page.after.clone();
    let rows: Vec<SummaryRow> = state
        .database
        .run(move |conn| {
            Access::check(conn, &account_id, &person_id)?;
            let mut query = messages::table
                .inner_join(message_threads::table)
                .left_join(
                    message_reads::table.on(message_reads::message_id
                        .eq(messages::id)
                        .and(message_reads::account_id.eq(account_id.clone()))),
                )
                .filter(messages::person_id.eq(&person_id))
                .filter(messages::sender.eq(which.sender().as_str()))
                .order((messages::created_at.desc(), messages::id.desc()))
                .limit(limit)
                .select((
                    messages::id,
                    messages::thread_id,
                    message_threads::subject,
                    messages::author_name,
                    messages::created_at,
                    message_reads::read_at.nullable(),
                ))
                .into_boxed();
            if let Some(cursor) = after {
                query = query.filter(crate::older_than!(
                    messages::created_at,
                    messages::id,
                    cursor
                ));
            }
            Ok::<_, ApiError>(query.load(conn)?)
        })
        .await?;
    let (rows, next) = page.finish(rows, |row| Cursor {
        at: row.4,
        id: row.0.clone(),
    });
    Ok(MessagePage {
        items: rows
            .into_iter()
            .map(
                |(id, thread_id, subject, from, sent_at, read_at)| MessageSummary {
                    id,
                    thread_id,
                    subject,
                    from,
                    sent_at: sent_at.and_utc(),
                    // Your own side's messages are never unread to you.
                    unread: which == Folder::Inbox && read_at.is_none(),
                },
            )
            .collect(),
        next,
    })
}

#[derive(Debug, Clone, Queryable, Selectable)]
#[diesel(table_name = messages)]
struct Message {
    id: String,
    #[diesel(deserialize_as = String)]
    sender: Sender,
    author_name: String,
    body: String,
    in_reply_to: Option<String>,
    created_at: NaiveDateTime,
}

impl Message {
    fn view(self) -> MessageView {
        MessageView {
            id: self.id,
            sender: self.sender,
            from: self.author_name,
            body: self.body,
            in_reply_to: self.in_reply_to,
            sent_at: self.created_at.and_utc(),
        }
    }
}

/// The thread `thread_id` of the person, or not found.
fn thread_of(
    conn: &mut DbConnection,
    person_id: &str,
    thread_id: &str,
) -> Result<(String, String, String), ApiError> {
    let (subject, key): (String, String) = message_threads::table
        .filter(message_threads::id.eq(thread_id))
        .filter(message_threads::person_id.eq(person_id))
        .select((message_threads::subject, message_threads::message_type_key))
        .first(conn)
        .optional()?
        .ok_or(ApiError::NotFound)?;
    let label = message_types::label_of(conn, &key)?;
    Ok((subject, key, label))
}

pub(crate) fn load_thread(
    conn: &mut DbConnection,
    person_id: &str,
    thread_id: &str,
) -> Result<ThreadView, ApiError> {
    let (subject, message_type, message_type_label) = thread_of(conn, person_id, thread_id)?;
    let all: Vec<Message> = messages::table
        .filter(messages::thread_id.eq(thread_id))
        .order((messages::created_at, messages::id))
        .select(Message::as_select())
        .load(conn)?;
    Ok(ThreadView {
        id: thread_id.to_owned(),
        subject,
        message_type,
        message_type_label,
        messages: all.into_iter().map(Message::view).collect(),
    })
}

/// A thread, oldest message first; opening it marks the council's messages in it read for
/// this reader (and only this reader).
pub async fn open(
    state: &AppState,
    user: &CurrentUser,
    person_id: PersonId,
    thread_id: ThreadId,
) -> Result<ThreadView, ApiError> {
    let account_id = user.account_id.clone();
    state
        .database
        .write(move |conn| {
            Access::check(conn, &account_id, &person_id)?;
            let thread = load_thread(conn, &person_id, &thread_id)?;
            let now = timestamp();
            let already: Vec<String> = message_reads::table
                .inner_join(messages::table)
                .filter(messages::thread_id.eq(&thread_id))
                .filter(message_reads::account_id.eq(&account_id))
                .select(message_reads::message_id)
                .load(conn)?;
            for message in thread
                .messages
                .iter()
                .filter(|m| m.sender == Sender::Staff && !already.contains(&m.id))
            {
                conn.insert_once(|conn| {
                    diesel::insert_into(message_reads::table)
                        .values((
                            message_reads::message_id.eq(&message.id),
                            message_reads::account_id.eq(&account_id),
                            message_reads::read_at.eq(now),
                        ))
                        .execute(conn)
                })?;
            }
            Ok(thread)
        })
        .await
}

struct NewMessage<'a> {
    /// Kept on the message too, so a person's lists read straight from one index.
    person_id: &'a str,
    thread_id: &'a str,
    sender: Sender,
    author_account_id: Option<&'a str>,
    author_name: &'a str,
    body: &'a str,
    in_reply_to: Option<&'a str>,
    now: NaiveDateTime,
}

fn insert_message(conn: &mut DbConnection, message: NewMessage<'_>) -> QueryResult<String> {
    let id = Uuid::now_v7().to_string();
    diesel::insert_into(messages::table)
        .values((
            messages::id.eq(&id),
            messages::thread_id.eq(message.thread_id),
            messages::person_id.eq(message.person_id),
            messages::sender.eq(message.sender.as_str()),
            messages::author_account_id.eq(message.author_account_id),
            messages::author_name.eq(message.author_name),
            messages::body.eq(message.body.trim()),
            messages::in_reply_to.eq(message.in_reply_to),
            messages::created_at.eq(message.now),
        ))
        .execute(conn)?;
    diesel::update(message_threads::table.find(message.thread_id))
        .set(message_threads::last_message_at.eq(message.now))
        .execute(conn)?;
    Ok(id)
}

/// A new thread for `team_key`, the team the request's message type names.
fn new_thread(
    conn: &mut DbConnection,
    person_id: &str,
    request: &NewMessageRequest,
    team_key: &str,
    started_by: Sender,
    now: NaiveDateTime,
) -> Result<String, ApiError> {
    let id = Uuid::now_v7().to_string();
    diesel::insert_into(message_threads::table)
        .values((
            message_threads::id.eq(&id),
            message_threads::person_id.eq(person_id),
            message_threads::message_type_key.eq(request.message_type.trim()),
            message_threads::team_key.eq(team_key),
            message_threads::subject.eq(request.subject.trim()),
            message_threads::started_by.eq(started_by.as_str()),
            message_threads::created_at.eq(now),
            message_threads::last_message_at.eq(now),
        ))
        .execute(conn)?;
    Ok(id)
}

fn validated<T>(errors: FieldErrors, value: T) -> Result<T, ApiError> {
    if errors.is_empty() {
        Ok(value)
    } else {
        Err(ApiError::Validation(errors))
    }
}

/// The person or their proxy writes to the council.
pub async fn start(
    state: &AppState,
    user: &CurrentUser,
    person_id: PersonId,
    request: NewMessageRequest,
) -> Result<ThreadView, ApiError> {
    let request = validated(request.validate_in(current_language()), request)?;
    let account_id = user.account_id.clone();
    let thread = state
        .write(move |conn| {
            Access::check(conn, &account_id, &person_id)?;
            let thread_id = write_to_team(conn, &account_id, &person_id, &request, timestamp())?;
            load_thread(conn, &person_id, &thread_id)
        })
        .await?;
    Ok(thread)
}

/// A new thread from the person's side (the caller has checked their access) to the team the
/// message type names, in the caller's transaction; its id.
pub(crate) fn write_to_team(
    conn: &mut DbConnection,
    account_id: &str,
    person_id: &str,
    request: &NewMessageRequest,
    now: NaiveDateTime,
) -> Result<String, ApiError> {
    let author = Account::by_id(conn, account_id)?.ok_or(ApiError::Unauthorized)?;
    let team_key = message_types::team_of(conn, request.message_type.trim())?.key;
    let thread_id = new_thread(conn, person_id, request, &team_key, Sender::Citizen, now)?;
    insert_message(
        conn,
        NewMessage {
            person_id,
            thread_id: &thread_id,
            sender: Sender::Citizen,
            author_account_id: Some(account_id),
            author_name: &full_name(&author.forename, &author.surname),
            body: &request.body,
            in_reply_to: None,
            now,
        },
    )?;
    message_received(conn, person_id, &thread_id, now)?;
    Ok(thread_id)
}

/// Tells other systems that a person's message arrived (never what it says).
fn message_received(
    conn: &mut DbConnection,
    person_id: &str,
    thread_id: &str,
    now: NaiveDateTime,
) -> QueryResult<usize> {
    let team: String = message_threads::table
        .find(thread_id)
        .select(message_threads::team_key)
        .first(conn)?;
    crate::integrations::webhooks::deliveries::enqueue(
        conn,
        "message.received",
        serde_json::json!({"thread_id": thread_id, "person_id": person_id, "team": team}),
        now,
    )
}

fn check_reply_target(
    conn: &mut DbConnection,
    thread_id: &str,
    in_reply_to: &str,
) -> Result<(), ApiError> {
    let found: i64 = messages::table
        .filter(messages::id.eq(in_reply_to))
        .filter(messages::thread_id.eq(thread_id))
        .count()
        .get_result(conn)?;
    if found == 0 {
        return Err(ApiError::field(
            "in_reply_to",
            crate::request_language::says("messages-reply-in-conversation"),
        ));
    }
    Ok(())
}

/// The person or their proxy replies in a thread.
pub async fn reply(
    state: &AppState,
    user: &CurrentUser,
    person_id: PersonId,
    thread_id: ThreadId,
    request: ReplyRequest,
) -> Result<ThreadView, ApiError> {
    let request = validated(validate_body_in(&request.body, current_language()), request)?;
    let account_id = user.account_id.clone();
    let thread = state
        .write(move |conn| {
            Access::check(conn, &account_id, &person_id)?;
            thread_of(conn, &person_id, &thread_id)?;
            check_reply_target(conn, &thread_id, &request.in_reply_to)?;
            let author = Account::by_id(conn, &account_id)?.ok_or(ApiError::Unauthorized)?;
            insert_message(
                conn,
                NewMessage {
                    person_id: &person_id,
                    thread_id: &thread_id,
                    sender: Sender::Citizen,
                    author_account_id: Some(&account_id),
                    author_name: &full_name(&author.forename, &author.surname),
                    body: &request.body,
                    in_reply_to: Some(&request.in_reply_to),
                    now: timestamp(),
                },
            )?;
            message_received(conn, &person_id, &thread_id, timestamp())?;
            load_thread(conn, &person_id, &thread_id)
        })
        .await?;
    Ok(thread)
}

/// A team writes to a person (a new conversation).
pub async fn staff_start(
    state: &AppState,
    user: &Staff,
    person_id: PersonId,
    request: NewMessageRequest,
) -> Result<ThreadView, ApiError> {
    let request = validated(request.validate_in(current_language()), request)?;
    let actor = user.clone();
    let council = state.council.view().clone();
    let link = state.public_url.join("account")?;
    let thread = state
        .write(move |conn| {
            crate::people::person::Person::find(conn, &person_id)?.ok_or(ApiError::NotFound)?;
            let TeamRef {
                key: team_key,
                name: team_name,
            } = message_types::team_of(conn, request.message_type.trim())?;
            actor.check_member(conn, &team_key)?;
            let now = timestamp();
            let team = TeamRef {
                key: team_key,
                name: team_name,
            };
            let thread_id = start_from_team(conn, &actor, &person_id, &request, &team, now)?;
            notify_linked(
                conn,
                &council,
                &link,
                &person_id,
                Template::MessageWaiting,
                now,
            )?;
            load_thread(conn, &person_id, &thread_id)
        })
        .await?;
    Ok(thread)
}

/// A new thread that `team` starts with its first message, and its audit entry, in the
/// caller's transaction; nobody is told yet. Gives the thread's id.
pub fn start_from_team(
    conn: &mut DbConnection,
    actor: &CurrentUser,
    person_id: &str,
    request: &NewMessageRequest,
    team: &TeamRef,
    now: NaiveDateTime,
) -> Result<String, ApiError> {
    let thread_id = new_thread(conn, person_id, request, &team.key, Sender::Staff, now)?;
    crate::audit::record(
        conn,
        actor,
        crate::audit::Event::new(Action::Send, Subject::Thread, &thread_id, Some(person_id)),
    )?;
    insert_message(
        conn,
        NewMessage {
            person_id,
            thread_id: &thread_id,
            sender: Sender::Staff,
            author_account_id: Some(&actor.account_id),
            author_name: &team.name,
            body: &request.body,
            in_reply_to: None,
            now,
        },
    )?;
    Ok(thread_id)
}

/// Writes a team's message and tells everyone linked to the person that one is waiting; gives
/// the thread as it now stands.
fn from_team(
    conn: &mut DbConnection,
    message: NewMessage<'_>,
    council: &shared::api::CouncilView,
    link: &url::Url,
) -> Result<ThreadView, ApiError> {
    let (person_id, thread_id, now) = (message.person_id, message.thread_id, message.now);
    insert_message(conn, message)?;
    notify_linked(
        conn,
        council,
        link,
        person_id,
        Template::MessageWaiting,
        now,
    )?;
    load_thread(conn, person_id, thread_id)
}

/// A team replies in a thread, as the team that the thread's type names.
pub async fn staff_reply(
    state: &AppState,
    user: &Staff,
    person_id: PersonId,
    thread_id: ThreadId,
    request: ReplyRequest,
) -> Result<ThreadView, ApiError> {
    let request = validated(validate_body_in(&request.body, current_language()), request)?;
    let account_id = user.account_id.clone();
    let actor = user.clone();
    let council = state.council.view().clone();
    let link = state.public_url.join("account")?;
    let thread = state
        .write(move |conn| {
            let (_, type_key, _) = thread_of(conn, &person_id, &thread_id)?;
            check_reply_target(conn, &thread_id, &request.in_reply_to)?;
            let TeamRef {
                key: team_key,
                name: team_name,
            } = message_types::team_of(conn, &type_key)?;
            actor.check_member(conn, &team_key)?;
            let now = timestamp();
            // Answering the person's messages is reading them, for the team.
            diesel::update(
                messages::table
                    .filter(messages::thread_id.eq(&thread_id))
                    .filter(messages::sender.eq(Sender::Citizen.as_str()))
                    .filter(messages::team_read_at.is_null()),
            )
            .set(messages::team_read_at.eq(now))
            .execute(conn)?;
            crate::audit::record(
                conn,
                &actor,
                crate::audit::Event::new(
                    Action::Reply,
                    Subject::Thread,
                    &thread_id,
                    Some(&person_id),
                ),
            )?;
            let message = NewMessage {
                person_id: &person_id,
                thread_id: &thread_id,
                sender: Sender::Staff,
                author_account_id: Some(&account_id),
                author_name: &team_name,
                body: &request.body,
                in_reply_to: Some(&request.in_reply_to),
                now,
            };
            from_team(conn, message, &council, &link)
        })
        .await?;
    Ok(thread)
}

/// Messages from the council in this person's threads that this reader has not opened, up to
/// the dashboard's limit: the work is bounded however many have piled up.
pub fn unread_count(
    conn: &mut DbConnection,
    account_id: &str,
    person_id: &str,
) -> QueryResult<i64> {
    messages::table
        .left_join(
            message_reads::table.on(message_reads::message_id
                .eq(messages::id)
                .and(message_reads::account_id.eq(account_id.to_owned()))),
        )
        .filter(messages::person_id.eq(person_id))
        .filter(messages::sender.eq(Sender::Staff.as_str()))
        .filter(message_reads::read_at.nullable().is_null())
        .select(messages::id)
        .limit(i64::from(shared::api::Dashboard::COUNTED_UP_TO))
        .load::<String>(conn)
        .map(|ids| ids.len() as i64)
}
