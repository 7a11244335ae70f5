use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::use_params_map;
use shared::forms::{ExitPage, FormDefinition, visible_pages};

use super::start::blocks;
use super::state::{Filling, Progress, today};
use super::{FormCaption, with_form};
use crate::components::title::set_page_title;
use crate::i18n::td_string;
use crate::pages::not_found::NotFound;

/// Where answers end the form early: what to do instead (phone us, contact your own council).
#[component]
pub fn FormExit() -> impl IntoView {
    let params = use_params_map();
    with_form(move |form, filling| {
        move || {
            let exit_id = params.read().get("exit_id").unwrap_or_default();
            match form.exits.iter().find(|e| e.id == exit_id).cloned() {
                Some(exit) => {
                    view! { <Exit form=form.clone() exit=exit filling=filling.clone() /> }
                        .into_any()
                }
                None => view! { <NotFound /> }.into_any(),
            }
        }
    })
}

#[component]
fn Exit(form: FormDefinition, exit: ExitPage, filling: Filling) -> impl IntoView {
    let language = crate::boot::use_language();
    let locale = crate::boot::use_locale();
    set_page_title(exit.title.in_language(language));
    let answers = Progress::load_or_new(&filling).answers;
    let back = visible_pages(&form, &answers, today())
        .last()
        .map(|p| filling.page(&p.id))
        .unwrap_or_else(|| filling.base());
    view! {
        <div class="govuk-grid-row">
            <div class="govuk-grid-column-two-thirds">
                <A href=back.clone() attr:class="govuk-back-link">{td_string!(locale, wizard.back)}</A>
                <FormCaption title=form.title.in_language(language).to_owned() />
                <h1 class="govuk-heading-l">{exit.title.in_language(language).to_owned()}</h1>
                {blocks(&exit.body)}
                <p class="govuk-body">
                    {td_string!(locale, wizard.wrong_answer)}<A href=back attr:class="govuk-link">{td_string!(locale, wizard.go_back_and_change)}</A>"."
                </p>
            </div>
        </div>
    }
}
