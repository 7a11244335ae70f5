//! For administrators: the email and webhook backlogs, and what was given up on after a day of
//! failures, each with a way to send it again once the cause is mended.

use leptos::prelude::*;
use shared::api::{FailedDeliveryView, FailedEmailView, FieldErrors, OperationsView};

use super::{Failed, load, staff_only};
use crate::components::form::{ErrorSummary, submit};
use crate::components::govuk::SuccessBanner;
use crate::components::title::set_page_title;
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

/// How long something has waited, roughly: "under a minute", "3 minutes", "5 hours".
fn waited(seconds: u64) -> String {
    let plural = |n: u64, unit: &str| format!("{n} {unit}{}", if n == 1 { "" } else { "s" });
    match seconds {
        0..60 => "under a minute".to_owned(),
        60..7200 => plural(seconds / 60, "minute"),
        _ => plural(seconds / 3600, "hour"),
    }
}

fn backlog(view: &OperationsView) -> impl IntoView + use<> {
    let emails = &view.emails;
    let queued = if emails.queued == 0 {
        "None".to_owned()
    } else {
        format!(
            "{} (the oldest has waited {})",
            emails.queued,
            waited(emails.oldest_waiting_seconds)
        )
    };
    let rows = [
        ("Emails waiting to be sent", queued),
        ("Emails given up on", emails.failed.to_string()),
        (
            "Webhook deliveries due now",
            view.deliveries.due.to_string(),
        ),
        (
            "Webhook deliveries given up on",
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
    set_page_title("Operations");
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
            done.set(Some("The email is being sent again."));
            version.update(|v| *v += 1);
        });
    });
    let replay = Callback::new(move |id: String| {
        let send = async move {
            let client = session.api();
            client.replay_delivery(&id).await
        };
        submit(errors, busy, FieldErrors::new(), send, move |_| {
            done.set(Some("The event is being sent again, as a new delivery."));
            version.update(|v| *v += 1);
        });
    });
    staff_only(move || {
        view! {
            <a href="/staff" class="govuk-back-link">"Council work"</a>
            <ErrorSummary errors=errors />
            {move || done.get().map(|said| view! {
                <SuccessBanner id="done" heading={said.to_owned()} />
            })}
            <h1 class="govuk-heading-l">"Operations"</h1>
            <Transition fallback=|| view! { <p class="govuk-body">"Loading"</p> }>
                {move || loaded.get().flatten().map(|loaded| match loaded {
                    Ok((overview, emails, deliveries)) => {
                        let more_emails = emails.next.is_some();
                        let more_deliveries = deliveries.next.is_some();
                        let (emails, deliveries) = (emails.items, deliveries.items);
                        view! {
                            {backlog(&overview)}
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
    let email_row = move |e: FailedEmailView| {
        let name = email_name(&e.email);
        let action = if e.can_retry {
            let id = e.id.clone();
            let hidden = format!(" the {} to {}", name.to_lowercase(), e.to);
            view! {
                <button type="button" class="app-link-button govuk-link" on:click=move |_| retry.run(id.clone())>
                    "Send again"<span class="govuk-visually-hidden">{hidden}</span>
                </button>
            }
            .into_any()
        } else {
            view! { <span class="govuk-body-s">"Not sent again: its code has expired, so the person asks for a new one"</span> }.into_any()
        };
        view! {
            <tr class="govuk-table__row">
                <td class="govuk-table__cell">{crate::time::uk_time(e.queued_at)}</td>
                <td class="govuk-table__cell app-break-anywhere">{e.to.clone()}</td>
                <td class="govuk-table__cell">{name.clone()}</td>
                <td class="govuk-table__cell govuk-table__cell--numeric">{e.attempts}</td>
                <td class="govuk-table__cell app-break-anywhere">{e.last_error.clone().unwrap_or_default()}</td>
                <td class="govuk-table__cell">{action}</td>
            </tr>
        }
    };
    view! {
        <h2 class="govuk-heading-m">"Emails given up on"</h2>
        <p class="govuk-body">"Each email is tried again with growing pauses for a day, then given up on. Mend the cause first (the mail server, or the person's address), then send it again: it gets another day of tries. Addresses are shown in part."</p>
        {if emails.is_empty() {
            view! { <p class="govuk-body">"No email has been given up on."</p> }.into_any()
        } else {
            view! {
                <table class="govuk-table">
                    <caption class="govuk-table__caption govuk-visually-hidden">"Emails given up on, newest first"</caption>
                    <thead class="govuk-table__head"><tr class="govuk-table__row">
                        <th scope="col" class="govuk-table__header">"Queued"</th>
                        <th scope="col" class="govuk-table__header">"To"</th>
                        <th scope="col" class="govuk-table__header">"Email"</th>
                        <th scope="col" class="govuk-table__header govuk-table__header--numeric">"Tries"</th>
                        <th scope="col" class="govuk-table__header">"The mail server's last answer"</th>
                        <th scope="col" class="govuk-table__header"><span class="govuk-visually-hidden">"Action"</span></th>
                    </tr></thead>
                    <tbody class="govuk-table__body">
                        {emails.into_iter().map(email_row).collect_view()}
                    </tbody>
                </table>
            }.into_any()
        }}
        {more.then(|| view! { <p class="govuk-body">"These are the newest 100. Once they are sent again, the next ones show here."</p> })}
    }
}

/// The webhook deliveries given up on, each to send again as a new delivery.
#[component]
fn FailedDeliveries(
    deliveries: Vec<FailedDeliveryView>,
    more: bool,
    replay: Callback<String>,
) -> impl IntoView {
    let delivery_row = move |f: FailedDeliveryView| {
        let d = f.delivery;
        let id = d.id.clone();
        let answer = match (d.last_status, d.last_response.clone()) {
            (Some(status), Some(text)) => format!("{status}: {text}"),
            (Some(status), None) => status.to_string(),
            (None, Some(text)) => text,
            (None, None) => String::new(),
        };
        let hidden = format!(" {} to {}", d.event_type, f.url);
        view! {
            <tr class="govuk-table__row">
                <td class="govuk-table__cell">{crate::time::uk_time(d.created_at)}</td>
                <td class="govuk-table__cell app-break-anywhere">
                    <a href=format!("/staff/integrations/webhooks/{}", f.webhook_id) class="govuk-link">{f.url.clone()}</a>
                </td>
                <td class="govuk-table__cell">{d.event_type.clone()}</td>
                <td class="govuk-table__cell app-break-anywhere">{answer}</td>
                <td class="govuk-table__cell">
                    <button type="button" class="app-link-button govuk-link" on:click=move |_| replay.run(id.clone())>
                        "Send again"<span class="govuk-visually-hidden">{hidden}</span>
                    </button>
                </td>
            </tr>
        }
    };
    view! {
        <h2 class="govuk-heading-m">"Webhook deliveries given up on"</h2>
        <p class="govuk-body">"Each event is sent until the endpoint answers with success, for a day. Sending one again makes a new delivery; the endpoint's page shows how it went."</p>
        {if deliveries.is_empty() {
            view! { <p class="govuk-body">"No webhook delivery has been given up on."</p> }.into_any()
        } else {
            view! {
                <table class="govuk-table">
                    <caption class="govuk-table__caption govuk-visually-hidden">"Webhook deliveries given up on, newest first"</caption>
                    <thead class="govuk-table__head"><tr class="govuk-table__row">
                        <th scope="col" class="govuk-table__header">"Made"</th>
                        <th scope="col" class="govuk-table__header">"Endpoint"</th>
                        <th scope="col" class="govuk-table__header">"Event"</th>
                        <th scope="col" class="govuk-table__header">"Last answer"</th>
                        <th scope="col" class="govuk-table__header"><span class="govuk-visually-hidden">"Action"</span></th>
                    </tr></thead>
                    <tbody class="govuk-table__body">
                        {deliveries.into_iter().map(delivery_row).collect_view()}
                    </tbody>
                </table>
            }.into_any()
        }}
        {more.then(|| view! { <p class="govuk-body">"These are the newest 100. Once they are sent again, the next ones show here."</p> })}
    }
}
