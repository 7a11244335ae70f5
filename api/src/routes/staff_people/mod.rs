//! People's records as council staff keep them: find, open, correct, link accounts, record
//! involvements, publish and withdraw documents, send forms and messages. Every route needs a
//! staff token; others get 403.

mod create;
mod document;
mod end_link;
mod invite;
mod involvement;
mod item;
mod link;
mod message;
mod open_document;
mod record;
mod reply;
mod search;
mod update;
mod withdraw_document;
mod withdraw_invitation;

use super::table::Routes;

/// This area's routes, in the order actix-web tries them.
pub fn routes(routes: &mut Routes) {
    crate::routes!(routes;
        search::search_people,
        create::create_person,
        record::get_staff_person,
        update::update_person,
        invite::invite_to_record,
        withdraw_invitation::withdraw_invitation,
        end_link::end_link,
        open_document::open_published_document,
        withdraw_document::withdraw_document,
        link::link_account,
        involvement::create_involvement,
        document::publish_document,
        item::send_item,
        message::send_staff_message,
        reply::reply_as_team,
    );
}
