/// Whether `email` looks like a deliverable address: one `@`, a local part, and a domain of at
/// least two dot-separated labels. Deliverability itself is proved by the emailed code.
pub fn is_email_address(email: &str) -> bool {
    let Some((local, domain)) = email.split_once('@') else {
        return false;
    };
    let label_ok = |label: &str| {
        !label.is_empty()
            && label.len() <= 63
            && !label.starts_with('-')
            && !label.ends_with('-')
            && label.chars().all(|c| c.is_alphanumeric() || c == '-')
    };
    email.len() <= 254
        && !local.is_empty()
        && local.len() <= 64
        && !local.starts_with('.')
        && !local.ends_with('.')
        && !local.contains("..")
        && local
            .chars()
            .all(|c| c.is_alphanumeric() || "!#$%&'*+-/=?^_`{|}~.".contains(c))
        && domain.contains('.')
        && domain.split('.').all(label_ok)
}

/// The form an address is stored and compared in.
pub fn normalise_email(email: &str) -> String {
    email.trim().to_lowercase()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ordinary_addresses_are_accepted() {
        for email in [
            "sam@example.org",
            "sam.jones+care@nhs.net",
            "o'brien@council.gov.uk",
        ] {
            assert!(is_email_address(email), "{email}");
        }
    }

    #[test]
    fn things_that_are_not_addresses_are_refused() {
        for email in [
            "",
            "sam",
            "sam@",
            "@example.org",
            "sam@example",
            "sam@@example.org",
            "sam..jones@example.org",
            "sam@-example.org",
            "sam jones@example.org",
            "<script>@x.org",
        ] {
            assert!(!is_email_address(email), "{email}");
        }
    }

    #[test]
    fn addresses_compare_without_case_or_spaces() {
        assert_eq!(normalise_email("  Sam@Example.ORG "), "sam@example.org");
    }
}
