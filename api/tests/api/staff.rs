//! The council's side: the referral queue and its changes, team message queues, people's
//! records, staff accounts and the audit log.

use serde_json::{Value, json};
use shared::api::{
    AuditPage, InvitationView, PersonDetails, PersonMatchPage, PersonSummary, Problem, QueuePage,
    RecordViewPage, SessionCreated, StaffInvitation, StaffMember, StaffPersonView,
    StaffSubmissionView, StaffThreadView, SubmissionPage, SubmissionStatus, TeamQueueSummary,
    TeamThreadPage, ThreadView,
};

use crate::helpers::{TestApp, spawn_app};
use crate::referrals::complete_enquiry;
use crate::walk;

const PASSWORD: &str = "Tall-Trees-4-Ever!";

/// A council with an administrator and a member of staff in the contact centre.
pub(crate) struct Council {
    pub app: TestApp,
    pub admin: SessionCreated,
    pub staff: SessionCreated,
    pub staff_id: String,
}

pub(crate) async fn council() -> Council {
    let app = spawn_app().await;
    let admin = app.signed_in_admin("alex.morgan@council.example").await;
    let staff = app.signed_in_staff("sam.taylor@council.example").await;
    let members: Vec<StaffMember> = app.caller(&staff).read("/api/v1/staff-accounts").await;
    let staff_id = members
        .iter()
        .find(|m| m.email == "sam.taylor@council.example")
        .unwrap()
        .id
        .clone();
    let placed = app
        .caller(&admin)
        .put(
            &format!("/api/v1/staff-accounts/{staff_id}/teams"),
            &json!({"teams": ["contact_centre"]}),
        )
        .await;
    assert_eq!(placed.status(), 200, "{}", placed.text().await.unwrap());
    Council {
        app,
        admin,
        staff,
        staff_id,
    }
}

pub(crate) async fn registered(app: &TestApp, email: &str) -> SessionCreated {
    app.register(email, PASSWORD).await.json().await.unwrap()
}

async fn problem(response: reqwest::Response, status: u16) -> Problem {
    assert_eq!(response.status(), status);
    response.json().await.unwrap()
}

#[tokio::test]
async fn a_bank_holiday_pasted_into_the_file_moves_due_dates_without_a_restart() {
    use api::referrals::triage::working_days::add_working_days;
    let folder = tempfile::TempDir::new().unwrap();
    let file = folder.path().join("bank-holidays.json");
    std::fs::copy(
        crate::helpers::repository_root().join("config/bank-holidays.json"),
        &file,
    )
    .unwrap();
    let app = crate::helpers::spawn_app_with(|settings| {
        settings.bank_holidays_file = file.clone();
    })
    .await;
    let staff_session = app
        .signed_in_staff_in_every_team("sam@council.example")
        .await;
    let staff = app.caller(&staff_session);
    let gp_session = registered(&app, "gp@example.org").await;
    let gp = app.caller(&gp_session);
    let enquiry = json!({"form_id": "support-enquiry", "answers": complete_enquiry()});
    let send = |key: &'static str| gp.submit("/api/v1/submissions", key, &enquiry);
    let due_dates = || async {
        let queue: QueuePage = staff.read("/api/v1/staff/submissions").await;
        let mut dates: Vec<chrono::NaiveDate> = queue.items.iter().map(|e| e.due_on).collect();
        dates.sort();
        dates
    };
    assert_eq!(send("before").await.status(), 201);
    let today = api::calendar::today();
    let holidays = api::referrals::triage::working_days::bank_holidays();
    assert_eq!(due_dates().await, [add_working_days(today, 10, &holidays)]);

    // The council pastes in a list with one more holiday: tomorrow's working day.
    let mut list: Value = serde_json::from_str(&std::fs::read_to_string(&file).unwrap()).unwrap();
    let extra = add_working_days(today, 1, &holidays);
    list["england-and-wales"]["events"]
        .as_array_mut()
        .unwrap()
        .push(
            json!({"title": "A day the council closes", "date": extra.to_string(),
                     "notes": "", "bunting": false}),
        );
    std::fs::write(&file, serde_json::to_string_pretty(&list).unwrap()).unwrap();

    assert_eq!(send("after").await.status(), 201);
    let mut more = (*holidays).clone();
    more.insert(extra);
    let dates = due_dates().await;
    assert_eq!(
        dates,
        [
            add_working_days(today, 10, &holidays),
            add_working_days(today, 10, &more)
        ]
    );
    assert!(
        dates[1] > dates[0],
        "the new referral is due a working day later"
    );
}

