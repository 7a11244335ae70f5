//! Finding a person: staff type what they have (a name or any part of one, an NHS number with
//! or without its spaces, a date of birth, a postcode) and it is read as the one thing it can
//! be, then looked up through an index: `person_names` for names (every folded word, so case,
//! accents and which part was typed do not matter), and the NHS number, date of birth and
//! postcode indexes on `people`. Results come in name order, a keyset page at a time.

use chrono::{NaiveDate, NaiveDateTime};
use diesel::prelude::*;
use shared::api::PersonMatch;
use shared::api::full_name;
use shared::rules::Postcode;

use crate::audit::{self, Action, Event, Subject};
use crate::auth::Staff;
use crate::db::schema::{people, person_names};
use crate::error::ApiError;
use crate::pagination::{Cursor, PageRequest};
use crate::people::person::{Person, fold};
use crate::request_language::says;
use crate::state::AppState;

/// What was typed, read as the one thing it can be.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Looking {
    /// Ten digits, the spaces people write taken out.
    NhsNumber(String),
    Born(NaiveDate),
    /// As the records keep it: "L20 3NJ".
    Postcode(String),
    /// Folded words, each the start of a word of the name.
    Name(Vec<String>),
}

const MONTHS: [&str; 12] = [
    "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec",
];

/// A date as people write one: 27/3/1941, 27-03-1941, 27.3.1941, 27 3 1941, 27 March 1941
/// or 1941-03-27.
fn date(text: &str) -> Option<NaiveDate> {
    if let Ok(day) = NaiveDate::parse_from_str(text, "%Y-%m-%d") {
        return Some(day);
    }
    let parts: Vec<&str> = text
        .split(|c: char| matches!(c, '/' | '-' | '.') || c.is_whitespace())
        .filter(|p| !p.is_empty())
        .collect();
    let [day, month, year] = parts.as_slice() else {
        return None;
    };
    let year: i32 = year.parse().ok().filter(|y| *y >= 1000)?;
    let month = month.parse::<u32>().ok().or_else(|| {
        let name = month.to_lowercase();
        MONTHS
            .iter()
            .position(|m| name.len() >= 3 && m.starts_with(&name[..3.min(name.len())]))
            .and_then(|i| u32::try_from(i + 1).ok())
    })?;
    NaiveDate::from_ymd_opt(year, month, day.parse().ok()?)
}

impl Looking {
    /// What `text` is, or what to type instead (in the request's language).
    pub fn parse(text: &str) -> Result<Self, String> {
        let text = text.trim();
        let digits: String = text.chars().filter(|c| !c.is_whitespace()).collect();
        if digits.len() == 10 && digits.chars().all(|c| c.is_ascii_digit()) {
            return Ok(Self::NhsNumber(digits));
        }
        if let Some(born) = date(text) {
            return Ok(Self::Born(born));
        }
        if let Ok(postcode) = Postcode::parse(text) {
            return Ok(Self::Postcode(postcode.to_string()));
        }
        if !text.is_empty() && !text.chars().any(char::is_alphabetic) {
            return Err(says("search-date-or-nhs-number"));
        }
        let words = fold(text);
        if words.is_empty() {
            return Err(says("search-what-to-enter"));
        }
        Ok(Self::Name(words))
    }
}

fn escape_like(text: &str) -> String {
    text.replace('\\', "\\\\")
        .replace('%', "\\%")
        .replace('_', "\\_")
}

/// The people `text` finds, in name order, a page at a time; the search is in the audit log.
pub async fn people(
    state: &AppState,
    user: &Staff,
    text: String,
    page: PageRequest,
) -> Result<(Vec<PersonMatch>, Option<String>), ApiError> {
    let text = text.trim().to_owned();
    let looking = Looking::parse(&text).map_err(|message| ApiError::field("q", message))?;
    let limit = page.limit + 1;
    let after = page.after.clone();
    let actor = user.clone();
    let rows: Vec<Person> = state
        .database
        .run(move |conn| {
            // A search shows several people's names and dates of birth: the search itself is
            // logged (what was looked for), each record opened from it is logged again.
            audit::record(
                conn,
                &actor,
                Event::new(Action::Search, Subject::People, &text, None),
            )?;
            let mut select = people::table
                .order((people::surname, people::forename, people::id))
                .limit(limit)
                .select(Person::as_select())
                .into_boxed();
            select = match looking {
                Looking::NhsNumber(number) => select.filter(people::nhs_number.eq(number)),
                Looking::Born(day) => select.filter(people::date_of_birth.eq(day)),
                Looking::Postcode(postcode) => select.filter(people::postcode.eq(postcode)),
                Looking::Name(words) => {
                    // Each word typed must start a word of the name: a prefix range each.
                    for word in words {
                        select = select.filter(
                            people::id.eq_any(
                                person_names::table
                                    .filter(
                                        person_names::word
                                            .like(format!("{}%", escape_like(&word)))
                                            .escape('\\'),
                                    )
                                    .select(person_names::person_id),
                            ),
                        );
                    }
                    select
                }
            };
            // The cursor's time is unused here; its id is "surname\u{1f}forename\u{1f}id".
            if let Some(Cursor { id, .. }) = after {
                let mut parts = id.splitn(3, '\u{1f}');
                let (s, f, i) = (
                    parts.next().unwrap_or_default().to_owned(),
                    parts.next().unwrap_or_default().to_owned(),
                    parts.next().unwrap_or_default().to_owned(),
                );
                select = select.filter(
                    people::surname
                        .gt(s.clone())
                        .or(people::surname.eq(s.clone()).and(
                            people::forename
                                .gt(f.clone())
                                .or(people::forename.eq(f).and(people::id.gt(i))),
                        )),
                );
            }
            Ok::<_, ApiError>(select.load(conn)?)
        })
        .await?;
    let (rows, next) = page.finish(rows, |p| Cursor {
        at: NaiveDateTime::default(),
        id: format!("{}\u{1f}{}\u{1f}{}", p.surname, p.forename, p.id),
    });
    Ok((
        rows.into_iter()
            .map(|p| PersonMatch {
                name: full_name(&p.forename, &p.surname),
                id: p.id,
                date_of_birth: p.date_of_birth,
                postcode: p.postcode,
            })
            .collect(),
        next,
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(text: &str) -> Looking {
        Looking::Born(text.parse().unwrap())
    }

    #[test]
    fn what_staff_type_is_read_as_the_one_thing_it_can_be() {
        let read = |text: &str| Looking::parse(text).unwrap();
        assert_eq!(
            read("943 476 5919"),
            Looking::NhsNumber("9434765919".into())
        );
        for text in [
            "27/3/1941",
            "27-03-1941",
            "27.3.1941",
            "27 3 1941",
            "27 March 1941",
            "27 mar 1941",
            "1941-03-27",
        ] {
            assert_eq!(read(text), day("1941-03-27"), "{text}");
        }
        assert_eq!(read("l20 3nj"), Looking::Postcode("L20 3NJ".into()));
        assert_eq!(
            read("Mary-Ann O'Neil"),
            Looking::Name(vec!["maryann".into(), "oneil".into()])
        );
        assert_eq!(read("Łukasz"), Looking::Name(vec!["lukasz".into()]));
        assert!(Looking::parse("  ").is_err());
        assert!(Looking::parse("31/2/1941").is_err(), "no such day");
        assert!(Looking::parse("12345").is_err());
    }
}
