//! The council's side: the queue, referrals, people's records, teams' conversations, imports
//! and the audit log.

use gloo_net::http::Request;
use shared::api::{
    AuditPage, CreateInvolvementRequest, CreateLinkRequest, CreatePersonRequest, DocumentSummary,
    ImportReport, InvolvementView, PersonDetails, PersonMatchPage, QueuePage, ReplyRequest,
    StaffInvitation, StaffPersonView, StaffSubmissionView, StaffThreadView,
    SubmissionChangeRequest, TeamQueueSummary, TeamThreadPage, ThreadView,
};

use super::{
    ApiError, Client, Credentials, bytes, get_with, no_content, paged, read, send, with_token,
};

impl<C: Credentials> Client<C> {
    /// A document published to a person, as staff open it (not counted as the person opening it).
    pub async fn staff_document(&self, person: &str, document: &str) -> Result<Vec<u8>, ApiError> {
        let token = &self.token().await?;
        bytes(
            token,
            &format!("/api/v1/staff/people/{person}/documents/{document}"),
        )
        .await
    }

    /// The referral queue; `query` is the filter part of the address (`form=…&status=…`).
    pub async fn queue(&self, query: &str, after: Option<&str>) -> Result<QueuePage, ApiError> {
        let path = paged(format!("/api/v1/staff/submissions?{query}"), after);
        self.get_json(&path).await
    }

    /// The queue with these filters, every row, as a CSV file.
    pub async fn export_queue(&self, query: &str) -> Result<Vec<u8>, ApiError> {
        let token = &self.token().await?;
        bytes(token, &format!("/api/v1/staff/submissions.csv?{query}")).await
    }

    /// The audit log with these filters, every entry, as a CSV file.
    pub async fn export_audit_log(&self, query: &str) -> Result<Vec<u8>, ApiError> {
        let token = &self.token().await?;
        bytes(token, &format!("/api/v1/audit.csv?{query}")).await
    }

    /// How the service is doing, for one team or all (`team` empty).
    pub async fn overview(&self, team: &str) -> Result<shared::api::Overview, ApiError> {
        let token = &self.token().await?;
        let query = if team.is_empty() {
            String::new()
        } else {
            format!("?team={}", js_sys::encode_uri_component(team))
        };
        read(get_with(token, &format!("/api/v1/staff/overview{query}")).await?).await
    }

    pub async fn staff_submission(&self, id: &str) -> Result<StaffSubmissionView, ApiError> {
        self.get_json(&format!("/api/v1/staff/submissions/{id}"))
            .await
    }

    pub async fn change_submission(
        &self,
        id: &str,
        request: &SubmissionChangeRequest,
    ) -> Result<StaffSubmissionView, ApiError> {
        self.post_json(&format!("/api/v1/staff/submissions/{id}/changes"), request)
            .await
    }

    pub async fn team_queues(&self) -> Result<Vec<TeamQueueSummary>, ApiError> {
        self.get_json("/api/v1/staff/teams").await
    }

    pub async fn team_threads(
        &self,
        team: &str,
        after: Option<&str>,
    ) -> Result<TeamThreadPage, ApiError> {
        let path = paged(format!("/api/v1/staff/teams/{team}/threads"), after);
        self.get_json(&path).await
    }

    pub async fn team_thread(&self, thread: &str) -> Result<StaffThreadView, ApiError> {
        self.get_json(&format!("/api/v1/staff/threads/{thread}"))
            .await
    }

    pub async fn reply_as_team(
        &self,
        person: &str,
        thread: &str,
        request: &ReplyRequest,
    ) -> Result<ThreadView, ApiError> {
        self.post_json(
            &format!("/api/v1/staff/people/{person}/threads/{thread}/replies"),
            request,
        )
        .await
    }

    pub async fn find_people(
        &self,
        text: &str,
        after: Option<&str>,
    ) -> Result<PersonMatchPage, ApiError> {
        let token = &self.token().await?;
        let text = String::from(js_sys::encode_uri_component(text));
        let path = paged(format!("/api/v1/staff/people?q={text}"), after);
        read(get_with(token, &path).await?).await
    }

    pub async fn staff_person(&self, person: &str) -> Result<StaffPersonView, ApiError> {
        self.get_json(&format!("/api/v1/staff/people/{person}"))
            .await
    }

