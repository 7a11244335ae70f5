//! Times as people in the UK read them: in UK time with its zone, whatever the clock of the
//! computer showing them. The API gives UTC; the browser's own `Intl` does the conversion, so
//! no time zone database is downloaded with the app.

use chrono::{DateTime, NaiveDate, Utc};
use js_sys::{Array, Date, Intl, Object, Reflect};
use wasm_bindgen::JsValue;

/// "1 December 2026 at 2:05 pm GMT".
pub fn uk_time(at: DateTime<Utc>) -> String {
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
pub fn uk_date(at: DateTime<Utc>) -> String {
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
