use actix_web::{HttpRequest, HttpResponse, web};
use shared::api::{ImportReport, scopes};

use crate::auth::ApiCaller;
use crate::error::ApiError;
use crate::files;
use crate::imports::involvements;
use crate::state::AppState;

/// Imports involvements from a CSV file.
#[utoipa::path(
    post,
    path = "/api/v1/staff/imports/involvements",
    tag = "staff",
    operation_id = "import_involvements",
    summary = "Import involvements from CSV",
    description = "For council staff, and machine clients with `people:write`: the \
                   professionals already working with people. The body is a CSV file \
                   (`Content-Type: text/csv`, UTF-8, at most 10,000 rows) whose header names its \
                   columns in any order: `name`, `role`, `team` and `since` (2026-11-23 or \
                   23/11/2026) are required, with `phone` or `email`; each row names its person \
                   by `council_reference` (as imported) or by the portal's `person_id`. If any \
                   row breaks a rule or names no known person, nothing is stored, and the answer \
                   names every rejected row as `rows[N].column`.",
    request_body(content = String, content_type = "text/csv",
        example = "council_reference,name,role,team,phone,since\nMOS-104233,Jo Patel,Social worker,Older people's team,0151 934 2000,01/10/2026\n"),
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
pub async fn import_involvements(
    state: web::Data<AppState>,
    caller: ApiCaller,
    request: HttpRequest,
    body: web::Payload,
) -> Result<HttpResponse, ApiError> {
    let user = &caller.require(scopes::PEOPLE_WRITE)?;
    let (bytes, declared) = files::read_body(&request, body, state.upload_limit_bytes).await?;
    let report = involvements::import(&state, user, &bytes, declared.as_deref()).await?;
    Ok(HttpResponse::Created().json(report))
}
