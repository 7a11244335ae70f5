//! A form speaks Welsh everywhere or nowhere: a Welsh reader must never meet an English label
//! halfway through. `untranslated` lists the texts still in English only in a form that gives
//! Welsh for some.

use super::model::{Block, FormDefinition, Question, QuestionKind};
use super::text::Text;

/// Where each text of the form is, as "page \"about\" question \"name\" label", with the text.
fn texts(form: &FormDefinition) -> Vec<(String, &Text)> {
    let mut found = vec![
        ("title".to_owned(), &form.title),
        ("summary".to_owned(), &form.summary),
    ];
    blocks(&mut found, "before_you_start", &form.before_you_start);
    blocks(&mut found, "what_happens_next", &form.what_happens_next);
    for page in &form.pages {
        let at = format!("page {:?}", page.id);
        found.push((format!("{at} title"), &page.title));
        if let Some(intro) = &page.intro {
            found.push((format!("{at} intro"), intro));
        }
        for question in &page.questions {
            question_texts(&mut found, &at, question);
        }
    }
    for exit in &form.exits {
        let at = format!("exit page {:?}", exit.id);
        found.push((format!("{at} title"), &exit.title));
        blocks(&mut found, &at, &exit.body);
    }
    found
}

fn blocks<'f>(found: &mut Vec<(String, &'f Text)>, at: &str, blocks: &'f [Block]) {
    for (index, block) in blocks.iter().enumerate() {
        let at = format!("{at} block {}", index + 1);
        match block {
            Block::Paragraph(text) | Block::Warning(text) | Block::Link { text, .. } => {
                found.push((at, text));
            }
            Block::List(items) => {
                found.extend(items.iter().map(|item| (at.clone(), item)));
            }
        }
    }
}

fn question_texts<'f>(found: &mut Vec<(String, &'f Text)>, at: &str, question: &'f Question) {
    let at = format!("{at} question {:?}", question.id);
    found.push((format!("{at} label"), &question.label));
    if let Some(hint) = &question.hint {
        found.push((format!("{at} hint"), hint));
    }
    let messages = &question.messages;
    for (name, message) in [
        ("required", &messages.required),
        ("invalid", &messages.invalid),
        ("range", &messages.range),
    ] {
        if let Some(message) = message {
            found.push((format!("{at} {name} message"), message));
        }
    }
    found.extend(
        question
            .checks
            .iter()
            .map(|check| (format!("{at} check message"), &check.message)),
    );
    found.extend(
        question
            .warnings
            .iter()
            .map(|warning| (format!("{at} warning message"), &warning.message)),
    );
    match &question.kind {
        QuestionKind::Radios { options }
        | QuestionKind::Select { options }
        | QuestionKind::Checkboxes { options, .. } => {
            found.extend(
                options
                    .iter()
                    .map(|o| (format!("{at} option {:?}", o.value), &o.label)),
            );
        }
        QuestionKind::Group {
            item, questions, ..
        } => {
            found.push((format!("{at} item"), item));
            for inner in questions {
                question_texts(found, &at, inner);
            }
        }
        _ => {}
    }
}

/// The texts without Welsh, when some text has it; empty for a form all in English or all in
/// both languages.
pub fn untranslated(form: &FormDefinition) -> Vec<String> {
    let all = texts(form);
    if !all.iter().any(|(_, text)| text.has_welsh()) {
        return Vec::new();
    }
    all.into_iter()
        .filter(|(_, text)| !text.has_welsh())
        .map(|(at, _)| at)
        .collect()
}
