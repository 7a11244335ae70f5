//! Who is asking: accounts' secrets, one-time codes, sessions and tokens, throttles, bot checks.

pub mod bot_check;
pub mod codes;
pub mod current_user;
pub mod keys;
pub mod live;
pub mod sessions;
pub mod throttle;
pub mod tokens;

pub use current_user::{Administrator, ApiCaller, CurrentUser, Staff};
pub use keys::Keys;
