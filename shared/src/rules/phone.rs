use std::fmt;

use crate::language::Language;

/// A UK phone number, kept as its national significant digits (without the leading 0).
///
/// People write numbers many ways (`0113 496 0000`, `+44 (0)113 496 0000`, `0044-113-4960000`);
/// all of them parse to the same value, so stored numbers compare equal.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct UkPhone {
    national: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PhoneError {
    Empty,
    InvalidCharacter,
    NotUk,
    WrongLength,
}

impl PhoneError {
    /// What to do about it, as an error message in `language` (its `Display` is the English).
    /// The Welsh awaits a translator's review, like the rest of the portal's Welsh.
    pub fn message_in(self, language: Language) -> &'static str {
        match (self, language) {
            (Self::Empty, Language::Welsh) => {
                "Rhowch rif ffôn, fel 01632 960 001 neu 07700 900 982"
            }
            (Self::Empty, Language::English) => {
                "Enter a telephone number, like 01632 960 001 or 07700 900 982"
            }
            (Self::InvalidCharacter, Language::Welsh) => {
                "Rhowch rif ffôn gan ddefnyddio rhifau, bylchau, cromfachau, cysylltnodau a + yn unig"
            }
            (Self::InvalidCharacter, Language::English) => {
                "Enter a telephone number using only numbers, spaces, brackets, hyphens and +"
            }
            (Self::NotUk, Language::Welsh) => "Rhowch rif ffôn yn y DU, yn dechrau gyda 0 neu +44",
            (Self::NotUk, Language::English) => {
                "Enter a UK telephone number, starting with 0 or +44"
            }
            (Self::WrongLength, Language::Welsh) => {
                "Rhowch rif ffôn sydd â 10 neu 11 digid, fel 01632 960 001"
            }
            (Self::WrongLength, Language::English) => {
                "Enter a telephone number with 10 or 11 digits, like 01632 960 001"
            }
        }
    }
}

impl fmt::Display for PhoneError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.message_in(Language::English))
    }
}

impl std::error::Error for PhoneError {}

impl UkPhone {
    pub fn parse(input: &str) -> Result<Self, PhoneError> {
        let trimmed = input.trim();
        if trimmed.is_empty() {
            return Err(PhoneError::Empty);
        }
        if !trimmed
            .chars()
            .all(|c| c.is_ascii_digit() || matches!(c, ' ' | '-' | '(' | ')' | '+'))
        {
            return Err(PhoneError::InvalidCharacter);
        }
        let plus = trimmed.starts_with('+');
        if trimmed.chars().skip(1).any(|c| c == '+') {
            return Err(PhoneError::InvalidCharacter);
        }
        // "+44 (0)20 ..." writes the trunk 0 in brackets; it is not part of the number.
        let without_trunk = trimmed.replacen("(0)", "", 1);
        let digits: String = without_trunk.chars().filter(char::is_ascii_digit).collect();
        let national = if plus {
            digits.strip_prefix("44").ok_or(PhoneError::NotUk)?
        } else if let Some(rest) = digits.strip_prefix("0044") {
            rest
        } else {
            digits.strip_prefix('0').ok_or(PhoneError::NotUk)?
        };
        let national = national.strip_prefix('0').unwrap_or(national);
        // Most UK numbers have 10 national digits; a few old geographic ones have 9.
        if !(9..=10).contains(&national.len()) {
            return Err(PhoneError::WrongLength);
        }
        if national.starts_with('7') && national.len() != 10 {
            return Err(PhoneError::WrongLength);
        }
        Ok(Self {
            national: national.to_owned(),
        })
    }

    /// The number in E.164 form, for example `+441134960000`.
    pub fn e164(&self) -> String {
        format!("+44{}", self.national)
    }

    /// A `tel:` URI, so that phones can dial the number from a link.
    pub fn tel_uri(&self) -> String {
        format!("tel:{}", self.e164())
    }
}

impl fmt::Display for UkPhone {
    /// The national form with the trunk 0 and no spaces, which is what the council stores.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "0{}", self.national)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_ways_people_write_one_number_all_agree() {
        let expected = UkPhone::parse("01632 960123").unwrap();
        for written in [
            "01632960123",
            "+44 1632 960123",
            "+44 (0)1632 960123",
            "0044 1632 960123",
            "(01632) 960-123",
        ] {
            assert_eq!(UkPhone::parse(written).unwrap(), expected, "{written}");
        }
        assert_eq!(expected.e164(), "+441632960123");
        assert_eq!(expected.to_string(), "01632960123");
        assert_eq!(expected.tel_uri(), "tel:+441632960123");
    }

    #[test]
    fn mobiles_and_london_numbers_parse() {
        assert!(UkPhone::parse("07700 900456").is_ok());
        assert!(UkPhone::parse("020 7946 0000").is_ok());
    }

    #[test]
    fn each_error_is_worded_in_welsh_and_its_display_stays_english() {
        let error = UkPhone::parse("+1 202 555 0100").unwrap_err();
        assert_eq!(
            error.message_in(Language::Welsh),
            "Rhowch rif ffôn yn y DU, yn dechrau gyda 0 neu +44"
        );
        assert_eq!(
            error.to_string(),
            "Enter a UK telephone number, starting with 0 or +44"
        );
        for error in [
            PhoneError::Empty,
            PhoneError::InvalidCharacter,
            PhoneError::NotUk,
            PhoneError::WrongLength,
        ] {
            assert_eq!(error.to_string(), error.message_in(Language::English));
            assert!(
                error
                    .message_in(Language::Welsh)
                    .starts_with("Rhowch rif ffôn")
            );
        }
    }

    #[test]
    fn numbers_that_are_not_uk_phones_are_refused() {
        assert_eq!(UkPhone::parse("  "), Err(PhoneError::Empty));
        assert_eq!(
            UkPhone::parse("0113 496 000x"),
            Err(PhoneError::InvalidCharacter)
        );
        assert_eq!(UkPhone::parse("+1 202 555 0100"), Err(PhoneError::NotUk));
        assert_eq!(UkPhone::parse("1134960000"), Err(PhoneError::NotUk));
        assert_eq!(UkPhone::parse("0113 496"), Err(PhoneError::WrongLength));
        assert_eq!(UkPhone::parse("0770 090 045"), Err(PhoneError::WrongLength));
        assert_eq!(
            UkPhone::parse("01+13 496 0000"),
            Err(PhoneError::InvalidCharacter)
        );
    }
}
