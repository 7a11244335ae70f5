//! The published form definitions, read from `shared/forms/*.json` (or the folder the
//! configuration names) at start: adding a form needs a file, never code. Every definition is
//! checked; one mistake stops the start, naming the file and the line. `portal forms check`
//! runs the same checks without starting anything, for a form designer at work.

use std::collections::BTreeMap;
use std::fmt;
use std::path::{Path, PathBuf};

use anyhow::{Context, bail};
use diesel::prelude::*;
use shared::forms::{FormDefinition, Problem, check_definition, unknown_question_fields};

use shared::api::CouncilView;

use crate::council::Council;
use crate::db::schema::form_versions;
use crate::db::{DbConnection, DbError};

pub struct FormLibrary {
    forms: BTreeMap<String, FormDefinition>,
}

/// A mistake in a definition file, with the line it is on when that can be found.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FileProblem {
    pub path: PathBuf,
    pub line: Option<usize>,
    pub message: String,
}

impl fmt::Display for FileProblem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.line {
            Some(line) => write!(f, "{}:{line}: {}", self.path.display(), self.message),
            None => write!(f, "{}: {}", self.path.display(), self.message),
        }
    }
}

/// Every definition in `dir` and every mistake in them: the format (JSON, fields no question
/// takes, values of the wrong type), the engine's checks, two files with one id, and, given the
/// council, teams it does not have.
pub fn check_dir(
    dir: &Path,
    council: Option<&Council>,
) -> anyhow::Result<(Vec<FormDefinition>, Vec<FileProblem>)> {
    let entries = std::fs::read_dir(dir)
        .with_context(|| format!("could not read the form definitions in {}", dir.display()))?;
    let mut paths = Vec::new();
    for entry in entries {
        let path = entry?.path();
        if path.extension().is_some_and(|e| e == "json") {
            paths.push(path);
        }
    }
    paths.sort();
    let mut forms: Vec<FormDefinition> = Vec::new();
    let mut problems = Vec::new();
    for path in paths {
        let text = std::fs::read_to_string(&path)
            .with_context(|| format!("could not read {}", path.display()))?;
        match check_one(&text, council) {
            Err(found) => problems.extend(found.into_iter().map(|(line, message)| FileProblem {
                path: path.clone(),
                line,
                message,
            })),
            Ok(form) => {
                if forms.iter().any(|f| f.id == form.id) {
                    problems.push(FileProblem {
                        path: path.clone(),
                        line: line_of(&text, &form.id),
                        message: format!("another definition has the id {:?}", form.id),
                    });
                }
                forms.push(form);
            }
        }
    }
    Ok((forms, problems))
}

/// The definition with each `{council.…}` in its text replaced by the council file's value:
/// `{council.name}`, `{council.phone_numbers.contact_centre}` (as people read it; `.uri` for the
/// `tel:` link), `{council.links.privacy_notice}`. A form's text then never repeats what the
/// council file says, and changes with it. Errs with the names that are not in the file.
fn with_council(
    form: &FormDefinition,
    council: &CouncilView,
) -> Result<FormDefinition, Vec<String>> {
    let mut known = BTreeMap::new();
    if let Ok(view) = serde_json::to_value(council) {
        flatten("", &view, &mut known);
    }
    let mut unknown = Vec::new();
    let mut value = serde_json::to_value(form).map_err(|e| vec![e.to_string()])?;
    fill(&mut value, &known, &mut unknown);
    if !unknown.is_empty() {
        return Err(unknown);
    }
    serde_json::from_value(value).map_err(|e| vec![e.to_string()])
}

/// Every text in the council's public view by its dotted name; a phone number is also named
/// without `.display`.
fn flatten(prefix: &str, value: &serde_json::Value, into: &mut BTreeMap<String, String>) {
    match value {
        serde_json::Value::String(text) => {
            into.insert(prefix.to_owned(), text.clone());
            if let Some(number) = prefix.strip_suffix(".display") {
                into.insert(number.to_owned(), text.clone());
            }
        }
        serde_json::Value::Object(fields) => {
            for (name, inner) in fields {
                let path = if prefix.is_empty() {
                    name.clone()
                } else {
                    format!("{prefix}.{name}")
                };
                flatten(&path, inner, into);
            }
        }
        _ => {}
    }
}

