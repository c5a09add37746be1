//! What a helpdesk's tickets can say: its statuses, priorities, departments and agents,
//! fetched once per session and shared by every screen.

use serde::{Deserialize, Serialize};

use super::person::{Department, Person};
use super::status::{Priority, Status, StatusKind};

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Vocabulary {
    pub statuses: Vec<Status>,
    pub priorities: Vec<Priority>,
    pub departments: Vec<Department>,
    pub agents: Vec<Person>,
}

impl Vocabulary {
    /// The backend's key for a status of this kind (its first, when it has several).
    pub fn status_key(&self, kind: StatusKind) -> Option<&str> {
        self.statuses.iter().find(|s| s.kind == kind).map(|s| s.key.as_str())
    }
}
