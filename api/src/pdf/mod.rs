//! The PDFs the portal makes: a submitted form, and letters. Each is tagged to PDF/UA-1 (a
//! title, a language, headings, tables with header cells, an outline, the page footers marked
//! as artifacts) so a screen reader reads it in order, and set in embedded Noto Sans so every
//! name prints as it was typed. krilla checks the PDF/UA rules it can as it writes the file:
//! a document that breaks one is an error, never a file.

mod fonts;
mod layout;

pub use fonts::Fonts;

use shared::api::{CouncilView, SubmissionView};
use shared::language::Language;

use layout::{Block, Cell};

/// The PDF of `submission` in `language` (its words; the form's title and answers come as the
/// view gives them), as sent to `council`.
pub fn submission(
    fonts: &Fonts,
    submission: &SubmissionView,
    council: &CouncilView,
    language: Language,
) -> anyhow::Result<Vec<u8>> {
    let word = |key: &str| crate::i18n::text(language, key);
    let (council_name, service) = (council.name_in(language), council.service_name_in(language));
    let details = [
        (word("pdf-reference"), submission.reference.clone()),
        (
            word("pdf-submitted"),
            crate::i18n::uk_time(language, submission.submitted_at.naive_utc()),
        ),
        (
            word("pdf-status"),
            word(&format!("status-{}", submission.status.as_str())),
        ),
        (
            word("pdf-form-version"),
            submission.form_version.to_string(),
        ),
    ]
    .into_iter()
    .map(|(label, value)| Cell::pair(label, value))
    .collect();
    let answers = submission
        .summary
        .iter()
        .map(|row| Cell::pair(&row.label, &row.answer))
        .collect();
    let (question, answer) = (word("pdf-question"), word("pdf-answer"));
    let blocks = vec![
        Block::Paragraph(format!("{council_name}, {service}")),
        Block::Heading(1, submission.form_title.clone()),
        Block::Table {
            columns: None,
            rows: details,
        },
        Block::Heading(2, word("pdf-answers")),
        Block::Table {
            columns: Some((question, answer)),
            rows: answers,
        },
    ];
    layout::write(
        fonts,
        &blocks,
        &layout::About {
            title: format!("{} {}", submission.form_title, submission.reference),
            language,
            producer: service,
            footer: &submission.reference,
        },
    )
}

/// A letter: the council's heading, a title and paragraphs (for demonstration documents and
/// anything staff generate).
pub fn letter(
    fonts: &Fonts,
    council: &str,
    service: &str,
    title: &str,
    paragraphs: &[&str],
) -> anyhow::Result<Vec<u8>> {
    let mut blocks = vec![
        Block::Paragraph(format!("{council}, {service}")),
        Block::Heading(1, title.to_owned()),
    ];
    blocks.extend(
        paragraphs
            .iter()
            .map(|text| Block::Paragraph((*text).to_owned())),
    );
    layout::write(
        fonts,
        &blocks,
        &layout::About {
            title: title.to_owned(),
            language: Language::English,
            producer: service,
            footer: council,
        },
    )
}

#[cfg(test)]
mod tests {
    use std::path::PathBuf;

    use lopdf::{Document as Pdf, Object};

    use super::*;

    /// Noto Sans CJK where `just test` installs it (Debian's `fonts-noto-cjk`).
    fn fonts_with_cjk() -> Fonts {
        let cjk = PathBuf::from("/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc");
        assert!(cjk.exists(), "install fonts-noto-cjk (just test does)");
        Fonts::load(&[cjk]).unwrap()
    }

    fn sent_by_lukasz() -> SubmissionView {
        serde_json::from_value(serde_json::json!({
            "id": "0193a7d0-11aa-7b3c-8e2f-6a5d4c3b2a10",
            "reference": "ASC-7K4M-9QX2",
            "form_id": "support-enquiry",
            "form_title": "Support enquiry",
            "form_version": 3,
            "status": "received",
            "submitted_at": "2026-11-23T10:20:00Z",
            "answers": {},
            "summary": [
                {"page_id": "about", "question_id": "name", "label": "Full name",
                 "answer": "Łukasz Nguyễn", "missing": false},
                {"page_id": "about", "question_id": "address", "label": "Where they live",
                 "answer": "Tŷ Gŵyr, 東京", "missing": false},
                {"page_id": "more", "question_id": "more", "label": "Anything else",
                 "answer": "ŵ ŷ ".repeat(1500), "missing": false},
            ],
            "language": "en",
        }))
        .unwrap()
    }

