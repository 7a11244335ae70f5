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
                    <p class="govuk-error-message"><span class="govuk-visually-hidden">"Error: "</span>{message}</p>
                })}
                <div class="govuk-date-input">
                    {part("", "Day", day, "govuk-input--width-2")}
                    {part("month", "Month", month, "govuk-input--width-2")}
                    {part("year", "Year", year, "govuk-input--width-4")}
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
    set_page_title("Give someone access");
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
        let found = request.validate(crate::pages::form::state::today());
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
            <a href=back.clone() class="govuk-back-link">"Back to the record"</a>
            <ErrorSummary errors=errors />
            <h1 class="govuk-heading-l">"Give someone access"</h1>
            <p class="govuk-body">"We email them an invitation. They see the record once they accept it, signed in with that address."</p>
            <form novalidate on:submit=invite.clone()>
                <TextInput name="email" label="Their email address" value=email errors=errors kind="email"
                    hint="They accept the invitation in their account, signed in with this address" />
                <div class=group_class(errors, "relationship")>
                    <fieldset class="govuk-fieldset">
                        <legend class="govuk-fieldset__legend">"Whose account is it?"</legend>
                        {field_error(errors, "relationship")}
                        <div class="govuk-radios govuk-radios--small" data-module="govuk-radios">
                            {radio("self", "The person's own", "relationship")}
                            {radio("proxy", "Someone who looks after them (a proxy)", "relationship-2")}
                        </div>
                    </fieldset>
                </div>
                {move || (relationship.get() == "proxy").then(|| view! {
                    <div class=group_class(errors, "legal_basis")>
                        <label class="govuk-label" for="legal_basis">"On what basis"</label>
                        {field_error(errors, "legal_basis")}
                        <select class="govuk-select" id="legal_basis" on:change=move |ev| basis.set(event_target_value(&ev))>
                            <option value="" selected=move || basis.get().is_empty()>"Choose"</option>
                            <option value="consent" selected=move || basis.get() == "consent">"The person's consent"</option>
                            <option value="lasting_power_of_attorney" selected=move || basis.get() == "lasting_power_of_attorney">"Lasting power of attorney"</option>
                            <option value="deputyship" selected=move || basis.get() == "deputyship">"Deputyship"</option>
                        </select>
                    </div>
                })}
                <button type="submit" class="govuk-button" data-module="govuk-button" disabled=move || busy.get()>"Send invitation"</button>
            </form>
        }
    })
}

/// A live link with a button that ends it.
#[component]
pub fn AccessRow(person_id: String, link: LinkView, version: RwSignal<u32>) -> impl IntoView {
    let session = use_session();
    let footing = match (link.relationship, link.legal_basis) {
        (Relationship::Own, _) => "their own account".to_owned(),
        (Relationship::Proxy, basis) => {
            format!("proxy, {}", basis.unwrap_or(LegalBasis::Consent).words())
        }
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
            <ConfirmButton label="End access" hidden=format!(" for {}", link.account_name)
                question=format!("{} will no longer see this record.", link.account_name) on_confirm=end />
        </li>
    }
}

/// Sends a citizen form to the person, from a team, to complete by a date.
#[component]
pub fn SendForm() -> impl IntoView {
    set_page_title("Send a form to complete");
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
            found.insert("form_id".into(), vec!["Choose a form".into()]);
        }
        if team.get().is_empty() {
            found.insert("team".into(), vec!["Choose the team sending it".into()]);
        }
        if due.is_none() {
            found.insert(
                "due_on".into(),
                vec!["Enter a real date, like 4 12 2026".into()],
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
            <p class="govuk-error-message"><span class="govuk-visually-hidden">"Error: "</span>{message}</p>
        })
        }
    };
    staff_only(move || {
        let send_form = send_form.clone();
        view! {
            <a href=back.clone() class="govuk-back-link">"Back to the record"</a>
            <ErrorSummary errors=errors />
            <h1 class="govuk-heading-l">"Send a form to complete"</h1>
            <p class="govuk-body">"It appears in their Items to complete, and everyone who can see the record is emailed that something is waiting. What they send comes back to the team you choose."</p>
            <Transition fallback=|| ()>
                {let send_form = send_form.clone(); move || choices.get().flatten().map(|(forms, teams)| view! {
                    <form novalidate on:submit=send_form.clone()>
                        <div class=group_class(errors, "form_id")>
                            <label class="govuk-label" for="form_id">"Form"</label>
                            {select_error("form_id")}
                            <select class="govuk-select" id="form_id" on:change=move |ev| form.set(event_target_value(&ev))>
                                <option value="" selected=move || form.get().is_empty()>"Choose a form"</option>
                                {forms.into_iter().filter(|f| f.audience == "citizen").map(|f| view! {
                                    <option value=f.id.clone()>{f.title}</option>
                                }).collect_view()}
                            </select>
                        </div>
                        <div class=group_class(errors, "team")>
                            <label class="govuk-label" for="team">"From"</label>
                            {select_error("team")}
                            <select class="govuk-select" id="team" on:change=move |ev| team.set(event_target_value(&ev))>
                                <option value="" selected=move || team.get().is_empty()>"Choose a team"</option>
                                {teams.into_iter().map(|t| view! { <option value=t.key.clone()>{t.name}</option> }).collect_view()}
                            </select>
                        </div>
                        <DateFields name="due_on" legend="Complete by" hint="For example, 4 12 2026" day=day month=month year=year errors=errors />
                        <div class="govuk-form-group">
                            <label class="govuk-label" for="note">"A note for them (optional)"</label>
                            <textarea class="govuk-textarea" id="note" rows="3"
                                prop:value=move || note.get() on:input=move |ev| note.set(event_target_value(&ev))></textarea>
                        </div>
                        <button type="submit" class="govuk-button" data-module="govuk-button" disabled=move || busy.get()>"Send form"</button>
                    </form>
                })}
            </Transition>
        }
    })
}

