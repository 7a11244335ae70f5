//! The four apps built from this library, each with its own routes (see `src/bin` and
//! `shared::boot::Bundle`).

pub mod admin;
pub mod forms;
pub mod public;
pub mod staff;
