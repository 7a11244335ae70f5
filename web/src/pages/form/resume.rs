use leptos::prelude::*;
use leptos_router::hooks::{use_navigate, use_params_map};

use super::state::{Filling, Progress, resume_path};
use crate::boot::use_locale;
use crate::components::title::set_page_title;
use crate::i18n::td_string;
use crate::session::use_session;

/// Opens a saved form from the account: its answers come into this window and the form opens
/// on the page it was saved on.
#[component]
pub fn ResumeDraft() -> impl IntoView {
    let locale = use_locale();
    set_page_title(td_string!(locale, wizard.opening));
    let session = use_session();
    let params = use_params_map();
    let navigate = use_navigate();
    let failed = RwSignal::new(None::<String>);
    Effect::new(move |_| {
        if !session.checked.get() {
            return;
        }
        let draft_id = params.read_untracked().get("draft_id").unwrap_or_default();
        let navigate = navigate.clone();
        leptos::task::spawn_local(async move {
            let loaded = async {
                let client = session.api();
                client.draft(&draft_id).await
            }
            .await;
            match loaded {
                Ok(draft) => {
                    let filling = Filling::Referral {
                        form_id: draft.form_id.clone(),
                    };
                    let path = resume_path(&filling, draft.page_id.as_deref());
                    Progress::from_draft(draft).store(&filling);
                    navigate(&path, Default::default());
                }
                Err(error) => failed.set(error.field_errors().into_values().flatten().next()),
            }
        });
    });
    move || match failed.get() {
        None => {
            view! { <p class="govuk-body" role="status">{td_string!(locale, wizard.opening)}</p> }
                .into_any()
        }
        Some(message) => view! {
            <h1 class="govuk-heading-l">{td_string!(locale, wizard.not_opened)}</h1>
            <p class="govuk-body">{message}</p>
            <p class="govuk-body">{td_string!(locale, wizard.saved_deleted)}</p>
        }
        .into_any(),
    }
}
