//! The queue as staff work from it (who each referral is about, "mine" and "my teams", three
//! orders, a CSV file of it) and the overview of how the service is doing.

use serde_json::{Value, json};
use shared::api::{AuditPage, Overview, QueuePage, SubmissionStatus};

use crate::referrals::complete_enquiry;
use crate::staff::{council, registered};

/// A support enquiry about someone called `forename`.
fn enquiry_about(forename: &str) -> Value {
    let mut answers = complete_enquiry();
    answers["first_name"] = json!(forename);
    answers
}

#[tokio::test]
async fn staff_see_who_each_referral_is_about_take_their_own_sort_and_export_the_queue() {
    let c = council().await;
    let gp = registered(&c.app, "gp@example.org").await;
    let gp = c.app.caller(&gp);
    let mut ids = Vec::new();
    for (key, forename) in [
        ("a", "Margaret"),
        ("b", "=HYPERLINK(\"http://evil.example\")"),
        ("c", "Ade"),
    ] {
        let sent = gp
            .submit(
                "/api/v1/submissions",
                key,
                &json!({"form_id": "support-enquiry", "answers": enquiry_about(forename)}),
            )
            .await;
        assert_eq!(sent.status(), 201);
        let sent: Value = sent.json().await.unwrap();
        ids.push(sent["id"].as_str().unwrap().to_owned());
    }
    let staff = c.app.caller(&c.staff);

    // Who it is about, from the answers, in every row.
    let queue: QueuePage = staff.read("/api/v1/staff/submissions").await;
    let first = queue.items.iter().find(|e| e.id == ids[0]).unwrap();
    let about = first.person.as_ref().unwrap();
    assert_eq!(about.name.as_deref(), Some("Margaret Okafor"));
    assert_eq!(
        about.date_of_birth.map(|d| d.to_string()).as_deref(),
        Some("1941-03-27")
    );
    assert_eq!(about.postcode.as_deref(), Some("L20 3NJ"));

    // Nothing is given to Sam yet; then Ade's is, and only it is "mine".
    let mine: QueuePage = staff.read("/api/v1/staff/submissions?mine=true").await;
    assert!(mine.items.is_empty());
    let given = staff
        .post(
            &format!("/api/v1/staff/submissions/{}/changes", ids[2]),
            &json!({"team": "contact_centre", "assigned_to": c.staff_id, "status": "in_review"}),
        )
        .await;
    assert_eq!(given.status(), 201, "{}", given.text().await.unwrap());
    let mine: QueuePage = staff.read("/api/v1/staff/submissions?mine=true").await;
    assert_eq!(
        mine.items.iter().map(|e| &e.id).collect::<Vec<_>>(),
        [&ids[2]]
    );

    // Support enquiries go to the contact centre, Sam's team: all three are "my teams". An
    // administrator in no team has none.
    let teams: QueuePage = staff.read("/api/v1/staff/submissions?my_teams=true").await;
    assert_eq!(teams.items.len(), 3);
    let admin = c.app.caller(&c.admin);
    let none: QueuePage = admin.read("/api/v1/staff/submissions?my_teams=true").await;
    assert!(none.items.is_empty());

    // Newest first, a page at a time.
    let mut seen = Vec::new();
    let mut after = String::new();
    loop {
        let page: QueuePage = staff
            .read(&format!(
                "/api/v1/staff/submissions?sort=received&limit=2&after={after}"
            ))
            .await;
        seen.extend(page.items.into_iter().map(|e| e.id));
        match page.next {
            Some(next) => after = next,
            None => break,
        }
    }
    let mut newest_first = ids.clone();
    newest_first.reverse();
    assert_eq!(seen, newest_first);

    // By status: the two received, then the one in review; across pages of one.
    let mut seen = Vec::new();
    let mut after = String::new();
    loop {
        let page: QueuePage = staff
            .read(&format!(
                "/api/v1/staff/submissions?sort=status&limit=1&after={after}"
            ))
            .await;
        seen.extend(page.items.into_iter().map(|e| e.status));
        match page.next {
            Some(next) => after = next,
            None => break,
        }
    }
    assert_eq!(
        seen,
        [
            SubmissionStatus::Received,
            SubmissionStatus::Received,
            SubmissionStatus::InReview
        ]
    );

    // The CSV file: every row the filters select, a formula written as text, and the export
    // in the audit log.
    let file = staff
        .get("/api/v1/staff/submissions.csv?sort=received")
        .await;
    assert_eq!(file.status(), 200);
    assert_eq!(file.headers()["content-type"], "text/csv; charset=utf-8");
    assert!(
        file.headers()["content-disposition"]
            .to_str()
            .unwrap()
            .starts_with("attachment")
    );
    let text = file.text().await.unwrap();
    let mut rows = csv::Reader::from_reader(text.as_bytes());
    let header: Vec<String> = rows.headers().unwrap().iter().map(str::to_owned).collect();
    assert_eq!(header[0], "Reference");
    assert_eq!(header[9], "About");
    let records: Vec<csv::StringRecord> = rows.records().map(Result::unwrap).collect();
    assert_eq!(records.len(), 3);
    assert_eq!(&records[0][9], "Ade Okafor");
    assert_eq!(&records[0][5], "In review");
    assert_eq!(&records[0][7], "Sam Taylor");
    assert_eq!(
        &records[1][9],
        "'=HYPERLINK(\"http://evil.example\") Okafor"
    );
    assert_eq!(&records[2][10], "1941-03-27");
    let filtered = staff.get("/api/v1/staff/submissions.csv?mine=true").await;
    let filtered = filtered.text().await.unwrap();
    assert_eq!(filtered.lines().count(), 2, "{filtered}");
    let paged = staff.get("/api/v1/staff/submissions.csv?limit=5").await;
    assert_eq!(paged.status(), 422);
    let audit: AuditPage = admin
        .read(&format!("/api/v1/audit?actor={}", c.staff_id))
        .await;
    assert!(
        audit
            .items
            .iter()
            .any(|e| e.action == "export" && e.subject_id == "queue sort=received"),
        "{:?}",
        audit.items
    );
}

