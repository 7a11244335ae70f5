//! For administrators: the machine clients that call the API and the webhook endpoints told of
//! events. A secret is shown once, when it is made: the server keeps only what checks it.

use leptos::prelude::*;
use leptos_router::hooks::use_params_map;
use shared::api::scopes::KNOWN;
use shared::api::{
    ApiClientView, CreateClientRequest, CreateWebhookRequest, FieldErrors, WEBHOOK_EVENTS,
    WebhookView,
};

use super::{Failed, load, staff_only, when};
use crate::components::form::{ErrorSummary, TextInput, submit};
use crate::components::govuk::SuccessBanner;
use crate::components::more::ShowMore;
use crate::components::title::set_page_title;
use crate::fill;
use crate::i18n::{Locale, td_string};
use crate::session::{Api, use_session};

/// A secret just made, for the banner that shows it this once.
#[derive(Clone)]
struct NewSecret {
    what: String,
    id_label: &'static str,
    id: String,
    secret: String,
}

/// Machine clients and webhook endpoints: who may call the API, and who is told of events.
#[component]
pub fn Integrations() -> impl IntoView {
    let locale = crate::boot::use_locale();
    set_page_title(td_string!(locale, staff.integrations.title));
    let version = RwSignal::new(0u32);
    let loaded = load(move |client| {
        let _ = version.get();
        async move {
            let clients = client.api_clients().await?;
            let webhooks = client.webhooks().await?;
            Ok((clients, webhooks))
        }
    });
    let errors = RwSignal::new(FieldErrors::new());
    // Outlives the reload that follows, so the secret stays on screen until the page is left.
    let made = RwSignal::new(None::<NewSecret>);
    staff_only(move || {
        view! {
            <a href="/staff" class="govuk-back-link">{td_string!(locale, staff.common.council_work)}</a>
            <ErrorSummary errors=errors />
            {move || made.get().map(|new| view! { <SecretBanner new=new /> })}
            <h1 class="govuk-heading-l">{td_string!(locale, staff.integrations.title)}</h1>
            <p class="govuk-body">{td_string!(locale, staff.integrations.intro)}
                <a href="/api/docs/" class="govuk-link">{td_string!(locale, staff.integrations.api_docs)}</a>{td_string!(locale, staff.common.full_stop)}</p>
            <Transition fallback=move || view! { <p class="govuk-body">{td_string!(locale, staff.common.loading)}</p> }>
                {move || loaded.get().flatten().map(|loaded| match loaded {
                    Ok((clients, webhooks)) => view! {
                        <Clients clients=clients errors=errors made=made version=version />
                        <Webhooks webhooks=webhooks errors=errors made=made version=version />
                    }.into_any(),
                    Err(error) => view! { <Failed error=error /> }.into_any(),
                })}
            </Transition>
        }
    })
}

/// The secret, once, with what it belongs to; focus goes to it so screen readers hear it.
#[component]
fn SecretBanner(new: NewSecret) -> impl IntoView {
    let locale = crate::boot::use_locale();
    let banner = NodeRef::<leptos::html::Div>::new();
    Effect::new(move || {
        if let Some(banner) = banner.get() {
            let _ = banner.focus();
        }
    });
    view! {
        <div class="govuk-notification-banner govuk-notification-banner--success" role="alert"
            aria-labelledby="secret-title" tabindex="-1" node_ref=banner>
            <div class="govuk-notification-banner__header">
                <h2 class="govuk-notification-banner__title" id="secret-title">{td_string!(locale, staff.integrations.copy_secret)}</h2>
            </div>
            <div class="govuk-notification-banner__content">
                <p class="govuk-notification-banner__heading">{fill(td_string!(locale, staff.integrations.secret_for), &[("what", new.what.to_string())])}</p>
                <dl class="govuk-summary-list govuk-summary-list--no-border">
                    <div class="govuk-summary-list__row">
                        <dt class="govuk-summary-list__key">{new.id_label}</dt>
                        <dd class="govuk-summary-list__value"><code class="app-secret">{new.id}</code></dd>
                    </div>
                    <div class="govuk-summary-list__row">
                        <dt class="govuk-summary-list__key">{td_string!(locale, staff.integrations.secret)}</dt>
                        <dd class="govuk-summary-list__value"><code class="app-secret">{new.secret}</code></dd>
                    </div>
                </dl>
                <p class="govuk-body">{td_string!(locale, staff.integrations.not_shown_again)}</p>
            </div>
        </div>
    }
}