    /// The structure types (`/S`) of the tree under `node`, depth first.
    fn structure(pdf: &Pdf, node: &Object, into: &mut Vec<String>) {
        let node = match node {
            Object::Reference(id) => pdf.get_object(*id).unwrap(),
            other => other,
        };
        match node {
            Object::Array(children) => children.iter().for_each(|c| structure(pdf, c, into)),
            Object::Dictionary(dict) => {
                if let Ok(kind) = dict.get(b"S").and_then(Object::as_name) {
                    into.push(String::from_utf8_lossy(kind).into_owned());
                }
                if let Ok(children) = dict.get(b"K") {
                    structure(pdf, children, into);
                }
            }
            _ => {}
        }
    }

    fn council() -> CouncilView {
        crate::council::Council::parse(include_str!("../../../config/council.toml"))
            .unwrap()
            .view()
            .clone()
    }

    #[test]
    fn a_submission_prints_every_name_as_typed_with_its_language_title_and_structure() {
        let bytes = submission(
            &fonts_with_cjk(),
            &sent_by_lukasz(),
            &council(),
            Language::English,
        )
        .unwrap();

        let text = pdf_extract::extract_text_from_mem(&bytes).unwrap();
        for typed in [
            "ŵ ŷ",
            "Łukasz",
            "Nguyễn",
            "Tŷ Gŵyr",
            "東京",
            "ASC-7K4M-9QX2",
        ] {
            assert!(text.contains(typed), "{typed} is missing from {text}");
        }

        let pdf = Pdf::load_mem(&bytes).unwrap();
        let catalog = pdf.catalog().unwrap();
        assert_eq!(catalog.get(b"Lang").unwrap().as_str().unwrap(), b"en-GB");
        let marked = pdf
            .dereference(catalog.get(b"MarkInfo").unwrap())
            .unwrap()
            .1;
        assert!(
            marked
                .as_dict()
                .unwrap()
                .get(b"Marked")
                .unwrap()
                .as_bool()
                .unwrap()
        );
        let info = pdf
            .trailer
            .get(b"Info")
            .and_then(Object::as_reference)
            .unwrap();
        let title = pdf.get_dictionary(info).unwrap().get(b"Title").unwrap();
        assert_eq!(
            lopdf::decode_text_string(title).unwrap(),
            "Support enquiry ASC-7K4M-9QX2"
        );

        let mut kinds = Vec::new();
        structure(&pdf, catalog.get(b"StructTreeRoot").unwrap(), &mut kinds);
        for kind in ["H1", "H2", "P", "Table", "THead", "TBody", "TR", "TH", "TD"] {
            assert!(kinds.iter().any(|k| k == kind), "no {kind} in {kinds:?}");
        }
        let first_heading = kinds.iter().position(|k| k == "H1").unwrap();
        let answers = kinds.iter().position(|k| k == "H2").unwrap();
        assert!(first_heading < answers, "headings out of reading order");

        // Every font is embedded, none of them one of the 14 a reader is left to supply.
        let descriptors: Vec<_> = pdf
            .objects
            .values()
            .filter_map(|object| object.as_dict().ok())
            .filter(|dict| {
                dict.get(b"Type").and_then(Object::as_name).ok() == Some(b"FontDescriptor")
            })
            .collect();
        assert!(descriptors.len() >= 3, "regular, bold and CJK faces");
        assert!(
            descriptors
                .iter()
                .all(|d| { d.has(b"FontFile2") || d.has(b"FontFile3") })
        );
        assert!(
            pdf.get_pages().len() >= 2,
            "the long answer runs on to a second page"
        );
    }

    #[test]
    fn a_welsh_speakers_copy_is_in_welsh_and_says_so() {
        let bytes = submission(
            &fonts_with_cjk(),
            &sent_by_lukasz(),
            &council(),
            Language::Welsh,
        )
        .unwrap();
        let text = pdf_extract::extract_text_from_mem(&bytes).unwrap();
        for welsh in [
            "Cyngor Bwrdeistref Eastmoor",
            "Cyfeirnod",
            "Atebion",
            "Wedi dod i law",
            "Tachwedd",
            "tudalen 1 o",
        ] {
            assert!(text.contains(welsh), "{welsh} is missing from {text}");
        }
        let pdf = Pdf::load_mem(&bytes).unwrap();
        let catalog = pdf.catalog().unwrap();
        assert_eq!(catalog.get(b"Lang").unwrap().as_str().unwrap(), b"cy-GB");
    }

    #[test]
    fn letters_no_installed_font_has_still_make_a_valid_pdf_read_out_as_typed() {
        let bytes = letter(
            &Fonts::built_in().unwrap(),
            "Demo council",
            "ASC",
            "Your plan",
            &["Meet at 東京 station"],
        )
        .unwrap();
        let pdf = Pdf::load_mem(&bytes).unwrap();
        let page = *pdf.get_pages().values().next().unwrap();
        let content = String::from_utf8_lossy(&pdf.get_page_content(page).unwrap()).into_owned();
        assert!(content.contains("/ActualText"), "{content}");
    }
}
