//! The words the server writes for people (emails, the pages it sends first, dates, and the
//! API's problems: `problems.ftl`), in English and Welsh, from the Fluent files under
//! `api/locales/<language>/`. They are compiled into the binary; a key that one language has
//! and the other lacks fails `every_key_is_in_both_languages` (which reads every file there),
//! so a Welsh reader never gets English by fallback.

use std::borrow::Cow;
use std::collections::HashMap;
use std::sync::LazyLock;

use chrono::{NaiveDate, NaiveDateTime, Timelike};
use chrono_tz::Europe::London;
use fluent_templates::fluent_bundle::FluentValue;
use fluent_templates::{LanguageIdentifier, Loader, static_loader};
use minijinja::State;
use minijinja::value::{Kwargs, Value};
use shared::language::Language;

static_loader! {
    static LOCALES = {
        locales: "./locales",
        fallback_language: "en",
        // Fluent marks each inserted value with invisible direction marks, which show as
        // stray characters in plain-text email.
        customise: |bundle| bundle.set_use_isolating(false),
    };
}

static IDENTIFIERS: LazyLock<[LanguageIdentifier; 2]> = LazyLock::new(|| {
    Language::ALL.map(|language| {
        language
            .code()
            .parse()
            .unwrap_or_else(|_| LanguageIdentifier::default())
    })
});

fn identifier(language: Language) -> &'static LanguageIdentifier {
    match language {
        Language::English => &IDENTIFIERS[0],
        Language::Welsh => &IDENTIFIERS[1],
    }
}

/// Values a message puts in its placeables, by name.
pub type Arguments<'a> = HashMap<Cow<'static, str>, FluentValue<'a>>;

/// The message `key` in `language` with `arguments`; `None` when no file has the key.
pub fn message(language: Language, key: &str, arguments: &Arguments<'_>) -> Option<String> {
    LOCALES.try_lookup_with_args(identifier(language), key, arguments)
}

/// A message that takes no values. Keys named in code are all in the files (a test renders each),
/// so a missing one shows as its key rather than failing the page or email it is in.
pub fn text(language: Language, key: &str) -> String {
    message(language, key, &Arguments::new()).unwrap_or_else(|| key.to_owned())
}

/// A moment as people in the UK read it, in their clock with its zone: "1 December 2026 at
/// 2:05pm (GMT)", "1 Rhagfyr 2026 am 2:05yh (GMT)". The database and the API keep UTC.
pub fn uk_time(language: Language, at: NaiveDateTime) -> String {
    let local = at.and_utc().with_timezone(&London);
    let (afternoon, hour) = local.hour12();
    let time = format!(
        "{hour}:{:02}{}",
        local.minute(),
        text(language, if afternoon { "afternoon" } else { "morning" })
    );
    let mut arguments = Arguments::new();
    arguments.insert("date".into(), date(language, local.date_naive()).into());
    arguments.insert("time".into(), time.into());
    arguments.insert("zone".into(), local.format("%Z").to_string().into());
    message(language, "date-time", &arguments).unwrap_or_else(|| crate::calendar::uk_time(at))
}

/// A day as people read it: "23 December 2026", "23 Rhagfyr 2026". The months are the form
/// engine's, which the browser shares.
pub fn date(language: Language, day: NaiveDate) -> String {
    shared::forms::long_date_in(day, language)
}

/// `t("key")` in a template (an email, a page): the message `key` in the language the
/// template's `language` value names, with the template's values (and any given as
/// `t("key", name=value)`) for its placeables. A key in no file is an error, so a template
/// that names one fails when first rendered (emails: at start), not in front of a reader.
pub fn template_function(
    state: &State,
    key: &str,
    extra: Kwargs,
) -> Result<String, minijinja::Error> {
    let language = state
        .lookup("language")
        .and_then(|code| code.as_str().and_then(Language::parse))
        .ok_or_else(|| {
            minijinja::Error::new(
                minijinja::ErrorKind::UndefinedError,
                "the template has no language",
            )
        })?;
    let mut arguments = Arguments::new();
    let mut add = |name: &str, value: Value| {
        if let Some(text) = value.as_str() {
            arguments.insert(name.to_owned().into(), text.to_owned().into());
        } else if let Some(number) = value.as_i64() {
            arguments.insert(name.to_owned().into(), number.into());
        }
    };
    for name in state.known_variables() {
        if let Some(value) = state.lookup(&name) {
            add(&name, value);
        }
    }
    for name in extra.args() {
        add(name, extra.get::<Value>(name)?);
    }
    message(language, key, &arguments).ok_or_else(|| {
        minijinja::Error::new(
            minijinja::ErrorKind::UndefinedError,
            format!("no message {key:?} in api/locales/{}", language.code()),
        )
    })
}

