//! The referral queue as staff work from it: filtered (form, status, team, overdue, mine, my
//! teams), in one of three orders, a keyset page at a time, or every row as a CSV file.

use chrono::{NaiveDate, NaiveTime};
use diesel::prelude::*;
use serde::Deserialize;
use shared::api::{QueueEntry, QueuePerson, QueueSort, SubmissionStatus};
use utoipa::IntoParams;

use super::{Names, OPEN, Queued};
use crate::audit::{self, Action, Event, Subject};
use crate::auth::Staff;
use crate::calendar;
use crate::csv_export;
use crate::db::DbConnection;
use crate::db::MultiBackend;
use crate::db::schema::submissions;
use crate::error::ApiError;
use crate::pagination::{Cursor, PageQuery, PageRequest};
use crate::state::AppState;

/// Narrows the queue; all of them together.
#[derive(Debug, Clone, Default, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
#[serde(deny_unknown_fields)]
pub struct QueueQuery {
    /// Only this form (its id).
    #[param(example = "social-care-referral")]
    pub form: Option<String>,
    /// Only this status.
    pub status: Option<SubmissionStatus>,
    /// Only this team's (its key).
    #[param(example = "contact_centre")]
    pub team: Option<String>,
    /// Only those past their due date and still open.
    pub overdue: Option<bool>,
    /// Only the one with this reference (any case).
    #[param(example = "ASC-7K3F-9Q2D")]
    pub reference: Option<String>,
    /// Only those given to me.
    pub mine: Option<bool>,
    /// Only those with the teams I work in.
    pub my_teams: Option<bool>,
    /// The order: `due` (soonest first, the default), `received` (newest first) or `status`.
    #[param(inline)]
    pub sort: Option<QueueSort>,
    /// The `next` cursor of the previous page.
    pub after: Option<String>,
    /// How many, 1 to 100; 20 when left out.
    pub limit: Option<i64>,
}

impl QueueQuery {
    /// The filters as the audit log keeps them: "queue form=… status=…", or "queue".
    pub fn describe(&self, what: &str) -> String {
        let mut text = String::from(what);
        let mut add = |name: &str, value: Option<&str>| {
            if let Some(value) = value {
                text.push_str(&format!(" {name}={value}"));
            }
        };
        let yes_no = |b: Option<bool>| b.map(|b| if b { "true" } else { "false" });
        add("form", self.form.as_deref());
        add("status", self.status.map(|s| s.as_str()));
        add("team", self.team.as_deref());
        add("reference", self.reference.as_deref());
        add("overdue", yes_no(self.overdue));
        add("mine", yes_no(self.mine));
        add("my_teams", yes_no(self.my_teams));
        add("sort", self.sort.map(QueueSort::as_str));
        add("after", self.after.as_deref());
        text
    }
}

type Select = submissions::BoxedQuery<'static, MultiBackend>;

/// The filters, for the account asking, as a query to order and page.
fn filtered(
    conn: &mut DbConnection,
    query: &QueueQuery,
    me: &str,
    today: NaiveDate,
) -> QueryResult<Select> {
    let mut select: Select = submissions::table.into_boxed();
    if let Some(form) = &query.form {
        select = select.filter(submissions::form_id.eq(form.clone()));
    }
    if let Some(status) = query.status {
        select = select.filter(submissions::status.eq(status.as_str()));
    }
    if let Some(team) = &query.team {
        select = select.filter(submissions::team_key.eq(team.clone()));
    }
    if let Some(reference) = &query.reference {
        select = select.filter(submissions::reference.eq(reference.trim().to_ascii_uppercase()));
    }
    if query.overdue == Some(true) {
        select = select
            .filter(submissions::due_on.lt(today))
            .filter(submissions::status.eq_any(OPEN));
    }
    if query.mine == Some(true) {
        select = select.filter(submissions::assigned_to.eq(me.to_owned()));
    }
    if query.my_teams == Some(true) {
        let teams = crate::teams::keys_of(conn, me)?;
        select = select.filter(submissions::team_key.eq_any(teams));
    }
    Ok(select)
}

