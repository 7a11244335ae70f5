use actix_web::web;
use shared::api::FormSummary;

use crate::state::AppState;

/// The published forms.
#[utoipa::path(
    get,
    path = "/api/v1/forms",
    tag = "forms",
    operation_id = "list_forms",
    summary = "List the published forms",
    description = "Every form the portal offers (referrals, DoLS forms, and forms staff send \
                   citizens to complete), in id order, with its current version. The list is \
                   short and fixed by configuration, so it is not paginated. Needs no \
                   authentication.",
    responses((status = 200, description = "The forms.", body = Vec<FormSummary>,
        example = json!([{"id": "dols-form-1", "version": 1,
            "title": "DoLS Form 1: standard request and urgent authorisation", "audience": "professional",
            "summary": "A managing authority asks the supervisory body for a standard authorisation."}]))),
    security(())
)]
pub async fn list_forms(state: web::Data<AppState>) -> web::Json<Vec<FormSummary>> {
    web::Json(state.forms.all().map(FormSummary::from).collect())
}
