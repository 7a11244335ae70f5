use std::collections::{HashMap, HashSet};

use serde_json::Value;

use super::expression::reads_as_quantity;
use super::model::{
    Audience, Condition, Expression, FormDefinition, Prefill, Question, QuestionKind,
};

/// The fields of the questions in `raw` (a definition as written) that no question takes. A
/// misspelt `"requried": true` would otherwise be dropped without a word, and the question
/// would be optional: questions cannot refuse unknown fields themselves, as serde cannot combine
/// that with their flattened kind. Each question is read and written back, and any field the
/// writing lacks was not taken.
pub fn unknown_question_fields(raw: &Value) -> Vec<Problem> {
    let mut problems = Vec::new();
    for page in raw["pages"].as_array().into_iter().flatten() {
        for question in page["questions"].as_array().into_iter().flatten() {
            unknown_fields(question, &mut problems);
        }
    }
    problems
}

fn unknown_fields(raw: &Value, problems: &mut Vec<Problem>) {
    let Some(fields) = raw.as_object() else {
        return;
    };
    // A question that does not read at all is reported by the reading of the whole form.
    let Ok(question) = serde_json::from_value::<Question>(raw.clone()) else {
        return;
    };
    let Ok(Value::Object(taken)) = serde_json::to_value(&question) else {
        return;
    };
    for name in fields.keys() {
        // The fields written back only when they hold something.
        if !taken.contains_key(name)
            && !matches!(
                name.as_str(),
                "prefill"
                    | "rules_when"
                    | "messages"
                    | "all_required"
                    | "council_only"
                    | "default"
                    | "checks"
                    | "warnings"
            )
        {
            problems.push(Problem {
                about: Some(question.id.clone()),
                message: format!(
                    "question {:?} has a field {name:?} that no question takes",
                    question.id
                ),
            });
        }
    }
    for inner in fields
        .get("questions")
        .and_then(Value::as_array)
        .into_iter()
        .flatten()
    {
        unknown_fields(inner, problems);
    }
}

/// One thing wrong with a definition, and the page or question it is about (so a checker can
/// point at the line that says it).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    /// The id of the page, question or exit page the problem is about, when there is one.
    pub about: Option<String>,
    pub message: String,
}

impl std::fmt::Display for Problem {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.message)
    }
}

struct Problems(Vec<Problem>);

impl Problems {
    fn add(&mut self, about: &str, message: String) {
        self.0.push(Problem {
            about: Some(about.to_owned()),
            message,
        });
    }

    /// `context` reads `question`, which is not asked before it (or not at all).
    fn not_asked(&mut self, about: &str, context: &str, question: &str) {
        self.add(
            about,
            format!("{context} depends on {question:?}, which is not asked before it"),
        );
    }
}

