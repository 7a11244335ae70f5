//! Who a referral is about: the form names the questions that identify the person (`person` in
//! the definition), so that staff can match it to a record the council holds, or start one.

use chrono::NaiveDate;
use serde_json::Value;

use super::answers::{Answers, parse_date};
use super::model::{FormDefinition, PersonQuestions, QuestionKind};
use crate::rules::{Postcode, is_nhs_number};

/// The person as a form's answers describe them; any part may be missing.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Identity {
    pub forename: Option<String>,
    pub surname: Option<String>,
    pub date_of_birth: Option<NaiveDate>,
    /// Ten digits, without spaces.
    pub nhs_number: Option<String>,
    pub address: Option<IdentityAddress>,
}

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct IdentityAddress {
    pub line1: String,
    pub line2: Option<String>,
    pub town: String,
    /// As written by the Royal Mail ("L20 3NJ").
    pub postcode: String,
}

impl Identity {
    pub fn postcode(&self) -> Option<&str> {
        self.address.as_ref().map(|a| a.postcode.as_str())
    }
}

fn text(answers: &Answers, id: Option<&String>) -> Option<String> {
    let value = answers.get(id?)?.as_str()?.trim();
    (!value.is_empty()).then(|| value.to_owned())
}

impl PersonQuestions {
    /// Reads the person from a submission's answers.
    pub fn identity(&self, answers: &Answers) -> Identity {
        let (forename, surname) = match text(answers, self.full_name.as_ref()) {
            Some(full) => match full.rsplit_once(char::is_whitespace) {
                Some((first, last)) => (Some(first.trim().to_owned()), Some(last.to_owned())),
                None => (None, Some(full)),
            },
            None => (
                text(answers, self.forename.as_ref()),
                text(answers, self.surname.as_ref()),
            ),
        };
        let date_of_birth = self
            .date_of_birth
            .as_ref()
            .and_then(|id| answers.get(id))
            .and_then(|value| parse_date(value).ok());
        let nhs_number = text(answers, self.nhs_number.as_ref())
            .filter(|n| is_nhs_number(n))
            .map(|n| n.chars().filter(char::is_ascii_digit).collect());
        let address = self
            .address
            .as_ref()
            .and_then(|id| answers.get(id))
            .and_then(address);
        Identity {
            forename,
            surname,
            date_of_birth,
            nhs_number,
            address,
        }
    }

    /// What is wrong with the mapping, against the form's questions: each names a question of
    /// the right kind, and the names come one way or the other.
    pub fn problems(&self, form: &FormDefinition) -> Vec<String> {
        let mut problems = Vec::new();
        let names = (&self.forename, &self.surname, &self.full_name);
        if !matches!(names, (Some(_), Some(_), None) | (None, None, Some(_))) {
            problems.push(
                "person names either forename and surname, or full_name, but not both".to_owned(),
            );
        }
        let wanted: [(&str, &Option<String>, Fits, &str); 6] = [
            ("forename", &self.forename, is_text, "a text question"),
            ("surname", &self.surname, is_text, "a text question"),
            ("full_name", &self.full_name, is_text, "a text question"),
            (
                "date_of_birth",
                &self.date_of_birth,
                |k| matches!(k, QuestionKind::Date { .. }),
                "a date question",
            ),
            (
                "nhs_number",
                &self.nhs_number,
                |k| matches!(k, QuestionKind::NhsNumber),
                "an NHS number question",
            ),
            (
                "address",
                &self.address,
                |k| matches!(k, QuestionKind::Address { .. }),
                "an address question",
            ),
        ];
        for (field, id, fits, kind) in wanted {
            let Some(id) = id else { continue };
            match form.question(id) {
                None => problems.push(format!(
                    "person.{field} names {id:?}, which is not a question of the form's pages"
                )),
                Some(question) if !fits(&question.kind) => {
                    problems.push(format!("person.{field} names {id:?}, which is not {kind}"))
                }
                Some(_) => {}
            }
        }
        problems
    }
}

/// Whether a question of this kind can say that part of who someone is.
type Fits = fn(&QuestionKind) -> bool;

fn is_text(kind: &QuestionKind) -> bool {
    matches!(kind, QuestionKind::Text { .. })
}

fn address(value: &Value) -> Option<IdentityAddress> {
    let part = |key: &str| {
        value
            .get(key)
            .and_then(Value::as_str)
            .map(str::trim)
            .filter(|t| !t.is_empty())
            .map(str::to_owned)
    };
    let postcode = Postcode::parse(&part("postcode")?).ok()?.to_string();
    Some(IdentityAddress {
        line1: part("line1")?,
        line2: part("line2"),
        town: part("town")?,
        postcode,
    })
}
