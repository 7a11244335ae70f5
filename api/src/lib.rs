//! The portal's server: the JSON API under `/api`, and the browser app served from the same origin.

pub mod accounts;
pub mod audit;
pub mod auth;
pub mod calendar;
pub mod citizen;
pub mod cli;
pub mod configuration;
pub mod council;
pub mod csv_export;
pub mod db;
pub mod demo;
pub mod email;
pub mod error;
pub mod files;
pub mod forms;
pub mod imports;
pub mod integrations;
pub mod metrics;
pub mod openapi;
pub mod pagination;
pub mod passwords;
pub mod pdf;
pub mod proxies;
pub mod purge;
pub mod referrals;
pub mod request_id;
pub mod requests;
pub mod routes;
pub mod security_headers;
pub mod staff;
pub mod startup;
pub mod state;

pub mod telemetry;
pub mod triage;
pub mod web_app;
