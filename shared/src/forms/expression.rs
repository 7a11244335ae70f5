//! Values worked out from answers, for conditions that compare dates and numbers, for computed
//! questions (an age from a date of birth), for defaults (Form 2's further authorisation starting
//! the day after the current one ends) and for checks and warnings. An expression that cannot be
//! worked out (a date not yet given) has no value, and a comparison with it does not hold.

use chrono::{Duration, Months, NaiveDate};
use serde_json::Value;

use super::answers::{Answers, date_plus_days, is_answered, long_date, parse_date, whole_years};
use super::model::{Between, Comparison, Expression, FormDefinition, Question, QuestionKind};

/// What an expression works out to.
#[derive(Debug, Clone, Copy, PartialEq, PartialOrd)]
pub enum Quantity {
    Number(f64),
    Date(NaiveDate),
}

/// What an expression reads besides the answers: the form (for computed questions) and today.
#[derive(Clone, Copy)]
pub struct Context<'a> {
    pub form: &'a FormDefinition,
    pub answers: &'a Answers,
    pub today: NaiveDate,
}

impl Expression {
    /// The value, if it can be worked out from these answers.
    pub fn value(&self, at: Context<'_>) -> Option<Quantity> {
        self.value_within(at, 0)
    }

    /// Computed questions may read other computed questions; `depth` stops a definition that
    /// (despite the checker) reads itself in a circle.
    fn value_within(&self, at: Context<'_>, depth: u8) -> Option<Quantity> {
        if depth > 16 {
            return None;
        }
        let inner = |expression: &Expression| expression.value_within(at, depth + 1);
        match self {
            Self::Today => Some(Quantity::Date(at.today)),
            Self::Number(number) => Some(Quantity::Number(*number)),
            Self::Answer(id) => answer_value(id, at, depth),
            Self::Count(id) => {
                let count = at
                    .answers
                    .get(id)
                    .and_then(Value::as_array)
                    .map_or(0, Vec::len);
                Some(Quantity::Number(count as f64))
            }
            Self::Answered(ids) => {
                let count = ids
                    .iter()
                    .filter(|id| is_answered(at.answers.get(id.as_str())))
                    .count();
                Some(Quantity::Number(count as f64))
            }
            Self::Sum(terms) => {
                let mut total = 0.0;
                for term in terms {
                    match inner(term)? {
                        Quantity::Number(n) => total += n,
                        Quantity::Date(_) => return None,
                    }
                }
                Some(Quantity::Number(total))
            }
            Self::Shift(shift) => {
                let Quantity::Date(date) = inner(&shift.from)? else {
                    return None;
                };
                shifted(date, shift.years, shift.months, shift.days).map(Quantity::Date)
            }
            Self::YearsBetween(between) => {
                let (from, to) = between.dates(inner)?;
                Some(Quantity::Number(f64::from(whole_years(from, to))))
            }
            Self::DaysBetween(between) => {
                let (from, to) = between.dates(inner)?;
                Some(Quantity::Number((to - from).num_days() as f64))
            }
        }
    }

    /// The questions this expression reads.
    pub fn questions(&self) -> Vec<&str> {
        match self {
            Self::Today | Self::Number(_) => Vec::new(),
            Self::Answer(id) | Self::Count(id) => vec![id.as_str()],
            Self::Answered(ids) => ids.iter().map(String::as_str).collect(),
            Self::Sum(terms) => terms.iter().flat_map(Self::questions).collect(),
            Self::Shift(shift) => shift.from.questions(),
            Self::YearsBetween(between) | Self::DaysBetween(between) => {
                let mut ids = between.from.questions();
                ids.extend(between.to.questions());
                ids
            }
        }
    }
}

impl Between {
    fn dates(
        &self,
        value: impl Fn(&Expression) -> Option<Quantity>,
    ) -> Option<(NaiveDate, NaiveDate)> {
        match (value(&self.from)?, value(&self.to)?) {
            (Quantity::Date(from), Quantity::Date(to)) => Some((from, to)),
            _ => None,
        }
    }
}