/// What a scope grants, in the page's language: in English, `english` (from `scopes::KNOWN`),
/// which is also said for a scope the browser has no Welsh for yet.
fn scope_words(locale: Locale, scope: &str, english: &'static str) -> &'static str {
    use shared::api::scopes::*;
    if matches!(locale, Locale::en) {
        return english;
    }
    match scope {
        SUBMISSIONS_READ => td_string!(locale, staff.integrations.scope.submissions_read),
        SUBMISSIONS_RESTRICTED => {
            td_string!(locale, staff.integrations.scope.submissions_restricted)
        }
        PEOPLE_READ => td_string!(locale, staff.integrations.scope.people_read),
        PEOPLE_WRITE => td_string!(locale, staff.integrations.scope.people_write),
        DOCUMENTS_WRITE => td_string!(locale, staff.integrations.scope.documents_write),
        MESSAGES_WRITE => td_string!(locale, staff.integrations.scope.messages_write),
        _ => english,
    }
}

/// Where a delivery has got to (`pending`, `delivered`, `failed`), in the page's language.
fn delivery_status(locale: Locale, status: &str) -> String {
    match status {
        "pending" => td_string!(locale, staff.integrations.status_pending).to_owned(),
        "delivered" => td_string!(locale, staff.integrations.status_delivered).to_owned(),
        "failed" => td_string!(locale, staff.integrations.status_failed).to_owned(),
        other => other.to_owned(),
    }
}

/// Ticks one of a set of values (scopes, events) in `chosen`.
fn toggle(chosen: RwSignal<Vec<String>>, value: String, on: bool) {
    chosen.update(|all| {
        all.retain(|v| *v != value);
        if on {
            all.push(value);
        }
    });
}

/// Checkboxes for `options` (value, hint), the first with the field's id so the error
/// summary's link reaches it.
#[component]
fn Choices(
    name: &'static str,
    legend: &'static str,
    options: Vec<(&'static str, Option<&'static str>)>,
    chosen: RwSignal<Vec<String>>,
    errors: RwSignal<FieldErrors>,
) -> impl IntoView {
    let locale = crate::boot::use_locale();
    let error = move || errors.with(|e| e.get(name).and_then(|m| m.first().cloned()));
    view! {
        <div class=move || if error().is_some() { "govuk-form-group govuk-form-group--error" } else { "govuk-form-group" }>
            <fieldset class="govuk-fieldset">
                <legend class="govuk-fieldset__legend govuk-fieldset__legend--s">{legend}</legend>
                {move || error().map(|message| view! {
                    <p class="govuk-error-message"><span class="govuk-visually-hidden">{td_string!(locale, staff.common.error_prefix)}</span>{message}</p>
                })}
                <div class="govuk-checkboxes govuk-checkboxes--small" data-module="govuk-checkboxes">
                    {options.into_iter().enumerate().map(|(i, (value, hint))| {
                        let id = if i == 0 { name.to_owned() } else { format!("{name}-{}", i + 1) };
                        let hint_id = format!("{id}-hint");
                        let (shown, ticked) = (value.to_owned(), value.to_owned());
                        view! {
                            <div class="govuk-checkboxes__item">
                                <input class="govuk-checkboxes__input" id=id.clone() type="checkbox" value=value
                                    aria-describedby=hint.map(|_| hint_id.clone())
                                    prop:checked=move || chosen.with(|c| c.contains(&shown))
                                    on:change=move |ev| toggle(chosen, ticked.clone(), event_target_checked(&ev)) />
                                <label class="govuk-label govuk-checkboxes__label" for=id>{value}</label>
                                {hint.map(|text| view! { <div id=hint_id class="govuk-hint govuk-checkboxes__hint">{text}</div> })}
                            </div>
                        }
                    }).collect_view()}
                </div>
            </fieldset>
        </div>
    }
}

#[component]
fn Clients(
    clients: Vec<ApiClientView>,
    errors: RwSignal<FieldErrors>,
    made: RwSignal<Option<NewSecret>>,
    version: RwSignal<u32>,
) -> impl IntoView {
    let locale = crate::boot::use_locale();
    let session = use_session();
    let name = RwSignal::new(String::new());
    let scopes = RwSignal::new(Vec::<String>::new());
    let busy = RwSignal::new(false);
    let shown = move |client: shared::api::ClientWithSecret| {
        made.set(Some(NewSecret {
            what: client.client.name.clone(),
            id_label: td_string!(locale, staff.integrations.client_id),
            id: client.client.id,
            secret: client.client_secret,
        }));
        version.update(|v| *v += 1);
    };
    let add = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let request = CreateClientRequest {
            name: name.get(),
            scopes: scopes.get(),
        };
        let found = request.validate();
        let send = async move {
            let client = session.api();
            client.create_api_client(&request).await
        };
        submit(errors, busy, found, send, move |client| {
            name.set(String::new());
            scopes.set(Vec::new());
            shown(client);
        });
    };
    let rotate = move |id: String| {
        let send = async move {
            let client = session.api();
            client.rotate_api_client_secret(&id).await
        };
        submit(errors, busy, FieldErrors::new(), send, shown);
    };
    let revoke = move |id: String| {
        let send = async move {
            let client = session.api();
            client.revoke_api_client(&id).await
        };
        submit(errors, busy, FieldErrors::new(), send, move |()| {
            made.set(None);
            version.update(|v| *v += 1);
        });
    };
    view! {
        <h2 class="govuk-heading-m">{td_string!(locale, staff.integrations.clients)}</h2>
        {if clients.is_empty() {
            view! { <p class="govuk-body">{td_string!(locale, staff.integrations.no_clients)}</p> }.into_any()
        } else {
            view! {
                <table class="govuk-table">
                    <caption class="govuk-table__caption govuk-visually-hidden">{td_string!(locale, staff.integrations.clients)}</caption>
                    <thead class="govuk-table__head"><tr class="govuk-table__row">
                        <th scope="col" class="govuk-table__header">{td_string!(locale, staff.common.name)}</th>
                        <th scope="col" class="govuk-table__header">{td_string!(locale, staff.integrations.scopes)}</th>
                        <th scope="col" class="govuk-table__header">{td_string!(locale, staff.integrations.secret_made)}</th>
                        <th scope="col" class="govuk-table__header"><span class="govuk-visually-hidden">{td_string!(locale, staff.common.actions)}</span></th>
                    </tr></thead>
                    <tbody class="govuk-table__body">
                        {clients.into_iter().map(|c| {
                            let (rotate_id, revoke_id) = (c.id.clone(), c.id.clone());
                            let for_name = format!("{}{}", td_string!(locale, staff.integrations.for_name), c.name);
                            view! {
                                <tr class="govuk-table__row">
                                    <td class="govuk-table__cell">{c.name.clone()}</td>
                                    <td class="govuk-table__cell">{c.scopes.join(", ")}</td>
                                    <td class="govuk-table__cell">{super::day(locale, c.secret_set_at.date_naive())}</td>
                                    <td class="govuk-table__cell">
                                        {if c.revoked {
                                            view! { <strong class="govuk-tag govuk-tag--grey">{td_string!(locale, staff.integrations.revoked)}</strong> }.into_any()
                                        } else {
                                            let for_revoke = for_name.clone();
                                            view! {
                                                <button type="button" class="app-link-button govuk-link" on:click=move |_| rotate(rotate_id.clone())>
                                                    {td_string!(locale, staff.integrations.new_secret)}<span class="govuk-visually-hidden">{for_name.clone()}</span>
                                                </button>
                                                " "
                                                <button type="button" class="app-link-button govuk-link" on:click=move |_| revoke(revoke_id.clone())>
                                                    {td_string!(locale, staff.integrations.revoke)}<span class="govuk-visually-hidden">{for_revoke}</span>
                                                </button>
                                            }.into_any()
                                        }}
                                    </td>
                                </tr>
                            }
                        }).collect_view()}
                    </tbody>
                </table>
            }.into_any()
        }}
        <h3 class="govuk-heading-s">{td_string!(locale, staff.integrations.add_client_heading)}</h3>
        <form novalidate on:submit=add>
            <TextInput name="name" label=td_string!(locale, staff.common.name) value=name errors=errors hint=td_string!(locale, staff.integrations.client_name_hint) />
            <Choices name="scopes" legend=td_string!(locale, staff.integrations.what_it_may_do) chosen=scopes errors=errors
                options=KNOWN.iter().map(|(scope, description)| (*scope, Some(scope_words(locale, scope, description)))).collect() />
            <button type="submit" class="govuk-button" data-module="govuk-button" disabled=move || busy.get()>{td_string!(locale, staff.integrations.add_client)}</button>
        </form>
    }
}

