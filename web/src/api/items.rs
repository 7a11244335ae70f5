//! Items the council sends a person to answer.

use gloo_net::http::Request;
use shared::api::{
    ItemPage, ItemView, SaveItemRequest, SendItemRequest, SubmissionView, SubmitItemRequest,
};

use super::{ApiError, get_with, paged, post_with, read, send, with_token};

pub async fn items(token: &str, person: &str, after: Option<&str>) -> Result<ItemPage, ApiError> {
    let path = paged(format!("/api/v1/people/{person}/items"), after);
    read(get_with(token, &path).await?).await
}

pub async fn item(token: &str, person: &str, item: &str) -> Result<ItemView, ApiError> {
    read(get_with(token, &format!("/api/v1/people/{person}/items/{item}")).await?).await
}

pub async fn save_item(
    token: &str,
    person: &str,
    item: &str,
    request: &SaveItemRequest,
) -> Result<ItemView, ApiError> {
    let path = format!("/api/v1/people/{person}/items/{item}");
    read(send(with_token(Request::put(&path), token).json(request)).await?).await
}

/// Sends a completed item back; `key` stays the same for every retry of it.
pub async fn submit_item(
    token: &str,
    key: &str,
    person: &str,
    item: &str,
    request: &SubmitItemRequest,
) -> Result<SubmissionView, ApiError> {
    let path = format!("/api/v1/people/{person}/items/{item}/submission");
    let request = with_token(Request::post(&path), token)
        .header("Idempotency-Key", key)
        .json(request);
    read(send(request).await?).await
}

pub async fn send_item(
    token: &str,
    person: &str,
    request: &SendItemRequest,
) -> Result<ItemView, ApiError> {
    post_with(
        token,
        &format!("/api/v1/staff/people/{person}/items"),
        request,
    )
    .await
}
