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

    demo_council().sync(&mut conn).unwrap();
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
            "[[teams]]\nkey = \"finance\"\nname = \"Financial Assessments\"\nemail = \"asc.finance@example.org\"\n",
            "",
        )
        .replace(
            "[[message_types]]\nkey = \"charges\"\nlabel = \"Charges and paying for care\"\nteam = \"finance\"\n",
            "",
        );
    assert_ne!(trimmed, text);
    Council::parse(&trimmed).unwrap().sync(&mut conn).unwrap();

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

#[tokio::test]
async fn demonstration_accounts_load_once() {
    let test_db = TestDatabase::create();
    let database = Database::connect(&test_db.settings).unwrap();

    let first = demo::load(&database).await.unwrap();
    let second = demo::load(&database).await.unwrap();

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