#[component]
fn Webhooks(
    webhooks: Vec<WebhookView>,
    errors: RwSignal<FieldErrors>,
    made: RwSignal<Option<NewSecret>>,
    version: RwSignal<u32>,
) -> impl IntoView {
    let locale = crate::boot::use_locale();
    let session = use_session();
    let url = RwSignal::new(String::new());
    let events = RwSignal::new(Vec::<String>::new());
    let busy = RwSignal::new(false);
    let add = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let request = CreateWebhookRequest {
            url: url.get(),
            events: events.get(),
        };
        let found = request.validate();
        let send = async move {
            let client = session.api();
            client.register_webhook(&request).await
        };
        submit(errors, busy, found, send, move |webhook| {
            url.set(String::new());
            events.set(Vec::new());
            made.set(Some(NewSecret {
                what: webhook.webhook.url,
                id_label: td_string!(locale, staff.integrations.endpoint_id),
                id: webhook.webhook.id,
                secret: webhook.secret,
            }));
            version.update(|v| *v += 1);
        });
    };
    let stop = move |id: String| {
        let send = async move {
            let client = session.api();
            client.disable_webhook(&id).await
        };
        submit(errors, busy, FieldErrors::new(), send, move |()| {
            made.set(None);
            version.update(|v| *v += 1);
        });
    };
    view! {
        <h2 class="govuk-heading-m">{td_string!(locale, staff.integrations.endpoints)}</h2>
        {if webhooks.is_empty() {
            view! { <p class="govuk-body">{td_string!(locale, staff.integrations.no_endpoints)}</p> }.into_any()
        } else {
            view! {
                <table class="govuk-table">
                    <caption class="govuk-table__caption govuk-visually-hidden">{td_string!(locale, staff.integrations.endpoints)}</caption>
                    <thead class="govuk-table__head"><tr class="govuk-table__row">
                        <th scope="col" class="govuk-table__header">{td_string!(locale, staff.integrations.address)}</th>
                        <th scope="col" class="govuk-table__header">{td_string!(locale, staff.integrations.events)}</th>
                        <th scope="col" class="govuk-table__header"><span class="govuk-visually-hidden">{td_string!(locale, staff.common.actions)}</span></th>
                    </tr></thead>
                    <tbody class="govuk-table__body">
                        {webhooks.into_iter().map(|w| {
                            let id = w.id.clone();
                            let (to, stop_sending) = (
                                format!("{}{}", td_string!(locale, staff.integrations.deliveries_hidden), w.url),
                                format!("{}{}", td_string!(locale, staff.integrations.stop_hidden), w.url),
                            );
                            view! {
                                <tr class="govuk-table__row">
                                    <td class="govuk-table__cell app-break-anywhere">{w.url.clone()}</td>
                                    <td class="govuk-table__cell">{w.events.join(", ")}</td>
                                    <td class="govuk-table__cell">
                                        <a href=format!("/staff/integrations/webhooks/{}", w.id) class="govuk-link">
                                            {td_string!(locale, staff.integrations.deliveries)}<span class="govuk-visually-hidden">{to}</span>
                                        </a>
                                        " "
                                        {if w.disabled {
                                            view! { <strong class="govuk-tag govuk-tag--grey">{td_string!(locale, staff.integrations.stopped)}</strong> }.into_any()
                                        } else {
                                            view! {
                                                <button type="button" class="app-link-button govuk-link" on:click=move |_| stop(id.clone())>
                                                    {td_string!(locale, staff.integrations.stop)}<span class="govuk-visually-hidden">{stop_sending}</span>
                                                </button>
                                            }.into_any()
                                        }}
                                    </td>
                                </tr>
                            }
                        }).collect_view()}
                    </tbody>
                </table>
            }.into_any()
        }}
        <h3 class="govuk-heading-s">{td_string!(locale, staff.integrations.add_endpoint_heading)}</h3>
        <form novalidate on:submit=add>
            <TextInput name="url" label=td_string!(locale, staff.integrations.address) value=url errors=errors kind="url"
                hint=td_string!(locale, staff.integrations.address_hint) />
            <Choices name="events" legend=td_string!(locale, staff.integrations.events_to_send) chosen=events errors=errors
                options=WEBHOOK_EVENTS.iter().map(|event| (*event, None)).collect() />
            <button type="submit" class="govuk-button" data-module="govuk-button" disabled=move || busy.get()>{td_string!(locale, staff.integrations.add_endpoint)}</button>
        </form>
    }
}

