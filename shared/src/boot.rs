//! What the server writes into every page of the browser app (a JSON block the app reads as it
//! starts), so that its first render needs no request: on a slow phone each round trip costs
//! a noticeable pause before anything can change on screen.

use serde::{Deserialize, Serialize};

use crate::api::CouncilView;
use crate::language::Language;

/// The id of the `<script type="application/json">` element holding a [`Boot`].
pub const ELEMENT_ID: &str = "portal-boot";

/// The id of the `<script type="application/json">` element that a page of a referral form
/// (`/forms/<id>…`) carries: the form's definition, as `GET /api/v1/forms/{id}` answers it, so
/// the wizard draws its first page without asking. Apart from [`Boot`], so that only the
/// wizard's download carries the code that reads a definition.
pub const FORM_ELEMENT_ID: &str = "portal-form";

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Boot {
    /// The same as `GET /api/v1/council` answers.
    pub council: CouncilView,
    /// Where the bot check's worker script is: its name carries a hash of its content, so it
    /// changes with each release that changes it.
    pub bot_check_worker: String,
    /// The language the server chose for this visit (the visitor's choice, kept in the
    /// `language` cookie, or else what their browser prefers): the page is written in it.
    pub language: Language,
}

/// The cookie that keeps a visitor's choice of language between visits. It holds only `en` or
/// `cy` and is set only when they choose, so it needs no consent banner.
pub const LANGUAGE_COOKIE: &str = "language";

/// The query (`?lang=cy`) the header's language link adds to the page it is on.
pub const LANGUAGE_QUERY: &str = "lang";

/// The browser app is four downloads, so that nobody fetches code for pages they do not use:
/// the public pages with signing in (the first visit), the form wizard with the account and
/// the citizen record, the council's daily work, and the administrators' pages. Moving between them loads the page from the server, which sends
/// the right one; the server and the app both ask this function which that is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Bundle {
    /// Home, the referral hub and DoLS page, signing in, registering, a forgotten password.
    Public,
    /// The form wizard (referrals and items to complete), the account with its saved and
    /// submitted forms, and the citizen record.
    Forms,
    /// The council's daily work under `/staff`: the overview, the queue, messages, people.
    Staff,
    /// The administrators' pages under `/staff`: the audit log, staff accounts, integrations
    /// and operations, which most staff never open.
    Admin,
}

impl Bundle {
    pub const ALL: [Self; 4] = [Self::Public, Self::Forms, Self::Staff, Self::Admin];

    /// Which download serves a path (of a page: the server has answered 404 for paths no app
    /// has).
    pub fn serving(path: &str) -> Self {
        let mut parts = path.trim_start_matches('/').split('/');
        let first = parts.next().unwrap_or_default();
        match first {
            "staff" => match parts.next() {
                Some("audit" | "accounts" | "integrations" | "operations") => Self::Admin,
                _ => Self::Staff,
            },
            "forms" | "form-preview" | "record" | "account" => Self::Forms,
            _ => Self::Public,
        }
    }

    /// The name of its files: `<name>.js` and `<name>_bg.wasm`.
    pub fn name(self) -> &'static str {
        match self {
            Self::Public => "public",
            Self::Forms => "forms",
            Self::Staff => "staff",
            Self::Admin => "admin",
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_page_is_served_by_the_download_that_has_it() {
        for (path, bundle) in [
            ("/", Bundle::Public),
            ("/referrals/dols", Bundle::Public),
            ("/sign-in", Bundle::Public),
            ("/signed-out", Bundle::Public),
            ("/account", Bundle::Forms),
            ("/account/email", Bundle::Forms),
            ("/account/drafts/0190", Bundle::Forms),
            ("/account/submissions/0190", Bundle::Forms),
            ("/forms/social-care-referral", Bundle::Forms),
            ("/record/0190/items/0191/page/income", Bundle::Forms),
            ("/form-preview", Bundle::Forms),
            ("/staff", Bundle::Staff),
            ("/staff/referrals/0190", Bundle::Staff),
            ("/staff/audit", Bundle::Admin),
            ("/staff/accounts/0190", Bundle::Admin),
            ("/staff/integrations/webhooks/0190", Bundle::Admin),
            ("/staff/operations", Bundle::Admin),
            ("/staff/people/0190", Bundle::Staff),
            ("/staffing", Bundle::Public),
        ] {
            assert_eq!(Bundle::serving(path), bundle, "{path}");
        }
    }
}