#[tokio::test]
async fn the_overview_counts_arrivals_open_and_overdue_work_first_responses_and_forms_sent() {
    let c = two_enquiries().await;
    let staff = c.council.app.caller(&c.council.staff);

    let overview: Overview = staff.read("/api/v1/staff/overview").await;
    assert_eq!(overview.weeks.len(), 12);
    let this_week = overview.weeks.last().unwrap();
    assert_eq!(this_week.total, 2);
    assert_eq!(this_week.by_form[0].form_id, "support-enquiry");
    assert_eq!(overview.weeks.iter().map(|w| w.total).sum::<u64>(), 2);
    let centre = overview
        .teams
        .iter()
        .find(|t| t.team.as_ref().is_some_and(|t| t.key == "contact_centre"))
        .unwrap();
    assert_eq!((centre.open, centre.overdue), (2, 1));
    assert_eq!(overview.first_response.answered, 0);
    assert_eq!(overview.first_response.waiting, 2);
    assert_eq!(overview.first_response.median_working_days, None);
    let enquiry = overview
        .forms
        .iter()
        .find(|f| f.form_id == "support-enquiry")
        .unwrap();
    assert_eq!(
        (enquiry.started, enquiry.sent),
        (1, 1),
        "one came from a draft"
    );

    // Accepting one is its first response, on the day it arrived: no working day passed.
    let accepted = staff
        .post(
            &format!("/api/v1/staff/submissions/{}/changes", c.ids[0]),
            &json!({"status": "accepted"}),
        )
        .await;
    assert_eq!(accepted.status(), 201);
    let overview: Overview = staff.read("/api/v1/staff/overview").await;
    assert_eq!(overview.first_response.answered, 1);
    assert_eq!(overview.first_response.waiting, 1);
    assert_eq!(overview.first_response.median_working_days, Some(0.0));
    let centre = overview.teams.iter().find(|t| t.team.is_some()).unwrap();
    assert_eq!(centre.open, 1);

    // Narrowed to a team with no work, and to a team that does not exist.
    let dols: Overview = staff.read("/api/v1/staff/overview?team=dols").await;
    assert_eq!(dols.team.unwrap().key, "dols");
    assert_eq!(dols.weeks.iter().map(|w| w.total).sum::<u64>(), 0);
    assert!(dols.teams.is_empty());
    assert!(dols.forms.iter().all(|f| f.form_id.starts_with("dols")));
    let missing = staff.get("/api/v1/staff/overview?team=nobody").await;
    assert_eq!(missing.status(), 404);
}

struct TwoEnquiries {
    council: crate::staff::Council,
    ids: Vec<String>,
}

/// Two support enquiries: one sent from a draft, one straight through the API; the second
/// has passed its due date.
async fn two_enquiries() -> TwoEnquiries {
    let council = council().await;
    let gp = registered(&council.app, "gp@example.org").await;
    let gp = council.app.caller(&gp);
    let draft = gp
        .post(
            "/api/v1/drafts",
            &json!({"form_id": "support-enquiry", "answers": {}, "page_id": null}),
        )
        .await;
    assert_eq!(draft.status(), 201, "{}", draft.text().await.unwrap());
    let draft: Value = draft.json().await.unwrap();
    let mut ids = Vec::new();
    for (key, draft_id) in [("a", draft["id"].clone()), ("b", Value::Null)] {
        let sent = gp
            .submit(
                "/api/v1/submissions",
                key,
                &json!({"form_id": "support-enquiry", "answers": complete_enquiry(), "draft_id": draft_id}),
            )
            .await;
        assert_eq!(sent.status(), 201);
        let sent: Sent = sent.json().await.unwrap();
        ids.push(sent.id);
    }
    {
        use api::db::schema::submissions;
        use diesel::prelude::*;
        let mut conn = council.app.database.get().unwrap();
        diesel::update(submissions::table.find(&ids[1]))
            .set(submissions::due_on.eq(chrono::NaiveDate::from_ymd_opt(2026, 1, 5)))
            .execute(&mut conn)
            .unwrap();
    }
    TwoEnquiries { council, ids }
}

#[derive(serde::Deserialize)]
struct Sent {
    id: String,
}
