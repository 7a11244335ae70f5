//! What staff do from a person's record, a page each (GOV.UK: one thing per page): give
//! someone access by invitation, send a form to complete, record a professional's involvement,
//! create a record; and the button that ends someone's access.

use chrono::NaiveDate;
use leptos::prelude::*;
use leptos_router::hooks::{use_navigate, use_params_map};
use shared::api::{
    CreateInvolvementRequest, CreateLinkRequest, FieldErrors, LegalBasis, LinkView, Relationship,
    SendItemRequest,
};

use super::staff_only;
use crate::api;
use crate::components::confirm::ConfirmButton;
use crate::components::form::{ErrorSummary, TextInput, field_error, group_class, submit};
use crate::components::title::set_page_title;
use crate::i18n::td_string;
use crate::labels::legal_basis;
use crate::session::use_session;

/// The person the page is about, from its address.
fn person_in_path() -> String {
    use_params_map()
        .read_untracked()
        .get("person_id")
        .unwrap_or_default()
}

/// Goes back to the person's record once the action is done.
fn back_to_record(person_id: &str) -> impl Fn() + Clone + 'static + use<> {
    let navigate = use_navigate();
    let path = format!("/staff/people/{person_id}");
    move || navigate(&path, Default::default())
}

/// Day, month and year as GOV.UK asks for a date.
#[component]
pub fn DateFields(
    name: &'static str,
    legend: &'static str,
    hint: &'static str,
    day: RwSignal<String>,
    month: RwSignal<String>,
    year: RwSignal<String>,
    errors: RwSignal<FieldErrors>,
) -> impl IntoView {
    let locale = crate::boot::use_locale();
    let error = move || errors.with(|e| e.get(name).and_then(|m| m.first().cloned()));
    let part = move |suffix: &'static str,
                     label: &'static str,
                     value: RwSignal<String>,
                     width: &'static str| {
        let id = if suffix.is_empty() {
            name.to_owned()
        } else {
            format!("{name}-{suffix}")
        };
        view! {
            <div class="govuk-date-input__item">
                <div class="govuk-form-group">
                    <label class="govuk-label govuk-date-input__label" for=id.clone()>{label}</label>
                    <input class=move || format!("govuk-input govuk-date-input__input {width}{}", if error().is_some() { " govuk-input--error" } else { "" })
                        id=id.clone() name=id type="text" inputmode="numeric"
                        prop:value=move || value.get() on:input=move |ev| value.set(event_target_value(&ev)) />
                </div>
            </div>
        }
    };
    view! {
        <div class=move || if error().is_some() { "govuk-form-group govuk-form-group--error" } else { "govuk-form-group" }>
            <fieldset class="govuk-fieldset" role="group" aria-describedby=format!("{name}-hint")>
                <legend class="govuk-fieldset__legend">{legend}</legend>
                <div id=format!("{name}-hint") class="govuk-hint">{hint}</div>
                {move || error().map(|message| view! {
                    <p class="govuk-error-message"><span class="govuk-visually-hidden">{td_string!(locale, staff.common.error_prefix)}</span>{message}</p>
                })}
                <div class="govuk-date-input">
                    {part("", td_string!(locale, staff.actions.day), day, "govuk-input--width-2")}
                    {part("month", td_string!(locale, staff.actions.month), month, "govuk-input--width-2")}
                    {part("year", td_string!(locale, staff.actions.year), year, "govuk-input--width-4")}
                </div>
            </fieldset>
        </div>
    }
}

/// The date typed, if it is a real one.
pub fn date_of(day: &str, month: &str, year: &str) -> Option<NaiveDate> {
    NaiveDate::from_ymd_opt(
        year.trim().parse().ok()?,
        month.trim().parse().ok()?,
        day.trim().parse().ok()?,
    )
}

