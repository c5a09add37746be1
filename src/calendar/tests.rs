//! Native unit tests for the calendar module.

use chrono::{DateTime, Datelike, NaiveDate, TimeDelta, TimeZone, Utc, Weekday};

use super::names::days_from_saturday;
use super::*;

fn ymd(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).expect("valid Gregorian test date")
}

fn jalali(y: i32, m: u32, d: u32) -> NaiveDate {
    from_jalali(y, m, d).expect("valid Jalali test date")
}

fn jd(year: i32, month: u32, day: u32) -> JalaliDate {
    JalaliDate { year, month, day }
}

const FA_JALALI: DateFormat = DateFormat {
    lang: Lang::Fa,
    calendar: CalendarKind::Jalali,
};
const EN_JALALI: DateFormat = DateFormat {
    lang: Lang::En,
    calendar: CalendarKind::Jalali,
};
const FA_GREGORIAN: DateFormat = DateFormat {
    lang: Lang::Fa,
    calendar: CalendarKind::Gregorian,
};
const EN_GREGORIAN: DateFormat = DateFormat {
    lang: Lang::En,
    calendar: CalendarKind::Gregorian,
};

// ---- conversion ----

#[test]
fn round_trip_every_day_1300_to_1500() {
    let mut previous: Option<NaiveDate> = None;
    let mut count = 0;
    for year in 1300..=1500 {
        for month in 1..=12 {
            let len = days_in_month(year, month);
            for day in 1..=len {
                let g = from_jalali(year, month, day)
                    .unwrap_or_else(|| panic!("{year}/{month}/{day} should exist"));
                assert_eq!(to_jalali(g), jd(year, month, day));
                if let Some(p) = previous {
                    assert_eq!(p.succ_opt(), Some(g), "gap before {year}/{month}/{day}");
                }
                previous = Some(g);
                count += 1;
            }
            assert_eq!(
                from_jalali(year, month, len + 1),
                None,
                "{year}/{month}/{}",
                len + 1
            );
        }
    }
    assert_eq!(previous.and_then(|p| p.succ_opt()), from_jalali(1501, 1, 1));
    assert_eq!(count, (jalali(1501, 1, 1) - jalali(1300, 1, 1)).num_days());
}

#[test]
fn known_nowruz_dates() {
    for (year, date) in [
        (1403, ymd(2024, 3, 20)),
        (1402, ymd(2023, 3, 21)),
        (1399, ymd(2020, 3, 20)),
        (1396, ymd(2017, 3, 21)),
        (1404, ymd(2025, 3, 21)),
        (1354, ymd(1975, 3, 21)),
        (1300, ymd(1921, 3, 21)),
    ] {
        assert_eq!(from_jalali(year, 1, 1), Some(date), "Nowruz {year}");
        assert_eq!(to_jalali(date), jd(year, 1, 1));
    }
}

#[test]
fn other_known_dates() {
    assert_eq!(to_jalali(ymd(2024, 4, 26)), jd(1403, 2, 7));
    assert_eq!(to_jalali(ymd(2000, 1, 1)), jd(1378, 10, 11));
    assert_eq!(to_jalali(ymd(1979, 2, 11)), jd(1357, 11, 22));
    assert_eq!(to_jalali(ymd(2023, 1, 1)), jd(1401, 10, 11));
}

/// Independent reference: the 33-year arithmetic rule (a year is leap when
/// year mod 33 is one of 1, 5, 9, 13, 17, 22, 26, 30), counted in whole years from
/// the officially published 1 Farvardin 1403 = 2024-03-20. For 1300..=1500 this rule
/// agrees with the astronomical (Tehran-meridian equinox) calendar; the first year
/// it gets wrong is 1502/1503. It puts 1 Farvardin 1300 on 1921-03-21, as
/// historical tables do.
fn reference_is_leap(year: i32) -> bool {
    matches!(year.rem_euclid(33), 1 | 5 | 9 | 13 | 17 | 22 | 26 | 30)
}

