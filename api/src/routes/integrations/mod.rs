//! For other systems: the token endpoint for machine clients, the submissions feed, and the
//! administrators' management of clients.

mod attachment;
mod clients;
mod feed;
mod fhir;
mod token;
mod webhooks;

pub use attachment::{__path_get_submission_attachment, get_submission_attachment};
pub use clients::{
    __path_create_api_client, __path_list_api_clients, __path_revoke_api_client,
    __path_rotate_api_client_secret, create_api_client, list_api_clients, revoke_api_client,
    rotate_api_client_secret,
};
pub use feed::{__path_read_submission_feed, read_submission_feed};
pub use fhir::{__path_get_submission_response, get_submission_response};
pub use token::{__path_issue_client_token, issue_client_token};
pub use webhooks::{
    __path_disable_webhook, __path_list_webhook_deliveries, __path_list_webhooks,
    __path_register_webhook, __path_replay_webhook_delivery, __path_rotate_webhook_secret,
    disable_webhook, list_webhook_deliveries, list_webhooks, register_webhook,
    replay_webhook_delivery, rotate_webhook_secret,
};

use actix_web::{HttpResponse, web};

use crate::error::ApiError;

pub fn configure(cfg: &mut web::ServiceConfig) {
    cfg.service(
        web::resource("/oauth/token")
            .app_data(
                web::FormConfig::default()
                    .limit(4096)
                    .error_handler(|error, _| {
                        ApiError::MalformedBody(format!(
                            "send grant_type, client_id and client_secret as a form: {error}"
                        ))
                        .into()
                    }),
            )
            .route(web::post().to(issue_client_token))
            .default_service(web::to(|| async {
                Err::<HttpResponse, _>(ApiError::MethodNotAllowed { allow: "POST" })
            })),
    )
    .service(super::get_only(
        "/integrations/submissions",
        read_submission_feed,
    ))
    .service(super::get_only(
        "/integrations/submissions/{submission_id}/fhir",
        get_submission_response,
    ))
    .service(super::get_only(
        "/integrations/submissions/{submission_id}/attachments/{upload_id}",
        get_submission_attachment,
    ))
    .service(
        web::resource("/api-clients")
            .route(web::get().to(list_api_clients))
            .route(web::post().to(create_api_client))
            .default_service(web::to(|| async {
                Err::<HttpResponse, _>(ApiError::MethodNotAllowed { allow: "GET, POST" })
            })),
    )
    .service(super::only(
        "POST",
        "/api-clients/{client_id}/secret",
        web::post().to(rotate_api_client_secret),
    ))
    .service(super::only(
        "DELETE",
        "/api-clients/{client_id}",
        web::delete().to(revoke_api_client),
    ))
    .service(
        web::resource("/webhooks")
            .route(web::get().to(list_webhooks))
            .route(web::post().to(register_webhook))
            .default_service(web::to(|| async {
                Err::<HttpResponse, _>(ApiError::MethodNotAllowed { allow: "GET, POST" })
            })),
    )
    .service(super::only(
        "DELETE",
        "/webhooks/{webhook_id}",
        web::delete().to(disable_webhook),
    ))
    .service(super::only(
        "POST",
        "/webhooks/{webhook_id}/secret",
        web::post().to(rotate_webhook_secret),
    ))
    .service(super::get_only(
        "/webhooks/{webhook_id}/deliveries",
        list_webhook_deliveries,
    ))
    .service(super::only(
        "POST",
        "/webhook-deliveries/{delivery_id}/replay",
        web::post().to(replay_webhook_delivery),
    ));
}
