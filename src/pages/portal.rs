//! The customer portal's screens.

pub mod my_tickets_page;
pub mod portal_ticket_page;
pub mod submit_ticket_page;

pub use my_tickets_page::MyTicketsPage;
pub use portal_ticket_page::PortalTicketPage;
pub use submit_ticket_page::SubmitTicketPage;
