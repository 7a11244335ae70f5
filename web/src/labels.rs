//! The closed sets of `shared` as a reader of the page's language reads them: a status, a
//! legal basis, a document format, a file's kind. `shared` words them in English for the
//! server (`SubmissionStatus::label` and the like); the browser's words, in both languages,
//! are here, once for every page that shows one.

use shared::api::{DocumentFormat, ItemStatus, LegalBasis, SubmissionStatus};

use crate::i18n::{Locale, td_string};

pub fn submission_status(locale: Locale, status: SubmissionStatus) -> &'static str {
    match status {
        SubmissionStatus::Received => td_string!(locale, labels.received),
        SubmissionStatus::InReview => td_string!(locale, labels.in_review),
        SubmissionStatus::Accepted => td_string!(locale, labels.accepted),
        SubmissionStatus::Declined => td_string!(locale, labels.declined),
        SubmissionStatus::MoreInformationNeeded => {
            td_string!(locale, labels.more_information_needed)
        }
    }
}

/// Where a form the council sent has got to.
pub fn item_status(locale: Locale, status: ItemStatus) -> &'static str {
    match status {
        ItemStatus::NotStarted => td_string!(locale, labels.not_started),
        ItemStatus::InProgress => td_string!(locale, labels.in_progress),
        ItemStatus::Submitted => td_string!(locale, labels.submitted),
    }
}

/// The footing of a proxy's access, in running text: "lasting power of attorney".
pub fn legal_basis(locale: Locale, basis: LegalBasis) -> &'static str {
    match basis {
        LegalBasis::Consent => td_string!(locale, labels.consent),
        LegalBasis::LastingPowerOfAttorney => td_string!(locale, labels.attorney),
        LegalBasis::Deputyship => td_string!(locale, labels.deputyship),
    }
}

pub fn document_format(locale: Locale, format: DocumentFormat) -> &'static str {
    match format {
        DocumentFormat::LargePrint => td_string!(locale, labels.large_print),
        DocumentFormat::EasyRead => td_string!(locale, labels.easy_read),
        DocumentFormat::Audio => td_string!(locale, labels.audio),
        DocumentFormat::Braille => td_string!(locale, labels.braille),
        DocumentFormat::AnotherLanguage => td_string!(locale, labels.another_language),
    }
}

/// A checked file type in words: "PDF", "JPEG image".
pub fn file_kind(locale: Locale, content_type: &str) -> &'static str {
    match content_type {
        "application/pdf" => td_string!(locale, labels.pdf),
        "image/jpeg" => td_string!(locale, labels.jpeg),
        "image/png" => td_string!(locale, labels.png),
        _ => td_string!(locale, labels.file),
    }
}
