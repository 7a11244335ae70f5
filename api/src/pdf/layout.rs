//! Lays blocks of text out on A4 pages and writes them as a tagged PDF. Layout and drawing are
//! two passes: the first wraps every line and decides its page, so the second knows the page
//! count for each footer and can tag each line as it draws it.

use shared::language::Language;
use std::collections::HashMap;
use std::num::NonZeroU16;

use anyhow::anyhow;
use krilla::configure::{Accessibility, ConfigurationBuilder};
use krilla::destination::XyzDestination;
use krilla::geom::{PathBuilder, Point};
use krilla::metadata::Metadata;
use krilla::outline::{Outline, OutlineNode};
use krilla::page::PageSettings;
use krilla::paint::Stroke;
use krilla::surface::Surface;
use krilla::tagging::{
    Artifact, ArtifactType, ContentTag, Identifier, SpanTag, TableHeaderScope, Tag, TagGroup,
    TagTree,
};
use krilla::text::TextDirection;
use krilla::{Document, SerializeSettings};

use super::fonts::{Fonts, Weight};

const PAGE_WIDTH: f32 = 595.28;
const PAGE_HEIGHT: f32 = 841.89;
const MARGIN: f32 = 56.0;
const TEXT_WIDTH: f32 = PAGE_WIDTH - 2.0 * MARGIN;
const SIZE: f32 = 11.0;
/// The label column of a table, leaving the rest (less a gutter) to the answer.
const LABEL_WIDTH: f32 = TEXT_WIDTH * 0.4;
const GUTTER: f32 = 12.0;
const VALUE_X: f32 = MARGIN + LABEL_WIDTH + GUTTER;
const VALUE_WIDTH: f32 = TEXT_WIDTH - LABEL_WIDTH - GUTTER;
const ROW_PADDING: f32 = 5.0;
/// GOV.UK's border grey, for the rules between rows.
const RULE: (u8, u8, u8) = (177, 180, 182);

/// A part of the document, in reading order.
pub enum Block {
    Paragraph(String),
    /// A heading at a level from 1.
    Heading(u16, String),
    /// Label and value rows, with column headings when `columns` is set.
    Table {
        columns: Option<(String, String)>,
        rows: Vec<Cell>,
    },
}

/// One row of a table: its label (a row header) and its value.
pub struct Cell {
    label: String,
    value: String,
}

impl Cell {
    pub fn pair(label: impl Into<String>, value: impl Into<String>) -> Self {
        Self {
            label: label.into(),
            value: value.into(),
        }
    }
}

/// What the document says of itself.
pub struct About<'a> {
    pub title: String,
    pub language: Language,
    pub producer: &'a str,
    /// Printed at the foot of each page, before its number.
    pub footer: &'a str,
}

/// The language as the PDF declares it: British English or Welsh.
fn tag(language: Language) -> &'static str {
    match language {
        Language::English => "en-GB",
        Language::Welsh => "cy-GB",
    }
}

/// Which part of the structure a line belongs to.
#[derive(Clone, Copy, PartialEq, Eq, Hash)]
enum Owner {
    Block(usize),
    ColumnHeading {
        block: usize,
        column: usize,
    },
    Cell {
        block: usize,
        row: usize,
        column: usize,
    },
}

/// One line of text, placed.
struct Line {
    page: usize,
    x: f32,
    baseline: f32,
    size: f32,
    weight: Weight,
    text: String,
    owner: Owner,
}

/// Where a heading starts, for the outline.
struct Anchor {
    level: u16,
    text: String,
    page: usize,
    top: f32,
}

/// The first pass: every line on its page, the rules between rows and the headings' places.
struct Layout<'f> {
    fonts: &'f Fonts,
    lines: Vec<Line>,
    rules: Vec<(usize, f32)>,
    anchors: Vec<Anchor>,
    page: usize,
    top: f32,
}

fn leading(size: f32) -> f32 {
    size * 1.4
}

impl<'f> Layout<'f> {
    fn new(fonts: &'f Fonts) -> Self {
        Self {
            fonts,
            lines: Vec::new(),
            rules: Vec::new(),
            anchors: Vec::new(),
            page: 0,
            top: MARGIN,
        }
    }

    /// Starts a new page unless `height` more fits on this one.
    fn room_for(&mut self, height: f32) {
        if self.top + height > PAGE_HEIGHT - MARGIN && self.top > MARGIN {
            self.page += 1;
            self.top = MARGIN;
        }
    }

