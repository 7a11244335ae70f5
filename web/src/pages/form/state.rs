//! A form in progress in this browser tab: its answers, the draft they were saved to, and the
//! key every try of its Submit sends. Kept in session storage, so the answers survive a trip
//! through sign-in or registration, and go when the tab closes (nothing reaches the council,
//! or even the server, until the person saves or submits).

use chrono::NaiveDate;
use leptos_router::params::ParamsMap;
use serde::{Deserialize, Serialize};
use shared::api::{CreateDraftRequest, DraftView, ItemView, SaveItemRequest, UpdateDraftRequest};
use shared::forms::{Answers, FormDefinition, Known, exit_page, prefill, visible_pages};

use crate::api::ApiError;
use crate::session::Session;

/// Whose form is being filled, which decides its addresses, where it is saved and where it
/// goes. The wizard's pages are the same for both.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Filling {
    /// A referral anyone may start from the list of forms: saved as the account's own draft,
    /// submitted to the council.
    Referral { form_id: String },
    /// A form the council sent a person: saved on the item, which the person and their
    /// proxies share, and sent back to the team that asked for it.
    Item { person_id: String, item_id: String },
}

impl Filling {
    /// Read from the page's address: `/record/:person_id/items/:item_id/…` or `/forms/:form_id/…`.
    pub fn from_params(params: &ParamsMap) -> Self {
        match (params.get("person_id"), params.get("item_id")) {
            (Some(person_id), Some(item_id)) => Self::Item { person_id, item_id },
            _ => Self::Referral {
                form_id: params.get("form_id").unwrap_or_default(),
            },
        }
    }

    /// The form's first address: "Before you start", or the item's own page.
    pub fn base(&self) -> String {
        match self {
            Self::Referral { form_id } => format!("/forms/{form_id}"),
            Self::Item { person_id, item_id } => format!("/record/{person_id}/items/{item_id}"),
        }
    }

    pub fn page(&self, page_id: &str) -> String {
        format!("{}/page/{page_id}", self.base())
    }

    pub fn check_answers(&self) -> String {
        format!("{}/check-answers", self.base())
    }

    pub fn exit(&self, exit_id: &str) -> String {
        format!("{}/exit/{exit_id}", self.base())
    }

    pub fn is_item(&self) -> bool {
        matches!(self, Self::Item { .. })
    }

    fn storage_key(&self) -> String {
        match self {
            Self::Referral { form_id } => format!("portal_form:{form_id}"),
            Self::Item { item_id, .. } => format!("portal_item:{item_id}"),
        }
    }
}

/// What a save kept on the server.
#[derive(Debug, Clone)]
pub enum Saved {
    Draft(DraftView),
    Item(Box<ItemView>),
}

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

impl Progress {
    /// An empty form with its own submit key.
    pub fn fresh() -> Self {
        Self {
            idempotency_key: new_key(),
            ..Self::default()
        }
    }

    /// The form in progress in this tab, if any.
    pub fn load(filling: &Filling) -> Option<Self> {
        let text = storage()?.get_item(&filling.storage_key()).ok().flatten()?;
        serde_json::from_str(&text).ok()
    }

    pub fn load_or_new(filling: &Filling) -> Self {
        Self::load(filling).unwrap_or_else(Self::fresh)
    }

    pub fn store(&self, filling: &Filling) {
        if let (Some(storage), Ok(text)) = (storage(), serde_json::to_string(self)) {
            // Storage can be full or forbidden; the answers are still on the page.
            let _ = storage.set_item(&filling.storage_key(), &text);
        }
    }

    pub fn forget(filling: &Filling) {
        if let Some(storage) = storage() {
            let _ = storage.remove_item(&filling.storage_key());
        }
    }

