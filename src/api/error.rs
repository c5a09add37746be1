//! One error type for every backend call. The UI turns each variant into a sentence;
//! adapters say precisely what failed (the JSON path, the field, the HTTP status).

use serde::{Deserialize, Serialize};

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct FieldError {
    pub field: String,
    pub message: String,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum ApiError {
    /// The request never got an answer (offline, DNS, CORS blocked).
    Network(String),
    Timeout,
    /// Missing or expired credentials: the user must sign in again.
    Unauthorized,
    Forbidden,
    NotFound,
    Conflict(String),
    /// The backend (or our own pre-submit check) rejected some fields.
    Validation(Vec<FieldError>),
    Server { status: u16, message: String },
    /// The answer did not have the shape we expected; `path` says where decoding failed.
    UnexpectedPayload { path: String, detail: String },
    /// This backend cannot do the call at all (see its `Capabilities`).
    Unsupported(String),
    /// Browser storage refused the write (quota, private mode).
    Storage(String),
}

impl ApiError {
    pub fn validation(field: &str, message: &str) -> ApiError {
        ApiError::Validation(vec![FieldError { field: field.into(), message: message.into() }])
    }

    /// Whether trying the same call again may help.
    pub fn is_retryable(&self) -> bool {
        matches!(self, ApiError::Network(_) | ApiError::Timeout | ApiError::Server { .. } | ApiError::Storage(_))
    }

    /// The message of the first error on `field`, for showing it beside that input.
    pub fn field_message(&self, field: &str) -> Option<&str> {
        match self {
            ApiError::Validation(errors) => {
                errors.iter().find(|e| e.field == field).map(|e| e.message.as_str())
            }
            _ => None,
        }
    }
}

impl std::fmt::Display for ApiError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            ApiError::Network(d) => write!(f, "network error: {d}"),
            ApiError::Timeout => write!(f, "timed out"),
            ApiError::Unauthorized => write!(f, "not signed in"),
            ApiError::Forbidden => write!(f, "forbidden"),
            ApiError::NotFound => write!(f, "not found"),
            ApiError::Conflict(d) => write!(f, "conflict: {d}"),
            ApiError::Validation(errors) => {
                write!(f, "invalid: ")?;
                for (i, e) in errors.iter().enumerate() {
                    if i > 0 {
                        write!(f, "; ")?;
                    }
                    write!(f, "{}: {}", e.field, e.message)?;
                }
                Ok(())
            }
            ApiError::Server { status, message } => write!(f, "server error {status}: {message}"),
            ApiError::UnexpectedPayload { path, detail } => write!(f, "unexpected answer at {path}: {detail}"),
            ApiError::Unsupported(what) => write!(f, "not supported by this backend: {what}"),
            ApiError::Storage(d) => write!(f, "browser storage: {d}"),
        }
    }
}

impl std::error::Error for ApiError {}
