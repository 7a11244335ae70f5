/// A 6-digit one-time code as typed: "123 456", "123456" and " 123-456 " are the same code.
/// `None` when what remains is not six digits.
pub fn normalise_code(input: &str) -> Option<String> {
    let digits: String = input
        .chars()
        .filter(|c| !c.is_whitespace() && *c != '-')
        .collect();
    (digits.len() == 6 && digits.chars().all(|c| c.is_ascii_digit())).then_some(digits)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_code_is_accepted_with_or_without_its_space() {
        assert_eq!(normalise_code("123 456").as_deref(), Some("123456"));
        assert_eq!(normalise_code("123456").as_deref(), Some("123456"));
        assert_eq!(normalise_code(" 123-456 ").as_deref(), Some("123456"));
        assert_eq!(normalise_code("12345"), None);
        assert_eq!(normalise_code("12a456"), None);
        assert_eq!(normalise_code("１２３４５６"), None);
    }
}
