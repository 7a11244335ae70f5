use serde_json::Value;

use super::evaluate::Answers;
use super::model::Condition;

/// Whether an answer counts as given: not missing, not blank, not an empty list or date.
pub fn is_answered(value: Option<&Value>) -> bool {
    match value {
        None | Some(Value::Null) => false,
        Some(Value::String(text)) => !text.trim().is_empty(),
        Some(Value::Array(items)) => !items.is_empty(),
        Some(Value::Object(fields)) => fields.values().any(|v| is_answered(Some(v))),
        Some(_) => true,
    }
}

impl Condition {
    pub fn holds(&self, answers: &Answers) -> bool {
        match self {
            Self::Equals { question, value } => answers.get(question) == Some(value),
            Self::OneOf { question, values } => {
                answers.get(question).is_some_and(|a| values.contains(a))
            }
            Self::Includes { question, value } => answers
                .get(question)
                .and_then(Value::as_array)
                .is_some_and(|items| items.contains(value)),
            Self::Answered { question } => is_answered(answers.get(question)),
            Self::All(all) => all.iter().all(|c| c.holds(answers)),
            Self::Any(any) => any.iter().any(|c| c.holds(answers)),
            Self::Not(inner) => !inner.holds(answers),
        }
    }
}

#[cfg(test)]
mod tests {
    use serde_json::json;

    use super::*;

    fn answers(value: Value) -> Answers {
        serde_json::from_value(value).unwrap()
    }

    #[test]
    fn conditions_combine_with_and_or_and_not() {
        let given = answers(json!({"urgent": "yes", "needs": ["mobility", "meals"], "note": " "}));
        let urgent = Condition::Equals {
            question: "urgent".into(),
            value: json!("yes"),
        };
        let meals = Condition::Includes {
            question: "needs".into(),
            value: json!("meals"),
        };
        let noted = Condition::Answered {
            question: "note".into(),
        };
        assert!(urgent.holds(&given));
        assert!(meals.holds(&given));
        assert!(!noted.holds(&given), "blank text is not an answer");
        assert!(Condition::All(vec![urgent.clone(), meals.clone()]).holds(&given));
        assert!(Condition::Any(vec![noted.clone(), meals]).holds(&given));
        assert!(Condition::Not(Box::new(noted)).holds(&given));
        let one_of = Condition::OneOf {
            question: "urgent".into(),
            values: vec![json!("no"), json!("yes")],
        };
        assert!(one_of.holds(&given));
        assert!(
            !Condition::Equals {
                question: "missing".into(),
                value: json!("yes")
            }
            .holds(&given)
        );
    }
}
