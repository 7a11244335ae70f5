//! The citizen record: people and who may see them, details, the dashboard, involvements and
//! messages. Staff publish through the staff routes, as the staff pages will.

use chrono::{Duration, Utc};
use serde_json::{Value, json};
use shared::api::{
    Dashboard, InvolvementPage, ItemPage, ItemStatus, ItemView, MessagePage, PersonDetails,
    PersonSummary, Problem, SessionCreated, SubmissionView, ThreadView,
};

use crate::helpers::{Caller, TestApp, spawn_app};
use crate::walk;

const PASSWORD: &str = "Tall-Trees-4-Ever!";

/// Margaret's record, and Ade (her son) with his own record and a lasting power of attorney
/// for hers.
struct Family {
    app: TestApp,
    staff: SessionCreated,
    ade: SessionCreated,
    margaret_id: String,
    ade_id: String,
}

async fn family() -> Family {
    let app = spawn_app().await;
    let staff = app
        .signed_in_staff_in_every_team("sam.taylor@council.example")
        .await;
    let ade: SessionCreated = app
        .register("ade@example.org", PASSWORD)
        .await
        .json()
        .await
        .unwrap();
    let (margaret_id, ade_id) = {
        let council = app.caller(&staff);
        let created = council
            .post(
                "/api/v1/staff/people",
                json!({"forename": "Margaret", "surname": "Okafor", "date_of_birth": "1941-03-27",
                    "address": {"line1": "12 Marsh Lane", "town": "Bootle", "postcode": "l20 3nj"},
                    "home_phone": "0151 496 0123"}),
            )
            .await;
        assert_eq!(created.status(), 201, "{}", created.text().await.unwrap());
        let margaret: PersonDetails = created.json().await.unwrap();
        let ade_record: PersonDetails = council
            .post(
                "/api/v1/staff/people",
                json!({"forename": "Ade", "surname": "Okafor"}),
            )
            .await
            .json()
            .await
            .unwrap();
        let proxy = council
            .post(
                &format!("/api/v1/staff/people/{}/links", margaret.id),
                json!({"email": "Ade@Example.org", "relationship": "proxy",
                    "legal_basis": "lasting_power_of_attorney"}),
            )
            .await;
        assert_eq!(proxy.status(), 201, "{}", proxy.text().await.unwrap());
        let own = council
            .post(
                &format!("/api/v1/staff/people/{}/links", ade_record.id),
                json!({"email": "ade@example.org", "relationship": "self"}),
            )
            .await;
        assert_eq!(own.status(), 201);
        (margaret.id, ade_record.id)
    };
    Family {
        app,
        staff,
        ade,
        margaret_id,
        ade_id,
    }
}

#[tokio::test]
async fn a_proxy_sees_their_own_record_and_the_one_they_look_after() {
    let f = family().await;
    let ade = f.app.caller(&f.ade);

    let people: Vec<PersonSummary> = ade.get("/api/v1/people").await.json().await.unwrap();

    let names: Vec<(&str, &str)> = people
        .iter()
        .map(|p| (p.name.as_str(), p.relationship.as_str()))
        .collect();
    assert_eq!(
        names,
        [("Ade Okafor", "self"), ("Margaret Okafor", "proxy")]
    );
    assert_eq!(
        people[1].legal_basis.map(|b| b.as_str()),
        Some("lasting_power_of_attorney")
    );
    let details: PersonDetails = ade
        .get(&format!("/api/v1/people/{}", f.margaret_id))
        .await
        .json()
        .await
        .unwrap();
    let address = details.address.unwrap();
    assert_eq!(
        address.postcode, "L20 3NJ",
        "stored the way the council writes it"
    );
    assert_eq!(details.home_phone.as_deref(), Some("0151 496 0123"));
    let dashboard: Dashboard = ade
        .get(&format!("/api/v1/people/{}/dashboard", f.margaret_id))
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(
        dashboard.person.name, "Margaret Okafor",
        "every page says whose record it is"
    );
    assert_eq!((dashboard.unread_messages, dashboard.involvements), (0, 0));
}

