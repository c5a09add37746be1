//! What a backend can do. The UI hides what a backend cannot do and says why; it never fakes it.

use serde::{Deserialize, Serialize};

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Capabilities {
    pub list_tickets: bool,
    pub threads: bool,
    pub create_ticket: bool,
    pub reply: bool,
    pub internal_notes: bool,
    pub attachments: bool,
    /// Largest attachment the backend accepts, in bytes.
    pub max_attachment_bytes: u64,
    pub departments: bool,
    pub tags: bool,
    pub assignment: bool,
    pub priorities: bool,
    pub server_search: bool,
    pub server_status_filter: bool,
    pub server_sort: bool,
    pub close_reopen: bool,
    pub bulk: bool,
    pub guest_tracking: bool,
    pub reports: bool,
}

impl Capabilities {
    /// A backend that can do nothing (one this build does not include).
    pub const NONE: Capabilities = Capabilities {
        list_tickets: false,
        threads: false,
        create_ticket: false,
        reply: false,
        internal_notes: false,
        attachments: false,
        max_attachment_bytes: 0,
        departments: false,
        tags: false,
        assignment: false,
        priorities: false,
        server_search: false,
        server_status_filter: false,
        server_sort: false,
        close_reopen: false,
        bulk: false,
        guest_tracking: false,
        reports: false,
    };

    /// Each capability as (what, value), in the order the README's table lists them.
    pub fn rows(&self) -> Vec<(&'static str, String)> {
        let yes = |b: bool| if b { "✓".to_owned() } else { "—".to_owned() };
        vec![
            ("list tickets", yes(self.list_tickets)),
            ("read threads", yes(self.threads)),
            ("create tickets", yes(self.create_ticket)),
            ("reply", yes(self.reply)),
            ("internal notes", yes(self.internal_notes)),
            (
                "attachments",
                if self.attachments { format!("✓ ≤ {} KB", self.max_attachment_bytes / 1024) } else { yes(false) },
            ),
            ("departments", yes(self.departments)),
            ("tags", yes(self.tags)),
            ("assignment", yes(self.assignment)),
            ("priorities", yes(self.priorities)),
            ("search on the server", yes(self.server_search)),
            ("status filter on the server", yes(self.server_status_filter)),
            ("sort on the server", yes(self.server_sort)),
            ("close / reopen", yes(self.close_reopen)),
            ("bulk actions", yes(self.bulk)),
            ("guest tracking", yes(self.guest_tracking)),
            ("reports", yes(self.reports)),
        ]
    }
}

/// A Markdown table: one row per capability, one column per (backend name, capabilities).
pub fn markdown_table(columns: &[(&str, Capabilities)]) -> String {
    let mut out = String::from("| capability |");
    for (name, _) in columns {
        out.push_str(&format!(" {name} |"));
    }
    out.push_str("\n|---|");
    out.push_str(&"---|".repeat(columns.len()));
    out.push('\n');
    let rows: Vec<Vec<(&str, String)>> = columns.iter().map(|(_, c)| c.rows()).collect();
    for (i, (what, _)) in rows.first().map(Vec::as_slice).unwrap_or_default().iter().enumerate() {
        out.push_str(&format!("| {what} |"));
        for column in &rows {
            out.push_str(&format!(" {} |", column[i].1));
        }
        out.push('\n');
    }
    out
}

#[cfg(test)]
mod tests {
    use super::markdown_table;
    use crate::api::demo::DemoBackend;
    use crate::api::django_helpdesk::DjangoHelpdeskBackend;
    use crate::api::request_tracker::RequestTrackerBackend;
    use crate::api::Viewer;

    /// The README's capabilities table is this code's output: change one, regenerate the other.
    #[test]
    fn readme_table_matches_the_code() {
        let django = |viewer| {
            DjangoHelpdeskBackend {
                base: String::new(),
                credentials: Default::default(),
                queues: vec![],
                agents: vec![],
                viewer,
            }
                .capabilities()
        };
        let rt = |viewer| {
            RequestTrackerBackend { base: String::new(), credentials: Default::default(), queues: vec![], agents: vec![], viewer }
                .capabilities()
        };
        let agent = Viewer::Agent { id: "1".into(), name: String::new() };
        let customer = Viewer::Customer { name: String::new(), email: String::new() };
        let table = markdown_table(&[
            ("demo", DemoBackend::capabilities()),
            ("django-helpdesk (staff)", django(agent.clone())),
            ("django-helpdesk (customer)", django(customer.clone())),
            ("Request Tracker (agent)", rt(agent)),
            ("Request Tracker (customer)", rt(customer)),
        ]);
        let readme = include_str!("../../README.md");
        let start = "<!-- capabilities:start -->\n";
        let end = "<!-- capabilities:end -->";
        let found = readme
            .split_once(start)
            .and_then(|(_, rest)| rest.split_once(end))
            .map(|(table, _)| table)
            .unwrap_or_default();
        assert_eq!(found, table, "README capabilities table is out of date; it should be:\n{table}");
    }
}
