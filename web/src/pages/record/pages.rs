use leptos::prelude::*;
use leptos_router::components::A;
use shared::api::{Dashboard, FieldErrors, PersonSummary, Relationship, full_name};

use super::{Failed, Whose, load, loading, whose, whose_record};
use crate::boot::{use_council, use_language, use_locale};
use crate::components::form::ErrorSummary;
use crate::components::more::ShowMore;
use crate::components::tiles::Tile;
use crate::components::title::set_page_title;
use crate::i18n::td_string;
use crate::labels::legal_basis;
use crate::session::Api;
use crate::time::day_in;

/// Whose records the account may see: their own, and the people they look after.
#[component]
pub fn Records() -> impl IntoView {
    let locale = use_locale();
    set_page_title(td_string!(locale, record.records.title));
    let people = load(|client, _| async move { client.people().await });
    move || {
        view! {
            <h1 class="govuk-heading-l">{td_string!(locale, record.records.title)}</h1>
            <crate::pages::invitations::Invitations />
            <Transition fallback=loading>
                {move || people.get().flatten().map(|loaded| match loaded {
                    Ok(list) if list.is_empty() => view! {
                        <p class="govuk-body">{td_string!(locale, record.records.none)}</p>
                    }.into_any(),
                    Ok(list) => view! {
                        <p class="govuk-body">{td_string!(locale, record.records.choose)}</p>
                        <ul class="govuk-list">
                            {list.into_iter().map(|person| view! {
                                <li>
                                    <A href=format!("/record/{}", person.id) attr:class="govuk-link govuk-!-font-weight-bold">{person.name.clone()}</A>
                                    <span class="govuk-body-s">{if person.relationship == Relationship::Own { td_string!(locale, record.records.own) } else { td_string!(locale, record.records.looked_after) }}</span>
                                </li>
                            }).collect_view()}
                        </ul>
                    }.into_any(),
                    Err(error) => view! { <Failed error=error /> }.into_any(),
                })}
            </Transition>
        }
    }
}

/// The dashboard: the tiles, each with its count.
#[component]
pub fn RecordDashboard() -> impl IntoView {
    let locale = use_locale();
    let dashboard = load(|client, person| async move { client.dashboard(&person).await });
    view! {
        <Transition fallback=loading>
            {move || dashboard.get().flatten().map(|loaded| match loaded {
                Ok(dashboard) => {
                    let person: PersonSummary = dashboard.person.clone();
                    set_page_title(&whose_record(locale, &person.name));
                    let base = format!("/record/{}", person.id);
                    // Each count is followed by its words; Welsh has the same words after any
                    // number (its noun stays singular), English has one and many.
                    let plural = |n: u32, one: &str, many: &str| {
                        format!("{n}{}", if n == 1 { one } else { many })
                    };
                    // The server stops counting unread messages at a point.
                    let unread = match dashboard.unread_messages {
                        n if n >= Dashboard::COUNTED_UP_TO => format!("{n}{}", td_string!(locale, record.dashboard.or_more_new_messages)),
                        n => plural(n, td_string!(locale, record.dashboard.new_message), td_string!(locale, record.dashboard.new_messages)),
                    };
                    // A proxy reads about someone else: by their first name, not "you".
                    let professionals = if person.relationship == Relationship::Own {
                        plural(dashboard.involvements, td_string!(locale, record.dashboard.professional_you), td_string!(locale, record.dashboard.professionals_you))
                    } else {
                        let first = person.name.split_whitespace().next().unwrap_or(&person.name);
                        let working_with = plural(dashboard.involvements, td_string!(locale, record.dashboard.professional_them), td_string!(locale, record.dashboard.professionals_them));
                        format!("{working_with}{first}")
                    };
                    view! {
                        <A href="/record" attr:class="govuk-back-link">{td_string!(locale, record.records.title)}</A>
                        <Whose person=person.clone() />
                        <h1 class="govuk-heading-l">{td_string!(locale, record.common.dashboard)}</h1>
                        <ul class="app-tiles">
                            <Tile heading=td_string!(locale, record.dashboard.details) description=td_string!(locale, record.dashboard.details_description).into()
                                href=format!("{base}/details") />
                            <Tile heading=td_string!(locale, record.dashboard.messages) description=unread
                                href=format!("{base}/messages") />
                            <Tile heading=td_string!(locale, record.dashboard.involvements) description=professionals
                                href=format!("{base}/involvements") />
                            <Tile heading=td_string!(locale, record.dashboard.items_to_view) description=plural(dashboard.unopened_documents, td_string!(locale, record.dashboard.new_document), td_string!(locale, record.dashboard.new_documents))
                                href=format!("{base}/documents") />
                            <Tile heading=td_string!(locale, record.dashboard.items_to_complete) description=plural(dashboard.items_to_complete, td_string!(locale, record.dashboard.form_to_complete), td_string!(locale, record.dashboard.forms_to_complete))
                                href=format!("{base}/items") />
                        </ul>
                    }.into_any()
                }
                Err(error) => view! { <Failed error=error /> }.into_any(),
            })}
        </Transition>
    }
}

