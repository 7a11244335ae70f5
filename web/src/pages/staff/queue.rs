use leptos::prelude::*;
use leptos_router::hooks::{use_navigate, use_params_map, use_query_map};
use shared::api::{
    AnsweredView, FieldErrors, MatchReason, PageTitle, QueueEntry, QueuePerson, QueueSort,
    StaffMember, StaffSubmissionView, SubmissionChangeRequest, SubmissionStatus, TeamQueueSummary,
    UploadView,
};
use shared::forms::SummaryRow;
use shared::language::Language;

use super::{Failed, day, load, staff_only, status_tag, when};
use crate::api;
use crate::components::form::{ErrorSummary, field_error, group_class, submit};
use crate::components::govuk::{SuccessBanner, SummaryList, SummaryRow as ListRow};
use crate::components::more::ShowMore;
use crate::components::title::set_page_title;
use crate::fill;
use crate::i18n::{Locale, td_string};
use crate::labels::{file_kind, submission_status as status_label};
use crate::pages::submission::{open_file, readable_size, save_file};
use crate::session::{Api, use_session};

/// The filters and order the queue takes, as they appear in the address.
const FILTERS: [&str; 7] = [
    "form", "status", "team", "overdue", "mine", "my_teams", "sort",
];

/// The filters in the address, as the API takes them.
fn filter_query(query: &leptos_router::params::ParamsMap) -> String {
    FILTERS
        .iter()
        .filter_map(|key| {
            query
                .get(key)
                .filter(|v| !v.is_empty())
                .map(|v| format!("{key}={}", js_sys::encode_uri_component(&v)))
        })
        .collect::<Vec<_>>()
        .join("&")
}

/// Who a referral is about, in a cell: name, then date of birth and postcode.
fn who(locale: Locale, about: Option<QueuePerson>) -> impl IntoView {
    about.map(|p| {
        let details = [
            p.date_of_birth.map(|d| {
                format!(
                    "{}{}",
                    td_string!(locale, staff.common.born),
                    day(locale, d)
                )
            }),
            p.postcode,
        ]
        .into_iter()
        .flatten()
        .collect::<Vec<_>>()
        .join(", ");
        view! {
            {p.name.unwrap_or_else(|| td_string!(locale, staff.common.name_not_given).into())}
            <br /><span class="govuk-body-s app-nowrap">{details}</span>
        }
    })
}

/// The order the queue is in, in the page's language (`QueueSort::label`).
fn sort_label(locale: Locale, sort: QueueSort) -> &'static str {
    match sort {
        QueueSort::Due => td_string!(locale, staff.queue.sort_due),
        QueueSort::Received => td_string!(locale, staff.queue.sort_received),
        QueueSort::Status => td_string!(locale, staff.queue.sort_status),
    }
}

fn queue_row(locale: Locale, entry: QueueEntry) -> impl IntoView {
    view! {
        <tr class="govuk-table__row">
            <td class="govuk-table__cell app-nowrap">
                <a href=format!("/staff/referrals/{}", entry.id) class="govuk-link">{entry.reference.clone()}</a>
            </td>
            <td class="govuk-table__cell">{who(locale, entry.person)}</td>
            <td class="govuk-table__cell">{entry.form_title.clone()}</td>
            <td class="govuk-table__cell app-nowrap">{day(locale, entry.submitted_at.date_naive())}</td>
            <td class="govuk-table__cell app-nowrap">
                {day(locale, entry.due_on)}
                {entry.overdue.then(|| view! { <br /><strong class="govuk-tag govuk-tag--red">{td_string!(locale, staff.common.overdue)}</strong> })}
            </td>
            <td class="govuk-table__cell">{entry.team.map(|t| t.name).unwrap_or_else(|| td_string!(locale, staff.common.none_yet).into())}</td>
            <td class="govuk-table__cell">{entry.assigned_to.map(|p| p.name).unwrap_or_else(|| td_string!(locale, staff.common.nobody).into())}</td>
            <td class="govuk-table__cell">{status_tag(locale, entry.status)}</td>
        </tr>
    }
}

/// A filter that is on or off.
fn check(id: &'static str, label: &'static str, on: RwSignal<bool>) -> impl IntoView {
    view! {
        <div class="govuk-checkboxes__item">
            <input class="govuk-checkboxes__input" id=id type="checkbox"
                prop:checked=move || on.get() on:change=move |ev| on.set(event_target_checked(&ev)) />
            <label class="govuk-label govuk-checkboxes__label" for=id>{label}</label>
        </div>
    }
}

