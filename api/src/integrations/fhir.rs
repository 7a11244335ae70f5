//! The same forms in FHIR R4, so health systems read them without learning our format: each
//! form definition as a `Questionnaire`, each submission as a `QuestionnaireResponse` (status
//! `completed`) and each draft as one `in-progress`. Pages become groups; conditions become
//! `enableWhen` with its `enableBehavior` where FHIR can say them in one level.

use serde_json::{Map, Value, json};
use shared::forms::{
    Answers, Comparison, Condition, Expression, FormDefinition, Question, QuestionKind, parse_date,
    parse_time,
};

/// The canonical address of a form's Questionnaire on this server.
pub fn questionnaire_url(base: &url::Url, form_id: &str) -> String {
    format!(
        "{}fhir/Questionnaire/{form_id}",
        base.as_str().trim_end_matches('/').to_owned() + "/"
    )
}

fn item_type(kind: &QuestionKind) -> &'static str {
    match kind {
        QuestionKind::Text { .. }
        | QuestionKind::Email
        | QuestionKind::Phone
        | QuestionKind::Postcode { .. }
        | QuestionKind::Address { .. }
        | QuestionKind::NhsNumber => "string",
        QuestionKind::LongText { .. } => "text",
        QuestionKind::Number { whole: true, .. } => "integer",
        QuestionKind::Number { .. } => "decimal",
        QuestionKind::Date { .. } | QuestionKind::DatePlusDays { .. } => "date",
        // Worked out, as text people read ("85", "3 March 2027").
        QuestionKind::Computed { .. } => "string",
        QuestionKind::Time => "time",
        QuestionKind::YesNo => "boolean",
        QuestionKind::Radios { .. }
        | QuestionKind::Select { .. }
        | QuestionKind::Checkboxes { .. } => "choice",
        QuestionKind::File { .. } => "attachment",
        QuestionKind::Group { .. } => "group",
    }
}

/// A condition as `enableWhen` entries and the `enableBehavior` that joins them. Inside a
/// repeating group a condition names a sibling in the same entry (that is how the form engine
/// reads it), so the sibling's link id carries the group's `prefix`. `not`, and mixtures FHIR
/// cannot say in one level, are left out: the item then always shows, which asks for more
/// rather than hiding a question that applies.
fn enable_when(
    form: &FormDefinition,
    prefix: Option<&str>,
    condition: &Condition,
) -> Option<(Vec<Value>, &'static str)> {
    let equals = |question: &str, value: &Value| {
        let question = link_id(prefix, question);
        match value.as_str() {
            Some("yes") => {
                Some(json!({"question": question, "operator": "=", "answerBoolean": true}))
            }
            Some("no") => {
                Some(json!({"question": question, "operator": "=", "answerBoolean": false}))
            }
            Some(code) => {
                Some(json!({"question": question, "operator": "=", "answerCoding": {"code": code}}))
            }
            None => None,
        }
    };
    match condition {
        Condition::Equals { question, value } | Condition::Includes { question, value } => {
            Some((vec![equals(question, value)?], "all"))
        }
        Condition::OneOf { question, values } => Some((
            values
                .iter()
                .map(|v| equals(question, v))
                .collect::<Option<Vec<_>>>()?,
            "any",
        )),
        Condition::Answered { question } => Some((
            vec![
                json!({"question": link_id(prefix, question), "operator": "exists", "answerBoolean": true}),
            ],
            "all",
        )),
        Condition::All(parts) | Condition::Any(parts) => {
            let behavior = if matches!(condition, Condition::All(_)) {
                "all"
            } else {
                "any"
            };
            let mut entries = Vec::new();
            for part in parts {
                let (more, inner) = enable_when(form, prefix, part)?;
                if more.len() > 1 && inner != behavior {
                    return None;
                }
                entries.extend(more);
            }
            Some((entries, behavior))
        }
        // "Not equal" FHIR can say; any other `not` it cannot.
        Condition::Not(inner) => match inner.as_ref() {
            Condition::Equals { question, value } => {
                let mut entry = equals(question, value)?;
                entry["operator"] = json!("!=");
                Some((vec![entry], "all"))
            }
            _ => None,
        },
        // A number question's answer compared with a fixed number; comparisons with today,
        // with another answer or with a worked-out value FHIR cannot say.
        Condition::Compare { left, is, right } => {
            let (Expression::Answer(question), Expression::Number(fixed)) = (left, right) else {
                return None;
            };
            let QuestionKind::Number { whole, .. } = form.question(question)?.kind else {
                return None;
            };
            let operator = match is {
                Comparison::Equal => "=",
                Comparison::NotEqual => "!=",
                Comparison::LessThan => "<",
                Comparison::AtMost => "<=",
                Comparison::MoreThan => ">",
                Comparison::AtLeast => ">=",
            };
            let mut entry = json!({"question": link_id(prefix, question), "operator": operator});
            let (name, number) = typed_number("answer", *fixed, whole);
            entry[name] = number;
            Some((vec![entry], "all"))
        }
    }
}

