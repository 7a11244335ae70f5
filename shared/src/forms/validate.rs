use chrono::{Datelike, Duration, NaiveDate};
use serde_json::Value;

use super::condition::is_answered;
use super::evaluate::{Answers, prune_hidden, visible_pages, visible_questions};
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
    let answers = &prune_hidden(form, answers);
    if let Some(page) = visible_pages(form, answers)
        .into_iter()
        .find(|p| p.id == page_id)
    {
        for question in visible_questions(page, answers) {
            check(
                question,
                answers.get(&question.id),
                today,
                districts,
                &question.id,
                &mut errors,
            );
            check_rules_when(question, answers, today, &mut errors);
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
    for page in visible_pages(form, answers) {
        errors.extend(validate_page(form, &page.id, answers, today, districts));
    }
    errors
}

fn check(
    question: &Question,
    value: Option<&Value>,
    today: NaiveDate,
    districts: &[String],
    key: &str,
    errors: &mut FieldErrors,
) {
    let mut fail = |message: String| errors.entry(key.to_owned()).or_default().push(message);
    let label = question.label.trim_end_matches('?').to_lowercase();
    if !is_answered(value) {
        if let QuestionKind::Group { min, item, .. } = &question.kind
            && *min > 0
        {
            fail(format!(
                "Add at least {min} {item}{}",
                if *min == 1 { "" } else { "s" }
            ));
        } else if question.required && !matches!(question.kind, QuestionKind::DatePlusDays { .. }) {
            fail(match question.kind {
                QuestionKind::YesNo | QuestionKind::Radios { .. } | QuestionKind::Select { .. } => {
                    format!("Select an answer for: {}", question.label)
                }
                QuestionKind::Checkboxes { .. } => {
                    format!("Select at least one: {}", question.label)
                }
                QuestionKind::File { .. } => format!("Upload a file for: {}", question.label),
                _ => format!("Enter {label}"),
            });
        }
        return;
    }
    let Some(value) = value else { return };
    let text = value.as_str().map(str::trim).unwrap_or_default();
    match &question.kind {
        QuestionKind::Text { max_length } | QuestionKind::LongText { max_length } => {
            if !value.is_string() {
                fail(format!("Enter {label} as text"));
            } else if text.chars().count() > *max_length {
                fail(format!(
                    "{} must be {max_length} characters or fewer",
                    question.label
                ));
            }
        }
        QuestionKind::Number { min, max, whole } => match text.parse::<f64>() {
            Ok(number) if number.is_finite() => {
                if *whole && number.fract() != 0.0 {
                    fail(format!("{} must be a whole number", question.label));
                } else if min.is_some_and(|m| number < m) || max.is_some_and(|m| number > m) {
                    fail(match (min, max) {
                        (Some(lo), Some(hi)) => {
                            format!("{} must be between {lo} and {hi}", question.label)
                        }
                        (Some(lo), None) => format!("{} must be {lo} or more", question.label),
                        (None, Some(hi)) => format!("{} must be {hi} or less", question.label),
                        (None, None) => unreachable!("a bound was broken"),
                    });
                }
            }
            _ => fail(format!("{} must be a number", question.label)),
        },
        QuestionKind::Date { rules, .. } => match parse_date(value) {
            Err(message) => fail(format!("{} {message}", question.label)),
            Ok(date) => {
                for rule in rules {
                    if let Some(message) = break_of(*rule, date, today) {
                        fail(format!("{} {message}", question.label));
                    }
                }
            }
        },
        QuestionKind::YesNo => {
            if !matches!(text, "yes" | "no") {
                fail(format!("Select yes or no for: {}", question.label));
            }
        }
        QuestionKind::Radios { options } | QuestionKind::Select { options } => {
            if !options.iter().any(|o| o.value == text) {
                fail(format!("Select one of the options for: {}", question.label));
            }
        }
        QuestionKind::Checkboxes { options } => {
            let all_known = value.as_array().is_some_and(|items| {
                items
                    .iter()
                    .all(|v| options.iter().any(|o| Some(o.value.as_str()) == v.as_str()))
            });
            if !all_known {
                fail(format!(
                    "Select only the options shown for: {}",
                    question.label
                ));
            }
        }
        QuestionKind::Email => {
            if !is_email_address(text) {
                fail("Enter an email address in the correct format, like name@example.com".into());
            }
        }
        QuestionKind::Phone => {
            if let Err(error) = UkPhone::parse(text) {
                fail(error.to_string());
            }
        }
        QuestionKind::Postcode { in_area } => {
            if let Some(message) = postcode_problem(text, *in_area, districts) {
                fail(message);
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
                fail("Enter a valid NHS number, 10 digits like 943 476 5919".into());
            }
        }
        QuestionKind::File { .. } => {
            if value
                .get("id")
                .and_then(Value::as_str)
                .is_none_or(str::is_empty)
            {
                fail(format!("Upload a file for: {}", question.label));
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
                let entry_answers: Answers = entry
                    .as_object()
                    .map(|o| o.iter().map(|(k, v)| (k.clone(), v.clone())).collect())
                    .unwrap_or_default();
                for inner in questions {
                    if inner
                        .shown_when
                        .as_ref()
                        .is_none_or(|c| c.holds(&entry_answers))
                    {
                        let inner_key = format!("{key}.{index}.{}", inner.id);
                        check(
                            inner,
                            entry_answers.get(&inner.id),
                            today,
                            districts,
                            &inner_key,
                            errors,
                        );
                    }
                }
            }
        }
        QuestionKind::DatePlusDays { .. } => {}
    }
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

/// A day/month/year answer as a real date, or what is wrong with it.
pub fn parse_date(value: &Value) -> Result<NaiveDate, &'static str> {
    let part = |k: &str| {
        value
            .get(k)
            .and_then(|v| {
                v.as_str()
                    .map(str::to_owned)
                    .or_else(|| v.as_u64().map(|n| n.to_string()))
            })
            .unwrap_or_default()
            .trim()
            .to_owned()
    };
    let (day, month, year) = (part("day"), part("month"), part("year"));
    if day.is_empty() {
        return Err("must include a day");
    }
    if month.is_empty() {
        return Err("must include a month");
    }
    if year.is_empty() {
        return Err("must include a year");
    }
    let day: u32 = day.parse().map_err(|_| "must have a day as a number")?;
    let month: u32 = month.parse().map_err(|_| "must have a month as a number")?;
    if year.len() != 4 {
        return Err("must have a year with 4 numbers");
    }
    let year: i32 = year.parse().map_err(|_| "must have a year as a number")?;
    NaiveDate::from_ymd_opt(year, month, day).ok_or("must be a real date")
}

fn break_of(rule: DateRule, date: NaiveDate, today: NaiveDate) -> Option<String> {
    match rule {
        DateRule::NotInFuture if date > today => Some("must be today or in the past".into()),
        DateRule::NotInPast if date < today => Some("must be today or in the future".into()),
        DateRule::AtMostDaysAhead(days) if date > today + Duration::days(i64::from(days)) => {
            Some(format!("must be no more than {days} days from today"))
        }
        DateRule::AgeAtLeast(years) => {
            let age = today.year()
                - date.year()
                - i32::from((today.month(), today.day()) < (date.month(), date.day()));
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
    answers: &Answers,
    today: NaiveDate,
    errors: &mut FieldErrors,
) {
    let QuestionKind::Date { rules_when, .. } = &question.kind else {
        return;
    };
    if errors.contains_key(&question.id) {
        return;
    }
    let Some(Ok(date)) = answers.get(&question.id).map(parse_date) else {
        return;
    };
    for conditional in rules_when.iter().filter(|c| c.when.holds(answers)) {
        for rule in &conditional.rules {
            if let Some(message) = break_of(*rule, date, today) {
                errors
                    .entry(question.id.clone())
                    .or_default()
                    .push(format!("{} {message}", question.label));
            }
        }
    }
}

/// `from` plus `days` days, when both answers are valid.
pub fn date_plus_days(from: Option<&Value>, days: Option<&Value>) -> Option<NaiveDate> {
    let start = parse_date(from?).ok()?;
    let days: i64 = days?.as_str()?.trim().parse().ok()?;
    start.checked_add_signed(Duration::days(days))
}