#[tokio::test]
async fn a_referral_is_queued_with_its_due_date_assigned_accepted_and_the_sender_told() {
    let c = council().await;
    let gp_session = registered(&c.app, "gp@example.org").await;
    let gp = c.app.caller(&gp_session);
    let sent = gp
        .submit(
            "/api/v1/submissions",
            "key-1",
            &json!({"form_id": "support-enquiry", "answers": complete_enquiry()}),
        )
        .await;
    assert_eq!(sent.status(), 201);
    let sent: Value = sent.json().await.unwrap();
    let id = sent["id"].as_str().unwrap().to_owned();
    let staff = c.app.caller(&c.staff);

    // In the queue, due 10 working days after today (in England).
    let queue: QueuePage = staff.read("/api/v1/staff/submissions").await;
    assert_eq!(queue.items.len(), 1);
    let entry = &queue.items[0];
    let today = api::calendar::today();
    assert_eq!(
        entry.due_on,
        api::referrals::triage::working_days::add_working_days(
            today,
            10,
            &api::referrals::triage::working_days::bank_holidays()
        )
    );
    assert_eq!(
        (
            entry.status,
            entry.overdue,
            entry.submitted_by.as_str(),
            entry.team.as_ref().map(|t| t.key.as_str())
        ),
        // The support enquiry's definition sends its referrals to the contact centre.
        (
            SubmissionStatus::Received,
            false,
            "Priya Shah",
            Some("contact_centre")
        )
    );

    // A worker outside the team cannot take it; one in it can, with a note.
    // Kim is staff, but not in the contact centre.
    c.app.signed_in_staff("kim.lee@council.example").await;
    let members: Vec<StaffMember> = staff.read("/api/v1/staff-accounts").await;
    let kim = members
        .iter()
        .find(|m| m.email == "kim.lee@council.example")
        .unwrap();
    let refused = staff
        .post(
            &format!("/api/v1/staff/submissions/{id}/changes"),
            &json!({"team": "contact_centre", "assigned_to": kim.id}),
        )
        .await;
    assert!(
        problem(refused, 422)
            .await
            .errors
            .contains_key("assigned_to")
    );
    let assigned = staff
        .post(
            &format!("/api/v1/staff/submissions/{id}/changes"),
            &json!({"team": "contact_centre", "assigned_to": c.staff_id, "status": "in_review",
                "note": "Carer is in hospital: look at this week."}),
        )
        .await;
    assert_eq!(assigned.status(), 201, "{}", assigned.text().await.unwrap());
    let accepted = staff
        .post(
            &format!("/api/v1/staff/submissions/{id}/changes"),
            &json!({"status": "accepted"}),
        )
        .await;
    assert_eq!(accepted.status(), 201);
    let view: StaffSubmissionView = accepted.json().await.unwrap();
    assert_eq!(view.entry.status, SubmissionStatus::Accepted);
    assert_eq!(view.entry.team.as_ref().unwrap().key, "contact_centre");
    assert_eq!(view.entry.assigned_to.as_ref().unwrap().name, "Sam Taylor");
    let history: Vec<(Option<SubmissionStatus>, Option<&str>, &str)> = view
        .history
        .iter()
        .map(|e| (e.status, e.note.as_deref(), e.by.as_str()))
        .collect();
    assert_eq!(
        history,
        [
            (
                Some(SubmissionStatus::InReview),
                Some("Carer is in hospital: look at this week."),
                "Sam Taylor"
            ),
            (Some(SubmissionStatus::Accepted), None, "Sam Taylor"),
        ]
    );
    // Nothing to change is refused.
    let empty = staff
        .post(
            &format!("/api/v1/staff/submissions/{id}/changes"),
            &json!({}),
        )
        .await;
    assert_eq!(empty.status(), 422);

    // The filters find it by team, status and "mine"; it is not overdue.
    for (query, found) in [
        ("?team=contact_centre", 1),
        ("?team=dols", 0),
        ("?status=accepted", 1),
        ("?status=received", 0),
        ("?mine=true", 1),
        ("?form=dols-form-1", 0),
        ("?overdue=true", 0),
    ] {
        let page: QueuePage = staff
            .read(&format!("/api/v1/staff/submissions{query}"))
            .await;
        assert_eq!(page.items.len(), found, "{query}");
    }

    // The GP sees the new status and was emailed each change of status, never the note.
    let mine: SubmissionPage = gp.read("/api/v1/submissions").await;
    assert_eq!(mine.items[0].status, SubmissionStatus::Accepted);
    let email = c
        .app
        .mailbox
        .next_containing("gp@example.org", 0, "Accepted")
        .await;
    assert!(!email.raw.contains("hospital"));
}