/// Adds `enableWhen` (and, for more than one entry, `enableBehavior`) to an item.
fn add_enable_when(
    item: &mut Map<String, Value>,
    form: &FormDefinition,
    prefix: Option<&str>,
    condition: Option<&Condition>,
) {
    if let Some((entries, behavior)) = condition.and_then(|c| enable_when(form, prefix, c)) {
        if entries.len() > 1 {
            item.insert("enableBehavior".into(), json!(behavior));
        }
        item.insert("enableWhen".into(), Value::Array(entries));
    }
}

/// A number as FHIR types it: `<prefix>Integer` for a whole number's question when it is whole,
/// else `<prefix>Decimal` (`valueInteger`, `answerDecimal`…).
fn typed_number(prefix: &str, n: f64, whole: bool) -> (String, Value) {
    if whole && n.fract() == 0.0 {
        #[allow(clippy::cast_possible_truncation)]
        let integer = n as i64;
        (format!("{prefix}Integer"), json!(integer))
    } else {
        (format!("{prefix}Decimal"), json!(n))
    }
}

/// A question's link id: its id, or `group.id` inside a repeating group, since FHIR wants link
/// ids unique in the whole Questionnaire and ours are unique only within their group.
fn link_id(prefix: Option<&str>, id: &str) -> String {
    match prefix {
        Some(group) => format!("{group}.{id}"),
        None => id.to_owned(),
    }
}

/// A page's link id, apart from the questions' (a page and a question may share an id).
fn page_link_id(page_id: &str) -> String {
    format!("page-{page_id}")
}

fn question_item(form: &FormDefinition, prefix: Option<&str>, question: &Question) -> Value {
    let mut item = Map::new();
    let link = link_id(prefix, &question.id);
    item.insert("linkId".into(), json!(link));
    item.insert("text".into(), json!(question.label.english()));
    item.insert("type".into(), json!(item_type(&question.kind)));
    if question.required {
        item.insert("required".into(), json!(true));
    }
    add_enable_when(&mut item, form, prefix, question.shown_when.as_ref());
    match &question.kind {
        QuestionKind::Radios { options }
        | QuestionKind::Select { options }
        | QuestionKind::Checkboxes { options, .. } => {
            let coded: Vec<Value> = options
                .iter()
                .map(|o| json!({"valueCoding": {"code": o.value, "display": o.label.english()}}))
                .collect();
            item.insert("answerOption".into(), json!(coded));
            if matches!(question.kind, QuestionKind::Checkboxes { .. }) {
                item.insert("repeats".into(), json!(true));
            }
        }
        QuestionKind::Group { questions, .. } => {
            item.insert("repeats".into(), json!(true));
            item.insert(
                "item".into(),
                json!(
                    questions
                        .iter()
                        .map(|q| question_item(form, Some(&link), q))
                        .collect::<Vec<_>>()
                ),
            );
        }
        QuestionKind::DatePlusDays { .. } | QuestionKind::Computed { .. } => {
            item.insert("readOnly".into(), json!(true));
        }
        QuestionKind::Text { max_length } | QuestionKind::LongText { max_length } => {
            item.insert("maxLength".into(), json!(max_length));
        }
        // The number's limits, as the SDC extensions say them.
        QuestionKind::Number { min, max, whole } => {
            let limits: Vec<Value> = [("minValue", min), ("maxValue", max)]
                .into_iter()
                .filter_map(|(name, limit)| {
                    let (kind, number) = typed_number("value", (*limit)?, *whole);
                    Some(json!({
                        "url": format!("http://hl7.org/fhir/StructureDefinition/{name}"),
                        kind: number,
                    }))
                })
                .collect();
            if !limits.is_empty() {
                item.insert("extension".into(), json!(limits));
            }
        }
        _ => {}
    }
    Value::Object(item)
}

