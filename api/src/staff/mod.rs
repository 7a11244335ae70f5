//! What council staff do beyond the referral queue (`triage`): answer their teams' messages,
//! keep people's records, and (administrators) manage staff accounts. Every function checks
//! the caller is staff, and every read or change of a record is written to the audit log.

pub mod accounts;
pub mod people;
pub mod search;
pub mod teams;
