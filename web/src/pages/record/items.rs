use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::{use_navigate, use_params_map};
use shared::api::{FieldErrors, ItemStatus, ItemSummary, ItemView, PersonSummary};
use shared::forms::{FormDefinition, visible_pages};

use super::{Failed, Whose, load, loading, whose};
use crate::api;
use crate::boot::{use_language, use_locale};
use crate::components::form::ErrorSummary;
use crate::components::more::ShowMore;
use crate::components::title::set_page_title;
use crate::fill;
use crate::i18n::{Locale, td_string};
use crate::pages::form::blocks;
use crate::pages::form::state::today;
use crate::pages::form::state::{Filling, Progress, resume_path, take_just_submitted};
use crate::session::Api;
use crate::time::{day_in, uk_date_in, uk_time_in};

fn tag(locale: Locale, status: ItemStatus) -> impl IntoView {
    let class = match status {
        ItemStatus::NotStarted => "govuk-tag govuk-tag--blue",
        ItemStatus::InProgress => "govuk-tag govuk-tag--light-blue",
        ItemStatus::Submitted => "govuk-tag govuk-tag--green",
    };
    view! { <strong class=class>{crate::labels::item_status(locale, status)}</strong> }
}

fn item_row(person_id: &str, item: ItemSummary) -> impl IntoView + use<> {
    let (locale, language) = (use_locale(), use_language());
    let href = format!("/record/{person_id}/items/{}", item.id);
    let waiting = item.status != ItemStatus::Submitted;
    view! {
        <tr class="govuk-table__row">
            <td class="govuk-table__cell">
                <A href=href attr:class=if waiting { "govuk-link govuk-!-font-weight-bold" } else { "govuk-link" }>{item.form_title.clone()}</A>
                {(item.status == ItemStatus::InProgress).then(|| view! {
                    <span class="govuk-body-s">" "{fill(td_string!(locale, account.percent_complete), &[("percent", item.progress.to_string().to_string())])}</span>
                })}
            </td>
            <td class="govuk-table__cell">{item.team.clone()}</td>
            <td class="govuk-table__cell">{day_in(language, item.due_on)}</td>
            <td class="govuk-table__cell">{tag(locale, item.status)}</td>
        </tr>
    }
}

