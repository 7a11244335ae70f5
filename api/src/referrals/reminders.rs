//! The email that tells someone a saved form is about to be deleted. Sent once per save: a
//! later save starts the 30 days again and clears the mark, so the next expiry is told too.

use chrono::{Duration, NaiveDateTime};
use diesel::prelude::*;
use minijinja::context;
use shared::api::CouncilView;
use url::Url;

use crate::accounts::Account;
use crate::db::DbConnection;
use crate::db::schema::drafts;
use crate::email::{self, Template};
use crate::forms::FormLibrary;

/// How long before its expiry a draft's owner is reminded.
pub const NOTICE: Duration = Duration::days(5);
/// At most this many reminders a run, so one run never holds the database for long.
const BATCH: i64 = 200;

/// Queues a reminder for each draft expiring within `NOTICE` that has not had one. Safe on
/// several nodes at once: a draft is marked and its email queued in one transaction, and only
/// the node whose mark changed the row sends.
pub fn send_due(
    conn: &mut DbConnection,
    now: NaiveDateTime,
    council: &CouncilView,
    forms: &FormLibrary,
    public_url: &Url,
) -> anyhow::Result<usize> {
    let due: Vec<(String, String, String, NaiveDateTime)> = drafts::table
        .filter(drafts::reminded_at.is_null())
        .filter(drafts::expires_at.gt(now))
        .filter(drafts::expires_at.le(now + NOTICE))
        .select((
            drafts::id,
            drafts::account_id,
            drafts::form_id,
            drafts::expires_at,
        ))
        .order(drafts::expires_at)
        .limit(BATCH)
        .load(conn)?;
    let link = public_url.join("account")?;
    let mut sent = 0;
    for (id, account_id, form_id, expires_at) in due {
        let queued = conn.write_transaction(|conn| -> anyhow::Result<bool> {
            let marked = diesel::update(
                drafts::table
                    .filter(drafts::id.eq(&id))
                    .filter(drafts::reminded_at.is_null()),
            )
            .set(drafts::reminded_at.eq(Some(now)))
            .execute(conn)?;
            let Some(account) = Account::by_id(conn, &account_id)?.filter(Account::is_active)
            else {
                return Ok(false);
            };
            if marked == 0 {
                return Ok(false);
            }
            let form_title = forms.get(&form_id).map_or_else(
                || form_id.clone(),
                |f| f.title.in_language(account.language).to_owned(),
            );
            let message = email::templates::render(
                Template::DraftExpiring,
                &account.email,
                account.language,
                council,
                context! {
                    forename => &account.forename,
                    form_title => form_title,
                    expires => crate::i18n::date(account.language, crate::calendar::london_date(expires_at)),
                    link => link.as_str(),
                },
            )?;
            email::enqueue(conn, &message, now)?;
            Ok(true)
        })?;
        sent += usize::from(queued);
    }
    Ok(sent)
}
