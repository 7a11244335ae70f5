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
use shared::api::Role;

pub(crate) use crate::components::loading::{Failed, load};
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
    move || {
        if !session.checked.get() {
            view! { <p class="govuk-body">"Loading"</p> }.into_any()
        } else if !session.is_signed_in() {
            view! { <Redirect path="/sign-in" /> }.into_any()
        } else if !is_staff(session) {
            view! {
                <h1 class="govuk-heading-l">"This page is for council staff"</h1>
                <p class="govuk-body">"Your account cannot see it. "
                    <a href="/account" class="govuk-link">"Go to your account"</a>"."</p>
            }
            .into_any()
        } else {
            page().into_any()
        }
    }
}

/// A status as a coloured tag.
fn status_tag(status: shared::api::SubmissionStatus) -> impl IntoView {
    use shared::api::SubmissionStatus::*;
    let colour = match status {
        Received => "govuk-tag--blue",
        InReview => "govuk-tag--light-blue",
        Accepted => "govuk-tag--green",
        Declined => "govuk-tag--grey",
        MoreInformationNeeded => "govuk-tag--yellow",
    };
    view! { <strong class=format!("govuk-tag {colour}")>{status.label()}</strong> }
}

fn day(date: chrono::NaiveDate) -> String {
    date.format("%-d %b %Y").to_string()
}