#[tokio::test]
async fn everyone_who_can_see_a_record_sees_who_else_can_and_until_when() {
    use shared::api::RecordReader;
    let f = family().await;
    let council = f.app.caller(&f.staff);
    // Margaret has her own account too; a neighbour looked after her until a past date.
    let margaret: SessionCreated = f
        .app
        .register("margaret@example.org", PASSWORD)
        .await
        .json()
        .await
        .unwrap();
    let own = council
        .post(
            &format!("/api/v1/staff/people/{}/links", f.margaret_id),
            json!({"email": "margaret@example.org", "relationship": "self"}),
        )
        .await;
    assert_eq!(own.status(), 201);

    let path = format!("/api/v1/people/{}/readers", f.margaret_id);
    for session in [&margaret, &f.ade] {
        let readers: Vec<RecordReader> =
            f.app.caller(session).get(&path).await.json().await.unwrap();
        let seen: Vec<(&str, &str, Option<&str>)> = readers
            .iter()
            .map(|r| {
                (
                    r.name.as_str(),
                    r.relationship.as_str(),
                    r.legal_basis.map(|b| b.as_str()),
                )
            })
            .collect();
        // Named as the accounts are (every test registration is "Priya Shah"), the person first.
        assert_eq!(
            seen,
            [
                ("Priya Shah", "self", None),
                ("Priya Shah", "proxy", Some("lasting_power_of_attorney"))
            ]
        );
    }
    // Someone who cannot see the record is not told who can.
    let stranger: SessionCreated = f
        .app
        .register("stranger@example.org", PASSWORD)
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(f.app.caller(&stranger).get(&path).await.status(), 404);
}

#[tokio::test]
async fn a_proxy_link_past_its_end_date_no_longer_works() {
    use api::db::schema::person_links;
    use diesel::prelude::*;

    let f = family().await;
    let ade = f.app.caller(&f.ade);
    let path = format!("/api/v1/people/{}/dashboard", f.margaret_id);
    assert_eq!(ade.get(&path).await.status(), 200);

    let yesterday = Utc::now().date_naive() - Duration::days(1);
    diesel::update(person_links::table.filter(person_links::person_id.eq(&f.margaret_id)))
        .set(person_links::ends_on.eq(Some(yesterday)))
        .execute(&mut *f.app.database.get().unwrap())
        .unwrap();

    assert_eq!(ade.get(&path).await.status(), 404);
    let people: Vec<PersonSummary> = ade.get("/api/v1/people").await.json().await.unwrap();
    assert_eq!(people.len(), 1, "only Ade's own record is left");
    let council = f.app.caller(&f.staff);
    let past = council
        .post(
            &format!("/api/v1/staff/people/{}/links", f.margaret_id),
            json!({"email": "ade@example.org", "relationship": "proxy", "legal_basis": "consent",
                "ends_on": yesterday}),
        )
        .await;
    assert_eq!(past.status(), 422, "a link cannot start already ended");
}

#[tokio::test]
async fn the_professionals_working_with_a_person_are_listed() {
    let f = family().await;
    let council = f.app.caller(&f.staff);
    let path = format!("/api/v1/staff/people/{}/involvements", f.margaret_id);
    let nothing_to_reach = council
        .post(&path, json!({"name": "Jo Bright", "role": "Social worker", "team": "Bootle", "since": "2026-10-01"}))
        .await;
    assert_eq!(nothing_to_reach.status(), 422);
    let recorded = council
        .post(
            &path,
            json!({"name": "Jo Bright", "role": "Social worker", "team": "Bootle locality team",
            "phone": "0151 496 0456", "since": "2026-10-01"}),
        )
        .await;
    assert_eq!(recorded.status(), 201);

    let ade = f.app.caller(&f.ade);
    let listed: InvolvementPage = ade
        .get(&format!("/api/v1/people/{}/involvements", f.margaret_id))
        .await
        .json()
        .await
        .unwrap();
    assert_eq!((listed.items.len(), listed.next), (1, None));
    assert_eq!(
        (listed.items[0].name.as_str(), listed.items[0].role.as_str()),
        ("Jo Bright", "Social worker")
    );
    let dashboard: Dashboard = ade
        .get(&format!("/api/v1/people/{}/dashboard", f.margaret_id))
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(dashboard.involvements, 1);

    // Longest-standing first, a page at a time, each once, ties on a day kept apart.
    for (name, since) in [("Kay Moss", "2025-04-01"), ("Lee Park", "2026-10-01")] {
        let added = council
            .post(
                &path,
                json!({"name": name, "role": "Occupational therapist", "team": "OT team",
                    "email": "ot@council.example", "since": since}),
            )
            .await;
        assert_eq!(added.status(), 201);
    }
    let mut names = Vec::new();
    let mut page_path = format!("/api/v1/people/{}/involvements?limit=2", f.margaret_id);
    loop {
        let page: InvolvementPage = ade.get(&page_path).await.json().await.unwrap();
        assert!(page.items.len() <= 2);
        names.extend(
            page.items
                .into_iter()
                .map(|i| (i.since.to_string(), i.name)),
        );
        match page.next {
            Some(next) => {
                page_path = format!(
                    "/api/v1/people/{}/involvements?limit=2&after={next}",
                    f.margaret_id
                )
            }
            None => break,
        }
    }
    assert_eq!(names.len(), 3);
    assert_eq!(names[0], ("2025-04-01".to_owned(), "Kay Moss".to_owned()));
    let mut later: Vec<&str> = names[1..].iter().map(|(_, n)| n.as_str()).collect();
    later.sort();
    assert_eq!(later, ["Jo Bright", "Lee Park"]);
}

