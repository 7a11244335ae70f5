//! What other systems use: machine clients with scoped secrets that exchange them for short-lived
//! tokens (OAuth 2.0 client credentials), and the feed of submissions in the order they were made.

pub mod clients;
pub mod destination;
pub mod feed;
pub mod fhir;
pub mod webhooks;