fn reference_nowruz(year: i32) -> NaiveDate {
    let year_len = |y: i32| TimeDelta::days(if reference_is_leap(y) { 366 } else { 365 });
    let mut date = ymd(2024, 3, 20);
    for y in year..1403 {
        date -= year_len(y);
    }
    for y in 1403..year {
        date += year_len(y);
    }
    date
}

#[test]
fn icu_agrees_with_33_year_rule_1300_to_1501() {
    assert_eq!(reference_nowruz(1300), ymd(1921, 3, 21));
    for year in 1300..=1501 {
        assert_eq!(
            from_jalali(year, 1, 1),
            Some(reference_nowruz(year)),
            "Nowruz {year}"
        );
        assert_eq!(is_leap_year(year), reference_is_leap(year), "leap {year}");
    }
}

#[test]
fn leap_years() {
    for year in [1399, 1403, 1408] {
        assert!(is_leap_year(year), "{year}");
        assert_eq!(days_in_month(year, 12), 30);
        assert!(from_jalali(year, 12, 30).is_some());
    }
    for year in [1400, 1401, 1402, 1404] {
        assert!(!is_leap_year(year), "{year}");
        assert_eq!(days_in_month(year, 12), 29);
        assert_eq!(from_jalali(year, 12, 30), None);
    }
    assert_eq!(from_jalali(1403, 12, 30), Some(ymd(2025, 3, 20)));
    assert_eq!(from_jalali(1399, 12, 30), Some(ymd(2021, 3, 20)));
}

#[test]
fn days_in_month_table() {
    for month in 1..=6 {
        assert_eq!(days_in_month(1402, month), 31);
    }
    for month in 7..=11 {
        assert_eq!(days_in_month(1402, month), 30);
    }
    assert_eq!(days_in_month(1402, 0), 0);
    assert_eq!(days_in_month(1402, 13), 0);
    assert_eq!(days_in_month(1402, u32::MAX), 0);
}

#[test]
fn from_jalali_rejects_invalid_dates() {
    for (y, m, d) in [
        (1403, 0, 1),
        (1403, 13, 1),
        (1403, 1, 0),
        (1403, 1, 32),
        (1403, 7, 31),
        (1403, 12, 31),
        (1402, 12, 30),
        // would wrap to month 1 / day 1 if narrowed carelessly to u8
        (1403, 257, 1),
        (1403, 1, 257),
        (1403, u32::MAX, u32::MAX),
        (10_000, 1, 1),
        (i32::MAX, 1, 1),
        (i32::MIN, 1, 1),
    ] {
        assert_eq!(from_jalali(y, m, d), None, "{y}/{m}/{d}");
    }
}

#[test]
fn extreme_inputs_do_not_panic() {
    assert!(!is_leap_year(i32::MAX));
    assert!(!is_leap_year(i32::MIN));
    assert!(from_jalali(9999, 1, 1).is_some());
    assert!(from_jalali(-9999, 1, 1).is_some());
    for date in [NaiveDate::MIN, NaiveDate::MAX] {
        let j = to_jalali(date);
        assert!(
            (1..=12).contains(&j.month) && (1..=31).contains(&j.day),
            "{j:?}"
        );
        let _ = week_start(date);
        let _ = jalali_month_start(date);
        let _ = jalali_month_end(date);
        let _ = jalali_year_start(date);
        for fmt in [FA_JALALI, EN_JALALI, FA_GREGORIAN, EN_GREGORIAN] {
            assert!(!format_long(date, fmt).is_empty());
            assert!(!format_short(date, fmt).is_empty());
            assert!(!format_with_weekday(date, fmt).is_empty());
        }
    }
    assert!(month_grid(i32::MAX, 1).is_empty());
    for dt in [DateTime::<Utc>::MIN_UTC, DateTime::<Utc>::MAX_UTC] {
        assert!(!format_datetime(dt, tehran_offset(), FA_JALALI).is_empty());
        assert!(!format_relative(dt, Utc::now(), Lang::En).is_empty());
    }
    assert!(
        format_relative(DateTime::<Utc>::MIN_UTC, DateTime::<Utc>::MAX_UTC, Lang::En)
            .ends_with(" years ago")
    );
}

