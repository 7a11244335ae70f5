//! The dashboard: the tiles and their counts, in one request.

use shared::api::{Dashboard, PersonId};

use crate::auth::CurrentUser;
use crate::error::ApiError;
use crate::people::{Access, involvements};
use crate::state::AppState;
use crate::{documents, items, messages};

pub async fn get(
    state: &AppState,
    user: &CurrentUser,
    person_id: PersonId,
) -> Result<Dashboard, ApiError> {
    let account_id = user.account_id.clone();
    state
        .database
        .run(move |conn| {
            let access = Access::check(conn, &account_id, &person_id)?;
            let unread = messages::unread_count(conn, &account_id, &person_id)?;
            let unopened = documents::unopened_count(conn, &account_id, &person_id)?;
            let waiting = items::waiting_count(conn, &person_id)?;
            let involved = involvements::current_count(conn, &person_id)?;
            let count = |n: i64| u32::try_from(n).unwrap_or(u32::MAX);
            Ok(Dashboard {
                person: access.person,
                unread_messages: count(unread),
                involvements: count(involved),
                unopened_documents: count(unopened),
                items_to_complete: count(waiting),
            })
        })
        .await
}
