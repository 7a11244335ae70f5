mod change_email;
mod change_password;
mod confirm_email;
mod get;
mod language;
mod update;

use super::table::Routes;

/// This area's routes, in the order actix-web tries them.
pub fn routes(routes: &mut Routes) {
    crate::routes!(routes;
        get::get_account,
        update::update_account,
        language::choose_language,
        change_password::change_password,
        change_email::change_email,
        confirm_email::confirm_email_change,
    );
}
