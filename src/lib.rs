//! Pishkhan (پیشخوان): a Persian-first helpdesk frontend — customer portal and agent
//! dashboard over one typed client, with an in-browser demo backend.

pub mod api;
pub mod app;
pub mod calendar;
pub mod components;
pub mod domain;
pub mod pages;
pub mod platform;
pub mod state;
