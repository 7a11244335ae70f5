//! The three apps built from this library, each with its own routes (see `src/bin` and
//! `shared::boot::Bundle`).

pub mod forms;
pub mod public;
pub mod staff;
