use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::use_params_map;
use shared::api::SubmissionView;

use shared::api::FieldErrors;

use crate::api::{self, ApiError};
use crate::components::form::ErrorSummary;
use crate::components::title::set_page_title;
use crate::i18n::td_string;
use crate::pages::form::state::take_just_submitted;
use crate::session::use_session;

/// A form as it was sent: the reference, where it has got to, and every answer; printable.
/// Straight after Submit it opens with the confirmation panel and "What happens next".
#[component]
pub fn Submission() -> impl IntoView {
    let session = use_session();
    let params = use_params_map();
    let loaded = LocalResource::new(move || {
        let id = params.read().get("submission_id").unwrap_or_default();
        let checked = session.checked.get();
        async move {
            if !checked {
                return None;
            }
            Some(session.api().submission(&id).await)
        }
    });
    view! {
        <Transition fallback=|| view! { <p class="govuk-body">{td_string!(crate::boot::use_locale(), wizard.loading)}</p> }>
            {move || loaded.get().flatten().map(|result| match result {
                Ok(submission) => view! { <Sent submission=submission /> }.into_any(),
                Err(error) => view! { <NotLoaded error=error /> }.into_any(),
            })}
        </Transition>
    }
}

#[component]
fn NotLoaded(error: ApiError) -> impl IntoView {
    set_page_title("Form not found");
    let signed_out = matches!(&error, ApiError::Problem(p) if p.status == 401);
    view! {
        <h1 class="govuk-heading-l">{if signed_out { "Sign in to see this form" } else { "Form not found" }}</h1>
        <p class="govuk-body">
            {if signed_out {
                "You need to be signed in to see the forms you sent."
            } else {
                "We could not find this form in your account. You can see forms you submitted in the last 30 days in your account."
            }}
        </p>
        <p class="govuk-body"><A href=if signed_out { "/sign-in" } else { "/account" } attr:class="govuk-link">
            {if signed_out { "Sign in" } else { "Go to your account" }}
        </A></p>
    }
}

#[component]
fn Sent(submission: SubmissionView) -> impl IntoView {
    let just_sent = take_just_submitted(&submission.id);
    let locale = crate::boot::use_locale();
    let language = crate::boot::use_language();
    set_page_title(if just_sent {
        td_string!(locale, sent.submitted)
    } else {
        &submission.form_title
    });
    let form = LocalResource::new({
        let form_id = submission.form_id.clone();
        move || {
            let form_id = form_id.clone();
            async move { api::form(&form_id).await.ok() }
        }
    });
    let next_steps = move || {
        form.get()
            .flatten()
            .map(|f| crate::pages::form::blocks(&f.what_happens_next))
    };
    // The server gives the rows in the sender's language (the council keeps the English).
    let rows = submission.summary.clone();
    let submitted = crate::time::uk_time_in(language, submission.submitted_at);
    let errors = RwSignal::new(FieldErrors::new());
    let session = use_session();
    let download = {
        let id = submission.id.clone();
        let filename = format!("{}.pdf", submission.reference);
        move |_| {
            let (id, filename) = (id.clone(), filename.clone());
            leptos::task::spawn_local(async move {
                let fetched = async {
                    let client = session.api();
                    client.submission_pdf(&id).await
                }
                .await;
                match fetched {
                    Ok(bytes) => save_file(&bytes, &filename, "application/pdf"),
                    Err(error) => errors.set(error.field_errors()),
                }
            });
        }
    };
    let print = |_| {
        if let Some(window) = web_sys::window() {
            let _ = window.print();
        }
    };
    view! {
        <div class="govuk-grid-row">
            <div class="govuk-grid-column-two-thirds">
                {if just_sent {
                    view! {
                        <div class="govuk-panel govuk-panel--confirmation">
                            <h1 class="govuk-panel__title">{td_string!(locale, sent.submitted)}</h1>
                            <div class="govuk-panel__body">{td_string!(locale, sent.your_reference)}<br /><strong>{submission.reference.clone()}</strong></div>
                        </div>
                        <h2 class="govuk-heading-m">{td_string!(locale, sent.what_happens_next)}</h2>
                        <Transition fallback=|| ()>
                            {next_steps}
                        </Transition>
                        <h2 class="govuk-heading-m">{td_string!(locale, sent.what_you_sent)}</h2>
                    }.into_any()
                } else {
                    view! {
                        <A href="/account" attr:class="govuk-back-link">{td_string!(locale, sent.back_to_account)}</A>
                        <span class="govuk-caption-l">{submission.reference.clone()}</span>
                        <h1 class="govuk-heading-l">{submission.form_title.clone()}</h1>
                    }.into_any()
                }}
                <dl class="govuk-summary-list">
                    <div class="govuk-summary-list__row">
                        <dt class="govuk-summary-list__key">{td_string!(locale, sent.reference)}</dt>
                        <dd class="govuk-summary-list__value">{submission.reference.clone()}</dd>
                    </div>
                    <div class="govuk-summary-list__row">
                        <dt class="govuk-summary-list__key">{td_string!(locale, sent.submitted_at)}</dt>
                        <dd class="govuk-summary-list__value">{submitted}</dd>
                    </div>
                    <div class="govuk-summary-list__row">
                        <dt class="govuk-summary-list__key">{td_string!(locale, sent.status)}</dt>
                        <dd class="govuk-summary-list__value"><strong class="govuk-tag">{crate::labels::submission_status(locale, submission.status)}</strong></dd>
                    </div>
                </dl>
                <h2 class="govuk-heading-m">{td_string!(locale, sent.your_answers)}</h2>
                {crate::components::govuk::sent_answers(rows)}
                <ErrorSummary errors=errors />
                <div class="govuk-button-group app-no-print">
                    <button type="button" class="govuk-button govuk-button--secondary" on:click=print>{td_string!(locale, sent.print)}</button>
                    <button type="button" class="govuk-button govuk-button--secondary" on:click=download>{td_string!(locale, sent.download)}</button>
                    <A href="/account" attr:class="govuk-link">{td_string!(locale, sent.go_to_account)}</A>
                </div>
            </div>
        </div>
    }
}

