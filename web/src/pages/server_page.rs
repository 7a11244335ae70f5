//! Pages whose content the server writes: the home page, the referral hub and the DoLS forms
//! page. The server sends them as HTML that a person without JavaScript can read; the app
//! shows the same HTML, so their words have one home (`api/templates/pages`) and none of them
//! is in the download.

use std::cell::RefCell;
use std::collections::HashMap;

use crate::i18n::td_string;
use gloo_net::http::Request;
use leptos::prelude::*;
use leptos_router::hooks::use_location;
use web_sys::{Document, DomParser, SupportedType};

/// A page as the server wrote it: its title and the content of its `<main>`.
#[derive(Clone)]
struct Written {
    title: String,
    content: String,
}

thread_local! {
    /// Pages already fetched (or sent with the first page), by path: their content does not
    /// change while the app runs, so going back to one needs no request.
    static WRITTEN: RefCell<HashMap<String, Written>> = RefCell::new(HashMap::new());
}

/// Keeps the page the server sent first, before the app replaces the server's markup.
pub fn keep_initial(document: &Document) {
    let Some(path) = web_sys::window().and_then(|w| w.location().pathname().ok()) else {
        return;
    };
    if let Some(written) = written(document) {
        WRITTEN.with(|pages| pages.borrow_mut().insert(path, written));
    }
}

fn written(document: &Document) -> Option<Written> {
    let main = document.get_element_by_id("main-content")?;
    // Only a server-written page says so: the others hold a heading and a note for people
    // without JavaScript, which the app's own page replaces.
    main.has_attribute("data-server-page").then(|| Written {
        title: document.title(),
        content: main.inner_html(),
    })
}

async fn fetch(path: &str) -> Option<Written> {
    let response = Request::get(path)
        .header("Accept", "text/html")
        .send()
        .await
        .ok()?;
    let html = response.text().await.ok()?;
    let document = DomParser::new()
        .ok()?
        .parse_from_string(&html, SupportedType::TextHtml)
        .ok()?;
    written(&document)
}

fn kept(path: &str) -> Option<Written> {
    WRITTEN.with(|pages| pages.borrow().get(path).cloned())
}

async fn fetch_and_keep(path: String) -> Option<Written> {
    let fetched = fetch(&path).await?;
    WRITTEN.with(|pages| pages.borrow_mut().insert(path, fetched.clone()));
    Some(fetched)
}

#[component]
pub fn ServerPage() -> impl IntoView {
    let path = use_location().pathname.get_untracked();
    // A page already here shows at once: the first page of a visit is never fetched twice.
    if let Some(written) = kept(&path) {
        return show(Some(written));
    }
    let page = LocalResource::new(move || fetch_and_keep(path.clone()));
    view! { <Suspense fallback=|| ()>{move || page.get().map(show)}</Suspense> }.into_any()
}

fn show(written: Option<Written>) -> AnyView {
    match written {
        Some(Written { title, content }) => {
            if let Some(document) = web_sys::window().and_then(|w| w.document()) {
                document.set_title(&title);
            }
            view! { <div inner_html=content></div> }.into_any()
        }
        None => view! {
            <h1 class="govuk-heading-l">{td_string!(crate::api::page_locale(), loading.page_failed)}</h1>
            <p class="govuk-body">{td_string!(crate::api::page_locale(), loading.check_connection)}</p>
        }
        .into_any(),
    }
}