fn fill(
    value: &mut serde_json::Value,
    known: &BTreeMap<String, String>,
    unknown: &mut Vec<String>,
) {
    match value {
        serde_json::Value::String(text) if text.contains("{council.") => {
            let mut filled = String::new();
            let mut rest = text.as_str();
            while let Some(start) = rest.find("{council.") {
                filled.push_str(&rest[..start]);
                let after = &rest[start + "{council.".len()..];
                let Some(end) = after.find('}') else {
                    filled.push_str(&rest[start..]);
                    rest = "";
                    break;
                };
                let name = &after[..end];
                match known.get(name) {
                    Some(replacement) => filled.push_str(replacement),
                    None => unknown.push(name.to_owned()),
                }
                rest = &after[end + 1..];
            }
            filled.push_str(rest);
            *text = filled;
        }
        serde_json::Value::Array(items) => {
            for item in items {
                fill(item, known, unknown);
            }
        }
        serde_json::Value::Object(fields) => {
            for inner in fields.values_mut() {
                fill(inner, known, unknown);
            }
        }
        _ => {}
    }
}

/// One definition's text as the server publishes it (with the council's settings filled in),
/// or its mistakes with their lines; given the council, its teams and settings are checked too.
/// The folder check and the administrators' preview both use it.
pub fn check_one(
    text: &str,
    council: Option<&Council>,
) -> Result<FormDefinition, Vec<(Option<usize>, String)>> {
    let form = check_text(text)?;
    let Some(council) = council else {
        return Ok(form);
    };
    let line = line_of(text, &form.id);
    let mut problems = Vec::new();
    if let Some(team) = form.team.as_deref().filter(|t| !council.has_team(t)) {
        problems.push((
            line,
            format!("referrals go to the team {team:?}, which the council file does not have"),
        ));
    }
    match with_council(&form, council.view()) {
        Ok(filled) if problems.is_empty() => Ok(filled),
        Ok(_) => Err(problems),
        Err(unknown) => {
            problems.extend(unknown.into_iter().map(|name| {
                (
                    line,
                    format!("the text {{council.{name}}} names nothing in the council file"),
                )
            }));
            Err(problems)
        }
    }
}

/// A definition's text as a form, or its mistakes with their lines.
fn check_text(text: &str) -> Result<FormDefinition, Vec<(Option<usize>, String)>> {
    let located = |problem: Problem| {
        let line = problem.about.as_deref().and_then(|id| line_of(text, id));
        (line, problem.message)
    };
    let raw: serde_json::Value =
        serde_json::from_str(text).map_err(|e| vec![(Some(e.line()), format!("not JSON: {e}"))])?;
    let mut problems: Vec<_> = unknown_question_fields(&raw)
        .into_iter()
        .map(located)
        .collect();
    // Read from the text, not the value, so a field of the wrong type is named with its line.
    let form: FormDefinition = match serde_json::from_str(text) {
        Ok(form) => form,
        Err(e) => {
            problems.push((Some(e.line()), format!("not a form definition: {e}")));
            return Err(problems);
        }
    };
    problems.extend(check_definition(&form).into_iter().map(located));
    if problems.is_empty() {
        Ok(form)
    } else {
        Err(problems)
    }
}

/// The line (from 1) of the first `"id": "<id>"` in the text.
fn line_of(text: &str, id: &str) -> Option<usize> {
    let quoted = format!("\"{id}\"");
    text.lines()
        .position(|line| {
            line.split("\"id\"").skip(1).any(|after| {
                after
                    .trim_start()
                    .strip_prefix(':')
                    .is_some_and(|value| value.trim_start().starts_with(&quoted))
            })
        })
        .map(|index| index + 1)
}

/// The JSON Schema of the definition format, made from the types the server reads definitions
/// into, so it cannot say something they do not.
pub fn schema_json() -> anyhow::Result<String> {
    let schema = schemars::schema_for!(FormDefinition);
    Ok(serde_json::to_string_pretty(&schema)? + "\n")
}

