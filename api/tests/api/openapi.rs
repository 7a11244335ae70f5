use serde_json::Value;

use crate::helpers::{repository_root, spawn_app};

/// The committed document is what integrators build on: it must be exactly what the code says.
#[test]
fn the_committed_openapi_document_matches_the_code() {
    let committed = std::fs::read_to_string(repository_root().join("openapi/openapi.json"))
        .expect("openapi/openapi.json is committed");
    let generated = api::openapi::document_json().unwrap();

    assert!(
        committed.trim_end() == generated.trim_end(),
        "openapi/openapi.json is out of date: run `just openapi` and commit the result"
    );
}

#[tokio::test]
async fn the_served_document_is_the_committed_one() {
    let app = spawn_app().await;

    let served: Value = app.get("/api/openapi.json").await.json().await.unwrap();
    let committed: Value = serde_json::from_str(
        &std::fs::read_to_string(repository_root().join("openapi/openapi.json")).unwrap(),
    )
    .unwrap();

    assert_eq!(served, committed);
}

#[test]
fn every_operation_is_documented_for_integrators() {
    let document: Value = serde_json::from_str(&api::openapi::document_json().unwrap()).unwrap();

    assert_eq!(document["openapi"], "3.1.0");
    let paths = document["paths"].as_object().unwrap();
    assert!(!paths.is_empty());
    for (path, operations) in paths {
        assert!(path.starts_with("/api/v1/"), "{path}");
        for (method, operation) in operations.as_object().unwrap() {
            let name = format!("{method} {path}");
            for field in ["summary", "description", "operationId", "tags"] {
                assert!(operation.get(field).is_some(), "{name} has no {field}");
            }
            let responses = operation["responses"].as_object().unwrap();
            assert!(
                responses.keys().any(|s| s.starts_with('2')),
                "{name} has no success answer"
            );
            for (status, response) in responses {
                // Shared error answers are referenced from components.responses.
                let response = match response.get("$ref").and_then(Value::as_str) {
                    Some(reference) => {
                        let name = reference.trim_start_matches("#/components/responses/");
                        &document["components"]["responses"][name]
                    }
                    None => response,
                };
                assert!(
                    response.get("description").is_some(),
                    "{name} answer {status} has no description"
                );
                if status == "204" {
                    continue;
                }
                let content = response["content"].as_object();
                let documented = content.is_some_and(|c| {
                    c.values().all(|media| {
                        media.get("example").is_some() || media["schema"].get("$ref").is_some()
                    })
                });
                assert!(
                    documented,
                    "{name} answer {status} has no schema or example"
                );
                // Health's 503 is its own body by design: load balancers read it.
                if status.starts_with('4') || (status.starts_with('5') && status != "503") {
                    assert!(
                        content.unwrap().contains_key("application/problem+json"),
                        "{name} error {status} is not a problem document"
                    );
                }
            }
        }
    }
}

#[tokio::test]
async fn the_interactive_docs_are_served_without_the_internet() {
    let app = spawn_app().await;

    let page = app.get("/api/docs/").await;
    assert_eq!(page.status(), 200);
    let html = page.text().await.unwrap();
    assert!(html.contains("swagger-ui"));

    // Swagger UI's own scripts come from this server.
    let bundle = app.get("/api/docs/swagger-ui-bundle.js").await;
    assert_eq!(bundle.status(), 200);
    let initializer = app
        .get("/api/docs/swagger-initializer.js")
        .await
        .text()
        .await
        .unwrap();
    assert!(initializer.contains("/api/openapi.json"));
}

/// Every documented operation is mounted: none answers with the unknown-route 404 or a 405.
#[tokio::test]
async fn every_documented_operation_is_served() {
    let app = spawn_app().await;
    let document: Value = serde_json::from_str(&api::openapi::document_json().unwrap()).unwrap();

    for (path, operations) in document["paths"].as_object().unwrap() {
        for (method, operation) in operations.as_object().unwrap() {
            let method = reqwest::Method::from_bytes(method.to_uppercase().as_bytes()).unwrap();
            // Path parameters take the example the document gives them.
            let mut url = path.clone();
            for parameter in operation["parameters"].as_array().into_iter().flatten() {
                if parameter["in"] == "path" {
                    let example = parameter["example"]
                        .as_str()
                        .expect("path parameters have examples");
                    url = url.replace(
                        &format!("{{{}}}", parameter["name"].as_str().unwrap()),
                        example,
                    );
                }
            }
            let response = app
                .client
                .request(method.clone(), format!("{}{url}", app.address))
                .json(&serde_json::json!({}))
                .send()
                .await
                .unwrap();
            let status = response.status().as_u16();
            let problem: Option<shared::api::Problem> = response.json().await.ok();
            let unknown =
                problem.is_some_and(|p| p.code == "not_found" || p.code == "method_not_allowed");
            assert!(
                !unknown && status != 405,
                "{method} {path} is documented but not served ({status})"
            );
        }
    }
}
