//! The citizen's side of a person's record. Every route checks the account is linked to the
//! person; anything else is 404.

mod dashboard;
mod details;
mod document;
mod documents;
mod format_requests;
mod involvements;
mod item;
mod items;
mod list;
mod messages;
mod readers;
mod record_views;
mod reply;
mod save_item;
mod start_message;
mod submit_item;
mod thread;

use super::table::Routes;

/// This area's routes, in the order actix-web tries them.
pub fn routes(routes: &mut Routes) {
    crate::routes!(routes;
        list::list_people,
        details::get_person,
        dashboard::get_dashboard,
        involvements::list_involvements,
        messages::list_messages,
        start_message::send_message,
        documents::list_documents,
        format_requests::list_format_requests,
        format_requests::ask_for_format,
        document::get_document,
        thread::get_thread,
        items::list_items,
        record_views::list_record_views,
        readers::list_record_readers,
        item::get_item,
        save_item::save_item,
        submit_item::submit_item,
        reply::reply_to_thread,
    );
}