#[test]
fn jalali_dates_order_chronologically() {
    assert!(jd(1402, 12, 29) < jd(1403, 1, 1));
    assert!(jd(1403, 1, 31) < jd(1403, 2, 1));
    assert!(jd(1403, 2, 6) < jd(1403, 2, 7));
}

// ---- names ----

#[test]
fn jalali_month_names() {
    let fa = [
        "فروردین",
        "اردیبهشت",
        "خرداد",
        "تیر",
        "مرداد",
        "شهریور",
        "مهر",
        "آبان",
        "آذر",
        "دی",
        "بهمن",
        "اسفند",
    ];
    let en = [
        "Farvardin",
        "Ordibehesht",
        "Khordad",
        "Tir",
        "Mordad",
        "Shahrivar",
        "Mehr",
        "Aban",
        "Azar",
        "Dey",
        "Bahman",
        "Esfand",
    ];
    for (i, (f, e)) in fa.iter().zip(en).enumerate() {
        let month = i as u32 + 1;
        assert_eq!(month_name(month, Lang::Fa), *f);
        assert_eq!(month_name(month, Lang::En), e);
    }
    assert_eq!(month_name(0, Lang::Fa), "");
    assert_eq!(month_name(13, Lang::En), "");
    assert_eq!(month_name(u32::MAX, Lang::En), "");
}

#[test]
fn gregorian_month_names() {
    let fa = [
        "ژانویه",
        "فوریه",
        "مارس",
        "آوریل",
        "مه",
        "ژوئن",
        "ژوئیه",
        "اوت",
        "سپتامبر",
        "اکتبر",
        "نوامبر",
        "دسامبر",
    ];
    let en = [
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ];
    for (i, (f, e)) in fa.iter().zip(en).enumerate() {
        let month = i as u32 + 1;
        assert_eq!(gregorian_month_name(month, Lang::Fa), *f);
        assert_eq!(gregorian_month_name(month, Lang::En), e);
    }
    assert_eq!(gregorian_month_name(0, Lang::Fa), "");
    assert_eq!(gregorian_month_name(13, Lang::En), "");
}

#[test]
fn weekday_names() {
    let week = [
        (Weekday::Sat, "شنبه", "Saturday", "ش", "Sa"),
        (Weekday::Sun, "یکشنبه", "Sunday", "ی", "Su"),
        (Weekday::Mon, "دوشنبه", "Monday", "د", "Mo"),
        (Weekday::Tue, "سه\u{200C}شنبه", "Tuesday", "س", "Tu"),
        (Weekday::Wed, "چهارشنبه", "Wednesday", "چ", "We"),
        (Weekday::Thu, "پنجشنبه", "Thursday", "پ", "Th"),
        (Weekday::Fri, "جمعه", "Friday", "ج", "Fr"),
    ];
    for (i, (wd, fa, en, fa_short, en_short)) in week.into_iter().enumerate() {
        assert_eq!(days_from_saturday(wd), i as u32);
        assert_eq!(weekday_name(wd, Lang::Fa), fa);
        assert_eq!(weekday_name(wd, Lang::En), en);
        assert_eq!(weekday_short(wd, Lang::Fa), fa_short);
        assert_eq!(weekday_short(wd, Lang::En), en_short);
    }
    assert!(weekday_name(Weekday::Tue, Lang::Fa).contains('\u{200C}'));
}

#[test]
fn defaults_and_serde_names() {
    assert_eq!(Lang::default(), Lang::Fa);
    assert_eq!(CalendarKind::default(), CalendarKind::Jalali);
    assert_eq!(DateFormat::default(), FA_JALALI);
    for (value, json) in [(Lang::Fa, "\"fa\""), (Lang::En, "\"en\"")] {
        assert_eq!(serde_json::to_string(&value).ok().as_deref(), Some(json));
        assert_eq!(serde_json::from_str::<Lang>(json).ok(), Some(value));
    }
    for (value, json) in [
        (CalendarKind::Jalali, "\"jalali\""),
        (CalendarKind::Gregorian, "\"gregorian\""),
    ] {
        assert_eq!(serde_json::to_string(&value).ok().as_deref(), Some(json));
        assert_eq!(serde_json::from_str::<CalendarKind>(json).ok(), Some(value));
    }
    assert!(serde_json::from_str::<Lang>("\"Fa\"").is_err());
}