/// Up to `limit` rows after `after`, in the order asked for. Sorting by status reads each
/// status in turn through its (status, due_on, id) index, so no order needs the whole table.
fn rows(
    conn: &mut DbConnection,
    query: &QueueQuery,
    me: &str,
    today: NaiveDate,
    after: Option<Cursor>,
    limit: i64,
) -> Result<Vec<Queued>, ApiError> {
    match query.sort.unwrap_or_default() {
        QueueSort::Due => {
            let select = filtered(conn, query, me, today)?;
            Ok(soonest_due(select, after).limit(limit).load(conn)?)
        }
        QueueSort::Received => {
            let mut select = filtered(conn, query, me, today)?;
            if let Some(cursor) = after {
                select = select.filter(crate::older_than!(
                    submissions::submitted_at,
                    submissions::id,
                    cursor
                ));
            }
            Ok(select
                .select(Queued::as_select())
                .order((submissions::submitted_at.desc(), submissions::id.desc()))
                .limit(limit)
                .load(conn)?)
        }
        QueueSort::Status => {
            // The cursor names the last row; its status says where to carry on.
            let from = match &after {
                Some(cursor) => submissions::table
                    .find(&cursor.id)
                    .select(submissions::status)
                    .first::<String>(conn)
                    .optional()?
                    .and_then(|s| SubmissionStatus::parse(&s)),
                None => None,
            };
            let start = from.map_or(0, |s| {
                SubmissionStatus::ALL
                    .iter()
                    .position(|x| *x == s)
                    .unwrap_or(0)
            });
            let mut found: Vec<Queued> = Vec::new();
            for (index, status) in SubmissionStatus::ALL.into_iter().enumerate().skip(start) {
                if query.status.is_some_and(|s| s != status) {
                    continue;
                }
                let wanted = limit - i64::try_from(found.len()).unwrap_or(limit);
                if wanted <= 0 {
                    break;
                }
                let within = if index == start { after.clone() } else { None };
                let select = filtered(conn, query, me, today)?
                    .filter(submissions::status.eq(status.as_str()));
                found.extend(soonest_due(select, within).limit(wanted).load(conn)?);
            }
            Ok(found)
        }
    }
}

/// Soonest due first, after `after` (its time is the due date).
fn soonest_due(
    mut select: Select,
    after: Option<Cursor>,
) -> submissions::BoxedQuery<
    'static,
    MultiBackend,
    diesel::dsl::SqlTypeOf<diesel::dsl::AsSelect<Queued, MultiBackend>>,
> {
    if let Some(Cursor { at, id }) = after {
        let due = at.date();
        // The plain `>=` lets the database seek to the page in its index.
        select = select.filter(submissions::due_on.ge(due)).filter(
            submissions::due_on
                .gt(due)
                .or(submissions::due_on.eq(due).and(submissions::id.gt(id))),
        );
    }
    select
        .select(Queued::as_select())
        .order((submissions::due_on.asc(), submissions::id.asc()))
}

/// Where the next page starts, after `row`, in `sort`'s order.
fn cursor_after(row: &Queued, sort: QueueSort) -> Cursor {
    let at = match sort {
        QueueSort::Received => row.submitted_at,
        QueueSort::Due | QueueSort::Status => row.due_on().and_time(NaiveTime::MIN),
    };
    Cursor {
        at,
        id: row.id.clone(),
    }
}

