use leptos::prelude::*;
use leptos_router::components::A;
use shared::api::FieldErrors;

use super::{Failed, Whose, load, whose};
use crate::components::form::ErrorSummary;
use crate::components::more::ShowMore;
use crate::components::title::set_page_title;
use crate::session::Api;

/// Who at the council opened the record, from the audit log, newest first.
#[component]
pub fn RecordViews() -> impl IntoView {
    let errors = RwSignal::new(FieldErrors::new());
    let loaded = load(|client, person| async move {
        let who = whose(&client, &person).await?;
        Ok((who, client.record_views(&person, None).await?))
    });
    view! {
        <Transition fallback=|| view! { <p class="govuk-body">"Loading"</p> }>
            {move || loaded.get().flatten().map(|loaded| match loaded {
                Ok((person, page)) => {
                    set_page_title("Who has looked at this record");
                    let empty = page.items.is_empty();
                    let shown = RwSignal::new(page.items);
                    let next = RwSignal::new(page.next);
                    let person_id = person.id.clone();
                    view! {
                        <A href=format!("/record/{}/details", person.id) attr:class="govuk-back-link">"Details"</A>
                        <ErrorSummary errors=errors />
                        <Whose person=person.clone() />
                        <h1 class="govuk-heading-l">"Who has looked at this record"</h1>
                        <p class="govuk-body">"Each time someone at the council opened this record, a message, a form or a document. The council keeps this log and cannot change it."</p>
                        {if empty {
                            view! { <p class="govuk-body">"Nobody at the council has opened this record online yet."</p> }.into_any()
                        } else {
                            view! {
                                <table class="govuk-table">
                                    <caption class="govuk-table__caption govuk-visually-hidden">"Record views"</caption>
                                    <thead class="govuk-table__head"><tr class="govuk-table__row">
                                        <th scope="col" class="govuk-table__header">"When"</th>
                                        <th scope="col" class="govuk-table__header">"Who"</th>
                                        <th scope="col" class="govuk-table__header">"What they opened"</th>
                                    </tr></thead>
                                    <tbody class="govuk-table__body">
                                        {move || shown.get().into_iter().map(|v| {
                                            let what = match v.what.as_str() {
                                                "person" => "The record",
                                                "thread" => "A message",
                                                "document" => "A document",
                                                "item" => "A form",
                                                "submission" => "A form you sent",
                                                _ => "Part of the record",
                                            };
                                            view! {
                                                <tr class="govuk-table__row">
                                                    <td class="govuk-table__cell">{crate::time::uk_time(v.at)}</td>
                                                    <td class="govuk-table__cell">{v.by}</td>
                                                    <td class="govuk-table__cell">{what}</td>
                                                </tr>
                                            }
                                        }).collect_view()}
                                    </tbody>
                                </table>
                                <ShowMore label="Show more" shown=shown next=next errors=errors
                                    fetch=move |client: Api, cursor: String| {
                                        let person = person_id.clone();
                                        async move { client.record_views(&person, Some(&cursor)).await.map(|p| (p.items, p.next)) }
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