#[tokio::test]
async fn overdue_referrals_are_found_and_the_queue_pages_by_due_date() {
    let c = council().await;
    let gp = registered(&c.app, "gp@example.org").await;
    let gp = c.app.caller(&gp);
    for key in ["a", "b", "c"] {
        let sent = gp
            .submit(
                "/api/v1/submissions",
                key,
                &json!({"form_id": "support-enquiry", "answers": complete_enquiry()}),
            )
            .await;
        assert_eq!(sent.status(), 201);
    }
    // One arrived long ago: its due date has passed.
    {
        use api::db::schema::submissions;
        use diesel::prelude::*;
        let mut conn = c.app.database.get().unwrap();
        let oldest: String = submissions::table
            .order(submissions::id)
            .select(submissions::id)
            .first(&mut conn)
            .unwrap();
        diesel::update(submissions::table.find(&oldest))
            .set(submissions::due_on.eq(chrono::NaiveDate::from_ymd_opt(2026, 1, 5)))
            .execute(&mut conn)
            .unwrap();
    }
    let staff = c.app.caller(&c.staff);

    let overdue: QueuePage = staff.read("/api/v1/staff/submissions?overdue=true").await;
    assert_eq!(overdue.items.len(), 1);
    assert!(overdue.items[0].overdue);

    let mut seen = Vec::new();
    let mut after = String::new();
    loop {
        let page: QueuePage = staff
            .read(&format!("/api/v1/staff/submissions?limit=2&after={after}"))
            .await;
        seen.extend(page.items.into_iter().map(|e| (e.due_on, e.id)));
        match page.next {
            Some(next) => after = next,
            None => break,
        }
    }
    assert_eq!(seen.len(), 3);
    let mut sorted = seen.clone();
    sorted.sort();
    assert_eq!(seen, sorted, "soonest due first, no repeats");
}

/// Margaret's record, linked to her own account.
pub(crate) async fn margaret(c: &Council) -> (String, SessionCreated) {
    let session = registered(&c.app, "margaret@example.org").await;
    let staff = c.app.caller(&c.staff);
    let created = staff
        .post(
            "/api/v1/staff/people",
            &json!({"forename": "Margaret", "surname": "Okafor", "date_of_birth": "1941-03-27"}),
        )
        .await;
    assert_eq!(created.status(), 201);
    let person: PersonDetails = created.json().await.unwrap();
    let linked = staff
        .post(
            &format!("/api/v1/staff/people/{}/links", person.id),
            &json!({"email": "margaret@example.org", "relationship": "self"}),
        )
        .await;
    assert_eq!(linked.status(), 201);
    (person.id, session)
}

#[tokio::test]
async fn a_team_reads_and_answers_a_message_as_the_team() {
    let c = council().await;
    let (person, session) = margaret(&c).await;
    let citizen = c.app.caller(&session);
    let sent = citizen
        .post(
            &format!("/api/v1/people/{person}/messages"),
            &json!({"message_type": "general", "subject": "New mobile number",
                "body": "My new number is 07700 900 982."}),
        )
        .await;
    assert_eq!(sent.status(), 201);
    let thread: ThreadView = sent.json().await.unwrap();
    let staff = c.app.caller(&c.staff);

    let teams: Vec<TeamQueueSummary> = staff.read("/api/v1/staff/teams").await;
    let centre = teams.iter().find(|t| t.key == "contact_centre").unwrap();
    assert_eq!(centre.unread, 1);
    let threads: TeamThreadPage = staff
        .read("/api/v1/staff/teams/contact_centre/threads")
        .await;
    assert_eq!(threads.items.len(), 1);
    assert!(threads.items[0].unread);
    assert_eq!(threads.items[0].person_name, "Margaret Okafor");

    let opened: StaffThreadView = staff
        .read(&format!("/api/v1/staff/threads/{}", thread.id))
        .await;
    assert_eq!(opened.person_id, person);
    assert_eq!(opened.thread.messages.len(), 1);
    let teams: Vec<TeamQueueSummary> = staff.read("/api/v1/staff/teams").await;
    assert_eq!(
        teams
            .iter()
            .find(|t| t.key == "contact_centre")
            .unwrap()
            .unread,
        0
    );

    let reply = staff
        .post(
            &format!("/api/v1/staff/people/{person}/threads/{}/replies", thread.id),
            &json!({"in_reply_to": thread.messages[0].id, "body": "Thank you, we have updated it."}),
        )
        .await;
    assert_eq!(reply.status(), 201, "{}", reply.text().await.unwrap());
    let seen: ThreadView = citizen
        .read(&format!("/api/v1/people/{person}/threads/{}", thread.id))
        .await;
    assert_eq!(seen.messages.len(), 2);
    assert_eq!(seen.messages[1].from, "Adult Social Care Contact Centre");
    let unknown = staff.get("/api/v1/staff/teams/nobody/threads").await;
    assert_eq!(unknown.status(), 404);
}

