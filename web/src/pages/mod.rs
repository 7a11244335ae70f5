pub mod dols;
pub mod form_unavailable;
pub mod home;
pub mod not_found;
pub mod referrals;
pub mod unavailable;
