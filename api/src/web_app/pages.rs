//! Every page of the browser app, as the server first sends it: the council's header, the page's
//! heading and the ways to phone, in GOV.UK styles, before any script runs. The home page, the
//! referral hub and the DoLS page are written here in full (the app shows the same HTML), so
//! that a person without JavaScript, or whose connection drops the wasm, can still read them
//! and phone. Other pages carry their heading and, without JavaScript, a note of what to do
//! instead. A path no page has is answered 404 with "Page not found".

use minijinja::{AutoEscape, Environment, Value, context};
use serde::Serialize;
use shared::api::CouncilView;
use shared::boot::{Boot, Bundle};
use shared::forms::FormDefinition;
use shared::language::Language;

use crate::forms::FormLibrary;
use crate::web_app::assets::Addresses;

/// What the server knows of a page before the app draws it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Page {
    /// Written here in full, from a template of the same name.
    Written(&'static str),
    /// Drawn by the app; the heading, when it does not depend on who is asking.
    Drawn(Option<Heading>),
    NotFound,
}

/// A page's heading: its words are the message `key` of `api/locales/<language>/pages.ftl`,
/// so that the `<title>` and `<h1>` are in the page's language.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Heading {
    pub caption: Option<shared::forms::Text>,
    pub key: &'static str,
}

fn heading(key: &'static str) -> Page {
    Page::Drawn(Some(Heading { caption: None, key }))
}

/// The page at `path`, or `NotFound`. The app's routes (`web/src/routes`) are the same list; a
/// test holds the two together.
pub fn route(path: &str, forms: &FormLibrary) -> Page {
    // `//referrals` is no address the app has: its router would say "Page not found".
    if path.contains("//") {
        return Page::NotFound;
    }
    let segments: Vec<&str> = path.split('/').filter(|s| !s.is_empty()).collect();
    let untitled = Page::Drawn(None);
    let referral_form = |id: &str| referral_form(id, forms);
    match segments.as_slice() {
        [] => Page::Written("home"),
        ["referrals"] => Page::Written("referrals"),
        ["referrals", "dols"] => Page::Written("dols"),
        ["referrals", "request-support"] => Page::Written("request_support"),
        ["sign-in"] => heading("heading-sign-in"),
        ["register"] => heading("heading-register"),
        ["forgotten-password"] => heading("heading-forgotten-password"),
        ["account"] => heading("heading-account"),
        ["account", "name"] => heading("heading-change-name"),
        ["account", "password"] => heading("heading-change-password"),
        ["account", "email"] => heading("heading-change-email"),
        ["signed-out"] => heading("heading-signed-out"),
        ["form-preview"] => heading("heading-form-preview"),
        ["account", "drafts" | "submissions", _] => untitled,
        ["forms", id] => match referral_form(id) {
            Some(form) => Page::Drawn(Some(Heading {
                caption: Some(form.title.clone()),
                key: "heading-before-you-start",
            })),
            None => Page::NotFound,
        },
        ["forms", id, "page" | "exit", _] | ["forms", id, "check-answers" | "save" | "cancel"] => {
            match referral_form(id) {
                Some(_) => untitled,
                None => Page::NotFound,
            }
        }
        ["record"] => heading("heading-care-records"),
        ["record", _]
        | [
            "record",
            _,
            "details" | "involvements" | "messages" | "documents" | "record-views",
        ]
        | ["record", _, "items" | "formats"]
        | ["record", _, "documents", _, "format"]
        | ["record", _, "messages", "new"]
        | ["record", _, "threads" | "items", _]
        | ["record", _, "items", _, "page" | "exit", _]
        | ["record", _, "items", _, "check-answers" | "save"] => untitled,
        ["staff"]
        | [
            "staff",
            "referrals" | "messages" | "people" | "accounts" | "audit",
        ]
        | ["staff", "imports" | "integrations" | "operations"]
        | [
            "staff",
            "referrals" | "messages" | "threads" | "people" | "accounts",
            _,
        ]
        | ["staff", "people", _, "edit" | "access" | "send-form"]
        | ["staff", "people", _, "involvements", "new"]
        | ["staff", "integrations", "webhooks", _] => untitled,
        _ => Page::NotFound,
    }
}

/// The page templates (`api/templates/pages`), compiled into the binary: they are code, not
/// data a council edits.
pub struct Templates {
    environment: Environment<'static>,
}

macro_rules! templates {
    ($env:ident, $($name:literal),*) => {
        $(
            $env.add_template(
                concat!($name, ".html"),
                include_str!(concat!("../../templates/pages/", $name, ".html")),
            )?;
        )*
    };
}