/// One endpoint's deliveries, newest first, each with its last answer; any can be sent again.
#[component]
pub fn WebhookDeliveries() -> impl IntoView {
    let locale = crate::boot::use_locale();
    set_page_title(td_string!(locale, staff.integrations.deliveries_title));
    let params = use_params_map();
    let version = RwSignal::new(0u32);
    let loaded = load(move |client| {
        let id = params.read().get("webhook_id").unwrap_or_default();
        let _ = version.get();
        async move {
            // An unknown endpoint answers 404 here, before its address is looked up.
            let page = client.webhook_deliveries(&id, None).await?;
            let endpoint = client
                .webhooks()
                .await?
                .into_iter()
                .find(|w| w.id == id)
                .map(|w| w.url)
                .unwrap_or_default();
            Ok((endpoint, page))
        }
    });
    let session = use_session();
    let errors = RwSignal::new(FieldErrors::new());
    let busy = RwSignal::new(false);
    let replayed = RwSignal::new(false);
    let replay = move |id: String| {
        let send = async move {
            let client = session.api();
            client.replay_delivery(&id).await
        };
        submit(errors, busy, FieldErrors::new(), send, move |_| {
            replayed.set(true);
            version.update(|v| *v += 1);
        });
    };
    staff_only(move || {
        view! {
            <a href="/staff/integrations" class="govuk-back-link">{td_string!(locale, staff.integrations.title)}</a>
            <ErrorSummary errors=errors />
            {move || replayed.get().then(|| view! {
                <SuccessBanner id="replayed" heading={td_string!(locale, staff.common.event_sent_again).to_owned()} />
            })}
            <Transition fallback=move || view! { <p class="govuk-body">{td_string!(locale, staff.common.loading)}</p> }>
                {move || loaded.get().flatten().map(|loaded| match loaded {
                    Ok((endpoint, page)) => {
                        let shown = RwSignal::new(page.items);
                        let next = RwSignal::new(page.next);
                        let webhook = params.read_untracked().get("webhook_id").unwrap_or_default();
                        view! {
                            <span class="govuk-caption-l app-break-anywhere">{endpoint}</span>
                            <h1 class="govuk-heading-l">{td_string!(locale, staff.integrations.deliveries)}</h1>
                            <p class="govuk-body">{td_string!(locale, staff.integrations.deliveries_intro)}</p>
                            <table class="govuk-table">
                                <caption class="govuk-table__caption govuk-visually-hidden">{td_string!(locale, staff.integrations.deliveries_caption)}</caption>
                                <thead class="govuk-table__head"><tr class="govuk-table__row">
                                    <th scope="col" class="govuk-table__header">{td_string!(locale, staff.common.event)}</th>
                                    <th scope="col" class="govuk-table__header">{td_string!(locale, staff.common.made)}</th>
                                    <th scope="col" class="govuk-table__header">{td_string!(locale, staff.common.status)}</th>
                                    <th scope="col" class="govuk-table__header">{td_string!(locale, staff.common.last_answer)}</th>
                                    <th scope="col" class="govuk-table__header"><span class="govuk-visually-hidden">{td_string!(locale, staff.common.action)}</span></th>
                                </tr></thead>
                                <tbody class="govuk-table__body">
                                    {move || shown.get().into_iter().map(|d| {
                                        let id = d.id.clone();
                                        let colour = match d.status.as_str() {
                                            "delivered" => "govuk-tag--green",
                                            "failed" => "govuk-tag--red",
                                            _ => "govuk-tag--yellow",
                                        };
                                        let answer = match (d.last_status, d.last_response.clone()) {
                                            (Some(status), Some(text)) => format!("{status}: {text}"),
                                            (Some(status), None) => status.to_string(),
                                            (None, Some(text)) => text,
                                            (None, None) => td_string!(locale, staff.integrations.not_tried).to_owned(),
                                        };
                                        let attempts = format!(
                                            " {} {}",
                                            d.attempts,
                                            if d.attempts == 1 {
                                                td_string!(locale, staff.integrations.attempt)
                                            } else {
                                                td_string!(locale, staff.integrations.attempts)
                                            }
                                        );
                                        view! {
                                            <tr class="govuk-table__row">
                                                <td class="govuk-table__cell">{d.event_type.clone()}</td>
                                                <td class="govuk-table__cell">{when(locale, d.created_at)}</td>
                                                <td class="govuk-table__cell">
                                                    <strong class=format!("govuk-tag {colour}")>{delivery_status(locale, &d.status)}</strong>
                                                    <span class="govuk-body-s">{attempts}</span>
                                                </td>
                                                <td class="govuk-table__cell app-break-anywhere">{answer}</td>
                                                <td class="govuk-table__cell">
                                                    <button type="button" class="app-link-button govuk-link" on:click=move |_| replay(id.clone())>
                                                        {td_string!(locale, staff.common.send_again)}<span class="govuk-visually-hidden">{fill(td_string!(locale, staff.integrations.replay_hidden), &[("event", d.event_type.to_string()), ("made", when(locale, d.created_at).to_string())])}</span>
                                                    </button>
                                                </td>
                                            </tr>
                                        }
                                    }).collect_view()}
                                </tbody>
                            </table>
                            {move || shown.with(Vec::is_empty).then(|| view! { <p class="govuk-body">{td_string!(locale, staff.integrations.nothing_sent)}</p> })}
                            <ShowMore label=td_string!(locale, staff.integrations.show_more) shown=shown next=next errors=errors
                                fetch=move |client: Api, cursor: String| {
                                    let webhook = webhook.clone();
                                    async move { client.webhook_deliveries(&webhook, Some(&cursor)).await.map(|p| (p.items, p.next)) }
                                } />
                        }.into_any()
                    }
                    Err(error) => view! { <Failed error=error /> }.into_any(),
                })}
            </Transition>
        }
    })
}
