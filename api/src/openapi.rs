//! The OpenAPI document integrators build on, generated from the route annotations.

use utoipa::OpenApi;

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
    paths(
        routes::health::get_health,
        routes::council::get_council,
        routes::council::get_coverage,
    ),
    components(schemas(shared::api::Problem)),
    tags(
        (name = "health", description = "Whether the service is up."),
        (name = "council", description = "The council running this portal."),
    )
)]
pub struct ApiDoc;

/// The document as committed in `openapi/openapi.json`.
pub fn document_json() -> anyhow::Result<String> {
    Ok(ApiDoc::openapi().to_pretty_json()?)
}
