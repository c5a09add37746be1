//! Jalali weeks, months and years for bucketing reports, and the month view of
//! the date picker.

use chrono::{Datelike, Days, NaiveDate};

use super::convert::{days_in_month, from_jalali, to_jalali};
use super::names::days_from_saturday;

// Periods are computed by stepping whole days from the given date rather than by
// rebuilding a Jalali date, so they work for every NaiveDate (icu only constructs
// Jalali years -9999..=9999); at chrono's own limits they saturate.

fn back(date: NaiveDate, days: u32) -> NaiveDate {
    date.checked_sub_days(Days::new(u64::from(days)))
        .unwrap_or(NaiveDate::MIN)
}

fn forward(date: NaiveDate, days: u32) -> NaiveDate {
    date.checked_add_days(Days::new(u64::from(days)))
        .unwrap_or(NaiveDate::MAX)
}

/// The Saturday on or before `date`: Iranian weeks run Saturday to Friday.
pub fn week_start(date: NaiveDate) -> NaiveDate {
    back(date, days_from_saturday(date.weekday()))
}

/// 1st of the Jalali month containing `date`.
pub fn jalali_month_start(date: NaiveDate) -> NaiveDate {
    back(date, to_jalali(date).day.saturating_sub(1))
}

/// Last day of the Jalali month containing `date`.
pub fn jalali_month_end(date: NaiveDate) -> NaiveDate {
    // No Jalali month has more than 31 days or fewer than 29, so day 32 counted
    // from this month's start always lands on day 1..=3 of the next month.
    let in_next_month = forward(date, 32u32.saturating_sub(to_jalali(date).day));
    back(in_next_month, to_jalali(in_next_month).day)
}

/// 1 Farvardin (Nowruz) of the Jalali year containing `date`.
pub fn jalali_year_start(date: NaiveDate) -> NaiveDate {
    let j = to_jalali(date);
    // Farvardin..Shahrivar have 31 days, Mehr..Bahman 30.
    let days_before_month = if j.month <= 7 {
        (j.month - 1) * 31
    } else {
        6 * 31 + (j.month - 7) * 30
    };
    back(date, days_before_month + j.day - 1)
}

/// Saturday-first weeks of a Jalali month for a date picker: each row holds seven
/// cells, `None` outside the month. Empty for a month that doesn't exist.
pub fn month_grid(year: i32, month: u32) -> Vec<[Option<NaiveDate>; 7]> {
    let Some(first) = from_jalali(year, month, 1) else {
        return Vec::new();
    };
    let lead = days_from_saturday(first.weekday());
    let days = (0..days_in_month(year, month))
        .map(|offset| first.checked_add_days(Days::new(u64::from(offset))));
    let cells: Vec<Option<NaiveDate>> = (0..lead).map(|_| None).chain(days).collect();
    cells
        .chunks(7)
        .map(|week| {
            let mut row = [None; 7];
            row[..week.len()].copy_from_slice(week);
            row
        })
        .collect()
}
