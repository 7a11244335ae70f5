use leptos::prelude::*;
use leptos_router::hooks::{use_navigate, use_params_map};
use shared::api::{FieldErrors, Role, SetTeamsRequest, StaffMember, TeamQueueSummary};

use super::{Failed, load, staff_only};
use crate::api;
use crate::components::form::{ErrorSummary, submit};
use crate::components::title::set_page_title;
use crate::fill;
use crate::i18n::td_string;
use crate::session::use_session;

/// Administrators see every staff account, its teams, and whether it is switched on.
#[component]
pub fn StaffAccounts() -> impl IntoView {
    let locale = crate::boot::use_locale();
    set_page_title(td_string!(locale, staff.accounts.title));
    let loaded = load(|client| async move { client.staff_members().await });
    staff_only(move || {
        view! {
            <a href="/staff" class="govuk-back-link">{td_string!(locale, staff.common.council_work)}</a>
            <h1 class="govuk-heading-l">{td_string!(locale, staff.accounts.title)}</h1>
            <p class="govuk-body"><a href="/staff/accounts/new" class="govuk-link">{td_string!(locale, staff.accounts.add_title)}</a></p>
            <Transition fallback=move || view! { <p class="govuk-body">{td_string!(locale, staff.common.loading)}</p> }>
                {move || loaded.get().flatten().map(|loaded| match loaded {
                    Ok(members) => view! {
                        <table class="govuk-table">
                            <caption class="govuk-table__caption govuk-visually-hidden">{td_string!(locale, staff.accounts.title)}</caption>
                            <thead class="govuk-table__head"><tr class="govuk-table__row">
                                <th scope="col" class="govuk-table__header">{td_string!(locale, staff.common.name)}</th>
                                <th scope="col" class="govuk-table__header">{td_string!(locale, staff.common.email)}</th>
                                <th scope="col" class="govuk-table__header">{td_string!(locale, staff.common.teams)}</th>
                                <th scope="col" class="govuk-table__header">{td_string!(locale, staff.accounts.account)}</th>
                            </tr></thead>
                            <tbody class="govuk-table__body">
                                {members.into_iter().map(|m| view! {
                                    <tr class="govuk-table__row">
                                        <td class="govuk-table__cell"><a href=format!("/staff/accounts/{}", m.id) class="govuk-link">{m.name.clone()}</a></td>
                                        <td class="govuk-table__cell">{m.email.clone()}</td>
                                        <td class="govuk-table__cell">{m.teams.iter().map(|t| t.name.clone()).collect::<Vec<_>>().join(", ")}</td>
                                        <td class="govuk-table__cell">{if m.active { td_string!(locale, staff.accounts.on) } else { td_string!(locale, staff.accounts.switched_off) }}</td>
                                    </tr>
                                }).collect_view()}
                            </tbody>
                        </table>
                    }.into_any(),
                    Err(error) => view! { <Failed error=error /> }.into_any(),
                })}
            </Transition>
        }
    })
}

/// One member of staff: their teams, and switching the account off.
#[component]
pub fn StaffAccount() -> impl IntoView {
    let locale = crate::boot::use_locale();
    let params = use_params_map();
    let loaded = load(move |client| {
        let id = params.read().get("account_id").unwrap_or_default();
        async move {
            let members = client.staff_members().await?;
            let teams = client.team_queues().await?;
            let member = members
                .into_iter()
                .find(|m| m.id == id)
                .ok_or_else(api::ApiError::not_found)?;
            Ok((member, teams))
        }
    });
    staff_only(move || {
        view! {
            <Transition fallback=move || view! { <p class="govuk-body">{td_string!(locale, staff.common.loading)}</p> }>
                {move || loaded.get().flatten().map(|loaded| match loaded {
                    Ok((member, teams)) => view! { <Member member=member teams=teams /> }.into_any(),
                    Err(error) => view! { <Failed error=error /> }.into_any(),
                })}
            </Transition>
        }
    })
}

