use api::council::Council;
use api::db::Database;
use api::db::schema::{accounts, message_types, teams};
use api::demo;
use diesel::prelude::*;

use crate::helpers::{TestDatabase, backend, repository_root};

fn demo_council() -> Council {
    Council::load(&repository_root().join("config/council.toml")).unwrap()
}

#[test]
fn connecting_applies_the_migrations_and_connecting_again_changes_nothing() {
    let test_db = TestDatabase::create();

    let first = Database::connect(&test_db.settings).unwrap();
    let second = Database::connect(&test_db.settings).unwrap();

    assert_eq!(first.backend(), backend());
    let count: i64 = accounts::table
        .count()
        .get_result(&mut *second.get().unwrap())
        .unwrap();
    assert_eq!(count, 0);
}

#[test]
fn teams_and_message_types_follow_the_council_file() {
    let test_db = TestDatabase::create();
    let database = Database::connect(&test_db.settings).unwrap();
    let mut conn = database.get().unwrap();

    demo_council().apply(&mut conn).unwrap();
    let routed: Vec<(String, String)> = message_types::table
        .order(message_types::position)
        .select((message_types::key, message_types::team_key))
        .load(&mut *conn)
        .unwrap();
    assert_eq!(
        routed[3],
        ("equipment".to_owned(), "occupational_therapy".to_owned())
    );

    // The council drops its finance team and the message type routed to it: the rows stay for
    // old messages, but they are no longer offered.
    let text = std::fs::read_to_string(repository_root().join("config/council.toml")).unwrap();
    let trimmed = text
        .replace(
            "[[teams]]\nkey = \"finance\"\nname = \"Financial Assessments\"\nname_cy = \"Asesiadau Ariannol\" # review\nemail = \"asc.finance@example.org\"\n",
            "",
        )
        .replace(
            "[[message_types]]\nkey = \"charges\"\nlabel = \"Charges and paying for care\"\nlabel_cy = \"Taliadau a thalu am ofal\" # review\nteam = \"finance\"\n",
            "",
        );
    assert_ne!(trimmed, text);
    Council::parse(&trimmed).unwrap().apply(&mut conn).unwrap();

    let finance_active: bool = teams::table
        .find("finance")
        .select(teams::active)
        .first(&mut *conn)
        .unwrap();
    assert!(!finance_active);
    let active_types: i64 = message_types::table
        .filter(message_types::active.eq(true))
        .count()
        .get_result(&mut *conn)
        .unwrap();
    assert_eq!(active_types, 4);
}

#[test]
fn a_foreign_key_to_a_team_that_does_not_exist_is_refused() {
    let test_db = TestDatabase::create();
    let database = Database::connect(&test_db.settings).unwrap();
    let mut conn = database.get().unwrap();

    let result = diesel::insert_into(message_types::table)
        .values((
            message_types::key.eq("orphan"),
            message_types::label.eq("Orphan"),
            message_types::team_key.eq("no_such_team"),
            message_types::position.eq(0),
            message_types::active.eq(true),
            message_types::updated_at.eq(chrono::Utc::now().naive_utc()),
        ))
        .execute(&mut *conn);

    assert!(
        result.is_err(),
        "foreign keys are enforced on {:?}",
        backend()
    );
}

#[test]
fn a_council_applied_before_teams_had_welsh_names_has_them_when_a_node_starts() {
    let test_db = TestDatabase::create();
    let database = Database::connect(&test_db.settings).unwrap();
    let council_file = repository_root().join("config/council.toml");
    let mut conn = database.get().unwrap();
    Council::load(&council_file)
        .unwrap()
        .apply(&mut conn)
        .unwrap();
    // As a database upgraded by the migration that added the column finds its teams.
    diesel::update(teams::table)
        .set(teams::name_cy.eq(None::<String>))
        .execute(&mut *conn)
        .unwrap();

    Council::load(&council_file)
        .unwrap()
        .settle(&mut conn)
        .unwrap();

    let welsh: Option<String> = teams::table
        .find("finance")
        .select(teams::name_cy)
        .first(&mut *conn)
        .unwrap();
    assert_eq!(welsh.as_deref(), Some("Asesiadau Ariannol"));
}