/// Invites an email address to see the record; the account holder accepts it in their account.
#[component]
pub fn GiveAccess() -> impl IntoView {
    let locale = crate::boot::use_locale();
    set_page_title(td_string!(locale, staff.actions.give_access));
    let person_id = person_in_path();
    let done = back_to_record(&person_id);
    let back = format!("/staff/people/{person_id}");
    let session = use_session();
    let email = RwSignal::new(String::new());
    let relationship = RwSignal::new(String::new());
    let basis = RwSignal::new(String::new());
    let errors = RwSignal::new(FieldErrors::new());
    let busy = RwSignal::new(false);
    let invite = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let request = CreateLinkRequest {
            email: email.get().trim().to_owned(),
            relationship: relationship.get(),
            legal_basis: Some(basis.get())
                .filter(|b| !b.is_empty() && relationship.get() == "proxy"),
            ends_on: None,
        };
        let found = request.validate_in(
            crate::pages::form::state::today(),
            crate::language_of(locale),
        );
        let person_id = person_id.clone();
        let send = async move {
            let client = session.api();
            client.invite(&person_id, &request).await
        };
        let done = done.clone();
        submit(errors, busy, found, send, move |_| done());
    };
    let radio = move |value: &'static str, label: &'static str, id: &'static str| {
        view! {
            <div class="govuk-radios__item">
                <input class="govuk-radios__input" id=id name="relationship" type="radio" value=value
                    prop:checked=move || relationship.get() == value on:change=move |_| relationship.set(value.to_owned()) />
                <label class="govuk-label govuk-radios__label" for=id>{label}</label>
            </div>
        }
    };
    staff_only(move || {
        view! {
            <a href=back.clone() class="govuk-back-link">{td_string!(locale, staff.actions.back_to_record)}</a>
            <ErrorSummary errors=errors />
            <h1 class="govuk-heading-l">{td_string!(locale, staff.actions.give_access)}</h1>
            <p class="govuk-body">{td_string!(locale, staff.actions.give_access_intro)}</p>
            <form novalidate on:submit=invite.clone()>
                <TextInput name="email" label=td_string!(locale, staff.actions.their_email) value=email errors=errors kind="email"
                    hint=td_string!(locale, staff.actions.their_email_hint) />
                <div class=group_class(errors, "relationship")>
                    <fieldset class="govuk-fieldset">
                        <legend class="govuk-fieldset__legend">{td_string!(locale, staff.actions.whose_account)}</legend>
                        {field_error(errors, "relationship")}
                        <div class="govuk-radios govuk-radios--small" data-module="govuk-radios">
                            {radio("self", td_string!(locale, staff.actions.persons_own), "relationship")}
                            {radio("proxy", td_string!(locale, staff.actions.a_proxy), "relationship-2")}
                        </div>
                    </fieldset>
                </div>
                {move || (relationship.get() == "proxy").then(|| view! {
                    <div class=group_class(errors, "legal_basis")>
                        <label class="govuk-label" for="legal_basis">{td_string!(locale, staff.actions.on_what_basis)}</label>
                        {field_error(errors, "legal_basis")}
                        <select class="govuk-select" id="legal_basis" on:change=move |ev| basis.set(event_target_value(&ev))>
                            <option value="" selected=move || basis.get().is_empty()>{td_string!(locale, staff.actions.choose)}</option>
                            <option value="consent" selected=move || basis.get() == "consent">{td_string!(locale, staff.actions.basis_consent)}</option>
                            <option value="lasting_power_of_attorney" selected=move || basis.get() == "lasting_power_of_attorney">{td_string!(locale, staff.actions.basis_attorney)}</option>
                            <option value="deputyship" selected=move || basis.get() == "deputyship">{td_string!(locale, staff.actions.basis_deputyship)}</option>
                        </select>
                    </div>
                })}
                <button type="submit" class="govuk-button" data-module="govuk-button" disabled=move || busy.get()>{td_string!(locale, staff.actions.send_invitation)}</button>
            </form>
        }
    })
}