#[tokio::test]
async fn a_worker_writes_the_proxy_reads_and_replies_and_unread_is_per_reader() {
    let f = family().await;
    // Margaret has her own account too.
    let margaret_session: SessionCreated = f
        .app
        .register("margaret@example.org", PASSWORD)
        .await
        .json()
        .await
        .unwrap();
    let council = f.app.caller(&f.staff);
    council
        .post(
            &format!("/api/v1/staff/people/{}/links", f.margaret_id),
            json!({"email": "margaret@example.org", "relationship": "self"}),
        )
        .await;
    let sent = council
        .post(
            &format!("/api/v1/staff/people/{}/messages", f.margaret_id),
            json!({"message_type": "general", "subject": "Your care assessment",
                "body": "We will visit on Tuesday at 10am."}),
        )
        .await;
    assert_eq!(sent.status(), 201, "{}", sent.text().await.unwrap());
    let thread: ThreadView = sent.json().await.unwrap();
    assert_eq!(thread.messages[0].from, "Adult Social Care Contact Centre");

    // Both account holders are told a message is waiting, and not what it says.
    for address in ["ade@example.org", "margaret@example.org"] {
        let email = f
            .app
            .mailbox
            .next_containing(address, 0, "You have a new message")
            .await;
        assert!(
            !email.raw.contains("Tuesday"),
            "the email never holds the message"
        );
    }

    let ade = f.app.caller(&f.ade);
    let inbox_path = format!("/api/v1/people/{}/messages?box=inbox", f.margaret_id);
    let inbox: MessagePage = ade.get(&inbox_path).await.json().await.unwrap();
    assert_eq!(inbox.items.len(), 1);
    assert!(inbox.items[0].unread, "unread shows in bold");
    let thread_path = format!("/api/v1/people/{}/threads/{}", f.margaret_id, thread.id);
    let opened: ThreadView = ade.get(&thread_path).await.json().await.unwrap();
    assert_eq!(opened.messages.len(), 1);
    let inbox: MessagePage = ade.get(&inbox_path).await.json().await.unwrap();
    assert!(!inbox.items[0].unread, "opened by Ade");
    let margaret = f.app.caller(&margaret_session);
    let hers: Dashboard = margaret
        .get(&format!("/api/v1/people/{}/dashboard", f.margaret_id))
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(hers.unread_messages, 1, "still unread for Margaret");

    let reply = ade
        .post(
            &format!("{thread_path}/replies"),
            json!({"in_reply_to": thread.messages[0].id, "body": "Tuesday is fine."}),
        )
        .await;
    assert_eq!(reply.status(), 201);
    let replied: ThreadView = reply.json().await.unwrap();
    assert_eq!(replied.messages.len(), 2);
    assert_eq!(
        replied.messages[1].in_reply_to.as_ref(),
        Some(&thread.messages[0].id)
    );
    assert_eq!(
        replied.messages[1].from, "Priya Shah",
        "signed by the account holder"
    );
    let sent_items: MessagePage = ade
        .get(&format!(
            "/api/v1/people/{}/messages?box=sent",
            f.margaret_id
        ))
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(sent_items.items.len(), 1);
    assert!(!sent_items.items[0].unread);
    let wrong_target = ade
        .post(
            &format!("{thread_path}/replies"),
            json!({"in_reply_to": "nope", "body": "Hello"}),
        )
        .await;
    assert_eq!(wrong_target.status(), 422);
}

