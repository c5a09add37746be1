//! ISO-8601 timestamps as helpdesk APIs write them, parsed by hand: chrono's parser brings
//! its whole format machinery into the bundle for what is one fixed shape.

use chrono::{DateTime, Duration, NaiveDate, Utc};

/// `2026-12-03T12:46:44Z`, `…44.123456Z`, `…44+03:30`, `…44+0330`, a space for the `T`, or no
/// offset at all (read as UTC: the API did not say). `None` for anything else.
pub fn parse_iso_datetime(text: &str) -> Option<DateTime<Utc>> {
    let b = text.trim().as_bytes();
    let num = |from: usize, len: usize| -> Option<u32> {
        let digits = b.get(from..from + len)?;
        digits.iter().try_fold(0u32, |n, &d| d.is_ascii_digit().then(|| n * 10 + u32::from(d - b'0')))
    };
    if b.len() < 16 || b[4] != b'-' || b[7] != b'-' || !matches!(b[10], b'T' | b't' | b' ') || b[13] != b':' {
        return None;
    }
    let date = NaiveDate::from_ymd_opt(i32::try_from(num(0, 4)?).ok()?, num(5, 2)?, num(8, 2)?)?;
    let (hour, minute) = (num(11, 2)?, num(14, 2)?);
    let mut i = 16;
    let mut second = 0;
    if b.get(i) == Some(&b':') {
        second = num(i + 1, 2)?;
        i += 3;
    }
    let mut nanos = 0u32;
    if matches!(b.get(i), Some(b'.' | b',')) {
        i += 1;
        let start = i;
        while b.get(i).is_some_and(u8::is_ascii_digit) {
            if i - start < 9 {
                nanos = nanos * 10 + u32::from(b[i] - b'0');
            }
            i += 1;
        }
        if i == start {
            return None;
        }
        for _ in (i - start).min(9)..9 {
            nanos *= 10;
        }
    }
    let offset_minutes: i64 = match b.get(i) {
        None => 0,
        Some(b'Z' | b'z') if i + 1 == b.len() => 0,
        Some(&sign @ (b'+' | b'-')) => {
            let hh = num(i + 1, 2)?;
            let rest = &b[i + 3..];
            let mm = match rest {
                [] => 0,
                [b':', _, _] => num(i + 4, 2)?,
                [_, _] => num(i + 3, 2)?,
                _ => return None,
            };
            let minutes = i64::from(hh * 60 + mm);
            if sign == b'+' {
                minutes
            } else {
                -minutes
            }
        }
        _ => return None,
    };
    let local = date.and_hms_nano_opt(hour, minute, second, nanos)?;
    Some(local.and_utc() - Duration::minutes(offset_minutes))
}

#[cfg(test)]
mod tests {
    use chrono::{TimeZone, Timelike};

    use super::*;

    #[test]
    fn the_shapes_apis_send() {
        let at = Utc.with_ymd_and_hms(2026, 12, 3, 12, 46, 44).unwrap();
        for text in [
            "2026-12-03T12:46:44Z",
            "2026-12-03T12:46:44",
            "2026-12-03 12:46:44",
            "2026-12-03T16:16:44+03:30",
            "2026-12-03T16:16:44+0330",
            "2026-12-03T09:46:44-03",
            " 2026-12-03T12:46:44z ",
        ] {
            assert_eq!(parse_iso_datetime(text), Some(at), "{text}");
        }
        let micro = parse_iso_datetime("2026-12-03T15:36:25.857378Z").unwrap();
        assert_eq!(micro.nanosecond(), 857_378_000);
        assert_eq!(parse_iso_datetime("2026-12-03T12:46Z"), Utc.with_ymd_and_hms(2026, 12, 3, 12, 46, 0).single());
        assert_eq!(parse_iso_datetime("1970-01-01T00:00:00Z"), Some(DateTime::UNIX_EPOCH));
        assert_eq!(parse_iso_datetime("2026-01-01T01:00:00.123456789123Z").unwrap().nanosecond(), 123_456_789);
    }

    #[test]
    fn anything_else_is_none() {
        for text in [
            "", "3 days ago", "2026-13-01T00:00:00Z", "2026-02-30T00:00:00Z", "2026-12-03T25:00:00Z", "2026-12-03",
            "2026-12-03T12:46:44Zjunk", "2026-12-03T12:46:44+3", "2026-12-03T12:46:44.Z", "۲۰۲۶-۱۲-۰۳T12:46:44Z",
            "2026/12/03T12:46:44Z",
        ] {
            assert_eq!(parse_iso_datetime(text), None, "{text:?}");
        }
    }
}
