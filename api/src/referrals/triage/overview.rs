//! How the service is doing, for the overview at /staff: arrivals a week by form, open and
//! overdue work by team, working days to a first response, and forms started against forms
//! sent. Every figure is a count or a grouping the database does through an index over the
//! last 12 weeks or the open work, so the overview costs the same with a million submissions
//! behind it as with ten thousand. `form_days` (forms started and sent a day) lives here.

use std::collections::BTreeMap;

use chrono::{Datelike, Days, NaiveDate, NaiveDateTime};
use diesel::dsl::{count_star, sum};
use diesel::prelude::*;
use diesel::result::{DatabaseErrorKind, Error as DieselError};
use shared::api::{FirstResponse, FormCount, FormUse, Overview, TeamRef, TeamWork, WeekReceived};

use super::OPEN;
use crate::auth::Staff;
use crate::calendar::{self, london_midnight};
use crate::db::DbConnection;
use crate::db::schema::{form_days, submissions};
use crate::error::ApiError;
use crate::state::AppState;

/// How many weeks the overview looks back, this one included.
pub const WEEKS: u32 = 12;

/// Which count of `form_days` to add one to.
#[derive(Clone, Copy)]
enum Counter {
    Started,
    Sent,
}

/// A draft was started (saved for the first time) at `at`.
pub fn count_draft_started(
    conn: &mut DbConnection,
    form_id: &str,
    at: NaiveDateTime,
) -> QueryResult<()> {
    add_one(conn, form_id, calendar::london_date(at), Counter::Started)
}

/// A draft was sent as a submission at `at`.
pub fn count_draft_sent(
    conn: &mut DbConnection,
    form_id: &str,
    at: NaiveDateTime,
) -> QueryResult<()> {
    add_one(conn, form_id, calendar::london_date(at), Counter::Sent)
}

fn add_one(
    conn: &mut DbConnection,
    form_id: &str,
    day: NaiveDate,
    counter: Counter,
) -> QueryResult<()> {
    let bump = |conn: &mut DbConnection| {
        let row = form_days::table
            .filter(form_days::day.eq(day))
            .filter(form_days::form_id.eq(form_id));
        match counter {
            Counter::Started => diesel::update(row)
                .set(form_days::drafts_started.eq(form_days::drafts_started + 1))
                .execute(conn),
            Counter::Sent => diesel::update(row)
                .set(form_days::drafts_sent.eq(form_days::drafts_sent + 1))
                .execute(conn),
        }
    };
    if bump(conn)? > 0 {
        return Ok(());
    }
    let (started, sent) = match counter {
        Counter::Started => (1, 0),
        Counter::Sent => (0, 1),
    };
    // The day's first: inserted in a savepoint, so that when another transaction inserted the
    // same day first, only the savepoint rolls back and the count is added to theirs.
    let inserted = conn.transaction(|conn| {
        diesel::insert_into(form_days::table)
            .values((
                form_days::day.eq(day),
                form_days::form_id.eq(form_id),
                form_days::drafts_started.eq(started),
                form_days::drafts_sent.eq(sent),
            ))
            .execute(conn)
    });
    match inserted {
        Ok(_) => Ok(()),
        Err(DieselError::DatabaseError(DatabaseErrorKind::UniqueViolation, _)) => {
            bump(conn).map(|_| ())
        }
        Err(error) => Err(error),
    }
}

/// The Mondays of the last `WEEKS` weeks, oldest first, ending with this week's.
fn mondays(today: NaiveDate) -> Vec<NaiveDate> {
    let this = today - Days::new(u64::from(today.weekday().num_days_from_monday()));
    (0..WEEKS)
        .rev()
        .map(|back| this - Days::new(7 * u64::from(back)))
        .collect()
}

