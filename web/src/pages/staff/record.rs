//! A person's record as staff see it: their details, who can see the record online, the
//! professionals involved, the documents published to them (and publishing one), the forms sent
//! to them, their conversations and referrals. One component for each part.

use leptos::html;
use leptos::prelude::*;
use shared::api::{
    DocumentFormat, FieldErrors, FormatRequestView, InvolvementView, LegalBasis, PersonDetails,
    Relationship, StaffInvitation, StaffPersonView, full_name,
};

use crate::api::ApiError;
use crate::components::confirm::ConfirmButton;
use crate::components::form::{ErrorSummary, TextInput, field_error, group_class, submit};
use crate::components::govuk::{SuccessBanner, SummaryList, SummaryRow};
use crate::components::title::set_page_title;
use crate::fill;
use crate::i18n::{Locale, td_string};
use crate::session::use_session;

use super::{day, long_day, status_tag, when};
use crate::labels::{document_format, item_status, legal_basis};

/// The whole record. `version` goes up after each change so the page loads it again;
/// `published` names a document just published, for the banner.
#[component]
pub(super) fn Record(
    record: StaffPersonView,
    version: RwSignal<u32>,
    published: RwSignal<Option<String>>,
) -> impl IntoView {
    let locale = crate::boot::use_locale();
    let details = record.details;
    let name = full_name(&details.forename, &details.surname);
    set_page_title(&name);
    let person_id = details.id.clone();
    let errors = RwSignal::new(FieldErrors::new());
    view! {
        <a href="/staff/people" class="govuk-back-link">{td_string!(locale, staff.people.title)}</a>
        <ErrorSummary errors=errors />
        {move || published.get().map(|title| view! {
            <SuccessBanner id="published" heading={format!(
                "{}{title}{}",
                td_string!(locale, staff.record.published_before),
                td_string!(locale, staff.record.published_after)
            )} />
        })}
        <span class="govuk-caption-l">{td_string!(locale, staff.record.caption)}</span>
        <h1 class="govuk-heading-l">{name}</h1>
        <Details details=details />
        <Access person_id=person_id.clone() links=record.links invitations=record.invitations version=version errors=errors />
        <Involvements person_id=person_id.clone() involvements=record.involvements />
        <Documents person_id=person_id.clone() documents=record.documents format_requests=record.format_requests
            version=version published=published errors=errors />
        <FormsToComplete person_id=person_id items=record.items />
        <Conversations threads=record.threads />
        <Referrals referrals=record.referrals />
    }
}

fn known(locale: Locale, value: Option<String>) -> String {
    value.unwrap_or_else(|| td_string!(locale, staff.record.not_known).into())
}

#[component]
fn Details(details: PersonDetails) -> impl IntoView {
    let locale = crate::boot::use_locale();
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
    let born = details.date_of_birth.map(|d| long_day(locale, d));
    let nhs_number = details
        .nhs_number
        .as_deref()
        .map(shared::rules::nhs_number_spaced);
    let phones = [details.home_phone.clone(), details.mobile_phone.clone()]
        .into_iter()
        .flatten()
        .collect::<Vec<_>>()
        .join(", ");
    view! {
        <SummaryList>
            <SummaryRow key=td_string!(locale, staff.common.date_of_birth)>{known(locale, born)}</SummaryRow>
            <SummaryRow key=td_string!(locale, staff.common.nhs_number)>{known(locale, nhs_number)}</SummaryRow>
            <SummaryRow key=td_string!(locale, staff.record.address)>{known(locale, address)}</SummaryRow>
            <SummaryRow key=td_string!(locale, staff.record.phone)>{phones}</SummaryRow>
            <SummaryRow key=td_string!(locale, staff.common.email)>{details.email.clone().unwrap_or_default()}</SummaryRow>
        </SummaryList>
        <p class="govuk-body"><a href=format!("/staff/people/{}/edit", details.id) class="govuk-link">{td_string!(locale, staff.common.change_details)}</a></p>
    }
}