/// What is wrong with a definition: duplicate ids; conditions or computed values naming
/// questions that do not exist or are asked later (a condition reads only questions asked
/// before it, which is what lets `prune_hidden` settle visibility in one pass); conditions
/// comparing an answer with a value its question can never have (`"Yes"` for a yes/no, an
/// option that is not offered), so they could never hold; exits to pages that do not exist;
/// options without values; number limits the wrong way round; a prefill that does not fit its
/// question; pages that can never be shown; Welsh on some texts but not all. Empty when the
/// definition is well formed.
pub fn check_definition(form: &FormDefinition) -> Vec<Problem> {
    let mut problems = Problems(Vec::new());
    let mut page_ids = HashSet::new();
    let mut asked = Asked::default();
    if !crate::api::is_slug(&form.id) {
        problems.add(
            &form.id,
            format!(
                "form id {:?} must be lower-case words joined by hyphens",
                form.id
            ),
        );
    }
    if form.pages.is_empty() {
        problems.0.push(Problem {
            about: None,
            message: "the form has no pages".into(),
        });
    }
    for page in &form.pages {
        let about = page.id.as_str();
        if !page_ids.insert(about) {
            problems.add(about, format!("page {about:?} appears twice"));
        }
        if page.questions.is_empty() {
            problems.add(about, format!("page {about:?} has no questions"));
        }
        if let Some(condition) = &page.shown_when {
            check_condition(
                condition,
                &asked,
                about,
                &format!("page {about:?}"),
                &mut problems,
            );
            if contradicts_itself(condition) {
                problems.add(about, format!("page {about:?} can never be shown"));
            }
        }
        for question in &page.questions {
            check_question(question, &asked, &mut problems);
            if asked.0.insert(question.id.as_str(), question).is_some() {
                problems.add(
                    &question.id,
                    format!("question {:?} appears twice", question.id),
                );
            }
        }
        for exit in &page.exits {
            let context = format!("the exit of page {about:?}");
            check_condition(&exit.when, &asked, about, &context, &mut problems);
            if !form.exits.iter().any(|e| e.id == exit.to) {
                problems.add(
                    about,
                    format!(
                        "page {about:?} exits to {:?}, which is not an exit page",
                        exit.to
                    ),
                );
            }
        }
    }
    // Everyone linked to a person reads what is sent back on a form the council sent them.
    if form.audience == Audience::Citizen {
        for question in form.questions().filter(|q| q.council_only) {
            problems.add(
                &question.id,
                format!(
                    "question {:?} is for the council's eyes only, but the answers to a form the \
                     council sends are read by everyone linked to the person",
                    question.id
                ),
            );
        }
    }
    // Only a form the council sends a person is filled from a record.
    if form.audience != Audience::Citizen {
        for question in form.questions() {
            if question.prefill.is_some_and(Prefill::is_from_record) {
                problems.add(
                    &question.id,
                    format!(
                        "question {:?} is prefilled from the person's record, which only a \
                         form the council sends (audience citizen) has",
                        question.id
                    ),
                );
            }
        }
    }
    if let Some(person) = &form.person {
        for problem in person.problems(form) {
            problems.0.push(Problem {
                about: None,
                message: problem,
            });
        }
    }
    for at in super::bilingual::untranslated(form) {
        problems.0.push(Problem {
            about: None,
            message: format!(
                "{at} has no Welsh, but other texts do: give every text in both languages or none"
            ),
        });
    }
    let mut exit_ids = HashSet::new();
    for exit in &form.exits {
        if !exit_ids.insert(exit.id.as_str()) {
            problems.add(&exit.id, format!("exit page {:?} appears twice", exit.id));
        }
        if !form
            .pages
            .iter()
            .any(|p| p.exits.iter().any(|e| e.to == exit.id))
        {
            problems.add(
                &exit.id,
                format!("exit page {:?} is never reached", exit.id),
            );
        }
    }
    problems.0
}

/// The questions asked so far, in form order (or in a repeating group's item).
#[derive(Default)]
struct Asked<'a>(HashMap<&'a str, &'a Question>);