#[tokio::test]
async fn only_a_teams_members_and_administrators_open_and_answer_its_conversations() {
    let c = council().await;
    let (person, session) = margaret(&c).await;
    let sent: ThreadView = c
        .app
        .caller(&session)
        .post(
            &format!("/api/v1/people/{person}/messages"),
            &json!({"message_type": "general", "subject": "Hospital visit", "body": "I go in on Monday."}),
        )
        .await
        .json()
        .await
        .unwrap();
    // Kim is staff, in no team yet.
    let kim_session = c.app.signed_in_staff("kim.lee@council.example").await;
    let kim = c.app.caller(&kim_session);

    let teams: Vec<TeamQueueSummary> = kim.read("/api/v1/staff/teams").await;
    let centre = teams.iter().find(|t| t.key == "contact_centre").unwrap();
    assert_eq!((centre.unread, centre.member), (1, false));
    let thread = format!("/api/v1/staff/threads/{}", sent.id);
    let reply = format!("/api/v1/staff/people/{person}/threads/{}/replies", sent.id);
    let answer = json!({"in_reply_to": sent.messages[0].id, "body": "Noted."});
    assert_eq!(
        kim.get("/api/v1/staff/teams/contact_centre/threads")
            .await
            .status(),
        403
    );
    assert_eq!(kim.get(&thread).await.status(), 403);
    assert_eq!(kim.post(&reply, &answer).await.status(), 403);
    let new_thread = kim
        .post(
            &format!("/api/v1/staff/people/{person}/messages"),
            &json!({"message_type": "general", "subject": "Visit", "body": "We will call."}),
        )
        .await;
    assert_eq!(new_thread.status(), 403);
    // Nothing Kim tried was stored or marked read.
    let unread: Vec<TeamQueueSummary> = kim.read("/api/v1/staff/teams").await;
    assert_eq!(
        unread
            .iter()
            .find(|t| t.key == "contact_centre")
            .unwrap()
            .unread,
        1
    );
    let seen: ThreadView = c
        .app
        .caller(&session)
        .read(&format!("/api/v1/people/{person}/threads/{}", sent.id))
        .await;
    assert_eq!(seen.messages.len(), 1);

    // Sam is in the contact centre only; the administrator oversees every team.
    let sams: Vec<TeamQueueSummary> = c.app.caller(&c.staff).read("/api/v1/staff/teams").await;
    let member_of: Vec<&str> = sams
        .iter()
        .filter(|t| t.member)
        .map(|t| t.key.as_str())
        .collect();
    assert_eq!(member_of, ["contact_centre"]);
    let admin = c.app.caller(&c.admin);
    let all: Vec<TeamQueueSummary> = admin.read("/api/v1/staff/teams").await;
    assert!(all.iter().all(|t| t.member));
    assert_eq!(admin.get(&thread).await.status(), 200);

    // Once in the team, Kim answers as the team.
    let members: Vec<StaffMember> = admin.read("/api/v1/staff-accounts").await;
    let kim_id = &members
        .iter()
        .find(|m| m.email == "kim.lee@council.example")
        .unwrap()
        .id;
    let placed = admin
        .put(
            &format!("/api/v1/staff-accounts/{kim_id}/teams"),
            &json!({"teams": ["contact_centre"]}),
        )
        .await;
    assert_eq!(placed.status(), 200);
    assert_eq!(kim.post(&reply, &answer).await.status(), 201);
}

