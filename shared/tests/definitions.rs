//! Every published form definition loads and is well formed.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::collections::HashSet;
use std::path::PathBuf;

use shared::forms::{FormDefinition, check_definition, unknown_question_fields};

fn today() -> chrono::NaiveDate {
    chrono::NaiveDate::from_ymd_opt(2026, 11, 22).unwrap()
}

fn definitions() -> Vec<(PathBuf, FormDefinition)> {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("forms");
    let mut found: Vec<_> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|entry| entry.unwrap().path())
        .filter(|path| path.extension().is_some_and(|e| e == "json"))
        .collect();
    found.sort();
    found
        .into_iter()
        .map(|path| {
            let text = std::fs::read_to_string(&path).unwrap();
            let form = serde_json::from_str(&text)
                .unwrap_or_else(|e| panic!("{} does not load: {e}", path.display()));
            (path, form)
        })
        .collect()
}

#[test]
fn every_definition_is_well_formed_and_named_after_its_file() {
    let all = definitions();
    assert!(!all.is_empty(), "shared/forms has no definitions");
    let mut ids = HashSet::new();
    for (path, form) in &all {
        assert_eq!(
            check_definition(form)
                .iter()
                .map(ToString::to_string)
                .collect::<Vec<_>>(),
            Vec::<String>::new(),
            "{}",
            path.display()
        );
        let raw: serde_json::Value =
            serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap();
        assert_eq!(
            unknown_question_fields(&raw)
                .iter()
                .map(ToString::to_string)
                .collect::<Vec<_>>(),
            Vec::<String>::new(),
            "{}",
            path.display()
        );
        assert_eq!(
            path.file_stem().unwrap(),
            form.id.as_str(),
            "file name and id differ"
        );
        assert!(form.version >= 1);
        assert!(ids.insert(form.id.clone()), "{} appears twice", form.id);
    }
}

#[test]
fn a_complete_support_enquiry_is_valid_and_at_one_hundred_percent() {
    use serde_json::json;
    use shared::forms::{Answers, is_complete, progress, validate_all};

    let (_, form) = definitions()
        .into_iter()
        .find(|(_, f)| f.id == "support-enquiry")
        .unwrap();
    let answers: Answers = serde_json::from_value(json!({
        "urgent": "no", "safeguarding": "no",
        "referrer_name": "Dr Priya Shah", "referrer_role": "GP", "referrer_organisation": "Marsh Lane Surgery",
        "referrer_phone": "0113 496 0500", "referrer_email": "priya.shah@nhs.example",
        "first_name": "Margaret", "last_name": "Okafor",
        "date_of_birth": {"day": "27", "month": "3", "year": "1941"},
        "nhs_number": "943 476 5919",
        "address": {"line1": "12 Marsh Lane", "town": "Bootle", "postcode": "l20 3nj"},
        "communication_needs": "no", "aware": "yes", "consents": "yes",
        "gp_name": "Dr Shah", "gp_practice": "Marsh Lane Surgery", "health_conditions": "Arthritis; two falls this year.",
        "lives_with": "Alone", "has_carers": "yes",
        "carers": [{"name": "Ade Okafor", "relationship": "Son", "phone": "07700 900456"}],
        "current_services": "no",
        "presenting_needs": "Washing and dressing.", "outcomes": "To stay at home safely."
    }))
    .unwrap();
    let today = chrono::NaiveDate::from_ymd_opt(2026, 11, 22).unwrap();

    let errors = validate_all(&form, &answers, today, &["L20".to_owned()]);

    assert!(errors.is_empty(), "{errors:?}");
    assert!(is_complete(&form, &answers, today));
    assert_eq!(progress(&form, &answers, today), 100);
    let outside = validate_all(&form, &answers, today, &["PR8".to_owned()]);
    assert!(outside["address"][0].contains("not in our area"));
}

