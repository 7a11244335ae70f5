//! Staff accounts: administrators create them, put them in teams and switch them off; staff
//! list their colleagues.

mod create;
mod list;
mod switch_off;
mod teams;

use super::table::Routes;

/// This area's routes, in the order actix-web tries them.
pub fn routes(routes: &mut Routes) {
    crate::routes!(routes;
        list::list_staff_accounts,
        create::create_staff_account,
        teams::set_staff_teams,
        switch_off::switch_off_staff_account,
    );
}
