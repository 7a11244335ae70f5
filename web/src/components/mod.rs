pub mod layout;
pub mod notices;
pub mod tiles;
pub mod title;
