//! GOV.UK Frontend components the pages compose instead of writing their markup out each time:
//! the summary list and the success banner, with the classes, roles and labels the design system
//! gives them.

use crate::i18n::td_string;
use leptos::prelude::*;

/// A GOV.UK summary list of `SummaryRow`s.
#[component]
pub fn SummaryList(
    /// Without borders, as inside a banner.
    #[prop(optional)]
    no_border: bool,
    children: Children,
) -> impl IntoView {
    let class = if no_border {
        "govuk-summary-list govuk-summary-list--no-border"
    } else {
        "govuk-summary-list"
    };
    view! { <dl class=class>{children()}</dl> }
}

/// One row of a summary list: what it is, and its value.
#[component]
pub fn SummaryRow(key: &'static str, children: Children) -> impl IntoView {
    view! {
        <div class="govuk-summary-list__row">
            <dt class="govuk-summary-list__key">{key}</dt>
            <dd class="govuk-summary-list__value">{children()}</dd>
        </div>
    }
}

/// A form's answers as sent: each question's label beside its answer, in a summary list.
pub fn sent_answers(rows: Vec<shared::forms::SummaryRow>) -> impl IntoView {
    view! {
        <dl class="govuk-summary-list">
            {rows.into_iter().map(|row| view! {
                <div class="govuk-summary-list__row">
                    <dt class="govuk-summary-list__key">{row.label}</dt>
                    <dd class="govuk-summary-list__value app-answer">{row.answer}</dd>
                </div>
            }).collect_view()}
        </dl>
    }
}

/// The green notification banner that says something just done has worked. `id` names its title
/// for the banner's label, so two on one page need two ids.
#[component]
pub fn SuccessBanner(id: &'static str, heading: String) -> impl IntoView {
    let title = format!("{id}-title");
    let labelled_by = title.clone();
    view! {
        <div class="govuk-notification-banner govuk-notification-banner--success" role="alert" aria-labelledby=labelled_by>
            <div class="govuk-notification-banner__header">
                <h2 class="govuk-notification-banner__title" id=title>{td_string!(crate::boot::use_locale(), form.success)}</h2>
            </div>
            <div class="govuk-notification-banner__content">
                <p class="govuk-notification-banner__heading">{heading}</p>
            </div>
        </div>
    }
}
