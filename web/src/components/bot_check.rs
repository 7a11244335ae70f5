//! The proof-of-work bot check, done by the browser without asking anything of the user: no
//! puzzle to see or hear, so it works with a keyboard and a screen reader alike.

use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::api;

/// Starts solving at once; the signal holds the solution to send as `bot_check` when ready.
pub fn solve_bot_check() -> RwSignal<Option<String>> {
    let solution = RwSignal::new(None);
    spawn_local(async move {
        let Ok(challenge) = api::bot_check().await else {
            return;
        };
        let solved = shared::bot_check::solve(&challenge)
            .and_then(|s| serde_json::to_string(&s).ok())
            .and_then(|json| web_sys::window().and_then(|w| w.btoa(&json).ok()));
        solution.set(solved);
    });
    solution
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
