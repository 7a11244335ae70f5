use actix_web::{HttpResponse, web};
use shared::api::SubmissionId;

use crate::auth::CurrentUser;
use crate::error::ApiError;
use crate::pdf;
use crate::referrals::submissions;
use crate::state::AppState;

/// The bytes of a PDF file.
#[derive(utoipa::ToSchema)]
#[schema(value_type = String, format = Binary)]
pub struct PdfFile(#[allow(dead_code)] Vec<u8>);

/// A submitted form as a PDF, made on the server.
#[utoipa::path(
    get,
    path = "/api/v1/submissions/{submission_id}/pdf",
    tag = "submissions",
    operation_id = "get_submission_pdf",
    summary = "Download a form you submitted as a PDF",
    description = "The council, the form, its reference, when it was sent, its status and every \
                   answer as the check-answers page showed it, as an A4 PDF tagged for screen readers \
                   (PDF/UA-1) with its fonts embedded. Submissions of \
                   other accounts answer 404.",
    params(("submission_id" = String, Path, description = "The submission's id.",
        example = "0193a7d0-11aa-7b3c-8e2f-6a5d4c3b2a10")),
    responses(
        (status = 200, description = "The PDF, named after the reference.", content_type = "application/pdf", body = PdfFile,
         headers(("Content-Disposition" = String, description = "`attachment; filename=\"ASC-7K4M-9QX2.pdf\"`"))),
        (status = 401, response = crate::routes::problems::NotSignedIn),
        (status = 404, response = crate::routes::problems::NotFound),
    ),
    security(("bearer" = []))
)]
pub async fn get_submission_pdf(
    state: web::Data<AppState>,
    user: CurrentUser,
    submission_id: web::Path<SubmissionId>,
) -> Result<HttpResponse, ApiError> {
    let submission = submissions::get(&state, &user, submission_id.into_inner()).await?;
    let language = submission.language;
    let council = state.council.view().clone();
    let filename = format!("{}.pdf", submission.reference);
    let fonts = state.fonts.clone();
    let bytes =
        web::block(move || pdf::submission(&fonts, &submission, &council, language)).await??;
    Ok(crate::routes::file_download(
        "application/pdf",
        filename,
        bytes,
    ))
}
