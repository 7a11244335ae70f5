use leptos::prelude::*;
use leptos_router::hooks::{use_navigate, use_params_map, use_query_map};
use shared::api::FieldErrors;

use super::{Failed, day, load, staff_only};
use crate::components::form::{ErrorSummary, TextInput};
use crate::components::title::set_page_title;
use crate::fill;
use crate::i18n::td_string;
use crate::labels::submission_status as status_label;

/// Find a person by the first letters of their surname.
#[component]
pub fn FindPerson() -> impl IntoView {
    let locale = crate::boot::use_locale();
    set_page_title(td_string!(locale, staff.people.title));
    let query = use_query_map();
    let navigate = use_navigate();
    let searched = move || query.read().get("q").unwrap_or_default();
    let text = RwSignal::new(searched());
    let errors = RwSignal::new(FieldErrors::new());
    // A referral's reference finds the referral; anything else finds people.
    let found = load(move |client| {
        let text = searched();
        async move {
            let text = text.trim().to_owned();
            if text.is_empty() {
                Ok(None)
            } else if text.to_ascii_uppercase().starts_with("ASC-") {
                let query = format!("reference={}", js_sys::encode_uri_component(&text));
                client
                    .queue(&query, None)
                    .await
                    .map(|page| Some(Err(page.items)))
            } else {
                client
                    .find_people(&text, None)
                    .await
                    .map(|page| Some(Ok(page)))
            }
        }
    });
    let search = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let typed = text.get();
        if typed.trim().is_empty() {
            errors.set(FieldErrors::from([(
                "q".to_owned(),
                vec![td_string!(locale, staff.people.enter_something).to_owned()],
            )]));
            return;
        }
        errors.set(FieldErrors::new());
        navigate(
            &format!(
                "/staff/people?q={}",
                js_sys::encode_uri_component(typed.trim())
            ),
            Default::default(),
        );
    };
    staff_only(move || {
        let search = search.clone();
        view! {
            <a href="/staff" class="govuk-back-link">{td_string!(locale, staff.common.council_work)}</a>
            <ErrorSummary errors=errors />
            <h1 class="govuk-heading-l">{td_string!(locale, staff.people.title)}</h1>
            <p class="govuk-body"><a href="/staff/people/new" class="govuk-link">{td_string!(locale, staff.people.create_link)}</a>{td_string!(locale, staff.people.create_after)}</p>
            <form novalidate on:submit=search>
                <TextInput name="q" label=td_string!(locale, staff.people.search_label) value=text errors=errors
                    hint=td_string!(locale, staff.people.search_hint) width_class="govuk-input--width-30" />
                <button type="submit" class="govuk-button" data-module="govuk-button">{td_string!(locale, staff.common.search)}</button>
            </form>
            <Transition fallback=move || view! { <p class="govuk-body">{td_string!(locale, staff.common.loading)}</p> }>
                {move || found.get().flatten().map(|loaded| match loaded {
                    Ok(None) => ().into_any(),
                    Ok(Some(Err(referrals))) if referrals.is_empty() => view! {
                        <p class="govuk-body" role="status">{td_string!(locale, staff.people.no_reference)}</p>
                    }.into_any(),
                    Ok(Some(Err(referrals))) => view! {
                        <ul class="govuk-list" role="status">
                            {referrals.into_iter().map(|r| view! {
                                <li>
                                    <a href=format!("/staff/referrals/{}", r.id) class="govuk-link">{format!("{} {}", r.reference, r.form_title)}</a>
                                    {fill(td_string!(locale, staff.people.received), &[("date", day(locale, r.submitted_at.date_naive()).to_string()), ("status", status_label(locale, r.status).to_string())])}
                                </li>
                            }).collect_view()}
                        </ul>
                    }.into_any(),
                    Ok(Some(Ok(page))) if page.items.is_empty() => view! {
                        <p class="govuk-body" role="status">{td_string!(locale, staff.people.nobody_matches)}</p>
                    }.into_any(),
                    Ok(Some(Ok(page))) => view! {
                        <table class="govuk-table">
                            <caption class="govuk-table__caption govuk-table__caption--m">{td_string!(locale, staff.people.found)}</caption>
                            <thead class="govuk-table__head"><tr class="govuk-table__row">
                                <th scope="col" class="govuk-table__header">{td_string!(locale, staff.common.name)}</th>
                                <th scope="col" class="govuk-table__header">{td_string!(locale, staff.common.date_of_birth)}</th>
                                <th scope="col" class="govuk-table__header">{td_string!(locale, staff.common.postcode)}</th>
                            </tr></thead>
                            <tbody class="govuk-table__body">
                                {page.items.into_iter().map(|p| view! {
                                    <tr class="govuk-table__row">
                                        <td class="govuk-table__cell"><a href=format!("/staff/people/{}", p.id) class="govuk-link">{p.name.clone()}</a></td>
                                        <td class="govuk-table__cell">{p.date_of_birth.map(|d| day(locale, d)).unwrap_or_default()}</td>
                                        <td class="govuk-table__cell">{p.postcode.clone().unwrap_or_default()}</td>
                                    </tr>
                                }).collect_view()}
                            </tbody>
                        </table>
                        {page.next.is_some().then(|| view! {
                            <p class="govuk-body">{td_string!(locale, staff.people.more_match)}</p>
                        })}
                    }.into_any(),
                    Err(error) => view! { <Failed error=error /> }.into_any(),
                })}
            </Transition>
        }
    })
}

/// A person's record as staff see it, where documents are published and withdrawn.
#[component]
pub fn StaffPerson() -> impl IntoView {
    let locale = crate::boot::use_locale();
    let params = use_params_map();
    let version = RwSignal::new(0u32);
    // Outlives the reload that follows publishing, so the banner stays.
    let published = RwSignal::new(None::<String>);
    let loaded = load(move |client| {
        let person = params.read().get("person_id").unwrap_or_default();
        let _ = version.get();
        async move { client.staff_person(&person).await }
    });
    staff_only(move || {
        view! {
            <Transition fallback=move || view! { <p class="govuk-body">{td_string!(locale, staff.common.loading)}</p> }>
                {move || loaded.get().flatten().map(|loaded| match loaded {
                    Ok(record) => view! { <super::record::Record record=record version=version published=published /> }.into_any(),
                    Err(error) => view! { <Failed error=error /> }.into_any(),
                })}
            </Transition>
        }
    })
}
