//! A person's record as the people linked to it see it: details, involvements, messages,
//! documents, who can see it and who opened it; invitations to it.

use gloo_net::http::Request;
use shared::api::{
    Dashboard, DocumentPage, InvitationView, InvolvementPage, MessagePage, NewMessageRequest,
    PersonDetails, PersonSummary, RecordViewPage, ReplyRequest, ThreadView,
};

use super::{ApiError, Client, Credentials, bytes, no_content, paged, with_token};

impl<C: Credentials> Client<C> {
    /// The people whose records the account may see.
    pub async fn people(&self) -> Result<Vec<PersonSummary>, ApiError> {
        self.get_json("/api/v1/people").await
    }

    pub async fn dashboard(&self, person: &str) -> Result<Dashboard, ApiError> {
        self.get_json(&format!("/api/v1/people/{person}/dashboard"))
            .await
    }

    pub async fn person_details(&self, person: &str) -> Result<PersonDetails, ApiError> {
        self.get_json(&format!("/api/v1/people/{person}")).await
    }

    pub async fn involvements(
        &self,
        person: &str,
        after: Option<&str>,
    ) -> Result<InvolvementPage, ApiError> {
        let path = paged(format!("/api/v1/people/{person}/involvements"), after);
        self.get_json(&path).await
    }

    /// `which` is `inbox` or `sent`.
    pub async fn messages(
        &self,
        person: &str,
        which: &str,
        after: Option<&str>,
    ) -> Result<MessagePage, ApiError> {
        let path = paged(
            format!("/api/v1/people/{person}/messages?box={which}"),
            after,
        );
        self.get_json(&path).await
    }

    pub async fn thread(&self, person: &str, thread: &str) -> Result<ThreadView, ApiError> {
        self.get_json(&format!("/api/v1/people/{person}/threads/{thread}"))
            .await
    }

    pub async fn send_message(
        &self,
        person: &str,
        request: &NewMessageRequest,
    ) -> Result<ThreadView, ApiError> {
        self.post_json(&format!("/api/v1/people/{person}/messages"), request)
            .await
    }

    pub async fn reply(
        &self,
        person: &str,
        thread: &str,
        request: &ReplyRequest,
    ) -> Result<ThreadView, ApiError> {
        self.post_json(
            &format!("/api/v1/people/{person}/threads/{thread}/replies"),
            request,
        )
        .await
    }

    pub async fn documents(
        &self,
        person: &str,
        after: Option<&str>,
    ) -> Result<DocumentPage, ApiError> {
        let path = paged(format!("/api/v1/people/{person}/documents"), after);
        self.get_json(&path).await
    }

    /// A document's bytes; fetching it records that this reader opened it.
    pub async fn document(&self, person: &str, document: &str) -> Result<Vec<u8>, ApiError> {
        let token = &self.token().await?;
        bytes(
            token,
            &format!("/api/v1/people/{person}/documents/{document}"),
        )
        .await
    }

    /// Who at the council opened a record.
    pub async fn record_views(
        &self,
        person: &str,
        after: Option<&str>,
    ) -> Result<RecordViewPage, ApiError> {
        let path = paged(format!("/api/v1/people/{person}/record-views"), after);
        self.get_json(&path).await
    }

    pub async fn invitations(&self) -> Result<Vec<InvitationView>, ApiError> {
        self.get_json("/api/v1/invitations").await
    }

    pub async fn accept_invitation(&self, id: &str) -> Result<PersonSummary, ApiError> {
        self.post_json(
            &format!("/api/v1/invitations/{id}/acceptance"),
            &serde_json::json!({}),
        )
        .await
    }

    pub async fn decline_invitation(&self, id: &str) -> Result<(), ApiError> {
        let token = &self.token().await?;
        no_content(with_token(
            Request::post(&format!("/api/v1/invitations/{id}/decline")),
            token,
        ))
        .await
    }

    /// Who can see a person's record online, the person first.
    pub async fn record_readers(
        &self,
        person: &str,
    ) -> Result<Vec<shared::api::RecordReader>, ApiError> {
        self.get_json(&format!("/api/v1/people/{person}/readers"))
            .await
    }
}