/// The Details tile: read only, with how to tell the council when something is wrong.
#[component]
pub fn RecordDetails() -> impl IntoView {
    let council = use_council();
    let (locale, language) = (use_locale(), use_language());
    let loaded = load(|client, person| async move {
        let who = whose(&client, &person).await?;
        let details = client.person_details(&person).await?;
        Ok((who, details, client.record_readers(&person).await?))
    });
    view! {
        <Transition fallback=loading>
            {move || loaded.get().flatten().map(|loaded| match loaded {
                Ok((person, details, readers)) => {
                    set_page_title(td_string!(locale, record.dashboard.details));
                    let row = |key: &'static str, value: Option<String>| view! {
                        <div class="govuk-summary-list__row">
                            <dt class="govuk-summary-list__key">{key}</dt>
                            <dd class="govuk-summary-list__value">{value.unwrap_or_else(|| td_string!(locale, record.details.not_held).into())}</dd>
                        </div>
                    };
                    let address = details.address.map(|a| {
                        [Some(a.line1), a.line2, Some(a.town), Some(a.postcode)]
                            .into_iter()
                            .flatten()
                            .collect::<Vec<_>>()
                            .join(", ")
                    });
                    let records = council.phone_numbers.records.clone();
                    view! {
                        <A href=format!("/record/{}", person.id) attr:class="govuk-back-link">{td_string!(locale, record.common.dashboard)}</A>
                        <Whose person=person.clone() />
                        <h1 class="govuk-heading-l">{td_string!(locale, record.dashboard.details)}</h1>
                        <dl class="govuk-summary-list">
                            {row(td_string!(locale, record.common.name), Some(full_name(&details.forename, &details.surname)))}
                            {row(td_string!(locale, record.details.date_of_birth), details.date_of_birth.map(|d| day_in(language, d)))}
                            {row(td_string!(locale, record.details.address), address)}
                            {row(td_string!(locale, record.details.email), details.email)}
                            {row(td_string!(locale, record.details.home_phone), details.home_phone)}
                            {row(td_string!(locale, record.details.mobile_phone), details.mobile_phone)}
                        </dl>
                        <h2 class="govuk-heading-m">{td_string!(locale, record.details.if_wrong)}</h2>
                        <p class="govuk-body">
                            <A href=format!("/record/{}/messages/new?type=details_wrong", person.id) attr:class="govuk-link">{td_string!(locale, record.details.tell_us)}</A>
                            {td_string!(locale, record.details.or_call)}<a class="govuk-link" href=records.uri>{records.display}</a>"."
                        </p>
                        <p class="govuk-body">{td_string!(locale, record.details.own_details)}
                            <A href="/account" attr:class="govuk-link">{td_string!(locale, record.details.your_account)}</A>"."</p>
                        <h2 class="govuk-heading-m">{td_string!(locale, record.details.who_can_see)}</h2>
                        <table class="govuk-table">
                            <caption class="govuk-table__caption govuk-visually-hidden">{td_string!(locale, record.details.who_can_see_caption)}</caption>
                            <thead class="govuk-table__head"><tr class="govuk-table__row">
                                <th scope="col" class="govuk-table__header">{td_string!(locale, record.common.name)}</th>
                                <th scope="col" class="govuk-table__header">{td_string!(locale, record.details.access)}</th>
                                <th scope="col" class="govuk-table__header">{td_string!(locale, record.details.until)}</th>
                            </tr></thead>
                            <tbody class="govuk-table__body">
                                {readers.into_iter().map(|r| {
                                    let access = if r.relationship == Relationship::Own {
                                        td_string!(locale, record.details.their_own).to_owned()
                                    } else {
                                        let looks_after = td_string!(locale, record.details.looks_after);
                                        match r.legal_basis {
                                            Some(basis) => format!("{looks_after} ({})", legal_basis(locale, basis)),
                                            None => looks_after.to_owned(),
                                        }
                                    };
                                    view! {
                                        <tr class="govuk-table__row">
                                            <td class="govuk-table__cell">{r.name}</td>
                                            <td class="govuk-table__cell">{access}</td>
                                            <td class="govuk-table__cell">{r.ends_on.map_or_else(|| td_string!(locale, record.details.no_end).to_owned(), |d| day_in(language, d))}</td>
                                        </tr>
                                    }
                                }).collect_view()}
                            </tbody>
                        </table>
                        <p class="govuk-body">{td_string!(locale, record.details.end_access)}
                            <A href=format!("/record/{}/messages/new", person.id) attr:class="govuk-link">{td_string!(locale, record.details.send_message)}</A>"."</p>
                        <h2 class="govuk-heading-m">{td_string!(locale, record.details.who_looked)}</h2>
                        <p class="govuk-body">
                            <A href=format!("/record/{}/record-views", person.id) attr:class="govuk-link">{td_string!(locale, record.details.see_who_looked)}</A>"."
                        </p>
                    }.into_any()
                }
                Err(error) => view! { <Failed error=error /> }.into_any(),
            })}
        </Transition>
    }
}

