//! A submitted form as a PDF: the council, the form, its reference and every answer as the
//! referrer saw them on check answers. Set in Helvetica, one of the fonts every PDF reader
//! has, so nothing is embedded and the file stays small.

use std::io::{Read, Seek, SeekFrom};

use pdf_canvas::{BuiltinFont, FontSource, Pdf};
use shared::api::SubmissionView;

const PAGE_WIDTH: f32 = 595.0;
const PAGE_HEIGHT: f32 = 842.0;
const MARGIN: f32 = 56.0;
const TEXT_WIDTH: f32 = PAGE_WIDTH - 2.0 * MARGIN;
const SIZE: f32 = 11.0;
const LEADING: f32 = 15.0;

/// One line of text placed on a page.
struct Line {
    font: BuiltinFont,
    size: f32,
    y: f32,
    text: String,
}

/// Lays the lines out top to bottom, starting a new page when one is full.
struct Layout {
    pages: Vec<Vec<Line>>,
    y: f32,
}

impl Layout {
    fn new() -> Self {
        Self {
            pages: vec![Vec::new()],
            y: PAGE_HEIGHT - MARGIN,
        }
    }

    fn gap(&mut self, points: f32) {
        self.y -= points;
    }

    /// Adds `text` wrapped to the text width, keeping a label with the start of its answer.
    fn paragraph(&mut self, font: BuiltinFont, size: f32, text: &str, keep_with_next: bool) {
        let lines = wrap(font, size, text);
        let needed = LEADING * (lines.len() as f32 + if keep_with_next { 1.0 } else { 0.0 });
        if self.y - needed.min(PAGE_HEIGHT / 2.0) < MARGIN {
            self.pages.push(Vec::new());
            self.y = PAGE_HEIGHT - MARGIN;
        }
        for text in lines {
            if self.y < MARGIN {
                self.pages.push(Vec::new());
                self.y = PAGE_HEIGHT - MARGIN;
            }
            self.y -= size.max(LEADING);
            if let Some(page) = self.pages.last_mut() {
                page.push(Line {
                    font,
                    size,
                    y: self.y,
                    text,
                });
            }
        }
    }
}

/// Splits `text` into lines no wider than the text width, at spaces where it can, and keeps
/// the line breaks people typed.
fn wrap(font: BuiltinFont, size: f32, text: &str) -> Vec<String> {
    let mut lines = Vec::new();
    for typed in text.lines() {
        let mut line = String::new();
        for word in typed.split_whitespace() {
            let candidate = if line.is_empty() {
                word.to_owned()
            } else {
                format!("{line} {word}")
            };
            if font.get_width(size, &candidate) <= TEXT_WIDTH {
                line = candidate;
                continue;
            }
            if !line.is_empty() {
                lines.push(std::mem::take(&mut line));
            }
            // A word wider than the page (a long reference or address) is broken anywhere.
            for ch in word.chars() {
                line.push(ch);
                if font.get_width(size, &line) > TEXT_WIDTH {
                    line.pop();
                    lines.push(std::mem::take(&mut line));
                    line.push(ch);
                }
            }
        }
        lines.push(line);
    }
    if lines.is_empty() {
        lines.push(String::new());
    }
    lines
}

/// The PDF of `submission`, as sent by `council` (its name).
pub fn render(
    submission: &SubmissionView,
    council: &str,
    service: &str,
) -> anyhow::Result<Vec<u8>> {
    let mut layout = Layout::new();
    layout.paragraph(
        BuiltinFont::Helvetica,
        10.0,
        &format!("{council}, {service}"),
        false,
    );
    layout.gap(8.0);
    layout.paragraph(
        BuiltinFont::Helvetica_Bold,
        16.0,
        &submission.form_title,
        false,
    );
    layout.gap(8.0);
    for (label, value) in [
        ("Reference", submission.reference.clone()),
        (
            "Submitted",
            crate::calendar::uk_time(submission.submitted_at.naive_utc()),
        ),
        ("Status", submission.status.label().to_owned()),
        ("Form version", submission.form_version.to_string()),
    ] {
        layout.paragraph(
            BuiltinFont::Helvetica,
            SIZE,
            &format!("{label}: {value}"),
            false,
        );
    }
    layout.gap(12.0);
    for row in &submission.summary {
        layout.paragraph(BuiltinFont::Helvetica_Bold, SIZE, &row.label, true);
        layout.paragraph(BuiltinFont::Helvetica, SIZE, &row.answer, false);
        layout.gap(6.0);
    }

    write(
        layout,
        &format!("{} {}", submission.form_title, submission.reference),
        service,
        &submission.reference,
    )
}

/// A letter: the council's heading, a title and paragraphs (for demonstration documents and
/// anything staff generate).
pub fn letter(
    council: &str,
    service: &str,
    title: &str,
    paragraphs: &[&str],
) -> anyhow::Result<Vec<u8>> {
    let mut layout = Layout::new();
    layout.paragraph(
        BuiltinFont::Helvetica,
        10.0,
        &format!("{council}, {service}"),
        false,
    );
    layout.gap(8.0);
    layout.paragraph(BuiltinFont::Helvetica_Bold, 16.0, title, false);
    layout.gap(8.0);
    for text in paragraphs {
        layout.paragraph(BuiltinFont::Helvetica, SIZE, text, false);
        layout.gap(6.0);
    }
    write(layout, title, service, council)
}

/// Writes the laid-out pages, each footed with `footer` and its page number.
fn write(layout: Layout, title: &str, producer: &str, footer: &str) -> anyhow::Result<Vec<u8>> {
    // pdf-canvas writes to a file; an anonymous temporary one never touches a path.
    let mut file = tempfile::tempfile()?;
    let mut pdf = Pdf::new(file.try_clone()?)?;
    pdf.set_title(title);
    pdf.set_producer(producer);
    let count = layout.pages.len();
    for (index, lines) in layout.pages.into_iter().enumerate() {
        pdf.render_page(PAGE_WIDTH, PAGE_HEIGHT, |canvas| {
            for line in &lines {
                canvas.left_text(MARGIN, line.y, line.font, line.size, &line.text)?;
            }
            canvas.right_text(
                PAGE_WIDTH - MARGIN,
                MARGIN / 2.0,
                BuiltinFont::Helvetica,
                9.0,
                &format!("{footer} - page {} of {count}", index + 1),
            )
        })?;
    }
    pdf.finish()?;
    file.seek(SeekFrom::Start(0))?;
    let mut bytes = Vec::new();
    file.read_to_end(&mut bytes)?;
    Ok(bytes)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn long_answers_wrap_within_the_page_and_keep_typed_breaks() {
        let text = "word ".repeat(200) + "\nA second paragraph";
        let lines = wrap(BuiltinFont::Helvetica, SIZE, &text);
        assert!(lines.len() > 3);
        assert!(
            lines
                .iter()
                .all(|l| BuiltinFont::Helvetica.get_width(SIZE, l) <= TEXT_WIDTH)
        );
        assert_eq!(lines.last().map(String::as_str), Some("A second paragraph"));
        let unbroken = wrap(BuiltinFont::Helvetica, SIZE, &"x".repeat(500));
        assert!(unbroken.len() > 1);
    }
}
