mod create;
mod resend;
mod verify;

use super::table::Routes;

/// This area's routes, in the order actix-web tries them.
pub fn routes(routes: &mut Routes) {
    crate::routes!(routes;
        create::create_registration,
        verify::verify_registration,
        resend::resend_registration_code,
    );
}
