//! The council's side, under /staff: loaded only when someone opens it.

fn main() {
    web::start(web::routes::staff::App);
}
