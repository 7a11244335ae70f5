use actix_web::{HttpResponse, web};
use shared::api::DraftId;

use crate::auth::CurrentUser;
use crate::error::ApiError;
use crate::integrations::fhir;
use crate::referrals::drafts;
use crate::state::AppState;

/// A saved form as FHIR R4.
#[utoipa::path(
    get,
    path = "/api/v1/drafts/{draft_id}/fhir",
    tag = "drafts",
    operation_id = "get_draft_response",
    summary = "Get a saved form as a FHIR R4 QuestionnaireResponse",
    description = "The draft's answers so far as a `QuestionnaireResponse` with status \
                   `in-progress`, pointing at the form's Questionnaire. Drafts of other \
                   accounts answer 404.",
    params(("draft_id" = String, Path, description = "The draft's id.",
        example = "0193a7c2-5f1e-7cc0-9d1a-2f4b8e6c1a01")),
    responses(
        (status = 200, description = "The QuestionnaireResponse.", body = Object, content_type = "application/fhir+json",
         example = json!({"resourceType": "QuestionnaireResponse", "id": "0193a7c2-5f1e-7cc0-9d1a-2f4b8e6c1a01",
            "questionnaire": "https://portal.example/fhir/Questionnaire/dols-form-1|2",
            "status": "in-progress", "authored": "2026-11-23T10:15:00+00:00", "item": []})),
        (status = 401, response = crate::routes::problems::NotSignedIn),
        (status = 404, response = crate::routes::problems::NotFound),
    ),
    security(("bearer" = []))
)]
pub async fn get_draft_response(
    state: web::Data<AppState>,
    user: CurrentUser,
    draft_id: web::Path<DraftId>,
) -> Result<HttpResponse, ApiError> {
    let draft = drafts::get(&state, &user, draft_id.into_inner()).await?;
    let form = state.forms.get(&draft.form_id).ok_or(ApiError::NotFound)?;
    Ok(HttpResponse::Ok()
        .content_type("application/fhir+json")
        .json(fhir::questionnaire_response(
            form,
            &state.public_url,
            &fhir::Answered {
                id: &draft.id,
                status: "in-progress",
                form_version: draft.form_version,
                authored: draft.updated_at,
                reference: None,
                answers: &draft.answers,
            },
        )))
}
