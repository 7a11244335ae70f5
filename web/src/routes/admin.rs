//! The administrators' pages under /staff: the audit log, staff accounts, integrations and
//! operations. A download of their own, so staff who never open them never fetch them.

use leptos::prelude::*;
use leptos_router::components::{Route, Routes};
use leptos_router::path;

use shared::boot::Bundle;

use crate::app::{Elsewhere, Frame};
use crate::pages::staff;

#[component]
pub fn App() -> impl IntoView {
    view! {
        <Frame>
            <Routes fallback=|| view! { <Elsewhere this=Bundle::Admin /> }>
                <Route path=path!("/staff/accounts") view=staff::StaffAccounts />
                <Route path=path!("/staff/accounts/new") view=staff::NewStaffAccount />
                <Route path=path!("/staff/accounts/:account_id") view=staff::StaffAccount />
                <Route path=path!("/staff/audit") view=staff::AuditLog />
                <Route path=path!("/staff/integrations") view=staff::Integrations />
                <Route path=path!("/staff/integrations/webhooks/:webhook_id") view=staff::WebhookDeliveries />
                <Route path=path!("/staff/operations") view=staff::Operations />
            </Routes>
        </Frame>
    }
}
