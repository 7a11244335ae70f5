//! One question of a form, in the GOV.UK pattern for its type. Each writes its answer into
//! the page's answers in the shape the form engine reads (see `shared::forms::Answers`), and
//! the first input of each has the question's key as its id, so the error summary's links
//! land on it.

use leptos::prelude::*;
use leptos_router::components::A;
use serde_json::{Map, Value};
use shared::api::FieldErrors;
use shared::forms::{
    Answers, Choice, FormDefinition, Question, QuestionKind, summary_in, warnings,
};
use shared::language::Language;

use super::state::today;
use crate::components::form::WarningText;
use crate::i18n::td_string;
use crate::pages::submission::readable_size;
use crate::session::use_session;

/// Where one answer lives: a top-level question, or a question of one item of a group.
#[derive(Clone)]
pub struct Slot {
    pub answers: RwSignal<Answers>,
    pub group: Option<(String, usize)>,
    pub id: String,
}

impl Slot {
    /// The answer's key in error lists, and the id of its first input.
    pub fn key(&self) -> String {
        match &self.group {
            Some((group, index)) => format!("{group}.{index}.{}", self.id),
            None => self.id.clone(),
        }
    }

    pub fn get(&self) -> Option<Value> {
        self.answers.with(|answers| match &self.group {
            None => answers.get(&self.id).cloned(),
            Some((group, index)) => answers
                .get(group)
                .and_then(|items| items.get(*index))
                .and_then(|item| item.get(&self.id))
                .cloned(),
        })
    }

    pub fn set(&self, value: Value) {
        self.answers.update(|answers| match &self.group {
            None => {
                answers.insert(self.id.clone(), value);
            }
            Some((group, index)) => {
                let items = answers
                    .entry(group.clone())
                    .or_insert_with(|| Value::Array(Vec::new()));
                if let Some(item) = items.as_array_mut().and_then(|list| list.get_mut(*index))
                    && let Some(fields) = item.as_object_mut()
                {
                    fields.insert(self.id.clone(), value);
                }
            }
        });
    }

    fn text(&self) -> String {
        self.get()
            .and_then(|v| v.as_str().map(str::to_owned))
            .unwrap_or_default()
    }

    fn part(&self, name: &str) -> String {
        self.get()
            .and_then(|v| v.get(name).and_then(Value::as_str).map(str::to_owned))
            .unwrap_or_default()
    }

    fn set_part(&self, name: &str, text: String) {
        let mut fields = self
            .get()
            .and_then(|v| v.as_object().cloned())
            .unwrap_or_default();
        fields.insert(name.to_owned(), Value::String(text));
        self.set(Value::Object(fields));
    }
}

/// The label text with the seed's asterisk for required questions; screen readers hear
/// "required" instead of "star".
fn label_text(question: &Question) -> impl IntoView + use<> {
    let required = question.required;
    view! {
        {question.label.in_language(crate::boot::use_language()).to_owned()}
        {required.then(|| view! {
            <span class="app-required" aria-hidden="true">" *"</span>
            <span class="govuk-visually-hidden">" (required)"</span>
        })}
    }
}

fn error_of(errors: RwSignal<FieldErrors>, key: &str) -> Option<String> {
    errors.with(|e| e.get(key).and_then(|m| m.first().cloned()))
}

fn group_class(errors: RwSignal<FieldErrors>, key: String) -> impl Fn() -> &'static str {
    move || {
        if error_of(errors, &key).is_some() {
            "govuk-form-group govuk-form-group--error"
        } else {
            "govuk-form-group"
        }
    }
}

fn hint_and_error(
    question: &Question,
    key: &str,
    errors: RwSignal<FieldErrors>,
) -> impl IntoView + use<> {
    let hint = question
        .hint
        .as_ref()
        .map(|hint| hint.in_language(crate::boot::use_language()).to_owned());
    let hint_id = format!("{key}-hint");
    let error_id = format!("{key}-error");
    let error_key = key.to_owned();
    view! {
        {hint.map(|text| view! { <div id=hint_id class="govuk-hint">{text}</div> })}
        {move || error_of(errors, &error_key).map(|message| view! {
            <p id=error_id.clone() class="govuk-error-message">
                <span class="govuk-visually-hidden">{td_string!(crate::boot::use_locale(), form.error)}</span>{message}
            </p>
        })}
    }
}

