//! People's records as council staff keep them: find, open, correct, link accounts, record
//! involvements, publish and withdraw documents, send forms and messages. Every route needs a
//! staff token; others get 403.

mod create;
mod document;
mod end_link;
mod invite;
mod involvement;
mod item;
mod link;
mod message;
mod open_document;
mod record;
mod reply;
mod search;
mod update;
mod withdraw_document;
mod withdraw_invitation;

pub use create::{__path_create_person, create_person};
pub use document::{__path_publish_document, publish_document};
pub use end_link::{__path_end_link, end_link};
pub use invite::{__path_invite_to_record, invite_to_record};
pub use involvement::{__path_create_involvement, create_involvement};
pub use item::{__path_send_item, send_item};
pub use link::{__path_link_account, link_account};
pub use message::{__path_send_staff_message, send_staff_message};
pub use open_document::{__path_open_published_document, open_published_document};
pub use record::{__path_get_staff_person, get_staff_person};
pub use reply::{__path_reply_as_team, reply_as_team};
pub use search::{__path_search_people, search_people};
pub use update::{__path_update_person, update_person};
pub use withdraw_document::{__path_withdraw_document, withdraw_document};
pub use withdraw_invitation::{__path_withdraw_invitation, withdraw_invitation};

use actix_web::{HttpResponse, web};

use crate::error::ApiError;

pub fn configure(cfg: &mut web::ServiceConfig) {
    cfg.service(
        web::resource("/staff/people")
            .route(web::get().to(search_people))
            .route(web::post().to(create_person))
            .default_service(web::to(|| async {
                Err::<HttpResponse, _>(ApiError::MethodNotAllowed { allow: "GET, POST" })
            })),
    )
    .service(
        web::resource("/staff/people/{person_id}")
            .route(web::get().to(get_staff_person))
            .route(web::put().to(update_person))
            .default_service(web::to(|| async {
                Err::<HttpResponse, _>(ApiError::MethodNotAllowed { allow: "GET, PUT" })
            })),
    )
    .service(super::only(
        "POST",
        "/staff/people/{person_id}/invitations",
        web::post().to(invite_to_record),
    ))
    .service(super::only(
        "DELETE",
        "/staff/people/{person_id}/invitations/{invitation_id}",
        web::delete().to(withdraw_invitation),
    ))
    .service(super::only(
        "DELETE",
        "/staff/people/{person_id}/links/{link_id}",
        web::delete().to(end_link),
    ))
    .service(
        web::resource("/staff/people/{person_id}/documents/{document_id}")
            .route(web::get().to(open_published_document))
            .route(web::delete().to(withdraw_document))
            .default_service(web::to(|| async {
                Err::<HttpResponse, _>(ApiError::MethodNotAllowed {
                    allow: "GET, DELETE",
                })
            })),
    )
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
