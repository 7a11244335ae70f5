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
