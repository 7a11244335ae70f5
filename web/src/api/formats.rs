//! Requests for documents in another format.

use super::{ApiError, Client, Credentials};

impl<C: Credentials> Client<C> {
    /// A person's requests for documents in another format, newest first.
    pub async fn format_requests(
        &self,
        person: &str,
    ) -> Result<shared::api::FormatRequestPage, ApiError> {
        self.get_json(&format!("/api/v1/people/{person}/format-requests"))
            .await
    }

    /// Asks for a document, or every document, in another format.
    pub async fn ask_for_format(
        &self,
        person: &str,
        request: &shared::api::FormatRequestCreate,
    ) -> Result<shared::api::FormatRequestView, ApiError> {
        self.post_json(&format!("/api/v1/people/{person}/format-requests"), request)
            .await
    }
}
