//! Asking for a document in another format: large print, easy read, audio, braille or another
//! language (the Equality Act's reasonable adjustments, and the Accessible Information
//! Standard's). The request reaches a team as a message; staff answer it by publishing the new
//! version, which the person then sees beside the request.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use super::FieldErrors;
use super::field_messages::FieldMessages;
use super::page::page;
use crate::language::Language;

/// A format a document can be asked for in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum DocumentFormat {
    LargePrint,
    EasyRead,
    Audio,
    Braille,
    /// In a language other than English: say which in `language`.
    AnotherLanguage,
}

impl DocumentFormat {
    pub const ALL: [Self; 5] = [
        Self::LargePrint,
        Self::EasyRead,
        Self::Audio,
        Self::Braille,
        Self::AnotherLanguage,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Self::LargePrint => "large_print",
            Self::EasyRead => "easy_read",
            Self::Audio => "audio",
            Self::Braille => "braille",
            Self::AnotherLanguage => "another_language",
        }
    }

    pub fn parse(text: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|f| f.as_str() == text)
    }

    /// "Large print", as a person reads it.
    pub fn label(self) -> &'static str {
        match self {
            Self::LargePrint => "Large print",
            Self::EasyRead => "Easy read",
            Self::Audio => "Audio",
            Self::Braille => "Braille",
            Self::AnotherLanguage => "Another language",
        }
    }
}

/// The longest language name taken.
pub const MAX_LANGUAGE: usize = 60;

/// Asks for one document, or every document (no `document_id`), in another format.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[cfg_attr(feature = "openapi", schema(example = json!({
    "document_id": "0193b020-0000-7000-8000-000000000020", "format": "large_print"
})))]
#[serde(deny_unknown_fields)]
pub struct FormatRequestCreate {
    /// The document; leave out to ask for letters and documents in this format from now on.
    #[serde(default)]
    pub document_id: Option<String>,
    pub format: DocumentFormat,
    /// Which language, for `another_language` only.
    #[serde(default)]
    pub language: Option<String>,
}

impl FormatRequestCreate {
    pub fn validate(&self) -> FieldErrors {
        self.validate_in(Language::English)
    }

    pub fn validate_in(&self, language: Language) -> FieldErrors {
        let says = FieldMessages(language);
        let mut errors = FieldErrors::new();
        // `self.language` is the language the document is wanted in, not the page's.
        let wanted = self.language.as_deref().map(str::trim).unwrap_or_default();
        match self.format {
            DocumentFormat::AnotherLanguage if wanted.is_empty() => {
                errors.insert("language".into(), vec![says.enter_the_language()]);
            }
            DocumentFormat::AnotherLanguage if wanted.chars().count() > MAX_LANGUAGE => {
                errors.insert(
                    "language".into(),
                    vec![says.language_too_long(MAX_LANGUAGE)],
                );
            }
            DocumentFormat::AnotherLanguage => {}
            _ if !wanted.is_empty() => {
                errors.insert(
                    "language".into(),
                    vec![says.language_only_for_another_language()],
                );
            }
            _ => {}
        }
        errors
    }

    /// What was asked for: "Large print", "Another language: Polish".
    pub fn describe(format: DocumentFormat, language: Option<&str>) -> String {
        match (format, language) {
            (DocumentFormat::AnotherLanguage, Some(language)) => {
                format!("{}: {language}", format.label())
            }
            _ => format.label().to_owned(),
        }
    }
}

/// A request for another format, and its answer once staff have published it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[cfg_attr(feature = "openapi", schema(example = json!({
    "id": "0193b030-0000-7000-8000-000000000030",
    "document_id": "0193b020-0000-7000-8000-000000000020",
    "document_title": "Your care and support plan", "format": "large_print", "language": null,
    "requested_at": "2026-12-02T10:00:00Z", "requested_by": "Margaret Okafor",
    "thread_id": "0193b031-0000-7000-8000-000000000031",
    "answer": null, "answered_at": null
})))]
pub struct FormatRequestView {
    pub id: String,
    /// Absent when the person asked for every document in this format.
    pub document_id: Option<String>,
    pub document_title: Option<String>,
    pub format: DocumentFormat,
    pub language: Option<String>,
    pub requested_at: DateTime<Utc>,
    /// Who asked: the person or their proxy.
    pub requested_by: String,
    /// The conversation with the team the request started.
    pub thread_id: String,
    /// The document staff published in answer; absent while it is being made.
    pub answer: Option<FormatAnswer>,
    pub answered_at: Option<DateTime<Utc>>,
}

/// The new version published in answer.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct FormatAnswer {
    pub document_id: String,
    pub title: String,
}

page!(
    /// A person's requests for other formats, newest first.
    FormatRequestPage of FormatRequestView
);

#[cfg(test)]
mod tests {
    use super::*;

    fn asked(format: DocumentFormat, language: Option<&str>) -> FieldErrors {
        FormatRequestCreate {
            document_id: None,
            format,
            language: language.map(str::to_owned),
        }
        .validate()
    }

    #[test]
    fn another_language_needs_its_name_and_no_other_format_takes_one() {
        assert!(asked(DocumentFormat::LargePrint, None).is_empty());
        assert!(asked(DocumentFormat::AnotherLanguage, Some("Polish")).is_empty());
        assert!(asked(DocumentFormat::AnotherLanguage, Some("  ")).contains_key("language"));
        assert!(asked(DocumentFormat::Braille, Some("Welsh")).contains_key("language"));
        assert!(
            asked(DocumentFormat::AnotherLanguage, Some(&"x".repeat(61))).contains_key("language")
        );
    }

    #[test]
    fn a_missing_language_is_asked_for_in_the_page_language() {
        let request = FormatRequestCreate {
            document_id: None,
            format: DocumentFormat::AnotherLanguage,
            language: None,
        };
        assert_eq!(
            request.validate_in(Language::Welsh)["language"],
            ["Rhowch yr iaith rydych chi ei heisiau"]
        );
        assert_eq!(
            request.validate()["language"],
            ["Enter the language you want"]
        );
    }
}
