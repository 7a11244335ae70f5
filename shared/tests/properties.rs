//! Properties of the form engine over random answers to every published form. The browser
//! and the server run this same code; these show its verdicts agree with each other (a page's
//! errors are the whole form's errors on that page, progress reaches 100% exactly when the
//! required questions are answered), that pruning hidden answers is stable, and that answers to
//! hidden questions never count for anything.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::path::PathBuf;

use chrono::NaiveDate;
use proptest::prelude::*;
use serde_json::{Value, json};
use shared::api::FieldErrors;
use shared::forms::{
    Answers, FormDefinition, QuestionKind, exit_page, is_complete, progress, prune_hidden, summary,
    validate_all, validate_page, visible_pages, visible_questions,
};

/// Every published form, and a form made for these tests with exits on questions that can be
/// hidden, which the published forms do not (yet) have.
fn forms() -> Vec<FormDefinition> {
    let here = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    let mut paths: Vec<_> = std::fs::read_dir(here.join("forms"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "json"))
        .chain([here.join("tests/fixtures/conditional-exits.json")])
        .collect();
    paths.sort();
    paths
        .iter()
        .map(|p| serde_json::from_str(&std::fs::read_to_string(p).unwrap()).unwrap())
        .collect()
}

const TODAY: (i32, u32, u32) = (2026, 11, 23);

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(TODAY.0, TODAY.1, TODAY.2).unwrap()
}

fn districts() -> Vec<String> {
    vec!["L20".into(), "PR8".into()]
}

/// Answers a person might give to a question of this kind: right ones, wrong ones and junk.
fn candidates(kind: &QuestionKind) -> Vec<Value> {
    let junk = [
        json!(""),
        json!("<script>alert(1)</script>"),
        json!(42),
        json!(null),
    ];
    let mut values: Vec<Value> = match kind {
        QuestionKind::YesNo => vec![json!("yes"), json!("no")],
        QuestionKind::Radios { options } | QuestionKind::Select { options } => {
            options.iter().map(|o| json!(o.value)).collect()
        }
        QuestionKind::Checkboxes { options, .. } => vec![
            json!([]),
            json!(
                options
                    .iter()
                    .take(1)
                    .map(|o| o.value.clone())
                    .collect::<Vec<_>>()
            ),
            json!(options.iter().map(|o| o.value.clone()).collect::<Vec<_>>()),
            json!(["not-an-option"]),
        ],
        QuestionKind::Date { .. } => vec![
            json!({"day": "23", "month": "11", "year": "2026"}),
            json!({"day": "1", "month": "12", "year": "2026"}),
            json!({"day": "27", "month": "3", "year": "1941"}),
            json!({"day": "31", "month": "2", "year": "2026"}),
            json!({"day": "", "month": "", "year": ""}),
        ],
        QuestionKind::Time => vec![
            json!("09:30"),
            json!("23:59"),
            json!("zz:99"),
            json!("24:00"),
        ],
        QuestionKind::Number { .. } => vec![json!("7"), json!("85"), json!("2.5"), json!("-1")],
        QuestionKind::Email => vec![json!("priya@nhs.example"), json!("not an email")],
        QuestionKind::Phone => vec![json!("0151 496 0000"), json!("12")],
        QuestionKind::Postcode { .. } => vec![json!("L20 3NJ"), json!("M1 1AA"), json!("nonsense")],
        QuestionKind::Address { .. } => vec![
            json!({"line1": "2 Marsh Lane", "town": "Bootle", "postcode": "L20 3NJ"}),
            json!({"line1": "1 Piccadilly", "town": "Manchester", "postcode": "M1 1AA"}),
            json!({"line1": "", "town": "", "postcode": ""}),
        ],
        QuestionKind::NhsNumber => vec![json!("943 476 5919"), json!("943 476 5918")],
        QuestionKind::File { .. } => vec![
            json!({"id": "0193a7e1", "name": "plan.pdf", "content_type": "application/pdf", "size": 10}),
            json!({"name": "no id"}),
        ],
        QuestionKind::Group { questions, .. } => {
            let item: serde_json::Map<String, Value> = questions
                .iter()
                .filter_map(|q| {
                    candidates(&q.kind)
                        .into_iter()
                        .next()
                        .map(|v| (q.id.clone(), v))
                })
                .collect();
            vec![json!([]), json!([item.clone()]), json!([item.clone(), {}])]
        }
        QuestionKind::Text { .. } | QuestionKind::LongText { .. } => {
            vec![json!("Margaret Jones"), json!("x".repeat(6000))]
        }
        QuestionKind::DatePlusDays { .. } | QuestionKind::Computed { .. } => vec![],
    };
    values.extend(junk);
    values
}

/// Random answers to `form`: each question left out or given one of its candidates.
fn answers_for(form: &FormDefinition) -> impl Strategy<Value = Answers> + use<> {
    let per_question: Vec<_> = form
        .questions()
        .map(|q| {
            let id = q.id.clone();
            let options = candidates(&q.kind);
            (0..=options.len()).prop_map(move |pick| (id.clone(), options.get(pick).cloned()))
        })
        .collect();
    per_question.prop_map(|chosen| {
        chosen
            .into_iter()
            .filter_map(|(id, value)| value.map(|v| (id, v)))
            .collect()
    })
}

