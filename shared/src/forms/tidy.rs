//! Answers as the council keeps them: the same fact written one way, whoever typed it. Only
//! answers that are already right are rewritten; anything else is kept as typed, for the
//! person to correct (a draft may hold it) or for validation to refuse.

use serde_json::Value;

use super::answers::Answers;
use super::model::{FormDefinition, Question, QuestionKind};
use crate::rules::Postcode;

/// Postcodes (alone or in an address, inside repeating groups too) in capitals with one space:
/// "l203nj" is kept as "L20 3NJ", so staff search and match on one spelling.
pub fn tidy(form: &FormDefinition, answers: &Answers) -> Answers {
    answers
        .iter()
        .map(|(id, value)| {
            let tidied = form
                .question(id)
                .map_or_else(|| value.clone(), |q| tidy_one(q, value));
            (id.clone(), tidied)
        })
        .collect()
}

fn tidy_one(question: &Question, value: &Value) -> Value {
    let mut value = value.clone();
    match &question.kind {
        QuestionKind::Postcode { .. } => tidy_postcode(&mut value),
        QuestionKind::Address { .. } => {
            if let Some(postcode) = value.get_mut("postcode") {
                tidy_postcode(postcode);
            }
        }
        QuestionKind::Group { questions, .. } => {
            for item in value.as_array_mut().into_iter().flatten() {
                for inner in questions {
                    if let Some(answer) = item.get_mut(&inner.id) {
                        *answer = tidy_one(inner, answer);
                    }
                }
            }
        }
        _ => {}
    }
    value
}

fn tidy_postcode(value: &mut Value) {
    if let Some(postcode) = value.as_str().and_then(|t| Postcode::parse(t).ok()) {
        *value = Value::String(postcode.to_string());
    }
}

#[cfg(test)]
mod tests {
    use serde_json::json;

    use super::*;

    #[test]
    fn postcodes_are_kept_in_capitals_with_one_space_wherever_they_are_asked() {
        let form: FormDefinition = serde_json::from_value(json!({
            "id": "t", "version": 1, "title": "T", "audience": "professional", "summary": "s",
            "before_you_start": [],
            "pages": [{"id": "p", "title": "P", "questions": [
                {"id": "postcode", "label": "Postcode", "type": "postcode"},
                {"id": "home", "label": "Address", "type": "address"},
                {"id": "people", "label": "People", "type": "group", "item": "person", "max": 3,
                 "questions": [{"id": "address", "label": "Address", "type": "address"}]},
                {"id": "note", "label": "Note", "type": "text"}
            ]}]
        }))
        .unwrap();
        let given: Answers = serde_json::from_value(json!({
            "postcode": "l203nj",
            "home": {"line1": "2 Marsh Lane", "town": "Bootle", "postcode": " pr8  1aa "},
            "people": [{"address": {"line1": "1 Road", "town": "Town", "postcode": "l20 3nj"}}],
            "note": "l203nj"
        }))
        .unwrap();
        let tidied = tidy(&form, &given);
        assert_eq!(tidied["postcode"], "L20 3NJ");
        assert_eq!(tidied["home"]["postcode"], "PR8 1AA");
        assert_eq!(tidied["people"][0]["address"]["postcode"], "L20 3NJ");
        assert_eq!(tidied["note"], "l203nj", "text is kept as typed");
        let wrong: Answers = serde_json::from_value(json!({"postcode": "not a postcode"})).unwrap();
        assert_eq!(tidy(&form, &wrong), wrong);
    }
}