fn check_question(question: &Question, asked: &Asked<'_>, problems: &mut Problems) {
    let id = question.id.as_str();
    let name = format!("question {id:?}");
    if !is_identifier(id) {
        problems.add(
            id,
            format!("{name}: ids are lower-case letters, digits and underscores"),
        );
    }
    if let Some(condition) = &question.shown_when {
        if condition.questions().contains(&id) {
            problems.add(id, format!("{name} is shown depending on itself"));
        } else {
            check_condition(condition, asked, id, &name, problems);
        }
    }
    if question.is_worked_out() && !(question.checks.is_empty() && question.warnings.is_empty()) {
        problems.add(
            id,
            format!(
                "{name} is worked out, never answered: put its checks and warnings on what it reads"
            ),
        );
    }
    // A question's checks and warnings read its own answer too.
    let mut with_itself = Asked(asked.0.clone());
    with_itself.0.insert(id, question);
    for rule in &question.checks {
        check_condition(
            &rule.must,
            &with_itself,
            id,
            &format!("a check of {name}"),
            problems,
        );
    }
    for warning in &question.warnings {
        check_condition(
            &warning.when,
            &with_itself,
            id,
            &format!("a warning of {name}"),
            problems,
        );
    }
    if let Some(default) = &question.default {
        check_expression(
            default,
            asked,
            id,
            &format!("the default of {name}"),
            problems,
        );
        let wanted = match question.kind {
            QuestionKind::Date { .. } => Some(Kind::Date),
            QuestionKind::Number { .. } => Some(Kind::Number),
            _ => None,
        };
        match (wanted, kind_of(default, asked)) {
            (None, _) => problems.add(
                id,
                format!("{name} has a default, which only date and number questions take"),
            ),
            (Some(wanted), Some(found)) if wanted != found => problems.add(
                id,
                format!("{name} is a {wanted} question with a default that is a {found}"),
            ),
            _ => {}
        }
    }
    match (&question.prefill, &question.kind) {
        (None, _)
        | (Some(Prefill::AccountName | Prefill::PersonName), QuestionKind::Text { .. })
        | (Some(Prefill::AccountEmail | Prefill::PersonEmail), QuestionKind::Email)
        | (Some(Prefill::PersonDateOfBirth), QuestionKind::Date { .. })
        | (Some(Prefill::PersonAddress), QuestionKind::Address { .. })
        | (Some(Prefill::PersonPhone), QuestionKind::Phone) => {}
        (Some(prefill), _) => problems.add(
            id,
            format!(
                "{name} is prefilled with {}, which does not fit its type",
                match prefill {
                    Prefill::AccountName => "the account's name (text)",
                    Prefill::AccountEmail => "the account's email address (email)",
                    Prefill::PersonName => "the person's name (text)",
                    Prefill::PersonDateOfBirth => "the person's date of birth (date)",
                    Prefill::PersonAddress => "the person's address (address)",
                    Prefill::PersonEmail => "the person's email address (email)",
                    Prefill::PersonPhone => "the person's phone number (phone)",
                }
            ),
        ),
    }
    match &question.kind {
        QuestionKind::Date { rules_when, .. } => {
            for conditional in rules_when {
                check_condition(&conditional.when, asked, id, &name, problems);
            }
        }
        QuestionKind::Radios { options }
        | QuestionKind::Checkboxes { options, .. }
        | QuestionKind::Select { options } => {
            let mut values = HashSet::new();
            if options.is_empty() {
                problems.add(id, format!("{name} has no options"));
            }
            for option in options {
                if option.value.is_empty() || !values.insert(option.value.as_str()) {
                    problems.add(id, format!("{name} has an empty or repeated option value"));
                }
            }
        }
        QuestionKind::Number {
            min: Some(min),
            max: Some(max),
            ..
        } if min > max => {
            problems.add(
                id,
                format!("{name} has a min of {min}, above its max of {max}"),
            );
        }
        QuestionKind::Text { max_length } | QuestionKind::LongText { max_length }
            if *max_length == 0 =>
        {
            problems.add(
                id,
                format!("{name} has a max_length of 0: no answer could fit"),
            );
        }
        QuestionKind::Group {
            questions,
            min,
            max,
            ..
        } => {
            if min > max || *max == 0 {
                problems.add(id, format!("{name} allows between {min} and {max} items"));
            }
            // Inside an item, conditions read the item's earlier answers.
            let mut inner = Asked::default();
            for question in questions {
                if question.council_only {
                    problems.add(
                        id,
                        format!(
                            "{name}: mark the whole group council_only, not {:?} inside it",
                            question.id
                        ),
                    );
                }
                // Worked out values and rules read the form's answers, not an item's: not yet
                // inside a repeating group.
                let uses_rules = question.is_worked_out()
                    || question.default.is_some()
                    || !question.checks.is_empty()
                    || !question.warnings.is_empty()
                    || question.prefill.is_some()
                    || question.shown_when.as_ref().is_some_and(compares);
                if uses_rules {
                    problems.add(
                        id,
                        format!(
                            "{name}: {:?} inside it uses what only questions outside a repeating \
                             group may (a computed value, a default, checks, warnings, a prefill or \
                             a comparison)",
                            question.id
                        ),
                    );
                }
                check_question(question, &inner, problems);
                if inner.0.insert(question.id.as_str(), question).is_some() {
                    problems.add(id, format!("{name} has a repeated question id"));
                }
            }
        }
        QuestionKind::Computed { value } => {
            check_expression(value, asked, id, &name, problems);
        }
        QuestionKind::DatePlusDays { from, days } => {
            for source in [from, days] {
                if !asked.0.contains_key(source.as_str()) {
                    problems.add(
                        id,
                        format!("{name} is computed from {source:?}, which is not asked before it"),
                    );
                }
            }
        }
        _ => {}
    }
}

