//! Persian text utilities: digit-script conversion and the search key under which
//! the many ways of typing the same Persian word compare equal.

const ASCII_DIGITS: [char; 10] = ['0', '1', '2', '3', '4', '5', '6', '7', '8', '9'];
const PERSIAN_DIGITS: [char; 10] = ['۰', '۱', '۲', '۳', '۴', '۵', '۶', '۷', '۸', '۹'];

/// The value of a decimal digit in any of the three scripts people paste into the app.
fn digit_value(c: char) -> Option<usize> {
    let zero = match c {
        '0'..='9' => '0',
        '\u{06F0}'..='\u{06F9}' => '\u{06F0}',
        '\u{0660}'..='\u{0669}' => '\u{0660}',
        _ => return None,
    };
    Some(c as usize - zero as usize)
}

fn map_digits(s: &str, table: &[char; 10]) -> String {
    s.chars()
        .map(|c| digit_value(c).map_or(c, |d| table[d]))
        .collect()
}

/// ASCII and Arabic-Indic digits become Persian (Extended Arabic-Indic) digits.
pub fn to_persian_digits(s: &str) -> String {
    map_digits(s, &PERSIAN_DIGITS)
}

/// Persian and Arabic-Indic digits become ASCII digits, e.g. before parsing a number.
pub fn to_ascii_digits(s: &str) -> String {
    map_digits(s, &ASCII_DIGITS)
}

/// Digits in the script that goes with the UI language.
pub fn localize_digits(s: &str, persian: bool) -> String {
    if persian {
        to_persian_digits(s)
    } else {
        to_ascii_digits(s)
    }
}

/// Characters that change nothing a reader sees (or only the look of a word), so a
/// query typed without them must still find text written with them.
fn is_ignorable(c: char) -> bool {
    matches!(
        c,
        // harakat, hamza above/below and superscript alef
        '\u{064B}'..='\u{065F}'
            | '\u{0670}'
            // tatweel (kashida) only stretches a word
            | '\u{0640}'
            // soft hyphen and Arabic letter mark
            | '\u{00AD}'
            | '\u{061C}'
            // ZWSP, ZWNJ, ZWJ, LRM, RLM
            | '\u{200B}'..='\u{200F}'
            // bidi embeddings/overrides and isolates, word joiner
            | '\u{202A}'..='\u{202E}'
            | '\u{2060}'
            | '\u{2066}'..='\u{2069}'
            // BOM / zero-width no-break space
            | '\u{FEFF}'
    )
}

/// Arabic letter forms that Persian keyboards and Arabic keyboards produce for the same letter.
fn fold_letter(c: char) -> char {
    match c {
        'ي' | 'ى' => 'ی',
        'ك' => 'ک',
        // ۀ is ه with a hamza above; the separate hamza mark is dropped as a diacritic
        'ة' | 'ۀ' => 'ه',
        'أ' | 'إ' => 'ا',
        _ => c,
    }
}

/// The search key used for both the query and the haystack, so that Arabic/Persian
/// letter variants, ZWNJ, diacritics, digit scripts, Latin case and spacing don't
/// decide whether something is found.
pub fn normalize_for_search(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut pending_space = false;
    for c in s.chars() {
        if is_ignorable(c) {
            continue;
        }
        if c.is_whitespace() {
            pending_space = true;
            continue;
        }
        if pending_space && !out.is_empty() {
            out.push(' ');
        }
        pending_space = false;
        match digit_value(c) {
            Some(d) => out.push(ASCII_DIGITS[d]),
            None => out.extend(fold_letter(c).to_lowercase()),
        }
    }
    out
}

/// The normalised words of a search query; an empty or blank query has none.
pub fn search_terms(query: &str) -> Vec<String> {
    normalize_for_search(query)
        .split(' ')
        .filter(|t| !t.is_empty())
        .map(str::to_owned)
        .collect()
}