// ---- formatting ----

#[test]
fn format_long_examples() {
    let d = ymd(2024, 4, 26);
    assert_eq!(format_long(d, FA_JALALI), "۷ اردیبهشت ۱۴۰۳");
    assert_eq!(format_long(d, EN_JALALI), "7 Ordibehesht 1403");
    assert_eq!(format_long(d, FA_GREGORIAN), "۲۶ آوریل ۲۰۲۴");
    assert_eq!(format_long(d, EN_GREGORIAN), "26 April 2024");
}

#[test]
fn format_short_examples() {
    let d = ymd(2024, 4, 26);
    assert_eq!(format_short(d, FA_JALALI), "۱۴۰۳/۰۲/۰۷");
    assert_eq!(format_short(d, EN_JALALI), "1403/02/07");
    assert_eq!(format_short(d, FA_GREGORIAN), "۲۰۲۴/۰۴/۲۶");
    assert_eq!(format_short(d, EN_GREGORIAN), "2024-04-26");
    assert_eq!(format_short(ymd(2024, 12, 31), EN_JALALI), "1403/10/11");
}

#[test]
fn format_with_weekday_examples() {
    let d = ymd(2024, 4, 26);
    assert_eq!(format_with_weekday(d, FA_JALALI), "جمعه ۷ اردیبهشت ۱۴۰۳");
    assert_eq!(
        format_with_weekday(d, EN_JALALI),
        "Friday 7 Ordibehesht 1403"
    );
    assert_eq!(format_with_weekday(d, FA_GREGORIAN), "جمعه ۲۶ آوریل ۲۰۲۴");
    assert_eq!(
        format_with_weekday(d, EN_GREGORIAN),
        "Friday, 26 April 2024"
    );
    assert_eq!(
        format_with_weekday(ymd(2024, 4, 23), FA_JALALI),
        "سه‌شنبه ۴ اردیبهشت ۱۴۰۳"
    );
}

#[test]
fn tehran_is_three_thirty_ahead() {
    assert_eq!(tehran_offset().local_minus_utc(), 3 * 3600 + 1800);
}

#[test]
fn format_datetime_examples() {
    let dt = Utc
        .with_ymd_and_hms(2024, 4, 26, 11, 0, 0)
        .single()
        .expect("valid");
    assert_eq!(
        format_datetime(dt, tehran_offset(), FA_JALALI),
        "۱۴۰۳/۰۲/۰۷ ۱۴:۳۰"
    );
    assert_eq!(
        format_datetime(dt, tehran_offset(), EN_JALALI),
        "1403/02/07 14:30"
    );
    assert_eq!(
        format_datetime(dt, tehran_offset(), EN_GREGORIAN),
        "2024-04-26 14:30"
    );
    // the local date, not the UTC one, decides the day
    let late = Utc
        .with_ymd_and_hms(2024, 4, 26, 21, 5, 59)
        .single()
        .expect("valid");
    assert_eq!(
        format_datetime(late, tehran_offset(), FA_JALALI),
        "۱۴۰۳/۰۲/۰۸ ۰۰:۳۵"
    );
    assert_eq!(
        format_datetime(late, tehran_offset(), FA_GREGORIAN),
        "۲۰۲۴/۰۴/۲۷ ۰۰:۳۵"
    );
    let utc = chrono::FixedOffset::east_opt(0).expect("valid");
    assert_eq!(format_datetime(late, utc, EN_GREGORIAN), "2024-04-26 21:05");
}

