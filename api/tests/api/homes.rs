//! The API's layout holds: each table is read and written in its one home (README: "Each
//! table has one home"), so "where does X live?" has one answer. A new table needs a home here.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

/// Each table and the module (a file, or a folder) that owns it, under `api/src`.
const HOMES: &[(&str, &str)] = &[
    ("accounts", "accounts/"),
    ("sessions", "accounts/"),
    ("one_time_codes", "accounts/"),
    ("throttles", "auth/throttle.rs"),
    ("spent_bot_checks", "auth/bot_check.rs"),
    ("people", "people/"),
    ("person_links", "people/"),
    ("person_names", "people/"),
    ("link_invitations", "people/"),
    ("involvements", "people/"),
    ("documents", "documents/"),
    ("document_opens", "documents/"),
    ("format_requests", "documents/"),
    ("messages", "messages/"),
    ("message_threads", "messages/"),
    ("message_types", "messages/"),
    ("message_reads", "messages/"),
    ("form_requests", "items.rs"),
    ("submissions", "referrals/"),
    ("drafts", "referrals/"),
    ("uploads", "referrals/"),
    ("submission_events", "referrals/"),
    ("form_days", "referrals/"),
    ("teams", "teams.rs"),
    ("team_members", "teams.rs"),
    ("api_clients", "integrations/"),
    ("webhooks", "integrations/"),
    ("webhook_deliveries", "integrations/"),
    ("audit_events", "audit.rs"),
    ("council_versions", "council.rs"),
    ("form_versions", "forms.rs"),
    ("email_outbox", "email/"),
    ("data_loads", "demo.rs"),
];

fn source() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("src")
}

fn rust_files(folder: &Path, found: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(folder).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            rust_files(&path, found);
        } else if path.extension().is_some_and(|e| e == "rs") {
            found.push(path);
        }
    }
}

/// The tables the schema declares: `    name (id) {` lines of its `table!`s.
fn tables(schema: &str) -> Vec<String> {
    schema
        .lines()
        .filter_map(|line| {
            let name = line.strip_prefix("    ")?.split(" (").next()?;
            (!name.is_empty() && name.chars().all(|c| c.is_ascii_lowercase() || c == '_'))
                .then(|| name.to_owned())
        })
        .collect()
}

fn is_ident(c: char) -> bool {
    c.is_ascii_alphanumeric() || c == '_'
}

/// Whether `text` names the table: `schema::t`, `schema::{…, t, …}` or `t::table`.
fn names_table(text: &str, table: &str) -> bool {
    let whole = |at: usize, len: usize| {
        !text[..at].ends_with(is_ident) && !text[at + len..].starts_with(is_ident)
    };
    let direct = format!("schema::{table}");
    let column = format!("{table}::table");
    let grouped = text.match_indices("schema::{").any(|(at, _)| {
        let rest = &text[at + "schema::{".len()..];
        rest[..rest.find('}').unwrap_or(rest.len())]
            .split(',')
            .any(|name| name.trim() == table)
    });
    grouped
        || text
            .match_indices(&direct)
            .any(|(at, _)| !text[at + direct.len()..].starts_with(is_ident))
        || text
            .match_indices(&column)
            .any(|(at, _)| whole(at, column.len()))
}

#[test]
fn each_table_is_read_and_written_only_in_its_home() {
    let root = source();
    let schema = std::fs::read_to_string(root.join("db/schema.rs")).unwrap();
    let homes: BTreeMap<&str, &str> = HOMES.iter().copied().collect();
    let mut files = Vec::new();
    rust_files(&root, &mut files);
    let mut strays = Vec::new();
    for table in tables(&schema) {
        let home = homes
            .get(table.as_str())
            .unwrap_or_else(|| panic!("the table {table} has no home in tests/api/homes.rs"));
        for file in &files {
            let relative = file
                .strip_prefix(&root)
                .unwrap()
                .to_string_lossy()
                .replace('\\', "/");
            if relative == "db/schema.rs" || relative.starts_with(home) {
                continue;
            }
            if names_table(&std::fs::read_to_string(file).unwrap(), &table) {
                strays.push(format!("{relative} reads {table}, whose home is {home}"));
            }
        }
    }
    assert!(strays.is_empty(), "{}", strays.join("\n"));
}

#[test]
fn the_check_sees_each_way_of_naming_a_table() {
    assert!(names_table("use crate::db::schema::people;", "people"));
    assert!(names_table(
        "use crate::db::schema::{accounts, people};",
        "people"
    ));
    assert!(names_table(".inner_join(people::table)", "people"));
    assert!(!names_table(
        "use crate::db::schema::people_names;",
        "people"
    ));
    assert!(!names_table(
        "crate::people::person::names(conn, ids)",
        "people"
    ));
    assert_eq!(
        tables("diesel::table! {\n    people (id) {\n        id -> Text,\n    }\n}"),
        ["people"]
    );
}
