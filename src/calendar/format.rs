//! Turning dates, times and counts into the strings the UI shows, in either
//! language and either calendar.

use chrono::{DateTime, Datelike, FixedOffset, NaiveDate, Timelike, Utc};

use super::convert::to_jalali;
use super::names::{gregorian_month_name, month_name, weekday_name, CalendarKind, Lang};
use crate::domain::text::localize_digits;

/// How dates are shown: names and digits follow `lang` (Persian digits for Fa,
/// ASCII for En) in both calendars.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Default)]
pub struct DateFormat {
    pub lang: Lang,
    pub calendar: CalendarKind,
}

// Iran abolished daylight saving time in 2022, so Tehran is +03:30 all year round
// and a fixed offset is exact for every date the app will show.
const TEHRAN_OFFSET: FixedOffset = match FixedOffset::east_opt(3 * 3600 + 30 * 60) {
    Some(offset) => offset,
    None => panic!("+03:30 is a valid offset"),
};

/// Iran Standard Time, +03:30 (no DST since 2022).
pub fn tehran_offset() -> FixedOffset {
    TEHRAN_OFFSET
}

fn localize(s: &str, lang: Lang) -> String {
    localize_digits(s, lang == Lang::Fa)
}

fn year_month_day(date: NaiveDate, calendar: CalendarKind) -> (i32, u32, u32) {
    match calendar {
        CalendarKind::Jalali => {
            let j = to_jalali(date);
            (j.year, j.month, j.day)
        }
        CalendarKind::Gregorian => (date.year(), date.month(), date.day()),
    }
}

/// "۷ اردیبهشت ۱۴۰۳", "7 Ordibehesht 1403", "۲۶ آوریل ۲۰۲۴", "26 April 2024".
pub fn format_long(date: NaiveDate, fmt: DateFormat) -> String {
    let (year, month, day) = year_month_day(date, fmt.calendar);
    let month = match fmt.calendar {
        CalendarKind::Jalali => month_name(month, fmt.lang),
        CalendarKind::Gregorian => gregorian_month_name(month, fmt.lang),
    };
    localize(&format!("{day} {month} {year}"), fmt.lang)
}

/// "۱۴۰۳/۰۲/۰۷", "1403/02/07", "۲۰۲۴/۰۴/۲۶"; English Gregorian is ISO "2024-04-26".
pub fn format_short(date: NaiveDate, fmt: DateFormat) -> String {
    let (year, month, day) = year_month_day(date, fmt.calendar);
    let sep = match (fmt.lang, fmt.calendar) {
        (Lang::En, CalendarKind::Gregorian) => '-',
        _ => '/',
    };
    localize(&format!("{year:04}{sep}{month:02}{sep}{day:02}"), fmt.lang)
}

/// "جمعه ۷ اردیبهشت ۱۴۰۳", "Friday 7 Ordibehesht 1403", "Friday, 26 April 2024".
pub fn format_with_weekday(date: NaiveDate, fmt: DateFormat) -> String {
    let weekday = weekday_name(date.weekday(), fmt.lang);
    // Persian never puts a comma here; English does for the familiar Gregorian form.
    let sep = match (fmt.lang, fmt.calendar) {
        (Lang::En, CalendarKind::Gregorian) => ", ",
        _ => " ",
    };
    format!("{weekday}{sep}{}", format_long(date, fmt))
}

/// The short local date and 24-hour time at `offset`, e.g. "۱۴۰۳/۰۲/۰۷ ۱۴:۳۰".
pub fn format_datetime(dt: DateTime<Utc>, offset: FixedOffset, fmt: DateFormat) -> String {
    // Only within hours of chrono's representable limits can the local time fall
    // outside them; showing UTC there beats panicking.
    let local = dt
        .naive_utc()
        .checked_add_offset(offset)
        .unwrap_or(dt.naive_utc());
    let time = localize(
        &format!("{:02}:{:02}", local.hour(), local.minute()),
        fmt.lang,
    );
    format!("{} {time}", format_short(local.date(), fmt))
}

