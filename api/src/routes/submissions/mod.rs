mod create;
mod get;
mod list;
mod pdf;

use super::table::Routes;

pub use pdf::PdfFile;

/// This area's routes, in the order actix-web tries them.
pub fn routes(routes: &mut Routes) {
    crate::routes!(routes;
        list::list_submissions,
        create::create_submission,
        get::get_submission,
        pdf::get_submission_pdf,
    );
}