/// Who can see the record online, the invitations sent, and giving someone access.
#[component]
fn Access(
    person_id: String,
    links: Vec<shared::api::LinkView>,
    invitations: Vec<StaffInvitation>,
    version: RwSignal<u32>,
    errors: RwSignal<FieldErrors>,
) -> impl IntoView {
    let locale = crate::boot::use_locale();
    let session = use_session();
    let busy = RwSignal::new(false);
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
    let basis = move |b: Option<LegalBasis>| b.map_or("", |b| legal_basis(locale, b));
    view! {
        <h2 class="govuk-heading-m">{td_string!(locale, staff.record.who_can_see)}</h2>
        {if links.is_empty() {
            view! { <p class="govuk-body">{td_string!(locale, staff.record.nobody_yet)}</p> }.into_any()
        } else {
            let person_id = person_id.clone();
            view! {
                <ul class="govuk-list">
                    {links.into_iter().map(|l| view! {
                        <super::actions::AccessRow person_id=person_id.clone() link=l version=version />
                    }).collect_view()}
                </ul>
            }.into_any()
        }}
        {(!invitations.is_empty()).then(|| view! {
            <h3 class="govuk-heading-s">{td_string!(locale, staff.record.invitations)}</h3>
            <ul class="govuk-list">
                {invitations.into_iter().map(|i| {
                    let footing = if i.relationship == Relationship::Own {
                        td_string!(locale, staff.common.own_account).to_owned()
                    } else {
                        format!("{}{}", td_string!(locale, staff.common.proxy), basis(i.legal_basis))
                    };
                    let withdraw = withdraw_invitation.clone();
                    let id = i.id.clone();
                    view! {
                        <li>
                            {fill(td_string!(locale, staff.record.invitation), &[("email", i.email.to_string()), ("footing", footing.to_string()), ("state", invitation_state(locale, &i.state).to_string()), ("date", long_day(locale, i.invited_at.date_naive()).to_string())])}
                            {(i.state == "waiting").then(|| view! {
                                <ConfirmButton label=td_string!(locale, staff.common.withdraw)
                                    hidden=format!("{}{}", td_string!(locale, staff.record.withdraw_invitation_hidden), i.email)
                                    question=format!(
                                        "{}{}{}",
                                        td_string!(locale, staff.record.withdraw_invitation_before),
                                        i.email,
                                        td_string!(locale, staff.record.withdraw_invitation_after)
                                    )
                                    on_confirm=Callback::new(move |_| withdraw(id.clone())) />
                            })}
                        </li>
                    }
                }).collect_view()}
            </ul>
        })}
        <p class="govuk-body"><a href=format!("/staff/people/{person_id}/access") class="govuk-link">{td_string!(locale, staff.actions.give_access)}</a></p>
    }
}

#[component]
fn Involvements(person_id: String, involvements: Vec<InvolvementView>) -> impl IntoView {
    let locale = crate::boot::use_locale();
    view! {
        <h2 class="govuk-heading-m">{td_string!(locale, staff.record.involvements)}</h2>
        {if involvements.is_empty() {
            view! { <p class="govuk-body">{td_string!(locale, staff.record.no_professionals)}</p> }.into_any()
        } else {
            view! {
                <ul class="govuk-list">
                    {involvements.into_iter().map(|i| view! {
                        <li>{fill(td_string!(locale, staff.record.involvement), &[("name", i.name.to_string()), ("role", i.role.to_string()), ("team", i.team.to_string()), ("since", long_day(locale, i.since).to_string())])}</li>
                    }).collect_view()}
                </ul>
            }.into_any()
        }}
        <p class="govuk-body"><a href=format!("/staff/people/{person_id}/involvements/new") class="govuk-link">{td_string!(locale, staff.actions.record_professional)}</a></p>
    }
}