fn described_by(
    question: &Question,
    key: &str,
    errors: RwSignal<FieldErrors>,
) -> impl Fn() -> Option<String> + Clone + use<> {
    let hint = question.hint.is_some().then(|| format!("{key}-hint"));
    let error_id = format!("{key}-error");
    let key = key.to_owned();
    move || {
        let mut ids: Vec<String> = hint.iter().cloned().collect();
        if error_of(errors, &key).is_some() {
            ids.push(error_id.clone());
        }
        (!ids.is_empty()).then(|| ids.join(" "))
    }
}

/// The warnings of the whole form, worked out once a change for every question that shows them.
pub fn form_warnings(
    form: StoredValue<FormDefinition>,
    answers: RwSignal<Answers>,
) -> Memo<FieldErrors> {
    Memo::new(move |_| form.with_value(|f| answers.with(|a| warnings(f, a, today()))))
}

/// `question` with the warnings its answer earns (from `form_warnings`) beside it: said, never a
/// refusal (Next and Submit still go on).
pub fn warned_question_view(
    form: StoredValue<FormDefinition>,
    question: &Question,
    slot: Slot,
    errors: RwSignal<FieldErrors>,
    warned: Memo<FieldErrors>,
) -> AnyView {
    let id = question.id.clone();
    let said = move || {
        warned
            .with(|w| w.get(&id).cloned())
            .unwrap_or_default()
            .into_iter()
            .map(|message| view! { <WarningText message=message /> })
            .collect_view()
    };
    let field = form.with_value(|f| question_view(f, question, slot, errors));
    view! {
        {field}
        <div aria-live="polite">{said}</div>
    }
    .into_any()
}

