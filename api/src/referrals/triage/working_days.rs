//! Working days in England and Wales: Monday to Friday, except bank holidays. The holidays come
//! from a file in the shape GOV.UK publishes (`/bank-holidays.json`), `bank_holidays_file`
//! (`config/bank-holidays.json` by default), read at start and read again whenever it changes:
//! a council extends it by pasting in a newer copy of GOV.UK's `england-and-wales` division,
//! with no rebuild and no restart.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::sync::{Arc, RwLock};
use std::time::SystemTime;

use anyhow::Context;
use chrono::{Datelike, Days, NaiveDate, Weekday};
use serde::Deserialize;

/// How many working days the council has to answer a referral.
pub const TRIAGE_WORKING_DAYS: u32 = 10;

#[derive(Deserialize)]
struct File {
    #[serde(rename = "england-and-wales")]
    england_and_wales: Division,
}

#[derive(Deserialize)]
struct Division {
    events: Vec<Event>,
}

#[derive(Deserialize)]
struct Event {
    date: NaiveDate,
}

/// The holidays in use, and the file they came from as it was when read.
struct Loaded {
    path: PathBuf,
    modified: Option<SystemTime>,
    holidays: Arc<BTreeSet<NaiveDate>>,
}

static LOADED: RwLock<Option<Loaded>> = RwLock::new(None);

fn parse(text: &str) -> serde_json::Result<BTreeSet<NaiveDate>> {
    serde_json::from_str::<File>(text).map(|file| {
        file.england_and_wales
            .events
            .into_iter()
            .map(|e| e.date)
            .collect()
    })
}

fn modified(path: &Path) -> Option<SystemTime> {
    std::fs::metadata(path).and_then(|m| m.modified()).ok()
}

/// Reads the holidays from `path`; from now on they are the ones used, and the file is read
/// again whenever it changes. At start a file that cannot be read stops the server.
pub fn load(path: &Path) -> anyhow::Result<Arc<BTreeSet<NaiveDate>>> {
    let text = std::fs::read_to_string(path).with_context(|| {
        format!(
            "the bank holidays file {} could not be read",
            path.display()
        )
    })?;
    let holidays = Arc::new(parse(&text).with_context(|| {
        format!(
            "{} is not GOV.UK's bank holidays JSON (an england-and-wales division with its events)",
            path.display()
        )
    })?);
    if let Ok(mut loaded) = LOADED.write() {
        *loaded = Some(Loaded {
            path: path.to_owned(),
            modified: modified(path),
            holidays: holidays.clone(),
        });
    }
    Ok(holidays)
}

/// The bank holidays: the file's as it is now (it is read again when it has changed since;
/// a copy that does not parse is refused and the last good one kept, with a warning). Before
/// any file is loaded (unit tests), the list shipped with the build.
pub fn bank_holidays() -> Arc<BTreeSet<NaiveDate>> {
    let current = LOADED.read().ok().and_then(|loaded| {
        loaded
            .as_ref()
            .map(|l| (l.path.clone(), l.modified, l.holidays.clone()))
    });
    match current {
        Some((path, seen, holidays)) => {
            if modified(&path) == seen {
                return holidays;
            }
            match load(&path) {
                Ok(fresh) => {
                    tracing::info!(path = %path.display(), "bank holidays read again");
                    fresh
                }
                Err(error) => {
                    tracing::warn!(%error, "the changed bank holidays file is refused; the last good one is kept");
                    if let Ok(mut loaded) = LOADED.write()
                        && let Some(loaded) = loaded.as_mut()
                    {
                        loaded.modified = modified(&path);
                    }
                    holidays
                }
            }
        }
        None => Arc::new(
            parse(include_str!("../../../../config/bank-holidays.json")).unwrap_or_default(),
        ),
    }
}

/// Whether the holidays reach a year past `today`. Beyond the file's last holiday every
/// weekday counts as a working day, so due dates would come too early: the server warns at
/// start, while there is a year to paste in GOV.UK's newer list.
pub fn covers_a_year_from(today: NaiveDate, holidays: &BTreeSet<NaiveDate>) -> bool {
    holidays
        .last()
        .is_some_and(|last| *last >= today + Days::new(365))
}

pub fn is_working_day(day: NaiveDate, holidays: &BTreeSet<NaiveDate>) -> bool {
    !matches!(day.weekday(), Weekday::Sat | Weekday::Sun) && !holidays.contains(&day)
}

