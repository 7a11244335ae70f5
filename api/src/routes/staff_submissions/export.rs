use actix_web::{HttpResponse, web};

use crate::auth::Staff;
use crate::csv_export;
use crate::error::ApiError;
use crate::referrals::triage::queue::{self, QueueQuery};
use crate::routes::extract::Query;
use crate::state::AppState;

/// The referral queue as a CSV file.
#[utoipa::path(
    get,
    path = "/api/v1/staff/submissions.csv",
    tag = "staff",
    operation_id = "export_queue",
    summary = "Download the referral queue as CSV",
    description = "For council staff: every submission the filters select, in the order asked \
                   for, one row each (reference, form, received, due, overdue, status, team, \
                   worker, sender, who it is about, their date of birth and postcode, and the \
                   linked record's id). Streamed as it is read, so a large queue starts at once. \
                   Any cell a spreadsheet would run as a formula (starting `=`, `+`, `-`, `@`, a \
                   tab or a carriage return) begins with `'`. The export, with its filters, is \
                   written to the audit log. `after` and `limit` are refused: the file has every \
                   row.",
    params(QueueQuery),
    responses(
        (status = 200, description = "The queue, as CSV with a header row.",
            content_type = "text/csv",
            body = String,
            example = json!("Reference,Form,Received,Due,Overdue,Status,Team,Worker,Sent by,About,Date of birth,Postcode,Record\r\nASC-2026-000123,Refer someone for adult social care,1 December 2026 at 10:15am (GMT),2026-12-15,No,Received,Adult Social Care Contact Centre,,Priya Shah,Joseph Okafor,1941-03-02,EM1 2AB,\r\n")),
        (status = 400, response = crate::routes::problems::MalformedBody),
        (status = 401, response = crate::routes::problems::NotSignedIn),
        (status = 403, response = crate::routes::problems::Forbidden),
        (status = 422, response = crate::routes::problems::ValidationFailed),
    ),
    security(("bearer" = []))
)]
pub async fn export_queue(
    state: web::Data<AppState>,
    user: Staff,
    query: Query<QueueQuery>,
) -> Result<HttpResponse, ApiError> {
    let query = query.into_inner();
    csv_export::every_row(query.after.is_some(), query.limit.is_some())?;
    let rows = queue::export(state, user, query).await?;
    Ok(csv_export::response("referral-queue.csv").streaming(rows))
}
