//! The ticket list as a table: number, subject, customer, department, status, priority,
//! dates. Rows are keyed by (id, updated_at) so a changed ticket re-renders.

use leptos::prelude::*;

use super::badges::{PriorityBadge, StatusBadge};
use super::link::Link;
use super::time_text::TimeText;
use crate::domain::Ticket;
use crate::state::i18n::{use_i18n, Msg};
use crate::state::prefs::use_prefs;

#[component]
pub fn TicketTable(
    #[prop(into)]
    tickets: Signal<Vec<Ticket>>,
    /// Link target of a row, e.g. `/dashboard/tickets/` + id.
    href_prefix: &'static str,
    /// The customer column is noise in the customer's own list.
    #[prop(optional)]
    hide_customer: bool,
) -> impl IntoView {
    let i18n = use_i18n();
    let prefs = use_prefs();
    let row = move |t: Ticket| {
        let href = format!("{href_prefix}{}", t.id);
        let number = t.number.clone();
        let customer = t.customer.name.clone();
        let department = t.department.map(|d| d.label).unwrap_or_default();
        view! {
            <tr data-ticket-id=t.id.to_string() data-ticket-number=t.number.clone()>
                <td class="col-number"><bdi>{move || prefs.get().digits(&number)}</bdi></td>
                <td class="col-subject"><Link to=href><span dir="auto">{t.subject}</span></Link></td>
                {(!hide_customer).then(|| view! { <td class="col-customer" dir="auto">{customer}</td> })}
                <td class="col-department">{department}</td>
                <td class="col-status"><StatusBadge status=t.status/></td>
                <td class="col-priority"><PriorityBadge priority=t.priority/></td>
                <td class="col-updated"><TimeText at=t.updated_at/></td>
                <td class="col-created">{move || prefs.get().date(t.created_at)}</td>
            </tr>
        }
    };
    view! {
        <table class="ticket-table">
            <thead>
                <tr>
                    <th scope="col">{move || i18n.t(Msg::Number)}</th>
                    <th scope="col">{move || i18n.t(Msg::Subject)}</th>
                    {(!hide_customer).then(|| view! { <th scope="col">{move || i18n.t(Msg::Customer)}</th> })}
                    <th scope="col">{move || i18n.t(Msg::Department)}</th>
                    <th scope="col">{move || i18n.t(Msg::Status)}</th>
                    <th scope="col">{move || i18n.t(Msg::Priority)}</th>
                    <th scope="col">{move || i18n.t(Msg::Updated)}</th>
                    <th scope="col">{move || i18n.t(Msg::Created)}</th>
                </tr>
            </thead>
            <tbody>
                <For
                    each=move || tickets.get()
                    key=|t| (t.id, t.updated_at, t.status.label.clone())
                    children=row
                />
            </tbody>
        </table>
    }
}
