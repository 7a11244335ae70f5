//! Staff accounts: administrators create them, put them in teams and switch them off; staff
//! list their colleagues.

mod create;
mod list;
mod switch_off;
mod teams;

pub use create::{__path_create_staff_account, create_staff_account};
pub use list::{__path_list_staff_accounts, list_staff_accounts};
pub use switch_off::{__path_switch_off_staff_account, switch_off_staff_account};
pub use teams::{__path_set_staff_teams, set_staff_teams};

use actix_web::{HttpResponse, web};

use crate::error::ApiError;

pub fn configure(cfg: &mut web::ServiceConfig) {
    cfg.service(
        web::resource("/staff-accounts")
            .route(web::get().to(list_staff_accounts))
            .route(web::post().to(create_staff_account))
            .default_service(web::to(|| async {
                Err::<HttpResponse, _>(ApiError::MethodNotAllowed { allow: "GET, POST" })
            })),
    )
    .service(super::only(
        "PUT",
        "/staff-accounts/{account_id}/teams",
        web::put().to(set_staff_teams),
    ))
    .service(super::only(
        "POST",
        "/staff-accounts/{account_id}/switch-off",
        web::post().to(switch_off_staff_account),
    ));
}
