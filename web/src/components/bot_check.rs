//! The proof-of-work bot check, done by the browser without asking anything of the user: no
//! puzzle to see or hear, so it works with a keyboard and a screen reader alike. The work runs
//! in a worker (`web/static/bot-check.js`), off the page's thread.

use js_sys::Promise;
use leptos::prelude::*;
use leptos::task::spawn_local;
use shared::api::{BotCheckChallenge, BotCheckSolution};
use wasm_bindgen::JsCast;
use wasm_bindgen::prelude::Closure;
use wasm_bindgen_futures::JsFuture;
use web_sys::{MessageEvent, Worker};

use crate::api;
use crate::boot::use_boot;
use crate::boot::use_council;
use crate::i18n::td_string;

/// The check as a page holds it: the solution to send as `bot_check` once there is one, and
/// whether it could not be done (the page then says so, instead of waiting for ever).
#[derive(Clone, Copy)]
pub struct BotCheck {
    solution: RwSignal<Option<String>>,
    failed: RwSignal<bool>,
}

impl BotCheck {
    /// The solution, when there is one (tracked).
    pub fn get(&self) -> Option<String> {
        self.solution.get()
    }

    pub fn get_untracked(&self) -> Option<String> {
        self.solution.get_untracked()
    }

    pub fn is_solved(&self) -> bool {
        self.solution.with(Option::is_some)
    }
}

/// Starts solving at once.
pub fn solve_bot_check() -> BotCheck {
    let check = BotCheck {
        solution: RwSignal::new(None),
        failed: RwSignal::new(false),
    };
    let worker = use_boot().bot_check_worker;
    spawn_local(async move {
        let solved = match api::bot_check().await {
            Ok(challenge) => solve(&worker, &challenge)
                .await
                .map(|number| (challenge, number)),
            Err(_) => None,
        };
        let Some((challenge, number)) = solved else {
            check.failed.set(true);
            return;
        };
        let solved = BotCheckSolution {
            algorithm: challenge.algorithm,
            challenge: challenge.challenge,
            number,
            salt: challenge.salt,
            signature: challenge.signature,
        };
        let encoded = serde_json::to_string(&solved)
            .ok()
            .and_then(|json| web_sys::window().and_then(|w| w.btoa(&json).ok()));
        check.failed.set(encoded.is_none());
        check.solution.set(encoded);
    });
    check
}

/// The number the worker found, or `None` when it found none or could not run.
async fn solve(script: &str, challenge: &BotCheckChallenge) -> Option<u64> {
    let worker = Worker::new(script).ok()?;
    let answered = Promise::new(&mut |resolve, reject| {
        let on_message = Closure::once_into_js(move |event: MessageEvent| {
            let _ = resolve.call1(&wasm_bindgen::JsValue::NULL, &event.data());
        });
        let on_error = Closure::once_into_js(move |error: wasm_bindgen::JsValue| {
            let _ = reject.call1(&wasm_bindgen::JsValue::NULL, &error);
        });
        worker.set_onmessage(Some(on_message.unchecked_ref()));
        worker.set_onerror(Some(on_error.unchecked_ref()));
    });
    let question = serde_json::to_string(challenge).ok()?;
    worker.post_message(&question.into()).ok()?;
    let answer = JsFuture::from(answered).await;
    worker.terminate();
    answer.ok()?.as_f64().map(|n| n as u64)
}

/// Says, politely, that the check is running, done, or could not be done.
#[component]
pub fn BotCheckStatus(solution: BotCheck) -> impl IntoView {
    let phone = use_council().phone_numbers.contact_centre;
    let locale = crate::boot::use_locale();
    view! {
        <p class="govuk-body-s" role="status">
            {move || if solution.is_solved() {
                td_string!(locale, bot_check.checked).into_any()
            } else if solution.failed.get() {
                view! {
                    {td_string!(locale, bot_check.failed_before)}
                    <a class="govuk-link" href=phone.uri.clone()>{phone.display.clone()}</a>
                    {td_string!(locale, bot_check.failed_after)}
                }.into_any()
            } else {
                td_string!(locale, bot_check.checking).into_any()
            }}
        </p>
    }
}
