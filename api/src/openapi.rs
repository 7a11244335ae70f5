//! The OpenAPI document integrators build on, generated from the route annotations.

use shared::api::scopes;
use utoipa::openapi::security::{
    ApiKey, ApiKeyValue, ClientCredentials, Flow, HttpAuthScheme, HttpBuilder, OAuth2, Scopes,
    SecurityScheme,
};
use utoipa::{Modify, OpenApi};

use crate::routes;

#[derive(OpenApi)]
#[openapi(
    info(
        title = "Adult Social Care Online API",
        description = "The API of a council's adult social care portal: citizens' care records, \
                       professionals' referrals and DoLS requests, and the council staff who \
                       answer them. JSON under `/api/v1`; errors are `application/problem+json` \
                       (RFC 9457) with a stable `code`; lists are keyset-paginated.",
    ),
    servers((url = "/", description = "The server this document was fetched from")),
    paths(
        routes::health::get_health,
        routes::health::get_liveness,
        routes::health::get_readiness,
        routes::council::get_council,
        routes::council::get_coverage,
        routes::forms::list_forms,
        routes::forms::get_form,
        routes::forms::preview_form,
        routes::form_starts::start_form,
        routes::bot_check::get_bot_check,
        routes::registrations::create_registration,
        routes::registrations::verify_registration,
        routes::registrations::resend_registration_code,
        routes::sign_in::start_sign_in,
        routes::sign_in::finish_sign_in,
        routes::sessions::refresh_session,
        routes::sessions::end_session,
        routes::account::get_account,
        routes::account::update_account,
        routes::account::change_password,
        routes::account::change_email,
        routes::account::confirm_email_change,
        routes::staff_accounts::create_staff_account,
        routes::staff_accounts::list_staff_accounts,
        routes::staff_accounts::set_staff_teams,
        routes::staff_accounts::switch_off_staff_account,
        routes::password_resets::request_password_reset,
        routes::password_resets::complete_password_reset,
        routes::drafts::list_drafts,
        routes::drafts::create_draft,
        routes::drafts::get_draft,
        routes::drafts::update_draft,
        routes::drafts::delete_draft,
        routes::submissions::list_submissions,
        routes::submissions::create_submission,
        routes::submissions::get_submission,
        routes::submissions::get_submission_pdf,
        routes::uploads::create_upload,
        routes::uploads::get_upload,
        routes::people::list_people,
        routes::people::get_person,
        routes::people::get_dashboard,
        routes::people::list_involvements,
        routes::people::list_documents,
        routes::people::ask_for_format,
        routes::people::list_format_requests,
        routes::people::get_document,
        routes::people::list_messages,
        routes::people::send_message,
        routes::people::get_thread,
        routes::people::reply_to_thread,
        routes::people::list_items,
        routes::people::get_item,
        routes::people::save_item,
        routes::people::submit_item,
        routes::people::list_record_views,
        routes::people::list_record_readers,
        routes::invitations::list_invitations,
        routes::invitations::accept_invitation,
        routes::invitations::decline_invitation,
        routes::staff_submissions::list_queue,
        routes::staff_submissions::export_queue,
        routes::staff_overview::get_overview,
        routes::staff_submissions::get_staff_submission,
        routes::staff_submissions::change_submission,
        routes::staff_submissions::link_submission_person,
        routes::staff_submissions::create_person_from_submission,
        routes::staff_teams::list_team_queues,
        routes::staff_teams::list_team_threads,
        routes::staff_teams::open_team_thread,
        routes::audit::search_audit_log,
        routes::audit::export_audit_log,
        routes::integrations::issue_client_token,
        routes::integrations::read_submission_feed,
        routes::integrations::get_submission_response,
        routes::integrations::get_submission_attachment,
        routes::forms::get_form_questionnaire,
        routes::drafts::get_draft_response,
        routes::integrations::create_api_client,
        routes::integrations::list_api_clients,
        routes::integrations::rotate_api_client_secret,
        routes::integrations::revoke_api_client,
        routes::integrations::register_webhook,
        routes::integrations::list_webhooks,
        routes::integrations::disable_webhook,
        routes::integrations::rotate_webhook_secret,
        routes::integrations::list_webhook_deliveries,
        routes::integrations::replay_webhook_delivery,
        routes::operations::get_operations,
        routes::operations::list_failed_emails,
        routes::operations::retry_failed_email,
        routes::operations::list_failed_deliveries,
        routes::staff_people::create_person,
        routes::staff_people::link_account,
        routes::staff_people::create_involvement,
        routes::staff_people::publish_document,
        routes::staff_people::search_people,
        routes::staff_people::get_staff_person,
        routes::staff_people::update_person,
        routes::staff_people::end_link,
        routes::staff_people::invite_to_record,
        routes::staff_people::withdraw_invitation,
        routes::staff_people::open_published_document,
        routes::staff_people::withdraw_document,
        routes::staff_people::send_item,
        routes::staff_people::send_staff_message,
        routes::staff_people::reply_as_team,
        routes::staff_imports::import_people,
        routes::staff_imports::import_involvements,
    ),
    components(
        schemas(shared::api::Problem),
        responses(
            routes::problems::ValidationFailed,
            routes::problems::MalformedBody,
            routes::problems::TooManyAttempts,
            routes::problems::NotSignedIn,
            routes::problems::Forbidden,
            routes::problems::NotFound,
            routes::problems::TooLarge,
            routes::problems::NotCsv,
            routes::problems::ImportRejected,
            routes::problems::NotJson,
        )
    ),
    modifiers(&SecuritySchemes, &CommonAnswers),
    tags(
        (name = "health", description = "Whether the service is up."),
        (name = "council", description = "The council running this portal."),
        (name = "forms", description = "The published form definitions."),
        (name = "accounts", description = "Registration, sign-in with an emailed code, sessions, password reset."),
        (name = "drafts", description = "Forms saved for later: versioned, kept 30 days after the last save."),
        (name = "citizen", description = "A person's record as they and their proxies see it: details, dashboard, involvements, messages, items to view and items to complete."),
        (name = "staff", description = "The council's side: the referral queue, team message queues, people's records and the audit log."),
        (name = "uploads", description = "Files attached to forms: checked, hashed, kept with the submission."),
        (name = "submissions", description = "Forms sent to the council, with their reference and status."),
        (name = "integrations", description = "For other systems: machine clients, their tokens, and the submissions feed."),
        (name = "operations", description = "For administrators: the email and webhook backlogs, and what was given up on."),
    )
)]
pub struct ApiDoc;