#[tokio::test]
async fn demonstration_accounts_load_once() {
    let test_db = TestDatabase::create();
    let database = Database::connect(&test_db.settings).unwrap();
    let council =
        api::council::Council::load(&crate::helpers::repository_root().join("config/council.toml"))
            .unwrap();
    council.apply(&mut database.get().unwrap()).unwrap();
    let forms = api::forms::FormLibrary::load(
        &crate::helpers::repository_root().join("shared/forms"),
        &council,
    )
    .unwrap();

    let first = demo::load(&database, &forms).await.unwrap();
    let second = demo::load(&database, &forms).await.unwrap();

    assert!(first.loaded_now);
    assert!(!second.loaded_now);
    let mut conn = database.get().unwrap();
    let roles: Vec<String> = accounts::table
        .order(accounts::email)
        .select(accounts::role)
        .load(&mut *conn)
        .unwrap();
    assert_eq!(roles.len(), demo::DEMO_ACCOUNTS.len());
    assert!(roles.contains(&"administrator".to_owned()));
    let hash: String = accounts::table
        .filter(accounts::email.eq(demo::DEMO_ACCOUNTS[0].email))
        .select(accounts::password_hash)
        .first(&mut *conn)
        .unwrap();
    assert!(api::passwords::verify(demo::DEMO_PASSWORD, &hash).unwrap());
    assert!(second.to_string().contains(demo::DEMO_ACCOUNTS[3].email));
}

