//! A council starting with its existing records: people and involvements imported from CSV,
//! all or nothing, with every rejected row named.

use serde_json::{Value, json};
use shared::api::{ImportReport, PersonMatchPage, Problem, StaffPersonView};

use crate::helpers::{Caller, spawn_app};

const PEOPLE: &str = "\u{feff}Council_Reference,forename,surname,date_of_birth,address_line1,town,postcode,home_phone
MOS-1001,Edna,Marsh,14/02/1938,4 Marsh Lane,Bootle,L20 3NJ,0151 496 0000
MOS-1002,Albert,Quayle,1941-07-30,,,,
MOS-1003,Winifred,Quarry,31/02/1940,9 Dock Road,Bootle,NOT A POSTCODE,
";

async fn import(staff: &Caller<'_>, what: &str, csv: &str) -> reqwest::Response {
    staff
        .post_bytes(
            &format!("/api/v1/staff/imports/{what}"),
            "text/csv; charset=utf-8",
            csv.to_owned(),
        )
        .await
}

async fn rejected(response: reqwest::Response) -> Problem {
    assert_eq!(response.status(), 422);
    response.json().await.unwrap()
}

#[tokio::test]
async fn people_and_involvements_are_imported_all_or_nothing_with_each_rejected_row_named() {
    let app = spawn_app().await;
    let session = app.signed_in_staff("sam@council.example").await;
    let staff = app.caller(&session);
    let surnames_starting_q = || async {
        let page: PersonMatchPage = staff.read("/api/v1/staff/people?surname=q").await;
        page.items.len()
    };

    // One bad row: the answer names its line and columns, and nobody is stored.
    let problem = rejected(import(&staff, "people", PEOPLE).await).await;
    assert_eq!(problem.code, "import_rejected");
    assert_eq!(
        problem.detail.as_deref(),
        Some("1 of 3 rows need correcting, listed in errors; nothing was imported.")
    );
    assert_eq!(
        problem.errors.keys().collect::<Vec<_>>(),
        ["rows[4].date_of_birth"]
    );
    assert_eq!(
        surnames_starting_q().await,
        0,
        "Albert Quayle was not stored"
    );
    let fixed = PEOPLE.replace("31/02/1940", "28/02/1940");
    let problem = rejected(import(&staff, "people", &fixed).await).await;
    assert_eq!(
        problem.errors.keys().collect::<Vec<_>>(),
        ["rows[4].postcode"]
    );

    // Corrected, every row is stored in the order of the file.
    let fixed = fixed.replace("NOT A POSTCODE", "l20 4ab");
    let stored = import(&staff, "people", &fixed).await;
    assert_eq!(stored.status(), 201);
    let report: ImportReport = stored.json().await.unwrap();
    assert_eq!(report.imported, 3);
    assert_eq!(
        report.rows.iter().map(|r| r.row).collect::<Vec<_>>(),
        [2, 3, 4]
    );
    assert_eq!(surnames_starting_q().await, 2);
    let edna: StaffPersonView = staff
        .read(&format!(
            "/api/v1/staff/people/{}",
            report.rows[0].person_id
        ))
        .await;
    assert_eq!(edna.details.surname, "Marsh");
    assert_eq!(
        edna.details.date_of_birth,
        chrono::NaiveDate::from_ymd_opt(1938, 2, 14)
    );
    assert_eq!(edna.details.address.unwrap().postcode, "L20 3NJ");

    // The same file again is refused row by row: those records are already here.
    let problem = rejected(import(&staff, "people", &fixed).await).await;
    assert_eq!(problem.errors.len(), 3);
    assert!(problem.errors["rows[2].council_reference"][0].contains("already in the portal"));

    // Involvements find their person by the council's reference or the portal's id; an
    // unknown reference rejects the whole file.
    let albert = &report.rows[1].person_id;
    let involvements = format!(
        "council_reference,person_id,name,role,team,phone,email,since
MOS-1001,,Jo Patel,Social worker,Older people,0151 934 2000,,01/10/2026
,{albert},Dr Shah,GP,Marsh Lane Surgery,,shah@nhs.example,2020-01-15
MOS-9999,,Kim Lee,Occupational therapist,Reablement,0151 934 2001,,2026-11-01
"
    );
    let problem = rejected(import(&staff, "involvements", &involvements).await).await;
    assert_eq!(
        problem.errors.keys().collect::<Vec<_>>(),
        ["rows[4].council_reference"]
    );
    let edna_now: StaffPersonView = staff
        .read(&format!(
            "/api/v1/staff/people/{}",
            report.rows[0].person_id
        ))
        .await;
    assert!(edna_now.involvements.is_empty(), "nothing stored half-way");
    let involvements = involvements.replace("MOS-9999", "MOS-1003");
    let stored = import(&staff, "involvements", &involvements).await;
    assert_eq!(stored.status(), 201);
    let report: ImportReport = stored.json().await.unwrap();
    assert_eq!(report.imported, 3);
    let albert_now: StaffPersonView = staff.read(&format!("/api/v1/staff/people/{albert}")).await;
    assert_eq!(albert_now.involvements[0].name, "Dr Shah");
}