#[test]
fn dols_form_1_shows_the_urgent_and_extension_sections_only_when_chosen() {
    use serde_json::json;
    use shared::forms::{Answers, summary, visible_pages};

    let (_, form) = definitions()
        .into_iter()
        .find(|(_, f)| f.id == "dols-form-1")
        .unwrap();
    let pages = |answers: serde_json::Value| -> Vec<String> {
        let answers: Answers = serde_json::from_value(answers).unwrap();
        visible_pages(&form, &answers, today())
            .iter()
            .map(|p| p.id.clone())
            .collect()
    };

    let standard = pages(json!({"request_type": "standard", "wants_extension": "yes"}));
    assert!(!standard.contains(&"urgent".to_owned()));
    assert!(!standard.contains(&"extension".to_owned()));
    let urgent = pages(json!({"request_type": "urgent"}));
    assert!(urgent.contains(&"urgent".to_owned()));
    assert!(!urgent.contains(&"extension".to_owned()));
    assert!(
        pages(json!({"request_type": "urgent", "wants_extension": "yes"}))
            .contains(&"extension".to_owned())
    );

    let answers: Answers = serde_json::from_value(json!({
        "request_type": "urgent", "ua_start": {"day": "20", "month": "11", "year": "2026"}, "ua_days": "7"
    }))
    .unwrap();
    let expiry = summary(&form, &answers, today())
        .into_iter()
        .find(|r| r.question_id == "ua_expiry")
        .unwrap();
    assert_eq!(expiry.answer, "27 November 2026");
}

#[test]
fn with_an_urgent_authorisation_the_standard_one_must_start_within_seven_days() {
    use serde_json::json;
    use shared::forms::{Answers, validate_page};

    let (_, form) = definitions()
        .into_iter()
        .find(|(_, f)| f.id == "dols-form-1")
        .unwrap();
    let today = chrono::NaiveDate::from_ymd_opt(2026, 11, 23).unwrap();
    let errors_for = |request_type: &str, day: &str, month: &str| {
        let answers: Answers = serde_json::from_value(json!({
            "request_type": request_type,
            "sa_start": {"day": day, "month": month, "year": "2026"},
        }))
        .unwrap();
        validate_page(&form, "standard", &answers, today, &[])
            .remove("sa_start")
            .unwrap_or_default()
    };

    // 3 December is 10 days ahead: fine for a standard request alone (28 days)…
    assert!(errors_for("standard", "3", "12").is_empty());
    // …but not when an urgent authorisation was given.
    assert_eq!(
        errors_for("urgent", "3", "12"),
        ["Date the authorisation is needed from must be no more than 7 days from today"]
    );
    assert!(errors_for("urgent", "28", "11").is_empty());
}

#[test]
fn a_welsh_speaker_reads_the_support_enquirys_errors_in_welsh() {
    use shared::forms::{Answers, validate_page_in};
    use shared::language::Language;

    let (_, enquiry) = definitions()
        .into_iter()
        .find(|(_, form)| form.id == "support-enquiry")
        .unwrap();
    let answers: Answers = serde_json::from_value(serde_json::json!({
        "referrer_email": "not an address",
        "referrer_phone": "12345",
        "date_of_birth": {"day": "31", "month": "2", "year": "1940"},
        "address": {"line1": "1 Stryd Fawr", "town": "Bootle", "postcode": "not a postcode"},
    }))
    .unwrap();
    let districts = ["L20".to_owned()];
    let mine = validate_page_in(
        &enquiry,
        "your-details",
        &answers,
        today(),
        &districts,
        Language::Welsh,
    );
    assert_eq!(mine["referrer_role"], ["Rhowch eich rôl"]);
    assert_eq!(
        mine["referrer_email"],
        ["Rhowch gyfeiriad e-bost yn y fformat cywir, fel enw@enghraifft.com"]
    );
    let theirs = validate_page_in(
        &enquiry,
        "person",
        &answers,
        today(),
        &districts,
        Language::Welsh,
    );
    // A phone number's and a postcode's format come from the shared rules, in Welsh too.
    assert_eq!(
        mine["referrer_phone"],
        ["Rhowch rif ffôn yn y DU, yn dechrau gyda 0 neu +44"]
    );
    assert_eq!(theirs["address"], ["Rhowch god post go iawn, fel L20 3NJ"]);
    assert_eq!(
        theirs["date_of_birth"],
        ["Dyddiad geni: rhaid iddo fod yn ddyddiad go iawn: mae 29 diwrnod yn Chwefror 1940"]
    );
    // The same answers in English read as they always have.
    let english = validate_page_in(
        &enquiry,
        "your-details",
        &answers,
        today(),
        &districts,
        Language::English,
    );
    assert_eq!(english["referrer_role"], ["Enter your role"]);
    assert_eq!(
        english["referrer_phone"],
        ["Enter a UK telephone number, starting with 0 or +44"]
    );
}
