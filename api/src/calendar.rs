//! Dates as the council counts them: in England, so a form sent at 00:30 on a summer Saturday
//! arrived on Saturday, although it was still Friday in UTC.

use chrono::{NaiveDate, NaiveDateTime, Utc};
use chrono_tz::Europe::London;

/// Today in England.
pub fn today() -> NaiveDate {
    Utc::now().with_timezone(&London).date_naive()
}

/// The day in England of `at`, a UTC time as the database keeps it.
pub fn london_date(at: NaiveDateTime) -> NaiveDate {
    at.and_utc().with_timezone(&London).date_naive()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn after_midnight_in_british_summer_time_is_the_next_day() {
        let at: NaiveDateTime = "2026-07-03T23:30:00".parse().unwrap();
        assert_eq!(london_date(at).to_string(), "2026-07-04");
    }

    #[test]
    fn in_winter_england_keeps_utc() {
        let at: NaiveDateTime = "2026-12-04T23:30:00".parse().unwrap();
        assert_eq!(london_date(at).to_string(), "2026-12-04");
    }
}