/// Whether every term occurs in the (already normalised) haystack; no terms match everything,
/// so an empty search box filters nothing out.
pub fn matches_all(haystack_normalized: &str, terms: &[String]) -> bool {
    terms
        .iter()
        .all(|t| haystack_normalized.contains(t.as_str()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn persian_digits_from_ascii_and_arabic_indic() {
        assert_eq!(to_persian_digits("0123456789"), "۰۱۲۳۴۵۶۷۸۹");
        assert_eq!(to_persian_digits("٠١٢٣٤٥٦٧٨٩"), "۰۱۲۳۴۵۶۷۸۹");
        assert_eq!(to_persian_digits("۰۱۲۳۴۵۶۷۸۹"), "۰۱۲۳۴۵۶۷۸۹");
    }

    #[test]
    fn persian_digits_leave_other_chars_alone() {
        assert_eq!(to_persian_digits("تیکت #42 - v1.5 ٤"), "تیکت #۴۲ - v۱.۵ ۴");
        assert_eq!(to_persian_digits(""), "");
        assert_eq!(to_persian_digits("abc"), "abc");
    }

    #[test]
    fn ascii_digits_from_persian_and_arabic_indic() {
        assert_eq!(to_ascii_digits("۰۱۲۳۴۵۶۷۸۹"), "0123456789");
        assert_eq!(to_ascii_digits("٠١٢٣٤٥٦٧٨٩"), "0123456789");
        assert_eq!(to_ascii_digits("۱۴۰۳/٠٢/07"), "1403/02/07");
        assert_eq!(to_ascii_digits("سلام"), "سلام");
        assert_eq!(to_ascii_digits(""), "");
    }

    #[test]
    fn localize_digits_picks_script() {
        assert_eq!(localize_digits("12 ۳٤", true), "۱۲ ۳۴");
        assert_eq!(localize_digits("12 ۳٤", false), "12 34");
    }

    #[test]
    fn digit_round_trip() {
        let s = "ticket 1234567890 تیکت";
        assert_eq!(to_ascii_digits(&to_persian_digits(s)), s);
    }

    #[test]
    fn arabic_yeh_and_kaf_fold_to_persian() {
        assert_eq!(normalize_for_search("علي"), "علی");
        assert_eq!(normalize_for_search("موسى"), "موسی");
        assert_eq!(normalize_for_search("كتاب"), "کتاب");
        assert_eq!(normalize_for_search("يك"), normalize_for_search("یک"));
    }

    #[test]
    fn teh_marbuta_and_heh_hamza_fold_to_heh() {
        assert_eq!(normalize_for_search("مدرسة"), "مدرسه");
        assert_eq!(normalize_for_search("خانۀ"), "خانه");
        assert_eq!(normalize_for_search("خانهٔ"), "خانه");
    }

    #[test]
    fn hamza_alefs_fold_but_madda_stays() {
        assert_eq!(normalize_for_search("أحمد"), "احمد");
        assert_eq!(normalize_for_search("إسلام"), "اسلام");
        assert_eq!(normalize_for_search("آب"), "آب");
    }

    #[test]
    fn diacritics_and_tatweel_removed() {
        assert_eq!(normalize_for_search("مُحَمَّد"), "محمد");
        assert_eq!(normalize_for_search("كِتَابٌ"), "کتاب");
        assert_eq!(normalize_for_search("رحمٰن"), "رحمن");
        assert_eq!(normalize_for_search("ســـلام"), "سلام");
        // every code point of the harakat block
        let all: String = ('\u{064B}'..='\u{065F}').collect();
        assert_eq!(normalize_for_search(&format!("ب{all}ب")), "بب");
    }

    #[test]
    fn zwnj_and_invisible_marks_removed() {
        assert_eq!(
            normalize_for_search("می‌خواهم"),
            normalize_for_search("میخواهم")
        );
        assert_eq!(normalize_for_search("می\u{200C}خواهم"), "میخواهم");
        for mark in [
            '\u{200B}', '\u{200C}', '\u{200D}', '\u{200E}', '\u{200F}', '\u{FEFF}', '\u{202A}',
            '\u{202B}', '\u{202C}', '\u{202D}', '\u{202E}', '\u{2066}', '\u{2067}', '\u{2068}',
            '\u{2069}',
        ] {
            assert_eq!(
                normalize_for_search(&format!("a{mark}b")),
                "ab",
                "{:?}",
                mark
            );
        }
    }

    #[test]
    fn digit_scripts_fold_to_ascii() {
        assert_eq!(normalize_for_search("۱۴۰۳"), "1403");
        assert_eq!(normalize_for_search("١٤٠٣"), "1403");
        assert_eq!(normalize_for_search("1403"), "1403");
    }

    #[test]
    fn latin_lowercased() {
        assert_eq!(normalize_for_search("VPN Error"), "vpn error");
        assert_eq!(normalize_for_search("ÉCOLE"), "école");
    }

    #[test]
    fn whitespace_collapsed_and_trimmed() {
        assert_eq!(normalize_for_search("  a \t\n b  "), "a b");
        assert_eq!(normalize_for_search("سلام\u{00A0}\u{00A0}دنیا"), "سلام دنیا");
        // a run made of spaces and invisible marks is still one space
        assert_eq!(normalize_for_search("a \u{200C} b"), "a b");
        assert_eq!(normalize_for_search("\u{200C} a"), "a");
    }

    #[test]
    fn empty_and_blank() {
        assert_eq!(normalize_for_search(""), "");
        assert_eq!(normalize_for_search("   "), "");
        assert_eq!(normalize_for_search("\u{200C}\u{0640}\u{064E}"), "");
    }

    #[test]
    fn mixed_string() {
        assert_eq!(
            normalize_for_search("  درخواستِ  شمارهٔ ١٢٣ برای VPN‌ كاربر  علي "),
            "درخواست شماره 123 برای vpn کاربر علی"
        );
    }

    #[test]
    fn normalization_is_idempotent() {
        for s in [
            "",
            "  می‌خواهم  كتاب  ",
            "مُحَمَّد ١٢٣ ABC",
            "ســـلام\u{202B}دنیا\u{202C}",
            "İstanbul ẞ Σ",
            "خانۀ أحمد إسلام آب مدرسة",
        ] {
            let once = normalize_for_search(s);
            assert_eq!(normalize_for_search(&once), once, "{s:?}");
        }
    }

    #[test]
    fn search_terms_split_normalized_query() {
        assert_eq!(search_terms("  می‌خواهم   كتاب "), vec!["میخواهم", "کتاب"]);
        assert_eq!(search_terms("VPN ۱۲"), vec!["vpn", "12"]);
        assert!(search_terms("").is_empty());
        assert!(search_terms(" \u{200C} ").is_empty());
    }

    #[test]
    fn matches_all_requires_every_term() {
        let hay = normalize_for_search("مشکل اتصال VPN در دفتر مركزي شماره ۳");
        assert!(matches_all(&hay, &search_terms("vpn مرکزی")));
        assert!(matches_all(&hay, &search_terms("3 اتصال")));
        assert!(!matches_all(&hay, &search_terms("vpn ایمیل")));
        // substring, not whole-word, matching
        assert!(matches_all(&hay, &search_terms("اتص")));
        assert!(matches_all(&hay, &[]));
        assert!(matches_all("", &[]));
        assert!(!matches_all("", &search_terms("a")));
    }
}