/// Each message of `language`'s files (every `.ftl` under `api/locales/<code>/`, as the loader
/// reads them) with the file it is in, read as Fluent parses them: what that language itself
/// holds, without the fallback to English a lookup has.
#[cfg(test)]
pub(crate) fn messages_by_file(language: Language) -> std::collections::BTreeSet<(String, String)> {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("locales")
        .join(language.code());
    let mut found = std::collections::BTreeSet::new();
    for entry in std::fs::read_dir(&dir).unwrap() {
        let path = entry.unwrap().path();
        let source = std::fs::read_to_string(&path).unwrap();
        let resource = fluent_syntax::parser::parse(source.as_str())
            .unwrap_or_else(|(_, errors)| panic!("{}: {errors:?}", path.display()));
        for entry in resource.body {
            if let fluent_syntax::ast::Entry::Message(message) = entry {
                found.insert((
                    path.file_name().unwrap().to_string_lossy().into_owned(),
                    message.id.name.to_owned(),
                ));
            }
        }
    }
    found
}

/// The message keys `language`'s own files hold.
#[cfg(test)]
pub(crate) fn message_ids(language: Language) -> std::collections::BTreeSet<String> {
    messages_by_file(language)
        .into_iter()
        .map(|(_, key)| key)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::BTreeSet;

    /// Each language's message keys, with the file each is in.
    fn keys(language: Language) -> BTreeSet<String> {
        messages_by_file(language)
            .into_iter()
            .map(|(file, key)| format!("{file}: {key}"))
            .collect()
    }

    #[test]
    fn every_key_is_in_both_languages() {
        let english = keys(Language::English);
        let welsh = keys(Language::Welsh);
        assert!(english.len() > 80, "{english:?}");
        let only_english: Vec<_> = english.difference(&welsh).collect();
        let only_welsh: Vec<_> = welsh.difference(&english).collect();
        assert!(
            only_english.is_empty() && only_welsh.is_empty(),
            "in English only: {only_english:?}; in Welsh only: {only_welsh:?}"
        );
    }

    #[test]
    fn a_moment_is_written_in_the_readers_language_and_clock() {
        let winter = NaiveDate::from_ymd_opt(2026, 12, 1)
            .unwrap()
            .and_hms_opt(14, 5, 0)
            .unwrap();
        assert_eq!(
            uk_time(Language::English, winter),
            "1 December 2026 at 2:05pm (GMT)"
        );
        assert_eq!(
            uk_time(Language::Welsh, winter),
            "1 Rhagfyr 2026 am 2:05yh (GMT)"
        );
        // 22:30 UTC in July is 11:30pm in the UK, on the same day.
        let summer = NaiveDate::from_ymd_opt(2026, 7, 3)
            .unwrap()
            .and_hms_opt(22, 30, 0)
            .unwrap();
        assert_eq!(
            uk_time(Language::Welsh, summer),
            "3 Gorffennaf 2026 am 11:30yh (BST)"
        );
        assert_eq!(
            uk_time(Language::English, summer),
            crate::calendar::uk_time(summer)
        );
        assert_eq!(
            date(Language::Welsh, winter.date()),
            "1 Rhagfyr 2026".to_owned()
        );
    }

    #[test]
    fn a_choice_in_a_message_is_made_by_fluent() {
        let mut arguments = Arguments::new();
        arguments.insert("role".into(), "administrator".into());
        arguments.insert("service".into(), "Gofal".into());
        assert_eq!(
            message(Language::Welsh, "staff-invitation-given", &arguments).unwrap(),
            "Mae gweinyddwr wedi rhoi cyfrif gweinyddwr i chi ar Gofal."
        );
        arguments.insert("role".into(), "staff".into());
        assert_eq!(
            message(Language::English, "staff-invitation-given", &arguments).unwrap(),
            "An administrator has given you a staff account on Gofal."
        );
    }
}
