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
                       (RFC 9457) with a stable `code`; lists are keyset-paginated.\n\n\
                       A problem is worded in the language the request's `Accept-Language` \
                       prefers: Welsh (`cy`) or English (`en`), English when it names neither. \
                       Its `title` and `detail`, and the field messages in `errors` that a \
                       person can meet, are in that language, and the answer says which in \
                       `Content-Language` (with `Vary: Accept-Language`); its `code` is the same \
                       in both. Routes only other systems call (machine clients and webhooks, \
                       the submissions feed, CSV exports and imports, page cursors, the form \
                       preview) give their field messages in English whatever is asked.",
    ),
    servers((url = "/", description = "The server this document was fetched from")),
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
    modifiers(&Routes, &SecuritySchemes, &CommonAnswers),
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

/// Every route's entry, from the route table (`routes::table`), where each route is named once.
struct Routes;

impl Modify for Routes {
    fn modify(&self, openapi: &mut utoipa::openapi::OpenApi) {
        routes::table().document(openapi);
    }
}

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