/// Keeps each definition's version as it is first published, so a submission can always be
/// exported with the version it answered. A version already kept is not replaced: one whose
/// questions changed without a new `version` is reported, and the kept one stays the truth for
/// what was answered to it.
pub fn publish(conn: &mut DbConnection, definitions: &[FormDefinition]) -> Result<(), DbError> {
    let now = chrono::Utc::now().naive_utc();
    conn.write_transaction(|conn| {
        for form in definitions {
            let version = i32::try_from(form.version).unwrap_or(i32::MAX);
            let text = serde_json::to_string(form).unwrap_or_default();
            let kept: Option<String> = form_versions::table
                .find((&form.id, version))
                .select(form_versions::definition)
                .first(conn)
                .optional()?;
            match kept {
                None => {
                    // In a savepoint: a node starting at the same moment may have kept it
                    // first, which is as good.
                    let inserted = conn.transaction(|conn| {
                        diesel::insert_into(form_versions::table)
                            .values((
                                form_versions::form_id.eq(&form.id),
                                form_versions::version.eq(version),
                                form_versions::definition.eq(&text),
                                form_versions::published_at.eq(now),
                            ))
                            .execute(conn)
                    });
                    match inserted {
                        Ok(_)
                        | Err(diesel::result::Error::DatabaseError(
                            diesel::result::DatabaseErrorKind::UniqueViolation,
                            _,
                        )) => {}
                        Err(other) => return Err(other.into()),
                    }
                }
                Some(kept) if kept != text && changed_questions(&kept, form) => tracing::warn!(
                    form = %form.id,
                    version,
                    "the questions of this form changed without a new version: raise `version`, \
                     or submissions to the old questions are exported with the new ones"
                ),
                Some(_) => {}
            }
        }
        Ok::<_, DbError>(())
    })
}

/// Whether a kept definition asks other questions than `form`: other ids, types, options,
/// rules or conditions. Words alone (labels, hints, a council phone number filled in) do not
/// count.
fn changed_questions(kept: &str, form: &FormDefinition) -> bool {
    let Ok(kept) = serde_json::from_str::<FormDefinition>(kept) else {
        return true;
    };
    let shape = |f: &FormDefinition| {
        let mut pages = serde_json::to_value(&f.pages).unwrap_or_default();
        without_words(&mut pages);
        pages
    };
    shape(&kept) != shape(form)
}

fn without_words(value: &mut serde_json::Value) {
    match value {
        serde_json::Value::Object(fields) => {
            for words in [
                "title", "intro", "label", "hint", "item", "messages", "message",
            ] {
                fields.remove(words);
            }
            fields.values_mut().for_each(without_words);
        }
        serde_json::Value::Array(items) => items.iter_mut().for_each(without_words),
        _ => {}
    }
}

/// The definition `form_id` had at `version` when it was published, if the portal kept it.
pub fn published(
    conn: &mut DbConnection,
    form_id: &str,
    version: u32,
) -> Result<Option<FormDefinition>, DbError> {
    let version = i32::try_from(version).unwrap_or(i32::MAX);
    let kept: Option<String> = form_versions::table
        .find((form_id, version))
        .select(form_versions::definition)
        .first(conn)
        .optional()?;
    Ok(kept.and_then(|text| serde_json::from_str(&text).ok()))
}

impl FormLibrary {
    /// The definitions in `dir`, refusing the start on any mistake (all of them named).
    pub fn load(dir: &Path, council: &Council) -> anyhow::Result<Self> {
        let (found, problems) = check_dir(dir, Some(council))?;
        if !problems.is_empty() {
            bail!(
                "the form definitions are not well formed:\n{}",
                problems
                    .iter()
                    .map(ToString::to_string)
                    .collect::<Vec<_>>()
                    .join("\n")
            );
        }
        Ok(Self {
            forms: found.into_iter().map(|f| (f.id.clone(), f)).collect(),
        })
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

    fn root() -> PathBuf {
        Path::new(env!("CARGO_MANIFEST_DIR")).join("..")
    }

    fn council() -> Council {
        Council::load(&root().join("config/council.toml")).unwrap()
    }

    /// The shipped support enquiry with `change` made to its text, alone in a folder.
    fn changed_enquiry(change: impl Fn(&str) -> String) -> tempfile::TempDir {
        let text =
            std::fs::read_to_string(root().join("shared/forms/support-enquiry.json")).unwrap();
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("support-enquiry.json"), change(&text)).unwrap();
        dir
    }

    #[test]
    fn the_committed_json_schema_is_the_one_the_types_make() {
        let committed =
            std::fs::read_to_string(root().join("shared/form-definition.schema.json")).unwrap();
        assert!(
            committed == schema_json().unwrap(),
            "shared/form-definition.schema.json is out of date: run `just forms-schema`"
        );
    }

    #[test]
    fn the_shipped_definitions_have_no_mistakes() {
        let (forms, problems) = check_dir(&root().join("shared/forms"), Some(&council())).unwrap();
        assert_eq!(problems, []);
        assert!(forms.len() >= 6);
    }

