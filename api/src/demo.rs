//! Demonstration data for `just run`: one account of each kind, loaded once per database.

use std::fmt;

use anyhow::ensure;
use chrono::{NaiveDate, NaiveDateTime, Utc};
use diesel::prelude::*;
use shared::api::{
    AddressView, CreateInvolvementRequest, CreatePersonRequest, LegalBasis, NewMessageRequest,
    Relationship, Role, SendItemRequest,
};
use shared::forms::FormDefinition;
use shared::rules::unmet_password_rules;

use crate::accounts;
use crate::auth::CurrentUser;
use crate::db::schema::data_loads;
use crate::db::{Database, DbConnection};
use crate::forms::FormLibrary;
use crate::messages::{self, types as message_types};
use crate::passwords;
use crate::people::involvements;
use crate::people::person::{self, Person};
use crate::{documents, files, items, teams};

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
        let mut ids = Vec::with_capacity(DEMO_ACCOUNTS.len());
        for (account, password_hash) in DEMO_ACCOUNTS.iter().zip(&hashes) {
            let verified = accounts::Verified {
                email: account.email,
                forename: account.forename,
                surname: account.surname,
                role: account.role,
                password_hash,
            };
            ids.push(accounts::insert_verified(conn, verified, now)?);
        }
        diesel::insert_into(data_loads::table)
            .values((
                data_loads::name.eq(LOAD_NAME),
                data_loads::loaded_at.eq(now),
            ))
            .execute(conn)?;
        records(conn, &ids, letter.clone(), financial.as_ref(), now)?;
        Ok(true)
    })?;
    Ok(Report { loaded_now })
}

/// Margaret's care record (hers to see) and her husband Joseph's (she is his proxy, by
/// consent), with a worker involved, a message from the council, a published letter and a
/// form to complete: made as the demonstration member of staff would make them, through the
/// same functions, so the audit log shows who did what.
fn records(
    conn: &mut DbConnection,
    account_ids: &[String],
    letter: Vec<u8>,
    financial: Option<&FormDefinition>,
    now: NaiveDateTime,
) -> anyhow::Result<()> {
    let [margaret_account, _, staff_account, admin_account] = account_ids else {
        anyhow::bail!("one id for each demonstration account");
    };
    // Acting as Sam, without a session: nobody signed in to load the demonstration.
    let sam = CurrentUser {
        account_id: staff_account.clone(),
        session_id: String::new(),
        role: Role::Staff,
        client_id: None,
    };
    // The demonstration staff work in every team, so any referral can be given to them.
    let team_keys: Vec<String> = teams::open(conn)?.into_iter().map(|t| t.key).collect();
    for member in [staff_account, admin_account] {
        teams::set_teams_of(conn, member, &team_keys, now)?;
    }
    let mut record = |forename: &str, date_of_birth: NaiveDate, nhs_number: Option<&str>| {
        let request = CreatePersonRequest {
            forename: forename.to_owned(),
            surname: "Okafor".to_owned(),
            date_of_birth: Some(date_of_birth),
            nhs_number: nhs_number.map(str::to_owned),
            address: Some(AddressView {
                line1: "12 Marsh Lane".to_owned(),
                line2: None,
                town: "Bootle".to_owned(),
                postcode: "L20 3NJ".to_owned(),
            }),
            email: None,
            home_phone: Some("0151 496 0123".to_owned()),
            mobile_phone: None,
        };
        person::insert(conn, &sam, &request, None)
    };
    // The NHS number is the one NHS Digital publishes for testing.
    let margaret = record("Margaret", day(1941, 3, 27)?, Some("9434765919"))?;
    let joseph = record("Joseph", day(1938, 7, 2)?, None)?;
    person::link_account(
        conn,
        &margaret,
        margaret_account,
        Relationship::Own,
        None,
        None,
        now,
    )?;
    person::link_account(
        conn,
        &joseph,
        margaret_account,
        Relationship::Proxy,
        Some(LegalBasis::Consent),
        None,
        now,
    )?;
    let worker = CreateInvolvementRequest {
        name: "Jo Bright".to_owned(),
        role: "Social worker".to_owned(),
        team: "Bootle locality team".to_owned(),
        phone: Some("0151 496 0456".to_owned()),
        email: None,
        since: now.date() - chrono::Duration::days(30),
    };
    involvements::insert(conn, &sam, &margaret, &worker)?;
    // The council's first message type, whichever council this is.
    let message_type = message_types::first(conn)?;
    let team = message_types::team_of(conn, &message_type)?;
    let message = NewMessageRequest {
        message_type,
        subject: "Your care assessment".to_owned(),
        body: "Jo Bright will visit you on Tuesday at 10am for your care assessment. Reply if \
               that time does not suit you."
            .to_owned(),
    };
    messages::start_from_team(conn, &sam, &margaret, &message, &team, now)?;
    let plan = files::check("care-and-support-plan.pdf", Some("application/pdf"), letter)?;
    documents::insert(
        conn,
        &sam,
        &margaret,
        "Your care and support plan",
        &plan,
        now,
    )?;
    // A form to complete, from the finance team where the council has one, starting as any
    // item staff send does with what her record says.
    let finance = teams::is_open(conn, "finance")?.then(|| "finance".to_owned());
    let answers = match (financial, Person::find(conn, &margaret)?) {
        (Some(form), Some(person)) => items::starting_answers(form, person),
        _ => shared::forms::Answers::new(),
    };
    let item = SendItemRequest {
        form_id: "financial-assessment".to_owned(),
        team: finance.unwrap_or(team.key),
        due_on: now.date() + chrono::Duration::days(14),
        note: Some(
            "Please fill this in before Jo Bright's visit, so we can tell you what, if anything, \
             you would pay towards your care."
                .to_owned(),
        ),
    };
    items::insert(conn, &sam, &margaret, &item, &answers, now)?;
    Ok(())
}

fn day(year: i32, month: u32, day: u32) -> anyhow::Result<NaiveDate> {
    NaiveDate::from_ymd_opt(year, month, day).ok_or_else(|| anyhow::anyhow!("no such day"))
}
