//! The form engine: definitions are data (`shared/forms/*.json`); this code reads them and
//! decides, for a set of answers, what is shown, what is wrong, how far along the form is, and
//! what the check-answers page lists. The browser uses it to gate Next and Submit; the server
//! uses the same code and never trusts the browser.

mod answers;
mod bilingual;
mod check;
mod condition;
mod evaluate;
mod expression;
mod model;
mod person;
mod phrases;
mod prefill;
mod shape;
mod text;
mod tidy;
mod validate;

pub use answers::{Answers, DateProblem, long_date_in, parse_date};
pub use check::{Problem, check_definition, unknown_question_fields};
pub use evaluate::{
    SummaryRow, defaults, exit_page, is_complete, progress, prune_hidden, summary, summary_in,
    visible_pages, visible_questions, warnings, without_council_only,
};
pub use expression::{Context, Quantity};
pub use model::{
    Audience, Between, Block, Check, Choice, Comparison, Condition, DateRule, ExitPage, ExitRule,
    Expression, FormDefinition, Messages, Page, PersonQuestions, Prefill, Question, QuestionKind,
    RulesWhen, Shift, Warning,
};
pub use person::{Identity, IdentityAddress};
pub use prefill::{Known, prefill};
pub use shape::shape_errors;
pub use text::Text;
pub use tidy::tidy;
pub use validate::{parse_time, validate_all, validate_all_in, validate_page, validate_page_in};
