//! A person's care record as a whole, composed from the parts that own its pieces (`people`,
//! `documents`, `messages`, `items`, `referrals`): the citizen's five tiles and the record as
//! staff open it. Neither reads a table itself.

pub mod dashboard;
pub mod overview;
