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

/// Starts solving at once; the signal holds the solution to send as `bot_check` when ready.
pub fn solve_bot_check() -> RwSignal<Option<String>> {
    let solution = RwSignal::new(None);
    let worker = use_boot().bot_check_worker;
    spawn_local(async move {
        let Ok(challenge) = api::bot_check().await else {
            return;
        };
        let Some(number) = solve(&worker, &challenge).await else {
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
        solution.set(encoded);
    });
    solution
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

/// Says, politely, that the check is running or done.
#[component]
pub fn BotCheckStatus(solution: RwSignal<Option<String>>) -> impl IntoView {
    view! {
        <p class="govuk-body-s" role="status">
            {move || if solution.with(Option::is_some) {
                "We have checked that you are not a robot."
            } else {
                "Checking that you are not a robot. This takes a moment."
            }}
        </p>
    }
}
