//! The published form definitions, read from `shared/forms/*.json` (or the folder the
//! configuration names) at start: adding a form needs a file, never code. Every definition is
//! checked; one mistake stops the start, naming the file.

use std::collections::BTreeMap;
use std::path::Path;

use anyhow::{Context, bail};
use shared::forms::{FormDefinition, check_definition, unknown_question_fields};

pub struct FormLibrary {
    forms: BTreeMap<String, FormDefinition>,
}

impl FormLibrary {
    pub fn load(dir: &Path) -> anyhow::Result<Self> {
        let entries = std::fs::read_dir(dir)
            .with_context(|| format!("could not read the form definitions in {}", dir.display()))?;
        let mut forms = BTreeMap::new();
        for entry in entries {
            let path = entry?.path();
            if path.extension().is_none_or(|e| e != "json") {
                continue;
            }
            let text = std::fs::read_to_string(&path)?;
            let raw: serde_json::Value = serde_json::from_str(&text)
                .with_context(|| format!("{} is not JSON", path.display()))?;
            let mut problems = unknown_question_fields(&raw);
            let form: FormDefinition = serde_json::from_value(raw)
                .with_context(|| format!("{} is not a form definition", path.display()))?;
            problems.extend(check_definition(&form).iter().map(ToString::to_string));
            if !problems.is_empty() {
                bail!(
                    "{} is not well formed: {}",
                    path.display(),
                    problems.join("; ")
                );
            }
            if let Some(earlier) = forms.insert(form.id.clone(), form) {
                bail!("two definitions have the id {:?}", earlier.id);
            }
        }
        Ok(Self { forms })
    }

    pub fn all(&self) -> impl Iterator<Item = &FormDefinition> {
        self.forms.values()
    }

    pub fn get(&self, id: &str) -> Option<&FormDefinition> {
        self.forms.get(id)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_definition_with_a_misspelt_question_field_is_refused_at_start() {
        let shipped =
            Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/forms/support-enquiry.json");
        let text = std::fs::read_to_string(shipped).unwrap();
        assert!(text.contains("\"required\": true"));
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(
            dir.path().join("support-enquiry.json"),
            text.replacen("\"required\": true", "\"requried\": true", 1),
        )
        .unwrap();
        let Err(error) = FormLibrary::load(dir.path()) else {
            panic!("a misspelt field was taken");
        };
        assert!(
            error
                .to_string()
                .contains("a field \"requried\" that no question takes"),
            "{error}"
        );
    }
}
