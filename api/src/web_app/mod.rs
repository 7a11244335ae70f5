//! The browser app, served from the API's own origin: its files (`assets`) and its pages
//! (`pages`), each page sent as real HTML with the download that draws it.

mod assets;
mod language;
mod pages;

use std::path::Path;

use actix_web::http::header::{self, CacheControl, CacheDirective};
use actix_web::http::{Method, StatusCode};
use actix_web::{HttpRequest, HttpResponse, web};
use anyhow::Context;

pub use assets::Assets;
pub use pages::{Page, Templates, route};

use crate::error::ApiError;
use crate::state::AppState;

/// What the server needs to send the app: its files, and the templates of its pages.
pub struct WebApp {
    assets: Assets,
    templates: Templates,
}

impl WebApp {
    /// Loads the built app from `dir` (`web/dist`); fails when it has not been built.
    pub fn load(dir: &Path) -> anyhow::Result<Self> {
        Ok(Self {
            assets: Assets::load(dir)?,
            templates: Templates::load().context("the page templates")?,
        })
    }
}

/// Every GET that no API route took: a file of the app, or a page.
pub async fn serve(
    req: HttpRequest,
    app: web::Data<WebApp>,
    state: web::Data<AppState>,
) -> Result<HttpResponse, ApiError> {
    if !matches!(*req.method(), Method::GET | Method::HEAD) {
        return Err(ApiError::NotFound);
    }
    if let Some(file) = app.assets.respond(&req) {
        return Ok(file);
    }
    let path = req.path();
    // A missing file (`/pkg/old.js`) is a plain 404; only addresses of pages get a page.
    if path
        .rsplit('/')
        .next()
        .is_some_and(|last| last.contains('.'))
    {
        return Err(ApiError::NotFound);
    }
    let page = route(path, &state.forms);
    let choice = language::of(&req);
    let html = app
        .templates
        .render(
            &page,
            path,
            choice.language,
            state.council.view(),
            &state.forms,
            &app.assets.addresses,
        )
        .context("rendering a page")?;
    let status = match page {
        Page::NotFound => StatusCode::NOT_FOUND,
        _ => StatusCode::OK,
    };
    let mut response = HttpResponse::build(status);
    response
        .content_type("text/html; charset=utf-8")
        // Always asked again, so that a new release's files are picked up at once.
        .insert_header(CacheControl(vec![CacheDirective::NoCache]))
        // The same address is written in either language.
        .insert_header((header::VARY, "Cookie, Accept-Language"));
    if choice.chosen_now {
        response.cookie(language::cookie(choice.language));
    }
    Ok(response.body(html))
}