#[tokio::test]
async fn a_new_message_goes_to_the_team_its_type_names() {
    let f = family().await;
    let ade = f.app.caller(&f.ade);
    let path = format!("/api/v1/people/{}/messages", f.margaret_id);

    let unknown = ade
        .post(
            &path,
            json!({"message_type": "nonsense", "subject": "Hello", "body": "Hi"}),
        )
        .await;
    let empty = ade
        .post(
            &path,
            json!({"message_type": "", "subject": "", "body": " "}),
        )
        .await;
    let sent = ade
        .post(
            &path,
            json!({"message_type": "details_wrong", "subject": "New phone number",
            "body": "Her new number is 0151 496 0999."}),
        )
        .await;

    assert_eq!(unknown.status(), 422);
    let problem: Problem = empty.json().await.unwrap();
    assert!(
        ["message_type", "subject", "body"]
            .iter()
            .all(|f| problem.errors.contains_key(*f))
    );
    assert_eq!(sent.status(), 201);
    let thread: ThreadView = sent.json().await.unwrap();
    assert_eq!(thread.message_type_label, "My details are wrong");
    let team: String = {
        use api::db::schema::message_threads;
        use diesel::prelude::*;
        message_threads::table
            .find(&thread.id)
            .select(message_threads::team_key)
            .first(&mut *f.app.database.get().unwrap())
            .unwrap()
    };
    assert_eq!(team, "contact_centre");
}

#[tokio::test]
async fn a_message_list_stays_correct_across_pages() {
    let f = family().await;
    let council = f.app.caller(&f.staff);
    for n in 1..=5 {
        let sent = council
            .post(
                &format!("/api/v1/staff/people/{}/messages", f.margaret_id),
                json!({"message_type": "general", "subject": format!("Letter {n}"), "body": "See the letter."}),
            )
            .await;
        assert_eq!(sent.status(), 201);
    }
    let ade = f.app.caller(&f.ade);

    let mut subjects = Vec::new();
    let mut path = format!("/api/v1/people/{}/messages?limit=2", f.margaret_id);
    loop {
        let page: MessagePage = ade.get(&path).await.json().await.unwrap();
        assert!(page.items.len() <= 2);
        let first = subjects.is_empty();
        subjects.extend(page.items.into_iter().map(|m| m.subject));
        if first {
            // A message arriving while someone reads moves nothing on the later pages.
            let sent = council
                .post(
                    &format!("/api/v1/staff/people/{}/messages", f.margaret_id),
                    json!({"message_type": "general", "subject": "Letter 6", "body": "Another."}),
                )
                .await;
            assert_eq!(sent.status(), 201);
        }
        match page.next {
            Some(next) => {
                path = format!(
                    "/api/v1/people/{}/messages?limit=2&after={next}",
                    f.margaret_id
                )
            }
            None => break,
        }
    }

    assert_eq!(
        subjects,
        ["Letter 5", "Letter 4", "Letter 3", "Letter 2", "Letter 1"]
    );
}

