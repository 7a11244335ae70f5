//! A form in progress in this browser tab: its answers, the draft they were saved to, and the
//! key every try of its Submit sends. Kept in session storage, so the answers survive a trip
//! through sign-in or registration, and go when the tab closes (nothing reaches the council,
//! or even the server, until the person saves or submits).

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use shared::api::{CreateDraftRequest, DraftView, UpdateDraftRequest};
use shared::forms::{Answers, FormDefinition, Prefill, exit_page, visible_pages};

use crate::api::{self, ApiError};
use crate::session::Session;

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Progress {
    pub answers: Answers,
    /// The server's draft, once saved.
    pub draft_id: Option<String>,
    /// The draft's version, sent back with the next save.
    pub version: u32,
    /// Sent with every try of Submit, so a retry never makes a second referral.
    pub idempotency_key: String,
}

fn storage() -> Option<web_sys::Storage> {
    web_sys::window().and_then(|w| w.session_storage().ok().flatten())
}

fn storage_key(form_id: &str) -> String {
    format!("portal_form:{form_id}")
}

impl Progress {
    /// An empty form with its own submit key.
    pub fn fresh() -> Self {
        Self {
            idempotency_key: new_key(),
            ..Self::default()
        }
    }

    /// The form in progress in this tab, if any.
    pub fn load(form_id: &str) -> Option<Self> {
        let text = storage()?.get_item(&storage_key(form_id)).ok().flatten()?;
        serde_json::from_str(&text).ok()
    }

    pub fn load_or_new(form_id: &str) -> Self {
        Self::load(form_id).unwrap_or_else(Self::fresh)
    }

    pub fn store(&self, form_id: &str) {
        if let (Some(storage), Ok(text)) = (storage(), serde_json::to_string(self)) {
            // Storage can be full or forbidden; the answers are still on the page.
            let _ = storage.set_item(&storage_key(form_id), &text);
        }
    }

    pub fn forget(form_id: &str) {
        if let Some(storage) = storage() {
            let _ = storage.remove_item(&storage_key(form_id));
        }
    }

    /// Starts from a draft saved on the server.
    pub fn from_draft(draft: DraftView) -> Self {
        Self {
            answers: draft.answers,
            draft_id: Some(draft.id),
            version: draft.version,
            idempotency_key: new_key(),
        }
    }

    /// Fills the signed-in account's name and email into the referrer questions not yet
    /// answered.
    pub fn prefill(&mut self, form: &FormDefinition, session: &Session) {
        let Some(account) = session.account() else {
            return;
        };
        for question in form.questions() {
            let value = match question.prefill {
                Some(Prefill::AccountName) => format!("{} {}", account.forename, account.surname),
                Some(Prefill::AccountEmail) => account.email.clone(),
                None => continue,
            };
            self.answers
                .entry(question.id.clone())
                .or_insert(serde_json::Value::String(value));
        }
    }

    /// Saves the answers as a draft (creating it the first time). `page_id` is where the
    /// person will resume.
    pub async fn save(
        &mut self,
        form_id: &str,
        page_id: Option<String>,
        session: Session,
    ) -> Result<DraftView, ApiError> {
        let token = session.fresh_token().await?;
        let saved = match &self.draft_id {
            None => {
                api::create_draft(
                    &token,
                    &CreateDraftRequest {
                        form_id: form_id.to_owned(),
                        answers: self.answers.clone(),
                        page_id,
                    },
                )
                .await?
            }
            Some(id) => {
                api::update_draft(
                    &token,
                    id,
                    &UpdateDraftRequest {
                        version: self.version,
                        answers: self.answers.clone(),
                        page_id,
                    },
                )
                .await?
            }
        };
        self.draft_id = Some(saved.id.clone());
        self.version = saved.version;
        self.store(form_id);
        Ok(saved)
    }
}

fn new_key() -> String {
    web_sys::window()
        .and_then(|w| w.crypto().ok())
        .map(|c| c.random_uuid())
        .unwrap_or_else(|| format!("{}-{}", js_sys::Date::now(), js_sys::Math::random()))
}

/// Today in the browser's own time zone, for the date rules.
pub fn today() -> NaiveDate {
    let now = js_sys::Date::new_0();
    NaiveDate::from_ymd_opt(
        i32::try_from(now.get_full_year()).unwrap_or(1970),
        now.get_month() + 1,
        now.get_date(),
    )
    .unwrap_or_default()
}

/// Where Next goes from `page_id`: an exit page, the next page shown, or check answers.
pub fn after(form: &FormDefinition, page_id: &str, answers: &Answers) -> String {
    if let Some(exit) = exit_page(form, answers) {
        return format!("/forms/{}/exit/{}", form.id, exit.id);
    }
    let pages = visible_pages(form, answers);
    let position = pages.iter().position(|p| p.id == page_id);
    match position.and_then(|i| pages.get(i + 1)) {
        Some(next) => page_path(form, &next.id),
        None => format!("/forms/{}/check-answers", form.id),
    }
}

/// Where Previous goes from `page_id`: the page shown before it, or "Before you start".
pub fn before(form: &FormDefinition, page_id: &str, answers: &Answers) -> String {
    let pages = visible_pages(form, answers);
    let position = pages.iter().position(|p| p.id == page_id).unwrap_or(0);
    match position.checked_sub(1).and_then(|i| pages.get(i)) {
        Some(previous) => page_path(form, &previous.id),
        None => format!("/forms/{}", form.id),
    }
}

pub fn page_path(form: &FormDefinition, page_id: &str) -> String {
    format!("/forms/{}/page/{page_id}", form.id)
}

/// Where a person resuming goes: the page they saved on, else the first page.
pub fn resume_path(form_id: &str, page_id: Option<&str>) -> String {
    match page_id {
        Some(page) => format!("/forms/{form_id}/page/{page}"),
        None => format!("/forms/{form_id}/check-answers"),
    }
}

/// The path to come back to after signing in or registering.
const RETURN_TO: &str = "portal_return_to";

pub fn return_here_after_sign_in(path: &str) {
    if let Some(storage) = storage() {
        let _ = storage.set_item(RETURN_TO, path);
    }
}

/// Where sign-in and registration should go next; `/account` unless a form asked.
pub fn take_return_path() -> String {
    let Some(storage) = storage() else {
        return "/account".into();
    };
    let path = storage.get_item(RETURN_TO).ok().flatten();
    let _ = storage.remove_item(RETURN_TO);
    // Only paths on this site: never a link to somewhere else.
    path.filter(|p| p.starts_with('/') && !p.starts_with("//"))
        .unwrap_or_else(|| "/account".into())
}

/// The submission just made in this tab, so its page shows the confirmation panel once.
const JUST_SUBMITTED: &str = "portal_just_submitted";

pub fn mark_just_submitted(id: &str) {
    if let Some(storage) = storage() {
        let _ = storage.set_item(JUST_SUBMITTED, id);
    }
}

pub fn take_just_submitted(id: &str) -> bool {
    let Some(storage) = storage() else {
        return false;
    };
    let just = storage.get_item(JUST_SUBMITTED).ok().flatten().as_deref() == Some(id);
    if just {
        let _ = storage.remove_item(JUST_SUBMITTED);
    }
    just
}
