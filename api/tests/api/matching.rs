//! Matching a referral to the person it is about: staff see the records that may be them, and
//! why, then link one or start a new record from the referral; nothing links on its own.

use serde_json::{Value, json};
use shared::api::{
    MatchReason, PersonDetails, SessionCreated, StaffPersonView, StaffSubmissionView,
    SubmissionStatus,
};

use crate::helpers::{Caller, spawn_app};
use crate::referrals::complete_enquiry;

async fn person(staff: &Caller<'_>, record: Value) -> String {
    let created = staff.post("/api/v1/staff/people", &record).await;
    assert_eq!(created.status(), 201, "{}", created.text().await.unwrap());
    created.json::<PersonDetails>().await.unwrap().id
}

async fn refer(gp: &Caller<'_>, key: &str, answers: Value) -> String {
    let sent = gp
        .submit(
            "/api/v1/submissions",
            key,
            &json!({"form_id": "support-enquiry", "answers": answers}),
        )
        .await;
    assert_eq!(sent.status(), 201, "{}", sent.text().await.unwrap());
    sent.json::<Value>().await.unwrap()["id"]
        .as_str()
        .unwrap()
        .to_owned()
}

#[tokio::test]
async fn a_referral_is_linked_to_the_record_staff_choose_or_starts_a_new_one() {
    let app = spawn_app().await;
    let staff_session = app.signed_in_staff("sam@council.example").await;
    let staff = app.caller(&staff_session);
    // Margaret's record, another Okafor born the same day elsewhere, a neighbour born the same
    // day, and a namesake born another year.
    let margaret = person(
        &staff,
        json!({"forename": "Margaret", "surname": "Okafor", "date_of_birth": "1941-03-27",
               "nhs_number": "943 476 5919",
               "address": {"line1": "12 Marsh Lane", "town": "Bootle", "postcode": "l20 3nj"}}),
    )
    .await;
    let grace = person(
        &staff,
        json!({"forename": "Grace", "surname": "OKAFOR", "date_of_birth": "1941-03-27",
               "address": {"line1": "1 Park Road", "town": "Liverpool", "postcode": "L30 1AA"}}),
    )
    .await;
    let edna = person(
        &staff,
        json!({"forename": "Edna", "surname": "Smith", "date_of_birth": "1941-03-27",
               "address": {"line1": "14 Marsh Lane", "town": "Bootle", "postcode": "L20 3NJ"}}),
    )
    .await;
    person(
        &staff,
        json!({"forename": "Margaret", "surname": "Okafor", "date_of_birth": "1950-01-01"}),
    )
    .await;
    let invalid = staff
        .post(
            "/api/v1/staff/people",
            &json!({"forename": "Ann", "surname": "Lee", "nhs_number": "943 476 5910"}),
        )
        .await;
    assert_eq!(invalid.status(), 422);

    let gp_session: SessionCreated = app
        .register("gp@example.org", "Tall-Trees-4-Ever!")
        .await
        .json()
        .await
        .unwrap();
    let gp = app.caller(&gp_session);
    let referral = refer(&gp, "k1", complete_enquiry()).await;
    let path = format!("/api/v1/staff/submissions/{referral}");

    // Staff see whom it is about, and the records that may be them, best first, with why.
    let seen: StaffSubmissionView = staff.read(&path).await;
    // Answered in English, so there is no second language to switch to.
    assert_eq!(seen.as_answered, None);
    let about = seen.about.unwrap();
    assert_eq!(
        (about.forename.as_deref(), about.surname.as_deref()),
        (Some("Margaret"), Some("Okafor"))
    );
    assert_eq!(about.nhs_number.as_deref(), Some("9434765919"));
    assert_eq!(about.postcode.as_deref(), Some("L20 3NJ"));
    assert_eq!(seen.entry.person_id, None, "never linked on its own");
    let found: Vec<(&str, &[MatchReason])> = seen
        .candidates
        .iter()
        .map(|c| (c.person.id.as_str(), c.reasons.as_slice()))
        .collect();
    assert_eq!(
        found,
        [
            (
                margaret.as_str(),
                &[
                    MatchReason::NhsNumber,
                    MatchReason::SurnameAndDateOfBirth,
                    MatchReason::PostcodeAndDateOfBirth
                ][..]
            ),
            (grace.as_str(), &[MatchReason::SurnameAndDateOfBirth][..]),
            (edna.as_str(), &[MatchReason::PostcodeAndDateOfBirth][..]),
        ]
    );

    // A referrer cannot link; staff link Margaret's record, once.
    let link = json!({"person_id": margaret});
    let person_path = format!("{path}/person");
    assert_eq!(gp.post(&person_path, &link).await.status(), 403);
    let unknown = staff
        .post(
            &person_path,
            &json!({"person_id": "0193b001-0000-7000-8000-00000000ffff"}),
        )
        .await;
    assert_eq!(unknown.status(), 422);
    let not_an_id = staff
        .post(&person_path, &json!({"person_id": "Margaret"}))
        .await;
    assert_eq!(not_an_id.status(), 422);
    let problem: shared::api::Problem = not_an_id.json().await.unwrap();
    assert!(problem.errors.contains_key("person_id"), "{problem:?}");
    let linked = staff.post(&person_path, &link).await;
    assert_eq!(linked.status(), 200);
    let linked: StaffSubmissionView = linked.json().await.unwrap();
    assert_eq!(linked.entry.person_id.as_deref(), Some(margaret.as_str()));
    assert!(linked.candidates.is_empty());
    let again = staff.post(&person_path, &json!({"person_id": grace})).await;
    assert_eq!(again.status(), 409);

    // It shows on her record with its status, in the audit log, and to integrators.
    let record: StaffPersonView = staff
        .read(&format!("/api/v1/staff/people/{margaret}"))
        .await;
    assert_eq!(record.referrals.len(), 1);
    assert_eq!(record.referrals[0].id, referral);
    assert_eq!(record.referrals[0].status, SubmissionStatus::Received);
    let fhir: Value = staff
        .read(&format!("/api/v1/integrations/submissions/{referral}/fhir"))
        .await;
    assert_eq!(fhir["subject"]["identifier"]["value"], margaret.as_str());
    let admin_session = app.signed_in_admin("alex@council.example").await;
    let audit: shared::api::AuditPage = app
        .caller(&admin_session)
        .read(&format!("/api/v1/audit?subject={referral}"))
        .await;
    assert!(
        audit
            .items
            .iter()
            .any(|e| e.action == "link" && e.person_id.as_deref() == Some(margaret.as_str()))
    );

    // Someone the council does not know: a new record from the referral, in one step.
    let mut winifred = complete_enquiry();
    winifred["first_name"] = json!("Winifred");
    winifred["last_name"] = json!("Quarry");
    winifred["date_of_birth"] = json!({"day": "5", "month": "5", "year": "1939"});
    winifred["nhs_number"] = json!("");
    winifred["address"] = json!({"line1": "9 Dock Road", "town": "Bootle", "postcode": "L20 4AB"});
    let stranger = refer(&gp, "k2", winifred).await;
    let stranger_path = format!("/api/v1/staff/submissions/{stranger}");
    let seen: StaffSubmissionView = staff.read(&stranger_path).await;
    assert!(seen.candidates.is_empty(), "{:?}", seen.candidates);
    let made = staff
        .post(&format!("{stranger_path}/new-person"), &json!({}))
        .await;
    assert_eq!(made.status(), 201);
    let made: StaffSubmissionView = made.json().await.unwrap();
    let new_id = made.entry.person_id.unwrap();
    let record: StaffPersonView = staff.read(&format!("/api/v1/staff/people/{new_id}")).await;
    assert_eq!(
        (
            record.details.forename.as_str(),
            record.details.surname.as_str()
        ),
        ("Winifred", "Quarry")
    );
    assert_eq!(
        record.details.date_of_birth,
        chrono::NaiveDate::from_ymd_opt(1939, 5, 5)
    );
    assert_eq!(
        record.details.address.map(|a| a.postcode).as_deref(),
        Some("L20 4AB")
    );
    assert_eq!(record.referrals[0].id, stranger);
    assert_eq!(
        staff
            .post(&format!("{stranger_path}/new-person"), &json!({}))
            .await
            .status(),
        409
    );
}
