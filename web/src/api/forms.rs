//! The published forms and starting one.

use gloo_net::http::Request;
use shared::api::{FormStartRequest, FormSummary};

use super::{ApiError, Client, Credentials, get, post_no_content, read, send, with_token};
/// The published forms.
pub async fn forms() -> Result<Vec<FormSummary>, ApiError> {
    get("/api/v1/forms").await
}

pub async fn form(form_id: &str) -> Result<shared::forms::FormDefinition, ApiError> {
    get(&format!("/api/v1/forms/{form_id}")).await
}

/// Starts a form for someone not signed in, spending their solved bot check.
pub async fn start_form(request: &FormStartRequest) -> Result<(), ApiError> {
    post_no_content("/api/v1/form-starts", request).await
}

impl<C: Credentials> Client<C> {
    /// One form's whole definition, evaluated in the browser with the server's own rules.
    /// Checks a definition as the server would publish it (administrators only); nothing is kept.
    pub async fn preview_form(
        &self,
        definition: &str,
    ) -> Result<shared::forms::FormDefinition, ApiError> {
        let token = &self.token().await?;
        let request = with_token(Request::post("/api/v1/form-previews"), token)
            .header("Accept", "application/json")
            .header("Content-Type", "application/json")
            .body(definition.to_owned());
        read(send(request).await?).await
    }
}
