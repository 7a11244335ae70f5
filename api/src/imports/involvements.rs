//! The professionals already working with people, matched to them by the council's reference
//! (or the portal's id, for records made in the portal).

use shared::api::{CreateInvolvementRequest, ImportReport, ImportedRow};
use shared::language::Language;

use super::read;
use crate::auth::Staff;
use crate::error::ApiError;
use crate::people::{involvements, person};
use crate::state::AppState;

pub const COLUMNS: [&str; 8] = [
    "council_reference",
    "person_id",
    "name",
    "role",
    "team",
    "phone",
    "email",
    "since",
];
const REQUIRED: [&str; 4] = ["name", "role", "team", "since"];

/// Whose record a row is for, as the file names them.
enum Whose {
    Reference(String),
    Id(String),
}

/// Stores every involvement in the file, or none of them.
pub async fn import(
    state: &AppState,
    user: &Staff,
    bytes: &[u8],
    declared: Option<&str>,
) -> Result<ImportReport, ApiError> {
    let sheet = read(bytes, declared, &COLUMNS, &REQUIRED)?;
    let mut rejections = sheet.rejections;
    let mut prepared = Vec::new();
    for row in &sheet.rows {
        let whose = match (row.get("council_reference"), row.get("person_id")) {
            (Some(reference), _) => Some(Whose::Reference(reference)),
            (None, Some(id)) => Some(Whose::Id(id)),
            (None, None) => {
                rejections.add(
                    row.line,
                    "council_reference",
                    "Give the person's council_reference, or their person_id in the portal",
                );
                None
            }
        };
        let since = match row.date("since") {
            Ok(Some(since)) => since,
            Ok(None) => {
                rejections.add(
                    row.line,
                    "since",
                    "Enter the date they started working with the person",
                );
                continue;
            }
            Err(message) => {
                rejections.add(row.line, "since", message);
                continue;
            }
        };
        let request = CreateInvolvementRequest {
            name: row.get("name").unwrap_or_default(),
            role: row.get("role").unwrap_or_default(),
            team: row.get("team").unwrap_or_default(),
            phone: row.get("phone"),
            email: row.get("email"),
            since,
        };
        // An import is a file for the council's systems: its rows are refused in English
        // whatever language the request asks for.
        match involvements::prepare(request, Language::English) {
            Ok(request) => {
                if let Some(whose) = whose {
                    prepared.push((row.line, whose, request));
                }
            }
            Err(errors) => rejections.add_all(row.line, errors, |field| field),
        }
    }
    let count = sheet.count;
    let actor = user.clone();
    state
        .database
        .write(move |conn| {
            let references: Vec<&str> = prepared
                .iter()
                .filter_map(|(_, whose, _)| match whose {
                    Whose::Reference(r) => Some(r.as_str()),
                    Whose::Id(_) => None,
                })
                .collect();
            let ids: Vec<&str> = prepared
                .iter()
                .filter_map(|(_, whose, _)| match whose {
                    Whose::Id(id) => Some(id.as_str()),
                    Whose::Reference(_) => None,
                })
                .collect();
            let by_reference = person::by_council_reference(conn, references.iter().copied())?;
            let known_ids = person::existing(conn, ids.iter().copied())?;
            let mut found = Vec::with_capacity(prepared.len());
            for (line, whose, request) in &prepared {
                let person_id = match whose {
                    Whose::Reference(r) => by_reference.get(r).cloned().ok_or_else(|| {
                        (
                            "council_reference",
                            format!("No record has the council reference {r}"),
                        )
                    }),
                    Whose::Id(id) => known_ids
                        .contains(id)
                        .then(|| id.clone())
                        .ok_or_else(|| ("person_id", format!("No record has the id {id}"))),
                };
                match person_id {
                    Ok(person_id) => found.push((*line, person_id, request)),
                    Err((column, message)) => rejections.add(*line, column, message),
                }
            }
            rejections.check(count)?;
            let mut rows = Vec::with_capacity(found.len());
            for (line, person_id, request) in found {
                let stored = involvements::insert(conn, &actor, &person_id, request)?;
                rows.push(ImportedRow {
                    row: line,
                    id: stored.id,
                    person_id,
                });
            }
            Ok(ImportReport {
                imported: rows.len(),
                rows,
            })
        })
        .await
}
