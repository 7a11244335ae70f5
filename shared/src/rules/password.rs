use crate::language::Language;

/// The password policy of seed 001, plus what current guidance adds (NCSC, OWASP ASVS): refuse
/// the commonest passwords and ones built from the email address, and allow long passphrases.
///
/// The browser shows each rule as a checklist that ticks as it is met, and the server refuses a
/// password that fails any of them, from this one definition.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PasswordRule {
    MinimumLength,
    MaximumLength,
    ContainsLetter,
    OnlyAllowedCharacters,
    ContainsUpperCase,
    ContainsDigit,
    ContainsSpecial,
    NotCommon,
    NotEmailName,
}

pub const MINIMUM_LENGTH: usize = 12;
pub const MAXIMUM_LENGTH: usize = 128;

/// The characters that count as special, as the seed's "list of special characters" shows them.
pub const SPECIAL_CHARACTERS: &str = "!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~ ";

/// A short list of passwords that meet the character rules but appear in every breach corpus.
const COMMON_PASSWORDS: &[&str] = &[
    "password123!",
    "password1234!",
    "p@ssword1234",
    "p@ssw0rd1234",
    "welcome123!!",
    "qwerty123456!",
    "letmein12345!",
    "changeme123!",
    "administrator1!",
    "iloveyou1234!",
];

impl PasswordRule {
    pub const ALL: [Self; 9] = [
        Self::MinimumLength,
        Self::ContainsLetter,
        Self::OnlyAllowedCharacters,
        Self::ContainsUpperCase,
        Self::ContainsDigit,
        Self::ContainsSpecial,
        Self::MaximumLength,
        Self::NotCommon,
        Self::NotEmailName,
    ];

    /// The rule as the checklist states it, in English.
    pub fn description(self) -> &'static str {
        self.description_in(Language::English)
    }

    /// The rule as the checklist states it, in `language`. The Welsh awaits a translator's
    /// review, like the rest of the portal's Welsh.
    pub fn description_in(self, language: Language) -> &'static str {
        match (self, language) {
            (Self::MinimumLength, Language::Welsh) => "Rhaid iddo fod o leiaf 12 nod o hyd",
            (Self::MinimumLength, Language::English) => "It must be at least 12 characters long",
            (Self::MaximumLength, Language::Welsh) => "Rhaid iddo fod dim mwy na 128 nod o hyd",
            (Self::MaximumLength, Language::English) => {
                "It must be no more than 128 characters long"
            }
            (Self::ContainsLetter, Language::Welsh) => "Rhaid iddo gynnwys o leiaf un llythyren",
            (Self::ContainsLetter, Language::English) => "It must contain at least one letter",
            (Self::OnlyAllowedCharacters, Language::Welsh) => {
                "Rhaid iddo gynnwys llythrennau, digidau a nodau arbennig yn unig"
            }
            (Self::OnlyAllowedCharacters, Language::English) => {
                "It must contain only letters, digits, and special characters"
            }
            (Self::ContainsUpperCase, Language::Welsh) => {
                "Rhaid iddo gynnwys o leiaf un briflythyren"
            }
            (Self::ContainsUpperCase, Language::English) => {
                "It must contain at least one upper-case letter"
            }
            (Self::ContainsDigit, Language::Welsh) => "Rhaid iddo gynnwys o leiaf un digid",
            (Self::ContainsDigit, Language::English) => {
                "It must contain at least one numerical digit"
            }
            (Self::ContainsSpecial, Language::Welsh) => {
                "Rhaid iddo gynnwys o leiaf un nod arbennig"
            }
            (Self::ContainsSpecial, Language::English) => {
                "It must contain at least one special character"
            }
            (Self::NotCommon, Language::Welsh) => "Rhaid iddo beidio â bod yn gyfrinair cyffredin",
            (Self::NotCommon, Language::English) => "It must not be a commonly used password",
            (Self::NotEmailName, Language::Welsh) => {
                "Rhaid iddo beidio â chynnwys rhan gyntaf eich cyfeiriad e-bost"
            }
            (Self::NotEmailName, Language::English) => {
                "It must not contain the first part of your email address"
            }
        }
    }

    /// Whether `password` meets this rule; `email` is the account's address, when known.
    pub fn is_met(self, password: &str, email: &str) -> bool {
        // Letters of any language count as letters: "Zürich-Straße-2024!" is a fine password.
        let allowed = |c: char| c.is_alphanumeric() || SPECIAL_CHARACTERS.contains(c);
        match self {
            Self::MinimumLength => password.chars().count() >= MINIMUM_LENGTH,
            Self::MaximumLength => password.chars().count() <= MAXIMUM_LENGTH,
            Self::ContainsLetter => password.chars().any(char::is_alphabetic),
            Self::OnlyAllowedCharacters => password.chars().all(allowed),
            Self::ContainsUpperCase => password.chars().any(char::is_uppercase),
            Self::ContainsDigit => password.chars().any(|c| c.is_ascii_digit()),
            Self::ContainsSpecial => password.chars().any(|c| SPECIAL_CHARACTERS.contains(c)),
            Self::NotCommon => !COMMON_PASSWORDS.contains(&password.to_lowercase().as_str()),
            Self::NotEmailName => {
                let local = email.split('@').next().unwrap_or_default().to_lowercase();
                // Very short local parts ("jo@") would refuse too much by accident.
                local.chars().count() < 3 || !password.to_lowercase().contains(&local)
            }
        }
    }
}

