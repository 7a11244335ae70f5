//! The form engine against a small form that uses every kind of rule.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use chrono::NaiveDate;
use serde_json::{Value, json};
use shared::forms::{
    Answers, FormDefinition, check_definition, exit_page, is_complete, progress, prune_hidden,
    summary, validate_all, validate_page, visible_pages,
};

fn form() -> FormDefinition {
    serde_json::from_value(json!({
        "id": "test-referral", "version": 1, "title": "Test referral", "audience": "professional",
        "summary": "A form for tests.",
        "before_you_start": [{"paragraph": "Read this first."}],
        "pages": [
            {"id": "gate", "title": "About you",
             "questions": [{"id": "is_professional", "label": "Are you a professional?", "type": "yes_no", "required": true}],
             "exits": [{"when": {"equals": {"question": "is_professional", "value": "no"}}, "to": "not_for_you"}]},
            {"id": "person", "title": "The person",
             "questions": [
                {"id": "name", "label": "Full name", "type": "text", "required": true, "max_length": 10},
                {"id": "dob", "label": "Date of birth", "type": "date", "required": true, "rules": [{"age_at_least": 18}]},
                {"id": "nhs", "label": "NHS number", "type": "nhs_number"},
                {"id": "postcode", "label": "Postcode", "type": "postcode", "required": true, "in_area": true},
                {"id": "has_carer", "label": "Do they have a carer?", "type": "yes_no", "required": true},
                {"id": "carer_name", "label": "Carer's name", "type": "text", "required": true,
                 "shown_when": {"equals": {"question": "has_carer", "value": "yes"}}}
             ]},
            {"id": "urgent", "title": "Urgent authorisation",
             "shown_when": {"equals": {"question": "has_carer", "value": "no"}},
             "questions": [
                {"id": "start", "label": "Start date", "type": "date", "required": true, "rules": ["not_in_past", {"at_most_days_ahead": 28}]},
                {"id": "days", "label": "Days in force", "type": "number", "required": true, "min": 1, "max": 7, "whole": true},
                {"id": "expiry", "label": "Expiry date", "type": "date_plus_days", "from": "start", "days": "days"},
                {"id": "contacts", "label": "Consultees", "type": "group", "item": "consultee", "min": 1, "max": 3,
                 "questions": [
                    {"id": "name", "label": "Name", "type": "text", "required": true},
                    {"id": "phone", "label": "Phone", "type": "phone"}
                 ]}
             ]}
        ],
        "exits": [{"id": "not_for_you", "title": "You cannot use this form", "body": [{"paragraph": "Call us."}]}]
    }))
    .unwrap()
}

fn answers(value: Value) -> Answers {
    serde_json::from_value(value).unwrap()
}

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 22).unwrap()
}

fn districts() -> Vec<String> {
    vec!["L20".into(), "PR8".into()]
}

#[test]
fn the_test_form_is_well_formed() {
    assert_eq!(check_definition(&form()), Vec::<String>::new());
}

#[test]
fn a_gate_answer_leads_to_its_exit_page_and_nothing_after_it() {
    let given = answers(json!({"is_professional": "no"}));
    assert_eq!(exit_page(&form(), &given).unwrap().id, "not_for_you");
    assert_eq!(visible_pages(&form(), &given).len(), 1);
    assert!(!is_complete(&form(), &given));
}

#[test]
fn next_refuses_a_page_with_missing_or_invalid_answers_naming_each_field() {
    let given = answers(json!({
        "is_professional": "yes", "name": "A name far too long",
        "dob": {"day": "31", "month": "2", "year": "1950"},
        "nhs": "943 476 5918", "postcode": "M1 1AA", "has_carer": "yes"
    }));
    let errors = validate_page(&form(), "person", &given, today(), &districts());
    assert_eq!(
        errors.keys().collect::<Vec<_>>(),
        ["carer_name", "dob", "name", "nhs", "postcode"]
    );
    assert_eq!(errors["dob"], ["Date of birth must be a real date"]);
    assert!(errors["postcode"][0].contains("not in our area"));
}

#[test]
fn a_hidden_question_is_neither_required_nor_kept() {
    let given = answers(json!({
        "is_professional": "yes", "name": "Ann", "dob": {"day": "1", "month": "2", "year": "1950"},
        "postcode": "L20 3NJ", "has_carer": "yes", "carer_name": "Bo",
        "start": {"day": "23", "month": "11", "year": "2026"}
    }));
    assert!(validate_all(&form(), &given, today(), &districts()).is_empty());
    assert!(is_complete(&form(), &given));
    // The urgent page is hidden (there is a carer), so its answer is dropped on submit.
    let kept = prune_hidden(&form(), &given);
    assert!(!kept.contains_key("start"));
    assert_eq!(kept.len(), 6);

    let no_carer =
        answers(json!({"is_professional": "yes", "has_carer": "no", "carer_name": "Bo"}));
    assert!(!prune_hidden(&form(), &no_carer).contains_key("carer_name"));
}

