//! Imports for a council starting with its existing records: people and their involvements
//! from CSV files (as any spreadsheet or case-management system exports them), checked row by
//! row and stored all or nothing, with every rejected row named in the answer.

pub mod involvements;
pub mod people;

use std::collections::{BTreeSet, HashMap};

use chrono::NaiveDate;
use shared::api::FieldErrors;

use crate::error::ApiError;

/// The most rows one file may hold: an import is one transaction, and a bigger export is sent
/// in parts.
pub const MAX_ROWS: usize = 10_000;

/// One line of the file: its cells by column name.
pub struct Row {
    /// The line in the file, the header being line 1, as a spreadsheet numbers it.
    pub line: usize,
    cells: HashMap<String, String>,
}

impl Row {
    /// The cell of `column`, trimmed; `None` when blank or absent.
    pub fn get(&self, column: &str) -> Option<String> {
        self.cells
            .get(column)
            .map(|v| v.trim().to_owned())
            .filter(|v| !v.is_empty())
    }

    /// A date written `2026-11-23` or `23/11/2026` (as UK spreadsheets write them).
    pub fn date(&self, column: &str) -> Result<Option<NaiveDate>, String> {
        let Some(text) = self.get(column) else {
            return Ok(None);
        };
        NaiveDate::parse_from_str(&text, "%Y-%m-%d")
            .or_else(|_| NaiveDate::parse_from_str(&text, "%d/%m/%Y"))
            .map(Some)
            .map_err(|_| format!("Write the date like 2026-11-23 or 23/11/2026, not {text}"))
    }
}

/// The rows that break a rule, each with what is wrong.
#[derive(Default)]
pub struct Rejections {
    errors: FieldErrors,
    lines: BTreeSet<usize>,
}

impl Rejections {
    pub fn add(&mut self, line: usize, column: &str, message: impl Into<String>) {
        self.errors
            .entry(format!("rows[{line}].{column}"))
            .or_default()
            .push(message.into());
        self.lines.insert(line);
    }

    /// Every error the request's own checks found in the row at `line`, each under the file's
    /// column for its field.
    pub fn add_all(&mut self, line: usize, errors: FieldErrors, column: impl Fn(&str) -> &str) {
        for (field, messages) in errors {
            for message in messages {
                self.add(line, column(&field), message);
            }
        }
    }

    /// Nothing is stored when any row was rejected: the answer lists them all.
    pub fn check(self, rows: usize) -> Result<(), ApiError> {
        if self.lines.is_empty() {
            Ok(())
        } else {
            Err(ApiError::ImportRejected {
                rows,
                rejected: self.lines.len(),
                errors: self.errors,
            })
        }
    }
}

/// A file as read: the rows to check, and those already refused for their shape.
pub struct Sheet {
    pub rows: Vec<Row>,
    pub rejections: Rejections,
    /// Every row of the file that is not blank.
    pub count: usize,
}

/// Reads a CSV body whose header names its columns, in any order and any case. Every column
/// in `required` must be there, and none outside `known`, so that a misspelt column is
/// refused rather than silently dropped. A file is made by and for the council's systems, so its
/// refusals (columns, rows) are in English whatever Accept-Language asks; only a problem's
/// title and detail follow it (`request_language`).
pub fn read(
    bytes: &[u8],
    declared: Option<&str>,
    known: &[&str],
    required: &[&str],
) -> Result<Sheet, ApiError> {
    let media_type = declared
        .and_then(|d| d.split(';').next())
        .map(|t| t.trim().to_ascii_lowercase());
    if media_type.as_deref() != Some("text/csv") {
        return Err(ApiError::UnsupportedMediaType {
            expected: "text/csv",
        });
    }
    let text = std::str::from_utf8(bytes).map_err(|e| {
        ApiError::MalformedBody(format!(
            "The file must be CSV in UTF-8 (spreadsheets call it \"CSV UTF-8\"); byte {} is not.",
            e.valid_up_to() + 1
        ))
    })?;
    // Spreadsheets often start a UTF-8 export with a byte order mark.
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let mut reader = csv::ReaderBuilder::new()
        .flexible(true)
        .from_reader(text.as_bytes());
    let header: Vec<String> = reader
        .headers()
        .map_err(|e| ApiError::MalformedBody(format!("The header could not be read: {e}")))?
        .iter()
        .map(|h| h.trim().to_ascii_lowercase())
        .collect();
    let unknown: Vec<&str> = header
        .iter()
        .map(String::as_str)
        .filter(|h| !known.contains(h))
        .collect();
    if !unknown.is_empty() {
        return Err(ApiError::field(
            "columns",
            format!(
                "Unknown columns: {}. The columns are: {}",
                unknown.join(", "),
                known.join(", ")
            ),
        ));
    }
    let missing: Vec<&str> = required
        .iter()
        .copied()
        .filter(|r| !header.iter().any(|h| h == r))
        .collect();
    if !missing.is_empty() {
        return Err(ApiError::field(
            "columns",
            format!("Add the columns: {}", missing.join(", ")),
        ));
    }
    let mut rows = Vec::new();
    let mut rejections = Rejections::default();
    for (index, record) in reader.records().enumerate() {
        let line = index + 2;
        if rows.len() + rejections.lines.len() >= MAX_ROWS {
            return Err(ApiError::field(
                "rows",
                format!("Send at most {MAX_ROWS} rows in one file; split it and send each part"),
            ));
        }
        let record = record
            .map_err(|e| ApiError::MalformedBody(format!("Line {line} could not be read: {e}")))?;
        if record.iter().all(|cell| cell.trim().is_empty()) {
            continue;
        }
        if record.len() != header.len() {
            rejections.add(
                line,
                "cells",
                format!(
                    "This row has {} cells; the header has {}",
                    record.len(),
                    header.len()
                ),
            );
            continue;
        }
        let cells = header
            .iter()
            .cloned()
            .zip(record.iter().map(str::to_owned))
            .collect();
        rows.push(Row { line, cells });
    }
    if rows.is_empty() && rejections.lines.is_empty() {
        return Err(ApiError::field(
            "rows",
            "The file has no rows after its header",
        ));
    }
    Ok(Sheet {
        count: rows.len() + rejections.lines.len(),
        rows,
        rejections,
    })
}
