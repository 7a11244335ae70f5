//! GOV.UK form patterns: the error summary (focused when it appears), text inputs with their
//! errors, and the password policy checklist.

use leptos::html;
use leptos::prelude::*;
use shared::api::FieldErrors;
use shared::rules::PasswordRule;
use wasm_bindgen::JsCast;

use crate::boot::use_locale;
use crate::i18n::{Locale, td_string};

/// The errors of a form, each linked to its field, in the order the fields appear on the page;
/// focus moves here so screen reader users hear what went wrong, and the browser tab's title
/// starts "Error: " while there are errors. Choosing a link focuses the field and keeps its
/// label (or its fieldset's legend) in view, as GOV.UK Frontend does. Errors with an empty key
/// are about the form as a whole.
#[component]
pub fn ErrorSummary(errors: RwSignal<FieldErrors>) -> impl IntoView {
    let summary = NodeRef::<html::Div>::new();
    let locale = use_locale();
    Effect::new(move |_| {
        let any = !errors.with(FieldErrors::is_empty);
        mark_title(locale, any);
        if any && let Some(element) = summary.get() {
            let _ = element.focus();
        }
    });
    on_cleanup(move || mark_title(locale, false));
    move || {
        let list = errors.get();
        (!list.is_empty()).then(|| {
            let mut entries: Vec<(String, String)> = list
                .into_iter()
                .flat_map(|(field, messages)| {
                    messages.into_iter().map(move |message| (field.clone(), message))
                })
                .collect();
            // Stable: a field's own messages keep their order; unplaced ones go last.
            entries.sort_by(|(a, _), (b, _)| page_order(a, b));
            view! {
                <div class="govuk-error-summary" data-module="govuk-error-summary" node_ref=summary tabindex="-1">
                    <div role="alert">
                        <h2 class="govuk-error-summary__title">{td_string!(use_locale(), form.there_is_a_problem)}</h2>
                        <div class="govuk-error-summary__body">
                            <ul class="govuk-list govuk-error-summary__list">
                                {entries
                                    .into_iter()
                                    .map(|(field, message)| {
                                        if field.is_empty() {
                                            view! { <li>{message}</li> }.into_any()
                                        } else {
                                            let target = field.clone();
                                            let go = move |ev: leptos::ev::MouseEvent| {
                                                if focus_field(&target) {
                                                    ev.prevent_default();
                                                }
                                            };
                                            view! { <li><a href=format!("#{field}") on:click=go>{message}</a></li> }.into_any()
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

/// Adds or removes "Error: " ("Gwall: ") at the start of the browser tab's title.
fn mark_title(locale: Locale, errors: bool) {
    let Some(document) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    let prefix = td_string!(locale, form.error);
    let title = document.title();
    let bare = title.strip_prefix(prefix).unwrap_or(&title);
    let wanted = if errors {
        format!("{prefix}{bare}")
    } else {
        bare.to_owned()
    };
    if wanted != title {
        document.set_title(&wanted);
    }
}

/// Which of two fields (by id) comes first on the page; a field not on the page comes last.
fn page_order(a: &str, b: &str) -> std::cmp::Ordering {
    use std::cmp::Ordering;
    let element = |id: &str| {
        web_sys::window()
            .and_then(|w| w.document())
            .and_then(|d| d.get_element_by_id(id))
    };
    match (element(a), element(b)) {
        (Some(a), Some(b)) if a.is_same_node(Some(&b)) => Ordering::Equal,
        (Some(a), Some(b)) => {
            let following =
                a.compare_document_position(&b) & web_sys::Node::DOCUMENT_POSITION_FOLLOWING;
            if following == 0 {
                Ordering::Greater
            } else {
                Ordering::Less
            }
        }
        (Some(_), None) => Ordering::Less,
        (None, Some(_)) => Ordering::Greater,
        (None, None) => Ordering::Equal,
    }
}

/// Focuses the field with this id, first scrolling its legend or label into view (the field
/// alone would sit at the top of the window with the question that explains it scrolled
/// away). False when there is no such field, so the link's own jump still happens.
fn focus_field(field: &str) -> bool {
    let Some(document) = web_sys::window().and_then(|w| w.document()) else {
        return false;
    };
    let Some(input) = document
        .get_element_by_id(field)
        .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
    else {
        return false;
    };
    let legend = input
        .closest("fieldset")
        .ok()
        .flatten()
        .and_then(|fieldset| fieldset.query_selector("legend").ok().flatten());
    let label = || {
        let labels = document.get_elements_by_tag_name("label");
        (0..labels.length())
            .filter_map(|index| labels.item(index))
            .find(|label| label.get_attribute("for").as_deref() == Some(field))
    };
    match legend.or_else(label) {
        Some(caption) => caption.scroll_into_view(),
        None => input.scroll_into_view(),
    }
    let options = web_sys::FocusOptions::new();
    options.set_prevent_scroll(true);
    input.focus_with_options(&options).is_ok()
}

/// The GOV.UK warning text: something to know that does not stop anything.
#[component]
pub fn WarningText(message: String) -> impl IntoView {
    view! {
        <div class="govuk-warning-text">
            <span class="govuk-warning-text__icon" aria-hidden="true">"!"</span>
            <strong class="govuk-warning-text__text">
                <span class="govuk-visually-hidden">{td_string!(use_locale(), form.warning)}</span>
                {message}
            </strong>
        </div>
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
                    <span class="govuk-visually-hidden">{td_string!(use_locale(), form.error)}</span>{message}
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
    let locale = use_locale();
    // The rules' words live with the rules, so the checklist and the error a broken rule
    // gives read the same.
    let language = crate::boot::use_language();
    view! {
        <div class="govuk-inset-text" id="password-policy">
            <h2 class="govuk-heading-s">{td_string!(locale, form.password_policy)}</h2>
            <p class="govuk-body">{td_string!(locale, form.password_must)}</p>
            <ul class="govuk-list app-checklist">
                {PasswordRule::ALL
                    .into_iter()
                    .map(|rule| {
                        let met = move || rule.is_met(&password.get(), &email.get()) && !password.with(String::is_empty);
                        view! {
                            <li class=move || if met() { "app-checklist__item app-checklist__item--met" } else { "app-checklist__item" }>
                                <span class="govuk-visually-hidden">{move || if met() { td_string!(locale, form.met) } else { td_string!(locale, form.not_yet_met) }}</span>
                                {rule.description_in(language)}
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

/// The field's first error, as GOV.UK shows it above the input (`{field}-error`, for the
/// input's `aria-describedby`); nothing while it has none. One function for every field, so
/// the browser app carries its code once.
pub fn field_error(errors: RwSignal<FieldErrors>, field: &'static str) -> impl IntoView {
    move || {
        errors
            .with(|e| e.get(field).and_then(|m| m.first().cloned()))
            .map(|message| {
                view! {
                    <p id=format!("{field}-error") class="govuk-error-message">
                        <span class="govuk-visually-hidden">{td_string!(use_locale(), form.error)}</span>{message}
                    </p>
                }
            })
    }
}

/// A form group's class: marked as in error while its field has one.
pub fn group_class(
    errors: RwSignal<FieldErrors>,
    field: &'static str,
) -> impl Fn() -> &'static str + Copy {
    move || {
        if errors.with(|e| e.contains_key(field)) {
            "govuk-form-group govuk-form-group--error"
        } else {
            "govuk-form-group"
        }
    }
}