/// A live link with a button that ends it.
#[component]
pub fn AccessRow(person_id: String, link: LinkView, version: RwSignal<u32>) -> impl IntoView {
    let locale = crate::boot::use_locale();
    let session = use_session();
    let footing = match (link.relationship, link.legal_basis) {
        (Relationship::Own, _) => td_string!(locale, staff.common.own_account).to_owned(),
        (Relationship::Proxy, basis) => format!(
            "{}{}",
            td_string!(locale, staff.common.proxy),
            legal_basis(locale, basis.unwrap_or(LegalBasis::Consent))
        ),
    };
    let id = link.id.clone();
    let end = Callback::new(move |_| {
        let (person_id, id) = (person_id.clone(), id.clone());
        leptos::task::spawn_local(async move {
            let ended = async {
                let client = session.api();
                client.end_link(&person_id, &id).await
            }
            .await;
            if ended.is_ok() {
                version.update(|v| *v += 1);
            }
        });
    });
    view! {
        <li>
            {format!("{} ({}) — {footing} ", link.account_name, link.email)}
            <ConfirmButton label=td_string!(locale, staff.actions.end_access)
                hidden=format!("{}{}", td_string!(locale, staff.actions.end_access_hidden), link.account_name)
                question=format!(
                    "{}{}{}",
                    td_string!(locale, staff.actions.end_access_before),
                    link.account_name,
                    td_string!(locale, staff.actions.end_access_after)
                )
                on_confirm=end />
        </li>
    }
}

/// Sends a citizen form to the person, from a team, to complete by a date.
#[component]
pub fn SendForm() -> impl IntoView {
    let locale = crate::boot::use_locale();
    set_page_title(td_string!(locale, staff.actions.send_form_title));
    let person_id = person_in_path();
    let done = back_to_record(&person_id);
    let back = format!("/staff/people/{person_id}");
    let session = use_session();
    let choices = LocalResource::new(move || async move {
        let client = session.api();
        let forms = api::forms().await.ok()?;
        let teams = client.team_queues().await.ok()?;
        Some((forms, teams))
    });
    let form = RwSignal::new(String::new());
    let team = RwSignal::new(String::new());
    let (day, month, year) = (
        RwSignal::new(String::new()),
        RwSignal::new(String::new()),
        RwSignal::new(String::new()),
    );
    let note = RwSignal::new(String::new());
    let errors = RwSignal::new(FieldErrors::new());
    let busy = RwSignal::new(false);
    let send_form = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let due = date_of(&day.get(), &month.get(), &year.get());
        let mut found = FieldErrors::new();
        if form.get().is_empty() {
            found.insert(
                "form_id".into(),
                vec![td_string!(locale, staff.actions.choose_form).into()],
            );
        }
        if team.get().is_empty() {
            found.insert(
                "team".into(),
                vec![td_string!(locale, staff.actions.choose_sending_team).into()],
            );
        }
        if due.is_none() {
            found.insert(
                "due_on".into(),
                vec![td_string!(locale, staff.actions.real_due_date).into()],
            );
        }
        let request = SendItemRequest {
            form_id: form.get(),
            team: team.get(),
            due_on: due.unwrap_or_default(),
            note: Some(note.get()).filter(|n| !n.trim().is_empty()),
        };
        if found.is_empty() {
            found = request.validate(crate::pages::form::state::today());
        }
        let person_id = person_id.clone();
        let send = async move {
            let client = session.api();
            client.send_item(&person_id, &request).await
        };
        let done = done.clone();
        submit(errors, busy, found, send, move |_| done());
    };
    let select_error = move |key: &'static str| {
        move || {
            errors.with(|e| e.get(key).and_then(|m| m.first().cloned())).map(|message| view! {
            <p class="govuk-error-message"><span class="govuk-visually-hidden">{td_string!(locale, staff.common.error_prefix)}</span>{message}</p>
        })
        }
    };
    staff_only(move || {
        let send_form = send_form.clone();
        view! {
            <a href=back.clone() class="govuk-back-link">{td_string!(locale, staff.actions.back_to_record)}</a>
            <ErrorSummary errors=errors />
            <h1 class="govuk-heading-l">{td_string!(locale, staff.actions.send_form_title)}</h1>
            <p class="govuk-body">{td_string!(locale, staff.actions.send_form_intro)}</p>
            <Transition fallback=|| ()>
                {let send_form = send_form.clone(); move || choices.get().flatten().map(|(forms, teams)| view! {
                    <form novalidate on:submit=send_form.clone()>
                        <div class=group_class(errors, "form_id")>
                            <label class="govuk-label" for="form_id">{td_string!(locale, staff.common.form)}</label>
                            {select_error("form_id")}
                            <select class="govuk-select" id="form_id" on:change=move |ev| form.set(event_target_value(&ev))>
                                <option value="" selected=move || form.get().is_empty()>{td_string!(locale, staff.actions.choose_form)}</option>
                                {forms.into_iter().filter(|f| f.audience == "citizen").map(|f| view! {
                                    <option value=f.id.clone()>{f.title}</option>
                                }).collect_view()}
                            </select>
                        </div>
                        <div class=group_class(errors, "team")>
                            <label class="govuk-label" for="team">{td_string!(locale, staff.actions.from)}</label>
                            {select_error("team")}
                            <select class="govuk-select" id="team" on:change=move |ev| team.set(event_target_value(&ev))>
                                <option value="" selected=move || team.get().is_empty()>{td_string!(locale, staff.common.choose_team)}</option>
                                {teams.into_iter().map(|t| view! { <option value=t.key.clone()>{t.name}</option> }).collect_view()}
                            </select>
                        </div>
                        <DateFields name="due_on" legend=td_string!(locale, staff.actions.complete_by) hint=td_string!(locale, staff.actions.complete_by_hint) day=day month=month year=year errors=errors />
                        <div class="govuk-form-group">
                            <label class="govuk-label" for="note">{td_string!(locale, staff.actions.note_for_them)}</label>
                            <textarea class="govuk-textarea" id="note" rows="3"
                                prop:value=move || note.get() on:input=move |ev| note.set(event_target_value(&ev))></textarea>
                        </div>
                        <button type="submit" class="govuk-button" data-module="govuk-button" disabled=move || busy.get()>{td_string!(locale, staff.actions.send_form)}</button>
                    </form>
                })}
            </Transition>
        }
    })
}

