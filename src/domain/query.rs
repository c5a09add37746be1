//! Ticket queries (filters, sort, page) and the pure functions that run one over a slice
//! of tickets — the demo backend uses them, and so do adapters for what their server can't.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::status::{PriorityLevel, StatusKind};
use super::text::{matches_all, search_terms};
use super::ticket::Ticket;

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub enum AssigneeFilter {
    #[default]
    Any,
    Unassigned,
    Agent(String),
}

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum SortField {
    Created,
    #[default]
    Updated,
    Priority,
    Number,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct TicketQuery {
    pub search: String,
    /// Empty means every status.
    pub statuses: Vec<StatusKind>,
    /// Empty means every priority.
    pub priorities: Vec<PriorityLevel>,
    pub department: Option<String>,
    pub assignee: AssigneeFilter,
    /// Every tag listed must be on the ticket.
    pub tags: Vec<String>,
    pub customer_email: Option<String>,
    /// Inclusive bounds on the creation day, in the helpdesk's time zone.
    pub created_from: Option<NaiveDate>,
    pub created_to: Option<NaiveDate>,
    pub sort: SortField,
    pub descending: bool,
    /// 1-based.
    pub page: u32,
    pub per_page: u32,
}

impl Default for TicketQuery {
    fn default() -> Self {
        TicketQuery {
            search: String::new(),
            statuses: Vec::new(),
            priorities: Vec::new(),
            department: None,
            assignee: AssigneeFilter::Any,
            tags: Vec::new(),
            customer_email: None,
            created_from: None,
            created_to: None,
            sort: SortField::Updated,
            descending: true,
            page: 1,
            per_page: 50,
        }
    }
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct TicketPage {
    pub tickets: Vec<Ticket>,
    /// Matching tickets over all pages.
    pub total: usize,
    pub page: u32,
    pub per_page: u32,
    /// True when filters ran client-side over only part of the backend's tickets.
    pub partial: bool,
}

impl TicketPage {
    pub fn page_count(&self) -> u32 {
        TicketPage::page_count_of(self.total, self.per_page)
    }

    /// Pages needed for `total` results at `per_page` (at least one, even when empty).
    pub fn page_count_of(total: usize, per_page: u32) -> u32 {
        (total as u32).div_ceil(per_page.max(1)).max(1)
    }
}

/// The filter part of a query, prepared once (search terms normalised) so it can be
/// tested against many tickets cheaply.
pub struct PreparedFilter<'q> {
    query: &'q TicketQuery,
    terms: Vec<String>,
    customer_email: Option<String>,
}

impl<'q> PreparedFilter<'q> {
    pub fn new(query: &'q TicketQuery) -> Self {
        PreparedFilter {
            query,
            terms: search_terms(&query.search),
            customer_email: query.customer_email.as_ref().map(|e| e.trim().to_ascii_lowercase()),
        }
    }

    /// `search_text` is `ticket.search_text()`, passed in so callers can cache it.
    pub fn matches(&self, ticket: &Ticket, search_text: &str, offset: chrono::FixedOffset) -> bool {
        let q = self.query;
        if !q.statuses.is_empty() && !q.statuses.contains(&ticket.status.kind) {
            return false;
        }
        if !q.priorities.is_empty() && !q.priorities.contains(&ticket.priority.level) {
            return false;
        }
        if let Some(dep) = &q.department {
            if ticket.department.as_ref().map(|d| &d.key) != Some(dep) {
                return false;
            }
        }
        match &q.assignee {
            AssigneeFilter::Any => {}
            AssigneeFilter::Unassigned if ticket.assignee.is_some() => return false,
            AssigneeFilter::Agent(id) if ticket.assignee.as_ref().map(|a| &a.id) != Some(id) => {
                return false
            }
            _ => {}
        }
        if !q.tags.iter().all(|t| ticket.tags.contains(t)) {
            return false;
        }
        if let Some(email) = &self.customer_email {
            let own = ticket.customer.email.as_deref().map(|e| e.trim().to_ascii_lowercase());
            if own.as_deref() != Some(email.as_str()) {
                return false;
            }
        }
        let day = ticket.created_at.with_timezone(&offset).date_naive();
        if q.created_from.is_some_and(|from| day < from) || q.created_to.is_some_and(|to| day > to) {
            return false;
        }
        matches_all(search_text, &self.terms)
    }
}

/// Orders tickets by the query's sort; ties fall back to id so paging is stable.
pub fn sort_tickets(tickets: &mut [&Ticket], field: SortField, descending: bool) {
    tickets.sort_by(|a, b| {
        let ord = match field {
            SortField::Created => a.created_at.cmp(&b.created_at),
            SortField::Updated => a.updated_at.cmp(&b.updated_at),
            SortField::Priority => a.priority.level.cmp(&b.priority.level),
            SortField::Number => a.id.cmp(&b.id),
        }
        .then(a.id.cmp(&b.id));
        if descending {
            ord.reverse()
        } else {
            ord
        }
    });
}

/// Runs a whole query over in-memory items that each hold a ticket: filter, sort, page.
/// `search_texts[i]` is the cached `search_text()` of the ticket in `items[i]`.
pub fn run_query_by<T>(
    items: &[T],
    ticket: impl Fn(&T) -> &Ticket,
    search_texts: &[String],
    query: &TicketQuery,
    offset: chrono::FixedOffset,
) -> TicketPage {
    let filter = PreparedFilter::new(query);
    let mut hits: Vec<&Ticket> = items
        .iter()
        .map(&ticket)
        .zip(search_texts)
        .filter(|(t, s)| filter.matches(t, s, offset))
        .map(|(t, _)| t)
        .collect();
    sort_tickets(&mut hits, query.sort, query.descending);
    let per_page = query.per_page.max(1);
    let page = query.page.max(1);
    let total = hits.len();
    let start = ((page - 1) as usize).saturating_mul(per_page as usize).min(total);
    let end = (start + per_page as usize).min(total);
    TicketPage {
        tickets: hits[start..end].iter().map(|t| (*t).clone()).collect(),
        total,
        page,
        per_page,
        partial: false,
    }
}

#[cfg(test)]
mod tests;
