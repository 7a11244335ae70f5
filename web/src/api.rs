//! A typed client of the portal's JSON API.

use gloo_net::http::{Request, Response};
use serde::Serialize;
use serde::de::DeserializeOwned;
use shared::api::{
    AccountView, AuditPage, BotCheckChallenge, ChangeEmailRequest, ChangeNameRequest,
    ChangePasswordRequest, CodeSent, ConfirmEmailChangeRequest, CreateDraftRequest,
    CreateInvolvementRequest, CreateLinkRequest, CreatePersonRequest, CreateSubmissionRequest,
    Dashboard, DocumentPage, DocumentSummary, DraftPage, DraftView, FieldErrors, FormStartRequest,
    FormSummary, ImportReport, InvitationView, InvolvementPage, InvolvementView, ItemPage,
    ItemView, MessagePage, NewMessageRequest, PasswordResetCompletion, PasswordResetRequest,
    PersonDetails, PersonMatchPage, PersonSummary, Problem, QueuePage, RecordViewPage,
    RegistrationRequest, ReplyRequest, ResendCodeRequest, SaveItemRequest, SendItemRequest,
    SessionCreated, SetTeamsRequest, SignInRequest, StaffInvitation, StaffMember, StaffPersonView,
    StaffSubmissionView, StaffThreadView, SubmissionChangeRequest, SubmissionPage, SubmissionView,
    SubmitItemRequest, TeamQueueSummary, TeamThreadPage, ThreadView, UpdateDraftRequest,
    UploadView, VerifyCodeRequest,
};

/// Why a call to the API failed, in terms the pages can act on.
#[derive(Debug, Clone, PartialEq)]
pub enum ApiError {
    /// The API answered with a problem document (boxed: it is large beside the others).
    Problem(Box<Problem>),
    /// No answer at all: offline, or the server is down.
    Network(String),
    /// An answer that is not what the API documents.
    Unexpected(String),
}

impl ApiError {
    /// What a page says when it needs a session that has ended.
    pub fn signed_out() -> Self {
        Self::Problem(Box::new(Problem {
            kind: "about:blank".into(),
            title: "You need to sign in".into(),
            status: 401,
            detail: Some("Your session has ended. Sign in again.".into()),
            code: "not_signed_in".into(),
            errors: FieldErrors::new(),
            request_id: None,
        }))
    }

    /// What a page says of something that is not there, as the API would.
    pub fn not_found() -> Self {
        Self::Problem(Box::new(Problem {
            kind: "about:blank".into(),
            title: "Page not found".into(),
            status: 404,
            detail: None,
            code: "not_found".into(),
            errors: FieldErrors::new(),
            request_id: None,
        }))
    }

    /// The reference of a failure on the server's side, for people to quote when they phone.
    pub fn reference(&self) -> Option<String> {
        match self {
            Self::Problem(problem) if problem.status >= 500 => problem.request_id.clone(),
            _ => None,
        }
    }

    /// The field errors to show beside the fields, with a summary line for anything else.
    pub fn field_errors(&self) -> FieldErrors {
        match self {
            Self::Problem(problem) if !problem.errors.is_empty() => problem.errors.clone(),
            Self::Problem(problem) => FieldErrors::from([(
                String::new(),
                vec![match (&problem.detail, self.reference()) {
                    (Some(detail), Some(reference)) => format!(
                        "{} {} If you phone us, quote reference {reference}",
                        problem.title, detail
                    ),
                    (Some(detail), None) => format!("{} {}", problem.title, detail),
                    (None, _) => problem.title.clone(),
                }],
            )]),
            Self::Network(_) => FieldErrors::from([(
                String::new(),
                vec![
                    "Sorry, the service could not be reached. Check your connection and try again"
                        .into(),
                ],
            )]),
            Self::Unexpected(_) => FieldErrors::from([(
                String::new(),
                vec!["Sorry, there is a problem with the service. Try again later".into()],
            )]),
        }
    }
}

async fn read<T: DeserializeOwned>(response: Response) -> Result<T, ApiError> {
    if response.ok() {
        return response
            .json::<T>()
            .await
            .map_err(|e| ApiError::Unexpected(e.to_string()));
    }
    match response.json::<Problem>().await {
        Ok(problem) => Err(ApiError::Problem(Box::new(problem))),
        Err(_) => Err(ApiError::Unexpected(format!(
            "the server answered {} without a problem document",
            response.status()
        ))),
    }
}

