use actix_web::{HttpRequest, HttpResponse, web};
use shared::api::{ImportReport, scopes};

use crate::auth::ApiCaller;
use crate::error::ApiError;
use crate::files;
use crate::imports::people;
use crate::state::AppState;

/// Imports people from a CSV file.
#[utoipa::path(
    post,
    path = "/api/v1/staff/imports/people",
    tag = "staff",
    operation_id = "import_people",
    summary = "Import people's records from CSV",
    description = "For council staff, and machine clients with `people:write`: so a council can \
                   start with the records it already keeps. The body is a CSV file \
                   (`Content-Type: text/csv`, UTF-8, at most 10,000 rows) whose header names its \
                   columns in any order: `council_reference`, `forename` and `surname` are \
                   required; `date_of_birth` (2026-11-23 or 23/11/2026), `address_line1`, \
                   `address_line2`, `town`, `postcode`, `email`, `home_phone`, `mobile_phone` \
                   and `nhs_number` (checked, kept as ten digits) may be given. Each row is checked as if staff had typed it in; the \
                   `council_reference` must be new. If any row breaks a rule nothing is stored, \
                   and the answer names every rejected row as `rows[N].column`, N being its line \
                   in the file (the header is line 1).",
    request_body(content = String, content_type = "text/csv",
        example = "council_reference,forename,surname,date_of_birth,address_line1,town,postcode\nMOS-104233,Edna,Marsh,14/02/1938,4 Marsh Lane,Bootle,L20 3NJ\n"),
    responses(
        (status = 201, description = "Every row stored, in the order of the file.", body = ImportReport),
        (status = 400, response = crate::routes::problems::MalformedBody),
        (status = 401, response = crate::routes::problems::NotSignedIn),
        (status = 403, response = crate::routes::problems::Forbidden),
        (status = 413, response = crate::routes::problems::TooLarge),
        (status = 415, response = crate::routes::problems::NotCsv),
        (status = 422, response = crate::routes::problems::ImportRejected),
    ),
    security(("bearer" = []), ("client" = ["people:write"]))
)]
pub async fn import_people(
    state: web::Data<AppState>,
    caller: ApiCaller,
    request: HttpRequest,
    body: web::Payload,
) -> Result<HttpResponse, ApiError> {
    let user = &caller.require(scopes::PEOPLE_WRITE)?;
    let (bytes, declared) = files::read_body(&request, body, state.upload_limit_bytes).await?;
    let report = people::import(&state, user, &bytes, declared.as_deref()).await?;
    Ok(HttpResponse::Created().json(report))
}
