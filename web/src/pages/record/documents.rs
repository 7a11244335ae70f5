use leptos::prelude::*;
use leptos_router::components::A;
use shared::api::{DocumentSummary, FieldErrors};

use super::{Failed, Whose, load, whose};
use crate::api;
use crate::components::form::ErrorSummary;
use crate::components::more::ShowMore;
use crate::components::title::set_page_title;
use crate::pages::submission::{blob_url, open_file, save_file, show_image};
use crate::session::use_session;

/// Items to view: unopened documents in bold; each can be viewed, saved or printed, and stays.
#[component]
pub fn RecordDocuments() -> impl IntoView {
    let version = RwSignal::new(0u32);
    let loaded = load(move |token, person| {
        let _ = version.get();
        async move {
            let who = whose(&token, &person).await?;
            Ok((who, api::documents(&token, &person, None).await?))
        }
    });
    let session = use_session();
    let errors = RwSignal::new(FieldErrors::new());
    view! {
        <Transition fallback=|| view! { <p class="govuk-body">"Loading"</p> }>
            {move || loaded.get().flatten().map(|loaded| match loaded {
                Ok((person, page)) => {
                    set_page_title("Items to view");
                    // Later pages are added below the first, a page at a time.
                    let empty = page.items.is_empty();
                    let shown = RwSignal::new(page.items);
                    let next = RwSignal::new(page.next);
                    let rows_person = person.clone();
                    let more_person = person.id.clone();
                    view! {
                        <A href=format!("/record/{}", person.id) attr:class="govuk-back-link">"Dashboard"</A>
                        <ErrorSummary errors=errors />
                        <Whose person=person.clone() />
                        <h1 class="govuk-heading-l">"Items to view"</h1>
                        <p class="govuk-body">"Documents we have sent you. New ones are in bold. They stay here: you can come back to them at any time, and save them to your device."</p>
                        {if empty {
                            view! { <p class="govuk-body">"We have not sent you any documents."</p> }.into_any()
                        } else {
                            view! {
                                <ul class="govuk-list app-documents">
                                    {move || shown.get().into_iter().map(|d| {
                                        // Each action fetches the document, which records that this reader
                                        // opened it, then does its part with the bytes.
                                        let act = {
                                            let (person, document) = (rows_person.id.clone(), d.clone());
                                            move |then: fn(&[u8], &DocumentSummary)| {
                                                let (person, document) = (person.clone(), document.clone());
                                                move |_| {
                                                    let (person, document) = (person.clone(), document.clone());
                                                    leptos::task::spawn_local(async move {
                                                        let fetched = async {
                                                            let token = session.fresh_token().await?;
                                                            api::document(&token, &person, &document.id).await
                                                        }.await;
                                                        match fetched {
                                                            Ok(bytes) => {
                                                                then(&bytes, &document);
                                                                version.update(|v| *v += 1);
                                                            }
                                                            Err(error) => errors.set(error.field_errors()),
                                                        }
                                                    });
                                                }
                                            }
                                        };
                                        let open = act(|bytes, d| open_file(bytes, &d.content_type, &d.title));
                                        let save = act(|bytes, d| save_file(bytes, &d.file_name, &d.content_type));
                                        let print = act(|bytes, d| print_file(bytes, &d.content_type, &d.title));
                                        let class = if d.opened { "app-document" } else { "app-document app-unread" };
                                        view! {
                                            <li class=class>
                                                <button type="button" class="app-link-button govuk-link" on:click=open>
                                                    {d.title.clone()}
                                                    <span class="govuk-visually-hidden">{if d.opened { " (opened)" } else { " (new)" }}</span>
                                                </button>
                                                <span class="govuk-body-s">{format!(" {} — {} ", d.file_name, d.published_at.format("%-d %B %Y"))}</span>
                                                <button type="button" class="app-link-button govuk-link govuk-body-s" on:click=save>
                                                    "Save a copy"<span class="govuk-visually-hidden">{format!(" of {}", d.title)}</span>
                                                </button>
                                                " "
                                                <button type="button" class="app-link-button govuk-link govuk-body-s" on:click=print>
                                                    "Print"<span class="govuk-visually-hidden">{format!(" {}", d.title)}</span>
                                                </button>
                                            </li>
                                        }
                                    }).collect_view()}
                                </ul>
                                <ShowMore label="Show more documents" shown=shown next=next errors=errors
                                    fetch=move |token: String, cursor: String| {
                                        let person = more_person.clone();
                                        async move { api::documents(&token, &person, Some(&cursor)).await.map(|p| (p.items, p.next)) }
                                    } />
                            }.into_any()
                        }}
                    }.into_any()
                }
                Err(error) => view! { <Failed error=error /> }.into_any(),
            })}
        </Transition>
    }
}

/// Prints a document: it loads out of sight in a frame of this page, whose print dialog then
/// shows the document alone (the browser's PDF viewer prints every page). A PDF's frame stays
/// until the next print, as its viewer prints after `print()` returns.
fn print_file(bytes: &[u8], kind: &str, title: &str) {
    use wasm_bindgen::JsCast;
    use wasm_bindgen::closure::Closure;
    const ID: &str = "app-print-frame";
    let Some(document) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    if let Some(earlier) = document.get_element_by_id(ID) {
        earlier.remove();
    }
    let (Some(url), Some(body)) = (blob_url(bytes, kind), document.body()) else {
        return;
    };
    let Some(frame) = document
        .create_element("iframe")
        .ok()
        .and_then(|e| e.dyn_into::<web_sys::HtmlIFrameElement>().ok())
    else {
        return;
    };
    frame.set_id(ID);
    frame.set_class_name("app-print-frame");
    frame.set_title("Document to print");
    let _ = frame.set_attribute("tabindex", "-1");
    let printing = frame.clone();
    let print = move || {
        if let Some(window) = printing.content_window() {
            let _ = window.print();
        }
    };
    if kind.starts_with("image/") {
        // An image goes on the frame's own blank page, printed once it has loaded. Printing a
        // page waits for the dialog to close, so the frame can go straight after.
        let _ = body.append_child(&frame);
        let done = frame.clone();
        if let Some(page) = frame.content_document() {
            show_image(
                &page,
                &url,
                title,
                Some(Box::new(move || {
                    print();
                    done.remove();
                })),
            );
        }
    } else {
        let on_load = Closure::once_into_js(print);
        frame.set_onload(Some(on_load.unchecked_ref()));
        frame.set_src(&url);
        let _ = body.append_child(&frame);
    }
}
