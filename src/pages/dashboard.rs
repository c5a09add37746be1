//! The agent dashboard's screens.

pub mod ticket_detail_page;
pub mod tickets_page;

pub use ticket_detail_page::TicketDetailPage;
pub use tickets_page::TicketsPage;
