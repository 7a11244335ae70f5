use actix_web::web;
use serde::Deserialize;
use shared::api::Overview;
use utoipa::IntoParams;

use crate::auth::Staff;
use crate::error::ApiError;
use crate::referrals::triage::overview;
use crate::routes::extract::Query;
use crate::state::AppState;

/// Narrows the overview.
#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
#[serde(deny_unknown_fields)]
pub struct OverviewQuery {
    /// Only this team's work (its key), and the forms that name it.
    #[param(example = "occupational_therapy")]
    pub team: Option<String>,
}

/// How the service is doing.
#[utoipa::path(
    get,
    path = "/api/v1/staff/overview",
    tag = "staff",
    operation_id = "get_overview",
    summary = "See how the service is doing",
    description = "For council staff: over the last 12 weeks (this one included, weeks from \
                   Monday in England), submissions received a week by form; work still open \
                   and overdue by team; the median of the working days from arrival to the \
                   first change of status; forms started as drafts and drafts sent, by form. \
                   Counts only: nothing about any one person.",
    params(OverviewQuery),
    responses(
        (status = 200, description = "The overview.", body = Overview,
         example = json!({"team": null,
            "weeks": [{"starting": "2026-11-30", "total": 3, "by_form": [
                {"form_id": "social-care-referral", "count": 2},
                {"form_id": "dols-form-1", "count": 1}]}],
            "teams": [{"team": {"key": "contact_centre",
                "name": "Adult Social Care Contact Centre"}, "open": 12, "overdue": 2},
                {"team": null, "open": 1, "overdue": 0}],
            "first_response": {"answered": 40, "waiting": 6, "median_working_days": 2.5},
            "forms": [{"form_id": "social-care-referral",
                "form_title": "Refer someone for adult social care", "started": 30, "sent": 24}]})),
        (status = 400, response = crate::routes::problems::MalformedBody),
        (status = 401, response = crate::routes::problems::NotSignedIn),
        (status = 403, response = crate::routes::problems::Forbidden),
        (status = 404, response = crate::routes::problems::NotFound),
        (status = 422, response = crate::routes::problems::ValidationFailed),
    ),
    security(("bearer" = []))
)]
pub async fn get_overview(
    state: web::Data<AppState>,
    user: Staff,
    query: Query<OverviewQuery>,
) -> Result<web::Json<Overview>, ApiError> {
    let team = query.into_inner().team.filter(|t| !t.is_empty());
    Ok(web::Json(overview::overview(&state, &user, team).await?))
}