impl Templates {
    pub fn load() -> Result<Self, minijinja::Error> {
        let mut environment = Environment::new();
        environment.set_auto_escape_callback(|_| AutoEscape::Html);
        environment.set_undefined_behavior(minijinja::UndefinedBehavior::Strict);
        // `{{ t("key") }}`: the words of `api/locales/<language>/pages.ftl`.
        environment.add_function("t", crate::i18n::template_function);
        templates!(
            environment,
            "layout",
            "contact",
            "home",
            "referrals",
            "dols",
            "request_support",
            "form_list",
            "drawn",
            "not_found"
        );
        Ok(Self { environment })
    }

    /// The whole page for `path`.
    pub fn render(
        &self,
        page: &Page,
        path: &str,
        language: Language,
        council: &CouncilView,
        forms: &FormLibrary,
        addresses: &Addresses,
    ) -> Result<String, minijinja::Error> {
        let bundle = addresses.bundle(Bundle::serving(path));
        let boot = Boot {
            council: council.clone(),
            bot_check_worker: addresses.bot_check_worker.clone(),
            language,
        };
        let (template, heading) = match page {
            Page::Written(name) => (format!("{name}.html"), None),
            Page::Drawn(heading) => ("drawn.html".to_owned(), heading.as_ref()),
            Page::NotFound => ("not_found.html".to_owned(), None),
        };
        let title = heading.map(|h| crate::i18n::text(language, h.key));
        self.environment.get_template(&template)?.render(context! {
            language => language.code(),
            // The link in the header: the page, in the other language.
            other_language => context! {
                code => language.other().code(),
                name => language.other().own_name(),
            },
            council => council,
            // The council's names as the page's language has them (English when it gave no Welsh).
            council_name => council.name_in(language),
            service_name => council.service_name_in(language),
            // Written by the build (`/pkg/public.0123456789.js`): nothing in them to escape.
            stylesheet => Value::from_safe_string(addresses.stylesheet.clone()),
            bundle => context! {
                start => Value::from_safe_string(bundle.start.clone()),
                glue => Value::from_safe_string(bundle.glue.clone()),
                wasm => Value::from_safe_string(bundle.wasm.clone()),
            },
            boot => Value::from_safe_string(script_json(&boot)),
            form => referral_form_of(path, forms).map(|form| Value::from_safe_string(script_json(form))),
            heading => heading.map(|h| context! {
                caption => h.caption.as_ref().map(|c| c.in_language(language)),
                text => title,
            }),
            title => title,
            // Staff work from wide tables: their pages use the whole window.
            wide => matches!(Bundle::serving(path), Bundle::Staff | Bundle::Admin),
            other_forms => listed(forms, language, |f| f.audience.is_referral() && !TILED.contains(&f.id.as_str())),
            // Referrals citizens may make too, offered on the home page.
            open_to_everyone => listed(forms, language, |f| f.audience == shared::forms::Audience::Anyone),
        })
    }
}

/// The form a page under `/forms/<id>` is about, when professionals may send it.
fn referral_form_of<'a>(path: &str, forms: &'a FormLibrary) -> Option<&'a FormDefinition> {
    referral_form(path.strip_prefix("/forms/")?.split('/').next()?, forms)
}

/// A form professionals may send: the only kind `/forms/<id>` opens.
fn referral_form<'a>(id: &str, forms: &'a FormLibrary) -> Option<&'a FormDefinition> {
    forms.get(id).filter(|f| f.audience.is_referral())
}

/// `value` as JSON safe inside `<script>`: no `<` can close the element early.
fn script_json<T: Serialize>(value: &T) -> String {
    serde_json::to_string(value)
        .unwrap_or_else(|_| "null".to_owned())
        .replace('<', "\\u003c")
}

/// The seed's tiles cover these on the referral hub; any other form for professionals is
/// listed under them, so that a new definition file appears without a code change.
const TILED: [&str; 6] = [
    "social-care-referral",
    "support-enquiry",
    "occupational-therapy-referral",
    "carers-assessment-referral",
    "dols-form-1",
    "dols-form-2",
];

#[derive(Serialize)]
struct Listed<'a> {
    id: &'a str,
    title: &'a str,
    summary: &'a str,
}

