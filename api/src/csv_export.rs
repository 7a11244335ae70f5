//! CSV files staff download: written with the `csv` crate, every cell neutralised against
//! formula injection (OWASP's advice: a cell a spreadsheet would run as a formula, one starting
//! `=`, `+`, `-`, `@`, a tab or a carriage return, gets a leading `'`), so a referrer who types
//! `=HYPERLINK(…)` into a form cannot make a council laptop run it.

use std::borrow::Cow;
use std::future::Future;

use actix_web::web::Bytes;
use futures_util::Stream;

use crate::error::ApiError;
use crate::pagination::Cursor;

/// Rows read per query while a file is written: each batch is its own short query, so a large
/// export holds no connection for long.
pub const BATCH: i64 = 500;

/// The media type of the files, with their character set.
pub const CONTENT_TYPE: &str = "text/csv; charset=utf-8";

/// A cell as a spreadsheet will take it: as text, never a formula.
pub fn neutralise(cell: &str) -> Cow<'_, str> {
    if cell.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        format!("'{cell}").into()
    } else {
        cell.into()
    }
}

/// Rows into bytes, a batch at a time.
pub struct Writer {
    inner: csv::Writer<Vec<u8>>,
}

impl Default for Writer {
    fn default() -> Self {
        Self::new()
    }
}

impl Writer {
    pub fn new() -> Self {
        Self {
            inner: csv::WriterBuilder::new()
                .terminator(csv::Terminator::CRLF)
                .from_writer(Vec::new()),
        }
    }

    pub fn row<'a>(&mut self, cells: impl IntoIterator<Item = &'a str>) -> Result<(), ApiError> {
        self.inner
            .write_record(cells.into_iter().map(|c| neutralise(c).into_owned()))
            .map_err(|e| ApiError::Internal(e.into()))
    }

    pub fn finish(self) -> Result<Bytes, ApiError> {
        self.inner
            .into_inner()
            .map(Bytes::from)
            .map_err(|e| ApiError::Internal(anyhow::anyhow!("{e}")))
    }
}

/// A file has every row: a page's `after` or `limit` is refused, naming it.
pub fn every_row(after: bool, limit: bool) -> Result<(), ApiError> {
    // For integrators: field messages stay English whatever Accept-Language asks (only a
    // problem's title and detail follow it; see `request_language`).
    let mut errors = shared::api::FieldErrors::new();
    for (field, given) in [("after", after), ("limit", limit)] {
        if given {
            errors.insert(
                field.into(),
                vec!["The file has every row: leave this out".into()],
            );
        }
    }
    if errors.is_empty() {
        Ok(())
    } else {
        Err(ApiError::Validation(errors))
    }
}

/// The answer a file is streamed in: CSV, to save as `name`, never cached.
pub fn response(name: &str) -> actix_web::HttpResponseBuilder {
    let mut response = actix_web::HttpResponse::Ok();
    response
        .content_type(CONTENT_TYPE)
        .insert_header((
            actix_web::http::header::CONTENT_DISPOSITION,
            format!("attachment; filename=\"{name}\""),
        ))
        .insert_header((actix_web::http::header::CACHE_CONTROL, "no-store"));
    response
}

/// A CSV file streamed as it is read: the header, then `batch(after)` again and again, each
/// giving up to `BATCH` rows after `after` (from the start when `None`) and the cursor of its
/// last; the file ends with the first batch shorter than `BATCH`.
pub fn stream<F, Fut>(
    header: &'static [&'static str],
    batch: F,
) -> impl Stream<Item = Result<Bytes, ApiError>>
where
    F: Fn(Option<Cursor>) -> Fut,
    Fut: Future<Output = Result<(Vec<Vec<String>>, Option<Cursor>), ApiError>>,
{
    futures_util::stream::try_unfold(
        (None::<Cursor>, true, false, batch),
        move |(after, first, done, batch)| async move {
            if done {
                return Ok(None);
            }
            let (rows, last) = batch(after).await?;
            let mut out = Writer::new();
            if first {
                out.row(header.iter().copied())?;
            }
            for row in &rows {
                out.row(row.iter().map(String::as_str))?;
            }
            let done = i64::try_from(rows.len()).unwrap_or(0) < BATCH;
            Ok(Some((out.finish()?, (last, false, done, batch))))
        },
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_cell_a_spreadsheet_would_run_is_written_as_text() {
        let mut out = Writer::new();
        out.row(["=HYPERLINK(\"http://evil.example\")", "+1", "-2"])
            .unwrap();
        out.row(["@SUM(A1)", "\tx", "Ann"]).unwrap();
        out.row(["O'Neil, Mary", "a \"quote\"", "-"]).unwrap();
        let text = String::from_utf8(out.finish().unwrap().to_vec()).unwrap();
        assert_eq!(
            text,
            "\"'=HYPERLINK(\"\"http://evil.example\"\")\",'+1,'-2\r\n\
             '@SUM(A1),'\tx,Ann\r\n\
             \"O'Neil, Mary\",\"a \"\"quote\"\"\",'-\r\n"
        );
    }
}
