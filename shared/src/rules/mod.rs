//! Input rules the browser and the server both apply.

mod password;
mod phone;
mod postcode;

pub use password::{
    MAXIMUM_LENGTH as PASSWORD_MAXIMUM_LENGTH, MINIMUM_LENGTH as PASSWORD_MINIMUM_LENGTH,
    PasswordRule, SPECIAL_CHARACTERS, unmet_password_rules,
};
pub use phone::{PhoneError, UkPhone};
pub use postcode::{Postcode, PostcodeError, is_postcode_district};