#[test]
fn format_number_groups_thousands() {
    assert_eq!(format_number(0, Lang::Fa), "۰");
    assert_eq!(format_number(999, Lang::Fa), "۹۹۹");
    assert_eq!(format_number(999, Lang::En), "999");
    assert_eq!(format_number(1000, Lang::Fa), "۱٬۰۰۰");
    assert_eq!(format_number(1000, Lang::En), "1,000");
    assert_eq!(format_number(12_345, Lang::Fa), "۱۲٬۳۴۵");
    assert_eq!(format_number(1_234_567, Lang::En), "1,234,567");
    assert_eq!(format_number(-999, Lang::En), "-999");
    assert_eq!(format_number(-1_234_567, Lang::Fa), "-۱٬۲۳۴٬۵۶۷");
    assert_eq!(
        format_number(i64::MIN, Lang::En),
        "-9,223,372,036,854,775,808"
    );
    assert_eq!(
        format_number(i64::MAX, Lang::En),
        "9,223,372,036,854,775,807"
    );
}

#[test]
fn format_relative_boundaries() {
    let now = Utc
        .with_ymd_and_hms(2024, 4, 26, 12, 0, 0)
        .single()
        .expect("valid");
    let ago = |secs: i64| now - TimeDelta::seconds(secs);
    let min = 60;
    let hour = 60 * min;
    let day = 24 * hour;
    let cases = [
        (0, "هم‌اکنون", "just now"),
        (59, "هم‌اکنون", "just now"),
        (min, "۱ دقیقه پیش", "1 minute ago"),
        (2 * min - 1, "۱ دقیقه پیش", "1 minute ago"),
        (5 * min, "۵ دقیقه پیش", "5 minutes ago"),
        (hour - 1, "۵۹ دقیقه پیش", "59 minutes ago"),
        (hour, "۱ ساعت پیش", "1 hour ago"),
        (3 * hour, "۳ ساعت پیش", "3 hours ago"),
        (day - 1, "۲۳ ساعت پیش", "23 hours ago"),
        (day, "دیروز", "yesterday"),
        (2 * day - 1, "دیروز", "yesterday"),
        (2 * day, "۲ روز پیش", "2 days ago"),
        (3 * day, "۳ روز پیش", "3 days ago"),
        (7 * day - 1, "۶ روز پیش", "6 days ago"),
        (7 * day, "۱ هفته پیش", "1 week ago"),
        (14 * day, "۲ هفته پیش", "2 weeks ago"),
        (29 * day, "۴ هفته پیش", "4 weeks ago"),
        (30 * day, "۱ ماه پیش", "1 month ago"),
        (90 * day, "۳ ماه پیش", "3 months ago"),
        (364 * day, "۱۱ ماه پیش", "11 months ago"),
        (365 * day, "۱ سال پیش", "1 year ago"),
        (2 * 365 * day, "۲ سال پیش", "2 years ago"),
        (1500 * 365 * day, "۱٬۵۰۰ سال پیش", "1,500 years ago"),
        (-59, "هم‌اکنون", "just now"),
        (-min, "۱ دقیقه دیگر", "in 1 minute"),
        (-5 * min, "۵ دقیقه دیگر", "in 5 minutes"),
        (-3 * hour, "۳ ساعت دیگر", "in 3 hours"),
        (-day, "فردا", "tomorrow"),
        (-3 * day, "۳ روز دیگر", "in 3 days"),
        (-14 * day, "۲ هفته دیگر", "in 2 weeks"),
        (-60 * day, "۲ ماه دیگر", "in 2 months"),
        (-365 * day, "۱ سال دیگر", "in 1 year"),
    ];
    for (secs, fa, en) in cases {
        assert_eq!(
            format_relative(ago(secs), now, Lang::Fa),
            fa,
            "{secs} s (fa)"
        );
        assert_eq!(
            format_relative(ago(secs), now, Lang::En),
            en,
            "{secs} s (en)"
        );
    }
    assert!(format_relative(now, now, Lang::Fa).contains('\u{200C}'));
}

// ---- periods ----

#[test]
fn week_start_known_dates() {
    assert_eq!(ymd(2024, 4, 26).weekday(), Weekday::Fri);
    assert_eq!(week_start(ymd(2024, 4, 26)), ymd(2024, 4, 20));
    assert_eq!(week_start(ymd(2024, 4, 20)), ymd(2024, 4, 20));
    assert_eq!(week_start(ymd(2024, 4, 21)), ymd(2024, 4, 20));
    assert_eq!(week_start(ymd(2024, 4, 27)), ymd(2024, 4, 27));
    assert_eq!(week_start(ymd(2024, 3, 20)), ymd(2024, 3, 16));
    assert_eq!(week_start(ymd(2025, 1, 1)), ymd(2024, 12, 28));
}

