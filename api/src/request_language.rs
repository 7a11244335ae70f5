//! The language the request being answered asked for (`Accept-Language`, by content
//! negotiation: Welsh or English, English when it names neither), kept for the task that
//! answers it, so that a problem body and the server's own field messages are worded in it
//! without every function being handed a language (`requests` sets it, as it sets the request
//! id). Database work runs on the blocking pool: `carried` takes the language there with it.
//!
//! Routes only integrators call (machine clients and webhooks, the feed, CSV exports and
//! imports, pagination cursors, the form preview) keep their own field messages in English
//! whatever is asked, and say so where they make them; their problems' titles and details still
//! follow the request.

use crate::i18n;
use fluent_templates::fluent_bundle::FluentValue;
use shared::language::Language;

tokio::task_local! {
    pub(crate) static CURRENT: Language;
}

/// The language the request being answered asked for; English outside a request (the CLI,
/// the outbox) or when it asked for neither.
pub fn current() -> Language {
    CURRENT.try_with(|language| *language).unwrap_or_default()
}

/// `work` as it will run on another thread (the blocking pool), still answering in the
/// language of the request that handed it over.
pub fn carried<T>(work: impl FnOnce() -> T) -> impl FnOnce() -> T {
    let language = current();
    move || CURRENT.sync_scope(language, work)
}

/// The server's own message `key` (`api/locales/*/problems.ftl`) in the request's language.
pub fn says(key: &str) -> String {
    i18n::text(current(), key)
}

/// The server's own message `key` with `values` for its placeables, in the request's language.
pub fn says_with<const N: usize>(key: &str, values: [(&'static str, String); N]) -> String {
    said_in(current(), key, values)
}

/// The message `key` with `values` in `language`, for code that names the language itself (a
/// problem body, worded once for its answer). Values are text, so a number reads exactly as
/// `format!` writes it, never as Fluent would format it.
pub fn said_in<const N: usize>(
    language: Language,
    key: &str,
    values: [(&'static str, String); N],
) -> String {
    let arguments: i18n::Arguments<'_> = values
        .into_iter()
        .map(|(name, value)| (name.into(), FluentValue::from(value)))
        .collect();
    i18n::message(language, key, &arguments).unwrap_or_else(|| key.to_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn outside_a_request_the_language_is_english() {
        assert_eq!(current(), Language::English);
    }

    #[tokio::test]
    async fn a_request_keeps_its_language_even_on_the_blocking_pool() {
        let answered = CURRENT
            .scope(Language::Welsh, async {
                let work = carried(current);
                tokio::task::spawn_blocking(work).await.unwrap()
            })
            .await;
        assert_eq!(answered, Language::Welsh);
        let uncarried = CURRENT
            .scope(Language::Welsh, async {
                tokio::task::spawn_blocking(current).await.unwrap()
            })
            .await;
        assert_eq!(uncarried, Language::English, "what `carried` is for");
    }

    /// Every key the code names with `says`, `says_with` or `said_in` is in both languages'
    /// files, so none shows as its key in front of a reader.
    #[test]
    fn every_message_the_code_names_is_in_both_languages() {
        fn walk(dir: &std::path::Path, found: &mut Vec<(String, String)>) {
            for entry in std::fs::read_dir(dir).unwrap() {
                let path = entry.unwrap().path();
                if path.is_dir() {
                    walk(&path, found);
                } else if path.extension().is_some_and(|e| e == "rs") {
                    let source = std::fs::read_to_string(&path).unwrap();
                    for call in ["says(", "says_with(", "said_in("] {
                        for (at, _) in source.match_indices(call) {
                            // The key is the first argument; `said_in` names a language first.
                            let mut arguments = &source[at + call.len()..];
                            if call == "said_in(" {
                                arguments = arguments.split_once(',').map_or("", |(_, rest)| rest);
                            }
                            let Some(rest) = arguments.trim_start().strip_prefix('"') else {
                                continue;
                            };
                            let key: String = rest
                                .chars()
                                .take_while(|c| c.is_ascii_alphanumeric() || *c == '-')
                                .collect();
                            if !key.is_empty() {
                                found.push((path.display().to_string(), key));
                            }
                        }
                    }
                }
            }
        }
        let mut found = Vec::new();
        walk(
            &std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("src"),
            &mut found,
        );
        assert!(found.len() > 30, "{found:?}");
        for language in Language::ALL {
            // Read from the files, not looked up: a lookup of a Welsh key falls back to English.
            let held = i18n::message_ids(language);
            for (file, key) in &found {
                assert!(
                    held.contains(key),
                    "{file} names {key:?}, which api/locales/{} lacks",
                    language.code()
                );
            }
        }
    }
}
