pub mod bot_check;
pub mod focus;
pub mod form;
pub mod layout;
pub mod more;
pub mod tiles;
pub mod timeout;
pub mod title;