#[test]
fn progress_counts_the_visible_required_questions() {
    assert_eq!(progress(&form(), &answers(json!({}))), 0);
    // 2 of 6 required questions visible with a carer: gate, name, dob, postcode, has_carer, carer_name.
    let some = answers(json!({"is_professional": "yes", "has_carer": "yes"}));
    assert_eq!(progress(&form(), &some), 33);
}

#[test]
fn date_rules_and_age_are_checked_against_today() {
    let base = json!({"is_professional": "yes", "name": "Ann", "postcode": "L20 3NJ", "has_carer": "no",
                      "days": "3", "contacts": [{"name": "Cy"}]});
    let with = |extra: Value| {
        let mut all = base.clone();
        all.as_object_mut()
            .unwrap()
            .extend(extra.as_object().unwrap().clone());
        validate_all(&form(), &answers(all), today(), &districts())
    };
    let child = with(
        json!({"dob": {"day": "1", "month": "1", "year": "2015"}, "start": {"day": "22", "month": "11", "year": "2026"}}),
    );
    assert_eq!(
        child["dob"],
        ["Date of birth must show the person is at least 18"]
    );
    let late = with(
        json!({"dob": {"day": "1", "month": "1", "year": "1950"}, "start": {"day": "21", "month": "12", "year": "2026"}}),
    );
    assert_eq!(
        late["start"],
        ["Start date must be no more than 28 days from today"]
    );
    let past = with(
        json!({"dob": {"day": "1", "month": "1", "year": "1950"}, "start": {"day": "21", "month": "11", "year": "2026"}}),
    );
    assert_eq!(past["start"], ["Start date must be today or in the future"]);
    let fine = with(
        json!({"dob": {"day": "1", "month": "1", "year": "1950"}, "start": {"day": "22", "month": "11", "year": "2026"}}),
    );
    assert!(fine.is_empty(), "{fine:?}");
}

#[test]
fn repeating_groups_check_each_item_and_their_count() {
    let given = answers(json!({
        "is_professional": "yes", "has_carer": "no", "start": {"day": "22", "month": "11", "year": "2026"},
        "days": "2.5", "contacts": [{"name": ""}, {"name": "Di", "phone": "12"}]
    }));
    let errors = validate_page(&form(), "urgent", &given, today(), &districts());
    assert_eq!(errors["days"], ["Days in force must be a whole number"]);
    assert_eq!(errors["contacts.0.name"], ["Enter name"]);
    assert!(errors.contains_key("contacts.1.phone"));
    let none = answers(json!({"is_professional": "yes", "has_carer": "no", "contacts": []}));
    assert_eq!(
        validate_page(&form(), "urgent", &none, today(), &districts())["contacts"],
        ["Add at least 1 consultee"]
    );
}

#[test]
fn check_answers_shows_each_answer_in_words_and_marks_what_is_missing() {
    let given = answers(json!({
        "is_professional": "yes", "has_carer": "no",
        "start": {"day": "22", "month": "11", "year": "2026"}, "days": "7",
        "contacts": [{"name": "Cy"}, {"name": "Di"}]
    }));
    let rows = summary(&form(), &given);
    let row = |id: &str| rows.iter().find(|r| r.question_id == id).unwrap();
    assert_eq!(row("is_professional").answer, "Yes");
    assert_eq!(row("start").answer, "22 November 2026");
    assert_eq!(row("expiry").answer, "29 November 2026");
    assert_eq!(row("contacts").answer, "2 consultees");
    assert!(row("name").missing);
    assert_eq!(row("name").answer, "Not answered");
    assert!(rows.iter().all(|r| r.question_id != "carer_name"));
}

#[test]
fn mistakes_in_a_definition_are_found() {
    let mut broken = form();
    broken.pages[1].questions[5].shown_when = Some(
        serde_json::from_value(json!({"equals": {"question": "nobody", "value": "yes"}})).unwrap(),
    );
    broken.pages[0].exits[0].to = "nowhere".into();
    let repeated = broken.pages[2].questions[0].clone();
    broken.pages[2].questions.push(repeated);
    let problems = check_definition(&broken);
    assert!(
        problems.iter().any(|p| p.contains("\"nobody\"")),
        "{problems:?}"
    );
    assert!(
        problems.iter().any(|p| p.contains("\"nowhere\"")),
        "{problems:?}"
    );
    assert!(
        problems
            .iter()
            .any(|p| p.contains("\"start\" appears twice")),
        "{problems:?}"
    );
    assert!(
        problems.iter().any(|p| p.contains("never reached")),
        "{problems:?}"
    );
}