/// Each question a condition reads must be asked before it, and each value it compares with
/// must be one the question can have.
fn check_condition(
    condition: &Condition,
    asked: &Asked<'_>,
    about: &str,
    context: &str,
    problems: &mut Problems,
) {
    let (question, values): (&str, Vec<&Value>) = match condition {
        Condition::All(all) | Condition::Any(all) => {
            for inner in all {
                check_condition(inner, asked, about, context, problems);
            }
            return;
        }
        Condition::Not(inner) => return check_condition(inner, asked, about, context, problems),
        Condition::Answered { question } => (question, Vec::new()),
        Condition::Equals { question, value } | Condition::Includes { question, value } => {
            (question, vec![value])
        }
        Condition::OneOf { question, values } => (question, values.iter().collect()),
        Condition::Compare { left, right, .. } => {
            check_expression(left, asked, about, context, problems);
            check_expression(right, asked, about, context, problems);
            if let (Some(a), Some(b)) = (kind_of(left, asked), kind_of(right, asked))
                && a != b
            {
                problems.add(
                    about,
                    format!("{context} compares a {a} with a {b}, which never holds"),
                );
            }
            return;
        }
    };
    let Some(target) = asked.0.get(question) else {
        problems.not_asked(about, context, question);
        return;
    };
    if target.is_worked_out() {
        problems.add(
            about,
            format!(
                "{context} reads {question:?}, which is worked out, not answered: compare it with \
                 `compare` and `{{\"answer\": {question:?}}}`"
            ),
        );
        return;
    }
    let includes = matches!(condition, Condition::Includes { .. });
    let is_checkboxes = matches!(target.kind, QuestionKind::Checkboxes { .. });
    if includes != is_checkboxes && !matches!(condition, Condition::Answered { .. }) {
        problems.add(
            about,
            format!(
                "{context} reads {question:?} with {}: use `includes` for checkboxes and \
                 `equals` or `one_of` for any other question",
                if includes {
                    "`includes`"
                } else {
                    "`equals` or `one_of`"
                }
            ),
        );
        return;
    }
    let possible: Option<Vec<&str>> = match &target.kind {
        QuestionKind::YesNo => Some(vec!["yes", "no"]),
        QuestionKind::Radios { options }
        | QuestionKind::Select { options }
        | QuestionKind::Checkboxes { options, .. } => {
            Some(options.iter().map(|o| o.value.as_str()).collect())
        }
        _ => None,
    };
    for value in values {
        let fits = match (&possible, value.as_str()) {
            (Some(possible), Some(text)) => possible.contains(&text),
            (None, Some(_)) => true,
            (_, None) => false,
        };
        if !fits {
            problems.add(
                about,
                format!(
                    "{context} compares {question:?} with {value}, which it can never be{}",
                    possible
                        .as_ref()
                        .map(|p| format!(" (its values are {})", p.join(", ")))
                        .unwrap_or_default()
                ),
            );
        }
    }
}

/// What an expression works out to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    Number,
    Date,
}

impl std::fmt::Display for Kind {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(match self {
            Self::Number => "number",
            Self::Date => "date",
        })
    }
}

/// The kind an expression works out to, when the questions it reads say (`None` for an
/// answer the checker reports anyway).
fn kind_of(expression: &Expression, asked: &Asked<'_>) -> Option<Kind> {
    kind_within(expression, asked, 0)
}

/// `depth` stops a computed question that reads itself (reported as read before it is asked)
/// from being followed for ever.
fn kind_within(expression: &Expression, asked: &Asked<'_>, depth: u8) -> Option<Kind> {
    if depth > 16 {
        return None;
    }
    match expression {
        Expression::Today | Expression::Shift(_) => Some(Kind::Date),
        Expression::Number(_)
        | Expression::Count(_)
        | Expression::Answered(_)
        | Expression::Sum(_)
        | Expression::YearsBetween(_)
        | Expression::DaysBetween(_) => Some(Kind::Number),
        Expression::Answer(id) => match &asked.0.get(id.as_str())?.kind {
            QuestionKind::Date { .. } | QuestionKind::DatePlusDays { .. } => Some(Kind::Date),
            QuestionKind::Number { .. } => Some(Kind::Number),
            QuestionKind::Computed { value } => kind_within(value, asked, depth + 1),
            _ => None,
        },
    }
}

