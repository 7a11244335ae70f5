//! What the server (`api`) and the browser app (`web`) must agree on.
//!
//! Nothing here knows about HTTP servers, databases or the DOM, so the same code gives the same
//! verdicts in the browser and on the server.

pub mod api;
pub mod boot;
pub mod forms;
pub mod language;
pub mod rules;
