//! Statuses and priorities: the backend's own key and label survive, while the kind and
//! level drive colours, filters and metrics the same way for every backend.

use serde::{Deserialize, Serialize};

/// What a status means, whatever the backend calls it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum StatusKind {
    New,
    Open,
    InProgress,
    WaitingOnCustomer,
    OnHold,
    Resolved,
    Closed,
}

impl StatusKind {
    pub const ALL: [StatusKind; 7] = [
        StatusKind::New,
        StatusKind::Open,
        StatusKind::InProgress,
        StatusKind::WaitingOnCustomer,
        StatusKind::OnHold,
        StatusKind::Resolved,
        StatusKind::Closed,
    ];

    /// Still needs work from someone (the "open tickets" of every helpdesk).
    pub fn is_active(self) -> bool {
        !matches!(self, StatusKind::Resolved | StatusKind::Closed)
    }

    /// Stable token for CSS classes, URLs and test selectors.
    pub fn as_str(self) -> &'static str {
        match self {
            StatusKind::New => "new",
            StatusKind::Open => "open",
            StatusKind::InProgress => "in_progress",
            StatusKind::WaitingOnCustomer => "waiting_on_customer",
            StatusKind::OnHold => "on_hold",
            StatusKind::Resolved => "resolved",
            StatusKind::Closed => "closed",
        }
    }

    pub fn parse(token: &str) -> Option<StatusKind> {
        StatusKind::ALL.into_iter().find(|k| k.as_str() == token)
    }
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Status {
    pub key: String,
    pub label: String,
    pub kind: StatusKind,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum PriorityLevel {
    Low,
    Medium,
    High,
    Critical,
}

impl PriorityLevel {
    pub const ALL: [PriorityLevel; 4] =
        [PriorityLevel::Low, PriorityLevel::Medium, PriorityLevel::High, PriorityLevel::Critical];

    pub fn as_str(self) -> &'static str {
        match self {
            PriorityLevel::Low => "low",
            PriorityLevel::Medium => "medium",
            PriorityLevel::High => "high",
            PriorityLevel::Critical => "critical",
        }
    }

    pub fn parse(token: &str) -> Option<PriorityLevel> {
        PriorityLevel::ALL.into_iter().find(|l| l.as_str() == token)
    }
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Priority {
    pub key: String,
    pub label: String,
    pub level: PriorityLevel,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tokens_round_trip() {
        for k in StatusKind::ALL {
            assert_eq!(StatusKind::parse(k.as_str()), Some(k));
        }
        for l in PriorityLevel::ALL {
            assert_eq!(PriorityLevel::parse(l.as_str()), Some(l));
        }
        assert_eq!(StatusKind::parse("bogus"), None);
    }

    #[test]
    fn only_resolved_and_closed_are_inactive() {
        let inactive: Vec<_> = StatusKind::ALL.into_iter().filter(|k| !k.is_active()).collect();
        assert_eq!(inactive, vec![StatusKind::Resolved, StatusKind::Closed]);
    }

    #[test]
    fn levels_order_by_urgency() {
        assert!(PriorityLevel::Critical > PriorityLevel::High);
        assert!(PriorityLevel::Medium > PriorityLevel::Low);
    }
}