/// The form as a FHIR R4 Questionnaire.
pub fn questionnaire(form: &FormDefinition, base: &url::Url) -> Value {
    json!({
        "resourceType": "Questionnaire",
        "id": form.id,
        "url": questionnaire_url(base, &form.id),
        "version": form.version.to_string(),
        "title": form.title.english(),
        "status": "active",
        "description": form.summary,
        "item": form.pages.iter().map(|page| {
            let mut group = Map::new();
            group.insert("linkId".into(), json!(page_link_id(&page.id)));
            group.insert("text".into(), json!(page.title.english()));
            group.insert("type".into(), json!("group"));
            group.insert(
                "item".into(),
                json!(page.questions.iter().map(|q| question_item(form, None, q)).collect::<Vec<_>>()),
            );
            add_enable_when(&mut group, form, None, page.shown_when.as_ref());
            Value::Object(group)
        }).collect::<Vec<_>>(),
    })
}

/// The FHIR answers of one question, or none when it has no answer FHIR can carry. `files` is
/// where a submission's files are fetched (their id follows); a draft has none.
fn answers_of(question: &Question, value: &Value, files: Option<&str>) -> Vec<Value> {
    let text = value.as_str().map(str::trim).unwrap_or_default();
    match &question.kind {
        QuestionKind::YesNo => match text {
            "yes" => vec![json!({"valueBoolean": true})],
            "no" => vec![json!({"valueBoolean": false})],
            _ => Vec::new(),
        },
        QuestionKind::Radios { options } | QuestionKind::Select { options } => options
            .iter()
            .filter(|o| o.value == text)
            .map(|o| json!({"valueCoding": {"code": o.value, "display": o.label.english()}}))
            .collect(),
        QuestionKind::Checkboxes { options, .. } => options
            .iter()
            .filter(|o| {
                value
                    .as_array()
                    .is_some_and(|chosen| chosen.iter().any(|c| c.as_str() == Some(&o.value)))
            })
            .map(|o| json!({"valueCoding": {"code": o.value, "display": o.label.english()}}))
            .collect(),
        QuestionKind::Date { .. } => parse_date(value)
            .map(|d| vec![json!({"valueDate": d.format("%Y-%m-%d").to_string()})])
            .unwrap_or_default(),
        QuestionKind::Time => parse_time(text)
            .map(|t| vec![json!({"valueTime": t.format("%H:%M:%S").to_string()})])
            .unwrap_or_default(),
        QuestionKind::Number { whole, .. } => {
            let number = value.as_f64().or_else(|| text.parse::<f64>().ok());
            number
                .map(|n| {
                    let (name, number) = typed_number("value", n, *whole);
                    vec![json!({ name: number })]
                })
                .unwrap_or_default()
        }
        QuestionKind::Address { .. } => {
            let line: Vec<&str> = ["line1", "line2", "town", "postcode"]
                .iter()
                .filter_map(|k| value.get(k).and_then(Value::as_str))
                .map(str::trim)
                .filter(|t| !t.is_empty())
                .collect();
            if line.is_empty() {
                Vec::new()
            } else {
                vec![json!({"valueString": line.join(", ")})]
            }
        }
        QuestionKind::File { .. } => {
            let mut attachment = json!({
                "contentType": value.get("content_type"),
                "title": value.get("name"),
                "size": value.get("size"),
            });
            if let (Some(files), Some(id)) = (files, value.get("id").and_then(Value::as_str)) {
                attachment["url"] = json!(format!("{files}{id}"));
            }
            vec![json!({ "valueAttachment": attachment })]
        }
        QuestionKind::Group { .. } | QuestionKind::DatePlusDays { .. } => Vec::new(),
        _ if text.is_empty() => Vec::new(),
        _ => vec![json!({"valueString": text})],
    }
}

