use actix_web::{HttpResponse, web};
use shared::api::SubmissionId;

use crate::auth::ApiCaller;
use crate::error::ApiError;
use crate::integrations::fhir;
use crate::referrals::feed;
use crate::state::AppState;

/// A submission as FHIR R4.
#[utoipa::path(
    get,
    path = "/api/v1/integrations/submissions/{submission_id}/fhir",
    tag = "integrations",
    operation_id = "get_submission_response",
    summary = "Get a submission as a FHIR R4 QuestionnaireResponse",
    description = "For machine clients with `submissions:read` (and council staff): the frozen \
                   answers as a `QuestionnaireResponse` with status `completed`, pointing at the \
                   form's Questionnaire and the version answered, with the reference as its \
                   identifier.",
    params(("submission_id" = String, Path, description = "The submission's id.",
        example = "0193a7d0-11aa-7b3c-8e2f-6a5d4c3b2a10")),
    responses(
        (status = 200, description = "The QuestionnaireResponse.", body = Object, content_type = "application/fhir+json",
         example = json!({"resourceType": "QuestionnaireResponse", "id": "0193a7d0-11aa-7b3c-8e2f-6a5d4c3b2a10",
            "questionnaire": "https://portal.example/fhir/Questionnaire/support-enquiry|1",
            "status": "completed", "authored": "2026-11-23T10:20:00+00:00",
            "identifier": {"system": "https://portal.example/reference", "value": "ASC-7K4M-9QX2"},
            "item": [{"linkId": "page-checks", "text": "Before we go on",
                "item": [{"linkId": "urgent", "text": "Does the person need a response within 48 hours?",
                    "answer": [{"valueBoolean": false}]}]}]})),
        (status = 401, response = crate::routes::problems::NotSignedIn),
        (status = 403, response = crate::routes::problems::Forbidden),
        (status = 404, response = crate::routes::problems::NotFound),
    ),
    security(("bearer" = []), ("client" = ["submissions:read"]))
)]
pub async fn get_submission_response(
    state: web::Data<AppState>,
    caller: ApiCaller,
    submission_id: web::Path<SubmissionId>,
) -> Result<HttpResponse, ApiError> {
    let entry = feed::one(&state, &caller, submission_id.into_inner()).await?;
    // The version it answered, as published; the current one if the portal never kept it.
    let (form_id, version) = (entry.form_id.clone(), entry.form_version);
    let kept = state
        .database
        .run(move |conn| Ok::<_, ApiError>(crate::forms::published(conn, &form_id, version)?))
        .await?;
    let form = match kept {
        Some(form) => form,
        None => state
            .forms
            .get(&entry.form_id)
            .cloned()
            .ok_or(ApiError::NotFound)?,
    };
    let mut response = fhir::questionnaire_response(
        &form,
        &state.public_url,
        &fhir::Answered {
            id: &entry.id,
            status: "completed",
            form_version: entry.form_version,
            authored: entry.submitted_at,
            reference: Some(&entry.reference),
            answers: &entry.answers,
        },
    );
    // Once staff have linked it to the person's record, the record's id says whom it is about.
    if let Some(person) = &entry.person_id {
        response["subject"] = fhir::person_reference(&state.public_url, person);
    }
    Ok(HttpResponse::Ok()
        .content_type("application/fhir+json")
        .json(response))
}