/// The referral queue, soonest due first, with its filters.
#[component]
pub fn ReferralQueue() -> impl IntoView {
    let locale = crate::boot::use_locale();
    set_page_title(td_string!(locale, staff.queue.title));
    let session = use_session();
    let query = use_query_map();
    let navigate = use_navigate();
    let errors = RwSignal::new(FieldErrors::new());
    let busy = RwSignal::new(false);
    let filters = move || filter_query(&query.read());
    let loaded = load(move |client| {
        let filters = filters();
        async move {
            let forms = api::forms().await?;
            let teams = client.team_queues().await?;
            let page = client.queue(&filters, None).await?;
            Ok((forms, teams, page))
        }
    });
    let picked = move |key: &str| query.read_untracked().get(key).unwrap_or_default();
    let [form, status, team, sort] =
        ["form", "status", "team", "sort"].map(|k| RwSignal::new(picked(k)));
    let [overdue, mine, my_teams] =
        ["overdue", "mine", "my_teams"].map(|k| RwSignal::new(picked(k) == "true"));
    let apply = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let on = |b: RwSignal<bool>| String::from(if b.get() { "true" } else { "" });
        let parts = [
            ("form", form.get()),
            ("status", status.get()),
            ("team", team.get()),
            ("overdue", on(overdue)),
            ("mine", on(mine)),
            ("my_teams", on(my_teams)),
            ("sort", sort.get()),
        ]
        .into_iter()
        .filter(|(_, v)| !v.is_empty())
        .map(|(k, v)| format!("{k}={v}"))
        .collect::<Vec<_>>();
        navigate(
            &format!("/staff/referrals?{}", parts.join("&")),
            Default::default(),
        );
    };
    let export = move |_| {
        let filters = filters();
        let send = async move {
            let client = session.api();
            client.export_queue(&filters).await
        };
        submit(errors, busy, FieldErrors::new(), send, |bytes: Vec<u8>| {
            save_file(&bytes, "referral-queue.csv", "text/csv")
        });
    };
    staff_only(move || {
        let apply = apply.clone();
        view! {
            <a href="/staff" class="govuk-back-link">{td_string!(locale, staff.common.council_work)}</a>
            <ErrorSummary errors=errors />
            <h1 class="govuk-heading-l">{td_string!(locale, staff.queue.title)}</h1>
            <Transition fallback=move || view! { <p class="govuk-body">{td_string!(locale, staff.common.loading)}</p> }>
                {move || loaded.get().flatten().map(|loaded| match loaded {
                    Ok((forms, teams, page)) => {
                        let apply = apply.clone();
                        let empty = page.items.is_empty();
                        let shown = RwSignal::new(page.items);
                        let next = RwSignal::new(page.next);
                        let order = QueueSort::ALL
                            .into_iter()
                            .find(|s| s.as_str() == sort.get_untracked())
                            .unwrap_or_default();
                        view! {
                            <form class="app-filters" novalidate on:submit=apply>
                                <div class="govuk-form-group app-filter">
                                    <label class="govuk-label" for="filter-form">{td_string!(locale, staff.common.form)}</label>
                                    <select class="govuk-select" id="filter-form" on:change=move |ev| form.set(event_target_value(&ev))>
                                        <option value="" selected=move || form.get().is_empty()>{td_string!(locale, staff.queue.any_form)}</option>
                                        {forms.into_iter().map(|f| {
                                            let id = f.id.clone();
                                            view! { <option value=f.id.clone() selected=move || form.get() == id>{f.title}</option> }
                                        }).collect_view()}
                                    </select>
                                </div>
                                <div class="govuk-form-group app-filter">
                                    <label class="govuk-label" for="filter-status">{td_string!(locale, staff.common.status)}</label>
                                    <select class="govuk-select" id="filter-status" on:change=move |ev| status.set(event_target_value(&ev))>
                                        <option value="" selected=move || status.get().is_empty()>{td_string!(locale, staff.queue.any_status)}</option>
                                        {SubmissionStatus::ALL.into_iter().map(|s| view! {
                                            <option value=s.as_str() selected=move || status.get() == s.as_str()>{status_label(locale, s)}</option>
                                        }).collect_view()}
                                    </select>
                                </div>
                                <div class="govuk-form-group app-filter">
                                    <label class="govuk-label" for="filter-team">{td_string!(locale, staff.common.team)}</label>
                                    <select class="govuk-select" id="filter-team" on:change=move |ev| team.set(event_target_value(&ev))>
                                        <option value="" selected=move || team.get().is_empty()>{td_string!(locale, staff.queue.any_team)}</option>
                                        {teams.into_iter().map(|t: TeamQueueSummary| {
                                            let key = t.key.clone();
                                            view! { <option value=t.key.clone() selected=move || team.get() == key>{t.name}</option> }
                                        }).collect_view()}
                                    </select>
                                </div>
                                <div class="govuk-form-group app-filter">
                                    <label class="govuk-label" for="sort">{td_string!(locale, staff.queue.sort_by)}</label>
                                    <select class="govuk-select" id="sort" on:change=move |ev| sort.set(event_target_value(&ev))>
                                        {QueueSort::ALL.into_iter().map(|s| view! {
                                            <option value=s.as_str() selected=move || sort.get() == s.as_str() || (sort.get().is_empty() && s == QueueSort::Due)>{sort_label(locale, s)}</option>
                                        }).collect_view()}
                                    </select>
                                </div>
                                <div class="govuk-checkboxes govuk-checkboxes--small app-filter" data-module="govuk-checkboxes">
                                    {check("filter-overdue", td_string!(locale, staff.queue.overdue_only), overdue)}
                                    {check("filter-mine", td_string!(locale, staff.queue.assigned_to_me), mine)}
                                    {check("filter-my-teams", td_string!(locale, staff.queue.my_teams), my_teams)}
                                </div>
                                <button type="submit" class="govuk-button govuk-button--secondary app-filter" data-module="govuk-button">{td_string!(locale, staff.queue.apply_filters)}</button>
                            </form>
                            {if empty {
                                view! { <p class="govuk-body">{td_string!(locale, staff.queue.nothing_matches)}</p> }.into_any()
                            } else {
                                view! {
                                    <button type="button" class="govuk-button govuk-button--secondary" data-module="govuk-button"
                                        disabled=move || busy.get() on:click=export>{td_string!(locale, staff.common.download_csv)}</button>
                                    <table class="govuk-table">
                                        <caption class="govuk-table__caption govuk-table__caption--m">{sort_label(locale, order)}</caption>
                                        <thead class="govuk-table__head"><tr class="govuk-table__row">
                                            {[
                                                td_string!(locale, staff.queue.reference),
                                                td_string!(locale, staff.queue.who_it_is_about),
                                                td_string!(locale, staff.common.form),
                                                td_string!(locale, staff.queue.received),
                                                td_string!(locale, staff.queue.due),
                                                td_string!(locale, staff.common.team),
                                                td_string!(locale, staff.common.worker),
                                                td_string!(locale, staff.common.status),
                                            ]
                                                .map(|h| view! { <th scope="col" class="govuk-table__header">{h}</th> })}
                                        </tr></thead>
                                        <tbody class="govuk-table__body">
                                            {move || shown.get().into_iter().map(|entry| queue_row(locale, entry)).collect_view()}
                                        </tbody>
                                    </table>
                                    <ShowMore label=td_string!(locale, staff.common.show_more) shown=shown next=next errors=errors
                                        fetch=move |client: Api, cursor: String| {
                                            let filters = filters();
                                            async move { client.queue(&filters, Some(&cursor)).await.map(|p| (p.items, p.next)) }
                                        } />
                                }.into_any()
                            }}
                        }.into_any()
                    }
                    Err(error) => view! { <Failed error=error /> }.into_any(),
                })}
            </Transition>
        }
    })
}

