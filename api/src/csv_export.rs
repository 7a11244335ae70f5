//! CSV files staff download: written with the `csv` crate, every cell neutralised against
//! formula injection (OWASP's advice: a cell a spreadsheet would run as a formula, one starting
//! `=`, `+`, `-`, `@`, a tab or a carriage return, gets a leading `'`), so a referrer who types
//! `=HYPERLINK(…)` into a form cannot make a council laptop run it.

use std::borrow::Cow;

use actix_web::web::Bytes;

use crate::error::ApiError;

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
