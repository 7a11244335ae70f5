use serde_json::Value;
use shared::api::{FormSummary, Problem};

use crate::helpers::spawn_app;

#[tokio::test]
async fn every_published_form_is_listed() {
    let app = spawn_app().await;

    let forms: Vec<FormSummary> = app.get("/api/v1/forms").await.json().await.unwrap();

    let ids: Vec<_> = forms.iter().map(|f| f.id.as_str()).collect();
    assert_eq!(
        ids,
        [
            "carers-assessment-referral",
            "dols-form-1",
            "dols-form-2",
            "financial-assessment",
            "occupational-therapy-referral",
            "social-care-referral",
            "support-enquiry"
        ]
    );
    assert!(forms.iter().all(|f| f.version >= 1));
    // Referrals are for professionals; the council sends citizens' forms to complete.
    let audiences: Vec<_> = forms
        .iter()
        .map(|f| (f.id.as_str(), f.audience.as_str()))
        .filter(|(_, audience)| *audience == "citizen")
        .collect();
    assert_eq!(audiences, [("financial-assessment", "citizen")]);
}

#[tokio::test]
async fn a_form_definition_is_served_whole_and_an_unknown_one_is_not_found() {
    let app = spawn_app().await;

    let form: Value = app
        .get("/api/v1/forms/dols-form-1")
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(
        form["title"],
        "DoLS Form 1: standard request and urgent authorisation"
    );
    assert!(
        form["pages"]
            .as_array()
            .unwrap()
            .iter()
            .any(|p| p["id"] == "urgent")
    );

    let missing = app.get("/api/v1/forms/no-such-form").await;
    assert_eq!(missing.status(), 404);
    let problem: Problem = missing.json().await.unwrap();
    assert_eq!(problem.code, "not_found");
}
