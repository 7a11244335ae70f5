use serde::{Deserialize, Serialize};
use serde_json::Value;

use super::text::Text;

/// A form, as published: what it asks, in what order, and when.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct FormDefinition {
    /// Where an editor finds the format's JSON Schema (`"../form-definition.schema.json"`);
    /// read by editors only.
    #[serde(rename = "$schema", default, skip_serializing)]
    pub schema: Option<String>,
    /// Stable, in URLs and stored with every draft and submission: `social-care-referral`.
    pub id: String,
    /// Goes up whenever the questions change; submissions keep the version they answered.
    pub version: u32,
    pub title: Text,
    pub audience: Audience,
    /// One line for the list of forms.
    pub summary: Text,
    /// The "Before you start" page.
    pub before_you_start: Vec<Block>,
    pub pages: Vec<Page>,
    /// Pages that end the form early: "this is not the right form for you, instead…".
    #[serde(default)]
    pub exits: Vec<ExitPage>,
    /// "What happens next", on the confirmation page after submitting.
    #[serde(default)]
    pub what_happens_next: Vec<Block>,
    /// The key of the council team (`council.toml`) whose queue receives referrals made with
    /// this form; staff can still move each one. Without it, referrals arrive with no team.
    /// A form the council sends a person goes back to the team that sent it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub team: Option<String>,
    /// The questions that identify the person a referral is about, so that staff can match it
    /// to a record the council holds or start one from it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub person: Option<PersonQuestions>,
}

/// Who fills a form in, which decides where it is offered.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum Audience {
    /// GPs, nurses, hospitals and care homes referring someone: listed with the referrals.
    Professional,
    /// Citizens and those who look after them, for forms staff send to complete from a
    /// person's record; never started as a referral.
    Citizen,
    /// Professionals referring someone, and citizens referring themselves or someone they care
    /// for (a carer's assessment): listed with the referrals and on the citizen's pages.
    Anyone,
}

impl Audience {
    /// Whether the form is started as a referral (from the list of forms) rather than sent by
    /// staff to a person.
    pub fn is_referral(self) -> bool {
        matches!(self, Self::Professional | Self::Anyone)
    }
}

/// Content shown on "Before you start" and exit pages.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum Block {
    Paragraph(Text),
    List(Vec<Text>),
    Link {
        text: Text,
        href: String,
    },
    /// Shown as a GOV.UK warning text.
    Warning(Text),
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Page {
    pub id: String,
    pub title: Text,
    #[serde(default)]
    pub intro: Option<Text>,
    pub questions: Vec<Question>,
    /// The page is skipped (and its answers dropped) unless this holds.
    #[serde(default)]
    pub shown_when: Option<Condition>,
    /// Answers on this page that end the form at an exit page; the first that holds wins.
    #[serde(default)]
    pub exits: Vec<ExitRule>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct ExitRule {
    pub when: Condition,
    /// The id of an exit page.
    pub to: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct ExitPage {
    pub id: String,
    pub title: Text,
    pub body: Vec<Block>,
}

// No deny_unknown_fields here: serde cannot combine it with the flattened kind.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Question {
    /// Unique within the form (within its group, for questions in a repeating group).
    pub id: String,
    pub label: Text,
    #[serde(default)]
    pub hint: Option<Text>,
    #[serde(default)]
    pub required: bool,
    /// The question is hidden (neither required nor kept) unless this holds.
    #[serde(default)]
    pub shown_when: Option<Condition>,
    /// Filled in from the signed-in account when the form starts (the referrer's details).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub prefill: Option<Prefill>,
    /// For the council's eyes only (a key safe's code): kept with the submission and shown to
    /// staff, but left out of the referrer's copy and confirmation, and of the feed and FHIR
    /// for clients without the `submissions:restricted` scope.
    #[serde(default, skip_serializing_if = "is_false")]
    pub council_only: bool,
    /// Filled in when the page is shown and the question has no answer yet, worked out from
    /// earlier answers (Form 2's further authorisation starts the day after the current one
    /// expires); the person can change it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub default: Option<Expression>,
    /// Conditions the answer must meet, each with the error shown when it does not (the further
    /// authorisation must start after the current one expires). Read once the answer is
    /// otherwise right.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub checks: Vec<Check>,
    /// Conditions that do not stop the form but are shown beside the answer (a start more than
    /// 28 days away may be queried).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub warnings: Vec<Warning>,
    /// This question's own error messages, where the generated ones would read badly.
    #[serde(default, skip_serializing_if = "Messages::is_empty")]
    pub messages: Messages,
    #[serde(flatten)]
    pub kind: QuestionKind,
}

/// A condition an answer must meet.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Check {
    pub must: Condition,
    /// The error when it does not hold, as GOV.UK writes them.
    pub message: Text,
}

