//! A person's record as the people linked to it see it: details, involvements, messages,
//! documents, who can see it and who opened it; invitations to it.

use gloo_net::http::Request;
use shared::api::{
    Dashboard, DocumentPage, InvitationView, InvolvementPage, MessagePage, NewMessageRequest,
    PersonDetails, PersonSummary, RecordViewPage, ReplyRequest, ThreadView,
};

use super::{ApiError, bytes, get_with, no_content, paged, post_with, read, with_token};

/// The people whose records the account may see.
pub async fn people(token: &str) -> Result<Vec<PersonSummary>, ApiError> {
    read(get_with(token, "/api/v1/people").await?).await
}

pub async fn dashboard(token: &str, person: &str) -> Result<Dashboard, ApiError> {
    read(get_with(token, &format!("/api/v1/people/{person}/dashboard")).await?).await
}

pub async fn person_details(token: &str, person: &str) -> Result<PersonDetails, ApiError> {
    read(get_with(token, &format!("/api/v1/people/{person}")).await?).await
}

pub async fn involvements(
    token: &str,
    person: &str,
    after: Option<&str>,
) -> Result<InvolvementPage, ApiError> {
    let path = paged(format!("/api/v1/people/{person}/involvements"), after);
    read(get_with(token, &path).await?).await
}

/// `which` is `inbox` or `sent`.
pub async fn messages(
    token: &str,
    person: &str,
    which: &str,
    after: Option<&str>,
) -> Result<MessagePage, ApiError> {
    let path = paged(
        format!("/api/v1/people/{person}/messages?box={which}"),
        after,
    );
    read(get_with(token, &path).await?).await
}

pub async fn thread(token: &str, person: &str, thread: &str) -> Result<ThreadView, ApiError> {
    read(get_with(token, &format!("/api/v1/people/{person}/threads/{thread}")).await?).await
}

pub async fn send_message(
    token: &str,
    person: &str,
    request: &NewMessageRequest,
) -> Result<ThreadView, ApiError> {
    post_with(token, &format!("/api/v1/people/{person}/messages"), request).await
}

pub async fn reply(
    token: &str,
    person: &str,
    thread: &str,
    request: &ReplyRequest,
) -> Result<ThreadView, ApiError> {
    post_with(
        token,
        &format!("/api/v1/people/{person}/threads/{thread}/replies"),
        request,
    )
    .await
}

pub async fn documents(
    token: &str,
    person: &str,
    after: Option<&str>,
) -> Result<DocumentPage, ApiError> {
    let path = paged(format!("/api/v1/people/{person}/documents"), after);
    read(get_with(token, &path).await?).await
}

/// A document's bytes; fetching it records that this reader opened it.
pub async fn document(token: &str, person: &str, document: &str) -> Result<Vec<u8>, ApiError> {
    bytes(
        token,
        &format!("/api/v1/people/{person}/documents/{document}"),
    )
    .await
}

/// Who at the council opened a record.
pub async fn record_views(
    token: &str,
    person: &str,
    after: Option<&str>,
) -> Result<RecordViewPage, ApiError> {
    let path = paged(format!("/api/v1/people/{person}/record-views"), after);
    read(get_with(token, &path).await?).await
}

pub async fn invitations(token: &str) -> Result<Vec<InvitationView>, ApiError> {
    read(get_with(token, "/api/v1/invitations").await?).await
}

pub async fn accept_invitation(token: &str, id: &str) -> Result<PersonSummary, ApiError> {
    post_with(
        token,
        &format!("/api/v1/invitations/{id}/acceptance"),
        &serde_json::json!({}),
    )
    .await
}

pub async fn decline_invitation(token: &str, id: &str) -> Result<(), ApiError> {
    no_content(with_token(
        Request::post(&format!("/api/v1/invitations/{id}/decline")),
        token,
    ))
    .await
}

/// Who can see a person's record online, the person first.
pub async fn record_readers(
    token: &str,
    person: &str,
) -> Result<Vec<shared::api::RecordReader>, ApiError> {
    read(get_with(token, &format!("/api/v1/people/{person}/readers")).await?).await
}