async fn get<T: DeserializeOwned>(path: &str) -> Result<T, ApiError> {
    let response = Request::get(path)
        .header("Accept", "application/json")
        .send()
        .await
        .map_err(|e| ApiError::Network(e.to_string()))?;
    read(response).await
}

async fn send(request: Result<Request, gloo_net::Error>) -> Result<Response, ApiError> {
    request
        .map_err(|e| ApiError::Unexpected(e.to_string()))?
        .send()
        .await
        .map_err(|e| ApiError::Network(e.to_string()))
}

async fn post<B: Serialize, T: DeserializeOwned>(path: &str, body: &B) -> Result<T, ApiError> {
    let request = Request::post(path)
        .header("Accept", "application/json")
        .json(body);
    read(send(request).await?).await
}

/// A call that answers 204 No Content.
async fn post_no_content<B: Serialize>(path: &str, body: &B) -> Result<(), ApiError> {
    let response = send(Request::post(path).json(body)).await?;
    if response.ok() {
        Ok(())
    } else {
        read::<()>(response).await
    }
}

pub async fn bot_check() -> Result<BotCheckChallenge, ApiError> {
    get("/api/v1/bot-check").await
}

pub async fn register(request: &RegistrationRequest) -> Result<CodeSent, ApiError> {
    post("/api/v1/registrations", request).await
}

pub async fn verify_registration(request: &VerifyCodeRequest) -> Result<SessionCreated, ApiError> {
    post("/api/v1/registrations/verify", request).await
}

pub async fn resend_registration_code(email: &str) -> Result<CodeSent, ApiError> {
    post(
        "/api/v1/registrations/resend",
        &ResendCodeRequest {
            email: email.to_owned(),
        },
    )
    .await
}

pub async fn start_sign_in(request: &SignInRequest) -> Result<CodeSent, ApiError> {
    post("/api/v1/sign-in", request).await
}

pub async fn finish_sign_in(request: &VerifyCodeRequest) -> Result<SessionCreated, ApiError> {
    post("/api/v1/sign-in/verify", request).await
}

pub async fn request_password_reset(request: &PasswordResetRequest) -> Result<CodeSent, ApiError> {
    post("/api/v1/password-resets", request).await
}

pub async fn complete_password_reset(request: &PasswordResetCompletion) -> Result<(), ApiError> {
    post_no_content("/api/v1/password-resets/complete", request).await
}

/// Exchanges the HttpOnly refresh cookie for a new access token.
pub async fn refresh_session() -> Result<SessionCreated, ApiError> {
    let request = Request::post("/api/v1/sessions/refresh").build();
    read(send(request).await?).await
}

pub async fn end_session() -> Result<(), ApiError> {
    let response = send(Request::delete("/api/v1/sessions/current").build()).await?;
    if response.ok() {
        Ok(())
    } else {
        read::<()>(response).await
    }
}

fn with_token(
    request: gloo_net::http::RequestBuilder,
    token: &str,
) -> gloo_net::http::RequestBuilder {
    request.header("Authorization", &format!("Bearer {token}"))
}

pub async fn change_name(
    token: &str,
    request: &ChangeNameRequest,
) -> Result<AccountView, ApiError> {
    let request = with_token(Request::patch("/api/v1/account"), token).json(request);
    read(send(request).await?).await
}

pub async fn change_password(token: &str, request: &ChangePasswordRequest) -> Result<(), ApiError> {
    let response =
        send(with_token(Request::post("/api/v1/account/password"), token).json(request)).await?;
    if response.ok() {
        Ok(())
    } else {
        read::<()>(response).await
    }
}

pub async fn change_email(token: &str, request: &ChangeEmailRequest) -> Result<CodeSent, ApiError> {
    read(send(with_token(Request::post("/api/v1/account/email"), token).json(request)).await?).await
}

pub async fn confirm_email_change(
    token: &str,
    request: &ConfirmEmailChangeRequest,
) -> Result<AccountView, ApiError> {
    read(
        send(with_token(Request::post("/api/v1/account/email/verify"), token).json(request))
            .await?,
    )
    .await
}

