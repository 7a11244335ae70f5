//! A person's record as staff see it: their details, who can see the record online, the
//! professionals involved, the documents published to them (and publishing one), the forms sent
//! to them, their conversations and referrals. One component for each part.

use leptos::html;
use leptos::prelude::*;
use shared::api::{
    FieldErrors, FormatRequestView, InvolvementView, LegalBasis, PersonDetails, Relationship,
    StaffInvitation, StaffPersonView, full_name,
};

use crate::api::ApiError;
use crate::components::confirm::ConfirmButton;
use crate::components::form::{ErrorSummary, TextInput, field_error, group_class, submit};
use crate::components::govuk::{SuccessBanner, SummaryList, SummaryRow};
use crate::components::title::set_page_title;
use crate::session::use_session;

/// The whole record. `version` goes up after each change so the page loads it again;
/// `published` names a document just published, for the banner.
#[component]
pub(super) fn Record(
    record: StaffPersonView,
    version: RwSignal<u32>,
    published: RwSignal<Option<String>>,
) -> impl IntoView {
    let details = record.details;
    let name = full_name(&details.forename, &details.surname);
    set_page_title(&name);
    let person_id = details.id.clone();
    let errors = RwSignal::new(FieldErrors::new());
    view! {
        <a href="/staff/people" class="govuk-back-link">"Find a person"</a>
        <ErrorSummary errors=errors />
        {move || published.get().map(|title| view! {
            <SuccessBanner id="published" heading={format!("\u{201c}{title}\u{201d} is in their Items to view.")} />
        })}
        <span class="govuk-caption-l">"Person's record"</span>
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

fn known(value: Option<String>) -> String {
    value.unwrap_or_else(|| "Not known".into())
}

#[component]
fn Details(details: PersonDetails) -> impl IntoView {
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
    let born = details
        .date_of_birth
        .map(|d| d.format("%-d %B %Y").to_string());
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
            <SummaryRow key="Date of birth">{known(born)}</SummaryRow>
            <SummaryRow key="NHS number">{known(nhs_number)}</SummaryRow>
            <SummaryRow key="Address">{known(address)}</SummaryRow>
            <SummaryRow key="Phone">{phones}</SummaryRow>
            <SummaryRow key="Email">{details.email.clone().unwrap_or_default()}</SummaryRow>
        </SummaryList>
        <p class="govuk-body"><a href=format!("/staff/people/{}/edit", details.id) class="govuk-link">"Change details"</a></p>
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
    let basis = |b: Option<LegalBasis>| b.map_or("", LegalBasis::words);
    view! {
        <h2 class="govuk-heading-m">"Who can see this record online"</h2>
        {if links.is_empty() {
            view! { <p class="govuk-body">"Nobody yet."</p> }.into_any()
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
            <h3 class="govuk-heading-s">"Invitations"</h3>
            <ul class="govuk-list">
                {invitations.into_iter().map(|i| {
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
        <p class="govuk-body"><a href=format!("/staff/people/{person_id}/access") class="govuk-link">"Give someone access"</a></p>
    }
}

#[component]
fn Involvements(person_id: String, involvements: Vec<InvolvementView>) -> impl IntoView {
    view! {
        <h2 class="govuk-heading-m">"Involvements"</h2>
        {if involvements.is_empty() {
            view! { <p class="govuk-body">"No professionals recorded."</p> }.into_any()
        } else {
            view! {
                <ul class="govuk-list">
                    {involvements.into_iter().map(|i| view! {
                        <li>{format!("{}, {} ({}), since {}", i.name, i.role, i.team, i.since.format("%-d %B %Y"))}</li>
                    }).collect_view()}
                </ul>
            }.into_any()
        }}
        <p class="govuk-body"><a href=format!("/staff/people/{person_id}/involvements/new") class="govuk-link">"Record a professional working with them"</a></p>
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
        <h2 class="govuk-heading-m">"Items to view"</h2>
        {if documents.is_empty() {
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
                        {documents.into_iter().map(|d| {
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
        {(!format_requests.is_empty()).then(|| view! {
            <h3 class="govuk-heading-s">"Formats asked for"</h3>
            <ul class="govuk-list">
                {format_requests.iter().map(|r| view! {
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
        <h3 class="govuk-heading-s">"Publish a document"</h3>
        <form novalidate on:submit=publish>
            <TextInput name="title" label="Title" value=title errors=errors hint="What the person will see, like Your care and support plan" />
            {(!waiting.is_empty()).then(|| view! {
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
    }
}

#[component]
fn FormsToComplete(person_id: String, items: Vec<shared::api::ItemSummary>) -> impl IntoView {
    view! {
        <h2 class="govuk-heading-m">"Forms to complete"</h2>
        {if items.is_empty() {
            view! { <p class="govuk-body">"No forms sent."</p> }.into_any()
        } else {
            view! {
                <ul class="govuk-list">
                    {items.into_iter().map(|i| view! {
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
        <p class="govuk-body"><a href=format!("/staff/people/{person_id}/send-form") class="govuk-link">"Send a form to complete"</a></p>
    }
}

#[component]
fn Conversations(threads: Vec<shared::api::TeamThreadSummary>) -> impl IntoView {
    view! {
        <h2 class="govuk-heading-m">"Conversations"</h2>
        {if threads.is_empty() {
            view! { <p class="govuk-body">"No messages."</p> }.into_any()
        } else {
            view! {
                <ul class="govuk-list">
                    {threads.into_iter().map(|t| view! {
                        <li class=if t.unread { "app-unread" } else { "" }>
                            <a href=format!("/staff/threads/{}", t.id) class="govuk-link">{t.subject.clone()}</a>
                            {format!(" — {}", t.last_message_at.format("%-d %B %Y"))}
                        </li>
                    }).collect_view()}
                </ul>
            }.into_any()
        }}
    }
}

#[component]
fn Referrals(referrals: Vec<shared::api::SubmissionSummary>) -> impl IntoView {
    view! {
        <h2 class="govuk-heading-m">"Referrals"</h2>
        {if referrals.is_empty() {
            view! { <p class="govuk-body">"No referral has been linked to this record."</p> }.into_any()
        } else {
            view! {
                <ul class="govuk-list">
                    {referrals.into_iter().map(|r| view! {
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
fn describe(request: &FormatRequestView) -> String {
    let wanted =
        shared::api::FormatRequestCreate::describe(request.format, request.language.as_deref());
    match &request.document_title {
        Some(title) => format!("{wanted}: {title}"),
        None => format!("{wanted}: all letters and documents"),
    }
}
