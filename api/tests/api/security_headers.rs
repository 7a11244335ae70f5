use crate::helpers::{spawn_app, spawn_app_with};

#[tokio::test]
async fn every_answer_carries_the_security_headers() {
    let app = spawn_app().await;

    for path in [
        "/",
        "/referrals",
        "/api/v1/health",
        "/api/v1/nothing",
        "/assets/app.css",
    ] {
        let response = app.get(path).await;
        let headers = response.headers();

        let csp = headers["content-security-policy"].to_str().unwrap();
        assert!(csp.contains("default-src 'self'"), "{path}: {csp}");
        assert!(
            csp.contains("script-src 'self' 'wasm-unsafe-eval'"),
            "{path}: {csp}"
        );
        assert!(csp.contains("frame-ancestors 'none'"), "{path}: {csp}");
        assert!(!csp.contains("unsafe-inline"), "{path}: {csp}");
        assert_eq!(headers["x-content-type-options"], "nosniff", "{path}");
        assert_eq!(headers["referrer-policy"], "no-referrer", "{path}");
        assert_eq!(headers["x-frame-options"], "DENY", "{path}");
        // The test server's public address is plain http: no HSTS.
        assert!(headers.get("strict-transport-security").is_none(), "{path}");
    }
}

#[tokio::test]
async fn api_answers_are_never_cached() {
    let app = spawn_app().await;

    let response = app.get("/api/v1/council").await;

    assert_eq!(response.headers()["cache-control"], "no-store");
}

#[tokio::test]
async fn behind_tls_browsers_are_told_to_insist_on_it() {
    let app = spawn_app_with(|settings| {
        settings.server.public_url = "https://care.example.org".parse().unwrap();
    })
    .await;

    let response = app.get("/api/v1/health").await;

    assert_eq!(
        response.headers()["strict-transport-security"],
        "max-age=31536000; includeSubDomains"
    );
}

#[tokio::test]
async fn the_api_docs_may_use_inline_styles_and_nothing_from_elsewhere() {
    let app = spawn_app().await;

    let response = app.get("/api/docs/").await;

    assert_eq!(response.status(), 200);
    let csp = response.headers()["content-security-policy"]
        .to_str()
        .unwrap();
    assert!(csp.contains("style-src 'self' 'unsafe-inline'"));
    assert!(csp.contains("script-src 'self';"));
    let page = response.text().await.unwrap();
    assert!(
        !page.contains("https://"),
        "the docs page loads nothing from elsewhere"
    );
}
