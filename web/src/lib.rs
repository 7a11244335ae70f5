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
mod labels;
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

    #[cfg(test)]
    mod tests {
        use std::collections::BTreeSet;

        use serde_json::Value;

        /// Every key of a locale file, dotted: `layout.home`.
        fn keys(language: &str) -> BTreeSet<String> {
            fn walk(prefix: &str, value: &Value, into: &mut BTreeSet<String>) {
                match value {
                    Value::Object(fields) => {
                        for (name, inner) in fields {
                            let path = if prefix.is_empty() {
                                name.clone()
                            } else {
                                format!("{prefix}.{name}")
                            };
                            walk(&path, inner, into);
                        }
                    }
                    _ => {
                        into.insert(prefix.to_owned());
                    }
                }
            }
            let path = format!("{}/locales/{language}.json", env!("CARGO_MANIFEST_DIR"));
            let text = std::fs::read_to_string(&path).unwrap();
            let mut found = BTreeSet::new();
            walk("", &serde_json::from_str(&text).unwrap(), &mut found);
            found
        }

        /// leptos_i18n fills a key Welsh lacks with the English without a word: this is the
        /// check that a Welsh reader never meets English by fallback.
        #[test]
        fn every_key_is_in_both_languages() {
            let english = keys("en");
            let welsh = keys("cy");
            assert!(english.len() > 100, "{english:?}");
            let only_english: Vec<_> = english.difference(&welsh).collect();
            let only_welsh: Vec<_> = welsh.difference(&english).collect();
            assert!(
                only_english.is_empty() && only_welsh.is_empty(),
                "in English only: {only_english:?}; in Welsh only: {only_welsh:?}"
            );
        }
    }
}
use words::i18n;
