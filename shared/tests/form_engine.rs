//! The form engine against a small form that uses every kind of rule.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use chrono::NaiveDate;
use serde_json::{Value, json};
use shared::forms::{
    Answers, FormDefinition, check_definition, defaults, exit_page, is_complete, progress,
    prune_hidden, summary, validate_all, validate_page, visible_pages, warnings,
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
    assert_eq!(check_definition(&form()), Vec::new());
}

#[test]
fn a_gate_answer_leads_to_its_exit_page_and_nothing_after_it() {
    let given = answers(json!({"is_professional": "no"}));
    assert_eq!(
        exit_page(&form(), &given, today()).unwrap().id,
        "not_for_you"
    );
    assert_eq!(visible_pages(&form(), &given, today()).len(), 1);
    assert!(!is_complete(&form(), &given, today()));
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
    assert_eq!(
        errors["dob"],
        ["Date of birth must be a real date: February 1950 has 28 days"]
    );
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
    assert!(is_complete(&form(), &given, today()));
    // The urgent page is hidden (there is a carer), so its answer is dropped on submit.
    let kept = prune_hidden(&form(), &given, today());
    assert!(!kept.contains_key("start"));
    assert_eq!(kept.len(), 6);

    let no_carer =
        answers(json!({"is_professional": "yes", "has_carer": "no", "carer_name": "Bo"}));
    assert!(!prune_hidden(&form(), &no_carer, today()).contains_key("carer_name"));
}

#[test]
fn progress_counts_the_visible_required_questions() {
    assert_eq!(progress(&form(), &answers(json!({})), today()), 0);
    // 2 of 6 required questions visible with a carer: gate, name, dob, postcode, has_carer, carer_name.
    let some = answers(json!({"is_professional": "yes", "has_carer": "yes"}));
    assert_eq!(progress(&form(), &some, today()), 33);
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
        "contacts": [{"name": "Cy"}, {"name": "Di", "phone": "0151 496 0000"}]
    }));
    let rows = summary(&form(), &given, today());
    let row = |id: &str| rows.iter().find(|r| r.question_id == id).unwrap();
    assert_eq!(row("is_professional").answer, "Yes");
    assert_eq!(row("start").answer, "22 November 2026");
    assert_eq!(row("expiry").answer, "29 November 2026");
    assert_eq!(
        row("contacts").answer,
        "Consultee 1: Name: Cy\nConsultee 2: Name: Di; Phone: 0151 496 0000"
    );
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
    let problems: Vec<String> = check_definition(&broken)
        .iter()
        .map(ToString::to_string)
        .collect();
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

/// The trap: a question that exits on "no" is answered, then hidden by changing an
/// earlier answer. Its stale "no" must not end the form nor drop the later pages' answers.
#[test]
fn a_hidden_answer_that_once_led_to_an_exit_decides_nothing() {
    let form: FormDefinition = serde_json::from_value(json!({
        "id": "trap", "version": 1, "title": "Trap", "audience": "professional", "summary": "s",
        "before_you_start": [],
        "pages": [
            {"id": "first", "title": "First", "questions": [
                {"id": "kind", "label": "Kind", "type": "radios", "required": true,
                 "options": [{"value": "x", "label": "X"}, {"value": "y", "label": "Y"}]}]},
            {"id": "second", "title": "Second", "questions": [
                {"id": "consent", "label": "Do they agree?", "type": "yes_no", "required": true,
                 "shown_when": {"equals": {"question": "kind", "value": "x"}}},
                {"id": "note", "label": "Note", "type": "text"}],
             "exits": [{"when": {"equals": {"question": "consent", "value": "no"}}, "to": "stop"}]},
            {"id": "third", "title": "Third", "questions": [
                {"id": "name", "label": "Full name", "type": "text", "required": true}]}
        ],
        "exits": [{"id": "stop", "title": "Stop", "body": []}]
    }))
    .unwrap();
    assert!(check_definition(&form).is_empty());
    let changed_course = answers(json!({"kind": "y", "consent": "no", "name": "Margaret Jones"}));
    assert_eq!(exit_page(&form, &changed_course, today()), None);
    assert_eq!(
        prune_hidden(&form, &changed_course, today()),
        answers(json!({"kind": "y", "name": "Margaret Jones"}))
    );
    assert!(validate_page(&form, "third", &changed_course, today(), &districts()).is_empty());
    assert!(validate_all(&form, &changed_course, today(), &districts()).is_empty());
    assert!(is_complete(&form, &changed_course, today()));
    assert_eq!(progress(&form, &changed_course, today()), 100);
    assert_eq!(
        visible_pages(&form, &changed_course, today())
            .iter()
            .map(|p| p.id.as_str())
            .collect::<Vec<_>>(),
        ["first", "second", "third"]
    );
    // Shown, the same "no" does end the form.
    let still_x = answers(json!({"kind": "x", "consent": "no", "name": "Margaret Jones"}));
    assert_eq!(
        exit_page(&form, &still_x, today()).map(|e| e.id.as_str()),
        Some("stop")
    );
}

