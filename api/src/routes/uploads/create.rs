use actix_web::http::header;
use actix_web::{HttpRequest, HttpResponse, web};
use serde::Deserialize;
use shared::api::UploadView;
use utoipa::IntoParams;

use crate::auth::CurrentUser;
use crate::error::ApiError;
use crate::files;
use crate::referrals::uploads;
use crate::routes::extract::Query;
use crate::state::AppState;

#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
#[serde(deny_unknown_fields)]
pub struct UploadQuery {
    /// The file's name as the person chose it.
    #[param(example = "care-plan.pdf")]
    pub name: String,
}

/// Keeps a file to attach to a form.
#[utoipa::path(
    post,
    path = "/api/v1/uploads",
    tag = "uploads",
    operation_id = "create_upload",
    summary = "Upload a file for a form",
    description = "The request body is the file itself, with its type in `Content-Type` \
                   (`application/pdf`, `image/jpeg` or `image/png`) and its name in `name`. The \
                   content must be of the declared type (it is checked, not trusted) and at \
                   most 10 MB (configurable). Answer a file question with the `id`, `name`, \
                   `content_type` and `size` this returns; on submit the question's own limits \
                   are checked and the file joins the submission. A file no form takes is \
                   deleted 31 days after a draft last named it.",
    params(UploadQuery),
    request_body(content = inline(crate::routes::submissions::PdfFile), content_type = "application/pdf",
        description = "The file's bytes; `image/jpeg` and `image/png` are taken too."),
    responses(
        (status = 201, description = "Kept; `Location` names the upload.", body = UploadView,
         headers(("Location" = String, description = "The upload's URL."))),
        (status = 401, response = crate::routes::problems::NotSignedIn),
        (status = 413, description = "The file is larger than the limit.", body = shared::api::Problem,
         content_type = "application/problem+json",
         example = json!({"type": "about:blank", "title": "The request body is too large", "status": 413,
            "detail": "Send a body of at most 10485760 bytes.", "code": "payload_too_large"})),
        (status = 422, description = "Not a PDF, JPG or PNG, or not what its type says.",
         body = shared::api::Problem, content_type = "application/problem+json",
         example = json!({"type": "about:blank", "title": "Some answers need correcting", "status": 422,
            "detail": "Check the fields listed in errors.", "code": "validation_failed",
            "errors": {"file": ["The selected file is not what its name says it is. Choose a real PDF, JPG or PNG"]}})),
    ),
    security(("bearer" = []))
)]
pub async fn create_upload(
    state: web::Data<AppState>,
    user: CurrentUser,
    request: HttpRequest,
    query: Query<UploadQuery>,
    body: web::Payload,
) -> Result<HttpResponse, ApiError> {
    let (bytes, declared) = files::read_body(&request, body, state.upload_limit_bytes).await?;
    let upload = uploads::store(&state, &user, &query.name, declared.as_deref(), bytes).await?;
    Ok(HttpResponse::Created()
        .insert_header((header::LOCATION, format!("/api/v1/uploads/{}", upload.id)))
        .json(upload))
}
