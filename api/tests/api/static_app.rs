use crate::helpers::spawn_app;

#[tokio::test]
async fn the_app_page_is_served_at_the_root() {
    let app = spawn_app().await;

    let response = app.get("/").await;

    assert_eq!(response.status(), 200);
    assert!(
        response.headers()["content-type"]
            .to_str()
            .unwrap()
            .starts_with("text/html")
    );
    assert!(
        response
            .text()
            .await
            .unwrap()
            .contains("<title>Adult Social Care Online</title>")
    );
}

#[tokio::test]
async fn client_routes_get_the_app_page_so_the_router_can_show_them() {
    let app = spawn_app().await;

    for path in [
        "/referrals",
        "/referrals/dols",
        "/forms/dols-form-1",
        "/no-such-page",
    ] {
        let response = app.get(path).await;

        assert_eq!(response.status(), 200, "{path}");
        assert_eq!(response.headers()["cache-control"], "no-cache", "{path}");
        assert!(
            response.text().await.unwrap().contains("<!DOCTYPE html>"),
            "{path}"
        );
    }
}

#[tokio::test]
async fn assets_are_served_and_missing_files_are_not_found() {
    let app = spawn_app().await;

    let css = app.get("/assets/app.css").await;
    assert_eq!(css.status(), 200);
    assert!(
        css.headers()["content-type"]
            .to_str()
            .unwrap()
            .starts_with("text/css")
    );
    assert!(css.headers().contains_key("etag"));

    let missing = app.get("/pkg/missing.js").await;
    assert_eq!(missing.status(), 404);
    assert_eq!(
        missing.headers()["content-type"],
        "application/problem+json"
    );
}

#[tokio::test]
async fn text_answers_are_compressed_for_slow_connections() {
    let app = spawn_app().await;

    let response = app
        .client
        .get(format!("{}/assets/app.css", app.address))
        .header("accept-encoding", "gzip")
        .send()
        .await
        .unwrap();

    assert_eq!(response.headers()["content-encoding"], "gzip");
}