/// Every operation on a person's record in the OpenAPI document, sent with the document's own
/// example request, answers 404 to an account with no link to the person, to one whose proxy
/// link has ended, and to a linked account that names its own record with another person's
/// thread, item or document: other people's ids are never confirmed.
#[tokio::test]
async fn every_citizen_route_answers_404_for_other_peoples_records() {
    use api::db::schema::{accounts, person_links};
    use diesel::prelude::*;

    let f = family().await;
    let council = f.app.caller(&f.staff);
    let person = f.margaret_id.clone();
    let thread: ThreadView = council
        .post(
            &format!("/api/v1/staff/people/{person}/messages"),
            json!({"message_type": "general", "subject": "Private", "body": "Private."}),
        )
        .await
        .json()
        .await
        .unwrap();
    let item = send_financial_assessment(&council, &person).await;
    let published = council
        .publish(&person, "Plan", "application/pdf", PDF)
        .await;
    assert_eq!(published.status(), 201);
    let document: Value = published.json().await.unwrap();
    let ids = [
        ("thread_id", thread.id.as_str()),
        ("item_id", item.item.id.as_str()),
        ("document_id", document["id"].as_str().unwrap()),
    ];

    let stranger: SessionCreated = f
        .app
        .register("stranger@example.org", PASSWORD)
        .await
        .json()
        .await
        .unwrap();
    // Bola looked after Margaret until yesterday.
    let former: SessionCreated = f
        .app
        .register("bola@example.org", PASSWORD)
        .await
        .json()
        .await
        .unwrap();
    let linked = council
        .post(
            &format!("/api/v1/staff/people/{person}/links"),
            json!({"email": "bola@example.org", "relationship": "proxy", "legal_basis": "consent"}),
        )
        .await;
    assert_eq!(linked.status(), 201);
    let yesterday = Utc::now().date_naive() - Duration::days(1);
    let mut conn = f.app.database.get().unwrap();
    let bola: String = accounts::table
        .filter(accounts::email.eq("bola@example.org"))
        .select(accounts::id)
        .first(&mut conn)
        .unwrap();
    diesel::update(person_links::table.filter(person_links::account_id.eq(&bola)))
        .set(person_links::ends_on.eq(Some(yesterday)))
        .execute(&mut conn)
        .unwrap();
    drop(conn);

    let mut margarets = ids.to_vec();
    margarets.push(("person_id", &person));
    let operations = walk::operations(&["/api/v1/people/{person_id}"], &margarets);
    assert!(
        operations.len() >= 14,
        "only {} operations",
        operations.len()
    );
    for operation in &operations {
        for (who, session) in [("a stranger", &stranger), ("a former proxy", &former)] {
            let answer = operation.send(&f.app.caller(session)).await;
            assert_eq!(answer.status(), 404, "{who}: {operation}");
        }
    }
    // Ade may see Margaret's record and his own; his own record's id opens none of hers.
    let mut crossed = ids.to_vec();
    crossed.push(("person_id", &f.ade_id));
    for operation in walk::operations(&["/api/v1/people/{person_id}/"], &crossed)
        .iter()
        .filter(|o| ids.iter().any(|(name, _)| o.template.contains(name)))
    {
        let answer = operation.send(&f.app.caller(&f.ade)).await;
        assert_eq!(answer.status(), 404, "Ade's record: {operation}");
    }
    // And nothing any of them sent was kept.
    let seen: ThreadView = f
        .app
        .caller(&f.ade)
        .get(&format!("/api/v1/people/{person}/threads/{}", thread.id))
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(seen.messages.len(), 1);
}

const PDF: &[u8] =
    b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n";

impl Caller<'_> {
    async fn publish(
        &self,
        person: &str,
        title: &str,
        content_type: &str,
        bytes: &[u8],
    ) -> reqwest::Response {
        self.post_bytes(
            &format!("/api/v1/staff/people/{person}/documents?title={title}&name=plan.pdf"),
            content_type,
            bytes.to_vec(),
        )
        .await
    }
}

#[tokio::test]
async fn a_published_document_is_new_until_opened_and_stays_available() {
    use shared::api::{DocumentPage, DocumentSummary};

    let f = family().await;
    let council = f.app.caller(&f.staff);
    let disguised = council
        .publish(
            &f.margaret_id,
            "Plan",
            "application/pdf",
            b"MZ\x90\x00 a program",
        )
        .await;
    assert_eq!(disguised.status(), 422);
    let not_taken = council
        .publish(
            &f.margaret_id,
            "Plan",
            "text/html",
            b"<script>alert(1)</script>",
        )
        .await;
    assert_eq!(not_taken.status(), 422);
    let mut too_large = PDF.to_vec();
    too_large.resize(10 * 1024 * 1024 + 1, b' ');
    let too_large = council
        .publish(&f.margaret_id, "Plan", "application/pdf", &too_large)
        .await;
    assert_eq!(too_large.status(), 413);
    let published = council
        .publish(&f.margaret_id, "Your care plan", "application/pdf", PDF)
        .await;
    assert_eq!(
        published.status(),
        201,
        "{}",
        published.text().await.unwrap()
    );
    let document: DocumentSummary = published.json().await.unwrap();
    // Ade, who looks after Margaret, is told there is something new, never what.
    let told = f
        .app
        .mailbox
        .next_containing("ade@example.org", 0, "You have a new document from")
        .await;
    assert!(!told.raw.contains("Your care plan"), "{}", told.raw);
    {
        use api::db::schema::documents;
        use diesel::prelude::*;
        use sha2::Digest;
        let stored: Vec<(String, String)> = documents::table
            .select((documents::id, documents::sha256))
            .load(&mut *f.app.database.get().unwrap())
            .unwrap();
        let digest = format!("{:x}", sha2::Sha256::digest(PDF));
        assert_eq!(
            stored,
            [(document.id.clone(), digest)],
            "refused files are not kept"
        );
    }

    let ade = f.app.caller(&f.ade);
    let list_path = format!("/api/v1/people/{}/documents", f.margaret_id);
    let listed: DocumentPage = ade.get(&list_path).await.json().await.unwrap();
    assert_eq!(listed.items.len(), 1);
    assert!(!listed.items[0].opened, "unopened shows in bold");
    let dashboard_path = format!("/api/v1/people/{}/dashboard", f.margaret_id);
    let before: Dashboard = ade.get(&dashboard_path).await.json().await.unwrap();
    assert_eq!(before.unopened_documents, 1);

    let opened = ade
        .get(&format!(
            "/api/v1/people/{}/documents/{}",
            f.margaret_id, document.id
        ))
        .await;
    assert_eq!(opened.status(), 200);
    assert_eq!(opened.headers()["content-type"], "application/pdf");
    // An attachment: the portal's page shows it from the bytes, never the browser from here.
    assert!(
        opened.headers()["content-disposition"]
            .to_str()
            .unwrap()
            .starts_with("attachment")
    );
    assert_eq!(opened.bytes().await.unwrap().as_ref(), PDF);

    let listed: DocumentPage = ade.get(&list_path).await.json().await.unwrap();
    assert!(listed.items[0].opened);
    let after: Dashboard = ade.get(&dashboard_path).await.json().await.unwrap();
    assert_eq!(after.unopened_documents, 0);

    let stranger_session: SessionCreated = f
        .app
        .register("stranger@example.org", PASSWORD)
        .await
        .json()
        .await
        .unwrap();
    let stranger = f.app.caller(&stranger_session);
    assert_eq!(stranger.get(&list_path).await.status(), 404);
    assert_eq!(
        stranger
            .get(&format!(
                "/api/v1/people/{}/documents/{}",
                f.margaret_id, document.id
            ))
            .await
            .status(),
        404
    );
    let as_citizen = ade
        .publish(&f.margaret_id, "Plan", "application/pdf", PDF)
        .await;
    assert_eq!(as_citizen.status(), 403);
}

