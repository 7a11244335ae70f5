//! The administrators' pages under /staff: loaded only when an administrator opens one.

fn main() {
    web::start(web::routes::admin::App);
}
