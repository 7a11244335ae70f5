//! Dates as the council counts them: in England, so a form sent at 00:30 on a summer Saturday
//! arrived on Saturday, although it was still Friday in UTC.

use chrono::{NaiveDate, NaiveDateTime, NaiveTime, SubsecRound, TimeZone, Utc};
use chrono_tz::Europe::London;

/// Now, to the microsecond: both backends keep that much, so a cursor made from a stored time
/// finds the same row again.
pub fn timestamp() -> NaiveDateTime {
    Utc::now().naive_utc().trunc_subsecs(6)
}

/// A moment as people in the UK read it, in their own clock with its zone: "1 December 2026 at
/// 2:05pm (GMT)", "3 July 2026 at 11:30pm (BST)". Everything the portal writes for a person
/// (emails, the PDF, messages about waiting) says times this way; the database and the API keep
/// UTC.
pub fn uk_time(at: NaiveDateTime) -> String {
    at.and_utc()
        .with_timezone(&London)
        .format("%-d %B %Y at %-I:%M%P (%Z)")
        .to_string()
}

/// The time of day only, as `uk_time` writes it: "2:05pm (GMT)".
pub fn uk_clock(at: NaiveDateTime) -> String {
    at.and_utc()
        .with_timezone(&London)
        .format("%-I:%M%P (%Z)")
        .to_string()
}

/// Today in England.
pub fn today() -> NaiveDate {
    Utc::now().with_timezone(&London).date_naive()
}

/// The day in England of `at`, a UTC time as the database keeps it.
pub fn london_date(at: NaiveDateTime) -> NaiveDate {
    at.and_utc().with_timezone(&London).date_naive()
}

/// Midnight in England at the start of `day`, in UTC as the database keeps times (11pm the day
/// before in summer).
pub fn london_midnight(day: NaiveDate) -> NaiveDateTime {
    let local = day.and_time(NaiveTime::MIN);
    London
        .from_local_datetime(&local)
        .earliest()
        .map_or(local, |at| at.naive_utc())
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
    fn times_for_people_are_in_uk_time_with_the_zone() {
        let summer: NaiveDateTime = "2026-07-03T22:30:00".parse().unwrap();
        assert_eq!(uk_time(summer), "3 July 2026 at 11:30pm (BST)");
        let winter: NaiveDateTime = "2026-12-01T14:05:00".parse().unwrap();
        assert_eq!(uk_time(winter), "1 December 2026 at 2:05pm (GMT)");
        assert_eq!(uk_clock(winter), "2:05pm (GMT)");
    }

    #[test]
    fn in_winter_england_keeps_utc() {
        let at: NaiveDateTime = "2026-12-04T23:30:00".parse().unwrap();
        assert_eq!(london_date(at).to_string(), "2026-12-04");
    }
}
