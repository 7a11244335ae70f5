//! Request and response bodies of the JSON API under `/api/v1`.

mod council;
mod health;
mod problem;

pub use council::{
    CouncilView, InformationLinksView, MessageTypeView, PhoneNumberView, PhoneNumbersView,
    PostcodeCoverage,
};
pub use health::{DatabaseBackend, DatabaseHealth, Health, HealthStatus};
pub use problem::{FieldErrors, Problem};