#[tokio::test]
async fn searches_queues_and_new_staff_accounts_are_in_the_audit_log() {
    let c = council().await;
    let staff = c.app.caller(&c.staff);
    let admin = c.app.caller(&c.admin);
    let _: PersonMatchPage = staff.read("/api/v1/staff/people?surname=Oka").await;
    let _: QueuePage = staff
        .read("/api/v1/staff/submissions?status=received&overdue=true")
        .await;
    let _: TeamThreadPage = staff
        .read("/api/v1/staff/teams/contact_centre/threads")
        .await;
    // Someone registered Kim's address first and never proved it: the council's account wins.
    let squatted = c
        .app
        .post(
            "/api/v1/registrations",
            &json!({"forename": "Mallory", "surname": "Evil", "email": "kim.lee@council.example",
                    "password": "Other-Person-42!", "confirm_password": "Other-Person-42!",
                    "bot_check": c.app.bot_check().await}),
        )
        .await;
    assert_eq!(squatted.status(), 202);
    let created = admin
        .post(
            "/api/v1/staff-accounts",
            &json!({"forename": "Kim", "surname": "Lee", "email": "kim.lee@council.example", "role": "staff"}),
        )
        .await;
    assert_eq!(created.status(), 201);
    let kim: Value = created.json().await.unwrap();

    let log: AuditPage = admin
        .read(&format!("/api/v1/audit?actor={}", c.staff_id))
        .await;
    let mut done: Vec<(String, String, String)> = log
        .items
        .into_iter()
        .map(|e| (e.action, e.subject_type, e.subject_id))
        .collect();
    done.sort();
    let expected = [
        ("list", "submissions", "queue status=received overdue=true"),
        ("list", "team", "contact_centre"),
        ("search", "people", "Oka"),
    ];
    assert_eq!(
        done,
        expected.map(|(a, t, s)| (a.to_owned(), t.to_owned(), s.to_owned()))
    );
    let log: AuditPage = admin
        .read(&format!(
            "/api/v1/audit?subject={}",
            kim["id"].as_str().unwrap()
        ))
        .await;
    assert_eq!(
        (
            log.items.len(),
            log.items[0].action.as_str(),
            log.items[0].subject_type.as_str()
        ),
        (1, "create", "account")
    );
}

#[tokio::test]
async fn staff_find_open_and_correct_a_record_and_each_read_is_in_the_audit_log() {
    let c = council().await;
    let (person, session) = margaret(&c).await;
    let staff = c.app.caller(&c.staff);

    let found: PersonMatchPage = staff.read("/api/v1/staff/people?surname=oka").await;
    assert_eq!(found.items.len(), 1);
    assert_eq!(found.items[0].id, person);
    let none: PersonMatchPage = staff.read("/api/v1/staff/people?surname=smith").await;
    assert!(none.items.is_empty());
    let blank = staff.get("/api/v1/staff/people?surname=%20").await;
    assert_eq!(blank.status(), 422);

    let record: StaffPersonView = staff.read(&format!("/api/v1/staff/people/{person}")).await;
    assert_eq!(record.details.surname, "Okafor");
    assert_eq!(record.links.len(), 1);
    assert_eq!(record.links[0].email, "margaret@example.org");

    let corrected = staff
        .put(
            &format!("/api/v1/staff/people/{person}"),
            &json!({"forename": "Margaret", "surname": "Okafor", "date_of_birth": "1941-03-27",
                "mobile_phone": "07700 900982"}),
        )
        .await;
    assert_eq!(corrected.status(), 200);
    let details: PersonDetails = c
        .app
        .caller(&session)
        .read(&format!("/api/v1/people/{person}"))
        .await;
    assert_eq!(details.mobile_phone.as_deref(), Some("07700 900982"));
    let wrong = staff
        .put(
            &format!("/api/v1/staff/people/{person}"),
            &json!({"forename": "", "surname": "Okafor"}),
        )
        .await;
    assert!(problem(wrong, 422).await.errors.contains_key("forename"));

    // Margaret sees who at the council opened her record; the administrator sees every action.
    let views: RecordViewPage = c
        .app
        .caller(&session)
        .read(&format!("/api/v1/people/{person}/record-views"))
        .await;
    assert_eq!(views.items.len(), 1);
    assert_eq!(
        (views.items[0].by.as_str(), views.items[0].what.as_str()),
        ("Sam Taylor", "person")
    );
    let log: AuditPage = c
        .app
        .caller(&c.admin)
        .read(&format!("/api/v1/audit?person={person}"))
        .await;
    let actions: Vec<(&str, &str)> = log
        .items
        .iter()
        .map(|e| (e.action.as_str(), e.subject_type.as_str()))
        .collect();
    assert_eq!(
        actions,
        [
            ("update", "person"),
            ("read", "person"),
            ("link", "link"),
            ("create", "person")
        ]
    );
    assert!(log.items.iter().all(|e| e.actor.name == "Sam Taylor"));
    assert_eq!(staff.get("/api/v1/audit").await.status(), 403);
    let stranger = registered(&c.app, "stranger@example.org").await;
    let hidden = c
        .app
        .caller(&stranger)
        .get(&format!("/api/v1/people/{person}/record-views"))
        .await;
    assert_eq!(hidden.status(), 404);
}

