//! For administrators: the email and webhook backlogs, and what was given up on after a day of
//! failures, each with a way to send it again once the cause is mended.

use leptos::prelude::*;
use shared::api::{FailedDeliveryView, FailedEmailView, FieldErrors, OperationsView};

use super::{Failed, load, staff_only, when};
use crate::components::form::{ErrorSummary, submit};
use crate::components::govuk::SuccessBanner;
use crate::components::title::set_page_title;
use crate::fill;
use crate::i18n::{Locale, td_string};
use crate::session::use_session;

/// An email's template name as words: `staff_invitation` is "Staff invitation".
fn email_name(name: &str) -> String {
    let words = name.replace('_', " ");
    let mut letters = words.chars();
    letters
        .next()
        .map(|first| first.to_uppercase().chain(letters).collect())
        .unwrap_or_default()
}

/// An email's name in the page's language; an email the browser does not know yet is named
/// from its template, in English.
fn email_name_in(locale: Locale, name: &str) -> String {
    let known = match name {
        "verification_code" => td_string!(locale, staff.operations.email.verification_code),
        "sign_in_code" => td_string!(locale, staff.operations.email.sign_in_code),
        "password_reset" => td_string!(locale, staff.operations.email.password_reset),
        "password_changed" => td_string!(locale, staff.operations.email.password_changed),
        "account_exists" => td_string!(locale, staff.operations.email.account_exists),
        "staff_invitation" => td_string!(locale, staff.operations.email.staff_invitation),
        "email_change_code" => td_string!(locale, staff.operations.email.email_change_code),
        "email_changed" => td_string!(locale, staff.operations.email.email_changed),
        "submission_received" => td_string!(locale, staff.operations.email.submission_received),
        "draft_expiring" => td_string!(locale, staff.operations.email.draft_expiring),
        "message_waiting" => td_string!(locale, staff.operations.email.message_waiting),
        "item_to_complete" => td_string!(locale, staff.operations.email.item_to_complete),
        "status_changed" => td_string!(locale, staff.operations.email.status_changed),
        "link_invitation" => td_string!(locale, staff.operations.email.link_invitation),
        "webhook_switched_off" => {
            td_string!(locale, staff.operations.email.webhook_switched_off)
        }
        "document_published" => td_string!(locale, staff.operations.email.document_published),
        _ => return email_name(name),
    };
    known.to_owned()
}

/// How long something has waited, roughly: "under a minute", "3 minutes", "5 hours".
fn waited(locale: Locale, seconds: u64) -> String {
    match seconds {
        0..60 => td_string!(locale, staff.operations.under_a_minute).to_owned(),
        60..120 => format!("1 {}", td_string!(locale, staff.operations.minute)),
        120..7200 => format!(
            "{} {}",
            seconds / 60,
            td_string!(locale, staff.operations.minutes)
        ),
        // Two hours or more: never "1 hours".
        _ => format!(
            "{} {}",
            seconds / 3600,
            td_string!(locale, staff.operations.hours)
        ),
    }
}

fn backlog(locale: Locale, view: &OperationsView) -> impl IntoView + use<> {
    let emails = &view.emails;
    let queued = if emails.queued == 0 {
        td_string!(locale, staff.operations.none).to_owned()
    } else {
        format!(
            "{} ({}{})",
            emails.queued,
            td_string!(locale, staff.operations.oldest_waited),
            waited(locale, emails.oldest_waiting_seconds)
        )
    };
    let rows = [
        (td_string!(locale, staff.operations.emails_waiting), queued),
        (
            td_string!(locale, staff.operations.emails_given_up),
            emails.failed.to_string(),
        ),
        (
            td_string!(locale, staff.operations.deliveries_due),
            view.deliveries.due.to_string(),
        ),
        (
            td_string!(locale, staff.operations.deliveries_given_up),
            view.deliveries.failed.to_string(),
        ),
    ];
    view! {
        <dl class="govuk-summary-list">
            {rows.into_iter().map(|(key, value)| view! {
                <div class="govuk-summary-list__row">
                    <dt class="govuk-summary-list__key">{key}</dt>
                    <dd class="govuk-summary-list__value">{value}</dd>
                </div>
            }).collect_view()}
        </dl>
    }
}

