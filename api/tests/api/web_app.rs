//! How the server sends the browser app: each page as real HTML first (with the council's
//! header, the page's heading and the phone numbers), 404 for addresses no page has, and the
//! app's files from the build's compressed copies, cached for a year.

use crate::helpers::{spawn_app, spawn_app_with, web_dir};

async fn page(
    app: &crate::helpers::TestApp,
    path: &str,
) -> (u16, String, reqwest::header::HeaderMap) {
    let response = app.get(path).await;
    let status = response.status().as_u16();
    let headers = response.headers().clone();
    (status, response.text().await.unwrap(), headers)
}

#[tokio::test]
async fn the_home_page_can_be_read_and_phoned_from_before_any_script_runs() {
    let app = spawn_app().await;

    let (status, html, headers) = page(&app, "/").await;

    assert_eq!(status, 200);
    assert!(
        headers["content-type"]
            .to_str()
            .unwrap()
            .starts_with("text/html")
    );
    // A new release's files are named in the page, so the page is always asked for again.
    assert_eq!(headers["cache-control"], "no-cache");
    assert!(
        html.contains("<title>Home - Adult Social Care Online - Eastmoor Borough Council</title>")
    );
    assert!(html.contains("Welcome to Eastmoor Borough Council Adult Social Care</h1>"));
    // The urgent and safeguarding numbers of config/council.toml, and the council's website.
    assert!(html.contains("tel:+441134960000"), "the contact centre");
    assert!(html.contains("tel:+441134960002"), "safeguarding");
    assert!(html.contains("https://www.example.org/adult-social-care"));
    // The app shows the same content: the page says it is the server's.
    assert!(html.contains("data-server-page"));
    // The public download, not the staff one.
    assert!(html.contains("/pkg/public-start.0123456789.js"));
    assert!(!html.contains("/pkg/staff"));
}

#[tokio::test]
async fn the_referral_pages_are_written_by_the_server_with_every_form_for_professionals() {
    let app = spawn_app().await;

    let (status, html, _) = page(&app, "/referrals").await;
    assert_eq!(status, 200);
    assert!(html.contains("Making a referral as a professional</h1>"));
    for form in [
        "social-care-referral",
        "support-enquiry",
        "occupational-therapy-referral",
        "carers-assessment-referral",
    ] {
        assert!(html.contains(&format!("href=\"/forms/{form}\"")), "{form}");
    }
    assert!(html.contains("href=\"/referrals/request-support\""));
    // A citizen's form is never offered to referrers.
    assert!(!html.contains("/forms/financial-assessment"));

    assert!(!html.contains("portal-form"), "no form on the hub");

    let (status, html, _) = page(&app, "/referrals/dols").await;
    assert_eq!(status, 200);
    assert!(html.contains("DoLS online forms</h1>"));

    // The seed's guidance for professionals, with the council's own area, links and numbers.
    let (status, html, _) = page(&app, "/referrals/request-support").await;
    assert_eq!(status, 200);
    assert!(html.contains("Request support for a patient</h1>"));
    assert!(html.contains("patients who live in the Eastmoor Borough Council area"));
    // minijinja writes `/` in attributes as `&#x2f;`.
    let html = html.replace("&#x2f;", "/");
    assert!(html.contains("href=\"https://www.example.org/privacy/adult-social-care\""));
    assert!(html.contains("href=\"https://www.example.org/adult-social-care/advocacy\""));
    assert!(html.contains("10 working days"));
}

#[tokio::test]
async fn pages_the_app_draws_arrive_with_their_heading_and_a_way_to_phone() {
    let app = spawn_app().await;

    let (status, html, _) = page(&app, "/sign-in").await;
    assert_eq!(status, 200);
    assert!(html.contains("<h1 class=\"govuk-heading-l\">Sign in</h1>"));
    assert!(html.contains("If this page does not finish loading"));
    assert!(html.contains("tel:+441134960000"));
    assert!(html.contains("tel:+441134960002"));

    let (status, html, _) = page(&app, "/forms/social-care-referral").await;
    assert_eq!(status, 200);
    assert!(
        html.contains("Referral for social care</span>"),
        "the form's title as the caption"
    );
    assert!(html.contains("Before you start</h1>"));
    assert!(
        html.contains("/pkg/forms-start.0123456789.js"),
        "the wizard's download"
    );
    // The wizard draws its first page without asking for the form's definition.
    assert!(html.contains(
        "<script type=\"application/json\" id=\"portal-form\">{\"id\":\"social-care-referral\""
    ));

    // A page whose heading depends on who asks says nothing until the app knows.
    let (status, html, _) = page(&app, "/record/0190a8c4-0000-7000-8000-000000000000").await;
    assert_eq!(status, 200);
    assert!(html.contains("Turn on JavaScript to use this page"));

    let (status, html, _) = page(&app, "/staff/referrals").await;
    assert_eq!(status, 200);
    assert!(html.contains("/pkg/staff-start.0123456789.js"));
    assert!(
        !html.contains("/pkg/public"),
        "staff pages carry only the staff download"
    );
}