fn problems_of(definition: Value) -> Vec<String> {
    let form: FormDefinition = serde_json::from_value(definition).unwrap();
    check_definition(&form)
        .iter()
        .map(ToString::to_string)
        .collect()
}

fn one_page(questions: Value) -> Value {
    json!({"id": "mistakes", "version": 1, "title": "Mistakes", "audience": "professional",
           "summary": "s", "before_you_start": [],
           "pages": [{"id": "only", "title": "Only", "questions": questions}]})
}

#[test]
fn the_checker_refuses_conditions_that_could_never_hold() {
    let problems = problems_of(one_page(json!([
        {"id": "agrees", "label": "Do they agree?", "type": "yes_no"},
        {"id": "needs", "label": "Needs", "type": "checkboxes",
         "options": [{"value": "meals", "label": "Meals"}]},
        {"id": "kind", "label": "Kind", "type": "radios", "options": [{"value": "home", "label": "Home"}]},
        {"id": "a", "label": "A", "type": "text", "shown_when": {"equals": {"question": "agrees", "value": "Yes"}}},
        {"id": "b", "label": "B", "type": "text", "shown_when": {"equals": {"question": "agrees", "value": false}}},
        {"id": "c", "label": "C", "type": "text", "shown_when": {"one_of": {"question": "kind", "values": ["hmoe"]}}},
        {"id": "d", "label": "D", "type": "text", "shown_when": {"includes": {"question": "needs", "value": "mails"}}},
        {"id": "e", "label": "E", "type": "text", "shown_when": {"equals": {"question": "needs", "value": "meals"}}},
        {"id": "f", "label": "F", "type": "text", "shown_when": {"answered": {"question": "later"}}},
        {"id": "later", "label": "Later", "type": "text"}
    ])));
    for expected in [
        "question \"a\" compares \"agrees\" with \"Yes\", which it can never be (its values are yes, no)",
        "question \"b\" compares \"agrees\" with false, which it can never be (its values are yes, no)",
        "question \"c\" compares \"kind\" with \"hmoe\", which it can never be (its values are home)",
        "question \"d\" compares \"needs\" with \"mails\", which it can never be (its values are meals)",
        "question \"f\" depends on \"later\", which is not asked before it",
    ] {
        assert!(
            problems.iter().any(|p| p == expected),
            "{expected}\n in {problems:#?}"
        );
    }
    assert!(
        problems
            .iter()
            .any(|p| p.starts_with("question \"e\" reads \"needs\" with `equals`")),
        "{problems:#?}"
    );
    assert_eq!(problems.len(), 6, "{problems:#?}");
}

#[test]
fn the_checker_refuses_limits_the_wrong_way_round_and_prefills_that_do_not_fit() {
    let problems = problems_of(one_page(json!([
        {"id": "age", "label": "Age", "type": "number", "min": 120, "max": 18},
        {"id": "email", "label": "Email", "type": "text", "prefill": "account_email"},
        {"id": "name", "label": "Name", "type": "email", "prefill": "account_name"},
        {"id": "fine_name", "label": "Name", "type": "text", "prefill": "account_name"}
    ])));
    assert_eq!(
        problems,
        [
            "question \"age\" has a min of 120, above its max of 18",
            "question \"email\" is prefilled with the account's email address (email), which does not fit its type",
            "question \"name\" is prefilled with the account's name (text), which does not fit its type",
        ]
    );
}

