use chrono::{NaiveDate, NaiveTime};
use serde_json::Value;

use super::answers::{Answers, DateProblem, is_answered, parse_date, whole_years};
use super::evaluate::{prune_hidden, visible_pages, visible_questions};
use super::expression::Context;
use super::model::{DateRule, FormDefinition, Question, QuestionKind};
use crate::api::FieldErrors;
use crate::rules::{Postcode, UkPhone, is_email_address, is_nhs_number};

/// The errors on one page for these answers, as Next shows them. `today` comes from the
/// caller (the browser's clock or the server's), `districts` are the council's postcode
/// districts. An unknown or hidden page has nothing to check.
pub fn validate_page(
    form: &FormDefinition,
    page_id: &str,
    answers: &Answers,
    today: NaiveDate,
    districts: &[String],
) -> FieldErrors {
    let mut errors = FieldErrors::new();
    // Hidden questions' answers neither count nor decide what else is shown.
    let answers = &prune_hidden(form, answers, today);
    let rules = Rules {
        form,
        today,
        districts,
    };
    if let Some(page) = visible_pages(form, answers, today)
        .into_iter()
        .find(|p| p.id == page_id)
    {
        for question in visible_questions(form, page, answers, today) {
            rules.check(
                question,
                answers.get(&question.id),
                answers,
                &question.id,
                &mut errors,
            );
            check_rules_when(question, &rules, answers, &mut errors);
        }
    }
    errors
}

/// The errors on every visible page: what Submit refuses.
pub fn validate_all(
    form: &FormDefinition,
    answers: &Answers,
    today: NaiveDate,
    districts: &[String],
) -> FieldErrors {
    let mut errors = FieldErrors::new();
    for page in visible_pages(form, answers, today) {
        errors.extend(validate_page(form, &page.id, answers, today, districts));
    }
    errors
}

/// What checking an answer reads besides the answer.
struct Rules<'a> {
    form: &'a FormDefinition,
    today: NaiveDate,
    districts: &'a [String],
}

