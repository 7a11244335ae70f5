use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::{use_navigate, use_params_map, use_query_map};
use shared::api::{DocumentFormat, DocumentSummary, FieldErrors, FormatRequestCreate};

use super::{Failed, Whose, load, loading, whose};
use crate::boot::{use_language, use_locale};
use crate::components::form::{ErrorSummary, field_error, group_class, submit};
use crate::components::more::ShowMore;
use crate::components::title::set_page_title;
use crate::fill;
use crate::i18n::td_string;
use crate::labels::{document_format as format_label, file_kind};
use crate::pages::submission::{blob_url, open_file, readable_size, save_file, show_image};
use crate::session::{Api, use_session};
use crate::time::uk_date_in;

/// Items to view: each document with its type and size, new ones marked; each can be viewed,
/// saved, printed or asked for in another format, and stays. Below, the formats asked for.
#[component]
pub fn RecordDocuments() -> impl IntoView {
    let (locale, language) = (use_locale(), use_language());
    let version = RwSignal::new(0u32);
    let loaded = load(move |client, person| {
        let _ = version.get();
        async move {
            let who = whose(&client, &person).await?;
            let documents = client.documents(&person, None).await?;
            let formats = client.format_requests(&person).await?;
            Ok((who, documents, formats.items))
        }
    });
    let asked = use_query_map().read_untracked().get("asked").is_some();
    let session = use_session();
    let errors = RwSignal::new(FieldErrors::new());
    view! {
        <Transition fallback=loading>
            {move || loaded.get().flatten().map(|loaded| match loaded {
                Ok((person, page, formats)) => {
                    set_page_title(td_string!(locale, record.dashboard.items_to_view));
                    // Later pages are added below the first, a page at a time.
                    let empty = page.items.is_empty();
                    let shown = RwSignal::new(page.items);
                    let next = RwSignal::new(page.next);
                    let rows_person = person.clone();
                    let more_person = person.id.clone();
                    view! {
                        <A href=format!("/record/{}", person.id) attr:class="govuk-back-link">{td_string!(locale, record.common.dashboard)}</A>
                        <ErrorSummary errors=errors />
                        {asked.then(|| view! {
                            <div class="govuk-notification-banner govuk-notification-banner--success" role="alert" aria-labelledby="asked-title">
                                <div class="govuk-notification-banner__header">
                                    <h2 class="govuk-notification-banner__title" id="asked-title">{td_string!(locale, form.success)}</h2>
                                </div>
                                <div class="govuk-notification-banner__content">
                                    <p class="govuk-notification-banner__heading">{td_string!(locale, record.documents.asked)}</p>
                                </div>
                            </div>
                        })}
                        <Whose person=person.clone() />
                        <h1 class="govuk-heading-l">{td_string!(locale, record.dashboard.items_to_view)}</h1>
                        <p class="govuk-body">{td_string!(locale, record.documents.intro)}</p>
                        {if empty {
                            view! { <p class="govuk-body">{td_string!(locale, record.documents.none)}</p> }.into_any()
                        } else {
                            view! {
                                <dl class="govuk-summary-list app-documents">
                                    {move || shown.get().into_iter().map(|d| document_row(d, &rows_person.id, session, version, errors)).collect_view()}
                                </dl>
                                <ShowMore label=td_string!(locale, record.documents.show_more) shown=shown next=next errors=errors
                                    fetch=move |client: Api, cursor: String| {
                                        let person = more_person.clone();
                                        async move { client.documents(&person, Some(&cursor)).await.map(|p| (p.items, p.next)) }
                                    } />
                            }.into_any()
                        }}
                        <p class="govuk-body">
                            <A href=format!("/record/{}/formats", person.id) attr:class="govuk-link">{td_string!(locale, record.documents.ask_all)}</A>
                            {td_string!(locale, record.documents.formats_list)}
                        </p>
                        {(!formats.is_empty()).then(|| view! {
                            <h2 class="govuk-heading-m">{td_string!(locale, record.documents.asked_for)}</h2>
                            <ul class="govuk-list">
                                {formats.into_iter().map(|r| {
                                    let wanted = match r.language.as_deref() {
                                        Some(named) if r.format == DocumentFormat::AnotherLanguage => format!("{}: {named}", format_label(locale, r.format)),
                                        _ => format_label(locale, r.format).to_owned(),
                                    };
                                    let what = r.document_title.clone().unwrap_or_else(|| td_string!(locale, record.documents.all).into());
                                    view! {
                                        <li>
                                            {format!("{wanted}: {what}{}{} ", td_string!(locale, record.documents.asked_on), uk_date_in(language, r.requested_at))}
                                            {match r.answer {
                                                Some(answer) => {
                                                    let title = answer.title;
                                                    view! {
                                                        <strong class="govuk-tag govuk-tag--green">{td_string!(locale, record.documents.ready)}</strong>
                                                        {fill(td_string!(locale, record.documents.new_version), &[("title", title.to_string())])}
                                                    }.into_any()
                                                }
                                                None => view! { <strong class="govuk-tag govuk-tag--yellow">{td_string!(locale, record.documents.being_made)}</strong> }.into_any(),
                                            }}
                                        </li>
                                    }
                                }).collect_view()}
                            </ul>
                        })}
                    }.into_any()
                }
                Err(error) => view! { <Failed error=error /> }.into_any(),
            })}
        </Transition>
    }
}

