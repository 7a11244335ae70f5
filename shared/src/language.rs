//! The languages the portal speaks: English and Welsh. A person chooses one (the header's
//! "Cymraeg" / "English" link); an account keeps it, so its emails come in it too.

use serde::{Deserialize, Serialize};

use crate::api::stored_as_word;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub enum Language {
    #[default]
    #[serde(rename = "en")]
    English,
    #[serde(rename = "cy")]
    Welsh,
}

stored_as_word!(Language, "language");

impl Language {
    pub const ALL: [Self; 2] = [Self::English, Self::Welsh];

    /// The BCP 47 tag, as `lang` attributes, the `language` cookie and the database hold it.
    pub fn code(self) -> &'static str {
        match self {
            Self::English => "en",
            Self::Welsh => "cy",
        }
    }

    pub fn parse(code: &str) -> Option<Self> {
        match code.trim().to_ascii_lowercase().as_str() {
            "en" => Some(Self::English),
            "cy" => Some(Self::Welsh),
            _ => None,
        }
    }

    /// The language's name in itself: the words of the link that switches to it.
    pub fn own_name(self) -> &'static str {
        match self {
            Self::English => "English",
            Self::Welsh => "Cymraeg",
        }
    }

    /// The one the header offers to switch to.
    pub fn other(self) -> Self {
        match self {
            Self::English => Self::Welsh,
            Self::Welsh => Self::English,
        }
    }

    /// The language a first visit is offered from its `Accept-Language` header: the one the
    /// browser prefers most (by `q`), English when it names neither.
    pub fn from_accept_language(header: &str) -> Self {
        header
            .split(',')
            .enumerate()
            .filter_map(|(position, range)| {
                let mut parts = range.split(';');
                let tag = parts.next()?.trim();
                let primary = tag.split('-').next()?;
                let language = Self::parse(primary)?;
                let quality = parts
                    .find_map(|part| part.trim().strip_prefix("q="))
                    .map_or(Some(1.0), |q| q.trim().parse::<f32>().ok())?;
                (quality > 0.0).then_some((quality, position, language))
            })
            // The highest quality wins; between equals, the one the browser named first.
            .max_by(|a, b| a.0.total_cmp(&b.0).then(b.1.cmp(&a.1)))
            .map_or(Self::English, |(_, _, language)| language)
    }
}

#[cfg(test)]
mod tests {
    use super::Language;

    #[test]
    fn a_browser_that_prefers_welsh_is_offered_welsh() {
        assert_eq!(
            Language::from_accept_language("cy-GB,cy;q=0.9,en;q=0.8"),
            Language::Welsh
        );
        assert_eq!(
            Language::from_accept_language("en-GB,en;q=0.9,cy;q=0.8"),
            Language::English
        );
        assert_eq!(
            Language::from_accept_language("fr, cy;q=0.5, en;q=0.4"),
            Language::Welsh
        );
        assert_eq!(
            Language::from_accept_language("en;q=0.2, cy;q=0.7"),
            Language::Welsh
        );
        assert_eq!(
            Language::from_accept_language("cy;q=0, en;q=0.1"),
            Language::English
        );
    }

    #[test]
    fn a_browser_that_names_neither_is_offered_english() {
        assert_eq!(Language::from_accept_language(""), Language::English);
        assert_eq!(
            Language::from_accept_language("fr-FR, de;q=0.5"),
            Language::English
        );
        assert_eq!(Language::from_accept_language("*"), Language::English);
        assert_eq!(
            Language::from_accept_language("cy;q=nonsense"),
            Language::English
        );
    }

    #[test]
    fn a_stored_code_reads_back_and_any_other_word_is_an_error() {
        for language in Language::ALL {
            assert_eq!(Language::try_from(language.code().to_owned()), Ok(language));
        }
        assert!(Language::try_from("welsh".to_owned()).is_err());
    }
}
