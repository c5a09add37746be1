//! The typed client: one `Backend` surface the UI calls, what each backend can do, and the
//! one error type every call returns. Adapters live in their own folders below.

pub mod awesome_support;
pub mod backend;
pub mod capabilities;
pub mod credentials;
pub mod demo;
pub mod django_helpdesk;
pub mod error;
pub mod fluent_support;
pub mod http;
pub mod json;
pub mod probe;
pub mod request_tracker;
pub mod supportcandy;
pub mod wordpress;
pub mod wsdesk;

pub use backend::{Backend, BackendKind, Viewer};
pub use capabilities::Capabilities;
pub use credentials::Credentials;
pub use error::{ApiError, FieldError};
