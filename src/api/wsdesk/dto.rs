//! What WSDesk's `wsdesk_api_create_ticket` answers (JSON sent as `text/html`).

use serde::Deserialize;

/// `{"status": "success" | "error", "message": "…"}`. The message is English and fixed:
/// "Support Request Received Successfully", "API not enabled", "Authentication error.".
#[derive(Clone, Debug, PartialEq, Eq, Deserialize)]
pub struct AnswerDto {
    pub status: String,
    #[serde(default)]
    pub message: String,
}