/// One referral: its answers and history, and the form that changes it.
#[component]
pub fn Referral() -> impl IntoView {
    let locale = crate::boot::use_locale();
    let params = use_params_map();
    let version = RwSignal::new(0u32);
    // Outlives the reload that follows a change, so the banner stays.
    let saved = RwSignal::new(false);
    let loaded = load(move |client| {
        let id = params.read().get("submission_id").unwrap_or_default();
        let _ = version.get();
        async move {
            let submission = client.staff_submission(&id).await?;
            let teams = client.team_queues().await?;
            let staff = client.staff_members().await?;
            Ok((submission, teams, staff))
        }
    });
    staff_only(move || {
        view! {
            <Transition fallback=move || view! { <p class="govuk-body">{td_string!(locale, staff.common.loading)}</p> }>
                {move || loaded.get().flatten().map(|loaded| match loaded {
                    Ok((submission, teams, staff)) => view! {
                        <ReferralPage submission=submission teams=teams staff=staff version=version saved=saved />
                    }.into_any(),
                    Err(error) => view! { <Failed error=error /> }.into_any(),
                })}
            </Transition>
        }
    })
}

#[component]
fn ReferralPage(
    submission: StaffSubmissionView,
    teams: Vec<TeamQueueSummary>,
    staff: Vec<StaffMember>,
    version: RwSignal<u32>,
    saved: RwSignal<bool>,
) -> impl IntoView {
    set_page_title(&format!(
        "{} {}",
        submission.entry.reference, submission.entry.form_title
    ));
    let locale = crate::boot::use_locale();
    let session = use_session();
    let errors = RwSignal::new(FieldErrors::new());
    let busy = RwSignal::new(false);
    let entry = submission.entry.clone();
    let about = about_section(locale, &submission, session, errors, busy, saved, version);
    view! {
        <a href="/staff/referrals" class="govuk-back-link">{td_string!(locale, staff.queue.title)}</a>
        <ErrorSummary errors=errors />
        {move || saved.get().then(|| view! {
            <SuccessBanner id="saved" heading={td_string!(locale, staff.referral.saved).to_owned()} />
        })}
        <IdentityBar entry=entry.clone() />
        <h1 class="govuk-heading-l">{entry.form_title.clone()}</h1>
        <Received entry=entry.clone() email=submission.submitted_by_email.clone() language=submission.language />
        <ChangeForm entry=entry.clone() teams=teams staff=staff version=version saved=saved errors=errors busy=busy />
        <History history=submission.history.clone() />
        {about}
        <Attachments submission_id=entry.id attachments=submission.attachments.clone() errors=errors busy=busy />
        <h2 class="govuk-heading-m">{td_string!(locale, staff.referral.answers)}</h2>
        <Answers summary=submission.summary pages=submission.pages as_answered=submission.as_answered />
    }
}

