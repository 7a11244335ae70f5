//! Demonstration data for `just run`: one account of each kind, loaded once per database.

use std::fmt;

use anyhow::ensure;
use chrono::{NaiveDate, NaiveDateTime, Utc};
use diesel::prelude::*;
use sha2::Digest;
use shared::api::{Role, Sender};
use shared::forms::FormDefinition;
use shared::rules::unmet_password_rules;
use uuid::Uuid;

use crate::citizen::person::Person;
use crate::db::schema::{
    accounts, data_loads, documents, form_requests, involvements, message_threads, message_types,
    messages, people, person_links, team_members, teams,
};
use crate::db::{Database, DbConnection};
use crate::forms::FormLibrary;
use crate::passwords;

const LOAD_NAME: &str = "demo_accounts";

/// The one password of every demonstration account; it meets the password policy.
pub const DEMO_PASSWORD: &str = "Demo-Portal-2026!";

pub struct DemoAccount {
    pub role: Role,
    pub who: &'static str,
    pub forename: &'static str,
    pub surname: &'static str,
    pub email: &'static str,
}

pub const DEMO_ACCOUNTS: [DemoAccount; 4] = [
    DemoAccount {
        role: Role::Public,
        who: "a citizen",
        forename: "Margaret",
        surname: "Okafor",
        email: "margaret.okafor@example.org",
    },
    DemoAccount {
        role: Role::Public,
        who: "a professional (a GP)",
        forename: "Priya",
        surname: "Shah",
        email: "dr.priya.shah@example.org",
    },
    DemoAccount {
        role: Role::Staff,
        who: "council staff",
        forename: "Sam",
        surname: "Taylor",
        email: "sam.taylor@example.org",
    },
    DemoAccount {
        role: Role::Administrator,
        who: "an administrator",
        forename: "Alex",
        surname: "Morgan",
        email: "alex.morgan@example.org",
    },
];

/// What a load did, printed by `portal demo-data`.
pub struct Report {
    pub loaded_now: bool,
}

impl fmt::Display for Report {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.loaded_now {
            writeln!(f, "Demonstration accounts loaded.")?;
        } else {
            writeln!(
                f,
                "Demonstration accounts were loaded before; nothing changed."
            )?;
        }
        writeln!(f, "Demonstration sign-ins (password {DEMO_PASSWORD}):")?;
        for account in &DEMO_ACCOUNTS {
            writeln!(f, "  {:<30} {}", account.email, account.who)?;
        }
        Ok(())
    }
}

/// Loads the demonstration accounts unless this database already has them. All or nothing.
/// `forms` are the published definitions: the item Margaret is sent starts, as any item staff
/// send does, with what her record says.
pub async fn load(database: &Database, forms: &FormLibrary) -> anyhow::Result<Report> {
    let financial = forms.get("financial-assessment").cloned();
    for account in &DEMO_ACCOUNTS {
        ensure!(
            unmet_password_rules(DEMO_PASSWORD, account.email).is_empty(),
            "the demonstration password breaks the password policy"
        );
    }
    // A salt each, as real accounts have, even though the password is shared.
    let hashes = tokio::task::spawn_blocking(|| {
        DEMO_ACCOUNTS
            .iter()
            .map(|_| passwords::hash(DEMO_PASSWORD))
            .collect::<anyhow::Result<Vec<_>>>()
    })
    .await??;
    let letter = crate::pdf::letter(
        &crate::pdf::Fonts::built_in()?,
        "Demonstration council",
        "Adult Social Care Online",
        "Your care and support plan",
        &[
            "This is a demonstration document, published to Margaret Okafor's record.",
            "It shows how letters, plans and assessments reach people through their account.",
        ],
    )?;
    let mut conn = database.get()?;
    let loaded_now = conn.write_transaction(|conn| {
        let already = data_loads::table
            .find(LOAD_NAME)
            .count()
            .get_result::<i64>(conn)?
            > 0;
        if already {
            return Ok::<_, anyhow::Error>(false);
        }
        let now = Utc::now().naive_utc();
        for (account, password_hash) in DEMO_ACCOUNTS.iter().zip(&hashes) {
            diesel::insert_into(accounts::table)
                .values((
                    accounts::id.eq(Uuid::now_v7().to_string()),
                    accounts::email.eq(account.email),
                    accounts::forename.eq(account.forename),
                    accounts::surname.eq(account.surname),
                    accounts::password_hash.eq(password_hash),
                    accounts::role.eq(account.role.as_str()),
                    accounts::email_verified_at.eq(Some(now)),
                    accounts::failed_attempts.eq(0),
                    accounts::created_at.eq(now),
                    accounts::updated_at.eq(now),
                ))
                .execute(conn)?;
        }
        diesel::insert_into(data_loads::table)
            .values((
                data_loads::name.eq(LOAD_NAME),
                data_loads::loaded_at.eq(now),
            ))
            .execute(conn)?;
        records(conn, &letter, financial.as_ref(), now)?;
        Ok(true)
    })?;
    Ok(Report { loaded_now })
}

