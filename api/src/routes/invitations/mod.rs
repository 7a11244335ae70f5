//! Invitations to see a person's record, as the invited account holder answers them.

mod accept;
mod decline;
mod list;

pub use accept::{__path_accept_invitation, accept_invitation};
pub use decline::{__path_decline_invitation, decline_invitation};
pub use list::{__path_list_invitations, list_invitations};

use actix_web::web;

pub fn configure(cfg: &mut web::ServiceConfig) {
    cfg.service(super::get_only("/invitations", list_invitations))
        .service(super::only(
            "POST",
            "/invitations/{invitation_id}/acceptance",
            web::post().to(accept_invitation),
        ))
        .service(super::only(
            "POST",
            "/invitations/{invitation_id}/decline",
            web::post().to(decline_invitation),
        ));
}
