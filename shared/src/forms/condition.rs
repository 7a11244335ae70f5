use serde_json::Value;

use super::answers::is_answered;
use super::expression::Context;
use super::model::Condition;

impl Condition {
    /// Whether the condition holds for `at`'s answers (read as they are: pass answers already
    /// pruned when hidden questions may still hold some).
    pub fn holds(&self, at: Context<'_>) -> bool {
        let answers = at.answers;
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
            Self::Compare { left, is, right } => match (left.value(at), right.value(at)) {
                (Some(left), Some(right)) => is.holds(left, right),
                _ => false,
            },
            Self::All(all) => all.iter().all(|c| c.holds(at)),
            Self::Any(any) => any.iter().any(|c| c.holds(at)),
            Self::Not(inner) => !inner.holds(at),
        }
    }
}

#[cfg(test)]
mod tests {
    use chrono::NaiveDate;
    use serde_json::json;

    use super::*;
    use crate::forms::{Answers, FormDefinition};

    fn answers(value: Value) -> Answers {
        serde_json::from_value(value).unwrap()
    }

    fn form() -> FormDefinition {
        serde_json::from_value(json!({
            "id": "t", "version": 1, "title": "T", "audience": "professional", "summary": "s",
            "before_you_start": [],
            "pages": [{"id": "p", "title": "P", "questions": [
                {"id": "urgent", "label": "Urgent", "type": "yes_no"},
                {"id": "needs", "label": "Needs", "type": "checkboxes",
                 "options": [{"value": "meals", "label": "Meals"}, {"value": "mobility", "label": "Mobility"}]},
                {"id": "note", "label": "Note", "type": "text"},
                {"id": "dob", "label": "Date of birth", "type": "date"},
                {"id": "hours", "label": "Hours", "type": "number"},
                {"id": "age", "label": "Age", "type": "computed",
                 "value": {"years_between": {"from": {"answer": "dob"}, "to": "today"}}}
            ]}]
        }))
        .unwrap()
    }

    fn holds(condition: &Condition, given: &Answers) -> bool {
        condition.holds(Context {
            form: &form(),
            answers: given,
            today: NaiveDate::from_ymd_opt(2026, 12, 1).unwrap(),
        })
    }

    #[test]
    fn dates_and_numbers_compare_with_today_other_answers_counts_and_sums() {
        let given = answers(json!({
            "dob": {"day": "2", "month": "12", "year": "2008"}, "hours": "30",
            "needs": ["meals", "mobility"], "note": "x"
        }));
        let condition = |value: Value| -> Condition { serde_json::from_value(value).unwrap() };
        // 17 today, 18 tomorrow: "at least 18 years before today" does not hold yet.
        let adult = condition(
            json!({"compare": {"left": {"answer": "dob"}, "is": "on_or_before",
            "right": {"shift": {"from": "today", "years": -18}}}}),
        );
        assert!(!holds(&adult, &given));
        let mut older = given.clone();
        older.insert(
            "dob".into(),
            json!({"day": "1", "month": "12", "year": "2008"}),
        );
        assert!(holds(&adult, &older));
        // The computed age reads as an answer.
        let age = condition(
            json!({"compare": {"left": {"answer": "age"}, "is": "less_than", "right": {"number": 18}}}),
        );
        assert!(holds(&age, &given));
        assert!(!holds(&age, &older));
        let two_needs = condition(
            json!({"compare": {"left": {"count": "needs"}, "is": "at_least", "right": {"number": 2}}}),
        );
        assert!(holds(&two_needs, &given));
        let answered = condition(
            json!({"compare": {"left": {"answered": ["note", "urgent"]}, "is": "equal", "right": {"number": 1}}}),
        );
        assert!(holds(&answered, &given));
        let week = condition(
            json!({"compare": {"left": {"sum": [{"answer": "hours"}, {"number": 140}]},
            "is": "more_than", "right": {"number": 168}}}),
        );
        assert!(holds(&week, &given));
        // Without a date there is nothing to compare: the condition does not hold either way.
        assert!(!holds(&adult, &Answers::new()));
        assert!(holds(&Condition::Not(Box::new(adult)), &given));
        // A date never compares with a number.
        let mixed = condition(
            json!({"compare": {"left": {"answer": "dob"}, "is": "not_equal", "right": {"number": 1}}}),
        );
        assert!(!holds(&mixed, &given));
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
        assert!(holds(&urgent, &given));
        assert!(holds(&meals, &given));
        assert!(!holds(&noted, &given), "blank text is not an answer");
        assert!(holds(
            &Condition::All(vec![urgent.clone(), meals.clone()]),
            &given
        ));
        assert!(holds(&Condition::Any(vec![noted.clone(), meals]), &given));
        assert!(holds(&Condition::Not(Box::new(noted)), &given));
        let one_of = Condition::OneOf {
            question: "urgent".into(),
            values: vec![json!("no"), json!("yes")],
        };
        assert!(holds(&one_of, &given));
        assert!(!holds(
            &Condition::Equals {
                question: "missing".into(),
                value: json!("yes")
            },
            &given
        ));
    }
}
