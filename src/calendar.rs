//! Jalali (Solar Hijri) and Gregorian dates for a Persian-first UI: conversion,
//! names, formatting, report periods and parsing of typed dates.

mod convert;
mod format;
mod iso;
mod names;
mod parse;
mod period;

pub use convert::{days_in_month, from_jalali, is_leap_year, to_jalali, JalaliDate};
pub use format::{
    format_datetime, format_long, format_number, format_relative, format_short,
    format_with_weekday, tehran_offset, DateFormat,
};
pub use names::{
    gregorian_month_name, month_name, weekday_name, weekday_short, CalendarKind, Lang,
};
pub use iso::parse_iso_datetime;
pub use parse::{parse_date, DateParseError};
pub use period::{jalali_month_end, jalali_month_start, jalali_year_start, month_grid, week_start};

#[cfg(test)]
mod tests;