/// The median of a histogram of whole days: the middle value, or halfway between the two.
fn median(histogram: &BTreeMap<u32, u64>) -> Option<f64> {
    let total: u64 = histogram.values().sum();
    if total == 0 {
        return None;
    }
    let at = |rank: u64| {
        let mut seen = 0;
        histogram
            .iter()
            .find(|(_, count)| {
                seen += **count;
                seen > rank
            })
            .map_or(0, |(days, _)| *days)
    };
    let (low, high) = (at((total - 1) / 2), at(total / 2));
    Some((f64::from(low) + f64::from(high)) / 2.0)
}

fn count(n: i64) -> u64 {
    u64::try_from(n).unwrap_or(0)
}

/// The overview for the whole service, or for one team's work.
pub async fn overview(
    state: &AppState,
    _user: &Staff,
    team: Option<String>,
) -> Result<Overview, ApiError> {
    let today = calendar::today();
    let weeks = mondays(today);
    // The forms a team's work comes from: those that name it.
    let forms: Vec<(String, String)> = state
        .forms
        .all()
        .filter(|f| team.is_none() || f.team == team)
        .map(|f| (f.id.clone(), f.title.english().to_owned()))
        .collect();
    let form_ids: Vec<String> = forms.iter().map(|(id, _)| id.clone()).collect();
    state
        .database
        .run(move |conn| {
            let team_ref = match &team {
                Some(key) => Some(crate::teams::find(conn, key)?.ok_or(ApiError::NotFound)?),
                None => None,
            };
            let since = london_midnight(weeks[0]);
            let mut received = Vec::with_capacity(weeks.len());
            for (index, monday) in weeks.iter().enumerate() {
                let from = london_midnight(*monday);
                let to = weeks.get(index + 1).map_or_else(
                    || london_midnight(*monday + Days::new(7)),
                    |m| london_midnight(*m),
                );
                let mut query = submissions::table
                    .filter(submissions::submitted_at.ge(from))
                    .filter(submissions::submitted_at.lt(to))
                    .group_by(submissions::form_id)
                    .select((submissions::form_id, count_star()))
                    .into_boxed();
                if let Some(key) = &team {
                    query = query.filter(submissions::team_key.eq(key.clone()));
                }
                let by_form: Vec<FormCount> = query
                    .load::<(String, i64)>(conn)?
                    .into_iter()
                    .map(|(form_id, n)| FormCount {
                        form_id,
                        count: count(n),
                    })
                    .collect();
                received.push(WeekReceived {
                    starting: *monday,
                    total: by_form.iter().map(|f| f.count).sum(),
                    by_form,
                });
            }

            // Counted a status at a time through (status, team_key, due_on): each count reads
            // only that status's rows, already in team order. One query over all three open
            // statuses lets SQLite walk a team index instead, reading every submission held.
            let open_by_team = |conn: &mut DbConnection, overdue: bool| {
                let mut counts: BTreeMap<Option<String>, i64> = BTreeMap::new();
                for status in OPEN {
                    let mut query = submissions::table
                        .filter(submissions::status.eq(status))
                        .group_by(submissions::team_key)
                        .select((submissions::team_key, count_star()))
                        .into_boxed();
                    if overdue {
                        query = query.filter(submissions::due_on.lt(today));
                    }
                    if let Some(key) = &team {
                        query = query.filter(submissions::team_key.eq(key.clone()));
                    }
                    for (key, n) in query.load::<(Option<String>, i64)>(conn)? {
                        *counts.entry(key).or_default() += n;
                    }
                }
                Ok::<_, ApiError>(counts)
            };
            let open = open_by_team(conn, false)?;
            let overdue = open_by_team(conn, true)?;
            let names = crate::teams::names(conn, open.keys().filter_map(|k| k.as_deref()))?;
            let mut work: Vec<TeamWork> = open
                .into_iter()
                .map(|(key, n)| TeamWork {
                    overdue: count(overdue.get(&key).copied().unwrap_or(0)),
                    open: count(n),
                    team: key.map(|key| TeamRef {
                        name: names.get(&key).cloned().unwrap_or_else(|| key.clone()),
                        key,
                    }),
                })
                .collect();
            work.sort_by(|a, b| {
                let name = |w: &TeamWork| w.team.as_ref().map(|t| t.name.clone());
                name(a)
                    .is_none()
                    .cmp(&name(b).is_none())
                    .then(name(a).cmp(&name(b)))
            });

            let mut answered = submissions::table
                .filter(submissions::submitted_at.ge(since))
                .filter(submissions::response_days.is_not_null())
                .group_by(submissions::response_days)
                .select((submissions::response_days, count_star()))
                .into_boxed();
            let mut waiting = submissions::table
                .filter(submissions::submitted_at.ge(since))
                .filter(submissions::first_status_at.is_null())
                .select(count_star())
                .into_boxed();
            if let Some(key) = &team {
                answered = answered.filter(submissions::team_key.eq(key.clone()));
                waiting = waiting.filter(submissions::team_key.eq(key.clone()));
            }
            let histogram: BTreeMap<u32, u64> = answered
                .load::<(Option<i32>, i64)>(conn)?
                .into_iter()
                .filter_map(|(days, n)| Some((u32::try_from(days?).ok()?, count(n))))
                .collect();
            let waiting: i64 = waiting.first(conn)?;

            let used: BTreeMap<String, (Option<i64>, Option<i64>)> = form_days::table
                .filter(form_days::day.ge(weeks[0]))
                .filter(form_days::form_id.eq_any(&form_ids))
                .group_by(form_days::form_id)
                .select((
                    form_days::form_id,
                    sum(form_days::drafts_started),
                    sum(form_days::drafts_sent),
                ))
                .load::<(String, Option<i64>, Option<i64>)>(conn)?
                .into_iter()
                .map(|(id, started, sent)| (id, (started, sent)))
                .collect();
            let forms = forms
                .into_iter()
                .map(|(form_id, form_title)| {
                    let (started, sent) = used.get(&form_id).copied().unwrap_or_default();
                    FormUse {
                        started: count(started.unwrap_or(0)),
                        sent: count(sent.unwrap_or(0)),
                        form_id,
                        form_title,
                    }
                })
                .collect();

            Ok(Overview {
                team: team_ref,
                weeks: received,
                teams: work,
                first_response: FirstResponse {
                    answered: histogram.values().sum(),
                    waiting: count(waiting),
                    median_working_days: median(&histogram),
                },
                forms,
            })
        })
        .await
}