/// The published forms.
pub async fn forms() -> Result<Vec<FormSummary>, ApiError> {
    get("/api/v1/forms").await
}

/// One form's whole definition, evaluated in the browser with the server's own rules.
/// Checks a definition as the server would publish it (administrators only); nothing is kept.
pub async fn preview_form(
    token: &str,
    definition: &str,
) -> Result<shared::forms::FormDefinition, ApiError> {
    let request = with_token(Request::post("/api/v1/form-previews"), token)
        .header("Accept", "application/json")
        .header("Content-Type", "application/json")
        .body(definition.to_owned());
    read(send(request).await?).await
}

pub async fn form(form_id: &str) -> Result<shared::forms::FormDefinition, ApiError> {
    get(&format!("/api/v1/forms/{form_id}")).await
}

/// Starts a form for someone not signed in, spending their solved bot check.
pub async fn start_form(request: &FormStartRequest) -> Result<(), ApiError> {
    post_no_content("/api/v1/form-starts", request).await
}

pub async fn create_draft(
    token: &str,
    request: &CreateDraftRequest,
) -> Result<DraftView, ApiError> {
    read(send(with_token(Request::post("/api/v1/drafts"), token).json(request)).await?).await
}

pub async fn update_draft(
    token: &str,
    draft_id: &str,
    request: &UpdateDraftRequest,
) -> Result<DraftView, ApiError> {
    let path = format!("/api/v1/drafts/{draft_id}");
    read(send(with_token(Request::put(&path), token).json(request)).await?).await
}

pub async fn draft(token: &str, draft_id: &str) -> Result<DraftView, ApiError> {
    let path = format!("/api/v1/drafts/{draft_id}");
    read(send(with_token(Request::get(&path), token).build()).await?).await
}

pub async fn delete_draft(token: &str, draft_id: &str) -> Result<(), ApiError> {
    no_content(with_token(
        Request::delete(&format!("/api/v1/drafts/{draft_id}")),
        token,
    ))
    .await
}

pub async fn drafts(token: &str, after: Option<&str>) -> Result<DraftPage, ApiError> {
    let path = paged("/api/v1/drafts".to_owned(), after);
    read(send(with_token(Request::get(&path), token).build()).await?).await
}

/// Submits a form; `key` stays the same for every retry of the same form.
pub async fn submit_form(
    token: &str,
    key: &str,
    request: &CreateSubmissionRequest,
) -> Result<SubmissionView, ApiError> {
    let request = with_token(Request::post("/api/v1/submissions"), token)
        .header("Idempotency-Key", key)
        .json(request);
    read(send(request).await?).await
}

pub async fn submission(token: &str, submission_id: &str) -> Result<SubmissionView, ApiError> {
    let path = format!("/api/v1/submissions/{submission_id}");
    read(send(with_token(Request::get(&path), token).build()).await?).await
}

pub async fn submissions(token: &str, after: Option<&str>) -> Result<SubmissionPage, ApiError> {
    let path = paged("/api/v1/submissions".to_owned(), after);
    read(send(with_token(Request::get(&path), token).build()).await?).await
}

/// A submitted form as a PDF.
pub async fn submission_pdf(token: &str, submission_id: &str) -> Result<Vec<u8>, ApiError> {
    let path = format!("/api/v1/submissions/{submission_id}/pdf");
    let response = send(with_token(Request::get(&path), token).build()).await?;
    if !response.ok() {
        return read::<Vec<u8>>(response).await;
    }
    response
        .binary()
        .await
        .map_err(|e| ApiError::Network(e.to_string()))
}

/// Sends a file chosen for a form; the server checks its type against its content.
pub async fn upload(token: &str, file: &web_sys::File) -> Result<UploadView, ApiError> {
    let name = String::from(js_sys::encode_uri_component(&file.name()));
    let request = with_token(
        Request::post(&format!("/api/v1/uploads?name={name}")),
        token,
    )
    .header("Content-Type", &file.type_())
    .body(file.clone());
    read(send(request).await?).await
}

/// A call without a body that answers 204 No Content.
async fn no_content(request: gloo_net::http::RequestBuilder) -> Result<(), ApiError> {
    let response = send(request.build()).await?;
    if response.ok() {
        Ok(())
    } else {
        read::<()>(response).await
    }
}