/// One page of the queue; the look (with its filters) is in the audit log.
pub async fn page(
    state: &AppState,
    user: &Staff,
    query: QueueQuery,
) -> Result<(Vec<QueueEntry>, Option<String>), ApiError> {
    let page = PageRequest::try_from(PageQuery {
        after: query.after.clone(),
        limit: query.limit,
    })?;
    let sort = query.sort.unwrap_or_default();
    let today = calendar::today();
    let actor = user.clone();
    let (after, fetch) = (page.after.clone(), page.limit + 1);
    let (rows, names) = state
        .database
        .run(move |conn| {
            // The queue shows who each referral is about: looking at it is logged like
            // opening one, with the filters used as what was looked at.
            audit::record(
                conn,
                &actor,
                Event::new(
                    Action::List,
                    Subject::Submissions,
                    &query.describe("queue"),
                    None,
                ),
            )?;
            let rows = rows(conn, &query, &actor.account_id, today, after, fetch)?;
            let names = Names::for_rows(conn, &rows)?;
            Ok::<_, ApiError>((rows, names))
        })
        .await?;
    let (rows, next) = page.finish(rows, |row| cursor_after(row, sort));
    Ok((rows.iter().map(|r| names.entry(r, today)).collect(), next))
}

/// The CSV file's columns.
const EXPORT_HEADER: &[&str] = &[
    "Reference",
    "Form",
    "Received",
    "Due",
    "Overdue",
    "Status",
    "Team",
    "Worker",
    "Sent by",
    "About",
    "Date of birth",
    "Postcode",
    "Record",
];

/// A queue entry as a row of the CSV file.
fn export_row(e: QueueEntry) -> Vec<String> {
    let person = e.person.unwrap_or(QueuePerson {
        name: None,
        date_of_birth: None,
        postcode: None,
    });
    vec![
        e.reference,
        e.form_title,
        calendar::uk_time(e.submitted_at.naive_utc()),
        e.due_on.format("%Y-%m-%d").to_string(),
        if e.overdue { "Yes" } else { "No" }.to_owned(),
        e.status.label().to_owned(),
        e.team.map(|t| t.name).unwrap_or_default(),
        e.assigned_to.map(|p| p.name).unwrap_or_default(),
        e.submitted_by,
        person.name.unwrap_or_default(),
        person
            .date_of_birth
            .map(|d| d.format("%Y-%m-%d").to_string())
            .unwrap_or_default(),
        person.postcode.unwrap_or_default(),
        e.person_id.unwrap_or_default(),
    ]
}

/// The queue with these filters and order, every row, as CSV streamed a batch at a time. The
/// export is in the audit log before the first row is read.
pub async fn export(
    state: actix_web::web::Data<AppState>,
    user: Staff,
    query: QueueQuery,
) -> Result<impl futures_util::Stream<Item = Result<actix_web::web::Bytes, ApiError>>, ApiError> {
    let sort = query.sort.unwrap_or_default();
    let today = calendar::today();
    {
        let (actor, looked_at) = (user.clone(), query.describe("queue"));
        state
            .database
            .run(move |conn| {
                Ok::<_, ApiError>(audit::record(
                    conn,
                    &actor,
                    Event::new(Action::Export, Subject::Submissions, &looked_at, None),
                )?)
            })
            .await?;
    }
    Ok(csv_export::stream(EXPORT_HEADER, move |after| {
        let (state, query, me) = (state.clone(), query.clone(), user.account_id.clone());
        async move {
            let (rows, names) = state
                .database
                .run(move |conn| {
                    let rows = rows(conn, &query, &me, today, after, csv_export::BATCH)?;
                    let names = Names::for_rows(conn, &rows)?;
                    Ok::<_, ApiError>((rows, names))
                })
                .await?;
            let last = rows.last().map(|row| cursor_after(row, sort));
            Ok((
                rows.iter()
                    .map(|row| export_row(names.entry(row, today)))
                    .collect(),
                last,
            ))
        }
    }))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_audit_log_names_every_filter_used() {
        let query = QueueQuery {
            status: Some(SubmissionStatus::InReview),
            my_teams: Some(true),
            sort: Some(QueueSort::Received),
            ..QueueQuery::default()
        };
        assert_eq!(
            query.describe("queue"),
            "queue status=in_review my_teams=true sort=received"
        );
    }
}
