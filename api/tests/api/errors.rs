use shared::api::Problem;

use crate::helpers::spawn_app;

#[tokio::test]
async fn an_unknown_api_path_is_a_problem_not_the_app_page() {
    let app = spawn_app().await;

    for path in ["/api/v1/no-such-thing", "/api/v2/health", "/api/nothing"] {
        let response = app.get(path).await;

        assert_eq!(response.status(), 404, "{path}");
        assert_eq!(
            response.headers()["content-type"],
            "application/problem+json"
        );
        let problem: Problem = response.json().await.unwrap();
        assert_eq!(problem.code, "not_found");
        assert_eq!(problem.status, 404);
    }
}

#[tokio::test]
async fn a_wrong_method_on_an_api_route_is_a_problem() {
    let app = spawn_app().await;

    let response = app
        .client
        .delete(format!("{}/api/v1/council", app.address))
        .send()
        .await
        .unwrap();

    assert_eq!(response.status(), 405);
    assert_eq!(response.headers()["allow"], "GET");
    assert_eq!(
        response.headers()["content-type"],
        "application/problem+json"
    );
    let problem: Problem = response.json().await.unwrap();
    assert_eq!(problem.code, "method_not_allowed");
}

#[tokio::test]
async fn a_path_that_names_no_id_of_its_kind_is_not_found_but_only_for_someone_signed_in() {
    let app = spawn_app().await;
    let session = app.signed_in_staff("sam@council.example").await;
    let staff = app.caller(&session);

    for path in [
        "/api/v1/staff/people/no-such-person",
        "/api/v1/staff/people/0193b001-0000-7000-8000-00000000000z",
        "/api/v1/staff/submissions/..%2F..%2Fetc%2Fpasswd",
        "/api/v1/staff/teams/Not-A-Team/threads",
        "/api/v1/submissions/'%20OR%201=1",
    ] {
        let anonymous = app.get(path).await;
        assert_eq!(anonymous.status(), 401, "{path} before sign-in");

        let response = staff.get(path).await;
        assert_eq!(response.status(), 404, "{path}");
        assert_eq!(
            response.headers()["content-type"],
            "application/problem+json"
        );
        let problem: Problem = response.json().await.unwrap();
        assert_eq!(problem.code, "not_found");
    }
}