/// The documents published to the person, the formats they asked for, and publishing another.
#[component]
fn Documents(
    person_id: String,
    documents: Vec<shared::api::StaffDocument>,
    format_requests: Vec<FormatRequestView>,
    version: RwSignal<u32>,
    published: RwSignal<Option<String>>,
    errors: RwSignal<FieldErrors>,
) -> impl IntoView {
    let locale = crate::boot::use_locale();
    let session = use_session();
    let busy = RwSignal::new(false);
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
    let withdraw = {
        let person_id = person_id.clone();
        move |document: String| {
            let person_id = person_id.clone();
            let send = async move {
                let client = session.api();
                client.withdraw_document(&person_id, &document).await
            };
            submit(errors, busy, FieldErrors::new(), send, move |()| {
                version.update(|v| *v += 1)
            });
        }
    };
    view! {
        <h2 class="govuk-heading-m">{td_string!(locale, staff.record.items_to_view)}</h2>
        {if documents.is_empty() {
            view! { <p class="govuk-body">{td_string!(locale, staff.record.no_documents)}</p> }.into_any()
        } else {
            view! {
                <table class="govuk-table">
                    <caption class="govuk-table__caption govuk-visually-hidden">{td_string!(locale, staff.record.documents_published)}</caption>
                    <thead class="govuk-table__head"><tr class="govuk-table__row">
                        <th scope="col" class="govuk-table__header">{td_string!(locale, staff.common.title)}</th>
                        <th scope="col" class="govuk-table__header">{td_string!(locale, staff.record.published_column)}</th>
                        <th scope="col" class="govuk-table__header">{td_string!(locale, staff.record.first_opened)}</th>
                        <th scope="col" class="govuk-table__header"><span class="govuk-visually-hidden">{td_string!(locale, staff.common.action)}</span></th>
                    </tr></thead>
                    <tbody class="govuk-table__body">
                        {documents.into_iter().map(|d| {
                            let withdraw = withdraw.clone();
                            let view_document = view_document.clone();
                            let id = d.id.clone();
                            let (shown, kind, title) = (d.id.clone(), d.content_type.clone(), d.title.clone());
                            view! {
                                <tr class="govuk-table__row">
                                    <td class="govuk-table__cell">
                                        <button type="button" class="app-link-button govuk-link" on:click=move |_| view_document(shown.clone(), kind.clone(), title.clone())>
                                            {d.title.clone()}<span class="govuk-visually-hidden">{td_string!(locale, staff.record.new_tab)}</span>
                                        </button>
                                    </td>
                                    <td class="govuk-table__cell">{day(locale, d.published_at.date_naive())}</td>
                                    <td class="govuk-table__cell">{d.first_opened_at.map(|at| when(locale, at)).unwrap_or_else(|| td_string!(locale, staff.record.not_yet).into())}</td>
                                    <td class="govuk-table__cell">
                                        <ConfirmButton label=td_string!(locale, staff.common.withdraw) hidden=format!(" {}", d.title)
                                            question=format!(
                                                "{}{}{}",
                                                td_string!(locale, staff.record.withdraw_document_before),
                                                d.title,
                                                td_string!(locale, staff.record.withdraw_document_after)
                                            )
                                            on_confirm=Callback::new(move |_| withdraw(id.clone())) />
                                    </td>
                                </tr>
                            }
                        }).collect_view()}
                    </tbody>
                </table>
            }.into_any()
        }}
        {(!format_requests.is_empty()).then(|| view! {
            <h3 class="govuk-heading-s">{td_string!(locale, staff.record.formats_asked_for)}</h3>
            <ul class="govuk-list">
                {format_requests.iter().map(|r| view! {
                    <li>
                        {fill(td_string!(locale, staff.record.format_request), &[("what", describe(locale, r).to_string()), ("by", r.requested_by.to_string()), ("date", day(locale, r.requested_at.date_naive()).to_string())])}
                        {match &r.answer {
                            Some(a) => view! { <strong class="govuk-tag govuk-tag--green">{td_string!(locale, staff.record.answered)}</strong>{fill(td_string!(locale, staff.record.answered_with), &[("title", a.title.to_string())])} }.into_any(),
                            None => view! { <strong class="govuk-tag govuk-tag--yellow">{td_string!(locale, staff.record.waiting)}</strong> }.into_any(),
                        }}
                    </li>
                }).collect_view()}
            </ul>
        })}
        <Publish person_id=person_id format_requests=format_requests version=version published=published errors=errors />
    }
}