/// The finance team sends Margaret the financial assessment, due in two weeks.
async fn send_financial_assessment(council: &Caller<'_>, person: &str) -> ItemView {
    let due = (Utc::now() + Duration::days(14)).date_naive();
    let sent = council
        .post(
            &format!("/api/v1/staff/people/{person}/items"),
            json!({"form_id": "financial-assessment", "team": "finance", "due_on": due,
                "note": "Please fill this in before the visit."}),
        )
        .await;
    assert_eq!(sent.status(), 201, "{}", sent.text().await.unwrap());
    sent.json().await.unwrap()
}

fn complete_financial_answers() -> Value {
    json!({
        "full_name": "Margaret Okafor", "date_of_birth": {"day": "27", "month": "3", "year": "1941"},
        "address": {"line1": "12 Marsh Lane", "town": "Bootle", "postcode": "L20 3NJ"},
        "lives_with_partner": "no", "home": "own_home",
        "benefits": ["state_pension", "attendance_allowance"], "private_pension": "no",
        "savings_band": "under_lower", "other_property": "no", "extra_costs": "no",
        "declaration": ["confirmed"]
    })
}

#[tokio::test]
async fn a_proxy_completes_a_form_the_council_sent_and_it_goes_back_to_the_team() {
    let f = family().await;
    let council = f.app.caller(&f.staff);
    let ade = f.app.caller(&f.ade);
    let person = &f.margaret_id;

    let sent = send_financial_assessment(&council, person).await;
    assert_eq!(sent.item.team, "Financial Assessments");
    // It starts with what her record says.
    assert_eq!(sent.answers["full_name"], "Margaret Okafor");
    assert_eq!(
        sent.answers["date_of_birth"],
        json!({"day": "27", "month": "3", "year": "1941"})
    );
    assert_eq!(sent.item.status, ItemStatus::NotStarted);
    let path = format!("/api/v1/people/{person}/items/{}", sent.item.id);

    // Ade is told something is waiting, and nothing about it.
    let email = f
        .app
        .mailbox
        .next_containing("ade@example.org", 0, "form to complete")
        .await;
    let text = email.raw.replace("=\r\n", "");
    assert!(text.contains(&format!("/record/{person}/items/{}", sent.item.id)));
    assert!(
        !text.contains("Financial assessment"),
        "the email never says what"
    );
    assert!(!text.contains("Please fill this in"));

    let dashboard: Dashboard = ade
        .get(&format!("/api/v1/people/{person}/dashboard"))
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(dashboard.items_to_complete, 1);
    let listed: ItemPage = ade
        .get(&format!("/api/v1/people/{person}/items"))
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(listed.items, std::slice::from_ref(&sent.item));
    // Read from pages in Welsh, the team is named as the council names it in Welsh.
    let welsh = ade
        .request(
            reqwest::Method::GET,
            &format!("/api/v1/people/{person}/items"),
        )
        .header("Accept-Language", "cy")
        .send()
        .await
        .unwrap();
    assert!(
        welsh
            .headers()
            .get_all("vary")
            .iter()
            .any(|v| v.to_str().unwrap().contains("Accept-Language"))
    );
    let welsh: ItemPage = welsh.json().await.unwrap();
    assert_eq!(welsh.items[0].team, "Asesiadau Ariannol");
    assert_eq!(welsh.items[0].form_title, sent.item.form_title);

    // Part way through, saved; a save from the older copy is refused.
    let saved = ade
        .put(
            &path,
            json!({"version": 1, "answers": {"lives_with_partner": "no", "home": "own_home"},
                "page_id": "benefits"}),
        )
        .await;
    assert_eq!(saved.status(), 200, "{}", saved.text().await.unwrap());
    let saved: ItemView = saved.json().await.unwrap();
    assert_eq!(
        (saved.version, saved.item.status, saved.page_id.as_deref()),
        (2, ItemStatus::InProgress, Some("benefits"))
    );
    assert!(saved.item.progress > 0 && saved.item.progress < 100);
    // The team that sent it sees how far along it is on the record.
    let record: shared::api::StaffPersonView = council
        .get(&format!("/api/v1/staff/people/{person}"))
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(
        (record.items[0].status, record.items[0].progress),
        (ItemStatus::InProgress, saved.item.progress)
    );
    let stale = ade.put(&path, json!({"version": 1, "answers": {}})).await;
    assert_eq!(stale.status(), 409);
    let problem: Problem = stale.json().await.unwrap();
    assert_eq!(problem.code, "stale_version");
    let misspelt = ade
        .put(&path, json!({"version": 2, "answers": {"savings": "lots"}}))
        .await;
    assert_eq!(misspelt.status(), 422);
    let problem: Problem = misspelt.json().await.unwrap();
    assert!(problem.errors.contains_key("answers.savings"));

    // Not finished: each missing answer is named, and nothing is sent.
    let incomplete = ade
        .submit(
            &format!("{path}/submission"),
            "key-1",
            json!({"answers": {"lives_with_partner": "no", "home": "own_home"}}),
        )
        .await;
    assert_eq!(incomplete.status(), 422);
    let problem: Problem = incomplete.json().await.unwrap();
    assert!(problem.errors.contains_key("answers.savings_band"));

    let submitted = ade
        .submit(
            &format!("{path}/submission"),
            "key-2",
            json!({"answers": complete_financial_answers()}),
        )
        .await;
    assert_eq!(
        submitted.status(),
        201,
        "{}",
        submitted.text().await.unwrap()
    );
    let submission: SubmissionView = submitted.json().await.unwrap();
    let retried = ade
        .submit(
            &format!("{path}/submission"),
            "key-2",
            json!({"answers": complete_financial_answers()}),
        )
        .await;
    assert_eq!(retried.status(), 200);
    let retried: SubmissionView = retried.json().await.unwrap();
    assert_eq!(retried.id, submission.id);

    // The item now shows what was sent, by whom, and can no longer change.
    let item: ItemView = ade.get(&path).await.json().await.unwrap();
    assert_eq!(item.item.status, ItemStatus::Submitted);
    let sent_back = item.submission.unwrap();
    assert_eq!(sent_back.reference, submission.reference);
    // The account holder who pressed Submit (the helper registers everyone as Priya Shah).
    assert_eq!(sent_back.submitted_by, "Priya Shah");
    assert!(
        sent_back
            .summary
            .iter()
            .any(|row| row.question_id == "benefits" && row.answer.contains("Attendance Allowance"))
    );
    let dashboard: Dashboard = ade
        .get(&format!("/api/v1/people/{person}/dashboard"))
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(dashboard.items_to_complete, 0);
    let changed = ade
        .put(&path, json!({"version": item.version, "answers": {}}))
        .await;
    assert_eq!(changed.status(), 409);
    let again = ade
        .submit(
            &format!("{path}/submission"),
            "key-3",
            json!({"answers": complete_financial_answers()}),
        )
        .await;
    assert_eq!(again.status(), 409);
    let problem: Problem = again.json().await.unwrap();
    assert_eq!(problem.code, "already_submitted");

    // The submission is Margaret's, for the team that sent the form.
    use api::db::schema::submissions;
    use diesel::prelude::*;
    let mut conn = f.app.database.get().unwrap();
    let (person_id, team): (Option<String>, Option<String>) = submissions::table
        .find(&submission.id)
        .select((submissions::person_id, submissions::team_key))
        .first(&mut conn)
        .unwrap();
    assert_eq!(person_id.as_deref(), Some(person.as_str()));
    assert_eq!(team.as_deref(), Some("finance"));
    drop(conn);
    // Staff open what was sent from the record, with the answers in words.
    let record: shared::api::StaffPersonView = council
        .get(&format!("/api/v1/staff/people/{person}"))
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(record.items[0].status, ItemStatus::Submitted);
    assert_eq!(
        record.items[0].submission_id.as_deref(),
        Some(submission.id.as_str())
    );
    let sent: shared::api::StaffSubmissionView = council
        .get(&format!("/api/v1/staff/submissions/{}", submission.id))
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(sent.entry.person_id.as_deref(), Some(person.as_str()));
    assert_eq!(sent.entry.team.map(|t| t.key).as_deref(), Some("finance"));
    assert!(
        sent.summary
            .iter()
            .any(|row| row.answer.contains("Attendance Allowance"))
    );
}