const PDF: &[u8] =
    b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n";

#[tokio::test]
async fn a_withdrawn_document_and_an_ended_link_stop_working() {
    let c = council().await;
    let (person, session) = margaret(&c).await;
    let published: Value = c
        .app
        .client
        .post(format!(
            "{}/api/v1/staff/people/{person}/documents?title=Care%20plan&name=plan.pdf",
            c.app.address
        ))
        .bearer_auth(&c.staff.access_token)
        .header("Content-Type", "application/pdf")
        .body(PDF.to_vec())
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    let document = published["id"].as_str().unwrap();
    let citizen = c.app.caller(&session);
    let staff = c.app.caller(&c.staff);
    let path = format!("/api/v1/people/{person}/documents/{document}");
    // Staff check what they sent: the bytes, in the audit log, and not the person's opening.
    let staff_path = format!("/api/v1/staff/people/{person}/documents/{document}");
    let checked = staff.get(&staff_path).await;
    assert_eq!(checked.status(), 200);
    assert_eq!(checked.bytes().await.unwrap().as_ref(), PDF);
    let record: StaffPersonView = staff.read(&format!("/api/v1/staff/people/{person}")).await;
    assert_eq!(record.documents[0].content_type, "application/pdf");
    assert!(record.documents[0].first_opened_at.is_none());
    let log: AuditPage = c
        .app
        .caller(&c.admin)
        .read(&format!("/api/v1/audit?subject={document}"))
        .await;
    let actions: Vec<&str> = log.items.iter().map(|e| e.action.as_str()).collect();
    assert_eq!(actions, ["read", "publish"]);

    assert_eq!(citizen.get(&path).await.status(), 200);
    let record: StaffPersonView = staff.read(&format!("/api/v1/staff/people/{person}")).await;
    assert!(record.documents[0].first_opened_at.is_some());

    let withdrawn = staff
        .delete(&format!(
            "/api/v1/staff/people/{person}/documents/{document}"
        ))
        .await;
    assert_eq!(withdrawn.status(), 204);
    assert_eq!(citizen.get(&path).await.status(), 404);
    assert_eq!(staff.get(&staff_path).await.status(), 404);
    let again = staff
        .delete(&format!(
            "/api/v1/staff/people/{person}/documents/{document}"
        ))
        .await;
    assert_eq!(again.status(), 404);

    let link = &record.links[0].id;
    let ended = staff
        .delete(&format!("/api/v1/staff/people/{person}/links/{link}"))
        .await;
    assert_eq!(ended.status(), 204);
    assert_eq!(
        citizen
            .get(&format!("/api/v1/people/{person}"))
            .await
            .status(),
        404
    );
}