/// One document as a summary list row: its title (marked new until this reader opens it), its
/// type, size and date, and what can be done with it.
fn document_row(
    d: DocumentSummary,
    person: &str,
    session: crate::session::Session,
    version: RwSignal<u32>,
    errors: RwSignal<FieldErrors>,
) -> impl IntoView + use<> {
    let (locale, language) = (use_locale(), use_language());
    // Each action fetches the document, which records that this reader opened it, then does
    // its part with the bytes.
    let act = {
        let (person, document) = (person.to_owned(), d.clone());
        move |then: fn(&[u8], &DocumentSummary)| {
            let (person, document) = (person.clone(), document.clone());
            move |_| {
                let (person, document) = (person.clone(), document.clone());
                leptos::task::spawn_local(async move {
                    let fetched = async {
                        let client = session.api();
                        client.document(&person, &document.id).await
                    }
                    .await;
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
    let hidden = format!(" {}", d.title);
    view! {
        <div class=if d.opened { "govuk-summary-list__row app-document" } else { "govuk-summary-list__row app-document app-unread" }>
            <dt class="govuk-summary-list__key">
                {d.title.clone()}
                {(!d.opened).then(|| view! { " " <strong class="govuk-tag govuk-tag--blue">{td_string!(locale, record.documents.new)}</strong> })}
            </dt>
            <dd class="govuk-summary-list__value">
                {format!("{}, {}", file_kind(locale, &d.content_type), readable_size(d.size))}<br />
                {format!("{}{}", td_string!(locale, record.documents.sent_on), uk_date_in(language, d.published_at))}
            </dd>
            <dd class="govuk-summary-list__actions">
                <ul class="govuk-summary-list__actions-list">
                    <li class="govuk-summary-list__actions-list-item">
                        <button type="button" class="app-link-button govuk-link" on:click=open>
                            {td_string!(locale, record.documents.view)}<span class="govuk-visually-hidden">{hidden.clone()}</span>
                        </button>
                    </li>
                    <li class="govuk-summary-list__actions-list-item">
                        <button type="button" class="app-link-button govuk-link" on:click=save>
                            {td_string!(locale, record.documents.save_copy)}<span class="govuk-visually-hidden">{format!("{}{hidden}", td_string!(locale, record.documents.of))}</span>
                        </button>
                    </li>
                    <li class="govuk-summary-list__actions-list-item">
                        <button type="button" class="app-link-button govuk-link" on:click=print>
                            {td_string!(locale, record.documents.print)}<span class="govuk-visually-hidden">{hidden.clone()}</span>
                        </button>
                    </li>
                    <li class="govuk-summary-list__actions-list-item">
                        <A href=format!("/record/{person}/documents/{}/format", d.id) attr:class="govuk-link">
                            {td_string!(locale, record.documents.ask_format)}<span class="govuk-visually-hidden">{format!("{}{hidden}", td_string!(locale, record.documents.of))}</span>
                        </A>
                    </li>
                </ul>
            </dd>
        </div>
    }
}

/// Asks for one document, or every document, in another format: large print, easy read,
/// audio, braille or another language (named). The team gets it as a message.
#[component]
pub fn AskForFormat() -> impl IntoView {
    let (locale, page_language) = (use_locale(), use_language());
    set_page_title(td_string!(locale, record.documents.ask_format));
    let params = use_params_map();
    let document_id = move || params.read_untracked().get("document_id");
    let loaded = load(move |client, person| async move {
        let who = whose(&client, &person).await?;
        // The title from the newest documents; an older one is named as "this document".
        let title = match document_id() {
            Some(id) => Some(
                client
                    .documents(&person, None)
                    .await?
                    .items
                    .into_iter()
                    .find(|d| d.id == id)
                    .map_or_else(
                        || td_string!(locale, record.format.this_document).to_owned(),
                        |d| d.title,
                    ),
            ),
            None => None,
        };
        Ok((who, title))
    });
    let session = use_session();
    let navigate = use_navigate();
    let format = RwSignal::new(String::new());
    let language = RwSignal::new(String::new());
    let errors = RwSignal::new(FieldErrors::new());
    let busy = RwSignal::new(false);
    let send = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let person = params.read_untracked().get("person_id").unwrap_or_default();
        let Some(chosen) = DocumentFormat::parse(&format.get()) else {
            errors.set(FieldErrors::from([(
                "format".to_owned(),
                vec![td_string!(locale, record.format.select).to_owned()],
            )]));
            return;
        };
        let request = FormatRequestCreate {
            document_id: document_id(),
            format: chosen,
            language: Some(language.get())
                .filter(|l| chosen == DocumentFormat::AnotherLanguage && !l.trim().is_empty()),
        };
        let found = request.validate_in(page_language);
        let navigate = navigate.clone();
        let target = person.clone();
        let sent = async move {
            let client = session.api();
            client.ask_for_format(&person, &request).await
        };
        submit(errors, busy, found, sent, move |_| {
            navigate(
                &format!("/record/{target}/documents?asked=1"),
                Default::default(),
            );
        });
    };
    view! {
        <Transition fallback=loading>
            {move || loaded.get().flatten().map(|loaded| match loaded {
                Ok((person, title)) => {
                    let send = send.clone();
                    let heading = match &title {
                        Some(title) => format!("{}{title}{}", td_string!(locale, record.format.ask_before), td_string!(locale, record.format.ask_after)),
                        None => td_string!(locale, record.format.ask_yours).to_owned(),
                    };
                    view! {
                        <A href=format!("/record/{}/documents", person.id) attr:class="govuk-back-link">{td_string!(locale, record.dashboard.items_to_view)}</A>
                        <ErrorSummary errors=errors />
                        <Whose person=person.clone() />
                        <form novalidate on:submit=send>
                            <div class=group_class(errors, "format")>
                                <fieldset class="govuk-fieldset" aria-describedby="format-hint">
                                    <legend class="govuk-fieldset__legend govuk-fieldset__legend--l">
                                        <h1 class="govuk-fieldset__heading">{heading}</h1>
                                    </legend>
                                    <div id="format-hint" class="govuk-hint">
                                        {if title.is_some() { td_string!(locale, record.format.hint_one) } else { td_string!(locale, record.format.hint_all) }}
                                    </div>
                                    {field_error(errors, "format")}
                                    <div class="govuk-radios" data-module="govuk-radios">
                                        {DocumentFormat::ALL.into_iter().map(|f| {
                                            let id = format!("format-{}", f.as_str());
                                            view! {
                                                <div class="govuk-radios__item">
                                                    <input class="govuk-radios__input" id=id.clone() name="format" type="radio" value=f.as_str()
                                                        prop:checked=move || format.get() == f.as_str()
                                                        on:change=move |_| format.set(f.as_str().to_owned()) />
                                                    <label class="govuk-label govuk-radios__label" for=id>{format_label(locale, f)}</label>
                                                </div>
                                            }
                                        }).collect_view()}
                                    </div>
                                </fieldset>
                            </div>
                            {move || (format.get() == DocumentFormat::AnotherLanguage.as_str()).then(|| view! {
                                <div class=group_class(errors, "language")>
                                    <label class="govuk-label" for="language">{td_string!(locale, record.format.which_language)}</label>
                                    {field_error(errors, "language")}
                                    <input class="govuk-input govuk-!-width-one-half" id="language" name="language" type="text"
                                        prop:value=move || language.get() on:input=move |ev| language.set(event_target_value(&ev)) />
                                </div>
                            })}
                            <button type="submit" class="govuk-button" data-module="govuk-button" disabled=move || busy.get()>{td_string!(locale, record.format.send)}</button>
                        </form>
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
    // Named for the document it holds, in whatever language that is written.
    frame.set_title(title);
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
