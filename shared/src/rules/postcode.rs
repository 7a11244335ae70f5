use std::fmt;

use crate::language::Language;

/// A UK postcode, normalised to upper case with one space before the inward code (`L20 3NJ`).
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Postcode {
    outward: String,
    inward: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PostcodeError {
    Empty,
    Invalid,
}

impl PostcodeError {
    /// What to do about it, as an error message in `language` (its `Display` is the English).
    /// The Welsh awaits a translator's review, like the rest of the portal's Welsh.
    pub fn message_in(self, language: Language) -> &'static str {
        match (self, language) {
            (Self::Empty, Language::English) => "Enter a postcode",
            (Self::Empty, Language::Welsh) => "Rhowch god post",
            (Self::Invalid, Language::English) => "Enter a real postcode, like L20 3NJ",
            (Self::Invalid, Language::Welsh) => "Rhowch god post go iawn, fel L20 3NJ",
        }
    }
}

impl fmt::Display for PostcodeError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.message_in(Language::English))
    }
}

impl std::error::Error for PostcodeError {}

/// Letters that never appear in the last two places of a postcode.
const INWARD_EXCLUDED: &[u8] = b"CIKMOV";

impl Postcode {
    pub fn parse(input: &str) -> Result<Self, PostcodeError> {
        let compact: String = input
            .chars()
            .filter(|c| !c.is_whitespace())
            .collect::<String>()
            .to_ascii_uppercase();
        if compact.is_empty() {
            return Err(PostcodeError::Empty);
        }
        if !compact.is_ascii() || !(5..=7).contains(&compact.len()) {
            return Err(PostcodeError::Invalid);
        }
        let (outward, inward) = compact.split_at(compact.len() - 3);
        let inward_bytes = inward.as_bytes();
        let inward_ok = inward_bytes[0].is_ascii_digit()
            && inward_bytes[1..]
                .iter()
                .all(|b| b.is_ascii_uppercase() && !INWARD_EXCLUDED.contains(b));
        if !inward_ok || !(is_postcode_district(outward) || outward == "GIR" && inward == "0AA") {
            return Err(PostcodeError::Invalid);
        }
        Ok(Self {
            outward: outward.to_owned(),
            inward: inward.to_owned(),
        })
    }

    /// The outward code (postcode district), for example `L20`.
    pub fn district(&self) -> &str {
        &self.outward
    }
}

impl fmt::Display for Postcode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} {}", self.outward, self.inward)
    }
}

/// Whether `outward` is a well-formed outward code: A9, A99, AA9, AA99, A9A or AA9A, in upper case.
pub fn is_postcode_district(outward: &str) -> bool {
    let b = outward.as_bytes();
    let letter = |c: u8| c.is_ascii_uppercase();
    let digit = |c: u8| c.is_ascii_digit();
    // Q, V and X are never first; I, J and Z never second.
    let first_ok = |c: u8| letter(c) && !b"QVX".contains(&c);
    let second_ok = |c: u8| letter(c) && !b"IJZ".contains(&c);
    match b {
        [a, n] => first_ok(*a) && digit(*n),
        [a, n, m] if digit(*n) && digit(*m) => first_ok(*a),
        [a, n, l] if digit(*n) => first_ok(*a) && b"ABCDEFGHJKPSTUW".contains(l),
        [a, c, n] => first_ok(*a) && second_ok(*c) && digit(*n),
        [a, c, n, m] if digit(*m) => first_ok(*a) && second_ok(*c) && digit(*n),
        [a, c, n, l] => first_ok(*a) && second_ok(*c) && digit(*n) && b"ABEHMNPRVWXY".contains(l),
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_shape_of_postcode_parses_and_normalises() {
        for (written, normal) in [
            ("m1 1aa", "M1 1AA"),
            ("M60 1NW", "M60 1NW"),
            ("CR2 6XH", "CR2 6XH"),
            ("dn551pt", "DN55 1PT"),
            ("W1A 1HQ", "W1A 1HQ"),
            ("EC1A 1BB", "EC1A 1BB"),
            (" l20  3nj ", "L20 3NJ"),
            ("GIR 0AA", "GIR 0AA"),
        ] {
            assert_eq!(Postcode::parse(written).unwrap().to_string(), normal);
        }
        assert_eq!(Postcode::parse("L20 3NJ").unwrap().district(), "L20");
    }

    #[test]
    fn strings_that_are_not_postcodes_are_refused() {
        assert_eq!(Postcode::parse(""), Err(PostcodeError::Empty));
        for bad in [
            "L20 3NC", "L20", "Q1 1AA", "LZ1 1AA", "L20 NJ3", "123 456", "L20 3NJJ", "É1 1AA",
        ] {
            assert_eq!(Postcode::parse(bad), Err(PostcodeError::Invalid), "{bad}");
        }
    }

    #[test]
    fn each_error_is_worded_in_welsh_and_its_display_stays_english() {
        assert_eq!(
            PostcodeError::Empty.message_in(Language::Welsh),
            "Rhowch god post"
        );
        assert_eq!(
            PostcodeError::Invalid.message_in(Language::Welsh),
            "Rhowch god post go iawn, fel L20 3NJ"
        );
        assert_eq!(PostcodeError::Empty.to_string(), "Enter a postcode");
        assert_eq!(
            PostcodeError::Invalid.to_string(),
            "Enter a real postcode, like L20 3NJ"
        );
    }

    #[test]
    fn districts_are_checked_on_their_own() {
        assert!(is_postcode_district("L20"));
        assert!(is_postcode_district("PR8"));
        assert!(is_postcode_district("EC1A"));
        assert!(!is_postcode_district("l20"));
        assert!(!is_postcode_district("L"));
        assert!(!is_postcode_district("20L"));
    }
}
