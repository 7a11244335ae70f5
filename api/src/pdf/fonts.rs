//! The typefaces PDFs are set in: Noto Sans (regular and bold, built into the binary, which
//! covers Latin with every Welsh and Vietnamese letter, Greek and Cyrillic), then the fonts the
//! settings name for what Noto Sans lacks (Noto Sans CJK for Chinese, Japanese and Korean, as
//! Debian's `fonts-noto-cjk` installs it). Every one is embedded, subset to the letters used.

use std::path::{Path, PathBuf};
use std::sync::Arc;

use anyhow::Context;
use krilla::text::Font;
use skrifa::instance::{LocationRef, Size};
use skrifa::{FontRef, MetadataProvider};

static REGULAR: &[u8] = include_bytes!("../../fonts/NotoSans-Regular.ttf");
static BOLD: &[u8] = include_bytes!("../../fonts/NotoSans-Bold.ttf");

/// Drawn, with the real text kept for readers, where no font has a letter: PDF/UA forbids the
/// empty box a font draws for a letter it lacks.
pub const REPLACEMENT: char = '\u{FFFD}';

/// One font file (or one face of a collection) with what it takes to measure its letters.
#[derive(Clone)]
pub struct Face {
    pub font: Font,
    data: Arc<dyn AsRef<[u8]> + Send + Sync>,
    index: u32,
}

impl Face {
    fn new(data: Arc<dyn AsRef<[u8]> + Send + Sync>, index: u32) -> Option<Self> {
        FontRef::from_index((*data).as_ref(), index).ok()?;
        let font = Font::new(data.clone().into(), index)?;
        Some(Self { font, data, index })
    }

    fn outline(&self) -> Option<FontRef<'_>> {
        FontRef::from_index((*self.data).as_ref(), self.index).ok()
    }

    fn has(&self, letter: char) -> bool {
        self.outline()
            .and_then(|font| font.charmap().map(letter))
            .is_some_and(|glyph| glyph.to_u32() != 0)
    }

    /// The advance of `text` at `size` points, letter by letter (kerning only ever narrows it,
    /// so a line measured this way never overflows).
    fn width(&self, size: f32, text: &str) -> f32 {
        let Some(font) = self.outline() else {
            return 0.0;
        };
        let charmap = font.charmap();
        let metrics = font.glyph_metrics(Size::new(size), LocationRef::default());
        text.chars()
            .filter_map(|letter| charmap.map(letter))
            .filter_map(|glyph| metrics.advance_width(glyph))
            .sum()
    }
}

/// Regular or bold.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Weight {
    Regular,
    Bold,
}

/// A stretch of one line set in one face.
pub struct Run<'a> {
    pub face: &'a Face,
    pub text: String,
    /// Letters no font has, drawn as [`REPLACEMENT`].
    pub missing: bool,
}

impl Run<'_> {
    /// How wide the run is at `size` points.
    pub fn width(&self, size: f32) -> f32 {
        self.face.width(size, &self.text)
    }
}

/// Noto Sans and the fonts that stand in for it.
#[derive(Clone)]
pub struct Fonts {
    regular: Face,
    bold: Face,
    fallbacks: Vec<Face>,
}

