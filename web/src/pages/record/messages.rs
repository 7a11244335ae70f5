use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::{use_navigate, use_params_map, use_query_map};
use shared::api::{FieldErrors, NewMessageRequest, ReplyRequest};

use super::{Failed, Whose, among, load, loading, whose};
use crate::boot::{use_council, use_language, use_locale};
use crate::components::form::{ErrorSummary, TextInput, field_error, group_class, submit};
use crate::components::more::ShowMore;
use crate::components::title::set_page_title;
use crate::fill;
use crate::i18n::td_string;
use crate::session::{Api, use_session};
use crate::time::{uk_date_in, uk_time_in};

/// Messaging is not for urgent matters: the seed's warning, with the number to call.
#[component]
fn NotUrgent() -> impl IntoView {
    let urgent = use_council().phone_numbers.urgent;
    let locale = use_locale();
    view! {
        <div class="govuk-warning-text">
            <span class="govuk-warning-text__icon" aria-hidden="true">"!"</span>
            <strong class="govuk-warning-text__text">
                <span class="govuk-visually-hidden">{td_string!(locale, form.warning)}</span>
                {td_string!(locale, record.messages.not_urgent)}
                <a class="govuk-link" href=urgent.uri>{urgent.display}</a>"."
            </strong>
        </div>
    }
}

fn message_row(base: &str, m: shared::api::MessageSummary) -> impl IntoView + use<> {
    let locale = use_locale();
    let class = if m.unread {
        "govuk-table__row app-unread"
    } else {
        "govuk-table__row"
    };
    view! {
        <tr class=class>
            <td class="govuk-table__cell">
                <A href=format!("{base}/threads/{}", m.thread_id) attr:class="govuk-link">{m.subject}</A>
                {m.unread.then(|| view! { <span class="govuk-visually-hidden">{td_string!(locale, record.messages.unread)}</span> })}
            </td>
            <td class="govuk-table__cell">{m.from}</td>
            <td class="govuk-table__cell">{uk_time_in(use_language(), m.sent_at)}</td>
        </tr>
    }
}

