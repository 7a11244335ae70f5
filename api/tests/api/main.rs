//! Integration tests: the real server through HTTP, on a real SQLite file or PostgreSQL database.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod accounts;
mod bad_input;
mod citizen;
mod cli;
mod council;
mod database;
mod errors;
mod faults;
mod form_rules;
mod forms;
mod health;
mod helpers;
mod imports;
mod integrations;
mod mailbox;
mod nodes;
mod openapi;
mod outbox;
mod processes;
mod profile;
mod referrals;
mod security_headers;
mod staff;
mod walk;
mod web_app;