impl Comparison {
    /// Whether `left` compares so with `right`; values of different kinds never do.
    pub fn holds(self, left: Quantity, right: Quantity) -> bool {
        let order = match (left, right) {
            (Quantity::Number(a), Quantity::Number(b)) => a.partial_cmp(&b),
            (Quantity::Date(a), Quantity::Date(b)) => Some(a.cmp(&b)),
            _ => None,
        };
        let Some(order) = order else {
            return false;
        };
        match self {
            Self::Equal => order.is_eq(),
            Self::NotEqual => order.is_ne(),
            Self::LessThan => order.is_lt(),
            Self::AtMost => order.is_le(),
            Self::MoreThan => order.is_gt(),
            Self::AtLeast => order.is_ge(),
        }
    }
}

/// The value of a question worked out from others (computed, or a date plus days), if it is
/// shown for these answers and can be worked out: a hidden one counts for nothing, as a hidden
/// answer does not.
pub(crate) fn worked_out(question: &Question, at: Context<'_>) -> Option<Quantity> {
    worked_out_within(question, at, 0)
}

fn worked_out_within(question: &Question, at: Context<'_>, depth: u8) -> Option<Quantity> {
    if !is_shown(question, at) {
        return None;
    }
    match &question.kind {
        QuestionKind::Computed { value } => value.value_within(at, depth + 1),
        QuestionKind::DatePlusDays { from, days } => {
            date_plus_days(at.answers.get(from), at.answers.get(days)).map(Quantity::Date)
        }
        _ => None,
    }
}

/// Whether a top-level question is shown: its page and itself. Conditions read only earlier
/// answers, already pruned, so this is what `prune_hidden` decided.
fn is_shown(question: &Question, at: Context<'_>) -> bool {
    let Some(page) = at
        .form
        .pages
        .iter()
        .find(|p| p.questions.iter().any(|q| q.id == question.id))
    else {
        return false;
    };
    page.shown_when.as_ref().is_none_or(|c| c.holds(at))
        && question.shown_when.as_ref().is_none_or(|c| c.holds(at))
}

fn answer_value(id: &str, at: Context<'_>, depth: u8) -> Option<Quantity> {
    let question = at.form.question(id)?;
    match &question.kind {
        QuestionKind::Computed { .. } | QuestionKind::DatePlusDays { .. } => {
            worked_out_within(question, at, depth)
        }
        QuestionKind::Date { .. } => parse_date(at.answers.get(id)?).ok().map(Quantity::Date),
        QuestionKind::Number { .. } => {
            let given = at.answers.get(id)?;
            let number = given
                .as_f64()
                .or_else(|| given.as_str()?.trim().parse::<f64>().ok())?;
            number.is_finite().then_some(Quantity::Number(number))
        }
        _ => None,
    }
}

fn shifted(date: NaiveDate, years: i32, months: i32, days: i32) -> Option<NaiveDate> {
    let months = years.checked_mul(12)?.checked_add(months)?;
    let moved = if months >= 0 {
        date.checked_add_months(Months::new(months.unsigned_abs()))?
    } else {
        date.checked_sub_months(Months::new(months.unsigned_abs()))?
    };
    moved.checked_add_signed(Duration::days(i64::from(days)))
}

/// A quantity as people read it: "85", "2.5", "3 March 2027".
pub fn describe(quantity: Quantity) -> String {
    match quantity {
        Quantity::Number(n) if n.fract() == 0.0 && n.abs() < 1e15 => format!("{}", n as i64),
        Quantity::Number(n) => format!("{n}"),
        Quantity::Date(date) => long_date(date),
    }
}

/// Whether an `answer` expression can read a question of this kind.
pub(crate) fn reads_as_quantity(kind: &QuestionKind) -> bool {
    matches!(
        kind,
        QuestionKind::Number { .. }
            | QuestionKind::Date { .. }
            | QuestionKind::DatePlusDays { .. }
            | QuestionKind::Computed { .. }
    )
}