/// Publishing a file to the person's Items to view, perhaps in answer to a request for another
/// format.
#[component]
fn Publish(
    person_id: String,
    format_requests: Vec<FormatRequestView>,
    version: RwSignal<u32>,
    published: RwSignal<Option<String>>,
    errors: RwSignal<FieldErrors>,
) -> impl IntoView {
    let locale = crate::boot::use_locale();
    let session = use_session();
    let title = RwSignal::new(String::new());
    let answers = RwSignal::new(String::new());
    let busy = RwSignal::new(false);
    let file = NodeRef::<html::Input>::new();
    let publish = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let chosen = file
            .get()
            .and_then(|input| input.files())
            .and_then(|files| files.get(0));
        let mut found = FieldErrors::new();
        if title.get().trim().is_empty() {
            found.insert(
                "title".into(),
                vec![td_string!(locale, staff.record.enter_title).into()],
            );
        }
        if chosen.is_none() {
            found.insert(
                "file".into(),
                vec![td_string!(locale, staff.record.choose_file).into()],
            );
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
                None => Err(ApiError::Unexpected("no file".into())),
            }
        };
        submit(errors, busy, found, send, move |document| {
            published.set(Some(document.title));
            title.set(String::new());
            answers.set(String::new());
            version.update(|v| *v += 1);
        });
    };
    let waiting: Vec<_> = format_requests
        .into_iter()
        .filter(|r| r.answer.is_none())
        .collect();
    view! {
        <h3 class="govuk-heading-s">{td_string!(locale, staff.record.publish_heading)}</h3>
        <form novalidate on:submit=publish>
            <TextInput name="title" label=td_string!(locale, staff.common.title) value=title errors=errors hint=td_string!(locale, staff.record.title_hint) />
            {(!waiting.is_empty()).then(|| view! {
                <div class=group_class(errors, "answers")>
                    <label class="govuk-label" for="answers">{td_string!(locale, staff.record.in_answer)}</label>
                    {field_error(errors, "answers")}
                    <select class="govuk-select" id="answers" on:change=move |ev| answers.set(event_target_value(&ev))>
                        <option value="" selected=move || answers.get().is_empty()>{td_string!(locale, staff.record.not_in_answer)}</option>
                        {waiting.into_iter().map(|r| {
                            let id = r.id.clone();
                            view! { <option value=r.id.clone() selected=move || answers.get() == id>{describe(locale, &r)}</option> }
                        }).collect_view()}
                    </select>
                </div>
            })}
            <div class=group_class(errors, "file")>
                <label class="govuk-label" for="file">{td_string!(locale, staff.common.file)}</label>
                <div id="file-hint" class="govuk-hint">{td_string!(locale, staff.record.file_hint)}</div>
                {field_error(errors, "file")}
                <input class="govuk-file-upload" id="file" name="file" type="file" accept=".pdf,.jpg,.jpeg,.png,application/pdf,image/jpeg,image/png"
                    aria-describedby="file-hint" node_ref=file />
            </div>
            <button type="submit" class="govuk-button govuk-button--secondary" data-module="govuk-button" disabled=move || busy.get()>{td_string!(locale, staff.record.publish)}</button>
        </form>
    }
}

