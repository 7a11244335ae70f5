use leptos::prelude::*;
use leptos_router::components::A;
use shared::api::{Dashboard, FieldErrors, LegalBasis, PersonSummary, Relationship, full_name};

use super::{Failed, Whose, load, whose};
use crate::boot::use_council;
use crate::components::form::ErrorSummary;
use crate::components::more::ShowMore;
use crate::components::tiles::Tile;
use crate::components::title::set_page_title;
use crate::session::Api;

/// Whose records the account may see: their own, and the people they look after.
#[component]
pub fn Records() -> impl IntoView {
    set_page_title("Your care records");
    let people = load(|client, _| async move { client.people().await });
    move || {
        view! {
            <h1 class="govuk-heading-l">"Your care records"</h1>
            <crate::pages::invitations::Invitations />
            <Transition fallback=|| view! { <p class="govuk-body">"Loading"</p> }>
                {move || people.get().flatten().map(|loaded| match loaded {
                    Ok(list) if list.is_empty() => view! {
                        <p class="govuk-body">"There are no care records linked to your account yet. When the council links a record to your account, it will appear here."</p>
                    }.into_any(),
                    Ok(list) => view! {
                        <p class="govuk-body">"Choose whose record to look at."</p>
                        <ul class="govuk-list">
                            {list.into_iter().map(|person| view! {
                                <li>
                                    <A href=format!("/record/{}", person.id) attr:class="govuk-link govuk-!-font-weight-bold">{person.name.clone()}</A>
                                    <span class="govuk-body-s">{if person.relationship == Relationship::Own { " (your own record)" } else { " (someone you look after)" }}</span>
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
    let dashboard = load(|client, person| async move { client.dashboard(&person).await });
    view! {
        <Transition fallback=|| view! { <p class="govuk-body">"Loading"</p> }>
            {move || dashboard.get().flatten().map(|loaded| match loaded {
                Ok(dashboard) => {
                    let person: PersonSummary = dashboard.person.clone();
                    set_page_title(&format!("{}'s record", person.name));
                    let base = format!("/record/{}", person.id);
                    // A proxy reads about someone else: by their first name, not "you".
                    let whom = if person.relationship == Relationship::Own {
                        "you".to_owned()
                    } else {
                        person.name.split_whitespace().next().unwrap_or(&person.name).to_owned()
                    };
                    let plural = |n: u32, one: &str, many: &str| {
                        format!("{n} {}", if n == 1 { one } else { many })
                    };
                    // The server stops counting unread messages at a point.
                    let unread = match dashboard.unread_messages {
                        n if n >= Dashboard::COUNTED_UP_TO => format!("{n} or more new messages"),
                        n => plural(n, "new message", "new messages"),
                    };
                    view! {
                        <A href="/record" attr:class="govuk-back-link">"Your care records"</A>
                        <Whose person=person.clone() />
                        <h1 class="govuk-heading-l">"Dashboard"</h1>
                        <ul class="app-tiles">
                            <Tile heading="Details" description="Name, address, email and phone numbers, as we hold them.".into()
                                href=format!("{base}/details") />
                            <Tile heading="Messages" description=unread
                                href=format!("{base}/messages") />
                            <Tile heading="Involvements" description=plural(dashboard.involvements, &format!("professional working with {whom}"), &format!("professionals working with {whom}"))
                                href=format!("{base}/involvements") />
                            <Tile heading="Items to view" description=plural(dashboard.unopened_documents, "new document", "new documents")
                                href=format!("{base}/documents") />
                            <Tile heading="Items to complete" description=plural(dashboard.items_to_complete, "form to complete", "forms to complete")
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
    let loaded = load(|client, person| async move {
        let who = whose(&client, &person).await?;
        let details = client.person_details(&person).await?;
        Ok((who, details, client.record_readers(&person).await?))
    });
    view! {
        <Transition fallback=|| view! { <p class="govuk-body">"Loading"</p> }>
            {move || loaded.get().flatten().map(|loaded| match loaded {
                Ok((person, details, readers)) => {
                    set_page_title("Details");
                    let row = |key: &'static str, value: Option<String>| view! {
                        <div class="govuk-summary-list__row">
                            <dt class="govuk-summary-list__key">{key}</dt>
                            <dd class="govuk-summary-list__value">{value.unwrap_or_else(|| "Not held".into())}</dd>
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
                        <A href=format!("/record/{}", person.id) attr:class="govuk-back-link">"Dashboard"</A>
                        <Whose person=person.clone() />
                        <h1 class="govuk-heading-l">"Details"</h1>
                        <dl class="govuk-summary-list">
                            {row("Name", Some(full_name(&details.forename, &details.surname)))}
                            {row("Date of birth", details.date_of_birth.map(|d| d.format("%-d %B %Y").to_string()))}
                            {row("Address", address)}
                            {row("Email", details.email)}
                            {row("Home phone", details.home_phone)}
                            {row("Mobile phone", details.mobile_phone)}
                        </dl>
                        <h2 class="govuk-heading-m">"If something is wrong"</h2>
                        <p class="govuk-body">
                            <A href=format!("/record/{}/messages/new?type=details_wrong", person.id) attr:class="govuk-link">"Send us a message to tell us"</A>
                            " or call "<a class="govuk-link" href=records.uri>{records.display}</a>"."
                        </p>
                        <p class="govuk-body">"To change your own email address, name or password, go to "
                            <A href="/account" attr:class="govuk-link">"your account"</A>"."</p>
                        <h2 class="govuk-heading-m">"Who can see this record online"</h2>
                        <table class="govuk-table">
                            <caption class="govuk-table__caption govuk-visually-hidden">"People who can see this record online"</caption>
                            <thead class="govuk-table__head"><tr class="govuk-table__row">
                                <th scope="col" class="govuk-table__header">"Name"</th>
                                <th scope="col" class="govuk-table__header">"Access"</th>
                                <th scope="col" class="govuk-table__header">"Until"</th>
                            </tr></thead>
                            <tbody class="govuk-table__body">
                                {readers.into_iter().map(|r| {
                                    let access = if r.relationship == Relationship::Own {
                                        "Their own account".to_owned()
                                    } else {
                                        format!("Looks after them ({})", r.legal_basis.map_or("", LegalBasis::words))
                                    };
                                    view! {
                                        <tr class="govuk-table__row">
                                            <td class="govuk-table__cell">{r.name}</td>
                                            <td class="govuk-table__cell">{access}</td>
                                            <td class="govuk-table__cell">{r.ends_on.map(|d| d.format("%-d %B %Y").to_string()).unwrap_or_else(|| "No end date".into())}</td>
                                        </tr>
                                    }
                                }).collect_view()}
                            </tbody>
                        </table>
                        <p class="govuk-body">"To ask us to end someone's access, "
                            <A href=format!("/record/{}/messages/new", person.id) attr:class="govuk-link">"send us a message"</A>"."</p>
                        <h2 class="govuk-heading-m">"Who has looked at this record"</h2>
                        <p class="govuk-body">
                            <A href=format!("/record/{}/record-views", person.id) attr:class="govuk-link">"See who at the council has opened this record"</A>"."
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
    let loaded = load(|client, person| async move {
        let who = whose(&client, &person).await?;
        Ok((who, client.involvements(&person, None).await?))
    });
    let errors = RwSignal::new(FieldErrors::new());
    view! {
        <Transition fallback=|| view! { <p class="govuk-body">"Loading"</p> }>
            {move || loaded.get().flatten().map(|loaded| match loaded {
                Ok((person, page)) => {
                    set_page_title("Involvements");
                    let empty = page.items.is_empty();
                    let shown = RwSignal::new(page.items);
                    let next = RwSignal::new(page.next);
                    let more_person = person.id.clone();
                    view! {
                        <A href=format!("/record/{}", person.id) attr:class="govuk-back-link">"Dashboard"</A>
                        <ErrorSummary errors=errors />
                        <Whose person=person.clone() />
                        <h1 class="govuk-heading-l">"Involvements"</h1>
                        <p class="govuk-body">"The professionals working with you now."</p>
                        {if empty {
                            view! { <p class="govuk-body">"No professionals are working with you at the moment."</p> }.into_any()
                        } else {
                            view! {
                                <table class="govuk-table">
                                    <caption class="govuk-table__caption govuk-visually-hidden">"Professionals working with you"</caption>
                                    <thead class="govuk-table__head"><tr class="govuk-table__row">
                                        <th scope="col" class="govuk-table__header">"Name"</th>
                                        <th scope="col" class="govuk-table__header">"Role and team"</th>
                                        <th scope="col" class="govuk-table__header">"Contact"</th>
                                        <th scope="col" class="govuk-table__header">"Since"</th>
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
                                                <td class="govuk-table__cell">{i.since.format("%-d %B %Y").to_string()}</td>
                                            </tr>
                                        }).collect_view()}
                                    </tbody>
                                </table>
                                <ShowMore label="Show more professionals" shown=shown next=next errors=errors
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