    #[test]
    fn the_support_enquiry_speaks_welsh_and_one_text_left_in_english_is_refused() {
        let library = FormLibrary::load(&root().join("shared/forms"), &council()).unwrap();
        let enquiry = library.get("support-enquiry").unwrap();
        assert_eq!(
            enquiry.title.in_language(shared::language::Language::Welsh),
            "Ymholiad cymorth"
        );

        let dir = changed_enquiry(|text| {
            let mut form: serde_json::Value = serde_json::from_str(text).unwrap();
            form["pages"][1]["questions"][1]["label"] = "Your role".into();
            serde_json::to_string_pretty(&form).unwrap()
        });
        let Err(error) = FormLibrary::load(dir.path(), &council()) else {
            panic!("a form with one text in English only was taken");
        };
        let error = error.to_string();
        assert!(
            error.contains("page \"your-details\" question \"referrer_role\" label has no Welsh"),
            "{error}"
        );
    }

    #[test]
    fn a_definition_with_a_misspelt_question_field_is_refused_at_start_naming_its_line() {
        let dir = changed_enquiry(|text| {
            assert!(text.contains("\"required\": true"));
            text.replacen("\"required\": true", "\"requried\": true", 1)
        });
        let Err(error) = FormLibrary::load(dir.path(), &council()) else {
            panic!("a misspelt field was taken");
        };
        let error = error.to_string();
        assert!(
            error.contains("a field \"requried\" that no question takes"),
            "{error}"
        );
        let (_, problems) = check_dir(dir.path(), None).unwrap();
        let text = std::fs::read_to_string(dir.path().join("support-enquiry.json")).unwrap();
        let line = problems[0].line.unwrap();
        let question_line = text.lines().nth(line - 1).unwrap();
        assert!(question_line.contains("\"id\""), "{question_line}");
        let misspelt_near = text
            .lines()
            .skip(line - 1)
            .take(8)
            .any(|l| l.contains("requried"));
        assert!(misspelt_near, "line {line} is not the misspelt question's");
    }

    #[test]
    fn a_value_of_the_wrong_type_is_named_with_its_line() {
        let dir = changed_enquiry(|text| {
            text.replacen("\"version\": ", "\"version\": \"two\", \"was\": ", 1)
        });
        let (_, problems) = check_dir(dir.path(), None).unwrap();
        assert_eq!(problems.len(), 1, "{problems:?}");
        assert!(
            problems[0].message.starts_with("not a form definition: "),
            "{problems:?}"
        );
        assert_eq!(problems[0].line, Some(3), "{problems:?}");
    }

    #[test]
    fn council_settings_inside_text_are_filled_in_and_unknown_ones_refused() {
        let dir = changed_enquiry(|text| {
            let mut form: serde_json::Value = serde_json::from_str(text).unwrap();
            form["summary"] = serde_json::json!({
                "en": "Ask {council.name} for support; call {council.phone_numbers.contact_centre} \
                       ({council.phone_numbers.contact_centre.uri}).",
                "cy": "Gofynnwch i {council.name_cy} am gymorth.",
            });
            serde_json::to_string_pretty(&form).unwrap()
        });
        let council = council();
        let library = FormLibrary::load(dir.path(), &council).unwrap();
        let view = council.view();
        assert_eq!(
            library.get("support-enquiry").unwrap().summary.english(),
            format!(
                "Ask {} for support; call {} ({}).",
                view.name,
                view.phone_numbers.contact_centre.display,
                view.phone_numbers.contact_centre.uri
            )
        );
        assert_eq!(
            library
                .get("support-enquiry")
                .unwrap()
                .summary
                .in_language(shared::language::Language::Welsh),
            "Gofynnwch i Cyngor Bwrdeistref Eastmoor am gymorth."
        );

        let dir = changed_enquiry(|text| {
            text.replacen(
                "\"en\": \"Support enquiry\"",
                "\"en\": \"{council.nmae} Support enquiry\"",
                1,
            )
        });
        let Err(error) = FormLibrary::load(dir.path(), &council) else {
            panic!("an unknown council setting was taken");
        };
        assert!(
            error
                .to_string()
                .contains("the text {council.nmae} names nothing in the council file"),
            "{error}"
        );
    }

    #[test]
    fn a_team_the_council_does_not_have_is_refused_at_start() {
        let dir = changed_enquiry(|text| {
            let mut form: serde_json::Value = serde_json::from_str(text).unwrap();
            form["team"] = "social_wrok".into();
            serde_json::to_string_pretty(&form).unwrap()
        });
        assert_eq!(
            check_dir(dir.path(), None).unwrap().1,
            [],
            "without a council, teams are not checked"
        );
        let Err(error) = FormLibrary::load(dir.path(), &council()) else {
            panic!("an unknown team was taken");
        };
        assert!(
            error.to_string().contains(
                "referrals go to the team \"social_wrok\", which the council file does not have"
            ),
            "{error}"
        );
    }
}
