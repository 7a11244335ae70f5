use leptos::prelude::*;
use leptos_router::hooks::{use_navigate, use_query_map};
use shared::api::{AuditEntry, FieldErrors};

use super::{Failed, load, staff_only, when};
use crate::components::form::{ErrorSummary, TextInput, field_error, group_class, submit};
use crate::components::more::ShowMore;
use crate::components::title::set_page_title;
use crate::i18n::{Locale, td_string};
use crate::pages::submission::save_file;
use crate::session::{Api, use_session};

/// What was done, as the log stores it (`read`), in the page's language; a word the browser
/// does not know yet is shown as it is stored.
fn action_words(locale: Locale, action: &str) -> String {
    let known = match action {
        "answer" => td_string!(locale, staff.audit.action.answer),
        "create" => td_string!(locale, staff.audit.action.create),
        "disable" => td_string!(locale, staff.audit.action.disable),
        "end" => td_string!(locale, staff.audit.action.end),
        "export" => td_string!(locale, staff.audit.action.export),
        "invite" => td_string!(locale, staff.audit.action.invite),
        "link" => td_string!(locale, staff.audit.action.link),
        "list" => td_string!(locale, staff.audit.action.list),
        "publish" => td_string!(locale, staff.audit.action.publish),
        "read" => td_string!(locale, staff.audit.action.read),
        "replay" => td_string!(locale, staff.audit.action.replay),
        "reply" => td_string!(locale, staff.audit.action.reply),
        "retry" => td_string!(locale, staff.audit.action.retry),
        "revoke" => td_string!(locale, staff.audit.action.revoke),
        "rotate" => td_string!(locale, staff.audit.action.rotate),
        "search" => td_string!(locale, staff.audit.action.search),
        "send" => td_string!(locale, staff.audit.action.send),
        "switch_off" => td_string!(locale, staff.audit.action.switch_off),
        "update" => td_string!(locale, staff.audit.action.update),
        "withdraw" => td_string!(locale, staff.audit.action.withdraw),
        _ => return action.to_owned(),
    };
    known.to_owned()
}

/// What it was done to, as the log stores it (`person`), in the page's language.
fn subject_words(locale: Locale, subject: &str) -> String {
    let known = match subject {
        "account" => td_string!(locale, staff.audit.subject.account),
        "api_client" => td_string!(locale, staff.audit.subject.api_client),
        "audit" => td_string!(locale, staff.audit.subject.audit),
        "document" => td_string!(locale, staff.audit.subject.document),
        "email" => td_string!(locale, staff.audit.subject.email),
        "feed" => td_string!(locale, staff.audit.subject.feed),
        "format_request" => td_string!(locale, staff.audit.subject.format_request),
        "invitation" => td_string!(locale, staff.audit.subject.invitation),
        "involvement" => td_string!(locale, staff.audit.subject.involvement),
        "item" => td_string!(locale, staff.audit.subject.item),
        "link" => td_string!(locale, staff.audit.subject.link),
        "people" => td_string!(locale, staff.audit.subject.people),
        "person" => td_string!(locale, staff.audit.subject.person),
        "submission" => td_string!(locale, staff.audit.subject.submission),
        "submissions" => td_string!(locale, staff.audit.subject.submissions),
        "team" => td_string!(locale, staff.audit.subject.team),
        "thread" => td_string!(locale, staff.audit.subject.thread),
        "upload" => td_string!(locale, staff.audit.subject.upload),
        "webhook" => td_string!(locale, staff.audit.subject.webhook),
        _ => return subject.to_owned(),
    };
    known.to_owned()
}

fn entry_row(locale: Locale, e: AuditEntry) -> impl IntoView {
    view! {
        <tr class="govuk-table__row">
            <td class="govuk-table__cell">{when(locale, e.at)}</td>
            <td class="govuk-table__cell">{e.actor.name}</td>
            <td class="govuk-table__cell">{action_words(locale, &e.action)}</td>
            <td class="govuk-table__cell">{format!("{} {}", subject_words(locale, &e.subject_type), e.subject_id)}</td>
            <td class="govuk-table__cell">{e.person_id.map(|p| view! {
                <a href=format!("/staff/people/{p}") class="govuk-link">{td_string!(locale, staff.audit.record)}</a>
            })}</td>
        </tr>
    }
}

