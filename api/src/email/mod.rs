//! Email: templates as files, an outbox table written in the same transaction as the change
//! that causes the email, and a worker on every node that sends what is due.

pub mod outbox;
pub mod templates;
pub mod transport;

pub use outbox::{Outbox, enqueue};
pub use templates::{Email, Template};
pub use transport::Mailer;
