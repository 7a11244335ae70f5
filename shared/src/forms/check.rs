use std::collections::HashSet;

use serde_json::Value;

use super::model::{Condition, FormDefinition, Question, QuestionKind};

/// The fields of the questions in `raw` (a definition as written) that no question takes. A
/// misspelt `"requried": true` would otherwise be dropped without a word, and the question
/// would be optional: questions cannot refuse unknown fields themselves, as serde cannot combine
/// that with their flattened kind. Each question is read and written back, and any field the
/// writing lacks was not taken.
pub fn unknown_question_fields(raw: &Value) -> Vec<String> {
    let mut problems = Vec::new();
    for page in raw["pages"].as_array().into_iter().flatten() {
        for question in page["questions"].as_array().into_iter().flatten() {
            unknown_fields(question, &mut problems);
        }
    }
    problems
}

fn unknown_fields(raw: &Value, problems: &mut Vec<String>) {
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
        // The two fields written back only when they hold something.
        if !taken.contains_key(name) && !matches!(name.as_str(), "prefill" | "rules_when") {
            problems.push(format!(
                "question {:?} has a field {name:?} that no question takes",
                question.id
            ));
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

/// What is wrong with a definition: duplicate ids, conditions or computed values naming
/// questions that do not exist (or come later), exits to pages that do not exist, options
/// without values, pages that can never be shown. Empty when the definition is well formed.
pub fn check_definition(form: &FormDefinition) -> Vec<String> {
    let mut problems = Vec::new();
    let mut page_ids = HashSet::new();
    let mut seen_questions: HashSet<&str> = HashSet::new();
    if !is_slug(&form.id) {
        problems.push(format!(
            "form id {:?} must be lower-case words joined by hyphens",
            form.id
        ));
    }
    if form.pages.is_empty() {
        problems.push("the form has no pages".into());
    }
    for page in &form.pages {
        if !page_ids.insert(page.id.as_str()) {
            problems.push(format!("page {:?} appears twice", page.id));
        }
        if page.questions.is_empty() {
            problems.push(format!("page {:?} has no questions", page.id));
        }
        // A page's condition may only read answers from earlier pages.
        if let Some(condition) = &page.shown_when {
            check_condition(
                condition,
                &seen_questions,
                &format!("page {:?}", page.id),
                &mut problems,
            );
        }
        for question in &page.questions {
            if !seen_questions.insert(question.id.as_str()) {
                problems.push(format!("question {:?} appears twice", question.id));
            }
        }
        for question in &page.questions {
            check_question(question, &seen_questions, &mut problems);
        }
        for exit in &page.exits {
            check_condition(
                &exit.when,
                &seen_questions,
                &format!("the exit of page {:?}", page.id),
                &mut problems,
            );
            if !form.exits.iter().any(|e| e.id == exit.to) {
                problems.push(format!(
                    "page {:?} exits to {:?}, which is not an exit page",
                    page.id, exit.to
                ));
            }
        }
        if page.shown_when.as_ref().is_some_and(contradicts_itself) {
            problems.push(format!("page {:?} can never be shown", page.id));
        }
    }
    let mut exit_ids = HashSet::new();
    for exit in &form.exits {
        if !exit_ids.insert(exit.id.as_str()) {
            problems.push(format!("exit page {:?} appears twice", exit.id));
        }
        if !form
            .pages
            .iter()
            .any(|p| p.exits.iter().any(|e| e.to == exit.id))
        {
            problems.push(format!("exit page {:?} is never reached", exit.id));
        }
    }
    problems
}

fn check_question(question: &Question, known: &HashSet<&str>, problems: &mut Vec<String>) {
    let name = format!("question {:?}", question.id);
    if !is_identifier(&question.id) {
        problems.push(format!(
            "{name}: ids are lower-case letters, digits and underscores"
        ));
    }
    if let Some(condition) = &question.shown_when {
        if condition.questions().contains(&question.id.as_str()) {
            problems.push(format!("{name} is shown depending on itself"));
        }
        check_condition(condition, known, &name, problems);
    }
    if let QuestionKind::Date { rules_when, .. } = &question.kind {
        for conditional in rules_when {
            check_condition(&conditional.when, known, &name, problems);
        }
    }
    match &question.kind {
        QuestionKind::Radios { options }
        | QuestionKind::Checkboxes { options }
        | QuestionKind::Select { options } => {
            let mut values = HashSet::new();
            if options.is_empty() {
                problems.push(format!("{name} has no options"));
            }
            for option in options {
                if option.value.is_empty() || !values.insert(option.value.as_str()) {
                    problems.push(format!("{name} has an empty or repeated option value"));
                }
            }
        }
        QuestionKind::Group {
            questions,
            min,
            max,
            ..
        } => {
            if min > max || *max == 0 {
                problems.push(format!("{name} allows between {min} and {max} items"));
            }
            let inner: HashSet<&str> = questions.iter().map(|q| q.id.as_str()).collect();
            if inner.len() != questions.len() {
                problems.push(format!("{name} has a repeated question id"));
            }
            for question in questions {
                check_question(question, &inner, problems);
            }
        }
        QuestionKind::DatePlusDays { from, days } => {
            for source in [from, days] {
                if !known.contains(source.as_str()) {
                    problems.push(format!(
                        "{name} is computed from {source:?}, which is not asked before it"
                    ));
                }
            }
        }
        _ => {}
    }
}

fn check_condition(
    condition: &Condition,
    known: &HashSet<&str>,
    context: &str,
    problems: &mut Vec<String>,
) {
    for question in condition.questions() {
        if !known.contains(question) {
            problems.push(format!(
                "{context} depends on {question:?}, which is not asked before it"
            ));
        }
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

fn is_slug(id: &str) -> bool {
    !id.is_empty()
        && id.split('-').all(|w| {
            !w.is_empty()
                && w.chars()
                    .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit())
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
            unknown_question_fields(&raw),
            [
                "question \"name\" has a field \"requried\" that no question takes",
                "question \"carer_name\" has a field \"hnit\" that no question takes",
            ]
        );
    }
}