/// A condition worth a word, not a refusal.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Warning {
    pub when: Condition,
    pub message: Text,
}

/// A question's own error messages, written as GOV.UK writes them ("Enter the person's full
/// name", "Date of birth must be in the past"). Each one given replaces the generated message of
/// its kind; those not given are generated from the label.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Messages {
    /// When a required question has no answer.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub required: Option<Text>,
    /// When the answer is not of the right form: not a number, not a real date or time, a
    /// choice that is not offered, or (with `all_required`) a box left unticked.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub invalid: Option<Text>,
    /// When the answer is of the right form but outside what is allowed: a number below `min`
    /// or above `max`, a date that breaks one of its rules.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub range: Option<Text>,
}

impl Messages {
    pub fn is_empty(&self) -> bool {
        self.required.is_none() && self.invalid.is_none() && self.range.is_none()
    }
}

/// What a question starts with, from the signed-in account or (in a form the council sends a
/// person) from the person's record; the person can still change it. The server fills these in
/// too: a draft it creates, an item it sends.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum Prefill {
    /// The account's forename and surname, on a `text` question.
    AccountName,
    /// On an `email` question.
    AccountEmail,
    /// The person's forename and surname from their record, on a `text` question.
    PersonName,
    /// On a `date` question.
    PersonDateOfBirth,
    /// On an `address` question.
    PersonAddress,
    /// On an `email` question.
    PersonEmail,
    /// Their mobile number, or their home number, on a `phone` question.
    PersonPhone,
}

