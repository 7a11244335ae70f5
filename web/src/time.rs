//! Times as people in the UK read them: in UK time with its zone, whatever the clock of the
//! computer showing them. The API gives UTC; the browser's own `Intl` does the conversion, so
//! no time zone database is downloaded with the app.

use chrono::{DateTime, NaiveDate, NaiveDateTime, Timelike, Utc};
use js_sys::{Array, Date, Intl, Object, Reflect};
use shared::forms::long_date_in;
use shared::language::Language;
use wasm_bindgen::JsValue;

/// A moment in the reader's language: "1 December 2026 at 2:05 pm GMT", "1 Rhagfyr 2026 am
/// 2:05yh GMT". Welsh is worded here from the UK clock's numbers, as the server words its
/// emails, because a browser's `Intl` may carry no Welsh.
pub fn uk_time_in(language: Language, at: DateTime<Utc>) -> String {
    match language {
        Language::English => uk_time(at),
        Language::Welsh => match uk_clock(at) {
            Some((local, zone)) => {
                let (afternoon, hour) = local.hour12();
                format!(
                    "{} am {hour}:{:02}{} {zone}",
                    long_date_in(local.date(), language),
                    local.minute(),
                    if afternoon { "yh" } else { "yb" }
                )
            }
            None => format!(
                "{} am {} UTC",
                long_date_in(at.date_naive(), language),
                at.format("%H:%M")
            ),
        },
    }
}

/// The UK day of a moment in the reader's language: "1 December 2026", "1 Rhagfyr 2026".
pub fn uk_date_in(language: Language, at: DateTime<Utc>) -> String {
    match language {
        Language::English => uk_date(at),
        Language::Welsh => long_date_in(
            uk_clock(at).map_or_else(|| at.date_naive(), |(local, _)| local.date()),
            language,
        ),
    }
}

/// A day (a birthday, the end of an access) in the reader's language.
pub fn day_in(language: Language, day: NaiveDate) -> String {
    long_date_in(day, language)
}

/// What a UK clock showed at `at`, and its zone ("GMT", "BST").
fn uk_clock(at: DateTime<Utc>) -> Option<(NaiveDateTime, String)> {
    // British English, for the zone's British name ("BST", where Canada's says "GMT+1").
    let text = format(
        at,
        &[
            ("year", "numeric"),
            ("month", "2-digit"),
            ("day", "2-digit"),
            ("hour", "2-digit"),
            ("minute", "2-digit"),
            ("hourCycle", "h23"),
            ("timeZoneName", "short"),
        ],
    )?;
    // "01/12/2026, 14:05 GMT"
    let (day, rest) = text.split_once(", ")?;
    let (time, zone) = rest.split_once(' ')?;
    let local = NaiveDateTime::parse_from_str(&format!("{day} {time}"), "%d/%m/%Y %H:%M").ok()?;
    Some((local, zone.to_owned()))
}

/// "1 December 2026 at 2:05 pm GMT".
fn uk_time(at: DateTime<Utc>) -> String {
    format(
        at,
        &[
            ("day", "numeric"),
            ("month", "long"),
            ("year", "numeric"),
            ("hour", "numeric"),
            ("minute", "2-digit"),
            ("hourCycle", "h12"),
            ("timeZoneName", "short"),
        ],
    )
    .unwrap_or_else(|| at.format("%-d %B %Y at %H:%M UTC").to_string())
}

/// "1 December 2026": the day in the UK, which is not always the day in UTC.
fn uk_date(at: DateTime<Utc>) -> String {
    format(
        at,
        &[("day", "numeric"), ("month", "long"), ("year", "numeric")],
    )
    .unwrap_or_else(|| at.format("%-d %B %Y").to_string())
}

/// Today in the UK.
pub fn uk_today() -> NaiveDate {
    // The browser's clock: `Utc::now` has no clock to read on wasm32-unknown-unknown.
    #[allow(clippy::cast_possible_truncation)]
    let millis = Date::now() as i64;
    let now = DateTime::from_timestamp_millis(millis).unwrap_or_default();
    // "2026-12-01": the Canadian English form of a date is the ISO one.
    format_in(
        now,
        "en-CA",
        &[
            ("year", "numeric"),
            ("month", "2-digit"),
            ("day", "2-digit"),
        ],
    )
    .and_then(|text| NaiveDate::parse_from_str(&text, "%Y-%m-%d").ok())
    .unwrap_or_else(|| now.date_naive())
}

fn format(at: DateTime<Utc>, fields: &[(&str, &str)]) -> Option<String> {
    format_in(at, "en-GB", fields)
}

fn format_in(at: DateTime<Utc>, locale: &str, fields: &[(&str, &str)]) -> Option<String> {
    let options = Object::new();
    for (name, value) in fields.iter().chain([&("timeZone", "Europe/London")]) {
        Reflect::set(
            &options,
            &JsValue::from_str(name),
            &JsValue::from_str(value),
        )
        .ok()?;
    }
    let formatter = Intl::DateTimeFormat::new(&Array::of1(&JsValue::from_str(locale)), &options);
    let date = Date::new(&JsValue::from_f64(at.timestamp_millis() as f64));
    formatter
        .format()
        .call1(&formatter, &date)
        .ok()?
        .as_string()
}
