//! Requests for documents in another format.

use super::{ApiError, Client, Credentials, get_with, post_with, read};

impl<C: Credentials> Client<C> {
    /// A person's requests for documents in another format, newest first.
    pub async fn format_requests(
        &self,
        person: &str,
    ) -> Result<shared::api::FormatRequestPage, ApiError> {
        let token = &self.token().await?;
        read(get_with(token, &format!("/api/v1/people/{person}/format-requests")).await?).await
    }

    /// Asks for a document, or every document, in another format.
    pub async fn ask_for_format(
        &self,
        person: &str,
        request: &shared::api::FormatRequestCreate,
    ) -> Result<shared::api::FormatRequestView, ApiError> {
        let token = &self.token().await?;
        post_with(
            token,
            &format!("/api/v1/people/{person}/format-requests"),
            request,
        )
        .await
    }
}
