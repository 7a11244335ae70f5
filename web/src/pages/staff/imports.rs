//! Importing the council's existing records from a spreadsheet: people first, then the
//! professionals working with them. The server takes the whole file or none of it; a refused
//! file comes back with each row to correct.

use leptos::html;
use leptos::prelude::*;
use shared::api::{FieldErrors, ImportReport};

use super::staff_only;
use crate::api::ApiError;
use crate::components::form::{ErrorSummary, field_error, group_class};
use crate::components::title::set_page_title;
use crate::fill;
use crate::i18n::td_string;
use crate::session::use_session;

/// A row the server refused: its line in the file, the column, and what is wrong.
#[derive(Clone)]
struct Rejection {
    line: usize,
    column: String,
    message: String,
}

/// Reads `rows[12].date_of_birth` keys into rows, in the order of the file.
fn rejections(errors: &FieldErrors) -> Vec<Rejection> {
    let mut rows: Vec<Rejection> = errors
        .iter()
        .filter_map(|(key, messages)| {
            let rest = key.strip_prefix("rows[")?;
            let (line, column) = rest.split_once("].")?;
            Some((line.parse().ok()?, column.to_owned(), messages.clone()))
        })
        .flat_map(|(line, column, messages): (usize, String, Vec<String>)| {
            messages.into_iter().map(move |message| Rejection {
                line,
                column: column.clone(),
                message,
            })
        })
        .collect();
    rows.sort_by_key(|r| r.line);
    rows
}