/// The rules `password` does not meet, in checklist order; empty when it is acceptable.
pub fn unmet_password_rules(password: &str, email: &str) -> Vec<PasswordRule> {
    PasswordRule::ALL
        .into_iter()
        .filter(|rule| !rule.is_met(password, email))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_password_meeting_every_rule_is_accepted() {
        assert!(unmet_password_rules("Correct-Horse-7-Battery", "sam@example.org").is_empty());
    }

    #[test]
    fn letters_of_any_language_are_letters() {
        assert!(unmet_password_rules("Zürich-Straße-2024!", "sam@example.org").is_empty());
        assert!(unmet_password_rules("Łódź-Świętokrzyska-7", "sam@example.org").is_empty());
        // Upper case may be any language's, and still must be there.
        assert_eq!(
            unmet_password_rules("ñandú-çà-marché-7!", "sam@example.org"),
            [PasswordRule::ContainsUpperCase]
        );
    }

    #[test]
    fn each_rule_refuses_what_it_names() {
        let email = "sam.jones@example.org";
        let cases = [
            ("Sh0rt!", PasswordRule::MinimumLength),
            // Neither a letter, a digit nor one of the seed's special characters.
            (
                "Correct-Horse-7-Battery€",
                PasswordRule::OnlyAllowedCharacters,
            ),
            ("correct-horse-7-battery", PasswordRule::ContainsUpperCase),
            ("Correct-Horse-Battery", PasswordRule::ContainsDigit),
            ("CorrectHorse7Battery", PasswordRule::ContainsSpecial),
            ("Password123!", PasswordRule::NotCommon),
            ("Sam.Jones-2026!", PasswordRule::NotEmailName),
        ];
        for (password, rule) in cases {
            assert_eq!(
                unmet_password_rules(password, email),
                vec![rule],
                "{password}"
            );
        }
        assert_eq!(
            unmet_password_rules("123456789012!", email),
            vec![
                PasswordRule::ContainsLetter,
                PasswordRule::ContainsUpperCase
            ]
        );
        let long = format!("A1!{}", "a".repeat(MAXIMUM_LENGTH));
        assert_eq!(
            unmet_password_rules(&long, email),
            vec![PasswordRule::MaximumLength]
        );
    }

    #[test]
    fn each_rule_is_stated_in_welsh_and_in_the_unchanged_english() {
        assert_eq!(
            PasswordRule::NotEmailName.description_in(Language::Welsh),
            "Rhaid iddo beidio â chynnwys rhan gyntaf eich cyfeiriad e-bost"
        );
        assert_eq!(
            PasswordRule::MinimumLength.description(),
            "It must be at least 12 characters long"
        );
        for rule in PasswordRule::ALL {
            assert_eq!(rule.description(), rule.description_in(Language::English));
            assert!(
                rule.description_in(Language::Welsh)
                    .starts_with("Rhaid iddo")
            );
        }
    }

    #[test]
    fn a_sixty_four_character_passphrase_is_allowed() {
        let phrase = format!("Tall-Trees-4-{}", "x".repeat(51));
        assert_eq!(phrase.chars().count(), 64);
        assert!(unmet_password_rules(&phrase, "").is_empty());
    }
}