#[tokio::test]
async fn citizen_forms_come_only_from_the_council_and_referral_forms_only_go_to_it() {
    let f = family().await;
    let council = f.app.caller(&f.staff);
    let ade = f.app.caller(&f.ade);
    let person = &f.margaret_id;

    // A citizen form cannot be started or sent as a referral.
    let draft = ade
        .post(
            "/api/v1/drafts",
            json!({"form_id": "financial-assessment", "answers": {}}),
        )
        .await;
    assert_eq!(draft.status(), 422);
    let problem: Problem = draft.json().await.unwrap();
    assert!(problem.errors.contains_key("form_id"));
    let submission = ade
        .submit(
            "/api/v1/submissions",
            "key-1",
            json!({"form_id": "financial-assessment", "answers": complete_financial_answers()}),
        )
        .await;
    assert_eq!(submission.status(), 422);

    // Staff send only citizen forms, from a real team, due today or later.
    let refused = council
        .post(
            &format!("/api/v1/staff/people/{person}/items"),
            json!({"form_id": "support-enquiry", "team": "nobody", "due_on": "2020-01-01"}),
        )
        .await;
    assert_eq!(refused.status(), 422);
    let problem: Problem = refused.json().await.unwrap();
    for field in ["form_id", "due_on"] {
        assert!(problem.errors.contains_key(field), "{field}: {problem:?}");
    }
    let no_team = council
        .post(
            &format!("/api/v1/staff/people/{person}/items"),
            json!({"form_id": "financial-assessment", "team": "nobody", "due_on": "2099-01-01"}),
        )
        .await;
    assert_eq!(no_team.status(), 422);
    let problem: Problem = no_team.json().await.unwrap();
    assert!(problem.errors.contains_key("team"));
    let nobody = council
        .post(
            "/api/v1/staff/people/no-such-person/items",
            json!({"form_id": "financial-assessment", "team": "finance", "due_on": "2099-01-01"}),
        )
        .await;
    assert_eq!(nobody.status(), 404);
    let items: ItemPage = ade
        .get(&format!("/api/v1/people/{person}/items"))
        .await
        .json()
        .await
        .unwrap();
    assert!(items.items.is_empty());
}

#[tokio::test]
async fn the_items_list_pages_newest_first_without_repeats() {
    let f = family().await;
    let council = f.app.caller(&f.staff);
    let ade = f.app.caller(&f.ade);
    let person = &f.margaret_id;
    let mut sent = Vec::new();
    for _ in 0..5 {
        sent.push(send_financial_assessment(&council, person).await.item.id);
    }

    let mut seen = Vec::new();
    let mut after = String::new();
    loop {
        let page: ItemPage = ade
            .get(&format!(
                "/api/v1/people/{person}/items?limit=2&after={after}"
            ))
            .await
            .json()
            .await
            .unwrap();
        assert!(page.items.len() <= 2);
        seen.extend(page.items.into_iter().map(|i| i.id));
        match page.next {
            Some(next) => after = next,
            None => break,
        }
    }
    sent.reverse();
    assert_eq!(seen, sent);
}
