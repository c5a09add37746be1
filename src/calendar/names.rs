//! UI language and calendar choices, and the month and weekday names for each.

use chrono::Weekday;
use serde::{Deserialize, Serialize};

/// The UI language; decides names and whether digits are Persian or ASCII.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Lang {
    #[default]
    Fa,
    En,
}

/// Which calendar dates are shown and typed in.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum CalendarKind {
    #[default]
    Jalali,
    Gregorian,
}

const JALALI_MONTHS_FA: [&str; 12] = [
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
const JALALI_MONTHS_EN: [&str; 12] = [
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
const GREGORIAN_MONTHS_FA: [&str; 12] = [
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
const GREGORIAN_MONTHS_EN: [&str; 12] = [
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
// Saturday first, as the Iranian week runs.
const WEEKDAYS_FA: [&str; 7] = [
    "شنبه",
    "یکشنبه",
    "دوشنبه",
    "سه‌شنبه",
    "چهارشنبه",
    "پنجشنبه",
    "جمعه",
];
const WEEKDAYS_EN: [&str; 7] = [
    "Saturday",
    "Sunday",
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
];
const WEEKDAYS_SHORT_FA: [&str; 7] = ["ش", "ی", "د", "س", "چ", "پ", "ج"];
const WEEKDAYS_SHORT_EN: [&str; 7] = ["Sa", "Su", "Mo", "Tu", "We", "Th", "Fr"];

/// Position of a weekday in the Saturday-first week (Saturday = 0, Friday = 6).
pub(super) fn days_from_saturday(wd: Weekday) -> u32 {
    (wd.num_days_from_monday() + 2) % 7
}

fn pick_month(
    month: u32,
    fa: &'static [&'static str; 12],
    en: &'static [&'static str; 12],
    lang: Lang,
) -> &'static str {
    let names = match lang {
        Lang::Fa => fa,
        Lang::En => en,
    };
    month
        .checked_sub(1)
        .and_then(|i| names.get(i as usize))
        .copied()
        .unwrap_or("")
}

fn pick_weekday(
    wd: Weekday,
    fa: &'static [&'static str; 7],
    en: &'static [&'static str; 7],
    lang: Lang,
) -> &'static str {
    let names = match lang {
        Lang::Fa => fa,
        Lang::En => en,
    };
    names[days_from_saturday(wd) as usize]
}

/// Jalali month name (1 = Farvardin); empty for a month outside 1..=12.
pub fn month_name(month: u32, lang: Lang) -> &'static str {
    pick_month(month, &JALALI_MONTHS_FA, &JALALI_MONTHS_EN, lang)
}

/// Gregorian month name (1 = January); empty for a month outside 1..=12.
pub fn gregorian_month_name(month: u32, lang: Lang) -> &'static str {
    pick_month(month, &GREGORIAN_MONTHS_FA, &GREGORIAN_MONTHS_EN, lang)
}

pub fn weekday_name(wd: Weekday, lang: Lang) -> &'static str {
    pick_weekday(wd, &WEEKDAYS_FA, &WEEKDAYS_EN, lang)
}

/// One-letter (fa) or two-letter (en) weekday, for date-picker column headers.
pub fn weekday_short(wd: Weekday, lang: Lang) -> &'static str {
    pick_weekday(wd, &WEEKDAYS_SHORT_FA, &WEEKDAYS_SHORT_EN, lang)
}