/// The answers in English, the council's record; for a form answered in Welsh, a button
/// switches to the words the sender read, marked as Welsh for screen readers.
#[component]
fn Answers(
    summary: Vec<SummaryRow>,
    pages: Vec<PageTitle>,
    as_answered: Option<AnsweredView>,
) -> impl IntoView {
    let locale = crate::boot::use_locale();
    let Some(answered) = as_answered else {
        return answers_by_page(summary, pages).into_any();
    };
    let as_sent = RwSignal::new(false);
    view! {
        <p class="govuk-body app-no-print">
            <button type="button" class="govuk-button govuk-button--secondary govuk-!-margin-bottom-0" data-module="govuk-button"
                on:click=move |_| as_sent.update(|on| *on = !*on)>
                {move || if as_sent.get() { td_string!(locale, staff.referral.show_english) } else { td_string!(locale, staff.referral.show_as_sent) }}
            </button>
        </p>
        {move || if as_sent.get() {
            view! {
                <p class="govuk-inset-text">{td_string!(locale, staff.referral.as_sent_note)}</p>
                <div lang=answered.language.code()>
                    {answers_by_page(answered.summary.clone(), answered.pages.clone())}
                </div>
            }.into_any()
        } else {
            answers_by_page(summary.clone(), pages.clone()).into_any()
        }}
    }
    .into_any()
}

/// Who the referral is about, its reference, status and due date: the MOJ identity bar.
#[component]
fn IdentityBar(entry: QueueEntry) -> impl IntoView {
    let locale = crate::boot::use_locale();
    view! {
        <div class="moj-identity-bar">
            <div class="moj-identity-bar__container">
                <div class="moj-identity-bar__details">
                    <span class="moj-identity-bar__title">
                        <strong>{entry.person.as_ref().and_then(|p| p.name.clone()).unwrap_or_else(|| td_string!(locale, staff.common.name_not_given).into())}</strong>
                        {entry.person.as_ref().and_then(|p| p.date_of_birth).map(|d| format!(", {}{}", td_string!(locale, staff.common.born), day(locale, d)))}
                        {format!(" · {} · ", entry.reference)}
                        {status_tag(locale, entry.status)}
                        <span class="app-nowrap">{fill(td_string!(locale, staff.referral.due), &[("date", day(locale, entry.due_on).to_string())])}</span>
                        {entry.overdue.then(|| view! { " " <strong class="govuk-tag govuk-tag--red">{td_string!(locale, staff.common.overdue)}</strong> })}
                    </span>
                </div>
            </div>
        </div>
    }
}