#[test]
fn the_purge_forgets_only_what_has_expired() {
    use api::db::schema::{drafts, email_outbox, one_time_codes, sessions, throttles};
    use chrono::{Duration, Utc};

    let test_db = TestDatabase::create();
    let database = Database::connect(&test_db.settings).unwrap();
    let mut conn = database.get().unwrap();
    let now = Utc::now().naive_utc();
    let account = |id: &str, verified: bool, created: chrono::NaiveDateTime| {
        (
            accounts::id.eq(id.to_owned()),
            accounts::email.eq(format!("{id}@example.org")),
            accounts::forename.eq("A"),
            accounts::surname.eq("B"),
            accounts::password_hash.eq("x"),
            accounts::role.eq("public"),
            accounts::email_verified_at.eq(verified.then_some(created)),
            accounts::failed_attempts.eq(0),
            accounts::created_at.eq(created),
            accounts::updated_at.eq(created),
        )
    };
    // MultiConnection has no batch insert: one row at a time.
    for row in [
        account("abandoned", false, now - Duration::days(8)),
        account("pending", false, now - Duration::days(1)),
        account("kept", true, now - Duration::days(400)),
    ] {
        diesel::insert_into(accounts::table)
            .values(row)
            .execute(&mut *conn)
            .unwrap();
    }
    let code = |id: &str, expires: chrono::NaiveDateTime| {
        (
            one_time_codes::id.eq(id.to_owned()),
            one_time_codes::account_id.eq("kept"),
            one_time_codes::purpose.eq("sign_in"),
            one_time_codes::email.eq("kept@example.org"),
            one_time_codes::code_hash.eq("h"),
            one_time_codes::attempts.eq(0),
            one_time_codes::created_at.eq(expires - Duration::minutes(10)),
            one_time_codes::expires_at.eq(expires),
        )
    };
    // MultiConnection has no batch insert: one row at a time.
    for row in [
        code("old", now - Duration::minutes(1)),
        code("live", now + Duration::minutes(5)),
    ] {
        diesel::insert_into(one_time_codes::table)
            .values(row)
            .execute(&mut *conn)
            .unwrap();
    }
    let session = |id: &str, expires: chrono::NaiveDateTime| {
        (
            sessions::id.eq(id.to_owned()),
            sessions::account_id.eq("kept"),
            sessions::family_id.eq("f"),
            sessions::refresh_token_hash.eq(id.to_owned()),
            sessions::created_at.eq(now - Duration::hours(13)),
            sessions::last_active_at.eq(now - Duration::hours(13)),
            sessions::expires_at.eq(expires),
        )
    };
    // MultiConnection has no batch insert: one row at a time.
    for row in [
        session("ended", now - Duration::hours(1)),
        session("going", now + Duration::hours(1)),
    ] {
        diesel::insert_into(sessions::table)
            .values(row)
            .execute(&mut *conn)
            .unwrap();
    }
    let throttle =
        |key: &str, started: chrono::NaiveDateTime, locked: Option<chrono::NaiveDateTime>| {
            (
                throttles::key.eq(key.to_owned()),
                throttles::count.eq(5),
                throttles::window_started_at.eq(started),
                throttles::locked_until.eq(locked),
            )
        };
    // MultiConnection has no batch insert: one row at a time.
    for row in [
        throttle("email:old", now - Duration::days(2), None),
        throttle(
            "email:locked",
            now - Duration::days(2),
            Some(now + Duration::minutes(5)),
        ),
        throttle("email:recent", now - Duration::minutes(5), None),
    ] {
        diesel::insert_into(throttles::table)
            .values(row)
            .execute(&mut *conn)
            .unwrap();
    }
    let email = |id: &str, status: &str, sent: Option<chrono::NaiveDateTime>| {
        (
            email_outbox::id.eq(id.to_owned()),
            email_outbox::to_address.eq("kept@example.org"),
            email_outbox::template.eq("sign_in_code"),
            email_outbox::subject.eq("s"),
            email_outbox::text_body.eq("t"),
            email_outbox::html_body.eq("h"),
            email_outbox::status.eq(status.to_owned()),
            email_outbox::attempts.eq(1),
            email_outbox::next_attempt_at.eq(now - Duration::days(40)),
            email_outbox::created_at.eq(now - Duration::days(40)),
            email_outbox::sent_at.eq(sent),
        )
    };
    // MultiConnection has no batch insert: one row at a time.
    for row in [
        email("old-sent", "sent", Some(now - Duration::days(31))),
        email("recent-sent", "sent", Some(now - Duration::days(2))),
        email("failed", "failed", None),
    ] {
        diesel::insert_into(email_outbox::table)
            .values(row)
            .execute(&mut *conn)
            .unwrap();
    }

    let draft = |id: &str, saved: chrono::NaiveDateTime| {
        (
            drafts::id.eq(id.to_owned()),
            drafts::account_id.eq("kept"),
            drafts::form_id.eq("support-enquiry"),
            drafts::form_version.eq(1),
            drafts::version.eq(1),
            drafts::answers.eq("{}"),
            drafts::created_at.eq(saved),
            drafts::updated_at.eq(saved),
            drafts::expires_at.eq(saved + Duration::days(30)),
        )
    };
    // MultiConnection has no batch insert: one row at a time.
    for row in [
        draft("forgotten", now - Duration::days(31)),
        draft("saved-last-week", now - Duration::days(7)),
    ] {
        diesel::insert_into(drafts::table)
            .values(row)
            .execute(&mut *conn)
            .unwrap();
    }

    let purged = api::purge::purge(&mut conn, now).unwrap();

    assert_eq!(
        purged,
        api::purge::Purged {
            codes: 1,
            sessions: 1,
            throttles: 1,
            bot_checks: 0,
            emails: 1,
            unverified_accounts: 1,
            drafts: 1,
            uploads: 0,
        }
    );
    let drafts_left: Vec<String> = drafts::table.select(drafts::id).load(&mut *conn).unwrap();
    assert_eq!(drafts_left, ["saved-last-week"]);
    let accounts_left: Vec<String> = accounts::table
        .select(accounts::id)
        .order(accounts::id)
        .load(&mut *conn)
        .unwrap();
    assert_eq!(accounts_left, ["kept", "pending"]);
    let again = api::purge::purge(&mut conn, now).unwrap();
    assert_eq!(again, api::purge::Purged::default());
}
