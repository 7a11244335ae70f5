//! For other systems: the token endpoint for machine clients, the submissions feed, and the
//! administrators' management of clients.

mod attachment;
mod clients;
mod feed;
mod fhir;
mod token;
mod webhooks;

use super::table::Routes;

/// This area's routes, in the order actix-web tries them.
pub fn routes(routes: &mut Routes) {
    crate::routes!(routes;
        token::issue_client_token,
        feed::read_submission_feed,
        fhir::get_submission_response,
        attachment::get_submission_attachment,
        clients::list_api_clients,
        clients::create_api_client,
        clients::rotate_api_client_secret,
        clients::revoke_api_client,
        webhooks::list_webhooks,
        webhooks::register_webhook,
        webhooks::disable_webhook,
        webhooks::rotate_webhook_secret,
        webhooks::list_webhook_deliveries,
        webhooks::replay_webhook_delivery,
    );
}
