//! The first download: home, the referral pages, signing in and registering. It carries
//! neither the form wizard nor the council's side.

fn main() {
    web::start(web::routes::public::App);
}
