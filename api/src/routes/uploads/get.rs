use actix_web::{HttpResponse, web};
use shared::api::UploadId;

use crate::auth::CurrentUser;
use crate::error::ApiError;
use crate::referrals::uploads;
use crate::state::AppState;

/// A file you uploaded, to check what a form will send.
#[utoipa::path(
    get,
    path = "/api/v1/uploads/{upload_id}",
    tag = "uploads",
    operation_id = "get_upload",
    summary = "Download a file you uploaded",
    description = "The file's bytes with its checked type and name. Files of other accounts \
                   answer 404.",
    params(("upload_id" = String, Path, description = "The upload's id.",
        example = "0193a7e1-2b3c-7d4e-8f5a-6b7c8d9e0f12")),
    responses(
        (status = 200, description = "The file.", content_type = "application/pdf",
         body = crate::routes::submissions::PdfFile),
        (status = 401, response = crate::routes::problems::NotSignedIn),
        (status = 404, response = crate::routes::problems::NotFound),
    ),
    security(("bearer" = []))
)]
pub async fn get_upload(
    state: web::Data<AppState>,
    user: CurrentUser,
    upload_id: web::Path<UploadId>,
) -> Result<HttpResponse, ApiError> {
    let (upload, bytes) = uploads::content(&state, &user, upload_id.into_inner()).await?;
    Ok(crate::routes::file_download(
        &upload.content_type,
        upload.file_name,
        bytes,
    ))
}