/// The inbox or sent items; unread messages in bold.
#[component]
pub fn RecordMessages() -> impl IntoView {
    let locale = use_locale();
    let errors = RwSignal::new(FieldErrors::new());
    let query = use_query_map();
    let which = move || {
        if query.read().get("box").as_deref() == Some("sent") {
            "sent"
        } else {
            "inbox"
        }
    };
    let loaded = load(move |client, person| {
        let which = which();
        async move {
            let who = whose(&client, &person).await?;
            Ok((who, client.messages(&person, which, None).await?))
        }
    });
    view! {
        <Transition fallback=loading>
            {move || loaded.get().flatten().map(|loaded| match loaded {
                Ok((person, page)) => {
                    let sent = which() == "sent";
                    let title = if sent { td_string!(locale, record.messages.sent_title) } else { td_string!(locale, record.dashboard.messages) };
                    set_page_title(title);
                    let base = format!("/record/{}", person.id);
                    // Later pages are added below the first, a page at a time.
                    let empty = page.items.is_empty();
                    let shown = RwSignal::new(page.items);
                    let next = RwSignal::new(page.next);
                    let person_id = person.id.clone();
                    view! {
                        <A href=base.clone() attr:class="govuk-back-link">{td_string!(locale, record.common.dashboard)}</A>
                        <ErrorSummary errors=errors />
                        <Whose person=person.clone() />
                        <h1 class="govuk-heading-l">{title}</h1>
                        <NotUrgent />
                        <p class="govuk-body">
                            <A href=format!("{base}/messages/new") attr:class="govuk-button" attr:role="button">{td_string!(locale, record.messages.new_message)}</A>
                        </p>
                        <nav aria-label=td_string!(locale, record.messages.folders)>
                            <ul class="govuk-list app-inline-list">
                                <li><A href=format!("{base}/messages") attr:class="govuk-link" attr:aria-current=(!sent).then_some("page")>{td_string!(locale, record.messages.inbox)}</A></li>
                                <li><A href=format!("{base}/messages?box=sent") attr:class="govuk-link" attr:aria-current=sent.then_some("page")>{td_string!(locale, record.messages.sent)}</A></li>
                            </ul>
                        </nav>
                        {if empty {
                            view! { <p class="govuk-body">{if sent { td_string!(locale, record.messages.none_sent) } else { td_string!(locale, record.messages.none) }}</p> }.into_any()
                        } else {
                            view! {
                                <table class="govuk-table">
                                    <caption class="govuk-table__caption govuk-visually-hidden">{if sent { td_string!(locale, record.messages.sent_title) } else { td_string!(locale, record.messages.received) }}</caption>
                                    <thead class="govuk-table__head"><tr class="govuk-table__row">
                                        <th scope="col" class="govuk-table__header">{td_string!(locale, record.messages.subject)}</th>
                                        <th scope="col" class="govuk-table__header">{td_string!(locale, record.common.from)}</th>
                                        <th scope="col" class="govuk-table__header">{td_string!(locale, record.messages.date)}</th>
                                    </tr></thead>
                                    <tbody class="govuk-table__body">
                                        {
                                            let base = base.clone();
                                            move || shown.get().into_iter().map(|m| message_row(&base, m)).collect_view()
                                        }
                                    </tbody>
                                </table>
                                <ShowMore label=td_string!(locale, record.messages.show_more) shown=shown next=next errors=errors
                                    fetch=move |client: Api, cursor: String| {
                                        let person = person_id.clone();
                                        let which = if sent { "sent" } else { "inbox" };
                                        async move { client.messages(&person, which, Some(&cursor)).await.map(|p| (p.items, p.next)) }
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

/// A conversation, and the reply box with the earlier message quoted beneath a dotted line.
#[component]
pub fn Thread() -> impl IntoView {
    let (locale, language) = (use_locale(), use_language());
    let council = use_council();
    let params = use_params_map();
    let version = RwSignal::new(0u32);
    let loaded = load(move |client, person| {
        let thread = params.read_untracked().get("thread_id").unwrap_or_default();
        let _ = version.get();
        async move {
            let who = whose(&client, &person).await?;
            Ok((who, client.thread(&person, &thread).await?))
        }
    });
    let session = use_session();
    let body = RwSignal::new(String::new());
    let errors = RwSignal::new(FieldErrors::new());
    let busy = RwSignal::new(false);
    view! {
        <Transition fallback=loading>
            {move || loaded.get().flatten().map(|loaded| match loaded {
                Ok((person, thread)) => {
                    set_page_title(&thread.subject);
                    let last = thread.messages.last().cloned();
                    let person_id = person.id.clone();
                    let thread_id = thread.id.clone();
                    let send = move |ev: leptos::ev::SubmitEvent| {
                        ev.prevent_default();
                        let Some(last) = last.clone() else { return };
                        let request = ReplyRequest { in_reply_to: last.id.clone(), body: body.get() };
                        let found = shared::api::validate_body_in(&request.body, language);
                        let (person_id, thread_id) = (person_id.clone(), thread_id.clone());
                        let send = async move {
                            let client = session.api();
                            client.reply(&person_id, &thread_id, &request).await
                        };
                        submit(errors, busy, found, send, move |_| {
                            body.set(String::new());
                            version.update(|v| *v += 1);
                        });
                    };
                    let quoted = thread.messages.last().map(|m| format!(
                        "{}{}{}{}:\n{}",
                        td_string!(locale, record.messages.wrote_before),
                        m.from,
                        td_string!(locale, record.messages.wrote_on),
                        uk_date_in(language, m.sent_at),
                        m.body
                    ));
                    // The council names its message types in Welsh too; a type it no longer
                    // offers keeps the name the server gives.
                    let message_type = council
                        .message_types
                        .iter()
                        .find(|t| t.key == thread.message_type)
                        .map_or_else(|| thread.message_type_label.clone(), |t| t.label_in(language).to_owned());
                    view! {
                        <A href=format!("/record/{}/messages", person.id) attr:class="govuk-back-link">{td_string!(locale, record.dashboard.messages)}</A>
                        <Whose person=person.clone() />
                        <h1 class="govuk-heading-l">{thread.subject.clone()}</h1>
                        <p class="govuk-body-s">{td_string!(locale, record.messages.message_type_is)}{message_type}</p>
                        {thread.messages.iter().map(|m| view! {
                            <div class="app-message">
                                <h2 class="govuk-heading-s">{format!("{} — {}", m.from, uk_time_in(language, m.sent_at))}</h2>
                                <p class="govuk-body app-message__body">{m.body.clone()}</p>
                            </div>
                        }).collect_view()}
                        <ErrorSummary errors=errors />
                        <form novalidate on:submit=send>
                            <div class=group_class(errors, "body")>
                                <h2 class="govuk-label-wrapper"><label class="govuk-label govuk-label--m" for="body">{td_string!(locale, record.messages.reply)}</label></h2>
                                <div id="body-hint" class="govuk-hint">{td_string!(locale, record.messages.reply_hint)}</div>
                                {field_error(errors, "body")}
                                <textarea class="govuk-textarea" id="body" name="body" rows="5" aria-describedby="body-hint"
                                    prop:value=move || body.get() on:input=move |ev| body.set(event_target_value(&ev))></textarea>
                                {quoted.map(|text| view! { <div class="app-quoted">{text}</div> })}
                            </div>
                            <button type="submit" class="govuk-button" data-module="govuk-button" disabled=move || busy.get()>{td_string!(locale, record.messages.send_reply)}</button>
                        </form>
                    }.into_any()
                }
                Err(error) => view! { <Failed error=error /> }.into_any(),
            })}
        </Transition>
    }
}

/// New message: the type decides who receives it.
#[component]
pub fn NewMessage() -> impl IntoView {
    let (locale, language) = (use_locale(), use_language());
    set_page_title(td_string!(locale, record.messages.new_message));
    let council = use_council();
    let params = use_params_map();
    let query = use_query_map();
    let session = use_session();
    let navigate = use_navigate();
    // Someone who sees more than one record is reminded which one the message is about.
    let person = load(|client, person| async move {
        let records = client.people().await?;
        let more_than_one = records.len() > 1;
        Ok((among(records, &person)?, more_than_one))
    });
    let message_type = RwSignal::new(query.read_untracked().get("type").unwrap_or_default());
    let subject = RwSignal::new(String::new());
    let body = RwSignal::new(String::new());
    let errors = RwSignal::new(FieldErrors::new());
    let busy = RwSignal::new(false);
    let send = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let person_id = params.read_untracked().get("person_id").unwrap_or_default();
        let request = NewMessageRequest {
            message_type: message_type.get(),
            subject: subject.get(),
            body: body.get(),
        };
        let found = request.validate_in(language);
        let navigate = navigate.clone();
        let target = person_id.clone();
        let send = async move {
            let client = session.api();
            client.send_message(&person_id, &request).await
        };
        submit(errors, busy, found, send, move |_| {
            navigate(
                &format!("/record/{target}/messages?box=sent"),
                Default::default(),
            );
        });
    };
    let types = council.message_types.clone();
    view! {
        <Transition fallback=loading>
            {move || person.get().flatten().map(|loaded| match loaded {
                Ok((person, more_than_one)) => {
                    let types = types.clone();
                    view! {
                        <A href=format!("/record/{}/messages", person.id) attr:class="govuk-back-link">{td_string!(locale, record.dashboard.messages)}</A>
                        <ErrorSummary errors=errors />
                        <Whose person=person.clone() />
                        <h1 class="govuk-heading-l">{td_string!(locale, record.messages.new_message)}</h1>
                        {more_than_one.then(|| {
                            let name = person.name.clone();
                            view! {
                                <p class="govuk-body">{fill(td_string!(locale, record.messages.about), &[("name", name.to_string())])}
                                    <A href="/record" attr:class="govuk-link">{td_string!(locale, record.messages.choose_their_record)}</A>{td_string!(locale, record.messages.write_from_there)}</p>
                            }
                        })}
                        <NotUrgent />
                        <form novalidate on:submit=send.clone()>
                            <div class=group_class(errors, "message_type")>
                                <label class="govuk-label" for="message_type">{td_string!(locale, record.messages.message_type)}</label>
                                <div id="message_type-hint" class="govuk-hint">{td_string!(locale, record.messages.message_type_hint)}</div>
                                {field_error(errors, "message_type")}
                                <select class="govuk-select" id="message_type" name="message_type" aria-describedby="message_type-hint"
                                    prop:value=move || message_type.get() on:change=move |ev| message_type.set(event_target_value(&ev))>
                                    <option value="">{td_string!(locale, record.messages.choose_type)}</option>
                                    {types.into_iter().map(|t| {
                                        let label = t.label_in(language).to_owned();
                                        view! { <option value=t.key>{label}</option> }
                                    }).collect_view()}
                                </select>
                            </div>
                            <TextInput name="subject" label=td_string!(locale, record.messages.subject) value=subject errors=errors />
                            <div class=group_class(errors, "body")>
                                <label class="govuk-label" for="body">{td_string!(locale, record.messages.message)}</label>
                                {field_error(errors, "body")}
                                <textarea class="govuk-textarea" id="body" name="body" rows="8"
                                    prop:value=move || body.get() on:input=move |ev| body.set(event_target_value(&ev))></textarea>
                            </div>
                            <button type="submit" class="govuk-button" data-module="govuk-button" disabled=move || busy.get()>{td_string!(locale, record.messages.send)}</button>
                        </form>
                    }.into_any()
                }
                Err(error) => view! { <Failed error=error /> }.into_any(),
            })}
        </Transition>
    }
}