impl Rules<'_> {
    fn at<'a>(&'a self, answers: &'a Answers) -> Context<'a> {
        Context {
            form: self.form,
            answers,
            today: self.today,
        }
    }

    /// The errors of one answer, filed under `key`; `around` is the answers its `checks` read
    /// (the form's, or the item's inside a repeating group).
    fn check(
        &self,
        question: &Question,
        value: Option<&Value>,
        around: &Answers,
        key: &str,
        errors: &mut FieldErrors,
    ) {
        let found = errors.get(key).map_or(0, Vec::len);
        self.check_answer(question, value, key, errors);
        let fine = errors.get(key).map_or(0, Vec::len) == found;
        if fine && is_answered(value) {
            for rule in &question.checks {
                if !rule.must.holds(self.at(around)) {
                    errors
                        .entry(key.to_owned())
                        .or_default()
                        .push(rule.message.english().to_owned());
                }
            }
        }
    }

    fn check_answer(
        &self,
        question: &Question,
        value: Option<&Value>,
        key: &str,
        errors: &mut FieldErrors,
    ) {
        let (today, districts) = (self.today, self.districts);
        let words = Words::of(question);
        let mut fail = |message: String| errors.entry(key.to_owned()).or_default().push(message);
        if !is_answered(value) {
            if let QuestionKind::Group { min, item, .. } = &question.kind
                && *min > 0
            {
                fail(format!(
                    "Add at least {min} {item}{}",
                    if *min == 1 { "" } else { "s" }
                ));
            } else if question.required && !question.is_worked_out() {
                fail(words.required());
            }
            return;
        }
        let Some(value) = value else { return };
        let text = value.as_str().map(str::trim).unwrap_or_default();
        match &question.kind {
            QuestionKind::Text { max_length } | QuestionKind::LongText { max_length } => {
                if !value.is_string() {
                    fail(words.invalid(|| format!("{} must be text", words.subject())));
                } else if text.chars().count() > *max_length {
                    fail(words.range(|| {
                        format!(
                            "{} must be {max_length} characters or fewer",
                            words.subject()
                        )
                    }));
                }
            }
            QuestionKind::Number { min, max, whole } => match text.parse::<f64>() {
                Ok(number) if number.is_finite() => {
                    if *whole && number.fract() != 0.0 {
                        fail(
                            words.invalid(|| format!("{} must be a whole number", words.subject())),
                        );
                    } else if min.is_some_and(|m| number < m) || max.is_some_and(|m| number > m) {
                        let subject = words.subject();
                        fail(words.range(|| match (min, max) {
                            (Some(lo), Some(hi)) => {
                                format!("{subject} must be between {lo} and {hi}")
                            }
                            (Some(lo), None) => format!("{subject} must be {lo} or more"),
                            (None, Some(hi)) => format!("{subject} must be {hi} or less"),
                            (None, None) => unreachable!("a bound was broken"),
                        }));
                    }
                }
                _ => fail(words.invalid(|| format!("{} must be a number", words.subject()))),
            },
            QuestionKind::Date { rules, .. } => match parse_date(value) {
                Err(message) => fail(match message {
                    DateProblem::Missing(_) => format!("{} {message}", words.subject()),
                    _ => words.invalid(|| format!("{} {message}", words.subject())),
                }),
                Ok(date) => {
                    for rule in rules {
                        if let Some(message) = break_of(*rule, date, today) {
                            fail(words.range(|| format!("{} {message}", words.subject())));
                        }
                    }
                }
            },
            QuestionKind::Time => {
                if parse_time(text).is_none() {
                    fail(words.invalid(|| {
                        format!(
                            "{} must be a real time on the 24-hour clock, like 09:30 or 14:05",
                            words.subject()
                        )
                    }));
                }
            }
            QuestionKind::YesNo => {
                if !matches!(text, "yes" | "no") {
                    fail(words.invalid(|| "Select yes or no".into()));
                }
            }
            QuestionKind::Radios { options } | QuestionKind::Select { options } => {
                if !options.iter().any(|o| o.value == text) {
                    fail(words.invalid(|| words.choose()));
                }
            }
            QuestionKind::Checkboxes {
                options,
                all_required,
            } => {
                let chosen: Option<Vec<&str>> = value
                    .as_array()
                    .and_then(|items| items.iter().map(Value::as_str).collect());
                let all_known = chosen.as_ref().is_some_and(|chosen| {
                    chosen.iter().all(|v| options.iter().any(|o| o.value == *v))
                });
                let every_one = chosen.as_ref().is_some_and(|chosen| {
                    options.iter().all(|o| chosen.contains(&o.value.as_str()))
                });
                if !all_known {
                    fail(words.invalid(|| words.choose()));
                } else if *all_required && !every_one {
                    fail(words.invalid(|| {
                        format!(
                            "Select all {} options: each one must apply ({})",
                            options.len(),
                            question.label
                        )
                    }));
                }
            }
            QuestionKind::Email => {
                if !is_email_address(text) {
                    fail(words.invalid(|| {
                        "Enter an email address in the correct format, like name@example.com".into()
                    }));
                }
            }
            QuestionKind::Phone => {
                if let Err(error) = UkPhone::parse(text) {
                    fail(words.invalid(|| error.to_string()));
                }
            }
            QuestionKind::Postcode { in_area } => {
                if let Some(message) = postcode_problem(text, *in_area, districts) {
                    fail(words.invalid(|| message));
                }
            }
            QuestionKind::Address { in_area } => {
                let part = |k: &str| {
                    value
                        .get(k)
                        .and_then(Value::as_str)
                        .map(str::trim)
                        .unwrap_or_default()
                };
                if part("line1").is_empty() {
                    fail("Enter the building and street".into());
                }
                if part("town").is_empty() {
                    fail("Enter the town or city".into());
                }
                if let Some(message) = postcode_problem(part("postcode"), *in_area, districts) {
                    fail(message);
                }
            }
            QuestionKind::NhsNumber => {
                if !is_nhs_number(text) {
                    fail(words.invalid(|| {
                        "Enter a valid NHS number, 10 digits like 943 476 5919".into()
                    }));
                }
            }
            QuestionKind::File { .. } => {
                if value
                    .get("id")
                    .and_then(Value::as_str)
                    .is_none_or(str::is_empty)
                {
                    fail(words.required());
                }
            }
            QuestionKind::Group {
                questions,
                min,
                max,
                item,
            } => {
                let items = value.as_array().cloned().unwrap_or_default();
                if items.len() < *min {
                    fail(format!(
                        "Add at least {min} {item}{}",
                        if *min == 1 { "" } else { "s" }
                    ));
                }
                if items.len() > *max {
                    fail(format!("You can add up to {max} {item}s"));
                }
                for (index, entry) in items.iter().take(*max).enumerate() {
                    // Pruned already: an item holds only the answers its conditions show.
                    let entry_answers: Answers = entry
                        .as_object()
                        .map(|o| o.iter().map(|(k, v)| (k.clone(), v.clone())).collect())
                        .unwrap_or_default();
                    for inner in questions {
                        if inner
                            .shown_when
                            .as_ref()
                            .is_none_or(|c| c.holds(self.at(&entry_answers)))
                        {
                            let inner_key = format!("{key}.{index}.{}", inner.id);
                            self.check(
                                inner,
                                entry_answers.get(&inner.id),
                                &entry_answers,
                                &inner_key,
                                errors,
                            );
                        }
                    }
                }
            }
            QuestionKind::DatePlusDays { .. } | QuestionKind::Computed { .. } => {}
        }
    }
}

/// How error messages name a question. A label that is a short noun phrase ("Date of birth",
/// "GP's name") reads well inside a message; a label that is a question or a sentence ("What
/// does the person need help with?", "Their age, as best you know it") does not, so messages
/// about it quote it instead. A definition's own `messages` win over both.
struct Words<'q> {
    question: &'q Question,
    noun: Option<&'q str>,
}