/// Records a professional working with the person.
#[component]
pub fn RecordInvolvement() -> impl IntoView {
    let locale = crate::boot::use_locale();
    set_page_title(td_string!(locale, staff.actions.record_professional));
    let person_id = person_in_path();
    let done = back_to_record(&person_id);
    let back = format!("/staff/people/{person_id}");
    let session = use_session();
    let (name, role, team, phone) = (
        RwSignal::new(String::new()),
        RwSignal::new(String::new()),
        RwSignal::new(String::new()),
        RwSignal::new(String::new()),
    );
    let (day, month, year) = (
        RwSignal::new(String::new()),
        RwSignal::new(String::new()),
        RwSignal::new(String::new()),
    );
    let errors = RwSignal::new(FieldErrors::new());
    let busy = RwSignal::new(false);
    let save = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let since = date_of(&day.get(), &month.get(), &year.get());
        let request = CreateInvolvementRequest {
            name: name.get(),
            role: role.get(),
            team: team.get(),
            phone: Some(phone.get()).filter(|p| !p.trim().is_empty()),
            email: None,
            since: since.unwrap_or_default(),
        };
        let mut found = request.validate_in(crate::language_of(locale));
        if since.is_none() {
            found.insert(
                "since".into(),
                vec![td_string!(locale, staff.actions.real_since_date).into()],
            );
        }
        let person_id = person_id.clone();
        let send = async move {
            let client = session.api();
            client.create_involvement(&person_id, &request).await
        };
        let done = done.clone();
        submit(errors, busy, found, send, move |_| done());
    };
    staff_only(move || {
        view! {
            <a href=back.clone() class="govuk-back-link">{td_string!(locale, staff.actions.back_to_record)}</a>
            <ErrorSummary errors=errors />
            <h1 class="govuk-heading-l">{td_string!(locale, staff.actions.record_professional)}</h1>
            <form novalidate on:submit=save.clone()>
                <TextInput name="name" label=td_string!(locale, staff.common.name) value=name errors=errors />
                <TextInput name="role" label=td_string!(locale, staff.actions.role) value=role errors=errors hint=td_string!(locale, staff.actions.role_hint) />
                <TextInput name="team" label=td_string!(locale, staff.common.team) value=team errors=errors />
                <TextInput name="phone" label=td_string!(locale, staff.actions.phone_number) value=phone errors=errors kind="tel" width_class="govuk-input--width-20" />
                <DateFields name="since" legend=td_string!(locale, staff.actions.since) hint=td_string!(locale, staff.actions.since_hint) day=day month=month year=year errors=errors />
                <button type="submit" class="govuk-button" data-module="govuk-button" disabled=move || busy.get()>{td_string!(locale, staff.actions.record)}</button>
            </form>
        }
    })
}

