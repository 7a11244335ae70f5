//! Whether each answer has the form of JSON its question takes: text for a text question, a
//! list of choices for checkboxes, day/month/year for a date. A draft may hold answers that are
//! still wrong (a date of 31 February), but never answers of the wrong kind, which no page
//! could show or correct; they are refused when saved, naming the answer.

use serde_json::Value;

use super::answers::Answers;
use super::model::{FormDefinition, Question, QuestionKind};
use crate::api::FieldErrors;

/// The answers whose shape their question does not take, and the answers to questions the
/// form (or a repeating group of it) does not ask, each named `answers.<id>` (inside a group,
/// `answers.<group>.<index>.<id>`).
pub fn shape_errors(form: &FormDefinition, answers: &Answers) -> FieldErrors {
    let mut errors = FieldErrors::new();
    check_each(
        answers,
        |id| form.question(id),
        "answers",
        |id| format!("{} has no question {id:?}", form.title),
        &mut errors,
    );
    errors
}

/// Checks each answer against the question `find` gives for its id, naming it
/// `<prefix>.<id>`; `unknown` says what to write of an id no question has.
fn check_each<'a, 'q>(
    answers: impl IntoIterator<Item = (&'a String, &'a Value)>,
    find: impl Fn(&str) -> Option<&'q Question>,
    prefix: &str,
    unknown: impl Fn(&str) -> String,
    errors: &mut FieldErrors,
) {
    for (id, value) in answers {
        let key = format!("{prefix}.{id}");
        match find(id) {
            None => add(errors, key, unknown(id)),
            Some(question) => check(question, value, &key, errors),
        }
    }
}

fn add(errors: &mut FieldErrors, key: String, message: String) {
    errors.entry(key).or_default().push(message);
}

fn check(question: &Question, value: &Value, key: &str, errors: &mut FieldErrors) {
    if value.is_null() {
        return;
    }
    let label = &question.label;
    let problem = match &question.kind {
        QuestionKind::Text { .. }
        | QuestionKind::LongText { .. }
        | QuestionKind::Number { .. }
        | QuestionKind::YesNo
        | QuestionKind::Radios { .. }
        | QuestionKind::Select { .. }
        | QuestionKind::Email
        | QuestionKind::Phone
        | QuestionKind::Time
        | QuestionKind::Postcode { .. }
        | QuestionKind::NhsNumber => {
            (!value.is_string()).then(|| format!("{label}: send the answer as text"))
        }
        QuestionKind::Checkboxes { .. } => {
            let strings = value
                .as_array()
                .is_some_and(|items| items.iter().all(Value::is_string));
            (!strings).then(|| format!("{label}: send the choices as a list of text"))
        }
        QuestionKind::Date { .. } => parts(value, &["day", "month", "year"], true)
            .then(|| format!("{label}: send the date as day, month and year")),
        QuestionKind::Address { .. } => {
            parts(value, &["line1", "line2", "town", "postcode"], false)
                .then(|| format!("{label}: send the address as line1, line2, town and postcode"))
        }
        QuestionKind::File { .. } => {
            let wrong = value.as_object().is_none_or(|fields| {
                !fields.get("id").is_some_and(Value::is_string)
                    || fields
                        .keys()
                        .any(|k| !["id", "name", "content_type", "size"].contains(&k.as_str()))
            });
            wrong.then(|| format!("{label}: send the upload's id, name, content_type and size"))
        }
        QuestionKind::Group {
            questions,
            max,
            item,
            ..
        } => match value.as_array() {
            None => Some(format!("{label}: send a list of {item}s")),
            Some(entries) if entries.len() > *max => {
                Some(format!("You can add up to {max} {item}s"))
            }
            Some(entries) => {
                for (index, entry) in entries.iter().enumerate() {
                    let entry_key = format!("{key}.{index}");
                    let Some(fields) = entry.as_object() else {
                        add(
                            errors,
                            entry_key,
                            format!("Each {item} must be a set of answers"),
                        );
                        continue;
                    };
                    check_each(
                        fields,
                        |id| questions.iter().find(|q| q.id == id),
                        &entry_key,
                        |id| format!("A {item} has no question {id:?}"),
                        errors,
                    );
                }
                None
            }
        },
        QuestionKind::DatePlusDays { .. } | QuestionKind::Computed { .. } => Some(format!(
            "{label} is worked out from other answers, not sent"
        )),
    };
    if let Some(message) = problem {
        add(errors, key.to_owned(), message);
    }
}

/// True when `value` is not an object of text parts named from `names` (numbers allowed too
/// when `numbers`: a date's day may come as 7).
fn parts(value: &Value, names: &[&str], numbers: bool) -> bool {
    value.as_object().is_none_or(|fields| {
        fields.iter().any(|(name, part)| {
            !names.contains(&name.as_str())
                || !(part.is_string() || part.is_null() || (numbers && part.is_u64()))
        })
    })
}

#[cfg(test)]
mod tests {
    use serde_json::json;

    use super::*;

    fn form() -> FormDefinition {
        serde_json::from_value(json!({
            "id": "t", "version": 1, "title": "Test", "audience": "professional",
            "summary": "A test", "before_you_start": [],
            "pages": [{"id": "p", "title": "P", "questions": [
                {"id": "name", "label": "Name", "type": "text"},
                {"id": "born", "label": "Date of birth", "type": "date"},
                {"id": "needs", "label": "Needs", "type": "checkboxes",
                 "options": [{"value": "washing", "label": "Washing"}]},
                {"id": "home", "label": "Address", "type": "address"},
                {"id": "carers", "label": "Carers", "type": "group", "item": "carer", "max": 2,
                 "questions": [{"id": "carer_name", "label": "Carer's name", "type": "text"}]}
            ]}]
        }))
        .unwrap()
    }

    fn answers(value: Value) -> Answers {
        serde_json::from_value(value).unwrap()
    }

    #[test]
    fn answers_of_the_shape_their_questions_take_pass_even_when_still_wrong() {
        let ok = answers(json!({
            "name": "", "born": {"day": "31", "month": "2", "year": ""},
            "needs": ["washing", "not an option yet"],
            "home": {"line1": "12 Marsh Lane", "town": "Bootle"},
            "carers": [{"carer_name": "Ade"}, {}], "unanswered": null
        }));
        let errors = shape_errors(&form(), &ok);
        assert_eq!(errors.keys().collect::<Vec<_>>(), ["answers.unanswered"]);
    }

    #[test]
    fn answers_of_the_wrong_shape_are_each_named() {
        let wrong = answers(json!({
            "name": ["a"], "born": "1941-03-27", "needs": "washing",
            "home": {"line1": 12, "country": "UK"},
            "carers": [{"carer_name": 7, "age": "50"}, "Ade"]
        }));
        let errors = shape_errors(&form(), &wrong);
        let mut named: Vec<&str> = errors.keys().map(String::as_str).collect();
        named.sort();
        assert_eq!(
            named,
            [
                "answers.born",
                "answers.carers.0.age",
                "answers.carers.0.carer_name",
                "answers.carers.1",
                "answers.home",
                "answers.name",
                "answers.needs",
            ]
        );
    }

    #[test]
    fn a_group_longer_than_its_limit_is_refused() {
        let long = answers(json!({"carers": [{}, {}, {}]}));
        assert!(shape_errors(&form(), &long).contains_key("answers.carers"));
    }
}
