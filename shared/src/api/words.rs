//! Reading a closed set back from where it is stored as a word (a database column): a word that
//! names no member is bad data, reported as an error, never read as a default.

use std::fmt;

/// A stored word that names none of a closed set's members.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UnknownWord {
    /// What the word should have named: "submission status".
    pub set: &'static str,
    pub word: String,
}

impl fmt::Display for UnknownWord {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:?} is not a {}", self.word, self.set)
    }
}

impl std::error::Error for UnknownWord {}

/// A nullable column of a closed set's words, read as an optional member (a proxy's legal basis,
/// none for a person's own access): `#[diesel(deserialize_as = Option<String>)]`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct OptionalWord<T>(pub Option<T>);

impl<T: TryFrom<String, Error = UnknownWord>> TryFrom<Option<String>> for OptionalWord<T> {
    type Error = UnknownWord;

    fn try_from(word: Option<String>) -> Result<Self, UnknownWord> {
        word.map(T::try_from).transpose().map(Self)
    }
}

/// `TryFrom<String>` for a closed set with `parse(&str) -> Option<Self>`, so the server's
/// database rows can hold the set itself (`#[diesel(deserialize_as = String)]`).
macro_rules! stored_as_word {
    ($set:ty, $name:literal) => {
        impl TryFrom<String> for $set {
            type Error = $crate::api::UnknownWord;

            fn try_from(word: String) -> Result<Self, Self::Error> {
                Self::parse(&word).ok_or($crate::api::UnknownWord { set: $name, word })
            }
        }
    };
}
pub(crate) use stored_as_word;

#[cfg(test)]
mod tests {
    use crate::api::{Role, Sender, SubmissionStatus};

    #[test]
    fn a_stored_word_reads_back_as_its_member_and_any_other_is_an_error() {
        assert_eq!(
            SubmissionStatus::try_from("in_review".to_owned()),
            Ok(SubmissionStatus::InReview)
        );
        assert_eq!(Role::try_from("staff".to_owned()), Ok(Role::Staff));
        assert_eq!(Sender::try_from("citizen".to_owned()), Ok(Sender::Citizen));
        let bad = SubmissionStatus::try_from("Received".to_owned()).unwrap_err();
        assert_eq!(bad.to_string(), "\"Received\" is not a submission status");
        assert!(Role::try_from("root".to_owned()).is_err());
        assert!(Sender::try_from(String::new()).is_err());
    }
}