/// Records a professional working with the person.
#[component]
pub fn RecordInvolvement() -> impl IntoView {
    set_page_title("Record a professional working with them");
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
        let mut found = request.validate();
        if since.is_none() {
            found.insert(
                "since".into(),
                vec!["Enter a real date, like 4 11 2026".into()],
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
            <a href=back.clone() class="govuk-back-link">"Back to the record"</a>
            <ErrorSummary errors=errors />
            <h1 class="govuk-heading-l">"Record a professional working with them"</h1>
            <form novalidate on:submit=save.clone()>
                <TextInput name="name" label="Name" value=name errors=errors />
                <TextInput name="role" label="Role" value=role errors=errors hint="For example, Social worker" />
                <TextInput name="team" label="Team" value=team errors=errors />
                <TextInput name="phone" label="Phone number" value=phone errors=errors kind="tel" width_class="govuk-input--width-20" />
                <DateFields name="since" legend="Working with them since" hint="For example, 4 11 2026" day=day month=month year=year errors=errors />
                <button type="submit" class="govuk-button" data-module="govuk-button" disabled=move || busy.get()>"Record"</button>
            </form>
        }
    })
}

/// Creates a person's record.
#[component]
pub fn NewPerson() -> impl IntoView {
    set_page_title("Create a record");
    staff_only(|| view! { <PersonForm existing=None /> })
}

/// Corrects a person's details as the council holds them.
#[component]
pub fn EditPerson() -> impl IntoView {
    set_page_title("Change details");
    let person_id = person_in_path();
    let loaded = super::load(move |client| {
        let person_id = person_id.clone();
        async move { client.staff_person(&person_id).await }
    });
    staff_only(move || {
        view! {
            <Transition fallback=|| view! { <p class="govuk-body">"Loading"</p> }>
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
                    vec!["Enter a real date of birth, like 27 3 1941".into()],
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
        found.extend(request.validate(crate::pages::form::state::today()));
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
            <a href=back class="govuk-back-link">"Back"</a>
            <ErrorSummary errors=errors />
            <h1 class="govuk-heading-l">{if creating { "Create a record" } else { "Change details" }}</h1>
            <form novalidate on:submit=create>
                <TextInput name="forename" label="First name" value=forename errors=errors autocomplete="off" />
                <TextInput name="surname" label="Last name" value=surname errors=errors autocomplete="off" />
                <DateFields name="date_of_birth" legend="Date of birth (optional)" hint="For example, 27 3 1941" day=day month=month year=year errors=errors />
                <TextInput name="nhs_number" label="NHS number (optional)" value=nhs_number errors=errors hint="10 digits, like 943 476 5919" numeric=true width_class="govuk-input--width-10" autocomplete="off" />
                <TextInput name="address.line1" label="Address line 1 (optional)" value=line1 errors=errors />
                <TextInput name="address.line2" label="Address line 2 (optional)" value=line2 errors=errors />
                <TextInput name="address.town" label="Town or city" value=town errors=errors width_class="govuk-input--width-20" />
                <TextInput name="address.postcode" label="Postcode" value=postcode errors=errors width_class="govuk-input--width-10" />
                <TextInput name="email" label="Email address (optional)" value=email errors=errors kind="email" />
                <TextInput name="phone" label="Home phone (optional)" value=home_phone errors=errors kind="tel" width_class="govuk-input--width-20" />
                <TextInput name="mobile_phone" label="Mobile phone (optional)" value=mobile_phone errors=errors kind="tel" width_class="govuk-input--width-20" />
                <button type="submit" class="govuk-button" data-module="govuk-button" disabled=move || busy.get()>
                    {if creating { "Create record" } else { "Save details" }}
                </button>
            </form>
        }
    }
}