/// The forms `keep` picks, as the pages list them.
fn listed(
    forms: &FormLibrary,
    language: Language,
    keep: impl Fn(&FormDefinition) -> bool,
) -> Vec<Listed<'_>> {
    forms
        .all()
        .filter(|f| keep(f))
        .map(|f| Listed {
            id: &f.id,
            title: f.title.in_language(language),
            summary: f.summary.in_language(language),
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use std::path::Path;

    use super::*;

    fn forms() -> FormLibrary {
        let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("..");
        let council = crate::council::Council::load(&root.join("config/council.toml"))
            .expect("the shipped council file loads");
        FormLibrary::load(&root.join("shared/forms"), &council).expect("the shipped forms load")
    }

    /// Every `path!("…")` of one of the app's route files, with its parameters filled in.
    fn app_paths(file: &str) -> Vec<String> {
        let source = std::fs::read_to_string(
            Path::new(env!("CARGO_MANIFEST_DIR"))
                .join("../web/src/routes")
                .join(file),
        )
        .expect("the app's routes");
        source
            .split("path!(\"")
            .skip(1)
            .map(|rest| {
                let pattern = rest.split('"').next().expect("a closing quote");
                pattern
                    .split('/')
                    .map(|segment| match segment {
                        ":form_id" => "social-care-referral",
                        s if s.starts_with(':') => "0190a8c4-0000-7000-8000-000000000000",
                        s => s,
                    })
                    .collect::<Vec<_>>()
                    .join("/")
            })
            .map(|path| {
                if path.is_empty() {
                    "/".to_owned()
                } else {
                    path
                }
            })
            .collect()
    }

    #[test]
    fn every_page_of_the_app_is_a_page_of_the_server_sent_with_its_own_download() {
        let forms = forms();
        for (file, bundle) in [
            ("public.rs", Bundle::Public),
            ("forms.rs", Bundle::Forms),
            ("staff.rs", Bundle::Staff),
            ("admin.rs", Bundle::Admin),
        ] {
            let paths = app_paths(file);
            assert!(paths.len() > 3, "{file} has routes");
            for path in paths {
                assert_ne!(route(&path, &forms), Page::NotFound, "{path} of {file}");
                assert_eq!(Bundle::serving(&path), bundle, "{path} of {file}");
            }
        }
    }

    #[test]
    fn every_heading_the_server_gives_is_written_in_english_and_welsh() {
        let forms = forms();
        let mut headings = 0;
        for file in ["public.rs", "forms.rs", "staff.rs", "admin.rs"] {
            for path in app_paths(file) {
                let Page::Drawn(Some(heading)) = route(&path, &forms) else {
                    continue;
                };
                headings += 1;
                for language in Language::ALL {
                    let words =
                        crate::i18n::message(language, heading.key, &crate::i18n::Arguments::new());
                    assert!(
                        words.is_some(),
                        "{} for {path} in {language:?}",
                        heading.key
                    );
                }
            }
        }
        assert!(headings > 5, "{headings}");
        // The app draws the same words: the English is what it was before Welsh.
        assert_eq!(
            crate::i18n::text(Language::English, "heading-register"),
            "Register a new account"
        );
    }

    #[test]
    fn a_form_page_exists_only_for_a_form_professionals_can_send() {
        let forms = forms();
        assert_ne!(
            route("/forms/dols-form-1/page/anything", &forms),
            Page::NotFound
        );
        assert_eq!(route("/forms/no-such-form", &forms), Page::NotFound);
        assert_eq!(route("//referrals", &forms), Page::NotFound);
        assert_eq!(route("/forms/financial-assessment", &forms), Page::NotFound);
        assert_eq!(
            route("/forms/dols-form-1/elsewhere", &forms),
            Page::NotFound
        );
    }

    #[test]
    fn the_start_data_never_closes_its_script_element() {
        let mut council: CouncilView = serde_json::from_value(serde_json::json!({
            "name": "x", "service_name": "y",
            "phone_numbers": {
                "contact_centre": {"display": "1", "uri": "tel:1"},
                "urgent": {"display": "1", "uri": "tel:1"},
                "records": {"display": "1", "uri": "tel:1"},
                "safeguarding": {"display": "1", "uri": "tel:1"}
            },
            "links": {
                "information": "a", "local_support": "a", "paying_for_care": "a",
                "call_charges": "a", "privacy_notice": "a", "accessibility_statement": "a",
                "advocacy": "a"
            },
            "postcode_districts": [], "message_types": []
        }))
        .expect("a council");
        council.name = "</script><script>alert(1)</script>".into();
        let json = script_json(&Boot {
            council,
            bot_check_worker: "/w.js".into(),
            language: Language::Welsh,
        });
        assert!(!json.contains('<'));
        let back: Boot = serde_json::from_str(&json).expect("still JSON");
        assert_eq!(back.council.name, "</script><script>alert(1)</script>");
    }
}
