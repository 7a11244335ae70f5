//! Invitations to see care records, shown in the account until they are answered.

use leptos::prelude::*;
use leptos_router::hooks::use_navigate;
use shared::api::{FieldErrors, InvitationView, LegalBasis, Relationship};

use crate::components::form::ErrorSummary;
use crate::fill;
use crate::i18n::{Locale, td_string};
use crate::session::use_session;

fn footing(locale: Locale, invitation: &InvitationView) -> &'static str {
    match (invitation.relationship, invitation.legal_basis) {
        (Relationship::Own, _) => td_string!(locale, account.footing_own),
        (Relationship::Proxy, Some(LegalBasis::LastingPowerOfAttorney)) => {
            td_string!(locale, account.footing_attorney)
        }
        (Relationship::Proxy, Some(LegalBasis::Deputyship)) => {
            td_string!(locale, account.footing_deputy)
        }
        (Relationship::Proxy, None | Some(LegalBasis::Consent)) => {
            td_string!(locale, account.footing_consent)
        }
    }
}

/// The open invitations, each with Accept and Decline; nothing when there are none.
#[component]
pub fn Invitations() -> impl IntoView {
    let (locale, language) = (crate::boot::use_locale(), crate::boot::use_language());
    let session = use_session();
    let navigate = use_navigate();
    let version = RwSignal::new(0u32);
    let errors = RwSignal::new(FieldErrors::new());
    let loaded = LocalResource::new(move || {
        let _ = version.get();
        async move {
            let client = session.api();
            client.invitations().await.ok()
        }
    });
    let answer = move |id: String, accept: bool| {
        let navigate = navigate.clone();
        leptos::task::spawn_local(async move {
            let done = async {
                let client = session.api();
                if accept {
                    client.accept_invitation(&id).await.map(Some)
                } else {
                    client.decline_invitation(&id).await.map(|()| None)
                }
            }
            .await;
            match done {
                Ok(Some(person)) => navigate(&format!("/record/{}", person.id), Default::default()),
                Ok(None) => version.update(|v| *v += 1),
                Err(error) => errors.set(error.field_errors()),
            }
        });
    };
    view! {
        <Transition fallback=|| ()>
            {move || loaded.get().flatten().filter(|list| !list.is_empty()).map(|list| {
                let answer = answer.clone();
                view! {
                    <ErrorSummary errors=errors />
                    <h2 class="govuk-heading-m">{td_string!(locale, account.invitations)}</h2>
                    {list.into_iter().map(|invitation| {
                        let (yes, no) = (answer.clone(), answer.clone());
                        let (id_yes, id_no) = (invitation.id.clone(), invitation.id.clone());
                        view! {
                            <div class="govuk-inset-text">
                                <p class="govuk-body">{fill(td_string!(locale, account.invited), &[("name", invitation.person_name.to_string()), ("footing", footing(locale, &invitation).to_string())])}</p>
                                <p class="govuk-body-s">{fill(td_string!(locale, account.answer_by), &[("date", crate::time::uk_date_in(language, invitation.expires_at).to_string())])}</p>
                                <div class="govuk-button-group">
                                    <button type="button" class="govuk-button" data-module="govuk-button" on:click=move |_| yes(id_yes.clone(), true)>
                                        {td_string!(locale, account.accept)}<span class="govuk-visually-hidden">{fill(td_string!(locale, account.accept_hidden), &[("name", invitation.person_name.to_string())])}</span>
                                    </button>
                                    <button type="button" class="govuk-button govuk-button--secondary" data-module="govuk-button" on:click=move |_| no(id_no.clone(), false)>
                                        {td_string!(locale, account.decline)}
                                    </button>
                                </div>
                            </div>
                        }
                    }).collect_view()}
                }
            })}
        </Transition>
    }
}
