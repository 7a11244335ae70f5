//! What other systems use: machine clients with scoped secrets that exchange them for short-lived
//! tokens (OAuth 2.0 client credentials), webhooks, and FHIR. The feed of submissions they read
//! is `referrals::feed`, beside the table it reads.

pub mod clients;
pub mod destination;
pub mod fhir;
pub mod registry;
pub mod webhooks;
