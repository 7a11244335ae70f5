//! The session timeout warning (WCAG 2.2.1): two minutes before a session ends for inactivity,
//! a dialog offers to stay signed in; at the end the user is signed out cleanly. Activity
//! (a key or a click) extends the session at most once a minute. When the warning shows on a
//! page of a form, the form is saved as a draft first (DESIGN: no answer is lost): the forms
//! app passes `before_warning` for that.

use std::time::Duration;

use leptos::ev;
use leptos::html;
use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos_router::hooks::use_location;

use crate::boot::use_locale;
use crate::fill;
use crate::i18n::{Locale, td_string};
use crate::session::{Ending, Session, now, use_session};

/// What to do just before the warning shows: the forms app saves the open form as a draft.
pub type BeforeWarning = fn(&str, Session);

const WARN_BEFORE_SECONDS: f64 = 120.0;
const EXTEND_AT_MOST_EVERY_SECONDS: f64 = 60.0;

#[component]
pub fn TimeoutWarning(before_warning: Option<BeforeWarning>) -> impl IntoView {
    let session = use_session();
    let location = use_location();
    let active_since_refresh = RwSignal::new(false);
    let warning = RwSignal::new(false);
    let seconds_left = RwSignal::new(WARN_BEFORE_SECONDS);
    let heading = NodeRef::<html::H2>::new();
    let locale = use_locale();

    let note_activity = move || {
        if session.is_signed_in() && !warning.get_untracked() {
            active_since_refresh.set(true);
        }
    };
    // The listeners live as long as the page; the app never unmounts its shell.
    let _ = window_event_listener(ev::keydown, move |_| note_activity());
    let _ = window_event_listener(ev::pointerdown, move |_| note_activity());

    let tick = move || {
        if !session.is_signed_in() {
            warning.set(false);
            return;
        }
        let idle = (now() - session.refreshed_at.get_untracked()) / 1000.0;
        let timeout = session.idle_timeout_seconds();
        if idle >= timeout {
            warning.set(false);
            session.sign_out(Ending::Inactive);
        } else if idle >= timeout - WARN_BEFORE_SECONDS {
            seconds_left.set((timeout - idle).max(0.0));
            if !warning.get_untracked()
                && let Some(before_warning) = before_warning
            {
                before_warning(&location.pathname.get_untracked(), session);
            }
            warning.set(true);
        } else if active_since_refresh.get_untracked() && idle >= EXTEND_AT_MOST_EVERY_SECONDS {
            active_since_refresh.set(false);
            spawn_local(async move {
                session.refresh().await;
            });
        }
    };
    // An interval lasts as long as the page, like the listeners.
    let _ = set_interval_with_handle(tick, Duration::from_secs(5));

    Effect::new(move |_| {
        if warning.get()
            && let Some(element) = heading.get()
        {
            let _ = element.focus();
        }
    });

    let stay = move |_| {
        warning.set(false);
        active_since_refresh.set(false);
        spawn_local(async move {
            session.refresh().await;
        });
    };
    let leave = move |_| {
        warning.set(false);
        session.sign_out(Ending::SignedOut);
    };

    move || {
        warning.get().then(|| {
            view! {
                <div class="app-timeout-overlay">
                    <div class="app-timeout-dialog" role="dialog" aria-modal="true"
                        aria-labelledby="timeout-heading" aria-describedby="timeout-message">
                        <h2 class="govuk-heading-m" id="timeout-heading" tabindex="-1" node_ref=heading>
                            {td_string!(locale, timeout.heading)}
                        </h2>
                        <p class="govuk-body" id="timeout-message">
                            {move || fill(td_string!(locale, timeout.message), &[("time", minutes_and_seconds(locale, seconds_left.get()).to_string())])}
                        </p>
                        <div class="govuk-button-group">
                            <button type="button" class="govuk-button" on:click=stay>{td_string!(locale, timeout.stay)}</button>
                            <button type="button" class="govuk-button govuk-button--secondary" on:click=leave>{td_string!(locale, timeout.sign_out)}</button>
                        </div>
                    </div>
                </div>
            }
        })
    }
}

fn minutes_and_seconds(locale: Locale, seconds: f64) -> String {
    let seconds = seconds.round() as i64;
    let minute = td_string!(locale, timeout.minute);
    let minutes = td_string!(locale, timeout.minutes);
    let secs = td_string!(locale, timeout.seconds);
    match (seconds / 60, seconds % 60) {
        (0, s) => format!("{s} {secs}"),
        (1, 0) => format!("1 {minute}"),
        (m, 0) => format!("{m} {minutes}"),
        (1, s) => format!("1 {minute} {s} {secs}"),
        (m, s) => format!("{m} {minutes} {s} {secs}"),
    }
}
