//! A text a form shows people: one string (a form in English only), or the same text in
//! English and Welsh (`{"en": "…", "cy": "…"}`). A form is bilingual or not as a whole: the
//! checker refuses Welsh on some texts but not all (`check::bilingual`).

use serde::{Deserialize, Serialize};

use crate::language::Language;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(untagged)]
pub enum Text {
    English(String),
    Both { en: String, cy: String },
}

impl Text {
    /// The text for a reader of `language`: English where the form has no Welsh.
    pub fn in_language(&self, language: Language) -> &str {
        match (self, language) {
            (Self::Both { cy, .. }, Language::Welsh) => cy,
            (Self::Both { en, .. }, _) | (Self::English(en), _) => en,
        }
    }

    /// As the council's staff read it, and as the feed and FHIR carry it.
    pub fn english(&self) -> &str {
        self.in_language(Language::English)
    }

    pub fn has_welsh(&self) -> bool {
        matches!(self, Self::Both { .. })
    }
}

/// The English text, for English sentences that name it: what the server tells integrators
/// about their answers, and the error messages generated from a label (which are English
/// sentences until the generated wording has Welsh of its own).
impl std::fmt::Display for Text {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.english())
    }
}

impl From<&str> for Text {
    fn from(text: &str) -> Self {
        Self::English(text.to_owned())
    }
}

impl From<String> for Text {
    fn from(text: String) -> Self {
        Self::English(text)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_text_is_read_in_the_readers_language_or_in_english() {
        let both: Text = serde_json::from_str(r#"{"en": "Your name", "cy": "Eich enw"}"#).unwrap();
        assert_eq!(both.in_language(Language::Welsh), "Eich enw");
        assert_eq!(both.english(), "Your name");
        let only: Text = serde_json::from_str(r#""Your name""#).unwrap();
        assert_eq!(only.in_language(Language::Welsh), "Your name");
        assert!(both.has_welsh() && !only.has_welsh());
        assert!(serde_json::from_str::<Text>(r#"{"en": "Your name"}"#).is_err());
        assert_eq!(serde_json::to_string(&only).unwrap(), r#""Your name""#);
    }
}