#[tokio::test]
async fn a_file_of_the_wrong_shape_is_refused_whole() {
    let app = spawn_app().await;
    let session = app.signed_in_staff("sam@council.example").await;
    let staff = app.caller(&session);

    let as_json = staff
        .post("/api/v1/staff/imports/people", &json!({"forename": "Edna"}))
        .await;
    assert_eq!(as_json.status(), 415);
    let problem: Problem = as_json.json().await.unwrap();
    assert_eq!(
        problem.detail.as_deref(),
        Some("Send Content-Type: text/csv.")
    );

    let misspelt = rejected(
        import(
            &staff,
            "people",
            "council_reference,forename,surnmae\nMOS-1,Edna,Marsh\n",
        )
        .await,
    )
    .await;
    assert_eq!(misspelt.code, "validation_failed");
    assert!(misspelt.errors["columns"][0].starts_with("Unknown columns: surnmae."));

    let header_only =
        rejected(import(&staff, "people", "council_reference,forename,surname\n").await).await;
    assert_eq!(
        header_only.errors["rows"],
        ["The file has no rows after its header"]
    );

    let ragged = rejected(
        import(
            &staff,
            "people",
            "council_reference,forename,surname\nMOS-1,Edna\nMOS-2,Albert,Quayle\nMOS-2,Al,Q\n",
        )
        .await,
    )
    .await;
    assert_eq!(
        ragged.errors.keys().collect::<Vec<_>>(),
        ["rows[2].cells", "rows[4].council_reference"]
    );
    assert_eq!(
        ragged.errors["rows[4].council_reference"],
        ["Reference MOS-2 is also on line 3"]
    );

    let not_utf8 = staff
        .post_bytes(
            "/api/v1/staff/imports/people",
            "text/csv",
            b"council_reference,forename,surname\nMOS-1,Ren\xe9e,Marsh\n".to_vec(),
        )
        .await;
    assert_eq!(not_utf8.status(), 400);

    let too_many = format!(
        "council_reference,forename,surname\n{}",
        (0..10_001)
            .map(|i| format!("R{i},A,B\n"))
            .collect::<String>()
    );
    let problem = rejected(import(&staff, "people", &too_many).await).await;
    assert!(problem.errors["rows"][0].starts_with("Send at most 10000 rows"));

    // Citizens may not import.
    let citizen: Value = app
        .register("edna@example.org", "Tall-Trees-4-Ever!")
        .await
        .json()
        .await
        .unwrap();
    let citizen = Caller {
        app: &app,
        token: citizen["access_token"].as_str().unwrap().to_owned(),
    };
    assert_eq!(
        import(
            &citizen,
            "people",
            "council_reference,forename,surname\nR,A,B\n"
        )
        .await
        .status(),
        403
    );
}
