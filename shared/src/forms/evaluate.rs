use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use serde_json::Value;

use super::answers::{Answers, date_answer, is_answered, long_date_in};
use super::expression::{Context, Quantity, describe as describe_quantity, worked_out};
use super::model::{ExitPage, FormDefinition, Page, Question, QuestionKind};
use crate::api::FieldErrors;
use crate::language::Language;

fn at<'a>(form: &'a FormDefinition, answers: &'a Answers, today: NaiveDate) -> Context<'a> {
    Context {
        form,
        answers,
        today,
    }
}

/// The pages shown for these answers, in order, stopping at a page whose answers lead to an
/// exit. Answers to hidden questions count for nothing (see `prune_hidden`). `today` is the
/// UK's date, in the browser as on the server: conditions may compare dates with it.
pub fn visible_pages<'a>(
    form: &'a FormDefinition,
    answers: &Answers,
    today: NaiveDate,
) -> Vec<&'a Page> {
    shown_pages(form, &prune_hidden(form, answers, today), today)
}

/// The pages these answers show, reading every answer as it stands.
fn shown_pages<'a>(form: &'a FormDefinition, answers: &Answers, today: NaiveDate) -> Vec<&'a Page> {
    let at = at(form, answers, today);
    let mut pages = Vec::new();
    for page in &form.pages {
        if page.shown_when.as_ref().is_none_or(|c| c.holds(at)) {
            pages.push(page);
            if page.exits.iter().any(|exit| exit.when.holds(at)) {
                break;
            }
        }
    }
    pages
}

/// The questions of `page` shown for these answers. Pass answers already pruned
/// (`prune_hidden`) when hidden questions may still hold answers.
pub fn visible_questions<'a>(
    form: &FormDefinition,
    page: &'a Page,
    answers: &Answers,
    today: NaiveDate,
) -> Vec<&'a Question> {
    let at = at(form, answers, today);
    page.questions
        .iter()
        .filter(|q| q.shown_when.as_ref().is_none_or(|c| c.holds(at)))
        .collect()
}

/// The exit page these answers lead to, if any.
pub fn exit_page<'a>(
    form: &'a FormDefinition,
    answers: &Answers,
    today: NaiveDate,
) -> Option<&'a ExitPage> {
    let answers = &prune_hidden(form, answers, today);
    let last = shown_pages(form, answers, today).pop()?;
    let rule = last
        .exits
        .iter()
        .find(|exit| exit.when.holds(at(form, answers, today)))?;
    form.exits.iter().find(|e| e.id == rule.to)
}

/// Whether every visible required question has an answer and no exit is reached. Rules are
/// checked by `validate_all`.
pub fn is_complete(form: &FormDefinition, answers: &Answers, today: NaiveDate) -> bool {
    let (answered, required) = count_required(form, answers, today);
    answered == required && exit_page(form, answers, today).is_none()
}

fn count_required(form: &FormDefinition, answers: &Answers, today: NaiveDate) -> (usize, usize) {
    let answers = &prune_hidden(form, answers, today);
    let mut answered = 0;
    let mut required = 0;
    for page in shown_pages(form, answers, today) {
        for question in visible_questions(form, page, answers, today) {
            if question.required && !question.is_worked_out() {
                required += 1;
                if is_answered(answers.get(&question.id)) {
                    answered += 1;
                }
            }
        }
    }
    (answered, required)
}

/// How far along the form is, as the whole percentage of visible required questions
/// answered ("13% complete").
pub fn progress(form: &FormDefinition, answers: &Answers, today: NaiveDate) -> u8 {
    let (answered, required) = count_required(form, answers, today);
    if required == 0 {
        return 100;
    }
    // At most 100 by construction, so the conversion cannot fail.
    u8::try_from(answered * 100 / required).unwrap_or(100)
}

/// The answers to keep on submit: those of visible questions only. An answer given and then
/// hidden by a later change must not reach the council, nor decide anything else: not what is
/// shown, not an exit, not an error. One pass in form order settles it, because a condition
/// reads only questions asked before it (`check_definition` holds definitions to that), so by
/// the time a question's visibility is decided, every answer it reads is already settled.
/// Inside a repeating group, each item's hidden answers go the same way.
pub fn prune_hidden(form: &FormDefinition, answers: &Answers, today: NaiveDate) -> Answers {
    let mut kept = Answers::new();
    for page in &form.pages {
        if !page
            .shown_when
            .as_ref()
            .is_none_or(|c| c.holds(at(form, &kept, today)))
        {
            continue;
        }
        for question in &page.questions {
            if question
                .shown_when
                .as_ref()
                .is_none_or(|c| c.holds(at(form, &kept, today)))
                && let Some(value) = answers.get(&question.id)
            {
                kept.insert(
                    question.id.clone(),
                    prune_items(form, question, value, today),
                );
            }
        }
        // The exit reads only kept answers: a stale answer to a hidden question ends nothing.
        if page
            .exits
            .iter()
            .any(|exit| exit.when.holds(at(form, &kept, today)))
        {
            break;
        }
    }
    kept
}

