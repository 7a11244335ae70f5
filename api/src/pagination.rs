//! Keyset pagination: a page ends with a cursor naming its last row (its time and id), and the
//! next page starts after it. No page counts rows it does not return, however large the table.

use base64::Engine;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use chrono::{DateTime, NaiveDateTime};
use serde::Deserialize;
use shared::api::FieldErrors;
use utoipa::IntoParams;

use crate::error::ApiError;

const DEFAULT_LIMIT: i64 = 20;
const MAX_LIMIT: i64 = 100;

/// `?after=<cursor>&limit=<n>` on list endpoints.
#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
#[serde(deny_unknown_fields)]
pub struct PageQuery {
    /// The `next` cursor of the previous page; leave out for the first page.
    #[param(example = "MTc2Mzg5MzMwMDAwMDAwMC4wMTkzYTdjMg")]
    pub after: Option<String>,
    /// How many items, 1 to 100; 20 when left out.
    #[param(minimum = 1, maximum = 100, example = 20)]
    pub limit: Option<i64>,
}

/// Where a page starts: after the row with this time and id.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Cursor {
    pub at: NaiveDateTime,
    pub id: String,
}

impl Cursor {
    pub fn encode(&self) -> String {
        URL_SAFE_NO_PAD.encode(format!(
            "{}.{}",
            self.at.and_utc().timestamp_micros(),
            self.id
        ))
    }

    pub fn decode(text: &str) -> Option<Self> {
        let bytes = URL_SAFE_NO_PAD.decode(text).ok()?;
        let text = String::from_utf8(bytes).ok()?;
        let (micros, id) = text.split_once('.')?;
        let at = DateTime::from_timestamp_micros(micros.parse().ok()?)?.naive_utc();
        (!id.is_empty()).then(|| Self {
            at,
            id: id.to_owned(),
        })
    }
}

/// A page request checked: where to start, and how many rows to fetch (one more than the page
/// holds, to learn whether another page follows).
#[derive(Debug)]
pub struct PageRequest {
    pub after: Option<Cursor>,
    pub limit: i64,
}

impl TryFrom<PageQuery> for PageRequest {
    type Error = ApiError;

    fn try_from(query: PageQuery) -> Result<Self, ApiError> {
        // A cursor or a limit only a client gets wrong, never a person using the pages: the
        // messages stay English whatever Accept-Language asks (`request_language`).
        let mut errors = FieldErrors::new();
        let after = match query.after.as_deref() {
            None | Some("") => None,
            Some(text) => {
                let cursor = Cursor::decode(text);
                if cursor.is_none() {
                    errors.insert(
                        "after".into(),
                        vec!["Use the next cursor of the page before".into()],
                    );
                }
                cursor
            }
        };
        let limit = query.limit.unwrap_or(DEFAULT_LIMIT);
        if !(1..=MAX_LIMIT).contains(&limit) {
            errors.insert(
                "limit".into(),
                vec![format!("The limit must be between 1 and {MAX_LIMIT}")],
            );
        }
        if errors.is_empty() {
            Ok(Self { after, limit })
        } else {
            Err(ApiError::Validation(errors))
        }
    }
}

impl PageRequest {
    /// Splits the fetched rows (up to `limit + 1`) into this page and the cursor of the next.
    pub fn finish<T>(
        &self,
        mut rows: Vec<T>,
        key: impl Fn(&T) -> Cursor,
    ) -> (Vec<T>, Option<String>) {
        let more = rows.len() as i64 > self.limit;
        rows.truncate(usize::try_from(self.limit).unwrap_or(0));
        let next = if more {
            rows.last().map(|row| key(row).encode())
        } else {
            None
        };
        (rows, next)
    }
}

/// The rows after `cursor` in a list ordered newest first by `(time, id)`. The plain
/// `time <= at` lets the database seek into its index where the page starts (an `or` alone
/// would have it read every newer row first); the rest breaks ties between rows of one moment.
#[macro_export]
macro_rules! older_than {
    ($time:expr, $id:expr, $cursor:expr) => {{
        let $crate::pagination::Cursor { at, id } = $cursor;
        $time
            .le(at)
            .and($time.lt(at).or($time.eq(at).and($id.lt(id))))
    }};
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_cursor_reads_back_what_it_wrote() {
        let cursor = Cursor {
            at: DateTime::from_timestamp_micros(1_763_893_300_123_456)
                .unwrap()
                .naive_utc(),
            id: "0193a7c2-5f1e".into(),
        };
        assert_eq!(Cursor::decode(&cursor.encode()), Some(cursor));
    }

    #[test]
    fn nonsense_cursors_and_limits_name_their_field() {
        let Err(ApiError::Validation(errors)) = PageRequest::try_from(PageQuery {
            after: Some("not a cursor".into()),
            limit: Some(1000),
        }) else {
            panic!("accepted");
        };
        assert!(errors.contains_key("after") && errors.contains_key("limit"));
    }
}
