//! Defaults worked out from earlier answers (DoLS Form 2's further start, the day after the
//! current authorisation ends), kept up to date as what they read is typed or corrected, until
//! the person changes the field themselves: from then on it is theirs.

use std::collections::{HashMap, HashSet};

use leptos::prelude::*;
use serde_json::Value;
use shared::forms::{Answers, FormDefinition, Page, defaults};

use super::state::today;

/// Follows the defaults of `pages`' questions in `answers`.
pub fn follow_defaults(
    form: StoredValue<FormDefinition>,
    pages: Vec<Page>,
    answers: RwSignal<Answers>,
) {
    let with_default: Vec<String> = pages
        .iter()
        .flat_map(|p| p.questions.iter())
        .filter(|q| q.default.is_some())
        .map(|q| q.id.clone())
        .collect();
    if with_default.is_empty() {
        return;
    }
    // What this page filled in, and the questions the person answered themselves.
    let filled = StoredValue::new(HashMap::<String, Value>::new());
    let theirs = StoredValue::new(answers.with_untracked(|a| {
        with_default
            .iter()
            .filter(|id| a.contains_key(id.as_str()))
            .cloned()
            .collect::<HashSet<_>>()
    }));
    Effect::new(move |_| {
        let mut changes = Vec::new();
        answers.with(|a| {
            // A value still as filled in is worked out again, as if not given.
            let mut open = a.clone();
            for id in &with_default {
                let current = a.get(id);
                let ours = filled.with_value(|f| f.get(id).cloned());
                if current.is_some() && current != ours.as_ref() {
                    theirs.update_value(|t| {
                        t.insert(id.clone());
                    });
                }
                if !theirs.with_value(|t| t.contains(id)) {
                    open.remove(id);
                }
            }
            form.with_value(|f| {
                for page in &pages {
                    for (id, value) in defaults(f, page, &open, today()) {
                        if !theirs.with_value(|t| t.contains(&id)) && a.get(&id) != Some(&value) {
                            changes.push((id, value));
                        }
                    }
                }
            });
        });
        if !changes.is_empty() {
            filled.update_value(|f| f.extend(changes.iter().cloned()));
            answers.update(|a| a.extend(changes));
        }
    });
}
