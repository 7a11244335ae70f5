use actix_web::{HttpResponse, http::header, web};
use shared::api::{CreateDraftRequest, DraftView};

use crate::auth::CurrentUser;
use crate::error::ApiError;
use crate::referrals::drafts;
use crate::routes::extract::Json;
use crate::state::AppState;

/// Saves a form for later for the first time.
#[utoipa::path(
    post,
    path = "/api/v1/drafts",
    tag = "drafts",
    operation_id = "create_draft",
    summary = "Save a form for later",
    description = "Stores the answers given so far under the signed-in account, as version 1. \
                   Answers need not be complete or valid yet; they must answer questions the \
                   form asks, each in the shape its question takes (text, a list of choices, \
                   day/month/year; 422 names each that does not). The council sees nothing until the form is submitted. The draft \
                   is deleted 30 days after its last save, with an email a few days before.",
    request_body = CreateDraftRequest,
    responses(
        (status = 201, description = "Saved; `Location` names the draft.", body = DraftView,
         headers(("Location" = String, description = "The draft's URL."))),
        (status = 400, response = crate::routes::problems::MalformedBody),
        (status = 401, response = crate::routes::problems::NotSignedIn),
        (status = 422, response = crate::routes::problems::ValidationFailed),
    ),
    security(("bearer" = []))
)]
pub async fn create_draft(
    state: web::Data<AppState>,
    user: CurrentUser,
    body: Json<CreateDraftRequest>,
) -> Result<HttpResponse, ApiError> {
    let draft = drafts::create(&state, &user, body.into_inner()).await?;
    Ok(HttpResponse::Created()
        .insert_header((header::LOCATION, format!("/api/v1/drafts/{}", draft.id)))
        .json(draft))
}
