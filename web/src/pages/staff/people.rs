use leptos::html;
use leptos::prelude::*;
use leptos_router::hooks::{use_navigate, use_params_map, use_query_map};
use shared::api::{FieldErrors, LegalBasis, Relationship, StaffPersonView};

use super::{Failed, day, load, staff_only};
use crate::api;
use crate::components::confirm::ConfirmButton;
use crate::components::form::{ErrorSummary, TextInput, field_error, group_class, submit};
use crate::components::title::set_page_title;
use crate::session::use_session;

/// Find a person by the first letters of their surname.
#[component]
pub fn FindPerson() -> impl IntoView {
    set_page_title("Find a person");
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
                vec![
                    "Enter a name, an NHS number, a date of birth, a postcode or a reference"
                        .to_owned(),
                ],
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
            <a href="/staff" class="govuk-back-link">"Council work"</a>
            <ErrorSummary errors=errors />
            <h1 class="govuk-heading-l">"Find a person"</h1>
            <p class="govuk-body"><a href="/staff/people/new" class="govuk-link">"Create a record"</a>" for someone new to the council."</p>
            <form novalidate on:submit=search>
                <TextInput name="q" label="Name, NHS number, date of birth, postcode or reference" value=text errors=errors
                    hint="Any part of a name is enough, like oka; a date like 27/3/1941; a referral's reference like ASC-7K3F-9Q2D" width_class="govuk-input--width-30" />
                <button type="submit" class="govuk-button" data-module="govuk-button">"Search"</button>
            </form>
            <Transition fallback=|| view! { <p class="govuk-body">"Loading"</p> }>
                {move || found.get().flatten().map(|loaded| match loaded {
                    Ok(None) => ().into_any(),
                    Ok(Some(Err(referrals))) if referrals.is_empty() => view! {
                        <p class="govuk-body" role="status">"No referral has that reference."</p>
                    }.into_any(),
                    Ok(Some(Err(referrals))) => view! {
                        <ul class="govuk-list" role="status">
                            {referrals.into_iter().map(|r| view! {
                                <li>
                                    <a href=format!("/staff/referrals/{}", r.id) class="govuk-link">{format!("{} {}", r.reference, r.form_title)}</a>
                                    {format!(", received {}, {}", day(r.submitted_at.date_naive()), r.status.label())}
                                </li>
                            }).collect_view()}
                        </ul>
                    }.into_any(),
                    Ok(Some(Ok(page))) if page.items.is_empty() => view! {
                        <p class="govuk-body" role="status">"Nobody matches that."</p>
                    }.into_any(),
                    Ok(Some(Ok(page))) => view! {
                        <table class="govuk-table">
                            <caption class="govuk-table__caption govuk-table__caption--m">"People found"</caption>
                            <thead class="govuk-table__head"><tr class="govuk-table__row">
                                <th scope="col" class="govuk-table__header">"Name"</th>
                                <th scope="col" class="govuk-table__header">"Date of birth"</th>
                                <th scope="col" class="govuk-table__header">"Postcode"</th>
                            </tr></thead>
                            <tbody class="govuk-table__body">
                                {page.items.into_iter().map(|p| view! {
                                    <tr class="govuk-table__row">
                                        <td class="govuk-table__cell"><a href=format!("/staff/people/{}", p.id) class="govuk-link">{p.name.clone()}</a></td>
                                        <td class="govuk-table__cell">{p.date_of_birth.map(day).unwrap_or_default()}</td>
                                        <td class="govuk-table__cell">{p.postcode.clone().unwrap_or_default()}</td>
                                    </tr>
                                }).collect_view()}
                            </tbody>
                        </table>
                        {page.next.is_some().then(|| view! {
                            <p class="govuk-body">"More people match: type more of the name, or their date of birth."</p>
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
            <Transition fallback=|| view! { <p class="govuk-body">"Loading"</p> }>
                {move || loaded.get().flatten().map(|loaded| match loaded {
                    Ok(record) => view! { <Record record=record version=version published=published /> }.into_any(),
                    Err(error) => view! { <Failed error=error /> }.into_any(),
                })}
            </Transition>
        }
    })
}

#[component]
fn Record(
    record: StaffPersonView,
    version: RwSignal<u32>,
    published: RwSignal<Option<String>>,
) -> impl IntoView {
    let details = record.details.clone();
    let name = format!("{} {}", details.forename, details.surname);
    set_page_title(&name);
    let session = use_session();
    let person_id = details.id.clone();
    let title = RwSignal::new(String::new());
    let answers = RwSignal::new(String::new());
    let errors = RwSignal::new(FieldErrors::new());
    let busy = RwSignal::new(false);
    let file = NodeRef::<html::Input>::new();
    let publish = {
        let person_id = person_id.clone();
        move |ev: leptos::ev::SubmitEvent| {
            ev.prevent_default();
            let chosen = file
                .get()
                .and_then(|input| input.files())
                .and_then(|files| files.get(0));
            let mut found = FieldErrors::new();
            if title.get().trim().is_empty() {
                found.insert(
                    "title".into(),
                    vec!["Enter a title for the document".into()],
                );
            }
            if chosen.is_none() {
                found.insert("file".into(), vec!["Choose a PDF, JPG or PNG file".into()]);
            }
            let person_id = person_id.clone();
            let (title_text, answering) = (title.get(), answers.get());
            let send = async move {
                let client = session.api();
                match chosen {
                    Some(chosen) => {
                        client
                            .publish_document(&person_id, &title_text, &chosen, &answering)
                            .await
                    }
                    None => Err(api::ApiError::Unexpected("no file".into())),
                }
            };
            submit(errors, busy, found, send, move |document| {
                published.set(Some(document.title));
                title.set(String::new());
                answers.set(String::new());
                version.update(|v| *v += 1);
            });
        }
    };
    // Staff check what was sent in a new tab; the person's "new" mark is theirs alone.
    let view_document = {
        let person_id = person_id.clone();
        move |document: String, kind: String, title: String| {
            let person_id = person_id.clone();
            let send = async move {
                let client = session.api();
                client.staff_document(&person_id, &document).await
            };
            submit(errors, busy, FieldErrors::new(), send, move |bytes| {
                crate::pages::submission::open_file(&bytes, &kind, &title)
            });
        }
    };
    // An invitation sent to the wrong address must not stay open to be accepted.
    let withdraw_invitation = {
        let person_id = person_id.clone();
        move |invitation: String| {
            let person_id = person_id.clone();
            let send = async move {
                let client = session.api();
                client.withdraw_invitation(&person_id, &invitation).await
            };
            submit(errors, busy, FieldErrors::new(), send, move |()| {
                version.update(|v| *v += 1)
            });
        }
    };
    let withdraw = move |document: String| {
        let person_id = person_id.clone();
        let send = async move {
            let client = session.api();
            client.withdraw_document(&person_id, &document).await
        };
        submit(errors, busy, FieldErrors::new(), send, move |()| {
            version.update(|v| *v += 1)
        });
    };
    let address = details.address.as_ref().map(|a| {
        [
            Some(a.line1.clone()),
            a.line2.clone(),
            Some(a.town.clone()),
            Some(a.postcode.clone()),
        ]
        .into_iter()
        .flatten()
        .collect::<Vec<_>>()
        .join(", ")
    });
    let basis = |b: Option<LegalBasis>| b.map_or("", LegalBasis::words);
    view! {
        <a href="/staff/people" class="govuk-back-link">"Find a person"</a>
        <ErrorSummary errors=errors />
        {move || published.get().map(|title| view! {
            <div class="govuk-notification-banner govuk-notification-banner--success" role="alert" aria-labelledby="published-title">
                <div class="govuk-notification-banner__header">
                    <h2 class="govuk-notification-banner__title" id="published-title">"Success"</h2>
                </div>
                <div class="govuk-notification-banner__content">
                    <p class="govuk-notification-banner__heading">{format!("\u{201c}{title}\u{201d} is in their Items to view.")}</p>
                </div>
            </div>
        })}
        <span class="govuk-caption-l">"Person's record"</span>
        <h1 class="govuk-heading-l">{name.clone()}</h1>
        <dl class="govuk-summary-list">
            <div class="govuk-summary-list__row">
                <dt class="govuk-summary-list__key">"Date of birth"</dt>
                <dd class="govuk-summary-list__value">{details.date_of_birth.map(|d| d.format("%-d %B %Y").to_string()).unwrap_or_else(|| "Not known".into())}</dd>
            </div>
            <div class="govuk-summary-list__row">
                <dt class="govuk-summary-list__key">"NHS number"</dt>
                <dd class="govuk-summary-list__value">{details.nhs_number.as_deref().map(shared::rules::nhs_number_spaced).unwrap_or_else(|| "Not known".into())}</dd>
            </div>
            <div class="govuk-summary-list__row">
                <dt class="govuk-summary-list__key">"Address"</dt>
                <dd class="govuk-summary-list__value">{address.unwrap_or_else(|| "Not known".into())}</dd>
            </div>
            <div class="govuk-summary-list__row">
                <dt class="govuk-summary-list__key">"Phone"</dt>
                <dd class="govuk-summary-list__value">{[details.home_phone.clone(), details.mobile_phone.clone()].into_iter().flatten().collect::<Vec<_>>().join(", ")}</dd>
            </div>
            <div class="govuk-summary-list__row">
                <dt class="govuk-summary-list__key">"Email"</dt>
                <dd class="govuk-summary-list__value">{details.email.clone().unwrap_or_default()}</dd>
            </div>
        </dl>

        <p class="govuk-body"><a href=format!("/staff/people/{}/edit", details.id) class="govuk-link">"Change details"</a></p>

        <h2 class="govuk-heading-m">"Who can see this record online"</h2>
        {if record.links.is_empty() {
            view! { <p class="govuk-body">"Nobody yet."</p> }.into_any()
        } else {
            let person_id = details.id.clone();
            view! {
                <ul class="govuk-list">
                    {record.links.into_iter().map(|l| view! {
                        <super::actions::AccessRow person_id=person_id.clone() link=l version=version />
                    }).collect_view()}
                </ul>
            }.into_any()
        }}
        {(!record.invitations.is_empty()).then(|| view! {
            <h3 class="govuk-heading-s">"Invitations"</h3>
            <ul class="govuk-list">
                {record.invitations.into_iter().map(|i| {
                    let footing = if i.relationship == Relationship::Own { "their own account".to_owned() } else { format!("proxy, {}", basis(i.legal_basis)) };
                    let withdraw = withdraw_invitation.clone();
                    let id = i.id.clone();
                    view! {
                        <li>
                            {format!("{} — {footing} — {} on {} ", i.email, i.state, i.invited_at.format("%-d %B %Y"))}
                            {(i.state == "waiting").then(|| view! {
                                <ConfirmButton label="Withdraw" hidden=format!(" the invitation to {}", i.email)
                                    question=format!("The invitation to {} will stop working.", i.email)
                                    on_confirm=Callback::new(move |_| withdraw(id.clone())) />
                            })}
                        </li>
                    }
                }).collect_view()}
            </ul>
        })}
        <p class="govuk-body"><a href=format!("/staff/people/{}/access", details.id) class="govuk-link">"Give someone access"</a></p>

        <h2 class="govuk-heading-m">"Involvements"</h2>
        {if record.involvements.is_empty() {
            view! { <p class="govuk-body">"No professionals recorded."</p> }.into_any()
        } else {
            view! {
                <ul class="govuk-list">
                    {record.involvements.into_iter().map(|i| view! {
                        <li>{format!("{}, {} ({}), since {}", i.name, i.role, i.team, i.since.format("%-d %B %Y"))}</li>
                    }).collect_view()}
                </ul>
            }.into_any()
        }}
        <p class="govuk-body"><a href=format!("/staff/people/{}/involvements/new", details.id) class="govuk-link">"Record a professional working with them"</a></p>

        <h2 class="govuk-heading-m">"Items to view"</h2>
        {if record.documents.is_empty() {
            view! { <p class="govuk-body">"No documents published."</p> }.into_any()
        } else {
            view! {
                <table class="govuk-table">
                    <caption class="govuk-table__caption govuk-visually-hidden">"Documents published"</caption>
                    <thead class="govuk-table__head"><tr class="govuk-table__row">
                        <th scope="col" class="govuk-table__header">"Title"</th>
                        <th scope="col" class="govuk-table__header">"Published"</th>
                        <th scope="col" class="govuk-table__header">"First opened"</th>
                        <th scope="col" class="govuk-table__header"><span class="govuk-visually-hidden">"Action"</span></th>
                    </tr></thead>
                    <tbody class="govuk-table__body">
                        {record.documents.into_iter().map(|d| {
                            let withdraw = withdraw.clone();
                            let view_document = view_document.clone();
                            let id = d.id.clone();
                            let (shown, kind, title) = (d.id.clone(), d.content_type.clone(), d.title.clone());
                            view! {
                                <tr class="govuk-table__row">
                                    <td class="govuk-table__cell">
                                        <button type="button" class="app-link-button govuk-link" on:click=move |_| view_document(shown.clone(), kind.clone(), title.clone())>
                                            {d.title.clone()}<span class="govuk-visually-hidden">" (opens in a new tab)"</span>
                                        </button>
                                    </td>
                                    <td class="govuk-table__cell">{d.published_at.format("%-d %b %Y").to_string()}</td>
                                    <td class="govuk-table__cell">{d.first_opened_at.map(crate::time::uk_time).unwrap_or_else(|| "Not yet".into())}</td>
                                    <td class="govuk-table__cell">
                                        <ConfirmButton label="Withdraw" hidden=format!(" {}", d.title)
                                            question=format!("{} will be taken off the record.", d.title)
                                            on_confirm=Callback::new(move |_| withdraw(id.clone())) />
                                    </td>
                                </tr>
                            }
                        }).collect_view()}
                    </tbody>
                </table>
            }.into_any()
        }}
        {(!record.format_requests.is_empty()).then(|| view! {
            <h3 class="govuk-heading-s">"Formats asked for"</h3>
            <ul class="govuk-list">
                {record.format_requests.iter().map(|r| view! {
                    <li>
                        {format!("{} — asked by {} on {} — ", describe(r), r.requested_by, r.requested_at.format("%-d %b %Y"))}
                        {match &r.answer {
                            Some(a) => view! { <strong class="govuk-tag govuk-tag--green">"Answered"</strong>{format!(" with {}", a.title)} }.into_any(),
                            None => view! { <strong class="govuk-tag govuk-tag--yellow">"Waiting"</strong> }.into_any(),
                        }}
                    </li>
                }).collect_view()}
            </ul>
        })}
        <h3 class="govuk-heading-s">"Publish a document"</h3>
        <form novalidate on:submit=publish>
            <TextInput name="title" label="Title" value=title errors=errors hint="What the person will see, like Your care and support plan" />
            {let waiting: Vec<_> = record.format_requests.iter().filter(|r| r.answer.is_none()).cloned().collect();
            (!waiting.is_empty()).then(|| view! {
                <div class=group_class(errors, "answers")>
                    <label class="govuk-label" for="answers">"In answer to a request for another format (optional)"</label>
                    {field_error(errors, "answers")}
                    <select class="govuk-select" id="answers" on:change=move |ev| answers.set(event_target_value(&ev))>
                        <option value="" selected=move || answers.get().is_empty()>"Not in answer to a request"</option>
                        {waiting.into_iter().map(|r| {
                            let id = r.id.clone();
                            view! { <option value=r.id.clone() selected=move || answers.get() == id>{describe(&r)}</option> }
                        }).collect_view()}
                    </select>
                </div>
            })}
            <div class=group_class(errors, "file")>
                <label class="govuk-label" for="file">"File"</label>
                <div id="file-hint" class="govuk-hint">"A PDF, JPG or PNG, up to 10 MB"</div>
                {field_error(errors, "file")}
                <input class="govuk-file-upload" id="file" name="file" type="file" accept=".pdf,.jpg,.jpeg,.png,application/pdf,image/jpeg,image/png"
                    aria-describedby="file-hint" node_ref=file />
            </div>
            <button type="submit" class="govuk-button govuk-button--secondary" data-module="govuk-button" disabled=move || busy.get()>"Publish"</button>
        </form>

        <h2 class="govuk-heading-m">"Forms to complete"</h2>
        {if record.items.is_empty() {
            view! { <p class="govuk-body">"No forms sent."</p> }.into_any()
        } else {
            view! {
                <ul class="govuk-list">
                    {record.items.into_iter().map(|i| view! {
                        <li>
                            {format!("{} from {}, due {} — {} ({}% complete) ", i.form_title, i.team, i.due_on.format("%-d %B %Y"), i.status.label(), i.progress)}
                            {i.submission_id.clone().map(|id| view! {
                                <a href=format!("/staff/referrals/{id}") class="govuk-link">"See what was sent"</a>
                            })}
                        </li>
                    }).collect_view()}
                </ul>
            }.into_any()
        }}

        <p class="govuk-body"><a href=format!("/staff/people/{}/send-form", details.id) class="govuk-link">"Send a form to complete"</a></p>

        <h2 class="govuk-heading-m">"Conversations"</h2>
        {if record.threads.is_empty() {
            view! { <p class="govuk-body">"No messages."</p> }.into_any()
        } else {
            view! {
                <ul class="govuk-list">
                    {record.threads.into_iter().map(|t| view! {
                        <li class=if t.unread { "app-unread" } else { "" }>
                            <a href=format!("/staff/threads/{}", t.id) class="govuk-link">{t.subject.clone()}</a>
                            {format!(" — {}", t.last_message_at.format("%-d %B %Y"))}
                        </li>
                    }).collect_view()}
                </ul>
            }.into_any()
        }}

        <h2 class="govuk-heading-m">"Referrals"</h2>
        {if record.referrals.is_empty() {
            view! { <p class="govuk-body">"No referral has been linked to this record."</p> }.into_any()
        } else {
            view! {
                <ul class="govuk-list">
                    {record.referrals.into_iter().map(|r| view! {
                        <li>
                            <a href=format!("/staff/referrals/{}", r.id) class="govuk-link">{format!("{} {}", r.reference, r.form_title)}</a>
                            {format!(" — {} — ", r.submitted_at.format("%-d %B %Y"))}
                            {super::status_tag(r.status)}
                        </li>
                    }).collect_view()}
                </ul>
            }.into_any()
        }}
    }
}

/// A request for another format in words: "Large print: Your care and support plan".
fn describe(request: &shared::api::FormatRequestView) -> String {
    let wanted =
        shared::api::FormatRequestCreate::describe(request.format, request.language.as_deref());
    match &request.document_title {
        Some(title) => format!("{wanted}: {title}"),
        None => format!("{wanted}: all letters and documents"),
    }
}
