use leptos::prelude::*;
use shared::api::{Overview, Role, TeamWork};

use super::{Failed, day, load, staff_only};
use crate::components::tiles::Tile;
use crate::components::title::set_page_title;
use crate::i18n::{Locale, td_string};
use crate::session::use_session;

/// Council work: where staff start, with how the service is doing.
#[component]
pub fn StaffHome() -> impl IntoView {
    let locale = crate::boot::use_locale();
    set_page_title(td_string!(locale, staff.common.council_work));
    let session = use_session();
    staff_only(move || {
        let admin = session
            .account()
            .is_some_and(|a| a.role == Role::Administrator);
        view! {
            <h1 class="govuk-heading-l">{td_string!(locale, staff.common.council_work)}</h1>
            <ul class="app-tiles">
                <Tile heading=td_string!(locale, staff.home.queue) description=td_string!(locale, staff.home.queue_description).into()
                    href="/staff/referrals".into() />
                <Tile heading=td_string!(locale, staff.home.messages) description=td_string!(locale, staff.home.messages_description).into()
                    href="/staff/messages".into() />
                <Tile heading=td_string!(locale, staff.home.find) description=td_string!(locale, staff.home.find_description).into()
                    href="/staff/people".into() />
                <Tile heading=td_string!(locale, staff.home.import) description=td_string!(locale, staff.home.import_description).into()
                    href="/staff/imports".into() />
                {admin.then(|| view! {
                    <Tile heading=td_string!(locale, staff.home.audit) description=td_string!(locale, staff.home.audit_description).into()
                        href="/staff/audit".into() />
                    <Tile heading=td_string!(locale, staff.home.accounts) description=td_string!(locale, staff.home.accounts_description).into()
                        href="/staff/accounts".into() />
                    <Tile heading=td_string!(locale, staff.home.integrations) description=td_string!(locale, staff.home.integrations_description).into()
                        href="/staff/integrations".into() />
                    <Tile heading=td_string!(locale, staff.home.operations) description=td_string!(locale, staff.home.operations_description).into()
                        href="/staff/operations".into() />
                    <Tile heading=td_string!(locale, staff.home.preview) description=td_string!(locale, staff.home.preview_description).into()
                        href="/form-preview".into() />
                })}
            </ul>
            <OverviewSection />
        }
    })
}

/// One bar of a chart: what it counts, how many, and whether it is bad news (drawn in red).
struct Bar {
    label: String,
    value: u64,
    alert: bool,
}