fn answered_items(
    prefix: Option<&str>,
    questions: &[Question],
    answers: &Map<String, Value>,
    files: Option<&str>,
) -> Vec<Value> {
    let mut items = Vec::new();
    for question in questions {
        let Some(value) = answers.get(&question.id) else {
            continue;
        };
        let link = link_id(prefix, &question.id);
        if let QuestionKind::Group {
            questions: inner, ..
        } = &question.kind
        {
            // A repeating group answers once per entry, each with its own items.
            for entry in value.as_array().into_iter().flatten() {
                if let Some(entry) = entry.as_object() {
                    items.push(json!({
                        "linkId": link,
                        "text": question.label.english(),
                        "item": answered_items(Some(&link), inner, entry, files),
                    }));
                }
            }
            continue;
        }
        let answer = answers_of(question, value, files);
        if !answer.is_empty() {
            items.push(json!({"linkId": link, "text": question.label.english(), "answer": answer}));
        }
    }
    items
}

/// Whom a response is about: the person's record in the portal, by its id.
pub fn person_reference(base: &url::Url, person_id: &str) -> Value {
    json!({"identifier": {
        "system": format!("{}/person", base.as_str().trim_end_matches('/')),
        "value": person_id,
    }})
}

/// Answers to a form, as a submission or a draft holds them.
pub struct Answered<'a> {
    pub id: &'a str,
    /// `completed` for a submission, `in-progress` for a draft.
    pub status: &'a str,
    pub form_version: u32,
    pub authored: chrono::DateTime<chrono::Utc>,
    /// A submission's reference.
    pub reference: Option<&'a str>,
    pub answers: &'a Answers,
}

/// Answers as a FHIR R4 QuestionnaireResponse.
pub fn questionnaire_response(
    form: &FormDefinition,
    base: &url::Url,
    given: &Answered<'_>,
) -> Value {
    let Answered {
        id,
        status,
        form_version,
        authored,
        reference,
        answers,
    } = *given;
    let answers: Map<String, Value> = answers.clone().into_iter().collect();
    // Only a submission (which has a reference) carries its files; a draft's are not shared.
    let files = reference.map(|_| {
        format!(
            "{}/api/v1/integrations/submissions/{id}/attachments/",
            base.as_str().trim_end_matches('/')
        )
    });
    let mut response = json!({
        "resourceType": "QuestionnaireResponse",
        "id": id,
        "questionnaire": format!("{}|{form_version}", questionnaire_url(base, &form.id)),
        "status": status,
        "authored": authored.to_rfc3339(),
        "item": form.pages.iter().filter_map(|page| {
            let items = answered_items(None, &page.questions, &answers, files.as_deref());
            (!items.is_empty())
                .then(|| json!({"linkId": page_link_id(&page.id), "text": page.title.english(), "item": items}))
        }).collect::<Vec<_>>(),
    });
    if let Some(reference) = reference {
        response["identifier"] = json!({
            "system": format!("{}reference", base.as_str().trim_end_matches('/').to_owned() + "/"),
            "value": reference,
        });
    }
    response
}