#[component]
fn Member(member: StaffMember, teams: Vec<TeamQueueSummary>) -> impl IntoView {
    set_page_title(&member.name);
    let locale = crate::boot::use_locale();
    let session = use_session();
    let navigate = use_navigate();
    let admin = session
        .account()
        .is_some_and(|a| a.role == Role::Administrator);
    let chosen = RwSignal::new(
        member
            .teams
            .iter()
            .map(|t| t.key.clone())
            .collect::<Vec<_>>(),
    );
    let errors = RwSignal::new(FieldErrors::new());
    let busy = RwSignal::new(false);
    let id = member.id.clone();
    let save = {
        let (id, navigate) = (id.clone(), navigate.clone());
        move |ev: leptos::ev::SubmitEvent| {
            ev.prevent_default();
            let request = SetTeamsRequest {
                teams: chosen.get(),
            };
            let (id, navigate) = (id.clone(), navigate.clone());
            let send = async move {
                let client = session.api();
                client.set_staff_teams(&id, &request).await
            };
            submit(errors, busy, FieldErrors::new(), send, move |_| {
                navigate("/staff/accounts", Default::default());
            });
        }
    };
    let switch_off = move |_| {
        let (id, navigate) = (id.clone(), navigate.clone());
        let send = async move {
            let client = session.api();
            client.switch_off_staff(&id).await
        };
        submit(errors, busy, FieldErrors::new(), send, move |_| {
            navigate("/staff/accounts", Default::default());
        });
    };
    view! {
        <a href="/staff/accounts" class="govuk-back-link">{td_string!(locale, staff.accounts.title)}</a>
        <ErrorSummary errors=errors />
        <span class="govuk-caption-l">{member.email.clone()}</span>
        <h1 class="govuk-heading-l">{member.name.clone()}</h1>
        {(!member.active).then(|| view! { <p class="govuk-body"><strong class="govuk-tag govuk-tag--grey">{td_string!(locale, staff.accounts.switched_off)}</strong></p> })}
        {if admin {
            view! {
                <form novalidate on:submit=save>
                    <div class="govuk-form-group">
                        <fieldset class="govuk-fieldset" aria-describedby="teams-hint">
                            <legend class="govuk-fieldset__legend govuk-fieldset__legend--m">{td_string!(locale, staff.common.teams)}</legend>
                            <div id="teams-hint" class="govuk-hint">{td_string!(locale, staff.accounts.teams_hint)}</div>
                            <div class="govuk-checkboxes" data-module="govuk-checkboxes">
                                {teams.into_iter().enumerate().map(|(i, t)| {
                                    let key = t.key.clone();
                                    let toggle = key.clone();
                                    let input_id = if i == 0 { "teams".to_owned() } else { format!("teams-{}", i + 1) };
                                    view! {
                                        <div class="govuk-checkboxes__item">
                                            <input class="govuk-checkboxes__input" id=input_id.clone() type="checkbox" value=t.key.clone()
                                                prop:checked=move || chosen.with(|c| c.contains(&key))
                                                on:change=move |ev| {
                                                    let on = event_target_checked(&ev);
                                                    chosen.update(|c| {
                                                        c.retain(|k| *k != toggle);
                                                        if on { c.push(toggle.clone()); }
                                                    });
                                                } />
                                            <label class="govuk-label govuk-checkboxes__label" for=input_id>{t.name}</label>
                                        </div>
                                    }
                                }).collect_view()}
                            </div>
                        </fieldset>
                    </div>
                    <button type="submit" class="govuk-button" data-module="govuk-button" disabled=move || busy.get()>{td_string!(locale, staff.accounts.save_teams)}</button>
                </form>
                {member.active.then(|| view! {
                    <h2 class="govuk-heading-m">{td_string!(locale, staff.accounts.switch_off_heading)}</h2>
                    <p class="govuk-body">{td_string!(locale, staff.accounts.switch_off_body)}</p>
                    <button type="button" class="govuk-button govuk-button--warning" data-module="govuk-button" on:click=switch_off.clone() disabled=move || busy.get()>{td_string!(locale, staff.accounts.switch_off)}</button>
                })}
            }.into_any()
        } else {
            view! {
                <p class="govuk-body">{fill(td_string!(locale, staff.accounts.teams_list), &[("teams", member.teams.iter().map(|t| t.name.clone()).collect::<Vec<_>>().join(", ").to_string())])}</p>
            }.into_any()
        }}
    }
}

/// Administrators add a member of staff, who sets a password through "Forgotten password?".
#[component]
pub fn NewStaffAccount() -> impl IntoView {
    let locale = crate::boot::use_locale();
    set_page_title(td_string!(locale, staff.accounts.add_title));
    let session = use_session();
    let navigate = use_navigate();
    let forename = RwSignal::new(String::new());
    let surname = RwSignal::new(String::new());
    let email = RwSignal::new(String::new());
    let administrator = RwSignal::new(false);
    let errors = RwSignal::new(FieldErrors::new());
    let busy = RwSignal::new(false);
    let add = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let request = shared::api::CreateStaffRequest {
            forename: forename.get(),
            surname: surname.get(),
            email: email.get().trim().to_owned(),
            role: if administrator.get() {
                Role::Administrator
            } else {
                Role::Staff
            },
        };
        let found = request.validate_in(crate::language_of(locale));
        let navigate = navigate.clone();
        let send = async move {
            let client = session.api();
            client.create_staff_account(&request).await
        };
        submit(errors, busy, found, send, move |account| {
            navigate(
                &format!("/staff/accounts/{}", account.id),
                Default::default(),
            );
        });
    };
    staff_only(move || {
        view! {
            <a href="/staff/accounts" class="govuk-back-link">{td_string!(locale, staff.accounts.title)}</a>
            <ErrorSummary errors=errors />
            <h1 class="govuk-heading-l">{td_string!(locale, staff.accounts.add_title)}</h1>
            <p class="govuk-body">{td_string!(locale, staff.accounts.add_intro)}</p>
            <form novalidate on:submit=add.clone()>
                <crate::components::form::TextInput name="forename" label=td_string!(locale, staff.common.first_name) value=forename errors=errors />
                <crate::components::form::TextInput name="surname" label=td_string!(locale, staff.common.last_name) value=surname errors=errors />
                <crate::components::form::TextInput name="email" label=td_string!(locale, staff.accounts.work_email) value=email errors=errors kind="email" />
                <div class="govuk-form-group">
                    <div class="govuk-checkboxes govuk-checkboxes--small" data-module="govuk-checkboxes">
                        <div class="govuk-checkboxes__item">
                            <input class="govuk-checkboxes__input" id="role" type="checkbox"
                                prop:checked=move || administrator.get() on:change=move |ev| administrator.set(event_target_checked(&ev)) />
                            <label class="govuk-label govuk-checkboxes__label" for="role">{td_string!(locale, staff.accounts.administrator)}</label>
                        </div>
                    </div>
                </div>
                <button type="submit" class="govuk-button" data-module="govuk-button" disabled=move || busy.get()>{td_string!(locale, staff.accounts.add)}</button>
            </form>
        }
    })
}
