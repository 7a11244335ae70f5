//! A button that ends something (access to a record, an invitation, a document) asks first:
//! the first press shows what will happen with a red "Yes" button and "Cancel", and only the
//! second acts. Focus moves to the question, so a keyboard or screen reader user hears it.

use leptos::prelude::*;

use crate::boot::use_locale;
use crate::i18n::td_string;

/// `label` says the action ("End access"), `hidden` what it acts on for screen readers
/// (" for Sarah Okafor"), `question` what will happen ("Sarah Okafor will no longer see
/// Joseph's record.").
#[component]
pub fn ConfirmButton(
    label: &'static str,
    hidden: String,
    question: String,
    on_confirm: Callback<()>,
) -> impl IntoView {
    let locale = use_locale();
    let asking = RwSignal::new(false);
    let asked = NodeRef::<leptos::html::Span>::new();
    Effect::new(move |_| {
        if let Some(question) = asked.get() {
            let _ = question.focus();
        }
    });
    move || {
        let hidden = hidden.clone();
        if asking.get() {
            view! {
                <span class="govuk-body govuk-!-font-weight-bold" tabindex="-1" node_ref=asked>{question.clone()}</span>
                " "
                <button type="button" class="govuk-button govuk-button--warning govuk-!-margin-bottom-0" data-module="govuk-button"
                    on:click=move |_| { asking.set(false); on_confirm.run(()); }>
                    {td_string!(locale, form.confirm_yes)}{label.to_lowercase()}<span class="govuk-visually-hidden">{hidden.clone()}</span>
                </button>
                " "
                <button type="button" class="app-link-button govuk-link" on:click=move |_| asking.set(false)>
                    {td_string!(locale, form.cancel)}<span class="govuk-visually-hidden">{hidden}</span>
                </button>
            }
            .into_any()
        } else {
            view! {
                <button type="button" class="app-link-button govuk-link" on:click=move |_| asking.set(true)>
                    {label}<span class="govuk-visually-hidden">{hidden}</span>
                </button>
            }
            .into_any()
        }
    }
}
