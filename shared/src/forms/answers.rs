//! What an answer is, beneath every other part of the engine: the answers map, when a
//! question counts as answered, and reading and writing the dates people give as day, month
//! and year.

use std::collections::BTreeMap;

use chrono::{Datelike, Duration, NaiveDate};
use serde_json::Value;

/// Answers keyed by question id. Text-like answers are strings as typed; dates are
/// `{"day", "month", "year"}`; checkboxes are lists; addresses are `{"line1", "line2",
/// "town", "postcode"}`; repeating groups are lists of answer maps.
pub type Answers = BTreeMap<String, Value>;

/// Whether an answer counts as given: not missing, not blank, not an empty list or date.
pub fn is_answered(value: Option<&Value>) -> bool {
    match value {
        None | Some(Value::Null) => false,
        Some(Value::String(text)) => !text.trim().is_empty(),
        Some(Value::Array(items)) => !items.is_empty(),
        Some(Value::Object(fields)) => fields.values().any(|v| is_answered(Some(v))),
        Some(_) => true,
    }
}

/// What is wrong with a day/month/year answer; read as the end of a sentence about the date
/// ("Date of birth must include a month").
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DateProblem {
    /// The named part is blank.
    Missing(&'static str),
    /// The named part is not a number.
    NotANumber(&'static str),
    ShortYear,
    MonthOutOfRange,
    DayOutOfRange,
    /// The day is past the month's end: 31 February, 31 April.
    PastMonthEnd {
        month: u32,
        year: i32,
        days: u32,
    },
}

impl std::fmt::Display for DateProblem {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Self::Missing(part) => write!(f, "must include a {part}"),
            Self::NotANumber(part) => write!(f, "must have the {part} as a number"),
            Self::ShortYear => f.write_str("must have a year with 4 numbers"),
            Self::MonthOutOfRange => {
                f.write_str("must be a real date: the month must be from 1 to 12")
            }
            Self::DayOutOfRange => f.write_str("must be a real date: the day must be from 1 to 31"),
            Self::PastMonthEnd { month, year, days } => {
                let name = NaiveDate::from_ymd_opt(*year, *month, 1)
                    .map(|d| d.format("%B %Y").to_string())
                    .unwrap_or_default();
                write!(f, "must be a real date: {name} has {days} days")
            }
        }
    }
}

/// A day/month/year answer as a real date, or what is wrong with it.
pub fn parse_date(value: &Value) -> Result<NaiveDate, DateProblem> {
    let part = |k: &str| {
        value
            .get(k)
            .and_then(|v| {
                v.as_str()
                    .map(str::to_owned)
                    .or_else(|| v.as_u64().map(|n| n.to_string()))
            })
            .unwrap_or_default()
            .trim()
            .to_owned()
    };
    let (day, month, year) = (part("day"), part("month"), part("year"));
    for (text, name) in [(&day, "day"), (&month, "month"), (&year, "year")] {
        if text.is_empty() {
            return Err(DateProblem::Missing(name));
        }
    }
    let day: u32 = day.parse().map_err(|_| DateProblem::NotANumber("day"))?;
    let month: u32 = month
        .parse()
        .map_err(|_| DateProblem::NotANumber("month"))?;
    if year.len() != 4 {
        return Err(DateProblem::ShortYear);
    }
    let year: i32 = year.parse().map_err(|_| DateProblem::NotANumber("year"))?;
    if !(1..=12).contains(&month) {
        return Err(DateProblem::MonthOutOfRange);
    }
    if !(1..=31).contains(&day) {
        return Err(DateProblem::DayOutOfRange);
    }
    NaiveDate::from_ymd_opt(year, month, day).ok_or_else(|| {
        let days = (28..=31)
            .rev()
            .find(|d| NaiveDate::from_ymd_opt(year, month, *d).is_some())
            .unwrap_or(28);
        DateProblem::PastMonthEnd { month, year, days }
    })
}

/// Whole years from one date to another: an age.
pub(crate) fn whole_years(from: NaiveDate, to: NaiveDate) -> i32 {
    to.year() - from.year() - i32::from((to.month(), to.day()) < (from.month(), from.day()))
}

/// "3 March 2027".
pub fn long_date(date: NaiveDate) -> String {
    date.format("%-d %B %Y").to_string()
}

/// A month and year as a reader of `language` writes them: "March 1941", "Mawrth 1941". The
/// one home of the Welsh months, for the browser and the server alike.
pub fn month_in(date: NaiveDate, language: crate::language::Language) -> String {
    use chrono::Datelike;
    const WELSH_MONTHS: [&str; 12] = [
        "Ionawr",
        "Chwefror",
        "Mawrth",
        "Ebrill",
        "Mai",
        "Mehefin",
        "Gorffennaf",
        "Awst",
        "Medi",
        "Hydref",
        "Tachwedd",
        "Rhagfyr",
    ];
    match language {
        crate::language::Language::English => date.format("%B %Y").to_string(),
        crate::language::Language::Welsh => {
            format!("{} {}", WELSH_MONTHS[date.month0() as usize], date.year())
        }
    }
}

/// A date as a reader of `language` writes it: "27 March 1941", "27 Mawrth 1941".
pub fn long_date_in(date: NaiveDate, language: crate::language::Language) -> String {
    use chrono::Datelike;
    format!("{} {}", date.day(), month_in(date, language))
}

/// `from` plus `days` days, when both answers are valid.
pub fn date_plus_days(from: Option<&Value>, days: Option<&Value>) -> Option<NaiveDate> {
    let start = parse_date(from?).ok()?;
    let days: i64 = days?.as_str()?.trim().parse().ok()?;
    // Checked: a number typed with fifteen digits is no date, and must not stop the page.
    start.checked_add_signed(Duration::try_days(days)?)
}

/// A date as a date question's answer: day, month and year as text.
pub(crate) fn date_answer(date: NaiveDate) -> Value {
    serde_json::json!({
        "day": date.day().to_string(),
        "month": date.month().to_string(),
        "year": date.year().to_string(),
    })
}
