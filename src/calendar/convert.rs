//! Conversion between chrono's proleptic Gregorian dates and Jalali dates, via
//! icu_calendar's Persian calendar (pure arithmetic, no locale data needed).

use chrono::{Datelike, NaiveDate};
use icu_calendar::cal::Persian;
use icu_calendar::types::RataDie;
use icu_calendar::Date;

/// A Jalali (Solar Hijri) calendar date; months are 1 (Farvardin) to 12 (Esfand).
///
/// Field order makes the derived `Ord` chronological.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct JalaliDate {
    pub year: i32,
    pub month: u32,
    pub day: u32,
}

/// The Jalali date of a Gregorian date. Defined for every `NaiveDate`.
pub fn to_jalali(date: NaiveDate) -> JalaliDate {
    // chrono counts 0001-01-01 as day 1 from CE, which is exactly Rata Die 1; icu
    // accepts every RD in chrono's range, so nothing here can fail or clamp.
    let rd = RataDie::new(i64::from(date.num_days_from_ce()));
    let persian = Date::from_rata_die(rd, Persian);
    JalaliDate {
        year: persian.year().extended_year(),
        month: u32::from(persian.month().ordinal),
        day: u32::from(persian.day_of_month().0),
    }
}

/// The Gregorian date of a Jalali date, or `None` if no such Jalali day exists.
///
/// icu only builds Persian dates for years -9999..=9999, so years outside that give `None`.
pub fn from_jalali(year: i32, month: u32, day: u32) -> Option<NaiveDate> {
    let persian =
        Date::try_new_persian(year, u8::try_from(month).ok()?, u8::try_from(day).ok()?).ok()?;
    let days = i32::try_from(persian.to_rata_die().to_i64_date()).ok()?;
    let date = NaiveDate::from_num_days_from_ce_opt(days)?;
    // The round trip is the validity check, so a date icu adjusted to a neighbouring
    // valid one (e.g. 30 Esfand of a common year) is rejected instead of silently moved.
    (to_jalali(date) == JalaliDate { year, month, day }).then_some(date)
}

/// Whether the Jalali year has 366 days, i.e. Esfand has a 30th day.
///
/// icu follows the 33-year cycle with a correction table matching the astronomical
/// rule from 1178 to 3000 AP. Years outside icu's -9999..=9999 are reported as common.
pub fn is_leap_year(year: i32) -> bool {
    Date::try_new_persian(year, 1, 1).is_ok_and(|d| d.is_in_leap_year())
}

/// Days in a Jalali month; 0 for a month number outside 1..=12.
pub fn days_in_month(year: i32, month: u32) -> u32 {
    match month {
        1..=6 => 31,
        7..=11 => 30,
        12 if is_leap_year(year) => 30,
        12 => 29,
        _ => 0,
    }
}