/// When it came, from whom (`email` is the sender's address), and who has it.
#[component]
fn Received(entry: QueueEntry, email: String, language: Language) -> impl IntoView {
    let locale = crate::boot::use_locale();
    let answered_in = match language {
        Language::English => td_string!(locale, staff.referral.english),
        Language::Welsh => td_string!(locale, staff.referral.welsh),
    };
    view! {
        <SummaryList>
            <ListRow key=td_string!(locale, staff.queue.received)>{when(locale, entry.submitted_at)}</ListRow>
            <ListRow key=td_string!(locale, staff.referral.sent_by)>{format!("{} ({email})", entry.submitted_by)}</ListRow>
            <ListRow key=td_string!(locale, staff.referral.answered_in)>{answered_in}</ListRow>
            <ListRow key=td_string!(locale, staff.common.team)>{entry.team.map(|t| t.name).unwrap_or_else(|| td_string!(locale, staff.common.none_yet).into())}</ListRow>
            <ListRow key=td_string!(locale, staff.common.worker)>{entry.assigned_to.map(|p| p.name).unwrap_or_else(|| td_string!(locale, staff.common.nobody).into())}</ListRow>
        </SummaryList>
    }
}

/// Changing the status, team or worker, or adding a note: only what changed is sent.
#[component]
fn ChangeForm(
    entry: QueueEntry,
    teams: Vec<TeamQueueSummary>,
    staff: Vec<StaffMember>,
    version: RwSignal<u32>,
    saved: RwSignal<bool>,
    errors: RwSignal<FieldErrors>,
    busy: RwSignal<bool>,
) -> impl IntoView {
    let locale = crate::boot::use_locale();
    let session = use_session();
    let current_team = entry
        .team
        .as_ref()
        .map(|t| t.key.clone())
        .unwrap_or_default();
    let current_worker = entry
        .assigned_to
        .as_ref()
        .map(|p| p.id.clone())
        .unwrap_or_default();
    let status = RwSignal::new(entry.status.as_str().to_owned());
    let team = RwSignal::new(current_team.clone());
    let worker = RwSignal::new(current_worker.clone());
    let note = RwSignal::new(String::new());
    let id = entry.id.clone();
    let before_status = entry.status;
    let save = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let request = SubmissionChangeRequest {
            status: SubmissionStatus::parse(&status.get()).filter(|s| *s != before_status),
            team: Some(team.get()).filter(|t| !t.is_empty() && *t != current_team),
            assigned_to: Some(worker.get()).filter(|w| !w.is_empty() && *w != current_worker),
            note: Some(note.get()).filter(|n| !n.trim().is_empty()),
        };
        let found = request.validate();
        let id = id.clone();
        let send = async move {
            let client = session.api();
            client.change_submission(&id, &request).await
        };
        submit(errors, busy, found, send, move |_| {
            saved.set(true);
            version.update(|v| *v += 1);
        });
    };
    let workers = move || {
        let chosen = team.get();
        staff
            .iter()
            .filter(|m| m.active && (chosen.is_empty() || m.teams.iter().any(|t| t.key == chosen)))
            .cloned()
            .collect::<Vec<_>>()
    };
    view! {
        <h2 class="govuk-heading-m">{td_string!(locale, staff.referral.change)}</h2>
        <form novalidate on:submit=save>
            <div class=group_class(errors, "status")>
                <label class="govuk-label" for="status">{td_string!(locale, staff.common.status)}</label>
                {field_error(errors, "status")}
                <select class="govuk-select" id="status" on:change=move |ev| status.set(event_target_value(&ev))>
                    {SubmissionStatus::ALL.into_iter().map(|s| view! {
                        <option value=s.as_str() selected=move || status.get() == s.as_str()>{status_label(locale, s)}</option>
                    }).collect_view()}
                </select>
            </div>
            <div class=group_class(errors, "team")>
                <label class="govuk-label" for="team">{td_string!(locale, staff.common.team)}</label>
                {field_error(errors, "team")}
                <select class="govuk-select" id="team" on:change=move |ev| { team.set(event_target_value(&ev)); worker.set(String::new()); }>
                    <option value="" selected=move || team.get().is_empty()>{td_string!(locale, staff.common.choose_team)}</option>
                    {teams.into_iter().map(|t| {
                        let key = t.key.clone();
                        view! { <option value=t.key.clone() selected=move || team.get() == key>{t.name}</option> }
                    }).collect_view()}
                </select>
            </div>
            <div class=group_class(errors, "assigned_to")>
                <label class="govuk-label" for="assigned_to">{td_string!(locale, staff.common.worker)}</label>
                <div id="assigned_to-hint" class="govuk-hint">{td_string!(locale, staff.referral.worker_hint)}</div>
                {field_error(errors, "assigned_to")}
                <select class="govuk-select" id="assigned_to" aria-describedby="assigned_to-hint" on:change=move |ev| worker.set(event_target_value(&ev))>
                    <option value="" selected=move || worker.get().is_empty()>{td_string!(locale, staff.common.nobody)}</option>
                    {move || workers().into_iter().map(|m| {
                        let id = m.id.clone();
                        view! { <option value=m.id.clone() selected=move || worker.get() == id>{m.name}</option> }
                    }).collect_view()}
                </select>
            </div>
            <div class=group_class(errors, "note")>
                <label class="govuk-label" for="note">{td_string!(locale, staff.referral.note_optional)}</label>
                <div id="note-hint" class="govuk-hint">{td_string!(locale, staff.referral.note_hint)}</div>
                {field_error(errors, "note")}
                <textarea class="govuk-textarea" id="note" rows="3" aria-describedby="note-hint"
                    prop:value=move || note.get() on:input=move |ev| note.set(event_target_value(&ev))></textarea>
            </div>
            <button type="submit" class="govuk-button" data-module="govuk-button" disabled=move || busy.get()>{td_string!(locale, staff.referral.save_change)}</button>
        </form>
    }
}