/// Items to complete: the forms the council sent, newest first, a page at a time.
#[component]
pub fn RecordItems() -> impl IntoView {
    let locale = use_locale();
    let errors = RwSignal::new(FieldErrors::new());
    let loaded = load(|client, person| async move {
        let who = whose(&client, &person).await?;
        Ok((who, client.items(&person, None).await?))
    });
    view! {
        <Transition fallback=loading>
            {move || loaded.get().flatten().map(|loaded| match loaded {
                Ok((person, page)) => {
                    set_page_title(td_string!(locale, record.dashboard.items_to_complete));
                    let empty = page.items.is_empty();
                    let shown = RwSignal::new(page.items);
                    let next = RwSignal::new(page.next);
                    let person_id = person.id.clone();
                    view! {
                        <A href=format!("/record/{}", person.id) attr:class="govuk-back-link">{td_string!(locale, record.common.dashboard)}</A>
                        <ErrorSummary errors=errors />
                        <Whose person=person.clone() />
                        <h1 class="govuk-heading-l">{td_string!(locale, record.dashboard.items_to_complete)}</h1>
                        <p class="govuk-body">{td_string!(locale, record.items.intro)}</p>
                        {if empty {
                            view! { <p class="govuk-body">{td_string!(locale, record.items.none)}</p> }.into_any()
                        } else {
                            let rows_person = person_id.clone();
                            view! {
                                <table class="govuk-table">
                                    <caption class="govuk-table__caption govuk-visually-hidden">{td_string!(locale, record.items.caption)}</caption>
                                    <thead class="govuk-table__head"><tr class="govuk-table__row">
                                        <th scope="col" class="govuk-table__header">{td_string!(locale, record.items.form)}</th>
                                        <th scope="col" class="govuk-table__header">{td_string!(locale, record.common.from)}</th>
                                        <th scope="col" class="govuk-table__header">{td_string!(locale, record.items.complete_by)}</th>
                                        <th scope="col" class="govuk-table__header">{td_string!(locale, record.common.status)}</th>
                                    </tr></thead>
                                    <tbody class="govuk-table__body">
                                        {move || shown.get().into_iter().map(|item| item_row(&rows_person, item)).collect_view()}
                                    </tbody>
                                </table>
                                <ShowMore label=td_string!(locale, record.items.show_more) shown=shown next=next errors=errors
                                    fetch=move |client: Api, cursor: String| {
                                        let person = person_id.clone();
                                        async move { client.items(&person, Some(&cursor)).await.map(|p| (p.items, p.next)) }
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

/// One item: who sent it and when it is due, then either "Before you start" and Start, or
/// (once sent) the reference and the answers as sent.
#[component]
pub fn RecordItem() -> impl IntoView {
    let params = use_params_map();
    let loaded = load(move |client, person| {
        let item_id = params.read_untracked().get("item_id").unwrap_or_default();
        async move {
            let who = whose(&client, &person).await?;
            let item = client.item(&person, &item_id).await?;
            let form = api::form(&item.item.form_id).await?;
            Ok((who, item, form))
        }
    });
    view! {
        <Transition fallback=loading>
            {move || loaded.get().flatten().map(|loaded| match loaded {
                Ok((person, item, form)) => view! { <Item person=person item=item form=form /> }.into_any(),
                Err(error) => view! { <Failed error=error /> }.into_any(),
            })}
        </Transition>
    }
}

#[component]
fn Item(person: PersonSummary, item: ItemView, form: FormDefinition) -> impl IntoView {
    let (locale, language) = (use_locale(), use_language());
    let filling = Filling::Item {
        person_id: person.id.clone(),
        item_id: item.item.id.clone(),
    };
    let just_sent = item
        .submission
        .as_ref()
        .is_some_and(|s| take_just_submitted(&s.id));
    set_page_title(if just_sent {
        td_string!(locale, sent.submitted)
    } else {
        // The definition's own title, which a bilingual form gives in Welsh too.
        form.title.in_language(language)
    });
    let facts = view! {
        <dl class="govuk-summary-list">
            <div class="govuk-summary-list__row">
                <dt class="govuk-summary-list__key">{td_string!(locale, record.common.from)}</dt>
                <dd class="govuk-summary-list__value">{item.item.team.clone()}</dd>
            </div>
            <div class="govuk-summary-list__row">
                <dt class="govuk-summary-list__key">{td_string!(locale, record.items.sent)}</dt>
                <dd class="govuk-summary-list__value">{uk_date_in(language, item.item.sent_at)}</dd>
            </div>
            <div class="govuk-summary-list__row">
                <dt class="govuk-summary-list__key">{td_string!(locale, record.items.complete_by)}</dt>
                <dd class="govuk-summary-list__value">{day_in(language, item.item.due_on)}</dd>
            </div>
            <div class="govuk-summary-list__row">
                <dt class="govuk-summary-list__key">{td_string!(locale, record.common.status)}</dt>
                <dd class="govuk-summary-list__value">{tag(locale, item.item.status)}</dd>
            </div>
        </dl>
    };
    let team = item.item.team.clone();
    let note = item.note.clone().map(|note| {
        view! {
            <div class="govuk-inset-text">
                <p class="govuk-body govuk-!-font-weight-bold">{fill(td_string!(locale, record.items.from_team), &[("team", team.to_string())])}</p>
                <p class="govuk-body app-message__body">{note}</p>
            </div>
        }
    });
    let items_path = format!("/record/{}/items", person.id);
    let body = match item.submission.clone() {
        Some(sent) => {
            let (at, by, reference) = (
                uk_time_in(language, sent.submitted_at),
                sent.submitted_by.clone(),
                sent.reference.clone(),
            );
            let print = |_| {
                if let Some(window) = web_sys::window() {
                    let _ = window.print();
                }
            };
            view! {
                {just_sent.then(|| view! {
                    <h2 class="govuk-heading-m">{td_string!(locale, sent.what_happens_next)}</h2>
                    {blocks(&form.what_happens_next)}
                })}
                <p class="govuk-body">{fill(td_string!(locale, record.items.submitted_by), &[("at", at.to_string()), ("by", by.to_string()), ("reference", reference.to_string())])}</p>
                <h2 class="govuk-heading-m">{td_string!(locale, record.items.what_was_sent)}</h2>
                {crate::components::govuk::sent_answers(sent.summary)}
                <div class="govuk-button-group app-no-print">
                    <button type="button" class="govuk-button govuk-button--secondary" on:click=print>{td_string!(locale, sent.print)}</button>
                    <A href=items_path.clone() attr:class="govuk-link">{td_string!(locale, record.items.back)}</A>
                </div>
            }
            .into_any()
        }
        None => view! { <Begin item=item.clone() form=form.clone() filling=filling.clone() /> }
            .into_any(),
    };
    view! {
        <div class="govuk-grid-row">
            <div class="govuk-grid-column-two-thirds">
                {if just_sent {
                    let reference = item.submission.as_ref().map(|s| s.reference.clone()).unwrap_or_default();
                    view! {
                        <div class="govuk-panel govuk-panel--confirmation">
                            <h1 class="govuk-panel__title">{td_string!(locale, sent.submitted)}</h1>
                            <div class="govuk-panel__body">{td_string!(locale, sent.your_reference)}<br /><strong>{reference}</strong></div>
                        </div>
                        <Whose person=person.clone() />
                    }.into_any()
                } else {
                    view! {
                        <A href=items_path attr:class="govuk-back-link">{td_string!(locale, record.dashboard.items_to_complete)}</A>
                        <Whose person=person.clone() />
                        <h1 class="govuk-heading-l">{form.title.in_language(language).to_owned()}</h1>
                    }.into_any()
                }}
                {facts}
                {note}
                {body}
            </div>
        </div>
    }
}

/// "Before you start", then Start now (or Continue, on the page last saved).
#[component]
fn Begin(item: ItemView, form: FormDefinition, filling: Filling) -> impl IntoView {
    let locale = use_locale();
    let navigate = use_navigate();
    let started = item.item.status == ItemStatus::InProgress;
    let intro = blocks(&form.before_you_start);
    let start = move |_| {
        let progress = Progress::sync_item(&item, &filling);
        let first = visible_pages(&form, &progress.answers, today())
            .first()
            .map(|p| p.id.clone());
        let page = item.page_id.clone().or(first);
        navigate(&resume_path(&filling, page.as_deref()), Default::default());
    };
    view! {
        <h2 class="govuk-heading-m">{td_string!(locale, wizard.before_you_start)}</h2>
        {intro}
        <ul class="govuk-list govuk-list--bullet">
            <li>{td_string!(locale, wizard.asterisk)}</li>
            <li>{td_string!(locale, record.items.save_to_come_back)}</li>
            <li>{td_string!(locale, wizard.sees_nothing)}</li>
        </ul>
        <button type="button" class="govuk-button govuk-button--start" data-module="govuk-button" on:click=start>
            {if started { td_string!(locale, form.continue_) } else { td_string!(locale, wizard.start_now) }}
            <svg class="govuk-button__start-icon" xmlns="http://www.w3.org/2000/svg" width="17.5" height="19" viewBox="0 0 33 40" aria-hidden="true" focusable="false">
                <path fill="currentColor" d="M0 0h13l20 20-20 20H0l20-20z" />
            </svg>
        </button>
    }
}
