//! Answers a form starts with: the referrer's own name and email from their account, and, in a
//! form the council sends a person, what their record already says. The browser fills them in
//! when a form starts; the server does too, for a draft made through the API and for an item it
//! sends, so that no one types again what the council holds.

use crate::api::full_name;
use serde_json::{Value, json};

use super::answers::{Answers, date_answer};
use super::model::{FormDefinition, Prefill};
use crate::api::PersonDetails;

/// What is known of who is filling the form in, and of whom it is about.
#[derive(Debug, Clone, Copy, Default)]
pub struct Known<'a> {
    /// The account's forename, surname and email address.
    pub account: Option<(&'a str, &'a str, &'a str)>,
    pub person: Option<&'a PersonDetails>,
}

/// Fills each prefilled question that has no answer yet from what is known; an answer already
/// given is never replaced.
pub fn prefill(form: &FormDefinition, known: Known<'_>, answers: &mut Answers) {
    for question in form.questions() {
        let Some(prefill) = question.prefill else {
            continue;
        };
        if answers.contains_key(&question.id) {
            continue;
        }
        if let Some(value) = value_of(prefill, known) {
            answers.insert(question.id.clone(), value);
        }
    }
}

fn value_of(prefill: Prefill, known: Known<'_>) -> Option<Value> {
    let text = |t: &str| Some(Value::String(t.to_owned()));
    match prefill {
        Prefill::AccountName => {
            let (forename, surname, _) = known.account?;
            text(&full_name(forename, surname))
        }
        Prefill::AccountEmail => text(known.account?.2),
        Prefill::PersonName => {
            let person = known.person?;
            text(&full_name(&person.forename, &person.surname))
        }
        Prefill::PersonDateOfBirth => Some(date_answer(known.person?.date_of_birth?)),
        Prefill::PersonAddress => {
            let address = known.person?.address.as_ref()?;
            Some(json!({
                "line1": address.line1,
                "line2": address.line2.clone().unwrap_or_default(),
                "town": address.town,
                "postcode": address.postcode,
            }))
        }
        Prefill::PersonEmail => text(known.person?.email.as_deref()?),
        Prefill::PersonPhone => {
            let person = known.person?;
            text(
                person
                    .mobile_phone
                    .as_deref()
                    .or(person.home_phone.as_deref())?,
            )
        }
    }
}