#[test]
fn times_must_be_real_times_on_the_24_hour_clock() {
    let form: FormDefinition = serde_json::from_value(one_page(json!([
        {"id": "start_time", "label": "Start time", "type": "time", "required": true}
    ])))
    .unwrap();
    let error = |time: &str| {
        validate_all(
            &form,
            &answers(json!({"start_time": time})),
            today(),
            &districts(),
        )
        .get("start_time")
        .cloned()
    };
    for good in ["09:30", "9:30", "00:00", "23:59", "14.05"] {
        assert_eq!(error(good), None, "{good}");
    }
    for bad in ["zz:99", "24:00", "12:60", "1230", "9:5", "12:300", "-1:30"] {
        assert_eq!(
            error(bad),
            Some(vec![
                "Start time must be a real time on the 24-hour clock, like 09:30 or 14:05".into()
            ]),
            "{bad}"
        );
    }
    assert_eq!(error(""), Some(vec!["Enter start time".into()]));
}

#[test]
fn statements_that_must_all_apply_are_refused_until_every_box_is_ticked() {
    let form: FormDefinition = serde_json::from_value(one_page(json!([
        {"id": "criteria", "label": "Criteria", "type": "checkboxes", "required": true,
         "all_required": true,
         "messages": {"invalid": "Select all 3 criteria: an urgent authorisation needs every one"},
         "options": [{"value": "a", "label": "A"}, {"value": "b", "label": "B"}, {"value": "c", "label": "C"}]}
    ])))
    .unwrap();
    let errors = |chosen: Value| {
        validate_all(
            &form,
            &answers(json!({"criteria": chosen})),
            today(),
            &districts(),
        )
    };
    assert_eq!(
        errors(json!(["a"]))["criteria"],
        ["Select all 3 criteria: an urgent authorisation needs every one"]
    );
    assert!(errors(json!(["c", "a", "b"])).is_empty());
}

#[test]
fn generated_messages_read_well_and_a_definitions_own_messages_win() {
    let form: FormDefinition = serde_json::from_value(one_page(json!([
        {"id": "help", "label": "What does the person need help with?", "type": "long_text", "required": true},
        {"id": "gp_name", "label": "GP's name", "type": "text", "required": true},
        {"id": "nhs", "label": "NHS number", "type": "text", "required": true},
        {"id": "age", "label": "Their age, as best you know it", "type": "number", "min": 18, "max": 120},
        {"id": "weeks", "label": "Weeks", "type": "number", "min": 1, "max": 52,
         "messages": {"range": "Weeks must be from 1 to 52, a year at most"}},
        {"id": "dob", "label": "Date of birth", "type": "date", "required": true,
         "messages": {"required": "Enter the person's date of birth"}}
    ])))
    .unwrap();
    let errors = validate_all(
        &form,
        &answers(json!({"age": "12", "weeks": "60"})),
        today(),
        &districts(),
    );
    assert_eq!(
        errors["help"],
        ["Enter an answer to \u{2018}What does the person need help with?\u{2019}"]
    );
    assert_eq!(errors["gp_name"], ["Enter GP's name"]);
    assert_eq!(errors["nhs"], ["Enter NHS number"]);
    assert_eq!(errors["age"], ["The answer must be between 18 and 120"]);
    assert_eq!(
        errors["weeks"],
        ["Weeks must be from 1 to 52, a year at most"]
    );
    assert_eq!(errors["dob"], ["Enter the person's date of birth"]);
    let month = validate_all(
        &form,
        &answers(json!({"dob": {"day": "1", "month": "13", "year": "1950"}})),
        today(),
        &districts(),
    );
    assert_eq!(
        month["dob"],
        ["Date of birth must be a real date: the month must be from 1 to 12"]
    );
}

