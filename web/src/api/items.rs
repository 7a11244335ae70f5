//! Items the council sends a person to answer.

use gloo_net::http::Request;
use shared::api::{
    ItemPage, ItemView, SaveItemRequest, SendItemRequest, SubmissionView, SubmitItemRequest,
};

use super::{ApiError, Client, Credentials, paged, read, send, with_token};

impl<C: Credentials> Client<C> {
    pub async fn items(&self, person: &str, after: Option<&str>) -> Result<ItemPage, ApiError> {
        let path = paged(format!("/api/v1/people/{person}/items"), after);
        self.get_json(&path).await
    }

    pub async fn item(&self, person: &str, item: &str) -> Result<ItemView, ApiError> {
        self.get_json(&format!("/api/v1/people/{person}/items/{item}"))
            .await
    }

    pub async fn save_item(
        &self,
        person: &str,
        item: &str,
        request: &SaveItemRequest,
    ) -> Result<ItemView, ApiError> {
        let token = &self.token().await?;
        let path = format!("/api/v1/people/{person}/items/{item}");
        read(send(with_token(Request::put(&path), token).json(request)).await?).await
    }

    /// Sends a completed item back; `key` stays the same for every retry of it.
    pub async fn submit_item(
        &self,
        key: &str,
        person: &str,
        item: &str,
        request: &SubmitItemRequest,
    ) -> Result<SubmissionView, ApiError> {
        let token = &self.token().await?;
        let path = format!("/api/v1/people/{person}/items/{item}/submission");
        let request = with_token(Request::post(&path), token)
            .header("Idempotency-Key", key)
            .json(request);
        read(send(request).await?).await
    }

    pub async fn send_item(
        &self,
        person: &str,
        request: &SendItemRequest,
    ) -> Result<ItemView, ApiError> {
        self.post_json(&format!("/api/v1/staff/people/{person}/items"), request)
            .await
    }
}