#[tokio::test]
async fn an_address_no_page_has_is_not_found() {
    let app = spawn_app().await;

    for path in [
        "/no-such-page",
        "/forms/no-such-form",
        "/forms/financial-assessment",
        "/staff/nothing/here/at/all",
        "/referrals/dols/more",
    ] {
        let (status, html, _) = page(&app, path).await;

        assert_eq!(status, 404, "{path}");
        assert!(html.contains("Page not found</h1>"), "{path}");
        assert!(html.contains("tel:+441134960000"), "{path}");
    }
}

#[tokio::test]
async fn the_start_data_cannot_end_its_script_element_early() {
    let app = spawn_app_with(|settings| {
        let council = std::fs::read_to_string(&settings.council_file)
            .unwrap()
            .replace(
                "name = \"Eastmoor Borough Council\"",
                "name = \"Eastmoor </script><script>alert(1)</script>\"",
            );
        let file = tempfile::NamedTempFile::new().unwrap();
        std::fs::write(file.path(), council).unwrap();
        settings.council_file = file.into_temp_path().keep().unwrap();
    })
    .await;

    let (_, html, _) = page(&app, "/").await;

    assert!(!html.contains("<script>alert(1)"));
    assert!(html.contains("\\u003c/script>\\u003cscript>alert(1)"));
}

#[tokio::test]
async fn files_are_sent_in_the_build_s_compressed_copies_and_kept_for_a_year() {
    let app = spawn_app().await;
    let get = |path: &'static str, accept: &'static str| {
        app.client
            .get(format!("{}{path}", app.address))
            .header("accept-encoding", accept)
            .send()
    };

    let brotli = get("/pkg/public_bg.0123456789.wasm", "gzip, deflate, br")
        .await
        .unwrap();
    assert_eq!(brotli.status(), 200);
    assert_eq!(brotli.headers()["content-type"], "application/wasm");
    assert_eq!(brotli.headers()["content-encoding"], "br");
    assert_eq!(
        brotli.headers()["cache-control"],
        "public, max-age=31536000, immutable"
    );
    assert_eq!(brotli.headers()["vary"], "Accept-Encoding");
    assert_eq!(
        brotli.text().await.unwrap(),
        "brotli of /pkg/public_bg.0123456789.wasm"
    );

    let gzip = get("/assets/app.0123456789.css", "gzip").await.unwrap();
    assert_eq!(gzip.headers()["content-encoding"], "gzip");
    assert!(
        gzip.headers()["content-type"]
            .to_str()
            .unwrap()
            .starts_with("text/css")
    );
    assert_eq!(
        gzip.text().await.unwrap(),
        "gzip of /assets/app.0123456789.css"
    );

    // Nothing compressed per request: without a copy the browser accepts, the file as built.
    let plain = get("/assets/app.0123456789.css", "identity").await.unwrap();
    assert_eq!(plain.headers()["content-encoding"], "identity");
    assert_eq!(plain.text().await.unwrap(), "body { margin: 0 }");
    let refused = get("/assets/app.0123456789.css", "br;q=0, gzip;q=0")
        .await
        .unwrap();
    assert_eq!(refused.text().await.unwrap(), "body { margin: 0 }");
    let image = get("/assets/images/crest.0123456789.png", "gzip, br")
        .await
        .unwrap();
    assert_eq!(image.headers()["content-type"], "image/png");
    assert_eq!(image.headers()["content-encoding"], "identity");

    let missing = app.get("/pkg/public.old.js").await;
    assert_eq!(missing.status(), 404);
    assert_eq!(
        missing.headers()["content-type"],
        "application/problem+json"
    );
}

#[tokio::test]
async fn the_server_will_not_start_without_the_built_app() {
    let unbuilt = web_dir();
    std::fs::remove_file(unbuilt.path().join("manifest.json")).unwrap();
    let database = crate::helpers::TestDatabase::create();
    let settings = crate::helpers::test_settings(&database, &unbuilt);

    let error = match api::startup::Application::build(settings).await {
        Ok(_) => panic!("the server started without the browser app"),
        Err(error) => format!("{error:#}"),
    };

    assert!(error.contains("just build-web"), "{error}");
}

/// The language the server wrote into a page's start data.
fn boot_language(html: &str) -> shared::language::Language {
    let start = html.find("id=\"portal-boot\">").unwrap() + "id=\"portal-boot\">".len();
    let end = start + html[start..].find("</script>").unwrap();
    let boot: shared::boot::Boot = serde_json::from_str(&html[start..end]).unwrap();
    boot.language
}

