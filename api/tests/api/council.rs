use shared::api::{CouncilView, PostcodeCoverage, Problem};

use crate::helpers::spawn_app;

#[tokio::test]
async fn the_council_details_come_from_its_file() {
    let app = spawn_app().await;

    let council: CouncilView = app.get("/api/v1/council").await.json().await.unwrap();

    assert_eq!(council.name, "Eastmoor Borough Council");
    assert_eq!(council.service_name, "Adult Social Care Online");
    assert_eq!(council.phone_numbers.safeguarding.display, "0113 496 0002");
    assert_eq!(council.phone_numbers.safeguarding.uri, "tel:+441134960002");
    assert_eq!(
        council.links.information,
        "https://www.example.org/adult-social-care"
    );
    assert!(council.postcode_districts.contains(&"PR8".to_owned()));
    let kinds: Vec<_> = council
        .message_types
        .iter()
        .map(|m| m.key.as_str())
        .collect();
    assert_eq!(
        kinds,
        [
            "general",
            "details_wrong",
            "appointment",
            "equipment",
            "charges"
        ]
    );
    // The council runs the service in Welsh too: its words come in both languages.
    assert_eq!(
        council.name_cy.as_deref(),
        Some("Cyngor Bwrdeistref Eastmoor")
    );
    assert_eq!(
        council.service_name_cy.as_deref(),
        Some("Gofal Cymdeithasol i Oedolion Ar-lein")
    );
    assert!(council.message_types.iter().all(|m| m.label_cy.is_some()));
}

#[tokio::test]
async fn a_postcode_in_the_area_is_served_however_it_is_written() {
    let app = spawn_app().await;

    let coverage: PostcodeCoverage = app
        .get("/api/v1/council/coverage?postcode=l20%203nj")
        .await
        .json()
        .await
        .unwrap();

    assert_eq!(
        coverage,
        PostcodeCoverage {
            postcode: "L20 3NJ".into(),
            district: "L20".into(),
            served: true
        }
    );
}

#[tokio::test]
async fn a_postcode_outside_the_area_is_not_served() {
    let app = spawn_app().await;

    let coverage: PostcodeCoverage = app
        .get("/api/v1/council/coverage?postcode=M1+1AA")
        .await
        .json()
        .await
        .unwrap();

    assert!(!coverage.served);
    assert_eq!(coverage.district, "M1");
}

#[tokio::test]
async fn a_missing_or_false_postcode_is_a_problem_naming_the_field() {
    let app = spawn_app().await;

    for query in [
        "",
        "?postcode=",
        "?postcode=L20%203NC",
        "?postcode=%3Cscript%3E",
    ] {
        let response = app.get(&format!("/api/v1/council/coverage{query}")).await;

        assert_eq!(response.status(), 422, "{query}");
        assert_eq!(
            response.headers()["content-type"],
            "application/problem+json"
        );
        let problem: Problem = response.json().await.unwrap();
        assert_eq!(problem.code, "validation_failed");
        assert_eq!(
            problem.errors.keys().collect::<Vec<_>>(),
            ["postcode"],
            "{query}"
        );
    }
}