#[component]
fn FormsToComplete(person_id: String, items: Vec<shared::api::ItemSummary>) -> impl IntoView {
    let locale = crate::boot::use_locale();
    view! {
        <h2 class="govuk-heading-m">{td_string!(locale, staff.record.forms_to_complete)}</h2>
        {if items.is_empty() {
            view! { <p class="govuk-body">{td_string!(locale, staff.record.no_forms)}</p> }.into_any()
        } else {
            view! {
                <ul class="govuk-list">
                    {items.into_iter().map(|i| view! {
                        <li>
                            {fill(td_string!(locale, staff.record.item), &[("form", i.form_title.to_string()), ("team", i.team.to_string()), ("due", long_day(locale, i.due_on).to_string()), ("status", item_status(locale, i.status).to_string()), ("percent", i.progress.to_string().to_string())])}
                            {i.submission_id.clone().map(|id| view! {
                                <a href=format!("/staff/referrals/{id}") class="govuk-link">{td_string!(locale, staff.record.see_what_was_sent)}</a>
                            })}
                        </li>
                    }).collect_view()}
                </ul>
            }.into_any()
        }}
        <p class="govuk-body"><a href=format!("/staff/people/{person_id}/send-form") class="govuk-link">{td_string!(locale, staff.actions.send_form_title)}</a></p>
    }
}

#[component]
fn Conversations(threads: Vec<shared::api::TeamThreadSummary>) -> impl IntoView {
    let locale = crate::boot::use_locale();
    view! {
        <h2 class="govuk-heading-m">{td_string!(locale, staff.record.conversations)}</h2>
        {if threads.is_empty() {
            view! { <p class="govuk-body">{td_string!(locale, staff.record.no_messages)}</p> }.into_any()
        } else {
            view! {
                <ul class="govuk-list">
                    {threads.into_iter().map(|t| view! {
                        <li class=if t.unread { "app-unread" } else { "" }>
                            <a href=format!("/staff/threads/{}", t.id) class="govuk-link">{t.subject.clone()}</a>
                            {format!(" — {}", long_day(locale, t.last_message_at.date_naive()))}
                        </li>
                    }).collect_view()}
                </ul>
            }.into_any()
        }}
    }
}

#[component]
fn Referrals(referrals: Vec<shared::api::SubmissionSummary>) -> impl IntoView {
    let locale = crate::boot::use_locale();
    view! {
        <h2 class="govuk-heading-m">{td_string!(locale, staff.record.referrals)}</h2>
        {if referrals.is_empty() {
            view! { <p class="govuk-body">{td_string!(locale, staff.record.no_referrals)}</p> }.into_any()
        } else {
            view! {
                <ul class="govuk-list">
                    {referrals.into_iter().map(|r| view! {
                        <li>
                            <a href=format!("/staff/referrals/{}", r.id) class="govuk-link">{format!("{} {}", r.reference, r.form_title)}</a>
                            {format!(" — {} — ", long_day(locale, r.submitted_at.date_naive()))}
                            {status_tag(locale, r.status)}
                        </li>
                    }).collect_view()}
                </ul>
            }.into_any()
        }}
    }
}

/// A request for another format in words: "Large print: Your care and support plan",
/// "Another language: Polish: all letters and documents" (as `FormatRequestCreate::describe`).
fn describe(locale: Locale, request: &FormatRequestView) -> String {
    let label = document_format(locale, request.format);
    let wanted = match (request.format, request.language.as_deref()) {
        (DocumentFormat::AnotherLanguage, Some(language)) => format!("{label}: {language}"),
        _ => label.to_owned(),
    };
    match &request.document_title {
        Some(title) => format!("{wanted}: {title}"),
        None => format!("{wanted}: {}", td_string!(locale, staff.record.all_letters)),
    }
}

/// Where an invitation has got to, as the server says it (`waiting`), in the page's language.
fn invitation_state(locale: Locale, state: &str) -> String {
    match state {
        "waiting" => td_string!(locale, staff.record.state_waiting).to_owned(),
        "accepted" => td_string!(locale, staff.record.state_accepted).to_owned(),
        "declined" => td_string!(locale, staff.record.state_declined).to_owned(),
        "expired" => td_string!(locale, staff.record.state_expired).to_owned(),
        "withdrawn" => td_string!(locale, staff.record.state_withdrawn).to_owned(),
        other => other.to_owned(),
    }
}