/// The Involvements tile.
#[component]
pub fn RecordInvolvements() -> impl IntoView {
    let (locale, language) = (use_locale(), use_language());
    let loaded = load(|client, person| async move {
        let who = whose(&client, &person).await?;
        Ok((who, client.involvements(&person, None).await?))
    });
    let errors = RwSignal::new(FieldErrors::new());
    view! {
        <Transition fallback=loading>
            {move || loaded.get().flatten().map(|loaded| match loaded {
                Ok((person, page)) => {
                    set_page_title(td_string!(locale, record.dashboard.involvements));
                    let empty = page.items.is_empty();
                    let shown = RwSignal::new(page.items);
                    let next = RwSignal::new(page.next);
                    let more_person = person.id.clone();
                    view! {
                        <A href=format!("/record/{}", person.id) attr:class="govuk-back-link">{td_string!(locale, record.common.dashboard)}</A>
                        <ErrorSummary errors=errors />
                        <Whose person=person.clone() />
                        <h1 class="govuk-heading-l">{td_string!(locale, record.dashboard.involvements)}</h1>
                        <p class="govuk-body">{td_string!(locale, record.involvements.intro)}</p>
                        {if empty {
                            view! { <p class="govuk-body">{td_string!(locale, record.involvements.none)}</p> }.into_any()
                        } else {
                            view! {
                                <table class="govuk-table">
                                    <caption class="govuk-table__caption govuk-visually-hidden">{td_string!(locale, record.involvements.caption)}</caption>
                                    <thead class="govuk-table__head"><tr class="govuk-table__row">
                                        <th scope="col" class="govuk-table__header">{td_string!(locale, record.common.name)}</th>
                                        <th scope="col" class="govuk-table__header">{td_string!(locale, record.involvements.role_and_team)}</th>
                                        <th scope="col" class="govuk-table__header">{td_string!(locale, record.involvements.contact)}</th>
                                        <th scope="col" class="govuk-table__header">{td_string!(locale, record.involvements.since)}</th>
                                    </tr></thead>
                                    <tbody class="govuk-table__body">
                                        {move || shown.get().into_iter().map(|i| view! {
                                            <tr class="govuk-table__row">
                                                <td class="govuk-table__cell">{i.name}</td>
                                                <td class="govuk-table__cell">{format!("{}, {}", i.role, i.team)}</td>
                                                <td class="govuk-table__cell">
                                                    {[i.phone, i.email].into_iter().flatten().map(|contact| view! {
                                                        <span class="app-contact">{contact}</span>
                                                    }).collect_view()}
                                                </td>
                                                <td class="govuk-table__cell">{day_in(language, i.since)}</td>
                                            </tr>
                                        }).collect_view()}
                                    </tbody>
                                </table>
                                <ShowMore label=td_string!(locale, record.involvements.show_more) shown=shown next=next errors=errors
                                    fetch=move |client: Api, cursor: String| {
                                        let person = more_person.clone();
                                        async move { client.involvements(&person, Some(&cursor)).await.map(|p| (p.items, p.next)) }
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
