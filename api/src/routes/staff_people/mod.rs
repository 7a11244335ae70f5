//! What council staff publish to a person's record, until the staff pages (#6) build on it.
//! Every route needs a staff token; others get 403.

mod create;
mod document;
mod involvement;
mod item;
mod link;
mod message;
mod reply;

pub use create::{__path_create_person, create_person};
pub use document::{__path_publish_document, publish_document};
pub use involvement::{__path_create_involvement, create_involvement};
pub use item::{__path_send_item, send_item};
pub use link::{__path_link_account, link_account};
pub use message::{__path_send_staff_message, send_staff_message};
pub use reply::{__path_reply_as_team, reply_as_team};

use actix_web::web;

pub fn configure(cfg: &mut web::ServiceConfig) {
    cfg.service(super::only(
        "POST",
        "/staff/people",
        web::post().to(create_person),
    ))
    .service(super::only(
        "POST",
        "/staff/people/{person_id}/links",
        web::post().to(link_account),
    ))
    .service(super::only(
        "POST",
        "/staff/people/{person_id}/involvements",
        web::post().to(create_involvement),
    ))
    .service(super::only(
        "POST",
        "/staff/people/{person_id}/documents",
        web::post().to(publish_document),
    ))
    .service(super::only(
        "POST",
        "/staff/people/{person_id}/items",
        web::post().to(send_item),
    ))
    .service(super::only(
        "POST",
        "/staff/people/{person_id}/messages",
        web::post().to(send_staff_message),
    ))
    .service(super::only(
        "POST",
        "/staff/people/{person_id}/threads/{thread_id}/replies",
        web::post().to(reply_as_team),
    ));
}
