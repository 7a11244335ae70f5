use leptos::prelude::*;
use leptos_router::hooks::use_params_map;
use shared::api::{FieldErrors, ReplyRequest, TeamThreadSummary};

use super::{Failed, load, staff_only, when};
use crate::components::form::{ErrorSummary, field_error, group_class, submit};
use crate::components::more::ShowMore;
use crate::components::title::set_page_title;
use crate::fill;
use crate::i18n::{Locale, td_string};
use crate::session::{Api, use_session};

/// The teams, each with its unread count.
#[component]
pub fn TeamQueues() -> impl IntoView {
    let locale = crate::boot::use_locale();
    set_page_title(td_string!(locale, staff.messages.title));
    let loaded = load(|client| async move { client.team_queues().await });
    staff_only(move || {
        view! {
            <a href="/staff" class="govuk-back-link">{td_string!(locale, staff.common.council_work)}</a>
            <h1 class="govuk-heading-l">{td_string!(locale, staff.messages.title)}</h1>
            <p class="govuk-body">{td_string!(locale, staff.messages.intro)}</p>
            <Transition fallback=move || view! { <p class="govuk-body">{td_string!(locale, staff.common.loading)}</p> }>
                {move || loaded.get().flatten().map(|loaded| match loaded {
                    Ok(teams) => view! {
                        <table class="govuk-table">
                            <caption class="govuk-table__caption govuk-visually-hidden">{td_string!(locale, staff.common.teams)}</caption>
                            <thead class="govuk-table__head"><tr class="govuk-table__row">
                                <th scope="col" class="govuk-table__header">{td_string!(locale, staff.common.team)}</th>
                                <th scope="col" class="govuk-table__header govuk-table__header--numeric">{td_string!(locale, staff.messages.unread)}</th>
                            </tr></thead>
                            <tbody class="govuk-table__body">
                                {teams.into_iter().map(|t| {
                                    let class = if t.unread > 0 { "govuk-link govuk-!-font-weight-bold" } else { "govuk-link" };
                                    view! {
                                    <tr class="govuk-table__row">
                                        <td class="govuk-table__cell">
                                            {if t.member {
                                                view! { <a href=format!("/staff/messages/{}", t.key) class=class>{t.name.clone()}</a> }.into_any()
                                            } else {
                                                view! { {t.name.clone()}<span class="govuk-body-s">{td_string!(locale, staff.messages.not_your_team)}</span> }.into_any()
                                            }}
                                        </td>
                                        <td class="govuk-table__cell govuk-table__cell--numeric">{t.unread}</td>
                                    </tr>
                                }}).collect_view()}
                            </tbody>
                        </table>
                    }.into_any(),
                    Err(error) => view! { <Failed error=error /> }.into_any(),
                })}
            </Transition>
        }
    })
}

fn thread_row(locale: Locale, t: TeamThreadSummary) -> impl IntoView {
    let class = if t.unread {
        "govuk-table__row app-unread"
    } else {
        "govuk-table__row"
    };
    view! {
        <tr class=class>
            <td class="govuk-table__cell">
                <a href=format!("/staff/threads/{}", t.id) class="govuk-link">{t.subject.clone()}</a>
                {t.unread.then(|| view! { <span class="govuk-visually-hidden">{td_string!(locale, staff.messages.unread_hidden)}</span> })}
            </td>
            <td class="govuk-table__cell">{t.person_name.clone()}</td>
            <td class="govuk-table__cell">{when(locale, t.last_message_at)}</td>
        </tr>
    }
}

/// One team's conversations, most recent first; unread ones in bold.
#[component]
pub fn TeamThreads() -> impl IntoView {
    let locale = crate::boot::use_locale();
    let params = use_params_map();
    let errors = RwSignal::new(FieldErrors::new());
    let team = move || params.read().get("team").unwrap_or_default();
    let loaded = load(move |client| {
        let team = team();
        async move {
            let teams = client.team_queues().await?;
            let page = client.team_threads(&team, None).await?;
            let name = teams
                .into_iter()
                .find(|t| t.key == team)
                .map(|t| t.name)
                .unwrap_or(team);
            Ok((name, page))
        }
    });
    staff_only(move || {
        view! {
            <Transition fallback=move || view! { <p class="govuk-body">{td_string!(locale, staff.common.loading)}</p> }>
                {move || loaded.get().flatten().map(|loaded| match loaded {
                    Ok((name, page)) => {
                        set_page_title(&format!("{name}: {}", td_string!(locale, staff.messages.team_title)));
                        let empty = page.items.is_empty();
                        let shown = RwSignal::new(page.items);
                        let next = RwSignal::new(page.next);
                        view! {
                            <a href="/staff/messages" class="govuk-back-link">{td_string!(locale, staff.messages.title)}</a>
                            <ErrorSummary errors=errors />
                            <span class="govuk-caption-l">{name.clone()}</span>
                            <h1 class="govuk-heading-l">{td_string!(locale, staff.messages.messages)}</h1>
                            {if empty {
                                view! { <p class="govuk-body">{td_string!(locale, staff.messages.none)}</p> }.into_any()
                            } else {
                                view! {
                                    <table class="govuk-table">
                                        <caption class="govuk-table__caption govuk-visually-hidden">{fill(td_string!(locale, staff.messages.caption), &[("team", name.to_string())])}</caption>
                                        <thead class="govuk-table__head"><tr class="govuk-table__row">
                                            <th scope="col" class="govuk-table__header">{td_string!(locale, staff.messages.subject)}</th>
                                            <th scope="col" class="govuk-table__header">{td_string!(locale, staff.messages.about)}</th>
                                            <th scope="col" class="govuk-table__header">{td_string!(locale, staff.messages.last_message)}</th>
                                        </tr></thead>
                                        <tbody class="govuk-table__body">
                                            {move || shown.get().into_iter().map(|t| thread_row(locale, t)).collect_view()}
                                        </tbody>
                                    </table>
                                    <ShowMore label=td_string!(locale, staff.messages.show_more) shown=shown next=next errors=errors
                                        fetch=move |client: Api, cursor: String| {
                                            let team = team();
                                            async move { client.team_threads(&team, Some(&cursor)).await.map(|p| (p.items, p.next)) }
                                        } />
                                }.into_any()
                            }}
                        }.into_any()
                    }
                    Err(error) => view! { <Failed error=error /> }.into_any(),
                })}
            </Transition>
        }
    })
}