/// Every change and note: the MOJ timeline.
#[component]
fn History(history: Vec<shared::api::SubmissionEvent>) -> impl IntoView {
    let locale = crate::boot::use_locale();
    view! {
        <h2 class="govuk-heading-m">{td_string!(locale, staff.referral.history)}</h2>
        {if history.is_empty() {
            view! { <p class="govuk-body">{td_string!(locale, staff.referral.no_changes)}</p> }.into_any()
        } else {
            view! {
                <div class="moj-timeline">
                    {history.into_iter().map(|e| {
                        let mut what = Vec::new();
                        if let Some(s) = e.status { what.push(format!("{}{}", td_string!(locale, staff.referral.history_status), status_label(locale, s))); }
                        if let Some(t) = &e.team { what.push(format!("{}{}", td_string!(locale, staff.referral.history_team), t.name)); }
                        if let Some(p) = &e.assigned_to { what.push(format!("{}{}", td_string!(locale, staff.referral.history_worker), p.name)); }
                        view! {
                            <div class="moj-timeline__item">
                                <div class="moj-timeline__header">
                                    <h3 class="moj-timeline__title">{if what.is_empty() { td_string!(locale, staff.referral.note).to_owned() } else { what.join(", ") }}</h3>
                                    <p class="moj-timeline__byline">{fill(td_string!(locale, staff.referral.by), &[("name", e.by.to_string())])}</p>
                                </div>
                                <p class="moj-timeline__date"><time datetime=e.at.to_rfc3339()>{when(locale, e.at)}</time></p>
                                {e.note.map(|n| view! { <div class="moj-timeline__description app-message__body">{n}</div> })}
                            </div>
                        }
                    }).collect_view()}
                </div>
            }.into_any()
        }}
    }
}

