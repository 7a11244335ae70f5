use chrono::{NaiveDate, NaiveTime};
use serde_json::Value;

use super::answers::{Answers, DateProblem, is_answered, parse_date, whole_years};
use super::evaluate::{prune_hidden, visible_pages, visible_questions};
use super::expression::Context;
use super::model::{DateRule, FormDefinition, Question, QuestionKind};
use super::phrases::Phrases;
use crate::api::FieldErrors;
use crate::language::Language;
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
    validate_page_in(form, page_id, answers, today, districts, Language::English)
}

/// `validate_page` with the messages in `language`: the form's own, and the ones generated
/// from its labels.
pub fn validate_page_in(
    form: &FormDefinition,
    page_id: &str,
    answers: &Answers,
    today: NaiveDate,
    districts: &[String],
    language: Language,
) -> FieldErrors {
    let mut errors = FieldErrors::new();
    // Hidden questions' answers neither count nor decide what else is shown.
    let answers = &prune_hidden(form, answers, today);
    let rules = Rules {
        form,
        today,
        districts,
        phrases: Phrases(language),
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
    validate_all_in(form, answers, today, districts, Language::English)
}

/// `validate_all` with the messages in `language`.
pub fn validate_all_in(
    form: &FormDefinition,
    answers: &Answers,
    today: NaiveDate,
    districts: &[String],
    language: Language,
) -> FieldErrors {
    let mut errors = FieldErrors::new();
    for page in visible_pages(form, answers, today) {
        errors.extend(validate_page_in(
            form, &page.id, answers, today, districts, language,
        ));
    }
    errors
}

/// What checking an answer reads besides the answer.
struct Rules<'a> {
    form: &'a FormDefinition,
    today: NaiveDate,
    districts: &'a [String],
    phrases: Phrases,
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
                        .push(rule.message.in_language(self.phrases.0).to_owned());
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
        let (today, districts, phrases) = (self.today, self.districts, self.phrases);
        let words = Words::of(question, phrases);
        let mut fail = |message: String| errors.entry(key.to_owned()).or_default().push(message);
        if !is_answered(value) {
            if let QuestionKind::Group { min, item, .. } = &question.kind
                && *min > 0
            {
                fail(phrases.add_at_least(*min, item.in_language(phrases.0)));
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
                    fail(words.invalid(|| phrases.must_be_text(&words.subject())));
                } else if text.chars().count() > *max_length {
                    fail(words.range(|| phrases.at_most_characters(&words.subject(), *max_length)));
                }
            }
            QuestionKind::Number { min, max, whole } => match text.parse::<f64>() {
                Ok(number) if number.is_finite() => {
                    if *whole && number.fract() != 0.0 {
                        fail(words.invalid(|| phrases.whole_number(&words.subject())));
                    } else if min.is_some_and(|m| number < m) || max.is_some_and(|m| number > m) {
                        let subject = words.subject();
                        fail(words.range(|| match (min, max) {
                            (Some(lo), Some(hi)) => phrases.between(&subject, *lo, *hi),
                            (Some(lo), None) => phrases.at_least(&subject, *lo),
                            (None, Some(hi)) => phrases.at_most(&subject, *hi),
                            (None, None) => unreachable!("a bound was broken"),
                        }));
                    }
                }
                _ => fail(words.invalid(|| phrases.number(&words.subject()))),
            },
            QuestionKind::Date { rules, .. } => match parse_date(value) {
                Err(problem) => {
                    let message =
                        || phrases.date(&words.subject(), &phrases.date_problem(&problem));
                    fail(match problem {
                        DateProblem::Missing(_) => message(),
                        _ => words.invalid(message),
                    })
                }
                Ok(date) => {
                    for rule in rules {
                        if let Some(message) = break_of(*rule, date, today, phrases) {
                            fail(words.range(|| phrases.date(&words.subject(), &message)));
                        }
                    }
                }
            },
            QuestionKind::Time => {
                if parse_time(text).is_none() {
                    fail(words.invalid(|| phrases.real_time(&words.subject())));
                }
            }
            QuestionKind::YesNo => {
                if !matches!(text, "yes" | "no") {
                    fail(words.invalid(|| phrases.yes_or_no()));
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
                        phrases.every_option(options.len(), question.label.in_language(phrases.0))
                    }));
                }
            }
            QuestionKind::Email => {
                if !is_email_address(text) {
                    fail(words.invalid(|| phrases.email_address()));
                }
            }
            QuestionKind::Phone => {
                if let Err(error) = UkPhone::parse(text) {
                    fail(words.invalid(|| error.message_in(phrases.0).to_owned()));
                }
            }
            QuestionKind::Postcode { in_area } => {
                if let Some(message) = postcode_problem(text, *in_area, districts, phrases) {
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
                    fail(phrases.building_and_street());
                }
                if part("town").is_empty() {
                    fail(phrases.town_or_city());
                }
                if let Some(message) =
                    postcode_problem(part("postcode"), *in_area, districts, phrases)
                {
                    fail(message);
                }
            }
            QuestionKind::NhsNumber => {
                if !is_nhs_number(text) {
                    fail(words.invalid(|| phrases.nhs_number()));
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
                let item = item.in_language(phrases.0);
                if items.len() < *min {
                    fail(phrases.add_at_least(*min, item));
                }
                if items.len() > *max {
                    fail(phrases.add_up_to(*max, item));
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
    phrases: Phrases,
}

impl<'q> Words<'q> {
    fn of(question: &'q Question, phrases: Phrases) -> Self {
        let label = question.label.in_language(phrases.0).trim();
        let sentence = label.ends_with('?')
            || label.contains([',', '.', ':', ';'])
            || label.split_whitespace().count() > 8;
        Self {
            question,
            noun: (!sentence).then_some(label),
            phrases,
        }
    }

    /// The question as the start of a sentence: "Date of birth", or "The answer".
    fn subject(&self) -> String {
        self.noun
            .map_or_else(|| self.phrases.the_answer().into(), str::to_owned)
    }

    /// The question inside a sentence: "date of birth", "GP's name" (an initialism keeps its
    /// capitals), or the label in quotation marks.
    fn inside(&self) -> String {
        self.noun.map_or_else(
            || {
                self.phrases
                    .an_answer_to(self.question.label.in_language(self.phrases.0).trim())
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
        self.phrases.select(&self.inside())
    }

    fn required(&self) -> String {
        self.question
            .messages
            .required
            .as_ref()
            .map(|message| message.in_language(self.phrases.0).to_owned())
            .unwrap_or_else(|| match self.question.kind {
                QuestionKind::YesNo
                | QuestionKind::Radios { .. }
                | QuestionKind::Select { .. }
                | QuestionKind::Checkboxes { .. } => self.choose(),
                QuestionKind::File { .. } => self.phrases.upload(&self.inside()),
                _ => self.phrases.enter(&self.inside()),
            })
    }

    fn invalid(&self, generated: impl FnOnce() -> String) -> String {
        self.question
            .messages
            .invalid
            .as_ref()
            .map(|message| message.in_language(self.phrases.0).to_owned())
            .unwrap_or_else(generated)
    }

    fn range(&self, generated: impl FnOnce() -> String) -> String {
        self.question
            .messages
            .range
            .as_ref()
            .map(|message| message.in_language(self.phrases.0).to_owned())
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

fn postcode_problem(
    text: &str,
    in_area: bool,
    districts: &[String],
    phrases: Phrases,
) -> Option<String> {
    match Postcode::parse(text) {
        Err(error) => Some(error.message_in(phrases.0).to_owned()),
        Ok(postcode) if in_area && !districts.iter().any(|d| d == postcode.district()) => {
            Some(phrases.not_in_area(&postcode.to_string()))
        }
        Ok(_) => None,
    }
}

fn break_of(rule: DateRule, date: NaiveDate, today: NaiveDate, phrases: Phrases) -> Option<String> {
    match rule {
        DateRule::NotInFuture if date > today => Some(phrases.today_or_past()),
        DateRule::NotInPast if date < today => Some(phrases.today_or_future()),
        DateRule::AtMostDaysAhead(days)
            if today
                .checked_add_days(chrono::Days::new(u64::from(days)))
                .is_some_and(|latest| date > latest) =>
        {
            Some(phrases.at_most_days_ahead(days))
        }
        DateRule::AgeAtLeast(years) => {
            let age = whole_years(date, today);
            if date > today {
                Some(phrases.in_the_past())
            } else if age > 120 {
                Some(phrases.within_120_years())
            } else {
                (age < years as i32).then(|| phrases.at_least_years_old(years))
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
            if let Some(message) = break_of(*rule, date, today, rules.phrases) {
                let words = Words::of(question, rules.phrases);
                errors
                    .entry(question.id.clone())
                    .or_default()
                    .push(words.range(|| rules.phrases.date(&words.subject(), &message)));
            }
        }
    }
}