/// A conversation, answered as the team.
#[component]
pub fn StaffThread() -> impl IntoView {
    let locale = crate::boot::use_locale();
    let params = use_params_map();
    let version = RwSignal::new(0u32);
    let loaded = load(move |client| {
        let thread = params.read().get("thread_id").unwrap_or_default();
        let _ = version.get();
        async move { client.team_thread(&thread).await }
    });
    let session = use_session();
    let body = RwSignal::new(String::new());
    let errors = RwSignal::new(FieldErrors::new());
    let busy = RwSignal::new(false);
    staff_only(move || {
        view! {
            <Transition fallback=move || view! { <p class="govuk-body">{td_string!(locale, staff.common.loading)}</p> }>
                {move || loaded.get().flatten().map(|loaded| match loaded {
                    Ok(view) => {
                        set_page_title(&view.thread.subject);
                        let last = view.thread.messages.last().cloned();
                        let (person_id, thread_id) = (view.person_id.clone(), view.thread.id.clone());
                        let send = move |ev: leptos::ev::SubmitEvent| {
                            ev.prevent_default();
                            let Some(last) = last.clone() else { return };
                            let request = ReplyRequest { in_reply_to: last.id.clone(), body: body.get() };
                            let found = shared::api::validate_body_in(&request.body, crate::language_of(locale));
                            let (person_id, thread_id) = (person_id.clone(), thread_id.clone());
                            let send = async move {
                                let client = session.api();
                                client.reply_as_team(&person_id, &thread_id, &request).await
                            };
                            submit(errors, busy, found, send, move |_| {
                                body.set(String::new());
                                version.update(|v| *v += 1);
                            });
                        };
                        let team = view.team.name.clone();
                        let quoted = view.thread.messages.last().map(|m| {
                            let date = crate::time::uk_date_in(crate::language_of(locale), m.sent_at);
                            let (name, body) = (m.from.clone(), m.body.clone());
                            fill(td_string!(locale, staff.messages.wrote), &[("name", name.to_string()), ("date", date.to_string()), ("body", body.to_string())])
                        });
                        view! {
                            <a href=format!("/staff/messages/{}", view.team.key) class="govuk-back-link">{view.team.name.clone()}</a>
                            <ErrorSummary errors=errors />
                            <span class="govuk-caption-l">
                                {td_string!(locale, staff.messages.about_before)}<a href=format!("/staff/people/{}", view.person_id) class="govuk-link">{view.person_name.clone()}</a>
                            </span>
                            <h1 class="govuk-heading-l">{view.thread.subject.clone()}</h1>
                            <p class="govuk-body-s">{fill(td_string!(locale, staff.messages.message_type), &[("label", view.thread.message_type_label.to_string())])}</p>
                            {view.thread.messages.iter().map(|m| view! {
                                <div class="app-message">
                                    <h2 class="govuk-heading-s">{format!("{} — {}", m.from, when(locale, m.sent_at))}</h2>
                                    <p class="govuk-body app-message__body">{m.body.clone()}</p>
                                </div>
                            }).collect_view()}
                            <form novalidate on:submit=send>
                                <div class=group_class(errors, "body")>
                                    <h2 class="govuk-label-wrapper"><label class="govuk-label govuk-label--m" for="body">{fill(td_string!(locale, staff.messages.reply_as), &[("team", team.to_string())])}</label></h2>
                                    {field_error(errors, "body")}
                                    <textarea class="govuk-textarea" id="body" name="body" rows="5"
                                        prop:value=move || body.get() on:input=move |ev| body.set(event_target_value(&ev))></textarea>
                                    {quoted.map(|text| view! { <div class="app-quoted">{text}</div> })}
                                </div>
                                <button type="submit" class="govuk-button" data-module="govuk-button" disabled=move || busy.get()>{td_string!(locale, staff.messages.send_reply)}</button>
                            </form>
                        }.into_any()
                    }
                    Err(error) => view! { <Failed error=error /> }.into_any(),
                })}
            </Transition>
        }
    })
}