    /// Places `text` wrapped to `width` at `x`, from the current line down.
    fn text(&mut self, text: &str, style: (Weight, f32), x: f32, width: f32, owner: Owner) {
        let (weight, size) = style;
        let step = leading(size);
        for line in wrap(self.fonts, weight, size, text, width) {
            self.room_for(step);
            self.lines.push(Line {
                page: self.page,
                x,
                baseline: self.top + size,
                size,
                weight,
                text: line,
                owner,
            });
            self.top += step;
        }
    }

    fn block(&mut self, index: usize, block: &Block) {
        match block {
            Block::Paragraph(text) => {
                self.room_for(leading(SIZE) * 2.0);
                self.text(
                    text,
                    (Weight::Regular, SIZE),
                    MARGIN,
                    TEXT_WIDTH,
                    Owner::Block(index),
                );
                self.top += 6.0;
            }
            Block::Heading(level, text) => {
                let size = if *level <= 1 { 20.0 } else { 15.0 };
                // A heading never ends a page: it keeps two lines of what follows.
                self.room_for(leading(size) + leading(SIZE) * 2.0);
                self.top += 6.0;
                self.anchors.push(Anchor {
                    level: *level,
                    text: text.clone(),
                    page: self.page,
                    top: self.top,
                });
                self.text(
                    text,
                    (Weight::Bold, size),
                    MARGIN,
                    TEXT_WIDTH,
                    Owner::Block(index),
                );
                self.top += 4.0;
            }
            Block::Table { columns, rows } => {
                if let Some((first, second)) = columns {
                    self.room_for(leading(SIZE) * 3.0);
                    let top = self.top;
                    for (column, (heading, x, width)) in [
                        (first.as_str(), MARGIN, LABEL_WIDTH),
                        (second.as_str(), VALUE_X, VALUE_WIDTH),
                    ]
                    .into_iter()
                    .enumerate()
                    {
                        self.top = top;
                        self.text(
                            heading,
                            (Weight::Bold, SIZE),
                            x,
                            width,
                            Owner::ColumnHeading {
                                block: index,
                                column,
                            },
                        );
                    }
                    self.top += ROW_PADDING;
                }
                for (row, cell) in rows.iter().enumerate() {
                    self.row(index, row, cell);
                }
                self.top += 10.0;
            }
        }
    }

    /// A table row: the label and the value side by side, line by line, so a long answer
    /// carries on over the page with its lines in order.
    fn row(&mut self, block: usize, row: usize, cell: &Cell) {
        let step = leading(SIZE);
        let label = wrap(self.fonts, Weight::Bold, SIZE, &cell.label, LABEL_WIDTH);
        let value = wrap(self.fonts, Weight::Regular, SIZE, &cell.value, VALUE_WIDTH);
        let count = label.len().max(value.len());
        self.room_for(ROW_PADDING + step * count.min(3) as f32);
        self.rules.push((self.page, self.top));
        self.top += ROW_PADDING;
        let columns = [
            (label, Weight::Bold, MARGIN),
            (value, Weight::Regular, VALUE_X),
        ];
        for index in 0..count {
            self.room_for(step);
            for (column, (lines, weight, x)) in columns.iter().enumerate() {
                if let Some(text) = lines.get(index) {
                    self.lines.push(Line {
                        page: self.page,
                        x: *x,
                        baseline: self.top + SIZE,
                        size: SIZE,
                        weight: *weight,
                        text: text.clone(),
                        owner: Owner::Cell { block, row, column },
                    });
                }
            }
            self.top += step;
        }
        self.top += ROW_PADDING;
    }
}

