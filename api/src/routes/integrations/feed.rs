use actix_web::web;
use serde::Deserialize;
use shared::api::FeedPage;
use utoipa::IntoParams;

use crate::auth::ApiCaller;
use crate::error::ApiError;
use crate::referrals::feed;
use crate::routes::extract::Query;
use crate::state::AppState;

#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
#[serde(deny_unknown_fields)]
pub struct FeedQuery {
    /// The `next` value you stored from the page before; leave out to start at the beginning.
    #[param(example = "1042")]
    pub after: Option<String>,
    /// How many, 1 to 500; 50 when left out.
    #[param(minimum = 1, maximum = 500, example = 50)]
    pub limit: Option<i64>,
}

/// The submissions feed.
#[utoipa::path(
    get,
    path = "/api/v1/integrations/submissions",
    tag = "integrations",
    operation_id = "read_submission_feed",
    summary = "Read submissions in the order they were made",
    description = "For machine clients with `submissions:read` (and council staff): every \
                   submitted referral, DoLS form and completed item, oldest first, with its \
                   frozen answers and the form definition version. Store `next` and pass it as \
                   `after`: positions are given in the order submissions commit, so a reader \
                   that does so never misses or repeats one, across restarts and however many \
                   API nodes there are. An empty page means nothing new yet; poll again later.",
    params(FeedQuery),
    responses(
        (status = 200, description = "One page of the feed.", body = FeedPage),
        (status = 401, response = crate::routes::problems::NotSignedIn),
        (status = 403, response = crate::routes::problems::Forbidden),
        (status = 422, response = crate::routes::problems::ValidationFailed),
    ),
    security(("bearer" = []), ("client" = ["submissions:read"]))
)]
pub async fn read_submission_feed(
    state: web::Data<AppState>,
    caller: ApiCaller,
    query: Query<FeedQuery>,
) -> Result<web::Json<FeedPage>, ApiError> {
    let query = query.into_inner();
    let (items, next) = feed::read(&state, &caller, query.after, query.limit).await?;
    Ok(web::Json(FeedPage { items, next }))
}
