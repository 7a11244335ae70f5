//! The portal's browser app: rendered on the client, talking to the API on the same origin.

mod api;
mod app;
mod components;
mod pages;
mod session;

fn main() {
    console_error_panic_hook::set_once();
    leptos::mount::mount_to_body(app::App);
}
