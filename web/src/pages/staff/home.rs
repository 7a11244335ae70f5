use leptos::prelude::*;
use shared::api::{Overview, Role};

use super::{Failed, day, load, staff_only};
use crate::api;
use crate::components::tiles::Tile;
use crate::components::title::set_page_title;
use crate::session::use_session;

/// Council work: where staff start, with how the service is doing.
#[component]
pub fn StaffHome() -> impl IntoView {
    set_page_title("Council work");
    let session = use_session();
    staff_only(move || {
        let admin = session
            .account()
            .is_some_and(|a| a.role == Role::Administrator);
        view! {
            <h1 class="govuk-heading-l">"Council work"</h1>
            <ul class="app-tiles">
                <Tile heading="Referral queue" description="Referrals, DoLS requests and completed forms, soonest due first.".into()
                    href="/staff/referrals".into() />
                <Tile heading="Team messages" description="Messages from people, by the team that answers them.".into()
                    href="/staff/messages".into() />
                <Tile heading="Find a person" description="Open a person's record: details, access, documents and forms.".into()
                    href="/staff/people".into() />
                <Tile heading="Import records" description="People and the professionals working with them, from a spreadsheet.".into()
                    href="/staff/imports".into() />
                {admin.then(|| view! {
                    <Tile heading="Audit log" description="Who read or changed which record, and when.".into()
                        href="/staff/audit".into() />
                    <Tile heading="Staff accounts" description="Who works in which team, and switching accounts off.".into()
                        href="/staff/accounts".into() />
                    <Tile heading="Integrations" description="Machine clients that call the API, and webhooks that tell other systems of events.".into()
                        href="/staff/integrations".into() />
                    <Tile heading="Operations" description="Emails and webhook deliveries waiting or given up on, and sending them again.".into()
                        href="/staff/operations".into() />
                    <Tile heading="Preview a form" description="Check a new or changed form definition and try it, without publishing it.".into()
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

/// A bar chart in SVG that a screen reader can read: a title, a description saying what it
/// shows, and each bar's label and number written beside it. The same numbers are in a table
/// after it.
fn bar_chart(
    id: &'static str,
    title: &'static str,
    description: String,
    bars: Vec<Bar>,
) -> impl IntoView {
    const WIDTH: u64 = 600;
    const ROW: u64 = 44;
    let most = bars.iter().map(|b| b.value).max().unwrap_or(0).max(1);
    let height = ROW * bars.len().max(1) as u64;
    let rows = bars
        .into_iter()
        .enumerate()
        .map(|(i, bar)| {
            let y = ROW * i as u64;
            let length = (WIDTH - 80) * bar.value / most;
            view! {
                <text class="app-chart__label" x="0" y=y + 16>{bar.label}</text>
                <rect class=if bar.alert { "app-chart__bar app-chart__bar--alert" } else { "app-chart__bar" }
                    x="0" y=y + 22 width=length.max(1) height="16"></rect>
                <text class="app-chart__label" x=length + 6 y=y + 36>{bar.value.to_string()}</text>
            }
        })
        .collect_view();
    let (title_id, desc_id) = (format!("{id}-title"), format!("{id}-desc"));
    let labelled_by = format!("{title_id} {desc_id}");
    view! {
        <svg class="app-chart" role="img" viewBox=format!("0 0 {WIDTH} {height}")
            aria-labelledby=labelled_by>
            <title id=title_id>{title}</title>
            <desc id=desc_id>{description}</desc>
            {rows}
        </svg>
    }
}

/// A table of the numbers a chart draws: a header row, then one row each.
fn numbers(caption: &'static str, headers: Vec<String>, rows: Vec<Vec<String>>) -> impl IntoView {
    view! {
        <table class="govuk-table">
            <caption class="govuk-table__caption govuk-table__caption--s">{caption}</caption>
            <thead class="govuk-table__head"><tr class="govuk-table__row">
                {headers.into_iter().enumerate().map(|(i, h)| view! {
                    <th scope="col" class=if i == 0 { "govuk-table__header" } else { "govuk-table__header govuk-table__header--numeric" }>{h}</th>
                }).collect_view()}
            </tr></thead>
            <tbody class="govuk-table__body">
                {rows.into_iter().map(|row| view! {
                    <tr class="govuk-table__row">
                        {row.into_iter().enumerate().map(|(i, cell)| if i == 0 {
                            view! { <th scope="row" class="govuk-table__header">{cell}</th> }.into_any()
                        } else {
                            view! { <td class="govuk-table__cell govuk-table__cell--numeric">{cell}</td> }.into_any()
                        }).collect_view()}
                    </tr>
                }).collect_view()}
            </tbody>
        </table>
    }
}

/// How the service is doing over the last 12 weeks, for everyone or one team.
#[component]
fn OverviewSection() -> impl IntoView {
    let picked = RwSignal::new(String::new());
    let applied = RwSignal::new(String::new());
    let loaded = load(move |token| {
        let team = applied.get();
        async move {
            let teams = api::team_queues(&token).await?;
            let overview = api::overview(&token, &team).await?;
            Ok((teams, overview))
        }
    });
    view! {
        <h2 class="govuk-heading-l">"How the service is doing"</h2>
        <Transition fallback=|| view! { <p class="govuk-body">"Loading"</p> }>
            {move || loaded.get().flatten().map(|loaded| match loaded {
                Ok((teams, overview)) => view! {
                    <form class="app-filters" novalidate on:submit=move |ev| { ev.prevent_default(); applied.set(picked.get()); }>
                        <div class="govuk-form-group app-filter">
                            <label class="govuk-label" for="overview-team">"Team"</label>
                            <select class="govuk-select" id="overview-team" on:change=move |ev| picked.set(event_target_value(&ev))>
                                <option value="" selected=move || picked.get().is_empty()>"The whole service"</option>
                                {teams.into_iter().map(|t| {
                                    let key = t.key.clone();
                                    view! { <option value=t.key.clone() selected=move || picked.get() == key>{t.name}</option> }
                                }).collect_view()}
                            </select>
                        </div>
                        <button type="submit" class="govuk-button govuk-button--secondary app-filter" data-module="govuk-button">"Show"</button>
                    </form>
                    {overview_charts(overview)}
                }.into_any(),
                Err(error) => view! { <Failed error=error /> }.into_any(),
            })}
        </Transition>
    }
}

fn overview_charts(overview: Overview) -> impl IntoView {
    let whose = overview
        .team
        .as_ref()
        .map_or_else(|| "the whole service".to_owned(), |t| t.name.clone());
    let title_of = |id: &str| {
        overview
            .forms
            .iter()
            .find(|f| f.form_id == id)
            .map_or_else(|| id.to_owned(), |f| f.form_title.clone())
    };
    // A column for each form that had any in the 12 weeks.
    let mut shown: Vec<String> = Vec::new();
    for f in overview.weeks.iter().flat_map(|w| &w.by_form) {
        if !shown.contains(&f.form_id) {
            shown.push(f.form_id.clone());
        }
    }
    let week_headers = std::iter::once("Week starting".to_owned())
        .chain(shown.iter().map(|id| title_of(id)))
        .chain(["Total".to_owned()])
        .collect();
    let week_rows = overview
        .weeks
        .iter()
        .map(|w| {
            let count = |id: &String| {
                w.by_form
                    .iter()
                    .find(|f| f.form_id == *id)
                    .map_or(0, |f| f.count)
            };
            std::iter::once(day(w.starting))
                .chain(shown.iter().map(|id| count(id).to_string()))
                .chain([w.total.to_string()])
                .collect()
        })
        .collect::<Vec<_>>();
    let weeks = bar_chart(
        "received",
        "Received each week",
        format!(
            "Submissions received by {whose} in each of the last 12 weeks, by the Monday each week starts on. The numbers are in the table below."
        ),
        overview
            .weeks
            .iter()
            .map(|w| Bar {
                label: format!("Week of {}", day(w.starting)),
                value: w.total,
                alert: false,
            })
            .collect(),
    );
    let team_name = |t: &shared::api::TeamWork| {
        t.team
            .as_ref()
            .map_or_else(|| "No team yet".to_owned(), |t| t.name.clone())
    };
    let open = bar_chart(
        "open",
        "Open work by team",
        "For each team, the submissions still open, then how many of those are past their due date (in red). The numbers are in the table below.".into(),
        overview
            .teams
            .iter()
            .flat_map(|t| {
                [
                    Bar { label: format!("{}: open", team_name(t)), value: t.open, alert: false },
                    Bar { label: format!("{}: overdue", team_name(t)), value: t.overdue, alert: true },
                ]
            })
            .collect(),
    );
    let open_rows = overview
        .teams
        .iter()
        .map(|t| vec![team_name(t), t.open.to_string(), t.overdue.to_string()])
        .collect();
    let response = overview.first_response.clone();
    let median = response.median_working_days.map_or_else(
        || "None answered yet".to_owned(),
        |d| format!("{d} working days"),
    );
    let used = bar_chart(
        "forms",
        "Forms started and sent",
        "For each form, the drafts started in the last 12 weeks, then how many drafts were sent. The numbers are in the table below.".into(),
        overview
            .forms
            .iter()
            .flat_map(|f| {
                [
                    Bar { label: format!("{}: started", f.form_title), value: f.started, alert: false },
                    Bar { label: format!("{}: sent", f.form_title), value: f.sent, alert: false },
                ]
            })
            .collect(),
    );
    let used_rows = overview
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
    view! {
        <h3 class="govuk-heading-m">"Received each week"</h3>
        {weeks}
        {numbers("Received each week, last 12 weeks, by form", week_headers, week_rows)}
        <h3 class="govuk-heading-m">"Open work by team"</h3>
        {open}
        {numbers("Open and overdue, by team", vec!["Team".into(), "Open".into(), "Overdue".into()], open_rows)}
        <h3 class="govuk-heading-m">"Time to first response"</h3>
        <dl class="govuk-summary-list">
            <div class="govuk-summary-list__row">
                <dt class="govuk-summary-list__key">"Median time from arrival to the first change of status"</dt>
                <dd class="govuk-summary-list__value">{median}</dd>
            </div>
            <div class="govuk-summary-list__row">
                <dt class="govuk-summary-list__key">"Answered, of those received in the last 12 weeks"</dt>
                <dd class="govuk-summary-list__value">{response.answered.to_string()}</dd>
            </div>
            <div class="govuk-summary-list__row">
                <dt class="govuk-summary-list__key">"Still waiting for a first response"</dt>
                <dd class="govuk-summary-list__value">{response.waiting.to_string()}</dd>
            </div>
        </dl>
        <h3 class="govuk-heading-m">"Forms started and sent"</h3>
        {used}
        {numbers("Drafts started and sent, last 12 weeks", vec!["Form".into(), "Started".into(), "Sent".into()], used_rows)}
    }
}