/// Creates a person's record.
#[component]
pub fn NewPerson() -> impl IntoView {
    let locale = crate::boot::use_locale();
    set_page_title(td_string!(locale, staff.actions.create_title));
    staff_only(|| view! { <PersonForm existing=None /> })
}

/// Corrects a person's details as the council holds them.
#[component]
pub fn EditPerson() -> impl IntoView {
    let locale = crate::boot::use_locale();
    set_page_title(td_string!(locale, staff.common.change_details));
    let person_id = person_in_path();
    let loaded = super::load(move |client| {
        let person_id = person_id.clone();
        async move { client.staff_person(&person_id).await }
    });
    staff_only(move || {
        view! {
            <Transition fallback=move || view! { <p class="govuk-body">{td_string!(locale, staff.common.loading)}</p> }>
                {move || loaded.get().flatten().map(|loaded| match loaded {
                    Ok(record) => view! { <PersonForm existing=Some(record.details) /> }.into_any(),
                    Err(error) => view! { <super::Failed error=error /> }.into_any(),
                })}
            </Transition>
        }
    })
}

/// A person's details: empty to create a record, filled in to correct one.
#[component]
fn PersonForm(existing: Option<shared::api::PersonDetails>) -> impl IntoView {
    let locale = crate::boot::use_locale();
    let session = use_session();
    let navigate = use_navigate();
    let start = |value: Option<String>| RwSignal::new(value.unwrap_or_default());
    let address = existing.as_ref().and_then(|p| p.address.clone());
    let forename = start(existing.as_ref().map(|p| p.forename.clone()));
    let surname = start(existing.as_ref().map(|p| p.surname.clone()));
    let line1 = start(address.as_ref().map(|a| a.line1.clone()));
    let line2 = start(address.as_ref().and_then(|a| a.line2.clone()));
    let town = start(address.as_ref().map(|a| a.town.clone()));
    let postcode = start(address.as_ref().map(|a| a.postcode.clone()));
    let email = start(existing.as_ref().and_then(|p| p.email.clone()));
    let home_phone = start(existing.as_ref().and_then(|p| p.home_phone.clone()));
    let mobile_phone = start(existing.as_ref().and_then(|p| p.mobile_phone.clone()));
    let nhs_number = start(existing.as_ref().and_then(|p| {
        p.nhs_number
            .as_deref()
            .map(shared::rules::nhs_number_spaced)
    }));
    let born = existing.as_ref().and_then(|p| p.date_of_birth);
    let day = start(born.map(|d| d.format("%-d").to_string()));
    let month = start(born.map(|d| d.format("%-m").to_string()));
    let year = start(born.map(|d| d.format("%Y").to_string()));
    let existing_id = existing.as_ref().map(|p| p.id.clone());
    let back = existing_id.as_ref().map_or_else(
        || "/staff/people".to_owned(),
        |id| format!("/staff/people/{id}"),
    );
    let creating = existing_id.is_none();
    let errors = RwSignal::new(FieldErrors::new());
    let busy = RwSignal::new(false);
    let create = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let typed = |s: RwSignal<String>| Some(s.get()).filter(|v| !v.trim().is_empty());
        let mut found = FieldErrors::new();
        let date_of_birth = if [day, month, year].iter().all(|s| s.get().trim().is_empty()) {
            None
        } else {
            let date = date_of(&day.get(), &month.get(), &year.get());
            if date.is_none() {
                found.insert(
                    "date_of_birth".into(),
                    vec![td_string!(locale, staff.actions.real_date_of_birth).into()],
                );
            }
            date
        };
        let address = (typed(line1).is_some()
            || typed(town).is_some()
            || typed(postcode).is_some())
        .then(|| shared::api::AddressView {
            line1: line1.get(),
            line2: typed(line2),
            town: town.get(),
            postcode: postcode.get(),
        });
        let request = shared::api::CreatePersonRequest {
            forename: forename.get(),
            surname: surname.get(),
            date_of_birth,
            nhs_number: typed(nhs_number),
            address,
            email: typed(email),
            home_phone: typed(home_phone),
            mobile_phone: typed(mobile_phone),
        };
        found.extend(request.validate_in(
            crate::pages::form::state::today(),
            crate::language_of(locale),
        ));
        let navigate = navigate.clone();
        let existing_id = existing_id.clone();
        let send = async move {
            let client = session.api();
            match existing_id {
                Some(id) => client.update_person(&id, &request).await,
                None => client.create_person(&request).await,
            }
        };
        submit(errors, busy, found, send, move |person| {
            navigate(&format!("/staff/people/{}", person.id), Default::default());
        });
    };
    {
        view! {
            <a href=back class="govuk-back-link">{td_string!(locale, staff.actions.back)}</a>
            <ErrorSummary errors=errors />
            <h1 class="govuk-heading-l">{if creating { td_string!(locale, staff.actions.create_title) } else { td_string!(locale, staff.common.change_details) }}</h1>
            <form novalidate on:submit=create>
                <TextInput name="forename" label=td_string!(locale, staff.common.first_name) value=forename errors=errors autocomplete="off" />
                <TextInput name="surname" label=td_string!(locale, staff.common.last_name) value=surname errors=errors autocomplete="off" />
                <DateFields name="date_of_birth" legend=td_string!(locale, staff.actions.date_of_birth_optional) hint=td_string!(locale, staff.actions.date_of_birth_hint) day=day month=month year=year errors=errors />
                <TextInput name="nhs_number" label=td_string!(locale, staff.actions.nhs_number_optional) value=nhs_number errors=errors hint=td_string!(locale, staff.actions.nhs_number_hint) numeric=true width_class="govuk-input--width-10" autocomplete="off" />
                <TextInput name="address.line1" label=td_string!(locale, staff.actions.line1) value=line1 errors=errors />
                <TextInput name="address.line2" label=td_string!(locale, staff.actions.line2) value=line2 errors=errors />
                <TextInput name="address.town" label=td_string!(locale, staff.actions.town) value=town errors=errors width_class="govuk-input--width-20" />
                <TextInput name="address.postcode" label=td_string!(locale, staff.common.postcode) value=postcode errors=errors width_class="govuk-input--width-10" />
                <TextInput name="email" label=td_string!(locale, staff.actions.email_optional) value=email errors=errors kind="email" />
                <TextInput name="phone" label=td_string!(locale, staff.actions.home_phone) value=home_phone errors=errors kind="tel" width_class="govuk-input--width-20" />
                <TextInput name="mobile_phone" label=td_string!(locale, staff.actions.mobile_phone) value=mobile_phone errors=errors kind="tel" width_class="govuk-input--width-20" />
                <button type="submit" class="govuk-button" data-module="govuk-button" disabled=move || busy.get()>
                    {if creating { td_string!(locale, staff.actions.create_record) } else { td_string!(locale, staff.actions.save_details) }}
                </button>
            </form>
        }
    }
}