/// Text for markup: the characters markup gives meaning to, escaped.
fn escaped(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

/// A bar chart in SVG that a screen reader can read: a title, a description saying what it
/// shows, and each bar's label and number written beside it.
fn bar_chart(out: &mut String, id: &str, title: &str, description: &str, bars: &[Bar]) {
    const WIDTH: u64 = 600;
    const ROW: u64 = 44;
    let most = bars.iter().map(|b| b.value).max().unwrap_or(0).max(1);
    let height = ROW * bars.len().max(1) as u64;
    out.push_str(&format!(
        "<svg class=\"app-chart\" role=\"img\" viewBox=\"0 0 {WIDTH} {height}\" \
         aria-labelledby=\"{id}-title {id}-desc\"><title id=\"{id}-title\">{}</title>\
         <desc id=\"{id}-desc\">{}</desc>",
        escaped(title),
        escaped(description)
    ));
    for (i, bar) in bars.iter().enumerate() {
        let y = ROW * i as u64;
        let length = (WIDTH - 80) * bar.value / most;
        let alert = if bar.alert {
            " app-chart__bar--alert"
        } else {
            ""
        };
        out.push_str(&format!(
            "<text class=\"app-chart__label\" x=\"0\" y=\"{}\">{}</text>\
             <rect class=\"app-chart__bar{alert}\" x=\"0\" y=\"{}\" width=\"{}\" height=\"16\"></rect>\
             <text class=\"app-chart__label\" x=\"{}\" y=\"{}\">{}</text>",
            y + 16,
            escaped(&bar.label),
            y + 22,
            length.max(1),
            length + 6,
            y + 36,
            bar.value,
        ));
    }
    out.push_str("</svg>");
}

/// A table of the numbers a chart draws: a header row, then a row each, led by its name.
fn numbers(out: &mut String, caption: &str, headers: &[String], rows: &[Vec<String>]) {
    out.push_str(&format!(
        "<table class=\"govuk-table\"><caption class=\"govuk-table__caption \
         govuk-table__caption--s\">{}</caption><thead class=\"govuk-table__head\">\
         <tr class=\"govuk-table__row\">",
        escaped(caption)
    ));
    for (i, header) in headers.iter().enumerate() {
        let numeric = if i == 0 {
            ""
        } else {
            " govuk-table__header--numeric"
        };
        out.push_str(&format!(
            "<th scope=\"col\" class=\"govuk-table__header{numeric}\">{}</th>",
            escaped(header)
        ));
    }
    out.push_str("</tr></thead><tbody class=\"govuk-table__body\">");
    for row in rows {
        out.push_str("<tr class=\"govuk-table__row\">");
        for (i, cell) in row.iter().enumerate() {
            if i == 0 {
                out.push_str(&format!(
                    "<th scope=\"row\" class=\"govuk-table__header\">{}</th>",
                    escaped(cell)
                ));
            } else {
                out.push_str(&format!(
                    "<td class=\"govuk-table__cell govuk-table__cell--numeric\">{}</td>",
                    escaped(cell)
                ));
            }
        }
        out.push_str("</tr>");
    }
    out.push_str("</tbody></table>");
}

/// How the service is doing over the last 12 weeks, for everyone or one team.
#[component]
fn OverviewSection() -> impl IntoView {
    let locale = crate::boot::use_locale();
    let picked = RwSignal::new(String::new());
    let applied = RwSignal::new(String::new());
    let loaded = load(move |client| {
        let team = applied.get();
        async move {
            let teams = client.team_queues().await?;
            let overview = client.overview(&team).await?;
            Ok((teams, overview))
        }
    });
    view! {
        <h2 class="govuk-heading-l">{td_string!(locale, staff.home.how_it_is_doing)}</h2>
        <Transition fallback=move || view! { <p class="govuk-body">{td_string!(locale, staff.common.loading)}</p> }>
            {move || loaded.get().flatten().map(|loaded| match loaded {
                Ok((teams, overview)) => view! {
                    <form class="app-filters" novalidate on:submit=move |ev| { ev.prevent_default(); applied.set(picked.get()); }>
                        <div class="govuk-form-group app-filter">
                            <label class="govuk-label" for="overview-team">{td_string!(locale, staff.common.team)}</label>
                            <select class="govuk-select" id="overview-team" on:change=move |ev| picked.set(event_target_value(&ev))>
                                <option value="" selected=move || picked.get().is_empty()>{td_string!(locale, staff.home.whole_service)}</option>
                                {teams.into_iter().map(|t| {
                                    let key = t.key.clone();
                                    view! { <option value=t.key.clone() selected=move || picked.get() == key>{t.name}</option> }
                                }).collect_view()}
                            </select>
                        </div>
                        <button type="submit" class="govuk-button govuk-button--secondary app-filter" data-module="govuk-button">{td_string!(locale, staff.home.show)}</button>
                    </form>
                    <div inner_html=overview_markup(locale, &overview)></div>
                }.into_any(),
                Err(error) => view! { <Failed error=error /> }.into_any(),
            })}
        </Transition>
    }
}

/// The overview's charts and tables, written once as markup with every name escaped: they
/// never change once drawn, and typed views of each element cost the staff app's download far
/// more (43 KB of code against a few).
fn overview_markup(locale: Locale, overview: &Overview) -> String {
    let whose = overview.team.as_ref().map_or_else(
        || td_string!(locale, staff.home.the_whole_service).to_owned(),
        |t| t.name.clone(),
    );
    let title_of = |id: &str| {
        overview
            .forms
            .iter()
            .find(|f| f.form_id == id)
            .map_or_else(|| id.to_owned(), |f| f.form_title.clone())
    };
    let mut out = String::new();

    let heading = |text: &str| format!("<h3 class=\"govuk-heading-m\">{}</h3>", escaped(text));
    out.push_str(&heading(td_string!(locale, staff.home.received_each_week)));
    let weeks: Vec<Bar> = overview
        .weeks
        .iter()
        .map(|w| Bar {
            label: format!(
                "{}{}",
                td_string!(locale, staff.home.week_of),
                day(locale, w.starting)
            ),
            value: w.total,
            alert: false,
        })
        .collect();
    bar_chart(
        &mut out,
        "received",
        td_string!(locale, staff.home.received_each_week),
        &format!(
            "{}{whose}{}",
            td_string!(locale, staff.home.received_description_before),
            td_string!(locale, staff.home.received_description_after)
        ),
        &weeks,
    );
    // A column for each form that had any in the 12 weeks.
    let mut shown: Vec<String> = Vec::new();
    for f in overview.weeks.iter().flat_map(|w| &w.by_form) {
        if !shown.contains(&f.form_id) {
            shown.push(f.form_id.clone());
        }
    }
    let headers: Vec<String> =
        std::iter::once(td_string!(locale, staff.home.week_starting).to_owned())
            .chain(shown.iter().map(|id| title_of(id)))
            .chain([td_string!(locale, staff.home.total).to_owned()])
            .collect();
    let rows: Vec<Vec<String>> = overview
        .weeks
        .iter()
        .map(|w| {
            let count = |id: &String| {
                w.by_form
                    .iter()
                    .find(|f| f.form_id == *id)
                    .map_or(0, |f| f.count)
            };
            std::iter::once(day(locale, w.starting))
                .chain(shown.iter().map(|id| count(id).to_string()))
                .chain([w.total.to_string()])
                .collect()
        })
        .collect();
    numbers(
        &mut out,
        td_string!(locale, staff.home.received_caption),
        &headers,
        &rows,
    );

    out.push_str(&heading(td_string!(locale, staff.home.open_by_team)));
    let team_name = |t: &TeamWork| {
        t.team.as_ref().map_or_else(
            || td_string!(locale, staff.home.no_team_yet).to_owned(),
            |t| t.name.clone(),
        )
    };
    let bars: Vec<Bar> = overview
        .teams
        .iter()
        .flat_map(|t| {
            [
                Bar {
                    label: format!(
                        "{}: {}",
                        team_name(t),
                        td_string!(locale, staff.home.bar_open)
                    ),
                    value: t.open,
                    alert: false,
                },
                Bar {
                    label: format!(
                        "{}: {}",
                        team_name(t),
                        td_string!(locale, staff.home.bar_overdue)
                    ),
                    value: t.overdue,
                    alert: true,
                },
            ]
        })
        .collect();
    bar_chart(
        &mut out,
        "open",
        td_string!(locale, staff.home.open_by_team),
        td_string!(locale, staff.home.open_description),
        &bars,
    );
    let rows: Vec<Vec<String>> = overview
        .teams
        .iter()
        .map(|t| vec![team_name(t), t.open.to_string(), t.overdue.to_string()])
        .collect();
    numbers(
        &mut out,
        td_string!(locale, staff.home.open_caption),
        &[
            td_string!(locale, staff.common.team).into(),
            td_string!(locale, staff.home.open).into(),
            td_string!(locale, staff.home.overdue).into(),
        ],
        &rows,
    );

    let response = &overview.first_response;
    // Halves written by hand: formatting any f64 would add its code to the download.
    let median = response.median_working_days.map_or_else(
        || td_string!(locale, staff.home.none_answered).to_owned(),
        |d| {
            let halves = (d * 2.0).round() as u64;
            let half = if halves % 2 == 1 { ".5" } else { "" };
            format!(
                "{}{half} {}",
                halves / 2,
                td_string!(locale, staff.home.working_days)
            )
        },
    );
    out.push_str(&heading(td_string!(locale, staff.home.first_response)));
    out.push_str("<dl class=\"govuk-summary-list\">");
    for (key, value) in [
        (td_string!(locale, staff.home.median), median),
        (
            td_string!(locale, staff.home.answered),
            response.answered.to_string(),
        ),
        (
            td_string!(locale, staff.home.waiting),
            response.waiting.to_string(),
        ),
    ] {
        out.push_str(&format!(
            "<div class=\"govuk-summary-list__row\"><dt class=\"govuk-summary-list__key\">{}</dt>\
             <dd class=\"govuk-summary-list__value\">{}</dd></div>",
            escaped(key),
            escaped(&value)
        ));
    }
    out.push_str("</dl>");

    out.push_str(&heading(td_string!(locale, staff.home.forms_started_sent)));
    let bars: Vec<Bar> = overview
        .forms
        .iter()
        .flat_map(|f| {
            [
                Bar {
                    label: format!(
                        "{}: {}",
                        f.form_title,
                        td_string!(locale, staff.home.bar_started)
                    ),
                    value: f.started,
                    alert: false,
                },
                Bar {
                    label: format!(
                        "{}: {}",
                        f.form_title,
                        td_string!(locale, staff.home.bar_sent)
                    ),
                    value: f.sent,
                    alert: false,
                },
            ]
        })
        .collect();
    bar_chart(
        &mut out,
        "forms",
        td_string!(locale, staff.home.forms_started_sent),
        td_string!(locale, staff.home.forms_description),
        &bars,
    );
    let rows: Vec<Vec<String>> = overview
        .forms
        .iter()
        .map(|f| {
            vec![
                f.form_title.clone(),
                f.started.to_string(),
                f.sent.to_string(),
            ]
        })
        .collect();
    numbers(
        &mut out,
        td_string!(locale, staff.home.forms_caption),
        &[
            td_string!(locale, staff.common.form).into(),
            td_string!(locale, staff.home.started).into(),
            td_string!(locale, staff.home.sent).into(),
        ],
        &rows,
    );
    out
}