/// How callers prove who they are: a bearer access token, or (for the session routes only)
/// the refresh cookie the browser holds.
struct SecuritySchemes;

impl Modify for SecuritySchemes {
    fn modify(&self, openapi: &mut utoipa::openapi::OpenApi) {
        let components = openapi.components.get_or_insert_with(Default::default);
        components.add_security_scheme(
            "bearer",
            SecurityScheme::Http(
                HttpBuilder::new()
                    .scheme(HttpAuthScheme::Bearer)
                    .bearer_format("JWT")
                    .description(Some(
                        "The access token from sign-in or a refresh; it lasts minutes.",
                    ))
                    .build(),
            ),
        );
        components.add_security_scheme(
            "client",
            SecurityScheme::OAuth2(OAuth2::with_description(
                [Flow::ClientCredentials(ClientCredentials::new(
                    "/api/v1/oauth/token",
                    Scopes::from_iter(scopes::KNOWN),
                ))],
                "A machine client's token: its id and secret exchanged at the token URL. Send \
                 it as `Authorization: Bearer`; each route names the scope it needs.",
            )),
        );
        components.add_security_scheme(
            "refresh_cookie",
            SecurityScheme::ApiKey(ApiKey::Cookie(ApiKeyValue::with_description(
                "portal_refresh",
                "The HttpOnly refresh cookie set at sign-in; browsers send it themselves.",
            ))),
        );
    }
}

/// The answers every operation of a kind can give, added wherever an operation does not list
/// them itself, so the document never leaves one out: 400 when the query string or body cannot
/// be read, 415 when a JSON body is missing or not JSON, 403 when a token of another role (or a
/// machine client without the scope) calls a signed-in route.
struct CommonAnswers;

impl Modify for CommonAnswers {
    fn modify(&self, openapi: &mut utoipa::openapi::OpenApi) {
        use utoipa::openapi::path::ParameterIn;
        use utoipa::openapi::{Ref, RefOr};
        for item in openapi.paths.paths.values_mut() {
            for operation in [
                &mut item.get,
                &mut item.put,
                &mut item.post,
                &mut item.delete,
                &mut item.patch,
            ]
            .into_iter()
            .flatten()
            {
                let has_query = operation
                    .parameters
                    .iter()
                    .flatten()
                    .any(|p| matches!(p.parameter_in, ParameterIn::Query));
                let takes_json = operation
                    .request_body
                    .as_ref()
                    .is_some_and(|b| b.content.contains_key("application/json"));
                let signed_in = operation.security.iter().flatten().any(|requirement| {
                    serde_json::to_value(requirement).is_ok_and(|v| v.get("bearer").is_some())
                });
                let responses = &mut operation.responses.responses;
                let mut add = |status: &str, name: &str| {
                    responses
                        .entry(status.to_owned())
                        .or_insert_with(|| RefOr::Ref(Ref::from_response_name(name)));
                };
                if has_query || takes_json {
                    add("400", "MalformedBody");
                }
                if takes_json {
                    add("415", "NotJson");
                }
                if signed_in {
                    add("403", "Forbidden");
                }
            }
        }
    }
}

/// The document as committed in `openapi/openapi.json`.
pub fn document_json() -> anyhow::Result<String> {
    Ok(ApiDoc::openapi().to_pretty_json()?)
}
