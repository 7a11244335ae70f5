use actix_web::web;
use serde::Deserialize;
use shared::api::{PostcodeCoverage, Problem};
use shared::rules::Postcode;
use utoipa::IntoParams;

use crate::error::ApiError;
use crate::routes::extract::Query;
use crate::state::AppState;

#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct CoverageQuery {
    /// A UK postcode, in any case, with or without its space.
    #[param(example = "L20 3NJ")]
    pub postcode: Option<String>,
}

/// Whether the council serves the person living at a postcode.
#[utoipa::path(
    get,
    path = "/api/v1/council/coverage",
    tag = "council",
    operation_id = "get_coverage",
    summary = "Check whether the council serves a postcode",
    description = "Referral forms send people living elsewhere to their own council; this says \
                   which side of the boundary a postcode is on. Needs no authentication.",
    params(CoverageQuery),
    responses(
        (status = 200, description = "The postcode is valid; `served` says whether it is in the area.", body = PostcodeCoverage),
        (status = 422, description = "The postcode is missing or not a real UK postcode.", body = Problem,
         content_type = "application/problem+json",
         example = json!({"type": "about:blank", "title": "Some answers need correcting", "status": 422,
             "detail": "Check the fields listed in errors.", "code": "validation_failed",
             "errors": {"postcode": ["Enter a real postcode, like L20 3NJ"]}})),
    ),
    security(())
)]
pub async fn get_coverage(
    state: web::Data<AppState>,
    query: Query<CoverageQuery>,
) -> Result<web::Json<PostcodeCoverage>, ApiError> {
    let written = query.into_inner().postcode.unwrap_or_default();
    let postcode = Postcode::parse(&written).map_err(|e| {
        ApiError::field("postcode", e.message_in(crate::request_language::current()))
    })?;
    Ok(web::Json(PostcodeCoverage {
        postcode: postcode.to_string(),
        district: postcode.district().to_owned(),
        served: state.council.serves_district(postcode.district()),
    }))
}