#[component]
pub fn Imports() -> impl IntoView {
    let locale = crate::boot::use_locale();
    set_page_title(td_string!(locale, staff.imports.title));
    let session = use_session();
    let kind = RwSignal::new("people".to_owned());
    let errors = RwSignal::new(FieldErrors::new());
    let rows = RwSignal::new(Vec::<Rejection>::new());
    let busy = RwSignal::new(false);
    let imported = RwSignal::new(None::<(String, ImportReport)>);
    let file = NodeRef::<html::Input>::new();
    let import = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if busy.get_untracked() {
            return;
        }
        let Some(chosen) = file
            .get()
            .and_then(|input| input.files())
            .and_then(|files| files.get(0))
        else {
            errors.set(FieldErrors::from([(
                "file".to_owned(),
                vec![td_string!(locale, staff.imports.choose_file).to_owned()],
            )]));
            return;
        };
        let what = kind.get_untracked();
        busy.set(true);
        imported.set(None);
        leptos::task::spawn_local(async move {
            let sent = async {
                let client = session.api();
                client.import_records(&what, &chosen).await
            }
            .await;
            match sent {
                Ok(report) => {
                    errors.set(FieldErrors::new());
                    rows.set(Vec::new());
                    imported.set(Some((what, report)));
                }
                // The file as a whole is at fault: say so beside the file, and list its rows.
                Err(ApiError::Problem(problem)) if problem.status == 422 => {
                    let mut messages: Vec<String> = problem.detail.clone().into_iter().collect();
                    for (key, said) in &problem.errors {
                        if !key.starts_with("rows[") {
                            messages.extend(said.iter().cloned());
                        }
                    }
                    rows.set(rejections(&problem.errors));
                    errors.set(FieldErrors::from([("file".to_owned(), messages)]));
                }
                Err(error) => {
                    rows.set(Vec::new());
                    errors.set(error.field_errors());
                }
            }
            busy.set(false);
        });
    };
    let radio = move |value: &'static str, label: &'static str, id: &'static str| {
        view! {
            <div class="govuk-radios__item">
                <input class="govuk-radios__input" id=id name="kind" type="radio" value=value
                    prop:checked=move || kind.get() == value on:change=move |_| kind.set(value.to_owned()) />
                <label class="govuk-label govuk-radios__label" for=id>{label}</label>
            </div>
        }
    };
    staff_only(move || {
        view! {
            <a href="/staff" class="govuk-back-link">{td_string!(locale, staff.common.council_work)}</a>
            <ErrorSummary errors=errors />
            {move || imported.get().map(|(what, report)| {
                let count = report.imported.to_string();
                let said = if what == "people" {
                    fill(td_string!(locale, staff.imports.imported_people), &[("count", count.to_string())]).into_any()
                } else {
                    fill(td_string!(locale, staff.imports.imported_involvements), &[("count", count.to_string())]).into_any()
                };
                view! {
                    <div class="govuk-notification-banner govuk-notification-banner--success" role="alert" aria-labelledby="imported-title">
                        <div class="govuk-notification-banner__header">
                            <h2 class="govuk-notification-banner__title" id="imported-title">{td_string!(locale, staff.common.success)}</h2>
                        </div>
                        <div class="govuk-notification-banner__content">
                            <p class="govuk-notification-banner__heading">{said}</p>
                            <p class="govuk-body"><a href="/staff/people" class="govuk-notification-banner__link">{td_string!(locale, staff.people.title)}</a></p>
                        </div>
                    </div>
                }
            })}
            <h1 class="govuk-heading-l">{td_string!(locale, staff.imports.title)}</h1>
            <p class="govuk-body">{td_string!(locale, staff.imports.intro)}</p>
            <details class="govuk-details">
                <summary class="govuk-details__summary"><span class="govuk-details__summary-text">{td_string!(locale, staff.imports.columns)}</span></summary>
                <div class="govuk-details__text">
                    <p class="govuk-body">{td_string!(locale, staff.imports.first_row)}</p>
                    <p class="govuk-body"><strong>{td_string!(locale, staff.imports.people_label)}</strong>{td_string!(locale, staff.imports.people_columns)}</p>
                    <p class="govuk-body"><strong>{td_string!(locale, staff.imports.involvements_label)}</strong>{td_string!(locale, staff.imports.involvements_columns)}</p>
                </div>
            </details>
            <form novalidate on:submit=import>
                <div class="govuk-form-group">
                    <fieldset class="govuk-fieldset">
                        <legend class="govuk-fieldset__legend govuk-fieldset__legend--s">{td_string!(locale, staff.imports.what)}</legend>
                        <div class="govuk-radios govuk-radios--small" data-module="govuk-radios">
                            {radio("people", td_string!(locale, staff.imports.people), "kind")}
                            {radio("involvements", td_string!(locale, staff.imports.involvements), "kind-2")}
                        </div>
                    </fieldset>
                </div>
                <div class=group_class(errors, "file")>
                    <label class="govuk-label" for="file">{td_string!(locale, staff.imports.csv_file)}</label>
                    <div id="file-hint" class="govuk-hint">{td_string!(locale, staff.imports.file_hint)}</div>
                    {field_error(errors, "file")}
                    <input class="govuk-file-upload" id="file" name="file" type="file" accept=".csv,text/csv"
                        aria-describedby="file-hint" node_ref=file />
                </div>
                <button type="submit" class="govuk-button" data-module="govuk-button" disabled=move || busy.get()>{td_string!(locale, staff.imports.import)}</button>
            </form>
            {move || {
                let list = rows.get();
                (!list.is_empty()).then(|| view! {
                    <table class="govuk-table">
                        <caption class="govuk-table__caption govuk-table__caption--m">{td_string!(locale, staff.imports.rows_to_correct)}</caption>
                        <thead class="govuk-table__head"><tr class="govuk-table__row">
                            <th scope="col" class="govuk-table__header">{td_string!(locale, staff.imports.row)}</th>
                            <th scope="col" class="govuk-table__header">{td_string!(locale, staff.imports.column)}</th>
                            <th scope="col" class="govuk-table__header">{td_string!(locale, staff.imports.what_to_correct)}</th>
                        </tr></thead>
                        <tbody class="govuk-table__body">
                            {list.into_iter().map(|r| view! {
                                <tr class="govuk-table__row">
                                    <td class="govuk-table__cell">{r.line}</td>
                                    <td class="govuk-table__cell">{r.column}</td>
                                    <td class="govuk-table__cell">{r.message}</td>
                                </tr>
                            }).collect_view()}
                        </tbody>
                    </table>
                })
            }}
        }
    })
}
