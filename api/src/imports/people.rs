//! People from a council's existing records, each with the council's own reference.

use std::collections::HashMap;

use shared::api::{AddressView, CreatePersonRequest, ImportReport, ImportedRow};

use super::{Row, read};
use crate::auth::Staff;
use crate::error::ApiError;
use crate::people::person;
use crate::state::AppState;

pub const COLUMNS: [&str; 12] = [
    "council_reference",
    "forename",
    "surname",
    "date_of_birth",
    "address_line1",
    "address_line2",
    "town",
    "postcode",
    "email",
    "home_phone",
    "mobile_phone",
    "nhs_number",
];
const REQUIRED: [&str; 3] = ["council_reference", "forename", "surname"];

/// Stores every person in the file, or none of them.
pub async fn import(
    state: &AppState,
    user: &Staff,
    bytes: &[u8],
    declared: Option<&str>,
) -> Result<ImportReport, ApiError> {
    let sheet = read(bytes, declared, &COLUMNS, &REQUIRED)?;
    let mut rejections = sheet.rejections;
    let mut prepared = Vec::new();
    let mut lines_of: HashMap<String, usize> = HashMap::new();
    for row in &sheet.rows {
        let reference = row.get("council_reference");
        match &reference {
            None => rejections.add(
                row.line,
                "council_reference",
                "Enter the council's reference for this person",
            ),
            Some(r) => {
                if let Some(first) = lines_of.insert(r.clone(), row.line) {
                    rejections.add(
                        row.line,
                        "council_reference",
                        format!("Reference {r} is also on line {first}"),
                    );
                }
            }
        }
        match request(row) {
            Err((column, message)) => rejections.add(row.line, column, message),
            // An import is a file for the council's systems: `prepare` refuses its rows in
            // English whatever language the request asks for.
            Ok(request) => match person::prepare(request) {
                Ok(request) => {
                    if let Some(reference) = reference {
                        prepared.push((row.line, reference, request));
                    }
                }
                Err(errors) => rejections.add_all(row.line, errors, column_of),
            },
        }
    }
    let count = sheet.count;
    let actor = user.clone();
    state
        .database
        .write(move |conn| {
            // Checked in the transaction that stores them, so two imports of the same
            // file cannot both pass (the unique index would refuse the second anyway).
            let references = lines_of.keys().map(String::as_str);
            for reference in person::by_council_reference(conn, references)?.into_keys() {
                if let Some(line) = lines_of.get(&reference) {
                    rejections.add(
                        *line,
                        "council_reference",
                        format!("A record with reference {reference} is already in the portal"),
                    );
                }
            }
            rejections.check(count)?;
            let mut rows = Vec::with_capacity(prepared.len());
            for (line, reference, request) in &prepared {
                let id = person::insert(conn, &actor, request, Some(reference))?;
                rows.push(ImportedRow {
                    row: *line,
                    person_id: id.clone(),
                    id,
                });
            }
            Ok(ImportReport {
                imported: rows.len(),
                rows,
            })
        })
        .await
}

/// The row as the request staff would send to create the record; the one cell that cannot
/// be read as its type, if any.
fn request(row: &Row) -> Result<CreatePersonRequest, (&'static str, String)> {
    let date_of_birth = row
        .date("date_of_birth")
        .map_err(|message| ("date_of_birth", message))?;
    let address = ["address_line1", "address_line2", "town", "postcode"]
        .iter()
        .any(|c| row.get(c).is_some())
        .then(|| AddressView {
            line1: row.get("address_line1").unwrap_or_default(),
            line2: row.get("address_line2"),
            town: row.get("town").unwrap_or_default(),
            postcode: row.get("postcode").unwrap_or_default(),
        });
    Ok(CreatePersonRequest {
        forename: row.get("forename").unwrap_or_default(),
        surname: row.get("surname").unwrap_or_default(),
        date_of_birth,
        address,
        email: row.get("email"),
        home_phone: row.get("home_phone"),
        mobile_phone: row.get("mobile_phone"),
        nhs_number: row.get("nhs_number"),
    })
}

/// The file's column for a field of the create request.
fn column_of(field: &str) -> &str {
    match field {
        "address.line1" => "address_line1",
        "address.line2" => "address_line2",
        "address.town" => "town",
        "address.postcode" => "postcode",
        other => other,
    }
}
