use leptos::prelude::*;
use leptos_router::components::A;
use shared::api::FieldErrors;

use super::{Failed, Whose, load, loading, whose};
use crate::boot::{use_language, use_locale};
use crate::components::form::ErrorSummary;
use crate::components::more::ShowMore;
use crate::components::title::set_page_title;
use crate::i18n::td_string;
use crate::session::Api;
use crate::time::uk_time_in;

/// Who at the council opened the record, from the audit log, newest first.
#[component]
pub fn RecordViews() -> impl IntoView {
    let (locale, language) = (use_locale(), use_language());
    let errors = RwSignal::new(FieldErrors::new());
    let loaded = load(|client, person| async move {
        let who = whose(&client, &person).await?;
        Ok((who, client.record_views(&person, None).await?))
    });
    view! {
        <Transition fallback=loading>
            {move || loaded.get().flatten().map(|loaded| match loaded {
                Ok((person, page)) => {
                    set_page_title(td_string!(locale, record.details.who_looked));
                    let empty = page.items.is_empty();
                    let shown = RwSignal::new(page.items);
                    let next = RwSignal::new(page.next);
                    let person_id = person.id.clone();
                    view! {
                        <A href=format!("/record/{}/details", person.id) attr:class="govuk-back-link">{td_string!(locale, record.dashboard.details)}</A>
                        <ErrorSummary errors=errors />
                        <Whose person=person.clone() />
                        <h1 class="govuk-heading-l">{td_string!(locale, record.details.who_looked)}</h1>
                        <p class="govuk-body">{td_string!(locale, record.views.intro)}</p>
                        {if empty {
                            view! { <p class="govuk-body">{td_string!(locale, record.views.none)}</p> }.into_any()
                        } else {
                            view! {
                                <table class="govuk-table">
                                    <caption class="govuk-table__caption govuk-visually-hidden">{td_string!(locale, record.views.caption)}</caption>
                                    <thead class="govuk-table__head"><tr class="govuk-table__row">
                                        <th scope="col" class="govuk-table__header">{td_string!(locale, record.views.when)}</th>
                                        <th scope="col" class="govuk-table__header">{td_string!(locale, record.views.who)}</th>
                                        <th scope="col" class="govuk-table__header">{td_string!(locale, record.views.what)}</th>
                                    </tr></thead>
                                    <tbody class="govuk-table__body">
                                        {move || shown.get().into_iter().map(|v| {
                                            let what = match v.what.as_str() {
                                                "person" => td_string!(locale, record.views.the_record),
                                                "thread" => td_string!(locale, record.views.a_message),
                                                "document" => td_string!(locale, record.views.a_document),
                                                "item" => td_string!(locale, record.views.a_form),
                                                "submission" => td_string!(locale, record.views.a_form_you_sent),
                                                _ => td_string!(locale, record.views.part),
                                            };
                                            view! {
                                                <tr class="govuk-table__row">
                                                    <td class="govuk-table__cell">{uk_time_in(language, v.at)}</td>
                                                    <td class="govuk-table__cell">{v.by}</td>
                                                    <td class="govuk-table__cell">{what}</td>
                                                </tr>
                                            }
                                        }).collect_view()}
                                    </tbody>
                                </table>
                                <ShowMore label=td_string!(locale, record.common.show_more) shown=shown next=next errors=errors
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
