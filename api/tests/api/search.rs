//! Finding people and reading the audit log: by any part of a name (case and accents aside),
//! NHS number, date of birth or postcode; the log by day, and both as the council exports them.

use serde_json::json;
use shared::api::{AuditPage, PersonMatchPage, Problem};

use crate::staff::council;

#[tokio::test]
async fn staff_find_people_by_any_part_of_a_name_nhs_number_date_of_birth_or_postcode() {
    let c = council().await;
    let staff = c.app.caller(&c.staff);
    for person in [
        json!({"forename": "Mary-Ann", "surname": "O'Neil", "date_of_birth": "1950-06-09",
               "nhs_number": "943 476 5919",
               "address": {"line1": "4 Marsh Lane", "town": "Bootle", "postcode": "L20 3NJ"}}),
        json!({"forename": "Łukasz", "surname": "Nguyễn", "date_of_birth": "1980-01-02",
               "address": {"line1": "1 Rimrose Road", "town": "Bootle", "postcode": "L21 1AA"}}),
        json!({"forename": "Ann", "surname": "Smith"}),
        json!({"forename": "Bob", "surname": "Smith"}),
        json!({"forename": "Cy", "surname": "Smith"}),
    ] {
        let made = staff.post("/api/v1/staff/people", &person).await;
        assert_eq!(made.status(), 201, "{}", made.text().await.unwrap());
    }
    let names = |page: PersonMatchPage| page.items.into_iter().map(|p| p.name).collect::<Vec<_>>();
    let find = |text: &str| {
        let staff = &staff;
        let path = format!("/api/v1/staff/people?q={}", urlencoding(text));
        async move { names(staff.read::<PersonMatchPage>(&path).await) }
    };
    assert_eq!(find("oneil").await, ["Mary-Ann O'Neil"]);
    assert_eq!(find("O'NEIL").await, ["Mary-Ann O'Neil"]);
    assert_eq!(find("ann").await, ["Mary-Ann O'Neil", "Ann Smith"]);
    assert_eq!(find("nguyen").await, ["Łukasz Nguyễn"]);
    assert_eq!(find("lukasz ng").await, ["Łukasz Nguyễn"]);
    assert_eq!(find("943 476 5919").await, ["Mary-Ann O'Neil"]);
    assert_eq!(find("9/6/1950").await, ["Mary-Ann O'Neil"]);
    assert_eq!(find("9 June 1950").await, ["Mary-Ann O'Neil"]);
    assert_eq!(find("l21 1aa").await, ["Łukasz Nguyễn"]);
    assert!(find("zebedee").await.is_empty());
    // The older parameter still works.
    let legacy: PersonMatchPage = staff.read("/api/v1/staff/people?surname=Smi").await;
    assert_eq!(legacy.items.len(), 3);

    // A date that is no day is refused, naming the field.
    let refused = staff.get("/api/v1/staff/people?q=31%2F2%2F1950").await;
    assert_eq!(refused.status(), 422);
    let problem: Problem = refused.json().await.unwrap();
    assert!(problem.errors.contains_key("q"));

    // Three Smiths, two a page, in name order.
    let first: PersonMatchPage = staff.read("/api/v1/staff/people?q=smith&limit=2").await;
    let next = first.next.clone().expect("a second page");
    let second: PersonMatchPage = staff
        .read(&format!(
            "/api/v1/staff/people?q=smith&limit=2&after={next}"
        ))
        .await;
    let mut all = names(first);
    all.extend(names(second));
    assert_eq!(all, ["Ann Smith", "Bob Smith", "Cy Smith"]);

    // Each search is in the audit log with what was looked for.
    let log: AuditPage = c
        .app
        .caller(&c.admin)
        .read(&format!("/api/v1/audit?actor={}", c.staff_id))
        .await;
    assert!(
        log.items
            .iter()
            .any(|e| e.action == "search" && e.subject_id == "943 476 5919")
    );
}

fn urlencoding(text: &str) -> String {
    text.bytes()
        .map(|b| match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'.' | b'_' | b'~' => {
                (b as char).to_string()
            }
            _ => format!("%{b:02X}"),
        })
        .collect()
}

#[tokio::test]
async fn administrators_narrow_the_audit_log_by_day_and_download_it_as_csv() {
    let c = council().await;
    let staff = c.app.caller(&c.staff);
    // A search typed as a formula is written to the file as text.
    let searched = staff.get("/api/v1/staff/people?q=%3Dcmd").await;
    assert_eq!(searched.status(), 200);
    let admin = c.app.caller(&c.admin);
    let today = chrono::Utc::now()
        .with_timezone(&chrono_tz::Europe::London)
        .date_naive();
    let tomorrow = today.succ_opt().unwrap();
    let actor = &c.staff_id;

    let todays: AuditPage = admin
        .read(&format!(
            "/api/v1/audit?actor={actor}&from={today}&to={today}"
        ))
        .await;
    assert!(todays.items.iter().any(|e| e.subject_id == "=cmd"));
    let later: AuditPage = admin
        .read(&format!("/api/v1/audit?actor={actor}&from={tomorrow}"))
        .await;
    assert!(later.items.is_empty());
    let backwards = admin
        .get(&format!("/api/v1/audit?from={tomorrow}&to={today}"))
        .await;
    assert_eq!(backwards.status(), 422);
    let problem: Problem = backwards.json().await.unwrap();
    assert!(problem.errors.contains_key("to"));

    let file = admin
        .get(&format!("/api/v1/audit.csv?actor={actor}&from={today}"))
        .await;
    assert_eq!(file.status(), 200);
    assert_eq!(file.headers()["content-type"], "text/csv; charset=utf-8");
    let text = file.text().await.unwrap();
    let mut rows = csv::Reader::from_reader(text.as_bytes());
    assert_eq!(&rows.headers().unwrap()[0], "When (UTC)");
    let records: Vec<csv::StringRecord> = rows.records().map(Result::unwrap).collect();
    assert!(
        records
            .iter()
            .any(|r| &r[3] == "search" && &r[5] == "'=cmd")
    );
    assert!(records.iter().all(|r| &r[2] == actor.as_str()));

    // Staff may not download it; the download is itself in the log.
    assert_eq!(staff.get("/api/v1/audit.csv").await.status(), 403);
    let exports: AuditPage = admin.read("/api/v1/audit?subject=audit%20actor%3D").await;
    assert!(exports.items.is_empty(), "subjects match whole");
    let mine: AuditPage = admin.read("/api/v1/audit").await;
    assert!(
        mine.items
            .iter()
            .any(|e| e.action == "export" && e.subject_id.starts_with("audit actor="))
    );
}