/// DoLS Form 2's dates: the further authorisation starts, by default, the day after the current
/// one ends; it must start after it; and a start more than 28 days away is worth a word, not a
/// refusal. An age worked out from a date of birth gates a question.
fn dated() -> FormDefinition {
    serde_json::from_value(json!({
        "id": "dated", "version": 1, "title": "Dated", "audience": "professional", "summary": "s",
        "before_you_start": [],
        "pages": [
            {"id": "person", "title": "Person", "questions": [
                {"id": "dob", "label": "Date of birth", "type": "date", "required": true},
                {"id": "age", "label": "Age", "type": "computed",
                 "value": {"years_between": {"from": {"answer": "dob"}, "to": "today"}}},
                {"id": "pension", "label": "Do they get a State Pension?", "type": "yes_no", "required": true,
                 "shown_when": {"compare": {"left": {"answer": "age"}, "is": "at_least", "right": {"number": 66}}}}
            ]},
            {"id": "dates", "title": "Dates", "questions": [
                {"id": "current_end", "label": "Current end", "type": "date", "required": true},
                {"id": "further_start", "label": "Further start", "type": "date", "required": true,
                 "default": {"shift": {"from": {"answer": "current_end"}, "days": 1}},
                 "checks": [{"must": {"compare": {"left": {"answer": "further_start"}, "is": "after",
                             "right": {"answer": "current_end"}}},
                             "message": "The further authorisation must start after the current one ends"}],
                 "warnings": [{"when": {"compare": {"left": {"answer": "further_start"}, "is": "after",
                               "right": {"shift": {"from": "today", "days": 28}}}},
                               "message": "More than 28 days away: we may query it"}]}
            ]}
        ]
    }))
    .unwrap()
}

fn date(day: u32, month: u32, year: i32) -> Value {
    json!({"day": day.to_string(), "month": month.to_string(), "year": year.to_string()})
}

#[test]
fn an_age_worked_out_from_a_date_of_birth_shows_a_question_and_is_listed() {
    let form = dated();
    assert!(
        check_definition(&form).is_empty(),
        "{:?}",
        check_definition(&form)
    );
    let young = answers(json!({"dob": date(1, 1, 1970), "pension": "yes"}));
    let old = answers(json!({"dob": date(22, 11, 1960), "pension": "yes"}));
    assert!(!prune_hidden(&form, &young, today()).contains_key("pension"));
    assert_eq!(prune_hidden(&form, &old, today())["pension"], "yes");
    let age = |given: &Answers| {
        summary(&form, given, today())
            .into_iter()
            .find(|r| r.question_id == "age")
            .unwrap()
            .answer
    };
    assert_eq!(age(&old), "66");
    assert_eq!(age(&young), "56");
    assert_eq!(age(&Answers::new()), "Not answered");
}

#[test]
fn a_default_from_an_earlier_answer_a_check_against_it_and_a_warning_that_does_not_refuse() {
    let form = dated();
    let dates = form.page("dates").unwrap();
    let given = answers(json!({"dob": date(1, 1, 1970), "current_end": date(31, 12, 2026)}));
    assert_eq!(
        defaults(&form, dates, &given, today()),
        [("further_start".to_owned(), date(1, 1, 2027))]
    );
    let mut answered = given.clone();
    answered.insert("further_start".into(), date(5, 1, 2027));
    assert!(
        defaults(&form, dates, &answered, today()).is_empty(),
        "an answer is kept"
    );

    // Over 28 days from 22 November: a warning, and no error.
    assert!(validate_page(&form, "dates", &answered, today(), &districts()).is_empty());
    assert_eq!(
        warnings(&form, &answered, today())["further_start"],
        ["More than 28 days away: we may query it"]
    );
    answered.insert("further_start".into(), date(30, 12, 2026));
    assert_eq!(
        validate_page(&form, "dates", &answered, today(), &districts())["further_start"],
        ["The further authorisation must start after the current one ends"]
    );
    let soon = answers(
        json!({"dob": date(1, 1, 1970), "current_end": date(1, 12, 2026),
                             "further_start": date(2, 12, 2026)}),
    );
    assert!(warnings(&form, &soon, today()).is_empty());
    assert!(validate_all(&form, &soon, today(), &districts()).is_empty());
}