/// An object URL for `bytes` of type `kind`, for the browser to show or save.
pub(crate) fn blob_url(bytes: &[u8], kind: &str) -> Option<String> {
    let parts = js_sys::Array::of1(&js_sys::Uint8Array::from(bytes));
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(kind);
    let blob = web_sys::Blob::new_with_u8_array_sequence_and_options(&parts, &options).ok()?;
    web_sys::Url::create_object_url_with_blob(&blob).ok()
}

/// Shows a document called `title` in a new tab: a PDF in the browser's viewer, which prints
/// and saves it; an image on a blank page of ours.
/// A file's size as people read it: "48 KB", "2.5 MB".
pub(crate) fn readable_size(bytes: u64) -> String {
    if bytes >= 1024 * 1024 {
        format!("{:.1} MB", bytes as f64 / (1024.0 * 1024.0))
    } else {
        format!("{} KB", bytes.div_ceil(1024))
    }
}

pub(crate) fn open_file(bytes: &[u8], kind: &str, title: &str) {
    let (Some(url), Some(window)) = (blob_url(bytes, kind), web_sys::window()) else {
        return;
    };
    if kind.starts_with("image/") {
        if let Some(document) = window
            .open_with_url_and_target("", "_blank")
            .ok()
            .flatten()
            .and_then(|tab| tab.document())
        {
            show_image(&document, &url, title, None);
        }
    } else {
        let _ = window.open_with_url_and_target(&url, "_blank");
    }
}

/// Puts the image at `url` on a blank page of ours (a new tab, or a frame to print from): the
/// browser's own image page sets inline styles, which the content security policy refuses.
/// `loaded` runs once the image is there.
pub(crate) fn show_image(
    document: &web_sys::Document,
    url: &str,
    title: &str,
    loaded: Option<Box<dyn FnOnce()>>,
) -> Option<()> {
    use wasm_bindgen::JsCast;
    document.set_title(title);
    // Unchecked: the element belongs to the other page, whose HTMLElement is not this page's,
    // so a checked cast would refuse it.
    let image = document
        .create_element("img")
        .ok()?
        .unchecked_into::<web_sys::HtmlElement>();
    image.set_attribute("alt", title).ok()?;
    // Through the style object, which the policy allows (a style attribute it would refuse).
    image.style().set_property("max-width", "100%").ok()?;
    if let Some(loaded) = loaded {
        let on_load = wasm_bindgen::closure::Closure::once_into_js(loaded);
        image.set_onload(Some(on_load.unchecked_ref()));
    }
    image.set_attribute("src", url).ok()?;
    // In a landmark, as every page's content is.
    let main = document.create_element("main").ok()?;
    main.append_child(&image).ok()?;
    document.body()?.append_child(&main).ok()?;
    Some(())
}

/// Hands `bytes` to the browser as a download named `filename`.
pub(crate) fn save_file(bytes: &[u8], filename: &str, kind: &str) {
    use wasm_bindgen::JsCast;
    let Some(url) = blob_url(bytes, kind) else {
        return;
    };
    let link = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.create_element("a").ok())
        .and_then(|e| e.dyn_into::<web_sys::HtmlAnchorElement>().ok());
    if let Some(link) = link {
        link.set_href(&url);
        link.set_download(filename);
        link.click();
    }
    let _ = web_sys::Url::revoke_object_url(&url);
}