/// Renders `question` answering into `slot`.
pub fn question_view(
    form: &FormDefinition,
    question: &Question,
    slot: Slot,
    errors: RwSignal<FieldErrors>,
) -> AnyView {
    let key = slot.key();
    let language = crate::boot::use_language();
    let locale = crate::boot::use_locale();
    match &question.kind {
        QuestionKind::Text { .. }
        | QuestionKind::Email
        | QuestionKind::Phone
        | QuestionKind::Postcode { .. }
        | QuestionKind::NhsNumber
        | QuestionKind::Time
        | QuestionKind::Number { .. } => {
            let (kind, autocomplete, width, numeric) = match &question.kind {
                QuestionKind::Email => ("email", "email", None, false),
                QuestionKind::Phone => ("tel", "tel", Some("govuk-input--width-20"), false),
                QuestionKind::Postcode { .. } => {
                    ("text", "postal-code", Some("govuk-input--width-10"), false)
                }
                QuestionKind::NhsNumber => ("text", "off", Some("govuk-input--width-10"), true),
                QuestionKind::Number { .. } => ("text", "off", Some("govuk-input--width-5"), true),
                // Not numeric: phone keypads lack the colon.
                QuestionKind::Time => ("text", "off", Some("govuk-input--width-5"), false),
                _ => ("text", "off", None, false),
            };
            let class = {
                let key = key.clone();
                move || {
                    let mut class = String::from("govuk-input");
                    if let Some(width) = width {
                        class.push(' ');
                        class.push_str(width);
                    }
                    if error_of(errors, &key).is_some() {
                        class.push_str(" govuk-input--error");
                    }
                    class
                }
            };
            let (get, set) = (slot.clone(), slot);
            view! {
                <div class=group_class(errors, key.clone())>
                    <label class="govuk-label" for=key.clone()>{label_text(question)}</label>
                    {hint_and_error(question, &key, errors)}
                    <input class=class id=key.clone() name=key.clone() type=kind autocomplete=autocomplete
                        inputmode=numeric.then_some("numeric") spellcheck="false"
                        aria-describedby=described_by(question, &key, errors)
                        prop:value=move || get.text()
                        on:input=move |ev| set.set(Value::String(event_target_value(&ev))) />
                </div>
            }
            .into_any()
        }
        QuestionKind::LongText { .. } => {
            let (get, set) = (slot.clone(), slot);
            let class = {
                let key = key.clone();
                move || {
                    if error_of(errors, &key).is_some() {
                        "govuk-textarea govuk-textarea--error"
                    } else {
                        "govuk-textarea"
                    }
                }
            };
            view! {
                <div class=group_class(errors, key.clone())>
                    <label class="govuk-label" for=key.clone()>{label_text(question)}</label>
                    {hint_and_error(question, &key, errors)}
                    <textarea class=class id=key.clone() name=key.clone() rows="5"
                        aria-describedby=described_by(question, &key, errors)
                        prop:value=move || get.text()
                        on:input=move |ev| set.set(Value::String(event_target_value(&ev)))></textarea>
                </div>
            }
            .into_any()
        }
        QuestionKind::Date { .. } => date_view(question, slot, errors),
        QuestionKind::YesNo => {
            let options = vec![
                Choice {
                    value: "yes".into(),
                    label: td_string!(locale, wizard.yes).into(),
                },
                Choice {
                    value: "no".into(),
                    label: td_string!(locale, wizard.no).into(),
                },
            ];
            choices_view(question, &options, slot, errors, "radio", true)
        }
        QuestionKind::Radios { options } => {
            choices_view(question, options, slot, errors, "radio", false)
        }
        QuestionKind::Checkboxes { options, .. } => {
            choices_view(question, options, slot, errors, "checkbox", false)
        }
        QuestionKind::Select { options } => {
            let (get, set) = (slot.clone(), slot);
            let options = options.clone();
            view! {
                <div class=group_class(errors, key.clone())>
                    <label class="govuk-label" for=key.clone()>{label_text(question)}</label>
                    {hint_and_error(question, &key, errors)}
                    <select class="govuk-select" id=key.clone() name=key.clone()
                        aria-describedby=described_by(question, &key, errors)
                        prop:value=move || get.text()
                        on:change=move |ev| set.set(Value::String(event_target_value(&ev)))>
                        <option value="">{td_string!(locale, wizard.choose)}</option>
                        {options.into_iter().map(|o| view! { <option value=o.value>{o.label.in_language(language).to_owned()}</option> }).collect_view()}
                    </select>
                </div>
            }
            .into_any()
        }
        QuestionKind::Address { .. } => address_view(question, slot, errors),
        QuestionKind::Group {
            item,
            questions,
            max,
            ..
        } => group_view(
            form,
            question,
            item.in_language(crate::boot::use_language()),
            questions,
            *max,
            slot,
            errors,
        ),
        QuestionKind::DatePlusDays { .. } | QuestionKind::Computed { .. } => {
            let answers = slot.answers;
            let form = form.clone();
            let id = question.id.clone();
            view! {
                <div class="govuk-form-group" id=key>
                    <h2 class="govuk-heading-s">{question.label.in_language(crate::boot::use_language()).to_owned()}</h2>
                    <p class="govuk-body" aria-live="polite">
                        {move || {
                            let rows = answers.with(|a| summary_in(&form, a, today(), language));
                            rows.into_iter()
                                .find(|r| r.question_id == id && !r.answer.is_empty() && r.answer != td_string!(locale, wizard.not_answered))
                                .map_or_else(|| td_string!(locale, wizard.worked_out).to_owned(), |r| r.answer)
                        }}
                    </p>
                </div>
            }
            .into_any()
        }
        QuestionKind::File { accept, .. } => file_view(question, accept, slot, errors),
    }
}

fn date_view(question: &Question, slot: Slot, errors: RwSignal<FieldErrors>) -> AnyView {
    let locale = crate::boot::use_locale();
    let key = slot.key();
    let part = |name: &'static str, label: &'static str, width: &'static str, first: bool| {
        let (get, set) = (slot.clone(), slot.clone());
        let id = if first {
            key.clone()
        } else {
            format!("{key}-{name}")
        };
        let error_key = key.clone();
        let class = move || {
            let mut class = format!("govuk-input govuk-date-input__input {width}");
            if error_of(errors, &error_key).is_some() {
                class.push_str(" govuk-input--error");
            }
            class
        };
        view! {
            <div class="govuk-date-input__item">
                <div class="govuk-form-group">
                    <label class="govuk-label govuk-date-input__label" for=id.clone()>{label}</label>
                    <input class=class id=id.clone() name=id type="text" inputmode="numeric"
                        prop:value=move || get.part(name)
                        on:input=move |ev| set.set_part(name, event_target_value(&ev)) />
                </div>
            </div>
        }
    };
    view! {
        <div class=group_class(errors, key.clone())>
            <fieldset class="govuk-fieldset" role="group" aria-describedby=described_by(question, &key, errors)>
                <legend class="govuk-fieldset__legend govuk-fieldset__legend--s">{label_text(question)}</legend>
                {hint_and_error(question, &key, errors)}
                <div class="govuk-date-input">
                    {part("day", td_string!(locale, wizard.day), "govuk-input--width-2", true)}
                    {part("month", td_string!(locale, wizard.month), "govuk-input--width-2", false)}
                    {part("year", td_string!(locale, wizard.year), "govuk-input--width-4", false)}
                </div>
            </fieldset>
        </div>
    }
    .into_any()
}

