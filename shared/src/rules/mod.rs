//! Input rules the browser and the server both apply.

mod code;
mod email;
mod nhs_number;
mod password;
mod phone;
mod postcode;

pub use code::normalise_code;
pub use email::{is_email_address, normalise_email};
pub use nhs_number::{is_nhs_number, nhs_number_spaced};
pub use password::{
    MAXIMUM_LENGTH as PASSWORD_MAXIMUM_LENGTH, MINIMUM_LENGTH as PASSWORD_MINIMUM_LENGTH,
    PasswordRule, SPECIAL_CHARACTERS, unmet_password_rules,
};
pub use phone::{PhoneError, UkPhone};
pub use postcode::{Postcode, PostcodeError, is_postcode_district};