    /// Starts from the copy of an item the server holds, unless this tab holds a copy at least
    /// as new (answers typed since the last save).
    pub fn sync_item(item: &ItemView, filling: &Filling) -> Self {
        match Self::load(filling) {
            Some(held) if held.version >= item.version => held,
            _ => {
                let progress = Self {
                    answers: item.answers.clone(),
                    draft_id: None,
                    version: item.version,
                    idempotency_key: new_key(),
                };
                progress.store(filling);
                progress
            }
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
        // The record's answers come with an item from the server, which filled them in.
        let known = Known {
            account: Some((&account.forename, &account.surname, &account.email)),
            person: None,
        };
        prefill(form, known, &mut self.answers);
    }

    /// Saves the answers: a referral as the account's draft (created the first time), an item
    /// on the item. `page_id` is where the person will resume.
    pub async fn save(
        &mut self,
        filling: &Filling,
        page_id: Option<String>,
        session: Session,
    ) -> Result<Saved, ApiError> {
        let client = session.api();
        let form_id = match filling {
            Filling::Referral { form_id } => form_id,
            Filling::Item { person_id, item_id } => {
                let request = SaveItemRequest {
                    version: self.version,
                    answers: self.answers.clone(),
                    page_id,
                };
                let saved = client.save_item(person_id, item_id, &request).await?;
                self.version = saved.version;
                self.store(filling);
                return Ok(Saved::Item(Box::new(saved)));
            }
        };
        let saved = match &self.draft_id {
            None => {
                client
                    .create_draft(&CreateDraftRequest {
                        form_id: form_id.to_owned(),
                        answers: self.answers.clone(),
                        page_id,
                    })
                    .await?
            }
            Some(id) => {
                client
                    .update_draft(
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
        self.store(filling);
        Ok(Saved::Draft(saved))
    }
}

fn new_key() -> String {
    web_sys::window()
        .and_then(|w| w.crypto().ok())
        .map(|c| c.random_uuid())
        .unwrap_or_else(|| format!("{}-{}", js_sys::Date::now(), js_sys::Math::random()))
}

/// Today in the UK, as the server counts it (`api::calendar::today`), whatever the computer's
/// own time zone: the form's rules and conditions read it, and the browser and the server must
/// reach the same verdicts.
pub fn today() -> NaiveDate {
    crate::time::uk_today()
}

/// Where Next goes from `page_id`: an exit page, the next page shown, or check answers.
pub fn after(filling: &Filling, form: &FormDefinition, page_id: &str, answers: &Answers) -> String {
    if let Some(exit) = exit_page(form, answers, today()) {
        return filling.exit(&exit.id);
    }
    let pages = visible_pages(form, answers, today());
    let position = pages.iter().position(|p| p.id == page_id);
    match position.and_then(|i| pages.get(i + 1)) {
        Some(next) => filling.page(&next.id),
        None => filling.check_answers(),
    }
}

/// Where Previous goes from `page_id`: the page shown before it, or the form's first page.
pub fn before(
    filling: &Filling,
    form: &FormDefinition,
    page_id: &str,
    answers: &Answers,
) -> String {
    let pages = visible_pages(form, answers, today());
    let position = pages.iter().position(|p| p.id == page_id).unwrap_or(0);
    match position.checked_sub(1).and_then(|i| pages.get(i)) {
        Some(previous) => filling.page(&previous.id),
        None => filling.base(),
    }
}

/// Where a person resuming goes: the page they saved on, else check answers.
pub fn resume_path(filling: &Filling, page_id: Option<&str>) -> String {
    match page_id {
        Some(page) => filling.page(page),
        None => filling.check_answers(),
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
    take_stored_return_path().unwrap_or_else(|| "/account".into())
}

/// The page to go back to after signing in, when one was kept, and forgets it.
pub fn take_stored_return_path() -> Option<String> {
    let storage = storage()?;
    let path = storage.get_item(RETURN_TO).ok().flatten();
    let _ = storage.remove_item(RETURN_TO);
    // Only paths on this site: never a link to somewhere else.
    path.filter(|p| p.starts_with('/') && !p.starts_with("//"))
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
