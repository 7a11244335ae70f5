//! The form engine: definitions are data (`shared/forms/*.json`); this code reads them and
//! decides, for a set of answers, what is shown, what is wrong, how far along the form is, and
//! what the check-answers page lists. The browser uses it to gate Next and Submit; the server
//! uses the same code and never trusts the browser.

mod check;
mod condition;
mod evaluate;
mod expression;
mod model;
mod person;
mod prefill;
mod shape;
mod tidy;
mod validate;

pub use check::{Problem, check_definition, unknown_question_fields};
pub use evaluate::{
    Answers, SummaryRow, defaults, exit_page, is_complete, progress, prune_hidden, summary,
    visible_pages, visible_questions, warnings, without_council_only,
};
pub use expression::{Between, Comparison, Context, Expression, Quantity, Shift};
pub use model::{
    Audience, Block, Check, Choice, Condition, DateRule, ExitPage, ExitRule, FormDefinition,
    Messages, Page, Prefill, Question, QuestionKind, RulesWhen, Warning,
};
pub use person::{Identity, IdentityAddress, PersonQuestions};
pub use prefill::{Known, prefill};
pub use shape::shape_errors;
pub use tidy::tidy;
pub use validate::{DateProblem, parse_date, parse_time, validate_all, validate_page};