impl Prefill {
    /// Whether it reads the person's record, which only a form the council sends has.
    pub fn is_from_record(self) -> bool {
        !matches!(self, Self::AccountName | Self::AccountEmail)
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum QuestionKind {
    Text {
        #[serde(default = "short_text")]
        max_length: usize,
    },
    LongText {
        #[serde(default = "long_text")]
        max_length: usize,
    },
    Number {
        #[serde(default)]
        min: Option<f64>,
        #[serde(default)]
        max: Option<f64>,
        /// Only whole numbers.
        #[serde(default)]
        whole: bool,
    },
    /// Day, month and year.
    Date {
        #[serde(default)]
        rules: Vec<DateRule>,
        /// Rules that apply only when other answers match: a DoLS standard authorisation
        /// must start within 7 days when an urgent authorisation has been given.
        #[serde(default, skip_serializing_if = "Vec::is_empty")]
        rules_when: Vec<RulesWhen>,
    },
    /// Answered "yes" or "no".
    YesNo,
    Radios {
        options: Vec<Choice>,
    },
    Checkboxes {
        options: Vec<Choice>,
        /// Every box must be ticked: statements that must all hold (the DoLS urgent
        /// authorisation's criteria).
        #[serde(default, skip_serializing_if = "is_false")]
        all_required: bool,
    },
    Select {
        options: Vec<Choice>,
    },
    Email,
    /// A UK phone number.
    Phone,
    /// A time of day on the 24-hour clock, "14:30" (or "9:05"), stored as typed.
    Time,
    /// A UK postcode; with `in_area`, one the council serves.
    Postcode {
        #[serde(default)]
        in_area: bool,
    },
    /// Building and street, second line, town, postcode; with `in_area`, a postcode the
    /// council serves.
    Address {
        #[serde(default)]
        in_area: bool,
    },
    NhsNumber,
    File {
        /// MIME types accepted, for example `application/pdf`.
        accept: Vec<String>,
        max_bytes: u64,
    },
    /// "Add another": a list of items, each answering `questions`.
    Group {
        /// What one item is called: "consultee".
        item: Text,
        questions: Vec<Question>,
        #[serde(default)]
        min: usize,
        max: usize,
    },
    /// A number or date worked out from other answers (an age from a date of birth): shown on
    /// its page and on check answers, never typed, and readable by conditions as an answer.
    Computed {
        value: Expression,
    },
    /// A date worked out from two other answers: `from` plus `days` days (the DoLS urgent
    /// authorisation's expiry). Shown, never typed.
    DatePlusDays {
        from: String,
        days: String,
    },
}

fn is_false(value: &bool) -> bool {
    !value
}

fn short_text() -> usize {
    200
}

fn long_text() -> usize {
    5000
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Choice {
    /// Stored in the answers.
    pub value: String,
    /// Shown to people.
    pub label: Text,
}

/// Date rules that hold only when `when` does (read against the form's top-level answers).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct RulesWhen {
    pub when: Condition,
    pub rules: Vec<DateRule>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum DateRule {
    /// Today or earlier.
    NotInFuture,
    /// Today or later.
    NotInPast,
    /// No more than this many days after today.
    AtMostDaysAhead(u32),
    /// A date of birth of someone at least this old today.
    AgeAtLeast(u32),
}

/// When a page or question is shown, in terms of other answers.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case", deny_unknown_fields)]
pub enum Condition {
    /// The answer equals the value (for yes/no, radios, select, text).
    Equals {
        question: String,
        value: Value,
    },
    /// The answer is one of the values.
    OneOf {
        question: String,
        values: Vec<Value>,
    },
    /// A checkbox answer includes the value.
    Includes {
        question: String,
        value: Value,
    },
    /// The question has an answer.
    Answered {
        question: String,
    },
    /// Two values compared: dates (with today, with another answer, moved by years, months or
    /// days) or numbers (answers, counts of chosen options or answered questions, sums).
    Compare {
        left: Expression,
        is: Comparison,
        right: Expression,
    },
    All(Vec<Condition>),
    Any(Vec<Condition>),
    Not(Box<Condition>),
}

impl FormDefinition {
    pub fn page(&self, id: &str) -> Option<&Page> {
        self.pages.iter().find(|p| p.id == id)
    }

    /// Every top-level question, in order.
    pub fn questions(&self) -> impl Iterator<Item = &Question> {
        self.pages.iter().flat_map(|p| p.questions.iter())
    }

    pub fn question(&self, id: &str) -> Option<&Question> {
        self.questions().find(|q| q.id == id)
    }
}

impl Question {
    /// Worked out from other answers rather than typed: never required, never answered.
    pub fn is_worked_out(&self) -> bool {
        matches!(
            self.kind,
            QuestionKind::DatePlusDays { .. } | QuestionKind::Computed { .. }
        )
    }
}

impl Condition {
    /// The questions this condition reads.
    pub fn questions(&self) -> Vec<&str> {
        match self {
            Self::Equals { question, .. }
            | Self::OneOf { question, .. }
            | Self::Includes { question, .. }
            | Self::Answered { question } => vec![question.as_str()],
            Self::Compare { left, right, .. } => {
                let mut ids = left.questions();
                ids.extend(right.questions());
                ids
            }
            Self::All(all) | Self::Any(all) => all.iter().flat_map(Self::questions).collect(),
            Self::Not(inner) => inner.questions(),
        }
    }
}

/// An expression, written in a definition as JSON: `"today"`, `{"answer": "date_of_birth"}`,
/// `{"number": 18}`, `{"count": "needs"}`, `{"answered": ["phone", "email"]}`,
/// `{"sum": [...]}`, `{"shift": {"from": "today", "years": -18}}`,
/// `{"years_between": {"from": {"answer": "date_of_birth"}, "to": "today"}}`,
/// `{"days_between": {...}}`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case", deny_unknown_fields)]
pub enum Expression {
    /// The day the form is filled in (the browser's, checked again by the server's).
    Today,
    /// The answer to a number, date or computed question.
    Answer(String),
    Number(f64),
    /// How many options of a checkbox question are chosen, or items of a group added.
    Count(String),
    /// How many of these questions have an answer.
    Answered(Vec<String>),
    /// Numbers added up.
    Sum(Vec<Expression>),
    /// A date moved by whole years, months and days (negative to go back).
    Shift(Shift),
    /// Whole years from one date to another: an age.
    YearsBetween(Between),
    /// Days from one date to another.
    DaysBetween(Between),
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Shift {
    pub from: Box<Expression>,
    #[serde(default)]
    pub years: i32,
    #[serde(default)]
    pub months: i32,
    #[serde(default)]
    pub days: i32,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Between {
    pub from: Box<Expression>,
    pub to: Box<Expression>,
}

/// How two values compare; for dates, `less_than` is "before".
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum Comparison {
    Equal,
    NotEqual,
    #[serde(alias = "before")]
    LessThan,
    #[serde(alias = "on_or_before")]
    AtMost,
    #[serde(alias = "after")]
    MoreThan,
    #[serde(alias = "on_or_after")]
    AtLeast,
}

/// The questions whose answers identify the person a form is about, by id. Names come as a
/// first and a last name, or as one full name (whose last word is taken as the surname).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct PersonQuestions {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub forename: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub surname: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub full_name: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date_of_birth: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub nhs_number: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub address: Option<String>,
}