impl Fonts {
    /// Noto Sans alone.
    pub fn built_in() -> anyhow::Result<Self> {
        let face = |bytes: &'static [u8]| {
            Face::new(Arc::new(bytes), 0).context("the built-in Noto Sans could not be read")
        };
        Ok(Self {
            regular: face(REGULAR)?,
            bold: face(BOLD)?,
            fallbacks: Vec::new(),
        })
    }

    /// Noto Sans, then each face of each file in `fallbacks` that exists. A file that is not
    /// there is skipped with a warning, so a server without CJK fonts still makes every PDF
    /// (with a replacement mark for those letters and their text kept for readers); a file
    /// that is there but is no font is an error, so a wrong setting stops the server at start.
    pub fn load(fallbacks: &[PathBuf]) -> anyhow::Result<Self> {
        let mut fonts = Self::built_in()?;
        for path in fallbacks {
            match std::fs::read(path) {
                Ok(bytes) => fonts.fallbacks.extend(faces(path, bytes)?),
                Err(error) if error.kind() == std::io::ErrorKind::NotFound => {
                    tracing::warn!(path = %path.display(), "a PDF fallback font is not installed");
                }
                Err(error) => {
                    return Err(error)
                        .with_context(|| format!("could not read the font {}", path.display()));
                }
            }
        }
        Ok(fonts)
    }

    fn primary(&self, weight: Weight) -> &Face {
        match weight {
            Weight::Regular => &self.regular,
            Weight::Bold => &self.bold,
        }
    }

    /// The face that draws `letter`: Noto Sans in `weight` when it has it, else the first
    /// fallback that does.
    fn face_for(&self, weight: Weight, letter: char) -> Option<&Face> {
        let primary = self.primary(weight);
        if letter.is_whitespace() || primary.has(letter) {
            return Some(primary);
        }
        self.fallbacks.iter().find(|face| face.has(letter))
    }

    /// `text` cut where the face that draws it changes.
    pub fn runs(&self, weight: Weight, text: &str) -> Vec<Run<'_>> {
        let mut runs: Vec<Run<'_>> = Vec::new();
        for letter in text.chars() {
            let (face, missing) = match self.face_for(weight, letter) {
                Some(face) => (face, false),
                None => (self.primary(weight), true),
            };
            let drawn = if missing { REPLACEMENT } else { letter };
            match runs.last_mut() {
                Some(run) if std::ptr::eq(run.face, face) && run.missing == missing => {
                    run.text.push(drawn);
                }
                _ => runs.push(Run {
                    face,
                    text: drawn.to_string(),
                    missing,
                }),
            }
        }
        runs
    }

    /// How wide `text` is at `size` points.
    pub fn width(&self, weight: Weight, size: f32, text: &str) -> f32 {
        self.runs(weight, text)
            .iter()
            .map(|run| run.face.width(size, &run.text))
            .sum()
    }
}

/// Every face of the font file (or collection) at `path`.
fn faces(path: &Path, bytes: Vec<u8>) -> anyhow::Result<Vec<Face>> {
    let data: Arc<dyn AsRef<[u8]> + Send + Sync> = Arc::new(bytes);
    let count = skrifa::raw::FileRef::new((*data).as_ref())
        .map(|file| file.fonts().count())
        .map_err(|_| anyhow::anyhow!("{} is not a font file", path.display()))?;
    (0..count)
        .map(|index| {
            Face::new(data.clone(), index as u32)
                .with_context(|| format!("{} has a face that cannot be read", path.display()))
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn noto_sans_sets_welsh_vietnamese_and_polish_letters_itself() {
        let fonts = Fonts::built_in().unwrap();
        let runs = fonts.runs(Weight::Regular, "ŵ ŷ Łukasz Nguyễn");
        assert_eq!(runs.len(), 1);
        assert!(!runs[0].missing);
    }

    #[test]
    fn letters_no_font_has_are_marked_and_replaced() {
        let fonts = Fonts::built_in().unwrap();
        let runs = fonts.runs(Weight::Bold, "Tokyo 東京");
        assert_eq!(runs.len(), 2);
        assert_eq!(runs[1].text, "\u{FFFD}\u{FFFD}");
        assert!(runs[1].missing);
    }

    #[test]
    fn a_wider_text_measures_wider() {
        let fonts = Fonts::built_in().unwrap();
        let narrow = fonts.width(Weight::Regular, 11.0, "iii");
        let wide = fonts.width(Weight::Regular, 11.0, "WWW");
        assert!(narrow > 0.0 && wide > narrow * 2.0);
        assert!(fonts.width(Weight::Bold, 11.0, "WWW") >= wide);
    }

    #[test]
    fn a_file_that_is_not_there_is_skipped_and_one_that_is_no_font_is_refused() {
        let dir = tempfile::tempdir().unwrap();
        assert!(Fonts::load(&[dir.path().join("absent.ttc")]).is_ok());
        let junk = dir.path().join("junk.ttf");
        std::fs::write(&junk, b"not a font").unwrap();
        assert!(Fonts::load(&[junk]).is_err());
    }
}