#[test]
fn week_start_is_latest_saturday() {
    let mut date = ymd(2023, 12, 1);
    while date < ymd(2024, 3, 1) {
        let start = week_start(date);
        assert_eq!(start.weekday(), Weekday::Sat);
        assert!(start <= date && (date - start).num_days() < 7, "{date}");
        date += TimeDelta::days(1);
    }
}

#[test]
fn month_and_year_bounds_known_dates() {
    let d = ymd(2024, 4, 26);
    assert_eq!(jalali_month_start(d), ymd(2024, 4, 20));
    assert_eq!(jalali_month_end(d), ymd(2024, 5, 20));
    assert_eq!(jalali_year_start(d), ymd(2024, 3, 20));
    assert_eq!(jalali_month_end(ymd(2025, 3, 1)), ymd(2025, 3, 20));
    assert_eq!(jalali_month_end(ymd(2024, 3, 1)), ymd(2024, 3, 19));
    assert_eq!(jalali_month_end(ymd(2024, 3, 19)), ymd(2024, 3, 19));
    assert_eq!(jalali_month_start(ymd(2024, 3, 20)), ymd(2024, 3, 20));
    assert_eq!(jalali_year_start(ymd(2025, 3, 20)), ymd(2024, 3, 20));
    assert_eq!(jalali_year_start(ymd(2025, 3, 21)), ymd(2025, 3, 21));
}

#[test]
fn month_and_year_bounds_every_day_1398_to_1405() {
    let mut date = jalali(1398, 1, 1);
    let end = jalali(1406, 1, 1);
    while date < end {
        let j = to_jalali(date);
        assert_eq!(
            to_jalali(jalali_month_start(date)),
            jd(j.year, j.month, 1),
            "{date}"
        );
        assert_eq!(
            to_jalali(jalali_month_end(date)),
            jd(j.year, j.month, days_in_month(j.year, j.month)),
            "{date}"
        );
        assert_eq!(
            to_jalali(jalali_year_start(date)),
            jd(j.year, 1, 1),
            "{date}"
        );
        date += TimeDelta::days(1);
    }
}

#[test]
fn month_grid_farvardin_1403() {
    let grid = month_grid(1403, 1);
    // 1 Farvardin 1403 was a Wednesday, the fifth column of a Saturday-first week.
    assert_eq!(
        grid[0],
        [
            None,
            None,
            None,
            None,
            Some(ymd(2024, 3, 20)),
            Some(ymd(2024, 3, 21)),
            Some(ymd(2024, 3, 22))
        ]
    );
    assert_eq!(grid.len(), 5);
    assert_eq!(grid[4][6], Some(ymd(2024, 4, 19)));
}

#[test]
fn month_grid_ordibehesht_1403_starts_on_saturday() {
    let grid = month_grid(1403, 2);
    assert_eq!(grid[0][0], Some(ymd(2024, 4, 20)));
    assert_eq!(grid.len(), 5);
    assert_eq!(grid[4][2], Some(ymd(2024, 5, 20)));
    assert_eq!(grid[4][3], None);
}

#[test]
fn month_grid_shape_for_many_months() {
    for year in 1399..=1405 {
        for month in 1..=12 {
            let grid = month_grid(year, month);
            let cells: Vec<(usize, NaiveDate)> = grid
                .iter()
                .flat_map(|row| row.iter().enumerate())
                .filter_map(|(col, cell)| cell.map(|d| (col, d)))
                .collect();
            let expected: Vec<NaiveDate> = (1..=days_in_month(year, month))
                .map(|d| jalali(year, month, d))
                .collect();
            let dates: Vec<NaiveDate> = cells.iter().map(|&(_, d)| d).collect();
            assert_eq!(dates, expected, "{year}/{month}: every day once, in order");
            for (col, d) in cells {
                assert_eq!(days_from_saturday(d.weekday()) as usize, col, "{d}");
            }
            assert!((4..=6).contains(&grid.len()));
            assert!(grid.first().is_some_and(|row| row[6].is_some()));
            assert!(grid.last().is_some_and(|row| row[0].is_some()));
        }
    }
}