/// The `n`th working day after `from` (the day something arrived does not count, whatever
/// day it is).
pub fn add_working_days(from: NaiveDate, n: u32, holidays: &BTreeSet<NaiveDate>) -> NaiveDate {
    let mut day = from;
    let mut counted = 0;
    while counted < n {
        day = day.checked_add_days(Days::new(1)).unwrap_or(day);
        if is_working_day(day, holidays) {
            counted += 1;
        }
    }
    day
}

/// How many working days after `from` `to` is: 0 on the same day, or any day before the next
/// working day; 1 on the next working day, and so on.
pub fn count_between(from: NaiveDate, to: NaiveDate, holidays: &BTreeSet<NaiveDate>) -> u32 {
    from.iter_days()
        .skip(1)
        .take_while(|day| *day <= to)
        .filter(|day| is_working_day(*day, holidays))
        .count()
        .try_into()
        .unwrap_or(u32::MAX)
}

/// Working days from receiving something to answering it, in the London calendar.
pub fn taken(received: NaiveDate, answered: NaiveDate) -> u32 {
    count_between(received, answered, &bank_holidays())
}

/// When the council must have answered something received on `received`.
pub fn due_on(received: NaiveDate) -> NaiveDate {
    add_working_days(received, TRIAGE_WORKING_DAYS, &bank_holidays())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn date(text: &str) -> NaiveDate {
        text.parse().unwrap()
    }

    #[test]
    fn working_days_between_skip_weekends_and_bank_holidays() {
        let holidays = BTreeSet::from([date("2026-12-25"), date("2026-12-28")]);
        let between = |a: &str, b: &str| count_between(date(a), date(b), &holidays);
        assert_eq!(between("2026-12-01", "2026-12-01"), 0);
        // Friday to Monday is one working day; the Saturday alone is none.
        assert_eq!(between("2026-12-04", "2026-12-07"), 1);
        assert_eq!(between("2026-12-04", "2026-12-05"), 0);
        // Thursday 24th to Tuesday 29th: Christmas and the substitute day do not count.
        assert_eq!(between("2026-12-24", "2026-12-29"), 1);
        assert_eq!(between("2026-12-02", "2026-12-01"), 0);
    }

    fn due(received: &str) -> String {
        due_on(date(received)).to_string()
    }

    #[test]
    fn the_file_covers_2025_to_2028_with_eight_holidays_a_year() {
        let holidays = bank_holidays();
        for year in 2025..=2028 {
            let count = holidays.iter().filter(|d| d.year() == year).count();
            assert_eq!(count, 8, "{year}");
        }
        assert!(
            holidays
                .iter()
                .all(|d| d.weekday().num_days_from_monday() < 5)
        );
    }

    #[test]
    fn the_server_is_told_when_the_holidays_run_out_within_a_year() {
        let holidays = bank_holidays();
        assert!(covers_a_year_from(date("2026-11-23"), &holidays));
        assert!(!covers_a_year_from(date("2028-06-01"), &holidays));
        assert!(!covers_a_year_from(date("2026-11-23"), &BTreeSet::new()));
    }

    #[test]
    fn ten_working_days_from_a_monday_is_the_monday_two_weeks_on() {
        assert_eq!(due("2026-11-23"), "2026-12-07");
    }

    #[test]
    fn something_arriving_at_a_weekend_counts_from_the_monday() {
        // Saturday and Sunday: the first working day is Monday, the tenth the Friday after next.
        assert_eq!(due("2026-11-21"), "2026-12-04");
        assert_eq!(due("2026-11-22"), "2026-12-04");
        assert_eq!(due("2026-11-20"), "2026-12-04");
    }

    #[test]
    fn bank_holidays_do_not_count() {
        // Easter 2026: Good Friday 3 April and Easter Monday 6 April.
        assert_eq!(due("2026-04-01"), "2026-04-17");
        // Spring bank holiday, 25 May 2026.
        assert_eq!(due("2026-05-22"), "2026-06-08");
    }

    #[test]
    fn christmas_and_the_new_year_carry_across_the_year_end() {
        // 25 and 28 December 2026 (Boxing Day's substitute), 1 January 2027.
        assert_eq!(due("2026-12-18"), "2027-01-06");
        // 2027: Christmas and Boxing Day fall at the weekend, so 27 and 28 December are off,
        // and 1 January 2028 is a Saturday, so 3 January is.
        assert_eq!(due("2027-12-24"), "2028-01-12");
    }

    #[test]
    fn a_bank_holiday_arrival_counts_from_the_next_working_day() {
        assert_eq!(due("2026-08-31"), "2026-09-14");
    }
}
