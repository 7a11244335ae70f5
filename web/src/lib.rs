//! The portal's browser app: rendered on the client, talking to the API on the same origin.
//!
//! Three downloads are built from this library (`src/bin`, `shared::boot::Bundle`): the public
//! pages with signing in, the form wizard with the account and the citizen record, and the
//! council's side under `/staff`. Each links only the pages its routes name, so a first visit
//! carries neither the wizard nor staff code, and citizens never download the council's side.
//! The server sends each page as real HTML first; the app takes over when it has started.

mod api;
mod app;
mod boot;
mod components;
mod pages;
pub mod routes;
mod session;
mod time;

pub use boot::start;

// `crate::i18n`: the words of `locales/{en,cy}.json`, a key each, checked when compiling. The
// macro is marked deprecated in favour of a build script, which would compile ICU's data
// exporter on every clean build for nothing this app uses (no plurals or formatted numbers).
#[allow(deprecated)]
mod words {
    leptos_i18n::load_locales!();
}
use words::i18n;
