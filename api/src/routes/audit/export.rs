use actix_web::{HttpResponse, web};

use crate::audit::{self, AuditQuery};
use crate::auth::Administrator;
use crate::csv_export;
use crate::error::ApiError;
use crate::routes::extract::Query;
use crate::state::AppState;

/// The audit log as a CSV file.
#[utoipa::path(
    get,
    path = "/api/v1/audit.csv",
    tag = "staff",
    operation_id = "export_audit_log",
    summary = "Download the audit log as CSV",
    description = "Administrators only: every entry the filters select (member of staff, \
                   person, record, days from and to in England), newest first, one row each \
                   (when in UTC, who and their id, what they did, to what, the record's id, the \
                   person's id). Streamed as it is read. Any cell a spreadsheet would run as a \
                   formula begins with `'`. The export is itself written to the log. `after` \
                   and `limit` are refused: the file has every entry.",
    params(AuditQuery),
    responses(
        (status = 200, description = "The log, as CSV with a header row.",
            content_type = "text/csv",
            body = String,
            example = json!("When (UTC),Who,Who's id,Did,To,Record id,Person id\r\n2026-12-01 10:15:00,Sam Taylor,0193a7c2-0000-7000-8000-000000000001,read,person,0193b001-0000-7000-8000-000000000001,0193b001-0000-7000-8000-000000000001\r\n")),
        (status = 400, response = crate::routes::problems::MalformedBody),
        (status = 401, response = crate::routes::problems::NotSignedIn),
        (status = 403, response = crate::routes::problems::Forbidden),
        (status = 422, response = crate::routes::problems::ValidationFailed),
    ),
    security(("bearer" = []))
)]
pub async fn export_audit_log(
    state: web::Data<AppState>,
    user: Administrator,
    query: Query<AuditQuery>,
) -> Result<HttpResponse, ApiError> {
    let query = query.into_inner();
    csv_export::every_row(query.after.is_some(), query.limit.is_some())?;
    let rows = audit::export(state, user, query).await?;
    Ok(csv_export::response("audit-log.csv").streaming(rows))
}