/// Margaret's care record (hers to see) and her husband Joseph's (she is his proxy, by
/// consent), with a worker involved, a message from the council, a published letter and a
/// form to complete.
fn records(
    conn: &mut DbConnection,
    letter: &[u8],
    financial: Option<&FormDefinition>,
    now: NaiveDateTime,
) -> anyhow::Result<()> {
    let account = |conn: &mut DbConnection, email: &str| -> anyhow::Result<String> {
        Ok(accounts::table
            .filter(accounts::email.eq(email))
            .select(accounts::id)
            .first(conn)?)
    };
    let margaret_account = account(conn, DEMO_ACCOUNTS[0].email)?;
    let staff_account = account(conn, DEMO_ACCOUNTS[2].email)?;
    let admin_account = account(conn, DEMO_ACCOUNTS[3].email)?;
    // The demonstration staff work in every team, so any referral can be given to them.
    let team_keys: Vec<String> = teams::table
        .filter(teams::active.eq(true))
        .select(teams::key)
        .load(conn)?;
    for member in [&staff_account, &admin_account] {
        for team in &team_keys {
            diesel::insert_into(team_members::table)
                .values((
                    team_members::team_key.eq(team),
                    team_members::account_id.eq(member),
                    team_members::added_at.eq(now),
                ))
                .execute(conn)?;
        }
    }
    let person = |conn: &mut DbConnection,
                  forename: &str,
                  dob: (i32, u32, u32),
                  nhs_number: Option<&str>|
     -> anyhow::Result<String> {
        let id = Uuid::now_v7().to_string();
        diesel::insert_into(people::table)
            .values((
                people::id.eq(&id),
                people::forename.eq(forename),
                people::surname.eq("Okafor"),
                people::date_of_birth.eq(NaiveDate::from_ymd_opt(dob.0, dob.1, dob.2)),
                people::address_line1.eq(Some("12 Marsh Lane")),
                people::town.eq(Some("Bootle")),
                people::postcode.eq(Some("L20 3NJ")),
                people::home_phone.eq(Some("0151 496 0123")),
                people::nhs_number.eq(nhs_number),
                people::created_at.eq(now),
                people::updated_at.eq(now),
            ))
            .execute(conn)?;
        crate::citizen::person::index_names(conn, &id, forename, "Okafor")?;
        Ok(id)
    };
    // The NHS number is the one NHS Digital publishes for testing.
    let margaret = person(conn, "Margaret", (1941, 3, 27), Some("9434765919"))?;
    let joseph = person(conn, "Joseph", (1938, 7, 2), None)?;
    for (person_id, relationship, basis) in [
        (&margaret, "self", None),
        (&joseph, "proxy", Some("consent")),
    ] {
        diesel::insert_into(person_links::table)
            .values((
                person_links::id.eq(Uuid::now_v7().to_string()),
                person_links::person_id.eq(person_id),
                person_links::account_id.eq(&margaret_account),
                person_links::relationship.eq(relationship),
                person_links::legal_basis.eq(basis),
                person_links::created_at.eq(now),
            ))
            .execute(conn)?;
    }
    diesel::insert_into(involvements::table)
        .values((
            involvements::id.eq(Uuid::now_v7().to_string()),
            involvements::person_id.eq(&margaret),
            involvements::name.eq("Jo Bright"),
            involvements::role.eq("Social worker"),
            involvements::team.eq("Bootle locality team"),
            involvements::phone.eq(Some("0151 496 0456")),
            involvements::since.eq(now.date() - chrono::Duration::days(30)),
            involvements::created_at.eq(now),
        ))
        .execute(conn)?;
    // The council's first message type, whichever council this is.
    let (type_key, team_key, team_name): (String, String, String) = message_types::table
        .inner_join(teams::table)
        .filter(message_types::active.eq(true))
        .order(message_types::position)
        .select((message_types::key, teams::key, teams::name))
        .first(conn)?;
    let thread = Uuid::now_v7().to_string();
    diesel::insert_into(message_threads::table)
        .values((
            message_threads::id.eq(&thread),
            message_threads::person_id.eq(&margaret),
            message_threads::message_type_key.eq(&type_key),
            message_threads::team_key.eq(&team_key),
            message_threads::subject.eq("Your care assessment"),
            message_threads::started_by.eq(Sender::Staff.as_str()),
            message_threads::created_at.eq(now),
            message_threads::last_message_at.eq(now),
        ))
        .execute(conn)?;
    diesel::insert_into(messages::table)
        .values((
            messages::id.eq(Uuid::now_v7().to_string()),
            messages::thread_id.eq(&thread),
            messages::person_id.eq(&margaret),
            messages::sender.eq(Sender::Staff.as_str()),
            messages::author_account_id.eq(Some(&staff_account)),
            messages::author_name.eq(&team_name),
            messages::body.eq("Jo Bright will visit you on Tuesday at 10am for your care assessment. Reply if that time does not suit you."),
            messages::created_at.eq(now),
        ))
        .execute(conn)?;
    diesel::insert_into(documents::table)
        .values((
            documents::id.eq(Uuid::now_v7().to_string()),
            documents::person_id.eq(&margaret),
            documents::title.eq("Your care and support plan"),
            documents::file_name.eq("care-and-support-plan.pdf"),
            documents::content_type.eq("application/pdf"),
            documents::size_bytes.eq(i64::try_from(letter.len())?),
            documents::sha256.eq(format!("{:x}", sha2::Sha256::digest(letter))),
            documents::content.eq(letter),
            documents::published_by.eq(&staff_account),
            documents::published_at.eq(now),
        ))
        .execute(conn)?;
    // A form to complete, from the finance team where the council has one.
    let finance: Option<String> = teams::table
        .filter(teams::key.eq("finance"))
        .filter(teams::active.eq(true))
        .select(teams::key)
        .first(conn)
        .optional()?;
    // As an item staff send: starting with what her record says.
    let answers = match (financial, Person::find(conn, &margaret)?) {
        (Some(form), Some(person)) => crate::citizen::items::starting_answers(form, person),
        _ => shared::forms::Answers::new(),
    };
    diesel::insert_into(form_requests::table)
        .values((
            form_requests::id.eq(Uuid::now_v7().to_string()),
            form_requests::person_id.eq(&margaret),
            form_requests::form_id.eq("financial-assessment"),
            form_requests::team_key.eq(finance.unwrap_or(team_key)),
            form_requests::note.eq(Some(
                "Please fill this in before Jo Bright's visit, so we can tell you what, if \
                 anything, you would pay towards your care.",
            )),
            form_requests::due_on.eq(now.date() + chrono::Duration::days(14)),
            form_requests::sent_by.eq(&staff_account),
            form_requests::sent_at.eq(now),
            form_requests::version.eq(1),
            form_requests::answers.eq(serde_json::to_string(&answers)?),
        ))
        .execute(conn)?;
    Ok(())
}