/// The files sent with the form, each to open or download (each opening is audited).
#[component]
fn Attachments(
    submission_id: String,
    attachments: Vec<UploadView>,
    errors: RwSignal<FieldErrors>,
    busy: RwSignal<bool>,
) -> impl IntoView {
    let locale = crate::boot::use_locale();
    let session = use_session();
    (!attachments.is_empty()).then(|| {
        view! {
            <h2 class="govuk-heading-m">{td_string!(locale, staff.referral.attachments)}</h2>
            <table class="govuk-table">
                <caption class="govuk-table__caption govuk-visually-hidden">{td_string!(locale, staff.referral.files_sent)}</caption>
                <thead class="govuk-table__head"><tr class="govuk-table__row">
                    <th scope="col" class="govuk-table__header">{td_string!(locale, staff.common.file)}</th>
                    <th scope="col" class="govuk-table__header">{td_string!(locale, staff.referral.type_)}</th>
                    <th scope="col" class="govuk-table__header govuk-table__header--numeric">{td_string!(locale, staff.referral.size)}</th>
                    <th scope="col" class="govuk-table__header"><span class="govuk-visually-hidden">{td_string!(locale, staff.common.actions)}</span></th>
                </tr></thead>
                <tbody class="govuk-table__body">
                    {attachments.into_iter().map(|file| {
                        let act = |then: fn(&[u8], &UploadView)| {
                            let (submission_id, file) = (submission_id.clone(), file.clone());
                            move |_| {
                                let (submission_id, upload_id) = (submission_id.clone(), file.id.clone());
                                let send = async move {
                                    let client = session.api();
                                    client.attachment(&submission_id, &upload_id).await
                                };
                                let file = file.clone();
                                submit(errors, busy, FieldErrors::new(), send, move |bytes: Vec<u8>| then(&bytes, &file));
                            }
                        };
                        let open = act(|bytes, f| open_file(bytes, &f.content_type, &f.name));
                        let save = act(|bytes, f| save_file(bytes, &f.name, &f.content_type));
                        view! {
                            <tr class="govuk-table__row">
                                <td class="govuk-table__cell app-break-anywhere">{file.name.clone()}</td>
                                <td class="govuk-table__cell">{file_kind(locale, &file.content_type)}</td>
                                <td class="govuk-table__cell govuk-table__cell--numeric">{readable_size(file.size)}</td>
                                <td class="govuk-table__cell">
                                    <button type="button" class="app-link-button govuk-link" on:click=open>
                                        {td_string!(locale, staff.referral.open)}<span class="govuk-visually-hidden">{format!(" {}", file.name)}</span>
                                    </button>
                                    " "
                                    <button type="button" class="app-link-button govuk-link" on:click=save>
                                        {td_string!(locale, staff.referral.download)}<span class="govuk-visually-hidden">{format!(" {}", file.name)}</span>
                                    </button>
                                </td>
                            </tr>
                        }
                    }).collect_view()}
                </tbody>
            </table>
        }
    })
}

/// The answers under a heading for each page of the form they were on.
fn answers_by_page(rows: Vec<SummaryRow>, pages: Vec<PageTitle>) -> impl IntoView {
    let mut groups: Vec<(String, Vec<SummaryRow>)> = Vec::new();
    for row in rows {
        match groups.last_mut() {
            Some((page, group)) if *page == row.page_id => group.push(row),
            _ => groups.push((row.page_id.clone(), vec![row])),
        }
    }
    groups
        .into_iter()
        .map(|(page, rows)| {
            let title = pages
                .iter()
                .find(|p| p.page_id == page)
                .map(|p| p.title.clone());
            view! {
                {title.map(|t| view! { <h3 class="govuk-heading-s">{t}</h3> })}
                {crate::components::govuk::sent_answers(rows)}
            }
        })
        .collect_view()
}