#[tokio::test]
async fn administrators_put_staff_in_teams_and_switch_them_off() {
    let c = council().await;
    let admin = c.app.caller(&c.admin);
    let wrong = admin
        .put(
            &format!("/api/v1/staff-accounts/{}/teams", c.staff_id),
            &json!({"teams": ["contact_centre", "nowhere"]}),
        )
        .await;
    assert!(problem(wrong, 422).await.errors.contains_key("teams"));
    let placed: StaffMember = admin
        .put(
            &format!("/api/v1/staff-accounts/{}/teams", c.staff_id),
            &json!({"teams": ["dols", "occupational_therapy"]}),
        )
        .await
        .json()
        .await
        .unwrap();
    let teams: Vec<&str> = placed.teams.iter().map(|t| t.key.as_str()).collect();
    assert_eq!(teams, ["dols", "occupational_therapy"]);
    let by_staff = c
        .app
        .caller(&c.staff)
        .put(
            &format!("/api/v1/staff-accounts/{}/teams", c.staff_id),
            &json!({"teams": []}),
        )
        .await;
    assert_eq!(by_staff.status(), 403);
    let staff = c.app.caller(&c.staff);
    assert_eq!(
        staff.get("/api/v1/staff/people?surname=a").await.status(),
        200
    );

    let off = admin
        .post(
            &format!("/api/v1/staff-accounts/{}/switch-off", c.staff_id),
            &json!({}),
        )
        .await;
    assert_eq!(off.status(), 200);
    let off: StaffMember = off.json().await.unwrap();
    assert!(!off.active);
    // What they had open stops working at once: their access token no longer reads anything.
    assert_eq!(
        staff.get("/api/v1/staff/people?surname=a").await.status(),
        401
    );
    assert_eq!(staff.get("/api/v1/account").await.status(), 401);
    // The account can no longer sign in.
    let sign_in = c
        .app
        .post(
            "/api/v1/sign-in",
            &json!({"email": "sam.taylor@council.example", "password": "Staff-Pass-2026!",
                "bot_check": c.app.bot_check().await}),
        )
        .await;
    let refused: Problem = sign_in.json().await.unwrap();
    assert_eq!(refused.code, "invalid_credentials");
    let members: Vec<StaffMember> = admin.read("/api/v1/staff-accounts").await;
    assert!(!members.iter().find(|m| m.id == c.staff_id).unwrap().active);
    let own = admin
        .post(
            &format!(
                "/api/v1/staff-accounts/{}/switch-off",
                members
                    .iter()
                    .find(|m| m.email == "alex.morgan@council.example")
                    .unwrap()
                    .id
            ),
            &json!({}),
        )
        .await;
    assert_eq!(own.status(), 422);
}

/// Every operation the OpenAPI document gives to staff, administrators or machine clients,
/// sent with the document's own example request by a citizen linked to a record and by a
/// professional: each answers 403, so a staff route added later cannot be left open.
#[tokio::test]
async fn citizens_and_professionals_get_403_on_every_staff_route() {
    let c = council().await;
    let (person, citizen) = margaret(&c).await;
    let professional = registered(&c.app, "gp@example.org").await;
    let operations = walk::operations(
        &[
            "/api/v1/staff",
            "/api/v1/audit",
            "/api/v1/api-clients",
            "/api/v1/webhook",
            "/api/v1/integrations",
        ],
        &[("person_id", &person)],
    );
    assert!(
        operations.len() >= 30,
        "only {} staff operations",
        operations.len()
    );
    for operation in &operations {
        for (who, session) in [("citizen", &citizen), ("professional", &professional)] {
            let answer = operation.send(&c.app.caller(session)).await;
            assert_eq!(answer.status(), 403, "{who}: {operation}");
        }
    }
}

