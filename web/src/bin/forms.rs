//! The form wizard, submitted forms and the citizen record: loaded when someone opens a form or
//! a record.

fn main() {
    web::start(web::routes::forms::App);
}
