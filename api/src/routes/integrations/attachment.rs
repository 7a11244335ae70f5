use actix_web::{HttpResponse, web};
use shared::api::{SubmissionId, UploadId};

use crate::auth::ApiCaller;
use crate::error::ApiError;
use crate::referrals::uploads;
use crate::state::AppState;

/// A file a submission carries.
#[utoipa::path(
    get,
    path = "/api/v1/integrations/submissions/{submission_id}/attachments/{upload_id}",
    tag = "integrations",
    operation_id = "get_submission_attachment",
    summary = "Download a file a submission carries",
    description = "For council staff and machine clients with `submissions:read`: the bytes of \
                   a file attached to the submission (a care plan, a consent form), with the \
                   type checked against its content when it was uploaded, always as an \
                   attachment. The FHIR QuestionnaireResponse gives this URL in each \
                   `valueAttachment`. Each download is written to the audit log. A file of \
                   another submission answers 404.",
    params(
        ("submission_id" = String, Path, description = "The submission's id.",
            example = "0193a7d0-11aa-7b3c-8e2f-6a5d4c3b2a10"),
        ("upload_id" = String, Path, description = "The file's id, from the submission's answers.",
            example = "0193a7e1-2b3c-7d4e-8f5a-6b7c8d9e0f12"),
    ),
    responses(
        (status = 200, description = "The file.", content_type = "application/pdf",
         body = crate::routes::submissions::PdfFile),
        (status = 401, response = crate::routes::problems::NotSignedIn),
        (status = 403, response = crate::routes::problems::Forbidden),
        (status = 404, response = crate::routes::problems::NotFound),
    ),
    security(("bearer" = []), ("client" = ["submissions:read"]))
)]
pub async fn get_submission_attachment(
    state: web::Data<AppState>,
    caller: ApiCaller,
    path: web::Path<(SubmissionId, UploadId)>,
) -> Result<HttpResponse, ApiError> {
    let (submission_id, upload_id) = path.into_inner();
    let (upload, bytes) = uploads::attachment(&state, &caller, submission_id, upload_id).await?;
    Ok(crate::routes::file_download(
        &upload.content_type,
        upload.file_name,
        bytes,
    ))
}