/// `path` with the cursor of the page to start after, when there is one.
fn paged(path: String, after: Option<&str>) -> String {
    match after {
        Some(cursor) if path.contains('?') => format!("{path}&after={cursor}"),
        Some(cursor) => format!("{path}?after={cursor}"),
        None => path,
    }
}

async fn get_with(token: &str, path: &str) -> Result<Response, ApiError> {
    send(with_token(Request::get(path), token).build()).await
}

async fn post_with<B: Serialize, T: DeserializeOwned>(
    token: &str,
    path: &str,
    body: &B,
) -> Result<T, ApiError> {
    read(send(with_token(Request::post(path), token).json(body)).await?).await
}

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

/// A document published to a person, as staff open it (not counted as the person opening it).
pub async fn staff_document(
    token: &str,
    person: &str,
    document: &str,
) -> Result<Vec<u8>, ApiError> {
    bytes(
        token,
        &format!("/api/v1/staff/people/{person}/documents/{document}"),
    )
    .await
}

async fn bytes(token: &str, path: &str) -> Result<Vec<u8>, ApiError> {
    let response = get_with(token, path).await?;
    if !response.ok() {
        return read::<Vec<u8>>(response).await;
    }
    response
        .binary()
        .await
        .map_err(|e| ApiError::Network(e.to_string()))
}

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

/// Who at the council opened a record.
pub async fn record_views(
    token: &str,
    person: &str,
    after: Option<&str>,
) -> Result<RecordViewPage, ApiError> {
    let path = paged(format!("/api/v1/people/{person}/record-views"), after);
    read(get_with(token, &path).await?).await
}

/// The referral queue; `query` is the filter part of the address (`form=…&status=…`).
pub async fn queue(token: &str, query: &str, after: Option<&str>) -> Result<QueuePage, ApiError> {
    let path = paged(format!("/api/v1/staff/submissions?{query}"), after);
    read(get_with(token, &path).await?).await
}

/// The queue with these filters, every row, as a CSV file.
pub async fn export_queue(token: &str, query: &str) -> Result<Vec<u8>, ApiError> {
    bytes(token, &format!("/api/v1/staff/submissions.csv?{query}")).await
}

/// The audit log with these filters, every entry, as a CSV file.
pub async fn export_audit_log(token: &str, query: &str) -> Result<Vec<u8>, ApiError> {
    bytes(token, &format!("/api/v1/audit.csv?{query}")).await
}

/// How the service is doing, for one team or all (`team` empty).
pub async fn overview(token: &str, team: &str) -> Result<shared::api::Overview, ApiError> {
    let query = if team.is_empty() {
        String::new()
    } else {
        format!("?team={}", js_sys::encode_uri_component(team))
    };
    read(get_with(token, &format!("/api/v1/staff/overview{query}")).await?).await
}

pub async fn staff_submission(token: &str, id: &str) -> Result<StaffSubmissionView, ApiError> {
    read(get_with(token, &format!("/api/v1/staff/submissions/{id}")).await?).await
}

pub async fn change_submission(
    token: &str,
    id: &str,
    request: &SubmissionChangeRequest,
) -> Result<StaffSubmissionView, ApiError> {
    post_with(
        token,
        &format!("/api/v1/staff/submissions/{id}/changes"),
        request,
    )
    .await
}

pub async fn staff_members(token: &str) -> Result<Vec<StaffMember>, ApiError> {
    read(get_with(token, "/api/v1/staff-accounts").await?).await
}

pub async fn team_queues(token: &str) -> Result<Vec<TeamQueueSummary>, ApiError> {
    read(get_with(token, "/api/v1/staff/teams").await?).await
}

pub async fn team_threads(
    token: &str,
    team: &str,
    after: Option<&str>,
) -> Result<TeamThreadPage, ApiError> {
    let path = paged(format!("/api/v1/staff/teams/{team}/threads"), after);
    read(get_with(token, &path).await?).await
}

pub async fn team_thread(token: &str, thread: &str) -> Result<StaffThreadView, ApiError> {
    read(get_with(token, &format!("/api/v1/staff/threads/{thread}")).await?).await
}

