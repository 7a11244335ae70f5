//! Every operation of the committed OpenAPI document, ready to send with the document's own
//! example request: access tests walk it, so a route added later is tried too.

use serde_json::Value;

use crate::helpers::{Caller, repository_root};

/// One documented operation with its path filled in.
pub struct Operation {
    pub method: reqwest::Method,
    /// As documented, `{person_id}` and all.
    pub template: String,
    /// With ids, required query parameters and headers filled in.
    pub path: String,
    pub headers: Vec<(String, String)>,
    pub body: Option<(String, Vec<u8>)>,
}

impl Operation {
    pub async fn send(&self, caller: &Caller<'_>) -> reqwest::Response {
        caller
            .send(
                self.method.clone(),
                &self.path,
                &self.headers,
                self.body.as_ref().map(|(k, b)| (k.as_str(), b.clone())),
            )
            .await
    }
}

impl std::fmt::Display for Operation {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{} {}", self.method, self.template)
    }
}

pub fn document() -> Value {
    let text = std::fs::read_to_string(repository_root().join("openapi/openapi.json")).unwrap();
    serde_json::from_str(&text).unwrap()
}

/// The operations whose path starts with one of `prefixes`, each `{name}` in a path replaced
/// by `ids[name]` (or a well-formed id nobody has).
pub fn operations(prefixes: &[&str], ids: &[(&str, &str)]) -> Vec<Operation> {
    let document = document();
    let mut found = Vec::new();
    for (template, operations) in document["paths"].as_object().unwrap() {
        if !prefixes.iter().any(|p| template.starts_with(p)) {
            continue;
        }
        let mut path = template.clone();
        for (name, id) in ids {
            path = path.replace(&format!("{{{name}}}"), id);
        }
        while let Some(open) = path.find('{') {
            let close = open + path[open..].find('}').unwrap();
            path.replace_range(open..=close, "0193b001-0000-7000-8000-000000000099");
        }
        for (method, operation) in operations.as_object().unwrap() {
            let required = |place: &str| -> Vec<(String, String)> {
                operation["parameters"]
                    .as_array()
                    .into_iter()
                    .flatten()
                    .filter(|p| p["in"] == place && p["required"] == true)
                    .map(|p| (p["name"].as_str().unwrap().to_owned(), text(&p["example"])))
                    .collect()
            };
            let query: Vec<String> = required("query")
                .into_iter()
                .map(|(name, value)| format!("{name}={}", value.replace(' ', "%20")))
                .collect();
            let body = operation["requestBody"]["content"]
                .as_object()
                .and_then(|content| content.iter().next())
                .map(|(kind, media)| (kind.clone(), example_body(&document, kind, media)));
            found.push(Operation {
                method: reqwest::Method::from_bytes(method.to_uppercase().as_bytes()).unwrap(),
                template: template.clone(),
                path: if query.is_empty() {
                    path.clone()
                } else {
                    format!("{path}?{}", query.join("&"))
                },
                headers: required("header"),
                body,
            });
        }
    }
    found
}

fn text(example: &Value) -> String {
    match example {
        Value::String(text) => text.clone(),
        other => other.to_string(),
    }
}

/// The request body an operation documents as its example; a one-page PDF for a file.
fn example_body(document: &Value, kind: &str, media: &Value) -> Vec<u8> {
    if kind == "application/pdf" {
        return b"%PDF-1.4\n1 0 obj<</Type/Catalog>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n"
            .to_vec();
    }
    let schema = &media["schema"];
    let example = if !media["example"].is_null() {
        media["example"].clone()
    } else if let Some(reference) = schema["$ref"].as_str() {
        let name = reference.rsplit('/').next().unwrap();
        document["components"]["schemas"][name]["example"].clone()
    } else {
        schema["example"].clone()
    };
    assert!(!example.is_null(), "no example for a {kind} body");
    match example {
        Value::String(text) if kind != "application/json" => text.into_bytes(),
        other => serde_json::to_vec(&other).unwrap(),
    }
}