/// A form, answers to it, and other answers to the same form to stir into its hidden questions.
fn form_and_two_answers() -> impl Strategy<Value = (FormDefinition, Answers, Answers)> {
    let all = forms();
    (0..all.len()).prop_flat_map(move |i| {
        let form = all[i].clone();
        (answers_for(&form), answers_for(&form))
            .prop_map(move |(answers, other)| (form.clone(), answers, other))
    })
}

fn form_and_answers() -> impl Strategy<Value = (FormDefinition, Answers)> {
    let all = forms();
    (0..all.len()).prop_flat_map(move |i| {
        let form = all[i].clone();
        answers_for(&form).prop_map(move |answers| (form.clone(), answers))
    })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(400))]

    #[test]
    fn each_pages_errors_are_the_forms_errors_on_that_page((form, answers) in form_and_answers()) {
        let whole = validate_all(&form, &answers, today(), &districts());
        let mut by_page = FieldErrors::new();
        for page in visible_pages(&form, &answers, today()) {
            by_page.extend(validate_page(&form, &page.id, &answers, today(), &districts()));
        }
        prop_assert_eq!(whole, by_page);
    }

    #[test]
    fn progress_is_complete_exactly_when_every_shown_required_question_is_answered(
        (form, answers) in form_and_answers()
    ) {
        let percent = progress(&form, &answers, today());
        prop_assert!(percent <= 100);
        let rows = summary(&form, &answers, today());
        let missing = rows.iter().any(|r| r.missing);
        prop_assert_eq!(percent == 100, !missing, "{}% with missing rows: {}", percent, missing);
        prop_assert_eq!(is_complete(&form, &answers, today()), !missing && exit_page(&form, &answers, today()).is_none());
        // A form without errors is complete, unless it ends at an exit page.
        if validate_all(&form, &answers, today(), &districts()).is_empty()
            && exit_page(&form, &answers, today()).is_none()
        {
            prop_assert!(is_complete(&form, &answers, today()));
        }
    }

    #[test]
    fn pruning_hidden_answers_keeps_every_verdict((form, answers) in form_and_answers()) {
        let kept = prune_hidden(&form, &answers, today());
        prop_assert_eq!(&prune_hidden(&form, &kept, today()), &kept, "pruning twice changes nothing");
        prop_assert_eq!(
            validate_all(&form, &kept, today(), &districts()),
            validate_all(&form, &answers, today(), &districts())
        );
        prop_assert_eq!(summary(&form, &kept, today()), summary(&form, &answers, today()));
        prop_assert_eq!(progress(&form, &kept, today()), progress(&form, &answers, today()));
    }

    #[test]
    fn answers_to_hidden_questions_never_count(
        (form, answers, other) in form_and_two_answers()
    ) {
        // Every question these answers hide gets whatever the other answers say instead (an
        // answer, a different one, or none): nothing the person sees may change.
        let kept = prune_hidden(&form, &answers, today());
        let shown: Vec<&str> = visible_pages(&form, &kept, today())
            .into_iter()
            .flat_map(|p| visible_questions(&form, p, &kept, today()))
            .map(|q| q.id.as_str())
            .collect();
        let mut stirred = answers.clone();
        for question in form.questions() {
            if !shown.contains(&question.id.as_str()) {
                match other.get(&question.id) {
                    Some(value) => stirred.insert(question.id.clone(), value.clone()),
                    None => stirred.remove(&question.id),
                };
            }
        }
        prop_assert_eq!(prune_hidden(&form, &stirred, today()), kept);
        let ids = |pages: Vec<&shared::forms::Page>| pages.iter().map(|p| p.id.clone()).collect::<Vec<_>>();
        prop_assert_eq!(ids(visible_pages(&form, &stirred, today())), ids(visible_pages(&form, &answers, today())));
        prop_assert_eq!(
            exit_page(&form, &stirred, today()).map(|e| e.id.clone()),
            exit_page(&form, &answers, today()).map(|e| e.id.clone())
        );
        prop_assert_eq!(
            validate_all(&form, &stirred, today(), &districts()),
            validate_all(&form, &answers, today(), &districts())
        );
        prop_assert_eq!(summary(&form, &stirred, today()), summary(&form, &answers, today()));
        prop_assert_eq!(progress(&form, &stirred, today()), progress(&form, &answers, today()));
        prop_assert_eq!(is_complete(&form, &stirred, today()), is_complete(&form, &answers, today()));
    }

    #[test]
    fn check_answers_lists_each_shown_question_once((form, answers) in form_and_answers()) {
        let kept = prune_hidden(&form, &answers, today());
        let shown: Vec<String> = visible_pages(&form, &answers, today())
            .into_iter()
            .flat_map(|p| visible_questions(&form, p, &kept, today()))
            .map(|q| q.id.clone())
            .collect();
        let listed: Vec<String> = summary(&form, &answers, today()).into_iter().map(|r| r.question_id).collect();
        prop_assert_eq!(listed, shown);
    }
}

#[test]
fn every_form_these_properties_read_is_well_formed() {
    for form in forms() {
        assert!(
            shared::forms::check_definition(&form).is_empty(),
            "{}",
            form.id
        );
    }
}