pub async fn reply_as_team(
    token: &str,
    person: &str,
    thread: &str,
    request: &ReplyRequest,
) -> Result<ThreadView, ApiError> {
    post_with(
        token,
        &format!("/api/v1/staff/people/{person}/threads/{thread}/replies"),
        request,
    )
    .await
}

pub async fn find_people(
    token: &str,
    text: &str,
    after: Option<&str>,
) -> Result<PersonMatchPage, ApiError> {
    let text = String::from(js_sys::encode_uri_component(text));
    let path = paged(format!("/api/v1/staff/people?q={text}"), after);
    read(get_with(token, &path).await?).await
}

pub async fn staff_person(token: &str, person: &str) -> Result<StaffPersonView, ApiError> {
    read(get_with(token, &format!("/api/v1/staff/people/{person}")).await?).await
}

/// Publishes a file to a person's Items to view; the server checks its type against its content.
pub async fn publish_document(
    token: &str,
    person: &str,
    title: &str,
    file: &web_sys::File,
    answers: &str,
) -> Result<DocumentSummary, ApiError> {
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
    token: &str,
    what: &str,
    file: &web_sys::File,
) -> Result<ImportReport, ApiError> {
    let request = with_token(
        Request::post(&format!("/api/v1/staff/imports/{what}")),
        token,
    )
    .header("Content-Type", "text/csv")
    .body(file.clone());
    read(send(request).await?).await
}

pub async fn withdraw_document(token: &str, person: &str, document: &str) -> Result<(), ApiError> {
    no_content(with_token(
        Request::delete(&format!(
            "/api/v1/staff/people/{person}/documents/{document}"
        )),
        token,
    ))
    .await
}

pub async fn withdraw_invitation(
    token: &str,
    person: &str,
    invitation: &str,
) -> Result<(), ApiError> {
    no_content(with_token(
        Request::delete(&format!(
            "/api/v1/staff/people/{person}/invitations/{invitation}"
        )),
        token,
    ))
    .await
}

