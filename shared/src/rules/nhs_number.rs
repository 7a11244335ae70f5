/// Whether `input` is a valid NHS number: 10 digits (spaces and hyphens allowed, as in
/// "943 476 5919") whose last digit is the modulus 11 check digit of the first nine.
pub fn is_nhs_number(input: &str) -> bool {
    let digits: Vec<u32> = input
        .chars()
        .filter(|c| !c.is_whitespace() && *c != '-')
        .map(|c| c.to_digit(10))
        .collect::<Option<Vec<_>>>()
        .unwrap_or_default();
    if digits.len() != 10 {
        return false;
    }
    let sum: u32 = digits[..9]
        .iter()
        .zip((2..=10).rev())
        .map(|(digit, weight)| digit * weight)
        .sum();
    match 11 - sum % 11 {
        11 => digits[9] == 0,
        10 => false,
        check => digits[9] == check,
    }
}

/// An NHS number as people read it, in groups of 3, 3 and 4 ("943 476 5919"); anything else
/// as it is.
pub fn nhs_number_spaced(number: &str) -> String {
    let digits: String = number.chars().filter(char::is_ascii_digit).collect();
    if digits.len() == 10 {
        format!("{} {} {}", &digits[..3], &digits[3..6], &digits[6..])
    } else {
        number.to_owned()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_number_is_shown_in_its_three_groups() {
        assert_eq!(nhs_number_spaced("9434765919"), "943 476 5919");
        assert_eq!(nhs_number_spaced("943-476-5919"), "943 476 5919");
        assert_eq!(nhs_number_spaced("12345"), "12345");
    }

    #[test]
    fn the_check_digit_is_checked() {
        assert!(is_nhs_number("943 476 5919"));
        assert!(is_nhs_number("9434765919"));
        assert!(is_nhs_number("943-476-5919"));
        assert!(!is_nhs_number("943 476 5918"));
        assert!(!is_nhs_number("943 476 591"));
        assert!(!is_nhs_number("943 476 591x"));
        // A remainder giving 10 can never be valid.
        assert!(!is_nhs_number("1000000010"));
    }
}