fn address_view(question: &Question, slot: Slot, errors: RwSignal<FieldErrors>) -> AnyView {
    let locale = crate::boot::use_locale();
    let key = slot.key();
    let line = |name: &'static str,
                label: &'static str,
                autocomplete: &'static str,
                width: &'static str,
                first: bool| {
        let (get, set) = (slot.clone(), slot.clone());
        let id = if first {
            key.clone()
        } else {
            format!("{key}-{name}")
        };
        view! {
            <div class="govuk-form-group">
                <label class="govuk-label" for=id.clone()>{label}</label>
                <input class=format!("govuk-input {width}") id=id.clone() name=id type="text" autocomplete=autocomplete
                    prop:value=move || get.part(name)
                    on:input=move |ev| set.set_part(name, event_target_value(&ev)) />
            </div>
        }
    };
    view! {
        <div class=group_class(errors, key.clone())>
            <fieldset class="govuk-fieldset" aria-describedby=described_by(question, &key, errors)>
                <legend class="govuk-fieldset__legend govuk-fieldset__legend--s">{label_text(question)}</legend>
                {hint_and_error(question, &key, errors)}
                {line("line1", td_string!(locale, wizard.address_line1), "address-line1", "", true)}
                {line("line2", td_string!(locale, wizard.address_line2), "address-line2", "", false)}
                {line("town", td_string!(locale, wizard.town), "address-level2", "govuk-!-width-two-thirds", false)}
                {line("postcode", td_string!(locale, wizard.postcode), "postal-code", "govuk-input--width-10", false)}
            </fieldset>
        </div>
    }
    .into_any()
}

fn choices_view(
    question: &Question,
    options: &[Choice],
    slot: Slot,
    errors: RwSignal<FieldErrors>,
    kind: &'static str,
    inline: bool,
) -> AnyView {
    let key = slot.key();
    let language = crate::boot::use_language();
    let (list_class, item_class, input_class, label_class) = if kind == "radio" {
        (
            if inline {
                "govuk-radios govuk-radios--inline"
            } else {
                "govuk-radios"
            },
            "govuk-radios__item",
            "govuk-radios__input",
            "govuk-label govuk-radios__label",
        )
    } else {
        (
            "govuk-checkboxes",
            "govuk-checkboxes__item",
            "govuk-checkboxes__input",
            "govuk-label govuk-checkboxes__label",
        )
    };
    let items = options
        .iter()
        .enumerate()
        .map(|(index, option)| {
            let id = if index == 0 {
                key.clone()
            } else {
                format!("{key}-{}", index + 1)
            };
            let value = option.value.clone();
            let (get, set) = (slot.clone(), slot.clone());
            let checked = {
                let value = value.clone();
                move || match get.get() {
                    Some(Value::String(chosen)) => chosen == value,
                    Some(Value::Array(chosen)) => chosen.iter().any(|v| v.as_str() == Some(&value)),
                    _ => false,
                }
            };
            let change = {
                let value = value.clone();
                move |ev: leptos::ev::Event| {
                    if kind == "radio" {
                        set.set(Value::String(value.clone()));
                    } else {
                        let on = event_target_checked(&ev);
                        let mut chosen: Vec<Value> = set
                            .get()
                            .and_then(|v| v.as_array().cloned())
                            .unwrap_or_default();
                        chosen.retain(|v| v.as_str() != Some(&value));
                        if on {
                            chosen.push(Value::String(value.clone()));
                        }
                        set.set(Value::Array(chosen));
                    }
                }
            };
            view! {
                <div class=item_class>
                    <input class=input_class id=id.clone() name=key.clone() type=kind value=value
                        prop:checked=checked on:change=change />
                    <label class=label_class for=id>{option.label.in_language(language).to_owned()}</label>
                </div>
            }
        })
        .collect_view();
    view! {
        <div class=group_class(errors, key.clone())>
            <fieldset class="govuk-fieldset" aria-describedby=described_by(question, &key, errors)>
                <legend class="govuk-fieldset__legend govuk-fieldset__legend--s">{label_text(question)}</legend>
                {hint_and_error(question, &key, errors)}
                <div class=list_class>{items}</div>
            </fieldset>
        </div>
    }
    .into_any()
}

