use leptos::prelude::*;
use leptos_router::hooks::{use_navigate, use_params_map};

use super::state::{Filling, Progress, resume_path};
use crate::components::title::set_page_title;
use crate::session::use_session;

/// Opens a saved form from the account: its answers come into this window and the form opens
/// on the page it was saved on.
#[component]
pub fn ResumeDraft() -> impl IntoView {
    set_page_title("Opening your saved form");
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
            view! { <p class="govuk-body" role="status">"Opening your saved form"</p> }.into_any()
        }
        Some(message) => view! {
            <h1 class="govuk-heading-l">"Your saved form could not be opened"</h1>
            <p class="govuk-body">{message}</p>
            <p class="govuk-body">"Saved forms are deleted 30 days after they were last saved."</p>
        }
        .into_any(),
    }
}