impl<'q> Words<'q> {
    fn of(question: &'q Question) -> Self {
        let label = question.label.english().trim();
        let sentence = label.ends_with('?')
            || label.contains([',', '.', ':', ';'])
            || label.split_whitespace().count() > 8;
        Self {
            question,
            noun: (!sentence).then_some(label),
        }
    }

    /// The question as the start of a sentence: "Date of birth", or "The answer".
    fn subject(&self) -> String {
        self.noun.map_or_else(|| "The answer".into(), str::to_owned)
    }

    /// The question inside a sentence: "date of birth", "GP's name" (an initialism keeps its
    /// capitals), or the label in quotation marks.
    fn inside(&self) -> String {
        self.noun.map_or_else(
            || {
                format!(
                    "an answer to \u{2018}{}\u{2019}",
                    self.question.label.english().trim()
                )
            },
            |noun| {
                let mut chars = noun.chars();
                match (chars.next(), chars.next()) {
                    (Some(first), Some(second)) if second.is_lowercase() => {
                        format!("{}{}", first.to_lowercase(), &noun[first.len_utf8()..])
                    }
                    _ => noun.to_owned(),
                }
            },
        )
    }

    fn choose(&self) -> String {
        format!("Select {}", self.inside())
    }

    fn required(&self) -> String {
        self.question
            .messages
            .required
            .as_ref()
            .map(|message| message.english().to_owned())
            .unwrap_or_else(|| match self.question.kind {
                QuestionKind::YesNo
                | QuestionKind::Radios { .. }
                | QuestionKind::Select { .. }
                | QuestionKind::Checkboxes { .. } => self.choose(),
                QuestionKind::File { .. } => format!("Upload a file for {}", self.inside()),
                _ => format!("Enter {}", self.inside()),
            })
    }

    fn invalid(&self, generated: impl FnOnce() -> String) -> String {
        self.question
            .messages
            .invalid
            .as_ref()
            .map(|message| message.english().to_owned())
            .unwrap_or_else(generated)
    }

    fn range(&self, generated: impl FnOnce() -> String) -> String {
        self.question
            .messages
            .range
            .as_ref()
            .map(|message| message.english().to_owned())
            .unwrap_or_else(generated)
    }
}

/// A time typed on the 24-hour clock: "14:30", "9:05", "09.05".
pub fn parse_time(text: &str) -> Option<NaiveTime> {
    let (hours, minutes) = text.trim().split_once([':', '.'])?;
    let digits = |part: &str| part.chars().all(|c| c.is_ascii_digit());
    if !(1..=2).contains(&hours.len()) || minutes.len() != 2 || !digits(hours) || !digits(minutes) {
        return None;
    }
    NaiveTime::from_hms_opt(hours.parse().ok()?, minutes.parse().ok()?, 0)
}

fn postcode_problem(text: &str, in_area: bool, districts: &[String]) -> Option<String> {
    match Postcode::parse(text) {
        Err(error) => Some(error.to_string()),
        Ok(postcode) if in_area && !districts.iter().any(|d| d == postcode.district()) => Some(
            format!("{postcode} is not in our area: contact the council where the person lives"),
        ),
        Ok(_) => None,
    }
}

fn break_of(rule: DateRule, date: NaiveDate, today: NaiveDate) -> Option<String> {
    match rule {
        DateRule::NotInFuture if date > today => Some("must be today or in the past".into()),
        DateRule::NotInPast if date < today => Some("must be today or in the future".into()),
        DateRule::AtMostDaysAhead(days)
            if today
                .checked_add_days(chrono::Days::new(u64::from(days)))
                .is_some_and(|latest| date > latest) =>
        {
            Some(format!("must be no more than {days} days from today"))
        }
        DateRule::AgeAtLeast(years) => {
            let age = whole_years(date, today);
            if date > today {
                Some("must be in the past".into())
            } else if age > 120 {
                Some("must be a date of birth within the last 120 years".into())
            } else {
                (age < years as i32).then(|| format!("must show the person is at least {years}"))
            }
        }
        _ => None,
    }
}

/// The date rules that hold only for some answers, once the date itself is valid.
fn check_rules_when(
    question: &Question,
    rules: &Rules<'_>,
    answers: &Answers,
    errors: &mut FieldErrors,
) {
    let today = rules.today;
    let QuestionKind::Date { rules_when, .. } = &question.kind else {
        return;
    };
    if errors.contains_key(&question.id) {
        return;
    }
    let Some(Ok(date)) = answers.get(&question.id).map(parse_date) else {
        return;
    };
    for conditional in rules_when
        .iter()
        .filter(|c| c.when.holds(rules.at(answers)))
    {
        for rule in &conditional.rules {
            if let Some(message) = break_of(*rule, date, today) {
                let words = Words::of(question);
                errors
                    .entry(question.id.clone())
                    .or_default()
                    .push(words.range(|| format!("{} {message}", words.subject())));
            }
        }
    }
}