fn group_view(
    form: &FormDefinition,
    question: &Question,
    item: &str,
    questions: &[Question],
    max: usize,
    slot: Slot,
    errors: RwSignal<FieldErrors>,
) -> AnyView {
    let language = crate::boot::use_language();
    let locale = crate::boot::use_locale();
    let key = slot.key();
    let answers = slot.answers;
    let group_id = question.id.clone();
    let count = {
        let group_id = group_id.clone();
        Signal::derive(move || {
            answers.with(|a| {
                a.get(&group_id)
                    .and_then(Value::as_array)
                    .map_or(0, Vec::len)
            })
        })
    };
    let form = form.clone();
    let questions = questions.to_vec();
    let item_name = item.to_owned();
    let items = {
        let group_id = group_id.clone();
        let item_name = item_name.clone();
        move || {
            (0..count.get())
                .map(|index| {
                    let title = format!("{} {}", capitalise(&item_name), index + 1);
                    let fields = questions
                        .iter()
                        .map(|inner| {
                            let slot = Slot {
                                answers,
                                group: Some((group_id.clone(), index)),
                                id: inner.id.clone(),
                            };
                            question_view(&form, inner, slot, errors)
                        })
                        .collect_view();
                    let group_id = group_id.clone();
                    let remove = move |_| {
                        answers.update(|a| {
                            if let Some(list) = a.get_mut(&group_id).and_then(Value::as_array_mut)
                                && index < list.len()
                            {
                                list.remove(index);
                            }
                        });
                    };
                    view! {
                        <div class="app-group-item">
                            <h2 class="govuk-heading-s">{title.clone()}</h2>
                            {fields}
                            <button type="button" class="govuk-button govuk-button--secondary" on:click=remove>
                                {td_string!(locale, wizard.remove)}<span class="govuk-visually-hidden">{format!(" {}", title.to_lowercase())}</span>
                            </button>
                        </div>
                    }
                })
                .collect_view()
        }
    };
    let add = {
        let group_id = group_id.clone();
        move |_| {
            answers.update(|a| {
                let list = a
                    .entry(group_id.clone())
                    .or_insert_with(|| Value::Array(Vec::new()));
                if !list.is_array() {
                    *list = Value::Array(Vec::new());
                }
                if let Some(list) = list.as_array_mut() {
                    list.push(Value::Object(Map::new()));
                }
            });
        }
    };
    let add_label = move || {
        if count.get() == 0 {
            // English puts "a" or "an" before the item; Welsh has no indefinite article.
            let item = if language == Language::English {
                article(&item_name)
            } else {
                item_name.clone()
            };
            format!("{}{item}", td_string!(locale, wizard.add))
        } else {
            format!(
                "{}{item_name}{}",
                td_string!(locale, wizard.add_another_before),
                td_string!(locale, wizard.add_another_after)
            )
        }
    };
    view! {
        <div class=group_class(errors, key.clone()) id=key.clone()>
            <fieldset class="govuk-fieldset">
                <legend class="govuk-fieldset__legend govuk-fieldset__legend--m">{label_text(question)}</legend>
                {hint_and_error(question, &key, errors)}
                {items}
                <Show when=move || count.get() < max>
                    <button type="button" class="govuk-button govuk-button--secondary" on:click=add.clone()>{add_label.clone()}</button>
                </Show>
            </fieldset>
        </div>
    }
    .into_any()
}