#[cfg(test)]
mod tests {
    use super::*;

    fn date(text: &str) -> NaiveDate {
        text.parse().unwrap()
    }

    #[test]
    fn twelve_weeks_end_with_the_monday_of_this_week() {
        let weeks = mondays(date("2026-12-02"));
        assert_eq!(weeks.len(), 12);
        assert_eq!(weeks[11], date("2026-11-30"));
        assert_eq!(weeks[0], date("2026-09-14"));
        // A Monday is its own week's start.
        assert_eq!(mondays(date("2026-11-30"))[11], date("2026-11-30"));
    }

    #[test]
    fn the_median_is_the_middle_day_or_halfway_between_two() {
        assert_eq!(median(&BTreeMap::new()), None);
        assert_eq!(median(&BTreeMap::from([(3, 1)])), Some(3.0));
        assert_eq!(median(&BTreeMap::from([(1, 1), (4, 1)])), Some(2.5));
        assert_eq!(median(&BTreeMap::from([(0, 5), (2, 1), (9, 3)])), Some(0.0));
        assert_eq!(median(&BTreeMap::from([(1, 2), (2, 2), (7, 1)])), Some(2.0));
    }

    #[test]
    fn a_week_starts_at_midnight_in_england() {
        // British Summer Time: midnight in London is 11pm the day before in UTC.
        assert_eq!(
            london_midnight(date("2026-07-06")).to_string(),
            "2026-07-05 23:00:00"
        );
        assert_eq!(
            london_midnight(date("2026-12-07")).to_string(),
            "2026-12-07 00:00:00"
        );
    }
}