/// Each question an expression reads must be asked before, and be of a kind it can read: a
/// number, date or computed question for `answer`, checkboxes or a group for `count`. Dates are
/// moved and measured, numbers added.
fn check_expression(
    expression: &Expression,
    asked: &Asked<'_>,
    about: &str,
    context: &str,
    problems: &mut Problems,
) {
    let mut need = |inner: &Expression, wanted: Kind, what: &str| {
        check_expression(inner, asked, about, context, problems);
        if kind_of(inner, asked).is_some_and(|k| k != wanted) {
            problems.add(
                about,
                format!("{context} {what} something that is not a {wanted}"),
            );
        }
    };
    match expression {
        Expression::Today | Expression::Number(_) => {}
        Expression::Shift(shift) => need(&shift.from, Kind::Date, "moves"),
        Expression::YearsBetween(between) | Expression::DaysBetween(between) => {
            need(&between.from, Kind::Date, "measures from");
            need(&between.to, Kind::Date, "measures to");
        }
        Expression::Sum(terms) => {
            for term in terms {
                need(term, Kind::Number, "adds up");
            }
        }
        Expression::Answer(id) | Expression::Count(id) => {
            let Some(target) = asked.0.get(id.as_str()) else {
                problems.not_asked(about, context, id);
                return;
            };
            let fits = match expression {
                Expression::Answer(_) => reads_as_quantity(&target.kind),
                _ => matches!(
                    target.kind,
                    QuestionKind::Checkboxes { .. } | QuestionKind::Group { .. }
                ),
            };
            if !fits {
                problems.add(
                    about,
                    format!(
                        "{context} reads {id:?} as {}, which it is not",
                        if matches!(expression, Expression::Answer(_)) {
                            "a number or a date"
                        } else {
                            "checkboxes or a repeating group to count"
                        }
                    ),
                );
            }
        }
        Expression::Answered(ids) => {
            for id in ids {
                if !asked.0.contains_key(id.as_str()) {
                    problems.not_asked(about, context, id);
                }
            }
        }
    }
}

/// Whether a condition compares values anywhere in it.
fn compares(condition: &Condition) -> bool {
    match condition {
        Condition::Compare { .. } => true,
        Condition::All(all) | Condition::Any(all) => all.iter().any(compares),
        Condition::Not(inner) => compares(inner),
        _ => false,
    }
}

/// `All` of `Equals` on one question with two different values can never hold.
fn contradicts_itself(condition: &Condition) -> bool {
    let Condition::All(all) = condition else {
        return false;
    };
    all.iter().any(|a| {
        all.iter().any(|b| match (a, b) {
            (
                Condition::Equals {
                    question: qa,
                    value: va,
                },
                Condition::Equals {
                    question: qb,
                    value: vb,
                },
            ) => qa == qb && va != vb,
            _ => false,
        })
    })
}

fn is_identifier(id: &str) -> bool {
    !id.is_empty()
        && id
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_')
}

#[cfg(test)]
mod tests {
    use serde_json::json;

    use super::*;

    #[test]
    fn a_misspelt_field_of_a_question_is_named_even_inside_a_group() {
        let raw = json!({"pages": [{"id": "p", "title": "P", "questions": [
            {"id": "name", "label": "Name", "type": "text", "requried": true},
            {"id": "dob", "label": "Date of birth", "type": "date", "prefill": null,
             "rules": ["not_in_future"]},
            {"id": "carers", "label": "Carers", "type": "group", "item": "carer", "max": 2,
             "questions": [{"id": "carer_name", "label": "Name", "type": "text", "hnit": "x"}]}
        ]}]});
        assert_eq!(
            unknown_question_fields(&raw)
                .iter()
                .map(ToString::to_string)
                .collect::<Vec<_>>(),
            [
                "question \"name\" has a field \"requried\" that no question takes",
                "question \"carer_name\" has a field \"hnit\" that no question takes",
            ]
        );
    }
}
