use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::use_query_map;
use shared::api::ItemView;
use shared::forms::FormDefinition;

use super::state::{Filling, Progress, Saved, resume_path, return_here_after_sign_in};
use super::with_form;
use crate::api::ApiError;
use crate::components::title::set_page_title;
use crate::session::use_session;

/// Save for later: signed in, the answers are saved to the account for 30 days; not signed
/// in, the seed's "Login or Register" page first, which comes back here afterwards.
#[component]
pub fn SaveForLater() -> impl IntoView {
    with_form(|form, filling| view! { <Save form=form filling=filling /> })
}

#[component]
fn Save(form: FormDefinition, filling: Filling) -> impl IntoView {
    let session = use_session();
    let query = use_query_map();
    let page = query.read_untracked().get("page");
    let here = match &page {
        Some(page) => format!("{}/save?page={page}", filling.base()),
        None => format!("{}/save", filling.base()),
    };
    let outcome: RwSignal<Option<Result<Saved, ApiError>>> = RwSignal::new(None);
    let started = StoredValue::new(false);
    let save = {
        let filling = filling.clone();
        move || {
            if started.get_value() {
                return;
            }
            started.set_value(true);
            let filling = filling.clone();
            let page = page.clone();
            leptos::task::spawn_local(async move {
                let mut progress = Progress::load_or_new(&filling);
                outcome.set(Some(progress.save(&filling, page, session).await));
            });
        }
    };
    let title = form
        .title
        .in_language(crate::boot::use_language())
        .to_owned();
    move || {
        if !session.checked.get() {
            return view! { <p class="govuk-body">"Loading"</p> }.into_any();
        }
        if !session.is_signed_in() {
            set_page_title("Sign in to save your form");
            return view! { <SignInToSave form_title=title.clone() here=here.clone() /> }
                .into_any();
        }
        save();
        match outcome.get() {
            None => view! { <p class="govuk-body" role="status">"Saving your form"</p> }.into_any(),
            Some(Ok(Saved::Item(item))) => {
                set_page_title("Your answers have been saved");
                view! { <ItemSaved item=*item filling=filling.clone() /> }.into_any()
            }
            Some(Ok(Saved::Draft(draft))) => {
                set_page_title("Your form has been saved");
                let expires = draft.expires_at.format("%-d %B %Y").to_string();
                view! {
                    <div class="govuk-grid-row">
                        <div class="govuk-grid-column-two-thirds">
                            <div class="govuk-panel govuk-panel--confirmation">
                                <h1 class="govuk-panel__title">"Your form has been saved"</h1>
                                <div class="govuk-panel__body">{draft.form_title.clone()}</div>
                            </div>
                            <p class="govuk-body">{format!("We will keep it until {expires}. Each time you save it, we keep it for another 30 days.")}</p>
                            <p class="govuk-body">"The council has not received this form. Nothing is sent until you submit it."</p>
                            <p class="govuk-body">"To carry on, go to your account and choose the form under \u{201c}Saved forms\u{201d}."</p>
                            <div class="govuk-button-group">
                                <A href=resume_path(&filling, draft.page_id.as_deref()) attr:class="govuk-button" attr:role="button">"Continue the form now"</A>
                                <A href="/account" attr:class="govuk-link">"Go to your account"</A>
                            </div>
                        </div>
                    </div>
                }
                .into_any()
            }
            Some(Err(error)) => {
                set_page_title("Your form could not be saved");
                let lines: Vec<String> = error.field_errors().into_values().flatten().collect();
                view! {
                    <h1 class="govuk-heading-l">"Your form could not be saved"</h1>
                    {lines.into_iter().map(|line| view! { <p class="govuk-body">{line}</p> }).collect_view()}
                    <p class="govuk-body">"Your answers are still in this window. "
                        <A href="/account" attr:class="govuk-link">"Go to your account"</A>" to see the saved copy."</p>
                }
                .into_any()
            }
        }
    }
}

#[component]
fn SignInToSave(form_title: String, here: String) -> impl IntoView {
    let (a, b) = (here.clone(), here);
    view! {
        <div class="govuk-grid-row">
            <div class="govuk-grid-column-two-thirds">
                <span class="govuk-caption-l">{form_title}</span>
                <h1 class="govuk-heading-l">"Sign in to save your form"</h1>
                <p class="govuk-body">"To save the form you need to sign in, or register for an account. Your answers are kept in this window while you do, and saved to your account straight after."</p>
                <p class="govuk-body">"To register:"</p>
                <ol class="govuk-list govuk-list--number">
                    <li>"you need an email address you can read now"</li>
                    <li>"we send a verification code to it"</li>
                    <li>"you enter the code within 20 minutes"</li>
                </ol>
                <p class="govuk-body">"If the email does not arrive, check your junk folder or ask for a new code."</p>
                <div class="govuk-button-group">
                    <A href="/sign-in" attr:class="govuk-button" attr:role="button" on:click=move |_| return_here_after_sign_in(&a)>"Sign in"</A>
                    <A href="/register" attr:class="govuk-button govuk-button--secondary" attr:role="button" on:click=move |_| return_here_after_sign_in(&b)>"Register"</A>
                </div>
            </div>
        </div>
    }
}

/// An item's answers saved on the item, for the person and anyone else linked to them.
#[component]
fn ItemSaved(item: ItemView, filling: Filling) -> impl IntoView {
    let items = match &filling {
        Filling::Item { person_id, .. } => format!("/record/{person_id}/items"),
        Filling::Referral { .. } => "/account".to_owned(),
    };
    let due = item.item.due_on.format("%-d %B %Y").to_string();
    view! {
        <div class="govuk-grid-row">
            <div class="govuk-grid-column-two-thirds">
                <div class="govuk-panel govuk-panel--confirmation">
                    <h1 class="govuk-panel__title">"Your answers have been saved"</h1>
                    <div class="govuk-panel__body">{item.item.form_title.clone()}</div>
                </div>
                <p class="govuk-body">{format!("The council has not received this form yet. Nothing is sent until you submit it. Please submit it by {due}.")}</p>
                <p class="govuk-body">"Anyone else who can see this record online sees the same answers and can carry on from here."</p>
                <div class="govuk-button-group">
                    <A href=resume_path(&filling, item.page_id.as_deref()) attr:class="govuk-button" attr:role="button">"Continue the form now"</A>
                    <A href=items attr:class="govuk-link">"Back to items to complete"</A>
                </div>
            </div>
        </div>
    }
}