/// The audit log for administrators, newest first, narrowed by person, record, member of
/// staff and days, and downloaded as CSV.
#[component]
pub fn AuditLog() -> impl IntoView {
    let locale = crate::boot::use_locale();
    set_page_title(td_string!(locale, staff.audit.title));
    let query = use_query_map();
    let navigate = use_navigate();
    let filters = move || {
        let q = query.read();
        ["person", "subject", "actor", "from", "to"]
            .iter()
            .filter_map(|k| {
                q.get(k)
                    .filter(|v| !v.is_empty())
                    .map(|v| format!("{k}={}", js_sys::encode_uri_component(&v)))
            })
            .collect::<Vec<_>>()
            .join("&")
    };
    let loaded = load(move |client| {
        let filters = filters();
        async move { client.audit_log(&filters, None).await }
    });
    let picked = |key: &str| RwSignal::new(query.read_untracked().get(key).unwrap_or_default());
    let (person, subject, from, to) = (
        picked("person"),
        picked("subject"),
        picked("from"),
        picked("to"),
    );
    let actor = query.read_untracked().get("actor").unwrap_or_default();
    let errors = RwSignal::new(FieldErrors::new());
    let busy = RwSignal::new(false);
    let session = use_session();
    let search = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let mut parts = Vec::new();
        for (key, value) in [
            ("person", person.get()),
            ("subject", subject.get()),
            ("actor", actor.clone()),
            ("from", from.get()),
            ("to", to.get()),
        ] {
            if !value.trim().is_empty() {
                parts.push(format!(
                    "{key}={}",
                    js_sys::encode_uri_component(value.trim())
                ));
            }
        }
        navigate(
            &format!("/staff/audit?{}", parts.join("&")),
            Default::default(),
        );
    };
    let export = move |_| {
        let filters = filters();
        let send = async move {
            let client = session.api();
            client.export_audit_log(&filters).await
        };
        submit(errors, busy, FieldErrors::new(), send, |bytes: Vec<u8>| {
            save_file(&bytes, "audit-log.csv", "text/csv")
        });
    };
    let day = move |id: &'static str, label: &'static str, value: RwSignal<String>| {
        view! {
            <div class=group_class(errors, id)>
                <label class="govuk-label" for=id>{label}</label>
                {field_error(errors, id)}
                <input class="govuk-input govuk-input--width-10" id=id name=id type="date"
                    prop:value=move || value.get() on:input=move |ev| value.set(event_target_value(&ev)) />
            </div>
        }
    };
    staff_only(move || {
        let search = search.clone();
        view! {
            <a href="/staff" class="govuk-back-link">{td_string!(locale, staff.common.council_work)}</a>
            <ErrorSummary errors=errors />
            <h1 class="govuk-heading-l">{td_string!(locale, staff.audit.title)}</h1>
            <form novalidate on:submit=search>
                <TextInput name="person" label=td_string!(locale, staff.audit.person_id) value=person errors=errors width_class="govuk-input--width-30" />
                <TextInput name="subject" label=td_string!(locale, staff.audit.record_id) value=subject errors=errors
                    hint=td_string!(locale, staff.audit.record_id_hint) width_class="govuk-input--width-30" />
                {day("from", td_string!(locale, staff.audit.from), from)}
                {day("to", td_string!(locale, staff.audit.to_optional), to)}
                <button type="submit" class="govuk-button govuk-button--secondary" data-module="govuk-button">{td_string!(locale, staff.common.search)}</button>
            </form>
            <button type="button" class="govuk-button govuk-button--secondary" data-module="govuk-button"
                disabled=move || busy.get() on:click=export>{td_string!(locale, staff.common.download_csv)}</button>
            <Transition fallback=move || view! { <p class="govuk-body">{td_string!(locale, staff.common.loading)}</p> }>
                {move || loaded.get().flatten().map(|loaded| match loaded {
                    Ok(page) => {
                        let shown = RwSignal::new(page.items);
                        let next = RwSignal::new(page.next);
                        view! {
                            <table class="govuk-table">
                                <caption class="govuk-table__caption govuk-table__caption--m">{td_string!(locale, staff.audit.newest_first)}</caption>
                                <thead class="govuk-table__head"><tr class="govuk-table__row">
                                    <th scope="col" class="govuk-table__header">{td_string!(locale, staff.audit.when)}</th>
                                    <th scope="col" class="govuk-table__header">{td_string!(locale, staff.audit.who)}</th>
                                    <th scope="col" class="govuk-table__header">{td_string!(locale, staff.audit.did)}</th>
                                    <th scope="col" class="govuk-table__header">{td_string!(locale, staff.audit.to)}</th>
                                    <th scope="col" class="govuk-table__header">{td_string!(locale, staff.audit.person)}</th>
                                </tr></thead>
                                <tbody class="govuk-table__body">
                                    {move || shown.get().into_iter().map(|e| entry_row(locale, e)).collect_view()}
                                </tbody>
                            </table>
                            <ShowMore label=td_string!(locale, staff.common.show_more) shown=shown next=next errors=errors
                                fetch=move |client: Api, cursor: String| {
                                    let filters = filters();
                                    async move { client.audit_log(&filters, Some(&cursor)).await.map(|p| (p.items, p.next)) }
                                } />
                        }.into_any()
                    }
                    Err(error) => view! { <Failed error=error /> }.into_any(),
                })}
            </Transition>
        }
    })
}