fn group_digits(n: u64, sep: char) -> String {
    let digits = n.to_string();
    let mut out = String::with_capacity(digits.len() * 2);
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(sep);
        }
        out.push(c);
    }
    out
}

fn format_count(n: u64, lang: Lang) -> String {
    match lang {
        // U+066C ARABIC THOUSANDS SEPARATOR, the Persian convention
        Lang::Fa => localize(&group_digits(n, '٬'), lang),
        Lang::En => group_digits(n, ','),
    }
}

/// An integer with localized digits and thousands grouped: "۱۲٬۳۴۵", "12,345", "-1,000".
pub fn format_number(n: i64, lang: Lang) -> String {
    let abs = format_count(n.unsigned_abs(), lang);
    if n < 0 {
        format!("-{abs}")
    } else {
        abs
    }
}

#[derive(Clone, Copy)]
enum Unit {
    Minute,
    Hour,
    Day,
    Week,
    Month,
    Year,
}

impl Unit {
    fn name(self, lang: Lang, plural: bool) -> &'static str {
        // Persian nouns stay singular after a number.
        let (fa, one, many) = match self {
            Unit::Minute => ("دقیقه", "minute", "minutes"),
            Unit::Hour => ("ساعت", "hour", "hours"),
            Unit::Day => ("روز", "day", "days"),
            Unit::Week => ("هفته", "week", "weeks"),
            Unit::Month => ("ماه", "month", "months"),
            Unit::Year => ("سال", "year", "years"),
        };
        match lang {
            Lang::Fa => fa,
            Lang::En if plural => many,
            Lang::En => one,
        }
    }
}

const MINUTE: u64 = 60;
const HOUR: u64 = 60 * MINUTE;
const DAY: u64 = 24 * HOUR;

/// How long ago (or how far ahead) `then` is from `now`: "۵ دقیقه پیش", "دیروز",
/// "in 3 days". Amounts are truncated, so 47 hours is still "yesterday".
///
/// Buckets: under a minute either way is "now"; then minutes, hours, one day
/// (yesterday/tomorrow), days up to 6, weeks up to 4, months (30 days) up to 11, years.
pub fn format_relative(then: DateTime<Utc>, now: DateTime<Utc>, lang: Lang) -> String {
    let elapsed = (now - then).num_seconds();
    let past = elapsed >= 0;
    let secs = elapsed.unsigned_abs();
    if secs < MINUTE {
        return match lang {
            Lang::Fa => "هم‌اکنون",
            Lang::En => "just now",
        }
        .to_owned();
    }
    let days = secs / DAY;
    if days == 1 {
        return match (lang, past) {
            (Lang::Fa, true) => "دیروز",
            (Lang::Fa, false) => "فردا",
            (Lang::En, true) => "yesterday",
            (Lang::En, false) => "tomorrow",
        }
        .to_owned();
    }
    let (n, unit) = if secs < HOUR {
        (secs / MINUTE, Unit::Minute)
    } else if secs < DAY {
        (secs / HOUR, Unit::Hour)
    } else if days < 7 {
        (days, Unit::Day)
    } else if days < 30 {
        (days / 7, Unit::Week)
    } else if days < 365 {
        // 360..=364 days would round down to "12 months"; a year isn't complete yet.
        ((days / 30).min(11), Unit::Month)
    } else {
        (days / 365, Unit::Year)
    };
    let count = format_count(n, lang);
    let unit = unit.name(lang, n != 1);
    match (lang, past) {
        (Lang::Fa, true) => format!("{count} {unit} پیش"),
        (Lang::Fa, false) => format!("{count} {unit} دیگر"),
        (Lang::En, true) => format!("{count} {unit} ago"),
        (Lang::En, false) => format!("in {count} {unit}"),
    }
}
