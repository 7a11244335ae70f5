//! Who is asking: the extractors that prove it, signing keys and tokens, whether a token still
//! holds, throttles and bot checks. Accounts' sessions and one-time codes are the accounts'
//! (`crate::accounts`).

pub mod bot_check;
pub mod current_user;
pub mod keys;
pub mod live;
pub mod throttle;
pub mod tokens;

pub use current_user::{Administrator, ApiCaller, CurrentUser, Staff};
pub use keys::Keys;