/// A repeating group's items without the answers their own conditions hide.
fn prune_items(
    form: &FormDefinition,
    question: &Question,
    value: &Value,
    today: NaiveDate,
) -> Value {
    let (QuestionKind::Group { questions, .. }, Some(items)) = (&question.kind, value.as_array())
    else {
        return value.clone();
    };
    let items = items.iter().map(|item| {
        let Some(given) = item.as_object() else {
            return item.clone();
        };
        let mut kept = Answers::new();
        for inner in questions {
            if inner
                .shown_when
                .as_ref()
                .is_none_or(|c| c.holds(at(form, &kept, today)))
                && let Some(value) = given.get(&inner.id)
            {
                kept.insert(inner.id.clone(), value.clone());
            }
        }
        Value::Object(kept.into_iter().collect())
    });
    Value::Array(items.collect())
}

/// The warnings beside each shown, answered question whose `warnings` hold: said, never
/// refused ("A start more than 28 days away may be queried").
pub fn warnings(form: &FormDefinition, answers: &Answers, today: NaiveDate) -> FieldErrors {
    let answers = &prune_hidden(form, answers, today);
    let mut found = FieldErrors::new();
    for page in shown_pages(form, answers, today) {
        for question in visible_questions(form, page, answers, today) {
            if !is_answered(answers.get(&question.id)) {
                continue;
            }
            for warning in &question.warnings {
                if warning.when.holds(at(form, answers, today)) {
                    found
                        .entry(question.id.clone())
                        .or_default()
                        .push(warning.message.english().to_owned());
                }
            }
        }
    }
    found
}

/// The answers `page`'s defaults give its shown questions that have none yet, in the shape
/// each question takes (a date as day, month and year): the wizard fills them in when the page
/// opens, and the person can change them.
pub fn defaults(
    form: &FormDefinition,
    page: &Page,
    answers: &Answers,
    today: NaiveDate,
) -> Vec<(String, Value)> {
    let answers = &prune_hidden(form, answers, today);
    visible_questions(form, page, answers, today)
        .into_iter()
        .filter(|q| !is_answered(answers.get(&q.id)))
        .filter_map(|question| {
            let value = question.default.as_ref()?.value(at(form, answers, today))?;
            let answer = match (&question.kind, value) {
                (QuestionKind::Date { .. }, Quantity::Date(date)) => date_answer(date),
                (QuestionKind::Number { .. }, Quantity::Number(_)) => {
                    Value::String(describe_quantity(value))
                }
                _ => return None,
            };
            Some((question.id.clone(), answer))
        })
        .collect()
}

/// One row of the check-answers page.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct SummaryRow {
    pub page_id: String,
    pub question_id: String,
    pub label: String,
    /// The answer as people read it ("Not answered" when there is none).
    pub answer: String,
    /// Required and not answered: the check-answers page links it to its question.
    pub missing: bool,
    /// The question is for the council's eyes only: staff see the row, the referrer's copy
    /// and clients without `submissions:restricted` do not. Kept with the row, so what was
    /// restricted when the form was answered stays restricted after the form changes.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub council_only: bool,
}

/// Leaves out the answers and rows of questions for the council's eyes only: the referrer's
/// copy, its PDF, and what a client without `submissions:restricted` reads. A row is restricted
/// when it was marked so as it was answered, or when the form as published now marks its
/// question so (which covers answers given before the form said so).
pub fn without_council_only(
    current: Option<&FormDefinition>,
    answers: &mut Answers,
    rows: &mut Vec<SummaryRow>,
) {
    let restricted = |id: &str| {
        current
            .and_then(|form| form.question(id))
            .is_some_and(|q| q.council_only)
    };
    let ids: Vec<String> = rows
        .iter()
        .filter(|r| r.council_only || restricted(&r.question_id))
        .map(|r| r.question_id.clone())
        .chain(answers.keys().filter(|id| restricted(id)).cloned())
        .collect();
    for id in &ids {
        answers.remove(id);
    }
    rows.retain(|r| !ids.contains(&r.question_id));
}

