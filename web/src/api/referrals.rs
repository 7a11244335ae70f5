//! Drafts, submissions and the files attached to them.

use gloo_net::http::Request;
use shared::api::{
    CreateDraftRequest, CreateSubmissionRequest, DraftPage, DraftView, SubmissionPage,
    SubmissionView, UpdateDraftRequest, UploadView,
};

use super::{ApiError, Client, Credentials, bytes, no_content, paged, read, send, with_token};

impl<C: Credentials> Client<C> {
    pub async fn create_draft(&self, request: &CreateDraftRequest) -> Result<DraftView, ApiError> {
        let token = &self.token().await?;
        read(send(with_token(Request::post("/api/v1/drafts"), token).json(request)).await?).await
    }

    pub async fn update_draft(
        &self,
        draft_id: &str,
        request: &UpdateDraftRequest,
    ) -> Result<DraftView, ApiError> {
        let token = &self.token().await?;
        let path = format!("/api/v1/drafts/{draft_id}");
        read(send(with_token(Request::put(&path), token).json(request)).await?).await
    }

    pub async fn draft(&self, draft_id: &str) -> Result<DraftView, ApiError> {
        let token = &self.token().await?;
        let path = format!("/api/v1/drafts/{draft_id}");
        read(send(with_token(Request::get(&path), token).build()).await?).await
    }

    pub async fn delete_draft(&self, draft_id: &str) -> Result<(), ApiError> {
        let token = &self.token().await?;
        no_content(with_token(
            Request::delete(&format!("/api/v1/drafts/{draft_id}")),
            token,
        ))
        .await
    }

    pub async fn drafts(&self, after: Option<&str>) -> Result<DraftPage, ApiError> {
        let token = &self.token().await?;
        let path = paged("/api/v1/drafts".to_owned(), after);
        read(send(with_token(Request::get(&path), token).build()).await?).await
    }

    /// Submits a form; `key` stays the same for every retry of the same form.
    pub async fn submit_form(
        &self,
        key: &str,
        request: &CreateSubmissionRequest,
    ) -> Result<SubmissionView, ApiError> {
        let token = &self.token().await?;
        let request = with_token(Request::post("/api/v1/submissions"), token)
            .header("Idempotency-Key", key)
            .json(request);
        read(send(request).await?).await
    }

    pub async fn submission(&self, submission_id: &str) -> Result<SubmissionView, ApiError> {
        let token = &self.token().await?;
        let path = format!("/api/v1/submissions/{submission_id}");
        read(send(with_token(Request::get(&path), token).build()).await?).await
    }

    pub async fn submissions(&self, after: Option<&str>) -> Result<SubmissionPage, ApiError> {
        let token = &self.token().await?;
        let path = paged("/api/v1/submissions".to_owned(), after);
        read(send(with_token(Request::get(&path), token).build()).await?).await
    }

    /// A submitted form as a PDF.
    pub async fn submission_pdf(&self, submission_id: &str) -> Result<Vec<u8>, ApiError> {
        let token = &self.token().await?;
        bytes(token, &format!("/api/v1/submissions/{submission_id}/pdf")).await
    }

    /// Sends a file chosen for a form; the server checks its type against its content.
    pub async fn upload(&self, file: &web_sys::File) -> Result<UploadView, ApiError> {
        let token = &self.token().await?;
        let name = String::from(js_sys::encode_uri_component(&file.name()));
        let request = with_token(
            Request::post(&format!("/api/v1/uploads?name={name}")),
            token,
        )
        .header("Content-Type", &file.type_())
        .body(file.clone());
        read(send(request).await?).await
    }
}