#[test]
fn month_grid_invalid_month_is_empty() {
    assert!(month_grid(1403, 0).is_empty());
    assert!(month_grid(1403, 13).is_empty());
}

// ---- parsing ----

#[test]
fn parse_jalali_in_every_digit_script_and_separator() {
    let want = Ok(ymd(2024, 4, 26));
    for input in [
        "۱۴۰۳/۲/۷",
        "۱۴۰۳/۰۲/۰۷",
        "1403-02-07",
        "1403-2-7",
        "1403/02/07",
        "1403.2.7",
        "١٤٠٣/٠٢/٠٧",
        "١٤٠٣-٢-٧",
        "۱۴۰۳٫۲٫۷",
        "  ۱۴۰۳/۰۲/۰۷\n",
        "\t1403 / 2 / 7 ",
        "1403/02-07",
        "۱۴۰3/٠2/7",
    ] {
        assert_eq!(parse_date(input, CalendarKind::Jalali), want, "{input:?}");
    }
    assert_eq!(
        parse_date("1403/12/30", CalendarKind::Jalali),
        Ok(ymd(2025, 3, 20))
    );
}

#[test]
fn parse_rejects_bad_input() {
    use DateParseError::*;
    for (input, err) in [
        ("", Empty),
        ("   ", Empty),
        ("abc", Format),
        ("03/02/07", Format),
        ("403/02/07", Format),
        ("14030/02/07", Format),
        ("1403/2", Format),
        ("1403", Format),
        ("1403/2/7/1", Format),
        ("1403//7", Format),
        ("1403/002/07", Format),
        ("-1403/02/07", Format),
        ("+1403/02/07", Format),
        ("1403/02/07 10:00", Format),
        ("۱۴۰۳ ۰۲ ۰۷", Format),
        ("1402/12/30", OutOfRange),
        ("1403/13/01", OutOfRange),
        ("1403/00/01", OutOfRange),
        ("1403/01/00", OutOfRange),
        ("1403/07/31", OutOfRange),
        ("1403/01/99", OutOfRange),
    ] {
        assert_eq!(
            parse_date(input, CalendarKind::Jalali),
            Err(err),
            "{input:?}"
        );
    }
}

#[test]
fn parse_gregorian() {
    let g = CalendarKind::Gregorian;
    assert_eq!(parse_date("2024-04-26", g), Ok(ymd(2024, 4, 26)));
    assert_eq!(parse_date("۲۰۲۴/۴/۲۶", g), Ok(ymd(2024, 4, 26)));
    assert_eq!(parse_date("٢٠٢٤.٠٤.٢٦", g), Ok(ymd(2024, 4, 26)));
    assert_eq!(parse_date("2024-02-29", g), Ok(ymd(2024, 2, 29)));
    assert_eq!(parse_date("2023-02-29", g), Err(DateParseError::OutOfRange));
    assert_eq!(parse_date("2024-13-01", g), Err(DateParseError::OutOfRange));
    assert_eq!(parse_date("24-04-26", g), Err(DateParseError::Format));
    // the same text means different days in the two calendars
    assert_ne!(
        parse_date("1403/02/07", g),
        parse_date("1403/02/07", CalendarKind::Jalali)
    );
}

#[test]
fn parse_error_is_a_std_error_with_text() {
    for err in [
        DateParseError::Empty,
        DateParseError::Format,
        DateParseError::OutOfRange,
    ] {
        let boxed: Box<dyn std::error::Error> = Box::new(err);
        assert!(!boxed.to_string().is_empty());
    }
}

#[test]
fn format_short_parses_back() {
    let mut date = ymd(2024, 1, 1);
    while date < ymd(2025, 1, 1) {
        for fmt in [FA_JALALI, EN_JALALI, FA_GREGORIAN, EN_GREGORIAN] {
            assert_eq!(parse_date(&format_short(date, fmt), fmt.calendar), Ok(date));
        }
        date += TimeDelta::days(1);
    }
}
