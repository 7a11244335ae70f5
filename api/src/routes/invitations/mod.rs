//! Invitations to see a person's record, as the invited account holder answers them.

mod accept;
mod decline;
mod list;

use super::table::Routes;

/// This area's routes, in the order actix-web tries them.
pub fn routes(routes: &mut Routes) {
    crate::routes!(routes;
        list::list_invitations,
        accept::accept_invitation,
        decline::decline_invitation,
    );
}