#[tokio::test]
async fn an_invitation_links_an_account_only_when_its_holder_accepts_it() {
    let c = council().await;
    let staff = c.app.caller(&c.staff);
    // Ade has an account already (the invitation would also reach an address without one).
    let ade_session = registered(&c.app, "ade@example.org").await;
    let ade = c.app.caller(&ade_session);
    let person: PersonDetails = staff
        .post(
            "/api/v1/staff/people",
            &json!({"forename": "Margaret", "surname": "Okafor"}),
        )
        .await
        .json()
        .await
        .unwrap();
    let invited = staff
        .post(
            &format!("/api/v1/staff/people/{}/invitations", person.id),
            &json!({"email": "Ade@Example.org", "relationship": "proxy",
                "legal_basis": "lasting_power_of_attorney"}),
        )
        .await;
    assert_eq!(invited.status(), 201, "{}", invited.text().await.unwrap());
    let invitation: StaffInvitation = invited.json().await.unwrap();
    assert_eq!(
        (invitation.email.as_str(), invitation.state.as_str()),
        ("ade@example.org", "waiting")
    );
    // The email says nothing of whose record it is.
    let email = c
        .app
        .mailbox
        .next_containing("ade@example.org", 1, "invited you to see a care record")
        .await;
    assert!(!email.raw.contains("Okafor"));

    // Ade sees the invitation, and nothing is linked yet.
    let waiting: Vec<InvitationView> = ade.read("/api/v1/invitations").await;
    assert_eq!(waiting.len(), 1);
    assert_eq!(waiting[0].person_name, "Margaret Okafor");
    let people: Vec<PersonSummary> = ade.read("/api/v1/people").await;
    assert!(people.is_empty());

    // Someone else cannot see or accept it.
    let other_session = registered(&c.app, "other@example.org").await;
    let other = c.app.caller(&other_session);
    let theirs: Vec<InvitationView> = other.read("/api/v1/invitations").await;
    assert!(theirs.is_empty());
    let stolen = other
        .post(
            &format!("/api/v1/invitations/{}/acceptance", invitation.id),
            &json!({}),
        )
        .await;
    assert_eq!(stolen.status(), 404);

    let accepted = ade
        .post(
            &format!("/api/v1/invitations/{}/acceptance", invitation.id),
            &json!({}),
        )
        .await;
    assert_eq!(accepted.status(), 201);
    let people: Vec<PersonSummary> = ade.read("/api/v1/people").await;
    assert_eq!(
        (
            people[0].name.as_str(),
            people[0].relationship.as_str(),
            people[0].legal_basis.map(|b| b.as_str())
        ),
        (
            "Margaret Okafor",
            "proxy",
            Some("lasting_power_of_attorney")
        )
    );
    let again = ade
        .post(
            &format!("/api/v1/invitations/{}/acceptance", invitation.id),
            &json!({}),
        )
        .await;
    assert_eq!(again.status(), 404);

    // A second invitation, declined, links nothing; the record shows both.
    let second: StaffInvitation = staff
        .post(
            &format!("/api/v1/staff/people/{}/invitations", person.id),
            &json!({"email": "other@example.org", "relationship": "proxy", "legal_basis": "consent"}),
        )
        .await
        .json()
        .await
        .unwrap();
    let declined = other
        .post(
            &format!("/api/v1/invitations/{}/decline", second.id),
            &json!({}),
        )
        .await;
    assert_eq!(declined.status(), 204);
    assert!(
        other
            .read::<Vec<PersonSummary>>("/api/v1/people")
            .await
            .is_empty()
    );
    // A third, sent to the wrong address, is withdrawn before anyone can accept it.
    let mistaken: StaffInvitation = staff
        .post(
            &format!("/api/v1/staff/people/{}/invitations", person.id),
            &json!({"email": "other@example.org", "relationship": "self"}),
        )
        .await
        .json()
        .await
        .unwrap();
    let withdraw = format!(
        "/api/v1/staff/people/{}/invitations/{}",
        person.id, mistaken.id
    );
    assert_eq!(other.delete(&withdraw).await.status(), 403);
    assert_eq!(staff.delete(&withdraw).await.status(), 204);
    assert_eq!(staff.delete(&withdraw).await.status(), 404, "only once");
    assert!(
        other
            .read::<Vec<InvitationView>>("/api/v1/invitations")
            .await
            .is_empty()
    );
    let too_late = other
        .post(
            &format!("/api/v1/invitations/{}/acceptance", mistaken.id),
            &json!({}),
        )
        .await;
    assert_eq!(too_late.status(), 404);
    let log: AuditPage = c
        .app
        .caller(&c.admin)
        .read(&format!("/api/v1/audit?subject={}", mistaken.id))
        .await;
    let actions: Vec<&str> = log.items.iter().map(|e| e.action.as_str()).collect();
    assert_eq!(actions, ["withdraw", "invite"]);

    let record: StaffPersonView = staff
        .read(&format!("/api/v1/staff/people/{}", person.id))
        .await;
    let states: Vec<&str> = record
        .invitations
        .iter()
        .map(|i| i.state.as_str())
        .collect();
    assert_eq!(states, ["withdrawn", "declined", "accepted"]);
    assert_eq!(record.links.len(), 1);
    let refused = staff
        .post(
            &format!("/api/v1/staff/people/{}/invitations", person.id),
            &json!({"email": "not an address", "relationship": "proxy"}),
        )
        .await;
    let problem = problem(refused, 422).await;
    assert!(problem.errors.contains_key("email") && problem.errors.contains_key("legal_basis"));
}