/// Who the referral is about: the record it is linked to, or the records that may be the
/// person (with why), to link one or start a new record. Nothing links on its own.
fn about_section(
    locale: Locale,
    submission: &StaffSubmissionView,
    session: crate::session::Session,
    errors: RwSignal<FieldErrors>,
    busy: RwSignal<bool>,
    saved: RwSignal<bool>,
    version: RwSignal<u32>,
) -> impl IntoView + use<> {
    let id = submission.entry.id.clone();
    let done = move |_| {
        saved.set(true);
        version.update(|v| *v += 1);
    };
    match (submission.entry.person_id.clone(), submission.about.clone()) {
        (Some(person), _) => view! {
            <h2 class="govuk-heading-m">{td_string!(locale, staff.referral.who_it_is_about)}</h2>
            <p class="govuk-body">{td_string!(locale, staff.referral.linked_before)}
                <a href=format!("/staff/people/{person}") class="govuk-link">{td_string!(locale, staff.referral.linked_link)}</a>{td_string!(locale, staff.common.full_stop)}</p>
        }
        .into_any(),
        (None, Some(about)) => {
            let said = [
                Some(
                    [about.forename.clone(), about.surname.clone()]
                        .into_iter()
                        .flatten()
                        .collect::<Vec<_>>()
                        .join(" "),
                )
                .filter(|n| !n.is_empty()),
                about
                    .date_of_birth
                    .map(|d| format!("{}{}", td_string!(locale, staff.common.born), day(locale, d))),
                about.nhs_number.as_deref().map(|n| {
                    format!(
                        "{}{}",
                        td_string!(locale, staff.referral.says_nhs_number),
                        shared::rules::nhs_number_spaced(n)
                    )
                }),
                about.postcode.clone().map(|p| {
                    format!("{}{p}", td_string!(locale, staff.referral.says_postcode))
                }),
            ]
            .into_iter()
            .flatten()
            .collect::<Vec<_>>()
            .join(", ");
            let link = {
                let id = id.clone();
                move |person: String| {
                    let id = id.clone();
                    let send = async move {
                        let client = session.api();
                        client.link_submission_person(&id, &person).await
                    };
                    submit(errors, busy, FieldErrors::new(), send, done);
                }
            };
            let create = move |_| {
                let id = id.clone();
                let send = async move {
                    let client = session.api();
                    client.create_person_from_submission(&id).await
                };
                submit(errors, busy, FieldErrors::new(), send, done);
            };
            let candidates = submission.candidates.clone();
            view! {
                <h2 class="govuk-heading-m">{td_string!(locale, staff.referral.who_it_is_about)}</h2>
                <p class="govuk-body">{fill(td_string!(locale, staff.referral.says), &[("said", said.to_string())])}</p>
                {if candidates.is_empty() {
                    view! { <p class="govuk-body">{td_string!(locale, staff.referral.no_match)}</p> }.into_any()
                } else {
                    view! {
                        <table class="govuk-table">
                            <caption class="govuk-table__caption govuk-table__caption--s">{td_string!(locale, staff.referral.may_be)}</caption>
                            <thead class="govuk-table__head"><tr class="govuk-table__row">
                                <th scope="col" class="govuk-table__header">{td_string!(locale, staff.common.name)}</th>
                                <th scope="col" class="govuk-table__header">{td_string!(locale, staff.common.date_of_birth)}</th>
                                <th scope="col" class="govuk-table__header">{td_string!(locale, staff.common.postcode)}</th>
                                <th scope="col" class="govuk-table__header">{td_string!(locale, staff.referral.why)}</th>
                                <th scope="col" class="govuk-table__header"><span class="govuk-visually-hidden">{td_string!(locale, staff.common.action)}</span></th>
                            </tr></thead>
                            <tbody class="govuk-table__body">
                                {candidates.into_iter().map(|c| {
                                    let link = link.clone();
                                    let person = c.person.id.clone();
                                    let reasons = c.reasons.iter().map(|r| reason_label(locale, *r)).collect::<Vec<_>>().join("; ");
                                    let hidden = format!("{}{}", td_string!(locale, staff.referral.link_hidden), c.person.name);
                                    view! {
                                        <tr class="govuk-table__row">
                                            <td class="govuk-table__cell">
                                                <a href=format!("/staff/people/{}", c.person.id) class="govuk-link">{c.person.name.clone()}</a>
                                            </td>
                                            <td class="govuk-table__cell">{c.person.date_of_birth.map(|d| day(locale, d)).unwrap_or_default()}</td>
                                            <td class="govuk-table__cell">{c.person.postcode.clone().unwrap_or_default()}</td>
                                            <td class="govuk-table__cell">{reasons}</td>
                                            <td class="govuk-table__cell">
                                                <button type="button" class="app-link-button govuk-link" disabled=move || busy.get() on:click=move |_| link(person.clone())>
                                                    {td_string!(locale, staff.referral.link)}<span class="govuk-visually-hidden">{hidden}</span>
                                                </button>
                                            </td>
                                        </tr>
                                    }
                                }).collect_view()}
                            </tbody>
                        </table>
                    }.into_any()
                }}
                <button type="button" class="govuk-button govuk-button--secondary" data-module="govuk-button" disabled=move || busy.get() on:click=create>
                    {td_string!(locale, staff.referral.create)}
                </button>
            }
            .into_any()
        }
        (None, None) => ().into_any(),
    }
}

/// Why a record may be the person, in the page's language (`MatchReason::label`).
fn reason_label(locale: Locale, reason: MatchReason) -> &'static str {
    match reason {
        MatchReason::NhsNumber => td_string!(locale, staff.referral.reason_nhs_number),
        MatchReason::SurnameAndDateOfBirth => td_string!(locale, staff.referral.reason_surname),
        MatchReason::PostcodeAndDateOfBirth => td_string!(locale, staff.referral.reason_postcode),
    }
}
