//! GOV.UK form patterns: the error summary (focused when it appears), text inputs with their
//! errors, and the password policy checklist.

use leptos::html;
use leptos::prelude::*;
use shared::api::FieldErrors;
use shared::rules::PasswordRule;

/// The errors of a form, each linked to its field; focus moves here so screen reader users
/// hear what went wrong. Errors with an empty key are about the form as a whole.
#[component]
pub fn ErrorSummary(errors: RwSignal<FieldErrors>) -> impl IntoView {
    let summary = NodeRef::<html::Div>::new();
    Effect::new(move |_| {
        if !errors.with(FieldErrors::is_empty)
            && let Some(element) = summary.get()
        {
            let _ = element.focus();
        }
    });
    move || {
        let list = errors.get();
        (!list.is_empty()).then(|| {
            view! {
                <div class="govuk-error-summary" data-module="govuk-error-summary" node_ref=summary tabindex="-1">
                    <div role="alert">
                        <h2 class="govuk-error-summary__title">"There is a problem"</h2>
                        <div class="govuk-error-summary__body">
                            <ul class="govuk-list govuk-error-summary__list">
                                {list
                                    .into_iter()
                                    .flat_map(|(field, messages)| {
                                        messages.into_iter().map(move |message| (field.clone(), message))
                                    })
                                    .map(|(field, message)| {
                                        if field.is_empty() {
                                            view! { <li>{message}</li> }.into_any()
                                        } else {
                                            view! { <li><a href=format!("#{field}")>{message}</a></li> }.into_any()
                                        }
                                    })
                                    .collect_view()}
                            </ul>
                        </div>
                    </div>
                </div>
            }
        })
    }
}

/// A labelled text input whose id is the field name, so the summary's links reach it.
#[component]
pub fn TextInput(
    name: &'static str,
    label: &'static str,
    value: RwSignal<String>,
    errors: RwSignal<FieldErrors>,
    #[prop(default = "text")] kind: &'static str,
    #[prop(default = "off")] autocomplete: &'static str,
    #[prop(optional)] hint: Option<&'static str>,
    #[prop(optional)] width_class: Option<&'static str>,
    #[prop(optional)] numeric: bool,
) -> impl IntoView {
    let error = move || errors.with(|e| e.get(name).and_then(|m| m.first().cloned()));
    let hint_id = format!("{name}-hint");
    let error_id = format!("{name}-error");
    let described_by = {
        let hint_id = hint_id.clone();
        let error_id = error_id.clone();
        move || {
            let mut ids = Vec::new();
            if hint.is_some() {
                ids.push(hint_id.clone());
            }
            if error().is_some() {
                ids.push(error_id.clone());
            }
            (!ids.is_empty()).then(|| ids.join(" "))
        }
    };
    view! {
        <div class=move || if error().is_some() { "govuk-form-group govuk-form-group--error" } else { "govuk-form-group" }>
            <label class="govuk-label" for=name>{label}</label>
            {hint.map(|text| view! { <div id=hint_id.clone() class="govuk-hint">{text}</div> })}
            {move || error().map(|message| view! {
                <p id=error_id.clone() class="govuk-error-message">
                    <span class="govuk-visually-hidden">"Error: "</span>{message}
                </p>
            })}
            <input
                class=move || {
                    let mut class = String::from("govuk-input");
                    if let Some(width) = width_class {
                        class.push(' ');
                        class.push_str(width);
                    }
                    if error().is_some() {
                        class.push_str(" govuk-input--error");
                    }
                    class
                }
                id=name
                name=name
                type=kind
                autocomplete=autocomplete
                spellcheck="false"
                inputmode=numeric.then_some("numeric")
                aria-describedby=described_by
                prop:value=move || value.get()
                on:input=move |ev| value.set(event_target_value(&ev))
            />
        </div>
    }
}

/// The seed's password policy, ticking as each rule is met (the server applies the same rules).
#[component]
pub fn PasswordChecklist(password: RwSignal<String>, email: RwSignal<String>) -> impl IntoView {
    view! {
        <div class="govuk-inset-text" id="password-policy">
            <h2 class="govuk-heading-s">"Password policy"</h2>
            <p class="govuk-body">"Your password must meet the following requirements:"</p>
            <ul class="govuk-list app-checklist">
                {PasswordRule::ALL
                    .into_iter()
                    .map(|rule| {
                        let met = move || rule.is_met(&password.get(), &email.get()) && !password.with(String::is_empty);
                        view! {
                            <li class=move || if met() { "app-checklist__item app-checklist__item--met" } else { "app-checklist__item" }>
                                <span class="govuk-visually-hidden">{move || if met() { "Met: " } else { "Not yet met: " }}</span>
                                {rule.description()}
                            </li>
                        }
                    })
                    .collect_view()}
            </ul>
        </div>
    }
}

/// Sends a form the GOV.UK way: errors found in the browser show at once and nothing is sent;
/// otherwise `send` runs (once: `busy` disables the button meanwhile), its success goes to
/// `done`, and the server's errors show in the summary and beside the fields.
pub fn submit<T: 'static>(
    errors: RwSignal<FieldErrors>,
    busy: RwSignal<bool>,
    found: FieldErrors,
    send: impl std::future::Future<Output = Result<T, crate::api::ApiError>> + 'static,
    done: impl FnOnce(T) + 'static,
) {
    if !found.is_empty() {
        errors.set(found);
        return;
    }
    if busy.get_untracked() {
        return;
    }
    busy.set(true);
    leptos::task::spawn_local(async move {
        match send.await {
            Ok(value) => {
                errors.set(FieldErrors::new());
                done(value);
            }
            Err(error) => errors.set(error.field_errors()),
        }
        busy.set(false);
    });
}
