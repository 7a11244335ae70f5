mod change_email;
mod change_password;
mod confirm_email;
mod get;
mod update;

pub use change_email::{__path_change_email, change_email};
pub use change_password::{__path_change_password, change_password};
pub use confirm_email::{__path_confirm_email_change, confirm_email_change};
pub use get::{__path_get_account, get_account};
pub use update::{__path_update_account, update_account};

use actix_web::{HttpResponse, web};

use crate::error::ApiError;

pub fn configure(cfg: &mut web::ServiceConfig) {
    cfg.service(
        web::resource("/account")
            .route(web::get().to(get_account))
            .route(web::patch().to(update_account))
            .default_service(web::to(|| async {
                Err::<HttpResponse, _>(ApiError::MethodNotAllowed {
                    allow: "GET, PATCH",
                })
            })),
    )
    .service(super::only(
        "POST",
        "/account/password",
        web::post().to(change_password),
    ))
    .service(super::only(
        "POST",
        "/account/email",
        web::post().to(change_email),
    ))
    .service(super::only(
        "POST",
        "/account/email/verify",
        web::post().to(confirm_email_change),
    ));
}
