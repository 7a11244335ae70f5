//! Demonstration data for `just run`: one account of each kind, loaded once per database.

use std::fmt;

use anyhow::ensure;
use chrono::Utc;
use diesel::prelude::*;
use shared::rules::unmet_password_rules;
use uuid::Uuid;

use crate::db::Database;
use crate::db::schema::{accounts, data_loads};
use crate::passwords;

const LOAD_NAME: &str = "demo_accounts";

/// The one password of every demonstration account; it meets the password policy.
pub const DEMO_PASSWORD: &str = "Demo-Portal-2026!";

pub struct DemoAccount {
    pub role: &'static str,
    pub who: &'static str,
    pub forename: &'static str,
    pub surname: &'static str,
    pub email: &'static str,
}

pub const DEMO_ACCOUNTS: [DemoAccount; 4] = [
    DemoAccount {
        role: "public",
        who: "a citizen",
        forename: "Margaret",
        surname: "Okafor",
        email: "margaret.okafor@example.org",
    },
    DemoAccount {
        role: "public",
        who: "a professional (a GP)",
        forename: "Priya",
        surname: "Shah",
        email: "dr.priya.shah@example.org",
    },
    DemoAccount {
        role: "staff",
        who: "council staff",
        forename: "Sam",
        surname: "Taylor",
        email: "sam.taylor@example.org",
    },
    DemoAccount {
        role: "administrator",
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
pub async fn load(database: &Database) -> anyhow::Result<Report> {
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
                    accounts::role.eq(account.role),
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
        Ok(true)
    })?;
    Ok(Report { loaded_now })
}