pub async fn audit_log(
    token: &str,
    query: &str,
    after: Option<&str>,
) -> Result<AuditPage, ApiError> {
    let path = paged(format!("/api/v1/audit?{query}"), after);
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

pub async fn invite(
    token: &str,
    person: &str,
    request: &CreateLinkRequest,
) -> Result<StaffInvitation, ApiError> {
    post_with(
        token,
        &format!("/api/v1/staff/people/{person}/invitations"),
        request,
    )
    .await
}

pub async fn end_link(token: &str, person: &str, link: &str) -> Result<(), ApiError> {
    no_content(with_token(
        Request::delete(&format!("/api/v1/staff/people/{person}/links/{link}")),
        token,
    ))
    .await
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

pub async fn create_person(
    token: &str,
    request: &CreatePersonRequest,
) -> Result<PersonDetails, ApiError> {
    post_with(token, "/api/v1/staff/people", request).await
}

pub async fn create_involvement(
    token: &str,
    person: &str,
    request: &CreateInvolvementRequest,
) -> Result<InvolvementView, ApiError> {
    post_with(
        token,
        &format!("/api/v1/staff/people/{person}/involvements"),
        request,
    )
    .await
}

pub async fn set_staff_teams(
    token: &str,
    account: &str,
    request: &SetTeamsRequest,
) -> Result<StaffMember, ApiError> {
    let path = format!("/api/v1/staff-accounts/{account}/teams");
    read(send(with_token(Request::put(&path), token).json(request)).await?).await
}

pub async fn switch_off_staff(token: &str, account: &str) -> Result<StaffMember, ApiError> {
    post_with(
        token,
        &format!("/api/v1/staff-accounts/{account}/switch-off"),
        &serde_json::json!({}),
    )
    .await
}

pub async fn update_person(
    token: &str,
    person: &str,
    request: &CreatePersonRequest,
) -> Result<PersonDetails, ApiError> {
    let path = format!("/api/v1/staff/people/{person}");
    read(send(with_token(Request::put(&path), token).json(request)).await?).await
}

pub async fn create_staff_account(
    token: &str,
    request: &shared::api::CreateStaffRequest,
) -> Result<AccountView, ApiError> {
    post_with(token, "/api/v1/staff-accounts", request).await
}

/// Machine clients, for administrators.
pub async fn api_clients(token: &str) -> Result<Vec<shared::api::ApiClientView>, ApiError> {
    read(get_with(token, "/api/v1/api-clients").await?).await
}

pub async fn create_api_client(
    token: &str,
    request: &shared::api::CreateClientRequest,
) -> Result<shared::api::ClientWithSecret, ApiError> {
    post_with(token, "/api/v1/api-clients", request).await
}

pub async fn rotate_api_client_secret(
    token: &str,
    client: &str,
) -> Result<shared::api::ClientWithSecret, ApiError> {
    post_with(
        token,
        &format!("/api/v1/api-clients/{client}/secret"),
        &serde_json::json!({}),
    )
    .await
}

pub async fn revoke_api_client(token: &str, client: &str) -> Result<(), ApiError> {
    no_content(with_token(
        Request::delete(&format!("/api/v1/api-clients/{client}")),
        token,
    ))
    .await
}

/// Webhook endpoints, for administrators.
pub async fn webhooks(token: &str) -> Result<Vec<shared::api::WebhookView>, ApiError> {
    read(get_with(token, "/api/v1/webhooks").await?).await
}

pub async fn register_webhook(
    token: &str,
    request: &shared::api::CreateWebhookRequest,
) -> Result<shared::api::WebhookWithSecret, ApiError> {
    post_with(token, "/api/v1/webhooks", request).await
}

pub async fn disable_webhook(token: &str, webhook: &str) -> Result<(), ApiError> {
    no_content(with_token(
        Request::delete(&format!("/api/v1/webhooks/{webhook}")),
        token,
    ))
    .await
}

pub async fn webhook_deliveries(
    token: &str,
    webhook: &str,
    after: Option<&str>,
) -> Result<shared::api::DeliveryPage, ApiError> {
    let path = paged(format!("/api/v1/webhooks/{webhook}/deliveries"), after);
    read(get_with(token, &path).await?).await
}

pub async fn replay_delivery(
    token: &str,
    delivery: &str,
) -> Result<shared::api::DeliveryView, ApiError> {
    post_with(
        token,
        &format!("/api/v1/webhook-deliveries/{delivery}/replay"),
        &serde_json::json!({}),
    )
    .await
}

/// The email and webhook backlogs (administrators).
pub async fn operations(token: &str) -> Result<shared::api::OperationsView, ApiError> {
    read(get_with(token, "/api/v1/operations").await?).await
}

/// The newest 100 emails given up on (the operations page shows no more: the count says the
/// rest).
pub async fn failed_emails(token: &str) -> Result<shared::api::FailedEmailPage, ApiError> {
    read(get_with(token, "/api/v1/operations/failed-emails?limit=100").await?).await
}

pub async fn retry_email(token: &str, email: &str) -> Result<(), ApiError> {
    let path = format!("/api/v1/operations/failed-emails/{email}/retry");
    no_content(with_token(Request::post(&path), token)).await
}

/// The newest 100 webhook deliveries given up on.
pub async fn failed_deliveries(token: &str) -> Result<shared::api::FailedDeliveryPage, ApiError> {
    read(get_with(token, "/api/v1/operations/failed-deliveries?limit=100").await?).await
}

/// A file a submission carries, as staff open it (each opening is audited).
pub async fn attachment(token: &str, submission: &str, upload: &str) -> Result<Vec<u8>, ApiError> {
    bytes(
        token,
        &format!("/api/v1/integrations/submissions/{submission}/attachments/{upload}"),
    )
    .await
}

/// Links a referral to the record staff chose.
pub async fn link_submission_person(
    token: &str,
    submission: &str,
    person: &str,
) -> Result<StaffSubmissionView, ApiError> {
    post_with(
        token,
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
    token: &str,
    submission: &str,
) -> Result<StaffSubmissionView, ApiError> {
    post_with(
        token,
        &format!("/api/v1/staff/submissions/{submission}/new-person"),
        &serde_json::json!({}),
    )
    .await
}

/// Who can see a person's record online, the person first.
pub async fn record_readers(
    token: &str,
    person: &str,
) -> Result<Vec<shared::api::RecordReader>, ApiError> {
    read(get_with(token, &format!("/api/v1/people/{person}/readers")).await?).await
}
