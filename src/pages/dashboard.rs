//! The agent dashboard's screens.

pub mod connect_page;
pub mod ticket_detail_page;
pub mod tickets_page;

pub use connect_page::ConnectPage;
pub use ticket_detail_page::TicketDetailPage;
pub use tickets_page::TicketsPage;
