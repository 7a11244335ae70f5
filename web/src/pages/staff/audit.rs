use leptos::prelude::*;
use leptos_router::hooks::{use_navigate, use_query_map};
use shared::api::{AuditEntry, FieldErrors};

use super::{Failed, load, staff_only};
use crate::components::form::{ErrorSummary, TextInput, field_error, group_class, submit};
use crate::components::more::ShowMore;
use crate::components::title::set_page_title;
use crate::pages::submission::save_file;
use crate::session::{Api, use_session};

fn entry_row(e: AuditEntry) -> impl IntoView {
    view! {
        <tr class="govuk-table__row">
            <td class="govuk-table__cell">{crate::time::uk_time(e.at)}</td>
            <td class="govuk-table__cell">{e.actor.name}</td>
            <td class="govuk-table__cell">{e.action}</td>
            <td class="govuk-table__cell">{format!("{} {}", e.subject_type, e.subject_id)}</td>
            <td class="govuk-table__cell">{e.person_id.map(|p| view! {
                <a href=format!("/staff/people/{p}") class="govuk-link">"Record"</a>
            })}</td>
        </tr>
    }
}

/// The audit log for administrators, newest first, narrowed by person, record, member of
/// staff and days, and downloaded as CSV.
#[component]
pub fn AuditLog() -> impl IntoView {
    set_page_title("Audit log");
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
            <a href="/staff" class="govuk-back-link">"Council work"</a>
            <ErrorSummary errors=errors />
            <h1 class="govuk-heading-l">"Audit log"</h1>
            <form novalidate on:submit=search>
                <TextInput name="person" label="Person's id (optional)" value=person errors=errors width_class="govuk-input--width-30" />
                <TextInput name="subject" label="Record id (optional)" value=subject errors=errors
                    hint="A referral, conversation, document or form id" width_class="govuk-input--width-30" />
                {day("from", "From (optional)", from)}
                {day("to", "To (optional)", to)}
                <button type="submit" class="govuk-button govuk-button--secondary" data-module="govuk-button">"Search"</button>
            </form>
            <button type="button" class="govuk-button govuk-button--secondary" data-module="govuk-button"
                disabled=move || busy.get() on:click=export>"Download as CSV"</button>
            <Transition fallback=|| view! { <p class="govuk-body">"Loading"</p> }>
                {move || loaded.get().flatten().map(|loaded| match loaded {
                    Ok(page) => {
                        let shown = RwSignal::new(page.items);
                        let next = RwSignal::new(page.next);
                        view! {
                            <table class="govuk-table">
                                <caption class="govuk-table__caption govuk-table__caption--m">"Newest first"</caption>
                                <thead class="govuk-table__head"><tr class="govuk-table__row">
                                    <th scope="col" class="govuk-table__header">"When"</th>
                                    <th scope="col" class="govuk-table__header">"Who"</th>
                                    <th scope="col" class="govuk-table__header">"Did"</th>
                                    <th scope="col" class="govuk-table__header">"To"</th>
                                    <th scope="col" class="govuk-table__header">"Person"</th>
                                </tr></thead>
                                <tbody class="govuk-table__body">
                                    {move || shown.get().into_iter().map(entry_row).collect_view()}
                                </tbody>
                            </table>
                            <ShowMore label="Show more" shown=shown next=next errors=errors
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
