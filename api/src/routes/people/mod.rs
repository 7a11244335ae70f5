//! The citizen's side of a person's record. Every route checks the account is linked to the
//! person; anything else is 404.

mod dashboard;
mod details;
mod document;
mod documents;
mod format_requests;
mod involvements;
mod item;
mod items;
mod list;
mod messages;
mod readers;
mod record_views;
mod reply;
mod save_item;
mod start_message;
mod submit_item;
mod thread;

pub use dashboard::{__path_get_dashboard, get_dashboard};
pub use details::{__path_get_person, get_person};
pub use document::{__path_get_document, get_document};
pub use documents::{__path_list_documents, list_documents};
pub use format_requests::{
    __path_ask_for_format, __path_list_format_requests, ask_for_format, list_format_requests,
};
pub use involvements::{__path_list_involvements, list_involvements};
pub use item::{__path_get_item, get_item};
pub use items::{__path_list_items, list_items};
pub use list::{__path_list_people, list_people};
pub use messages::{__path_list_messages, list_messages};
pub use readers::{__path_list_record_readers, list_record_readers};
pub use record_views::{__path_list_record_views, list_record_views};
pub use reply::{__path_reply_to_thread, reply_to_thread};
pub use save_item::{__path_save_item, save_item};
pub use start_message::{__path_send_message, send_message};
pub use submit_item::{__path_submit_item, submit_item};
pub use thread::{__path_get_thread, get_thread};

use actix_web::{HttpResponse, web};

use crate::error::ApiError;

pub fn configure(cfg: &mut web::ServiceConfig) {
    cfg.service(super::get_only("/people", list_people))
        .service(super::get_only("/people/{person_id}", get_person))
        .service(super::get_only(
            "/people/{person_id}/dashboard",
            get_dashboard,
        ))
        .service(super::get_only(
            "/people/{person_id}/involvements",
            list_involvements,
        ))
        .service(
            web::resource("/people/{person_id}/messages")
                .route(web::get().to(list_messages))
                .route(web::post().to(send_message))
                .default_service(web::to(|| async {
                    Err::<HttpResponse, _>(ApiError::MethodNotAllowed { allow: "GET, POST" })
                })),
        )
        .service(super::get_only(
            "/people/{person_id}/documents",
            list_documents,
        ))
        .service(
            web::resource("/people/{person_id}/format-requests")
                .route(web::get().to(list_format_requests))
                .route(web::post().to(ask_for_format))
                .default_service(web::to(|| async {
                    Err::<HttpResponse, _>(ApiError::MethodNotAllowed { allow: "GET, POST" })
                })),
        )
        .service(super::get_only(
            "/people/{person_id}/documents/{document_id}",
            get_document,
        ))
        .service(super::get_only(
            "/people/{person_id}/threads/{thread_id}",
            get_thread,
        ))
        .service(super::get_only("/people/{person_id}/items", list_items))
        .service(super::get_only(
            "/people/{person_id}/record-views",
            list_record_views,
        ))
        .service(super::get_only(
            "/people/{person_id}/readers",
            list_record_readers,
        ))
        .service(
            web::resource("/people/{person_id}/items/{item_id}")
                .route(web::get().to(get_item))
                .route(web::put().to(save_item))
                .default_service(web::to(|| async {
                    Err::<HttpResponse, _>(ApiError::MethodNotAllowed { allow: "GET, PUT" })
                })),
        )
        .service(super::only(
            "POST",
            "/people/{person_id}/items/{item_id}/submission",
            web::post().to(submit_item),
        ))
        .service(super::only(
            "POST",
            "/people/{person_id}/threads/{thread_id}/replies",
            web::post().to(reply_to_thread),
        ));
}
