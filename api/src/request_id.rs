//! The id of the request being answered, kept for the task that answers it, so an error's
//! problem body can carry it without the error knowing of requests (`requests` sets it).

tokio::task_local! {
    pub(crate) static CURRENT: String;
}

/// The id of the request being answered, for its problem body.
pub fn current() -> Option<String> {
    CURRENT.try_with(Clone::clone).ok()
}