#[test]
fn the_checker_refuses_expressions_that_read_the_wrong_kind_of_question_or_compare_apples_with_dates()
 {
    let problems = problems_of(one_page(json!([
        {"id": "name", "label": "Name", "type": "text"},
        {"id": "dob", "label": "Date of birth", "type": "date"},
        {"id": "a", "label": "A", "type": "computed", "value": {"years_between": {"from": {"answer": "name"}, "to": "today"}}},
        {"id": "b", "label": "B", "type": "text",
         "shown_when": {"compare": {"left": {"answer": "dob"}, "is": "after", "right": {"number": 3}}}},
        {"id": "c", "label": "C", "type": "text",
         "shown_when": {"compare": {"left": {"count": "dob"}, "is": "at_least", "right": {"number": 1}}}},
        {"id": "d", "label": "D", "type": "number", "default": "today"},
        {"id": "e", "label": "E", "type": "date", "default": {"answer": "later"}},
        {"id": "later", "label": "Later", "type": "date"}
    ])));
    for expected in [
        "question \"a\" reads \"name\" as a number or a date, which it is not",
        "question \"b\" compares a date with a number, which never holds",
        "question \"c\" reads \"dob\" as checkboxes or a repeating group to count, which it is not",
        "question \"d\" is a number question with a default that is a date",
        "the default of question \"e\" depends on \"later\", which is not asked before it",
    ] {
        assert!(
            problems.iter().any(|p| p == expected),
            "{expected}\n in {problems:#?}"
        );
    }
}

#[test]
fn a_computed_question_that_reads_itself_is_refused_without_hanging_the_checker() {
    let problems = problems_of(one_page(json!([
        {"id": "a", "label": "A", "type": "computed", "value": {"sum": [{"answer": "a"}, {"number": 1}]}},
        {"id": "b", "label": "B", "type": "number", "default": {"answer": "a"}}
    ])));
    assert!(
        problems
            .contains(&"question \"a\" depends on \"a\", which is not asked before it".to_owned()),
        "{problems:#?}"
    );
}

#[test]
fn a_number_of_days_too_large_for_any_date_is_no_date_and_no_panic() {
    let form = form();
    let given = answers(json!({
        "is_professional": "yes", "has_carer": "no",
        "start": {"day": "22", "month": "11", "year": "2026"}, "days": "999999999999999"
    }));
    let expiry = summary(&form, &given, today())
        .into_iter()
        .find(|r| r.question_id == "expiry")
        .unwrap();
    assert_eq!(expiry.answer, "Not answered");
}

#[test]
fn a_hidden_computed_value_counts_for_nothing() {
    let form: FormDefinition = serde_json::from_value(one_page(json!([
        {"id": "known", "label": "Is the date of birth known?", "type": "yes_no"},
        {"id": "dob", "label": "Date of birth", "type": "date"},
        {"id": "age", "label": "Age", "type": "computed",
         "shown_when": {"equals": {"question": "known", "value": "yes"}},
         "value": {"years_between": {"from": {"answer": "dob"}, "to": "today"}}},
        {"id": "older", "label": "Older", "type": "text",
         "shown_when": {"compare": {"left": {"answer": "age"}, "is": "at_least", "right": {"number": 65}}}}
    ])))
    .unwrap();
    assert!(
        check_definition(&form).is_empty(),
        "{:?}",
        check_definition(&form)
    );
    let shown = answers(json!({"known": "yes", "dob": date(1, 1, 1940), "older": "x"}));
    assert_eq!(prune_hidden(&form, &shown, today())["older"], "x");
    let hidden = answers(json!({"known": "no", "dob": date(1, 1, 1940), "older": "x"}));
    assert!(!prune_hidden(&form, &hidden, today()).contains_key("older"));
}

#[test]
fn rules_inside_a_repeating_group_and_secrets_in_a_citizens_form_are_refused() {
    let problems = problems_of(one_page(json!([
        {"id": "people", "label": "People", "type": "group", "item": "person", "max": 3, "questions": [
            {"id": "dob", "label": "Date of birth", "type": "date"},
            {"id": "age", "label": "Age", "type": "computed",
             "value": {"years_between": {"from": {"answer": "dob"}, "to": "today"}}}
        ]}
    ])));
    assert!(
        problems
            .iter()
            .any(|p| p.starts_with("question \"people\": \"age\" inside it uses")),
        "{problems:#?}"
    );
    let mut citizens = one_page(json!([
        {"id": "code", "label": "Key safe code", "type": "text", "council_only": true}
    ]));
    citizens["audience"] = json!("citizen");
    assert!(
        problems_of(citizens)
            .iter()
            .any(|p| p.contains("read by everyone linked to the person")),
    );
}
