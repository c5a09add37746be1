//! Reusable views. They read app-wide contexts (prefs, i18n, session) but never import
//! pages or adapters.

pub mod attachment_link;
pub mod attachment_picker;
pub mod badges;
pub mod composer;
pub mod error_view;
pub mod link;
pub mod message_body;
pub mod pager;
pub mod settings_bar;
pub mod thread_view;
pub mod ticket_loader;
pub mod ticket_table;
pub mod time_text;

pub use attachment_picker::AttachmentPicker;
pub use badges::{PriorityBadge, StatusBadge};
pub use composer::Composer;
pub use error_view::ErrorView;
pub use link::Link;
pub use pager::Pager;
pub use settings_bar::SettingsBar;
pub use thread_view::ThreadView;
pub use ticket_loader::TicketLoader;
pub use ticket_table::TicketTable;
pub use time_text::TimeText;
