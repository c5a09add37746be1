//! Reading a date as a person types it into a form field, in any digit script.

use std::fmt;
use std::str::FromStr;

use chrono::NaiveDate;

use super::convert::from_jalali;
use super::names::CalendarKind;
use crate::domain::text::to_ascii_digits;

/// Why typed text is not a date; the UI shows its own localized message per case.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum DateParseError {
    /// Nothing but whitespace was typed.
    Empty,
    /// Not a four-digit year, month and day separated by `/`, `-` or `.`.
    Format,
    /// Well-formed, but no such day exists (month 13, 30 Esfand of a common year, …).
    OutOfRange,
}

impl fmt::Display for DateParseError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            DateParseError::Empty => "no date was entered",
            DateParseError::Format => {
                "expected year/month/day with a four-digit year, e.g. 1403/02/07"
            }
            DateParseError::OutOfRange => "no such date exists",
        })
    }
}

impl std::error::Error for DateParseError {}

/// Separators people type between date parts; U+066B is what the decimal key of a
/// Persian keyboard produces.
fn is_separator(c: char) -> bool {
    matches!(c, '/' | '-' | '.' | '\u{066B}')
}

fn number<T: FromStr>(
    part: &str,
    min_digits: usize,
    max_digits: usize,
) -> Result<T, DateParseError> {
    let part = part.trim();
    if !(min_digits..=max_digits).contains(&part.len()) || !part.bytes().all(|b| b.is_ascii_digit())
    {
        return Err(DateParseError::Format);
    }
    part.parse().map_err(|_| DateParseError::Format)
}

/// Parses year-month-day in Persian, Arabic-Indic or ASCII digits, with `/`, `-` or
/// `.` between the parts (spaces around them allowed) and optional leading zeros:
/// "۱۴۰۳/۲/۷", "1403-02-07", "١٤٠٣/٠٢/٠٧". The year must have four digits, since
/// "03/02/07" could mean too many different dates.
pub fn parse_date(input: &str, calendar: CalendarKind) -> Result<NaiveDate, DateParseError> {
    let input = to_ascii_digits(input.trim());
    if input.is_empty() {
        return Err(DateParseError::Empty);
    }
    let mut parts = input.split(is_separator);
    let (Some(year), Some(month), Some(day), None) =
        (parts.next(), parts.next(), parts.next(), parts.next())
    else {
        return Err(DateParseError::Format);
    };
    let year: i32 = number(year, 4, 4)?;
    let month: u32 = number(month, 1, 2)?;
    let day: u32 = number(day, 1, 2)?;
    let date = match calendar {
        CalendarKind::Jalali => from_jalali(year, month, day),
        CalendarKind::Gregorian => NaiveDate::from_ymd_opt(year, month, day),
    };
    date.ok_or(DateParseError::OutOfRange)
}