/// Splits `text` into lines no wider than `width`, at spaces where it can, and keeps the line
/// breaks people typed.
fn wrap(fonts: &Fonts, weight: Weight, size: f32, text: &str, width: f32) -> Vec<String> {
    let fits = |line: &str| fonts.width(weight, size, line) <= width;
    let mut lines = Vec::new();
    for typed in text.lines() {
        let mut line = String::new();
        for word in typed.split_whitespace() {
            let candidate = if line.is_empty() {
                word.to_owned()
            } else {
                format!("{line} {word}")
            };
            if fits(&candidate) {
                line = candidate;
                continue;
            }
            if !line.is_empty() {
                lines.push(std::mem::take(&mut line));
            }
            // A word wider than the column (a long reference or address) is broken anywhere.
            for letter in word.chars() {
                line.push(letter);
                if !fits(&line) && line.chars().count() > 1 {
                    line.pop();
                    lines.push(std::mem::take(&mut line));
                    line.push(letter);
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

/// Draws `line`, tagged as a span of text, and returns its tag.
fn draw_line(surface: &mut Surface<'_>, fonts: &Fonts, line: &Line) -> Identifier {
    let runs = fonts.runs(line.weight, &line.text);
    // Letters drawn as a replacement mark are read out as what they really were.
    let actual = runs
        .iter()
        .any(|run| run.missing)
        .then_some(line.text.as_str());
    let id = surface.start_tagged(ContentTag::Span(SpanTag::empty().with_actual_text(actual)));
    let mut x = line.x;
    for run in &runs {
        surface.draw_text(
            Point::from_xy(x, line.baseline),
            run.face.font.clone(),
            line.size,
            &run.text,
            false,
            TextDirection::Auto,
        );
        x += run.width(line.size);
    }
    surface.end_tagged();
    id
}

fn draw_artifact(surface: &mut Surface<'_>, kind: ArtifactType, draw: impl FnOnce(&mut Surface)) {
    surface.start_tagged(ContentTag::Artifact(Artifact::with_kind(kind)));
    draw(surface);
    surface.end_tagged();
}

/// The layout's pages, drawn; each line's tag kept under its owner.
fn draw(
    document: &mut Document,
    fonts: &Fonts,
    layout: &Layout<'_>,
    about: &About<'_>,
) -> HashMap<Owner, Vec<Identifier>> {
    let pages = layout.page + 1;
    let mut tags: HashMap<Owner, Vec<Identifier>> = HashMap::new();
    for page in 0..pages {
        let Some(settings) = PageSettings::from_wh(PAGE_WIDTH, PAGE_HEIGHT) else {
            continue;
        };
        let mut sheet = document.start_page_with(settings);
        let mut surface = sheet.surface();
        for line in layout.lines.iter().filter(|line| line.page == page) {
            let id = draw_line(&mut surface, fonts, line);
            tags.entry(line.owner).or_default().push(id);
        }
        for (_, y) in layout.rules.iter().filter(|(on, _)| *on == page) {
            draw_artifact(&mut surface, ArtifactType::Layout, |surface| {
                let mut path = PathBuilder::new();
                path.move_to(MARGIN, *y);
                path.line_to(PAGE_WIDTH - MARGIN, *y);
                if let Some(path) = path.finish() {
                    surface.set_stroke(Some(Stroke {
                        paint: krilla::color::rgb::Color::new(RULE.0, RULE.1, RULE.2).into(),
                        width: 0.75,
                        ..Default::default()
                    }));
                    surface.draw_path(&path);
                    surface.set_stroke(None);
                }
            });
        }
        let mut arguments = crate::i18n::Arguments::new();
        arguments.insert("footer".into(), about.footer.to_owned().into());
        arguments.insert("page".into(), (page + 1).to_string().into());
        arguments.insert("pages".into(), pages.to_string().into());
        let text = crate::i18n::message(about.language, "pdf-page", &arguments)
            .unwrap_or_else(|| format!("{} - page {} of {pages}", about.footer, page + 1));
        let size = 9.0;
        let width = fonts.width(Weight::Regular, size, &text);
        let foot = Line {
            page,
            x: PAGE_WIDTH - MARGIN - width,
            baseline: PAGE_HEIGHT - MARGIN / 2.0,
            size,
            weight: Weight::Regular,
            text,
            owner: Owner::Block(usize::MAX),
        };
        draw_artifact(&mut surface, ArtifactType::Footer, |surface| {
            for run in fonts.runs(foot.weight, &foot.text) {
                surface.draw_text(
                    Point::from_xy(foot.x, foot.baseline),
                    run.face.font.clone(),
                    foot.size,
                    &run.text,
                    false,
                    TextDirection::Auto,
                );
            }
        });
        surface.finish();
        sheet.finish();
    }
    tags
}

/// The structure tree: the blocks in reading order, each holding its lines' tags.
fn tree(blocks: &[Block], language: &str, tags: &mut HashMap<Owner, Vec<Identifier>>) -> TagTree {
    let mut take = |owner: Owner, mut group: TagGroup| {
        for id in tags.remove(&owner).unwrap_or_default() {
            group.push(id);
        }
        group
    };
    let mut tree = TagTree::new().with_lang(Some(language.to_owned()));
    for (index, block) in blocks.iter().enumerate() {
        let owner = Owner::Block(index);
        let group = match block {
            Block::Paragraph(_) => take(owner, TagGroup::new(Tag::P)),
            Block::Heading(level, text) => {
                let level = NonZeroU16::new(*level).unwrap_or(NonZeroU16::MIN);
                take(owner, TagGroup::new(Tag::Hn(level, Some(text.clone()))))
            }
            Block::Table { columns, rows } => {
                let mut table = TagGroup::new(Tag::Table);
                if columns.is_some() {
                    let mut heading = TagGroup::new(Tag::TR);
                    for column in 0..2 {
                        heading.push(take(
                            Owner::ColumnHeading {
                                block: index,
                                column,
                            },
                            TagGroup::new(Tag::TH(TableHeaderScope::Column)),
                        ));
                    }
                    table.push(TagGroup::with_children(Tag::THead, vec![heading.into()]));
                }
                let mut body = TagGroup::new(Tag::TBody);
                for row in 0..rows.len() {
                    let cell = |column| Owner::Cell {
                        block: index,
                        row,
                        column,
                    };
                    let mut tr = TagGroup::new(Tag::TR);
                    tr.push(take(cell(0), TagGroup::new(Tag::TH(TableHeaderScope::Row))));
                    tr.push(take(cell(1), TagGroup::new(Tag::TD)));
                    body.push(tr);
                }
                table.push(body);
                table
            }
        };
        tree.push(group);
    }
    tree
}

/// The outline: each first-level heading, with the headings under it.
fn outline(anchors: &[Anchor]) -> Outline {
    let mut outline = Outline::new();
    let mut current: Option<OutlineNode> = None;
    for anchor in anchors {
        let node = OutlineNode::new(
            anchor.text.clone(),
            XyzDestination::new(anchor.page, Point::from_xy(MARGIN, anchor.top)),
        );
        match current.as_mut() {
            Some(parent) if anchor.level > 1 => parent.push_child(node),
            _ => {
                if let Some(done) = current.replace(node.with_open(true)) {
                    outline.push_child(done);
                }
            }
        }
    }
    if let Some(done) = current {
        outline.push_child(done);
    }
    outline
}

/// `blocks` as a tagged PDF/UA-1 document.
pub fn write(fonts: &Fonts, blocks: &[Block], about: &About<'_>) -> anyhow::Result<Vec<u8>> {
    let mut layout = Layout::new(fonts);
    for (index, block) in blocks.iter().enumerate() {
        layout.block(index, block);
    }
    let configuration = ConfigurationBuilder::new()
        .with_accessibility_validator(Accessibility::UA1)
        .finish()
        .map_err(|error| anyhow!("the PDF/UA settings do not fit together: {error:?}"))?;
    let mut document = Document::new_with(SerializeSettings {
        configuration,
        ..Default::default()
    });
    let mut tags = draw(&mut document, fonts, &layout, about);
    let language = tag(about.language);
    document.set_tag_tree(tree(blocks, language, &mut tags));
    document.set_outline(outline(&layout.anchors));
    document.set_metadata(
        Metadata::new()
            .title(about.title.clone())
            .language(language.to_owned())
            .producer(about.producer.to_owned())
            .creator(about.producer.to_owned()),
    );
    document
        .finish()
        .map_err(|error| anyhow!("the PDF could not be written: {error}"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn long_answers_wrap_within_their_column_and_keep_typed_breaks() {
        let fonts = Fonts::built_in().unwrap();
        let text = "word ".repeat(200) + "\nA second paragraph";
        let lines = wrap(&fonts, Weight::Regular, SIZE, &text, VALUE_WIDTH);
        assert!(lines.len() > 3);
        assert!(
            lines
                .iter()
                .all(|line| fonts.width(Weight::Regular, SIZE, line) <= VALUE_WIDTH)
        );
        assert_eq!(lines.last().map(String::as_str), Some("A second paragraph"));
        let unbroken = wrap(&fonts, Weight::Regular, SIZE, &"x".repeat(500), VALUE_WIDTH);
        assert!(unbroken.len() > 1);
    }

    #[test]
    fn a_long_table_runs_on_over_pages_with_every_row_in_order() {
        let fonts = Fonts::built_in().unwrap();
        let rows = (0..120)
            .map(|n| Cell::pair(format!("Question {n}"), format!("Answer {n}")))
            .collect();
        let mut layout = Layout::new(&fonts);
        layout.block(
            0,
            &Block::Table {
                columns: Some(("Question".into(), "Answer".into())),
                rows,
            },
        );
        assert!(layout.page >= 2);
        let answers: Vec<&str> = layout
            .lines
            .iter()
            .filter(|line| line.text.starts_with("Answer "))
            .map(|line| line.text.as_str())
            .collect();
        assert_eq!(answers.len(), 120);
        assert_eq!(answers[119], "Answer 119");
        assert!(
            layout
                .lines
                .iter()
                .all(|line| line.baseline <= PAGE_HEIGHT - MARGIN)
        );
    }
}
