//! The council's side, under /staff: the referral queue, the teams' messages, people's records
//! and (for administrators) the audit log, staff accounts, integrations and operations. Every
//! page needs a staff account; the server checks it again on every call.

mod accounts;
mod actions;
mod audit;
mod home;
mod imports;
mod integrations;
mod messages;
mod operations;
mod people;
mod queue;
mod record;

pub use accounts::{NewStaffAccount, StaffAccount, StaffAccounts};
pub use actions::{EditPerson, GiveAccess, NewPerson, RecordInvolvement, SendForm};
pub use audit::AuditLog;
pub use home::StaffHome;
pub use imports::Imports;
pub use integrations::{Integrations, WebhookDeliveries};
pub use messages::{StaffThread, TeamQueues, TeamThreads};
pub use operations::Operations;
pub use people::{FindPerson, StaffPerson};
pub use queue::{Referral, ReferralQueue};

use leptos::prelude::*;
use leptos_router::components::Redirect;
use shared::api::{Role, SubmissionStatus};
use shared::language::Language;

pub(crate) use crate::components::loading::{Failed, load};
use crate::i18n::{Locale, td_string};
use crate::session::{Session, use_session};

/// Whether the signed-in account works for the council.
pub fn is_staff(session: Session) -> bool {
    session
        .account()
        .is_some_and(|a| matches!(a.role, Role::Staff | Role::Administrator))
}

/// Renders `page` for staff; sends anyone signed out to sign in, and tells anyone else the page
/// is for council staff.
fn staff_only<V: IntoView + 'static>(
    page: impl Fn() -> V + Send + Sync + 'static,
) -> impl IntoView {
    let session = use_session();
    let locale = crate::boot::use_locale();
    move || {
        if !session.checked.get() {
            view! { <p class="govuk-body">{td_string!(locale, staff.common.loading)}</p> }
                .into_any()
        } else if !session.is_signed_in() {
            view! { <Redirect path="/sign-in" /> }.into_any()
        } else if !is_staff(session) {
            view! {
                <h1 class="govuk-heading-l">{td_string!(locale, staff.common.for_staff)}</h1>
                <p class="govuk-body">{td_string!(locale, staff.common.cannot_see)}
                    <a href="/account" class="govuk-link">{td_string!(locale, staff.common.go_to_account)}</a>{td_string!(locale, staff.common.full_stop)}</p>
            }
            .into_any()
        } else {
            page().into_any()
        }
    }
}

/// A status as a coloured tag.
fn status_tag(locale: Locale, status: SubmissionStatus) -> impl IntoView {
    use SubmissionStatus::*;
    let colour = match status {
        Received => "govuk-tag--blue",
        InReview => "govuk-tag--light-blue",
        Accepted => "govuk-tag--green",
        Declined => "govuk-tag--grey",
        MoreInformationNeeded => "govuk-tag--yellow",
    };
    view! { <strong class=format!("govuk-tag {colour}")>{crate::labels::submission_status(locale, status)}</strong> }
}

/// "1 Dec 2026"; in Welsh, "1 Rhagfyr 2026" (Welsh months are not shortened).
fn day(locale: Locale, date: chrono::NaiveDate) -> String {
    match locale {
        Locale::en => date.format("%-d %b %Y").to_string(),
        Locale::cy => crate::time::day_in(Language::Welsh, date),
    }
}

/// "1 December 2026", "1 Rhagfyr 2026".
fn long_day(locale: Locale, date: chrono::NaiveDate) -> String {
    crate::time::day_in(crate::language_of(locale), date)
}

/// A moment in UK time: "1 December 2026 at 2:05 pm GMT".
fn when(locale: Locale, at: chrono::DateTime<chrono::Utc>) -> String {
    crate::time::uk_time_in(crate::language_of(locale), at)
}