/// The check-answers page: each visible question with its answer in words.
pub fn summary(form: &FormDefinition, answers: &Answers, today: NaiveDate) -> Vec<SummaryRow> {
    summary_in(form, answers, today, Language::English)
}

/// The summary as a reader of `language` reads it (check answers in Welsh): the form's texts
/// in that language, and the words the summary adds ("Not answered", "Yes", a date's month).
pub fn summary_in(
    form: &FormDefinition,
    answers: &Answers,
    today: NaiveDate,
    language: Language,
) -> Vec<SummaryRow> {
    let answers = &prune_hidden(form, answers, today);
    let mut rows = Vec::new();
    for page in shown_pages(form, answers, today) {
        for question in visible_questions(form, page, answers, today) {
            let value = computed_or_given(question, at(form, answers, today));
            let answered = is_answered(value.as_ref());
            rows.push(SummaryRow {
                page_id: page.id.clone(),
                question_id: question.id.clone(),
                label: question.label.in_language(language).to_owned(),
                answer: if answered {
                    describe(question, value.as_ref().unwrap_or(&Value::Null), language)
                } else {
                    words(language).not_answered.into()
                },
                missing: question.required && !answered,
                council_only: question.council_only,
            });
        }
    }
    rows
}

fn computed_or_given(question: &Question, at: Context<'_>) -> Option<Value> {
    if question.is_worked_out() {
        return worked_out(question, at).map(|v| Value::String(describe_quantity(v)));
    }
    at.answers.get(&question.id).cloned()
}

fn describe(question: &Question, value: &Value, language: Language) -> String {
    let label_of = |options: &[super::model::Choice], v: &str| {
        options.iter().find(|o| o.value == v).map_or_else(
            || v.to_owned(),
            |o| o.label.in_language(language).to_owned(),
        )
    };
    let text = |v: &Value| v.as_str().unwrap_or_default().trim().to_owned();
    match &question.kind {
        QuestionKind::YesNo => match value.as_str() {
            Some("yes") => words(language).yes.into(),
            Some("no") => words(language).no.into(),
            _ => text(value),
        },
        QuestionKind::Radios { options } | QuestionKind::Select { options } => {
            label_of(options, &text(value))
        }
        QuestionKind::Checkboxes { options, .. } => value
            .as_array()
            .map(|items| {
                items
                    .iter()
                    .map(|v| label_of(options, &text(v)))
                    .collect::<Vec<_>>()
                    .join(", ")
            })
            .unwrap_or_default(),
        QuestionKind::Date { .. } => match super::answers::parse_date(value) {
            Ok(date) => long_date_in(date, language),
            Err(_) => String::new(),
        },
        QuestionKind::Address { .. } => ["line1", "line2", "town", "postcode"]
            .iter()
            .filter_map(|k| value.get(k).map(text).filter(|t| !t.is_empty()))
            .collect::<Vec<_>>()
            .join(", "),
        // Every item in full, one line each: staff, the PDF and check answers all read this.
        QuestionKind::Group {
            item, questions, ..
        } => value
            .as_array()
            .into_iter()
            .flatten()
            .enumerate()
            .map(|(index, entry)| {
                let parts: Vec<String> = questions
                    .iter()
                    .filter_map(|inner| {
                        let given = entry.get(&inner.id).filter(|v| is_answered(Some(v)))?;
                        Some(format!(
                            "{}: {}",
                            inner.label.in_language(language),
                            describe(inner, given, language)
                        ))
                    })
                    .collect();
                let mut name = item.in_language(language).to_owned();
                if let Some(first) = name.get(..1) {
                    name.replace_range(..1, &first.to_uppercase());
                }
                format!("{name} {}: {}", index + 1, parts.join("; "))
            })
            .collect::<Vec<_>>()
            .join("\n"),
        QuestionKind::File { .. } => value.get("name").map(text).unwrap_or_default(),
        _ => text(value),
    }
}

/// The few words a summary adds to a form's own, in each language the portal speaks.
struct SummaryWords {
    not_answered: &'static str,
    yes: &'static str,
    no: &'static str,
}

fn words(language: Language) -> SummaryWords {
    match language {
        Language::English => SummaryWords {
            not_answered: "Not answered",
            yes: "Yes",
            no: "No",
        },
        Language::Welsh => SummaryWords {
            not_answered: "Heb ei ateb",
            yes: "Ydy",
            no: "Nac ydy",
        },
    }
}