    /// Publishes a file to a person's Items to view; the server checks its type against its content.
    pub async fn publish_document(
        &self,
        person: &str,
        title: &str,
        file: &web_sys::File,
        answers: &str,
    ) -> Result<DocumentSummary, ApiError> {
        let token = &self.token().await?;
        let title = String::from(js_sys::encode_uri_component(title));
        let name = String::from(js_sys::encode_uri_component(&file.name()));
        let answers = if answers.is_empty() {
            String::new()
        } else {
            format!("&answers={}", js_sys::encode_uri_component(answers))
        };
        let request = with_token(
            Request::post(&format!(
                "/api/v1/staff/people/{person}/documents?title={title}&name={name}{answers}"
            )),
            token,
        )
        .header("Content-Type", &file.type_())
        .body(file.clone());
        read(send(request).await?).await
    }

    /// Imports a CSV file of `what` (`people` or `involvements`). Sent as `text/csv` whatever the
    /// browser calls the file (some call a .csv a spreadsheet).
    pub async fn import_records(
        &self,
        what: &str,
        file: &web_sys::File,
    ) -> Result<ImportReport, ApiError> {
        let token = &self.token().await?;
        let request = with_token(
            Request::post(&format!("/api/v1/staff/imports/{what}")),
            token,
        )
        .header("Content-Type", "text/csv")
        .body(file.clone());
        read(send(request).await?).await
    }

    pub async fn withdraw_document(&self, person: &str, document: &str) -> Result<(), ApiError> {
        let token = &self.token().await?;
        no_content(with_token(
            Request::delete(&format!(
                "/api/v1/staff/people/{person}/documents/{document}"
            )),
            token,
        ))
        .await
    }

    pub async fn withdraw_invitation(
        &self,
        person: &str,
        invitation: &str,
    ) -> Result<(), ApiError> {
        let token = &self.token().await?;
        no_content(with_token(
            Request::delete(&format!(
                "/api/v1/staff/people/{person}/invitations/{invitation}"
            )),
            token,
        ))
        .await
    }

    pub async fn audit_log(&self, query: &str, after: Option<&str>) -> Result<AuditPage, ApiError> {
        let path = paged(format!("/api/v1/audit?{query}"), after);
        self.get_json(&path).await
    }

    pub async fn invite(
        &self,
        person: &str,
        request: &CreateLinkRequest,
    ) -> Result<StaffInvitation, ApiError> {
        self.post_json(
            &format!("/api/v1/staff/people/{person}/invitations"),
            request,
        )
        .await
    }

    pub async fn end_link(&self, person: &str, link: &str) -> Result<(), ApiError> {
        let token = &self.token().await?;
        no_content(with_token(
            Request::delete(&format!("/api/v1/staff/people/{person}/links/{link}")),
            token,
        ))
        .await
    }

    pub async fn create_person(
        &self,
        request: &CreatePersonRequest,
    ) -> Result<PersonDetails, ApiError> {
        self.post_json("/api/v1/staff/people", request).await
    }

    pub async fn create_involvement(
        &self,
        person: &str,
        request: &CreateInvolvementRequest,
    ) -> Result<InvolvementView, ApiError> {
        self.post_json(
            &format!("/api/v1/staff/people/{person}/involvements"),
            request,
        )
        .await
    }

    pub async fn update_person(
        &self,
        person: &str,
        request: &CreatePersonRequest,
    ) -> Result<PersonDetails, ApiError> {
        let token = &self.token().await?;
        let path = format!("/api/v1/staff/people/{person}");
        read(send(with_token(Request::put(&path), token).json(request)).await?).await
    }

    /// A file a submission carries, as staff open it (each opening is audited).
    pub async fn attachment(&self, submission: &str, upload: &str) -> Result<Vec<u8>, ApiError> {
        let token = &self.token().await?;
        bytes(
            token,
            &format!("/api/v1/integrations/submissions/{submission}/attachments/{upload}"),
        )
        .await
    }

    /// Links a referral to the record staff chose.
    pub async fn link_submission_person(
        &self,
        submission: &str,
        person: &str,
    ) -> Result<StaffSubmissionView, ApiError> {
        self.post_json(
            &format!("/api/v1/staff/submissions/{submission}/person"),
            &shared::api::LinkPersonRequest {
                // The candidates' ids come from the API, so one that is no id is its mistake.
                person_id: person
                    .parse()
                    .map_err(|e: shared::api::BadId| ApiError::Unexpected(e.to_string()))?,
            },
        )
        .await
    }

    /// Starts a record from a referral's answers and links the referral to it.
    pub async fn create_person_from_submission(
        &self,
        submission: &str,
    ) -> Result<StaffSubmissionView, ApiError> {
        self.post_json(
            &format!("/api/v1/staff/submissions/{submission}/new-person"),
            &serde_json::json!({}),
        )
        .await
    }
}