#[tokio::test]
async fn a_visitor_is_offered_the_language_their_browser_prefers_and_keeps_the_one_they_choose() {
    use shared::language::Language;
    let app = spawn_app().await;
    let ask = |path: &str, headers: &[(&str, &str)]| {
        let mut request = app.client.get(format!("{}{path}", app.address));
        for (name, value) in headers {
            request = request.header(*name, *value);
        }
        request.send()
    };

    // A first visit from a browser that prefers Welsh: offered, not kept.
    let offered = ask(
        "/register",
        &[("accept-language", "cy-GB,cy;q=0.9,en;q=0.5")],
    )
    .await
    .unwrap();
    assert!(offered.headers().get("set-cookie").is_none());
    assert_eq!(offered.headers()["vary"], "Cookie, Accept-Language");
    assert_eq!(
        boot_language(&offered.text().await.unwrap()),
        Language::Welsh
    );

    // Choosing English with the header's link keeps the choice for a year.
    let chosen = ask("/register?lang=en", &[("accept-language", "cy")])
        .await
        .unwrap();
    let cookie = chosen.headers()["set-cookie"].to_str().unwrap().to_owned();
    assert!(cookie.starts_with("language=en;"), "{cookie}");
    for part in [
        "Path=/",
        "Max-Age=31536000",
        "SameSite=Lax",
        "Secure",
        "HttpOnly",
    ] {
        assert!(cookie.contains(part), "{cookie}");
    }
    assert_eq!(
        boot_language(&chosen.text().await.unwrap()),
        Language::English
    );

    // The kept choice beats what the browser prefers.
    let again = ask("/", &[("accept-language", "cy"), ("cookie", "language=en")])
        .await
        .unwrap();
    assert_eq!(
        boot_language(&again.text().await.unwrap()),
        Language::English
    );
}

#[tokio::test]
async fn a_welsh_speaker_reads_the_pages_in_welsh_and_can_switch_back() {
    let app = spawn_app().await;
    let ask = |path: &str, cookie: Option<&str>| {
        let mut request = app.client.get(format!("{}{path}", app.address));
        if let Some(cookie) = cookie {
            request = request.header("cookie", cookie);
        }
        request.send()
    };
    let english_link =
        "lang=\"en\" class=\"govuk-service-navigation__link app-language-link\">English</a>";
    let welsh_link =
        "lang=\"cy\" class=\"govuk-service-navigation__link app-language-link\">Cymraeg</a>";

    // Choosing Welsh with the header's link.
    let html = ask("/?lang=cy", None).await.unwrap().text().await.unwrap();
    assert!(
        html.contains("<html lang=\"cy\""),
        "the page says it is Welsh"
    );
    assert!(html.contains(
        "<title>Hafan - Gofal Cymdeithasol i Oedolion Ar-lein - Cyngor Bwrdeistref Eastmoor</title>"
    ));
    assert!(
        html.contains("Croeso i Ofal Cymdeithasol i Oedolion Cyngor Bwrdeistref Eastmoor</h1>")
    );
    assert!(html.contains(">Gwneud atgyfeiriad</a>"));
    assert!(html.contains(english_link), "a way back, named in English");
    // The start data carries the council's names in both languages: look at what is shown,
    // from the skip link on.
    let page = &html[html.find("<a href=\"#main-content\"").unwrap()..];
    for english in [
        "Make a referral",
        "Sign in",
        "Skip to main content",
        "Eastmoor Borough Council",
    ] {
        assert!(!page.contains(english), "{english}");
    }

    // A page the app draws, in the language the cookie keeps.
    let welsh = Some("language=cy");
    let html = ask("/register", welsh).await.unwrap().text().await.unwrap();
    assert!(html.contains(
        "<title>Cofrestru cyfrif newydd - Gofal Cymdeithasol i Oedolion Ar-lein - Cyngor Bwrdeistref Eastmoor</title>"
    ));
    assert!(html.contains("<h1 class=\"govuk-heading-l\">Cofrestru cyfrif newydd</h1>"));

    // Every kind of page the server writes has its Welsh.
    for (path, status) in [
        ("/referrals", 200),
        ("/referrals/dols", 200),
        ("/referrals/request-support", 200),
        ("/forms/social-care-referral", 200),
        ("/record/0190a8c4-0000-7000-8000-000000000000", 200),
        ("/no-such-page", 404),
    ] {
        let response = ask(path, welsh).await.unwrap();
        assert_eq!(response.status().as_u16(), status, "{path}");
        let html = response.text().await.unwrap();
        assert!(html.contains("<html lang=\"cy\""), "{path}");
        assert!(html.contains(english_link), "{path}");
        assert!(!html.contains("Skip to main content"), "{path}");
    }

    // An English page offers Welsh, named in Welsh.
    let html = ask("/", Some("language=en"))
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(html.contains("<html lang=\"en\""));
    assert!(html.contains(welsh_link));
}