fn capitalise(text: &str) -> String {
    let mut chars = text.chars();
    chars
        .next()
        .map(|first| first.to_uppercase().collect::<String>() + chars.as_str())
        .unwrap_or_default()
}

fn article(noun: &str) -> String {
    if noun.starts_with(['a', 'e', 'i', 'o', 'u']) {
        format!("an {noun}")
    } else {
        format!("a {noun}")
    }
}

/// A file question: choose a file and it is sent at once (the server checks it); the answer
/// keeps what the server stored. Files belong to an account, so someone not signed in is
/// offered sign-in first, coming back to this page with every answer kept.
fn file_view(
    question: &Question,
    accept: &[String],
    slot: Slot,
    errors: RwSignal<FieldErrors>,
) -> AnyView {
    let locale = crate::boot::use_locale();
    let session = use_session();
    let key = slot.key();
    let uploading = RwSignal::new(false);
    let accept = accept.join(",");
    let chosen = {
        let slot = slot.clone();
        move || {
            slot.get().and_then(|v| {
                let name = v.get("name")?.as_str()?.to_owned();
                let size = v.get("size").and_then(Value::as_u64).unwrap_or_default();
                Some(format!("{name} ({})", readable_size(size)))
            })
        }
    };
    let change = {
        let (slot, key) = (slot.clone(), key.clone());
        move |ev: leptos::ev::Event| {
            use wasm_bindgen::JsCast;
            let Some(file) = ev
                .target()
                .and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok())
                .and_then(|input| input.files())
                .and_then(|files| files.get(0))
            else {
                return;
            };
            let (slot, key) = (slot.clone(), key.clone());
            uploading.set(true);
            leptos::task::spawn_local(async move {
                let sent = async {
                    let client = session.api();
                    client.upload(&file).await
                }
                .await;
                match sent {
                    Ok(upload) => {
                        errors.update(|e| {
                            e.remove(&key);
                        });
                        slot.set(serde_json::json!({
                            "id": upload.id, "name": upload.name,
                            "content_type": upload.content_type, "size": upload.size,
                        }));
                    }
                    Err(error) => {
                        let message = error.field_errors().into_values().flatten().next();
                        errors.update(|e| {
                            e.insert(key, message.into_iter().collect());
                        });
                    }
                }
                uploading.set(false);
            });
        }
    };
    let remove = {
        let slot = slot.clone();
        move |_| slot.set(Value::Null)
    };
    let here = web_sys::window()
        .and_then(|w| w.location().pathname().ok())
        .unwrap_or_default();
    let inner_key = key.clone();
    let remove_label = format!(
        " {}",
        question
            .label
            .in_language(crate::boot::use_language())
            .to_lowercase()
    );
    let described = described_by(question, &key, errors);
    let body = move || {
        let key = inner_key.clone();
        match (session.is_signed_in(), chosen()) {
            (false, _) => {
                let here = here.clone();
                view! {
                    <p class="govuk-body" id=key>
                        <A href="/sign-in" attr:class="govuk-link" on:click=move |_| super::state::return_here_after_sign_in(&here)>
                            {td_string!(locale, wizard.sign_in_to_attach)}
                        </A>
                        {td_string!(locale, wizard.answers_kept_or_leave)}
                    </p>
                }
                .into_any()
            }
            (true, Some(name)) => view! {
                <p class="govuk-body" id=key>
                    <strong>{name}</strong>" "
                    <button type="button" class="govuk-button govuk-button--secondary govuk-!-margin-bottom-0" on:click=remove.clone()>
                        {td_string!(locale, wizard.remove)}<span class="govuk-visually-hidden">{remove_label.clone()}</span>
                    </button>
                </p>
            }
            .into_any(),
            (true, None) => view! {
                <input class="govuk-file-upload" id=key.clone() name=key type="file" accept=accept.clone()
                    aria-describedby=described.clone()
                    disabled=move || uploading.get() on:change=change.clone() />
                {move || uploading.get().then(|| view! { <p class="govuk-body-s" role="status">{td_string!(locale, wizard.uploading)}</p> })}
            }
            .into_any(),
        }
    };
    view! {
        <div class=group_class(errors, key.clone())>
            <label class="govuk-label" for=key.clone()>{label_text(question)}</label>
            {hint_and_error(question, &key, errors)}
            {body}
        </div>
    }
    .into_any()
}