/// The email and webhook backlogs, and what was given up on.
#[component]
pub fn Operations() -> impl IntoView {
    let locale = crate::boot::use_locale();
    set_page_title(td_string!(locale, staff.operations.title));
    let version = RwSignal::new(0u32);
    let loaded = load(move |client| {
        let _ = version.get();
        async move {
            let overview = client.operations().await?;
            let emails = client.failed_emails().await?;
            let deliveries = client.failed_deliveries().await?;
            Ok((overview, emails, deliveries))
        }
    });
    let session = use_session();
    let errors = RwSignal::new(FieldErrors::new());
    let busy = RwSignal::new(false);
    let done = RwSignal::new(None::<&'static str>);
    let retry_email = Callback::new(move |id: String| {
        let send = async move {
            let client = session.api();
            client.retry_email(&id).await
        };
        submit(errors, busy, FieldErrors::new(), send, move |()| {
            done.set(Some(td_string!(locale, staff.operations.email_sent_again)));
            version.update(|v| *v += 1);
        });
    });
    let replay = Callback::new(move |id: String| {
        let send = async move {
            let client = session.api();
            client.replay_delivery(&id).await
        };
        submit(errors, busy, FieldErrors::new(), send, move |_| {
            done.set(Some(td_string!(locale, staff.common.event_sent_again)));
            version.update(|v| *v += 1);
        });
    });
    staff_only(move || {
        view! {
            <a href="/staff" class="govuk-back-link">{td_string!(locale, staff.common.council_work)}</a>
            <ErrorSummary errors=errors />
            {move || done.get().map(|said| view! {
                <SuccessBanner id="done" heading={said.to_owned()} />
            })}
            <h1 class="govuk-heading-l">{td_string!(locale, staff.operations.title)}</h1>
            <Transition fallback=move || view! { <p class="govuk-body">{td_string!(locale, staff.common.loading)}</p> }>
                {move || loaded.get().flatten().map(|loaded| match loaded {
                    Ok((overview, emails, deliveries)) => {
                        let more_emails = emails.next.is_some();
                        let more_deliveries = deliveries.next.is_some();
                        let (emails, deliveries) = (emails.items, deliveries.items);
                        view! {
                            {backlog(locale, &overview)}
                            <FailedEmails emails=emails more=more_emails retry=retry_email />
                            <FailedDeliveries deliveries=deliveries more=more_deliveries replay=replay />
                        }.into_any()
                    }
                    Err(error) => view! { <Failed error=error /> }.into_any(),
                })}
            </Transition>
        }
    })
}

/// The emails given up on, each to send again unless it carried a code.
#[component]
fn FailedEmails(
    emails: Vec<FailedEmailView>,
    more: bool,
    retry: Callback<String>,
) -> impl IntoView {
    let locale = crate::boot::use_locale();
    let email_row = move |e: FailedEmailView| {
        let name = email_name_in(locale, &e.email);
        let action = if e.can_retry {
            let id = e.id.clone();
            let (email, to) = (name.to_lowercase(), e.to.clone());
            view! {
                <button type="button" class="app-link-button govuk-link" on:click=move |_| retry.run(id.clone())>
                    {td_string!(locale, staff.common.send_again)}<span class="govuk-visually-hidden">{fill(td_string!(locale, staff.operations.send_email_again_hidden), &[("email", email.to_string()), ("to", to.to_string())])}</span>
                </button>
            }
            .into_any()
        } else {
            view! { <span class="govuk-body-s">{td_string!(locale, staff.operations.code_expired)}</span> }.into_any()
        };
        view! {
            <tr class="govuk-table__row">
                <td class="govuk-table__cell">{when(locale, e.queued_at)}</td>
                <td class="govuk-table__cell app-break-anywhere">{e.to.clone()}</td>
                <td class="govuk-table__cell">{name.clone()}</td>
                <td class="govuk-table__cell govuk-table__cell--numeric">{e.attempts}</td>
                <td class="govuk-table__cell app-break-anywhere">{e.last_error.clone().unwrap_or_default()}</td>
                <td class="govuk-table__cell">{action}</td>
            </tr>
        }
    };
    view! {
        <h2 class="govuk-heading-m">{td_string!(locale, staff.operations.emails_given_up)}</h2>
        <p class="govuk-body">{td_string!(locale, staff.operations.emails_intro)}</p>
        {if emails.is_empty() {
            view! { <p class="govuk-body">{td_string!(locale, staff.operations.no_email_given_up)}</p> }.into_any()
        } else {
            view! {
                <table class="govuk-table">
                    <caption class="govuk-table__caption govuk-visually-hidden">{td_string!(locale, staff.operations.emails_caption)}</caption>
                    <thead class="govuk-table__head"><tr class="govuk-table__row">
                        <th scope="col" class="govuk-table__header">{td_string!(locale, staff.operations.queued)}</th>
                        <th scope="col" class="govuk-table__header">{td_string!(locale, staff.operations.to)}</th>
                        <th scope="col" class="govuk-table__header">{td_string!(locale, staff.common.email)}</th>
                        <th scope="col" class="govuk-table__header govuk-table__header--numeric">{td_string!(locale, staff.operations.tries)}</th>
                        <th scope="col" class="govuk-table__header">{td_string!(locale, staff.operations.mail_server_answer)}</th>
                        <th scope="col" class="govuk-table__header"><span class="govuk-visually-hidden">{td_string!(locale, staff.common.action)}</span></th>
                    </tr></thead>
                    <tbody class="govuk-table__body">
                        {emails.into_iter().map(email_row).collect_view()}
                    </tbody>
                </table>
            }.into_any()
        }}
        {more.then(|| view! { <p class="govuk-body">{td_string!(locale, staff.operations.newest_100)}</p> })}
    }
}

/// The webhook deliveries given up on, each to send again as a new delivery.
#[component]
fn FailedDeliveries(
    deliveries: Vec<FailedDeliveryView>,
    more: bool,
    replay: Callback<String>,
) -> impl IntoView {
    let locale = crate::boot::use_locale();
    let delivery_row = move |f: FailedDeliveryView| {
        let d = f.delivery;
        let id = d.id.clone();
        let answer = match (d.last_status, d.last_response.clone()) {
            (Some(status), Some(text)) => format!("{status}: {text}"),
            (Some(status), None) => status.to_string(),
            (None, Some(text)) => text,
            (None, None) => String::new(),
        };
        let (event, url) = (d.event_type.clone(), f.url.clone());
        view! {
            <tr class="govuk-table__row">
                <td class="govuk-table__cell">{when(locale, d.created_at)}</td>
                <td class="govuk-table__cell app-break-anywhere">
                    <a href=format!("/staff/integrations/webhooks/{}", f.webhook_id) class="govuk-link">{f.url.clone()}</a>
                </td>
                <td class="govuk-table__cell">{d.event_type.clone()}</td>
                <td class="govuk-table__cell app-break-anywhere">{answer}</td>
                <td class="govuk-table__cell">
                    <button type="button" class="app-link-button govuk-link" on:click=move |_| replay.run(id.clone())>
                        {td_string!(locale, staff.common.send_again)}<span class="govuk-visually-hidden">{fill(td_string!(locale, staff.operations.send_event_again_hidden), &[("event", event.to_string()), ("url", url.to_string())])}</span>
                    </button>
                </td>
            </tr>
        }
    };
    view! {
        <h2 class="govuk-heading-m">{td_string!(locale, staff.operations.deliveries_given_up)}</h2>
        <p class="govuk-body">{td_string!(locale, staff.operations.deliveries_intro)}</p>
        {if deliveries.is_empty() {
            view! { <p class="govuk-body">{td_string!(locale, staff.operations.no_delivery_given_up)}</p> }.into_any()
        } else {
            view! {
                <table class="govuk-table">
                    <caption class="govuk-table__caption govuk-visually-hidden">{td_string!(locale, staff.operations.deliveries_caption)}</caption>
                    <thead class="govuk-table__head"><tr class="govuk-table__row">
                        <th scope="col" class="govuk-table__header">{td_string!(locale, staff.common.made)}</th>
                        <th scope="col" class="govuk-table__header">{td_string!(locale, staff.operations.endpoint)}</th>
                        <th scope="col" class="govuk-table__header">{td_string!(locale, staff.common.event)}</th>
                        <th scope="col" class="govuk-table__header">{td_string!(locale, staff.common.last_answer)}</th>
                        <th scope="col" class="govuk-table__header"><span class="govuk-visually-hidden">{td_string!(locale, staff.common.action)}</span></th>
                    </tr></thead>
                    <tbody class="govuk-table__body">
                        {deliveries.into_iter().map(delivery_row).collect_view()}
                    </tbody>
                </table>
            }.into_any()
        }}
        {more.then(|| view! { <p class="govuk-body">{td_string!(locale, staff.operations.newest_100)}</p> })}
    }
}
