//! Requests for documents in another format.

use super::{ApiError, get_with, post_with, read};

/// A person's requests for documents in another format, newest first.
pub async fn format_requests(
    token: &str,
    person: &str,
) -> Result<shared::api::FormatRequestPage, ApiError> {
    read(get_with(token, &format!("/api/v1/people/{person}/format-requests")).await?).await
}

/// Asks for a document, or every document, in another format.
pub async fn ask_for_format(
    token: &str,
    person: &str,
    request: &shared::api::FormatRequestCreate,
) -> Result<shared::api::FormatRequestView, ApiError> {
    post_with(
        token,
        &format!("/api/v1/people/{person}/format-requests"),
        request,
    )
    .await
}
