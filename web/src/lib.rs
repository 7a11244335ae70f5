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

    /// The words' locale for a language, the one mapping between the two.
    pub fn locale_of(language: shared::language::Language) -> i18n::Locale {
        match language {
            shared::language::Language::English => i18n::Locale::en,
            shared::language::Language::Welsh => i18n::Locale::cy,
        }
    }

    /// The language the words' locale is.
    pub fn language_of(locale: i18n::Locale) -> shared::language::Language {
        match locale {
            i18n::Locale::en => shared::language::Language::English,
            i18n::Locale::cy => shared::language::Language::Welsh,
        }
    }

    /// A message with its `{name}` placeholders filled from `values`, in one pass (so a value
    /// that itself holds `{name}`, a message someone typed, is left as it is). The words take
    /// values this way rather than as leptos_i18n's `{{ name }}`, whose `td!` makes each one a
    /// reactive closure with a render effect, for text that never changes while a page is open:
    /// code that every download carried for nothing.
    pub fn fill(template: &str, values: &[(&str, String)]) -> String {
        let mut filled = String::with_capacity(template.len());
        let mut rest = template;
        while let Some(open) = rest.find('{') {
            filled.push_str(&rest[..open]);
            let after = &rest[open + 1..];
            let named = after.find('}').and_then(|close| {
                let name = &after[..close];
                values
                    .iter()
                    .find(|(n, _)| *n == name)
                    .map(|(_, value)| (value, close))
            });
            match named {
                Some((value, close)) => {
                    filled.push_str(value);
                    rest = &after[close + 1..];
                }
                None => {
                    filled.push('{');
                    rest = after;
                }
            }
        }
        filled.push_str(rest);
        filled
    }

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

        #[test]
        fn a_message_is_filled_once_and_a_value_is_never_read_as_a_placeholder() {
            let values = [
                ("name", "Siân {date}".to_owned()),
                ("date", "1 Rhagfyr".to_owned()),
            ];
            assert_eq!(
                super::fill("Ysgrifennodd {name} ar {date} {unknown}", &values),
                "Ysgrifennodd Siân {date} ar 1 Rhagfyr {unknown}"
            );
        }

        /// Every `{name}` a message has is one its English has too, so no value goes missing
        /// in one language.
        #[test]
        fn both_languages_fill_the_same_placeholders() {
            fn placeholders(text: &str) -> BTreeSet<String> {
                text.split('{')
                    .skip(1)
                    .filter_map(|p| p.split_once('}'))
                    .map(|(n, _)| n.to_owned())
                    .collect()
            }
            fn walk(en: &Value, cy: &Value, path: &str, wrong: &mut Vec<String>) {
                match (en, cy) {
                    (Value::Object(e), Value::Object(c)) => {
                        for (k, v) in e {
                            if let Some(w) = c.get(k) {
                                walk(v, w, &format!("{path}.{k}"), wrong);
                            }
                        }
                    }
                    (Value::String(e), Value::String(c)) if placeholders(e) != placeholders(c) => {
                        wrong.push(path.to_owned());
                    }
                    _ => {}
                }
            }
            let read = |language: &str| -> Value {
                let path = format!("{}/locales/{language}.json", env!("CARGO_MANIFEST_DIR"));
                serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap()
            };
            let mut wrong = Vec::new();
            walk(&read("en"), &read("cy"), "", &mut wrong);
            assert!(wrong.is_empty(), "placeholders differ in {wrong:?}");
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
use words::{fill, i18n, language_of, locale_of};
