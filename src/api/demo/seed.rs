//! Deterministic demo data for the in-browser backend: realistic Persian helpdesk tickets,
//! each with a thread consistent with its status.
//!
//! The words live in `public/demo/seed-fa.json` (names, companies, subjects, message
//! templates…), fetched only when the demo backend is used and read by [`parse_templates`];
//! this module holds the rules: who writes what, when, and how the pieces combine.
//!
//! The same `(count, anchor, templates)` always yields the same tickets: a small SplitMix64
//! generator with fixed seeds, no global state. Creation times are drawn for the whole seed
//! (so they depend on `count`); everything else about a ticket comes from a generator seeded
//! by its id.
//!
//! Customers type the way real customers do: some with Arabic ي/ك, some without ZWNJ
//! (میخواهم) or with a space instead (می خواهم), with Persian, ASCII or Arabic-Indic digits,
//! sometimes with Latin error messages and URLs. Agents write standard Persian.

use std::collections::BTreeMap;
use std::fmt::Write as _;

use chrono::{DateTime, Utc};
use serde::Deserialize;

use super::vocabulary;
use crate::calendar::Lang;
use crate::domain::{
    Author, AuthorKind, Body, Department, Message, Person, Priority, PriorityLevel, Status, StatusKind, Ticket,
    TicketId, TicketThread, Visibility,
};

/// The portal's sample customer (has several tickets in every seed of ≥ 50 tickets).
pub const SAMPLE_CUSTOMER: (&str, &str) = ("زهرا کاظمی", "zahra.kazemi@example.ir");

/// The tracking number shown to customers for a ticket id.
pub fn ticket_number(id: TicketId) -> String {
    id.saturating_add(10_000).to_string()
}

/// Tickets `1..=count`, oldest first, each with its thread (oldest message first), worded
/// from `templates`. Never panics, whatever the templates hold: missing pieces come out as
/// empty text (templates from [`parse_templates`] have none missing).
pub fn generate(count: usize, anchor: DateTime<Utc>, templates: &SeedTemplates) -> Vec<TicketThread> {
    if count == 0 {
        return Vec::new();
    }
    let anchor_s = anchor.timestamp();
    let world = World::new(templates);
    let times = creation_times(count, anchor_s);
    times.iter().enumerate().map(|(i, &created)| world.ticket(i as u64 + 1, created, anchor_s, count)).collect()
}

// ---------------------------------------------------------------------------------------
// The content file
// ---------------------------------------------------------------------------------------

/// The demo's words, as stored in `public/demo/seed-fa.json`: named string tables
/// (`lists`, see `LISTS`; one entry is picked at a time), named fixed strings (`words`, see
/// `WORDS`) and each department's topics.
///
/// Texts may use `{name}` placeholders (see `PLACEHOLDERS`); values (names, companies,
/// domains, tags…) are inserted as they are. Build it with [`parse_templates`], which also
/// checks everything [`generate`] relies on (so fetch the file as text, not as this type).
///
/// The tables are maps rather than one Rust field each on purpose: derived deserializers
/// cost about half a kilobyte of wasm per field, and a struct field for every table
/// measured ~12 KB brotli, most of what moving the words out of the binary saves.
/// `parse_templates` checks the maps' keys instead, as strictly as `deny_unknown_fields`.
#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SeedTemplates {
    lists: BTreeMap<String, Vec<String>>,
    words: BTreeMap<String, String>,
    /// By vocabulary department key; one for each.
    departments: BTreeMap<String, DepartmentTemplates>,
}

#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct DepartmentTemplates {
    /// "It didn't work", after an agent proposed a fix.
    stills: Vec<String>,
    /// Internal notes (besides the `notes` list every department shares).
    notes: Vec<String>,
    topics: Vec<Topic>,
}

/// A kind of request: what the customer writes, what the agent asks and how it is fixed.
#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Topic {
    subjects: Vec<String>,
    /// One of these opens the customer's message…
    leads: Vec<String>,
    /// …followed by some of these, in order.
    details: Vec<String>,
    /// The agent's first question.
    ask: String,
    /// The customer's answer to it.
    answer: String,
    /// The agent's resolution.
    fix: String,
    tags: Vec<String>,
    /// Custom fields recorded on the ticket: key → variable (one of `FIELD_VARS`).
    #[serde(default)]
    fields: BTreeMap<String, String>,
}

/// How a string from the file is used, which decides what it may contain.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Use {
    /// Inserted as is: not empty, no braces.
    Value,
    /// `"<Persian name> <latin>"`, the Latin part (for email addresses) ASCII.
    Name,
    /// ASCII.
    Domain,
    /// `"<3-digit status> <reason>"`, as a browser shows it.
    HttpError,
    /// Rendered: not empty, known `{placeholders}` only.
    Text,
    /// Rendered, may be empty.
    OptionalText,
    /// Rendered inside `{when}`, so no `{when}` of its own.
    When,
}

/// Defines an enum of names and the table of their JSON keys and uses, in the same order.
macro_rules! names {
    ($(#[$doc:meta])* $enum:ident, $table:ident {
        $($(#[$vdoc:meta])* $var:ident = $key:literal $use:ident,)*
    }) => {
        $(#[$doc])*
        #[derive(Clone, Copy, Debug, PartialEq, Eq)]
        enum $enum { $($(#[$vdoc])* $var,)* }
        const $table: [(&str, Use); [$($enum::$var),*].len()] = [$(($key, Use::$use),)*];
    };
}

names!(
    /// The string tables in `lists`.
    List, LISTS {
        FemaleFirstNames = "female_first_names" Name,
        MaleFirstNames = "male_first_names" Name,
        LastNames = "last_names" Name,
        Companies = "companies" Value,
        Domains = "domains" Domain,
        Products = "products" Value,
        /// Cheapest first: an upgrade goes from an earlier plan to a later one.
        Plans = "plans" Value,
        Apps = "apps" Value,
        Oses = "oses" Value,
        Browsers = "browsers" Value,
        Whens = "whens" When,
        Coupons = "coupons" Value,
        Cities = "cities" Value,
        HttpErrors = "http_errors" HttpError,
        Greetings = "customer_greetings" Text,
        Closings = "customer_closings" Text,
        UrgentHigh = "customer_urgent_high" Text,
        UrgentCritical = "customer_urgent_critical" Text,
        /// Chasing a ticket nobody has answered yet.
        Nudges = "customer_nudges" Text,
        /// Asking for news.
        Chases = "customer_chases" Text,
        /// Answering an agent's second question.
        MoreAnswers = "customer_more_answers" Text,
        Thanks = "customer_thanks" Text,
        ReplyOpeners = "customer_reply_openers" OptionalText,
        AgentGreetings = "agent_greetings" Text,
        AgentGreetingsAgain = "agent_greetings_again" Text,
        Acks = "agent_acks" Text,
        AskIntros = "agent_ask_intros" OptionalText,
        MoreAsks = "agent_more_asks" Text,
        Progress = "agent_progress" Text,
        ConfirmTails = "agent_confirm_tails" OptionalText,
        FixTails = "agent_fix_tails" OptionalText,
        FollowUpFixes = "agent_follow_up_fixes" Text,
        Holds = "agent_holds" Text,
        SignOffs = "agent_sign_offs" Text,
        /// Internal notes for any department.
        Notes = "notes" Text,
    }
);

names!(
    /// The fixed strings in `words`.
    Word, WORDS {
        HonorificFemale = "honorific_female" Value,
        HonorificMale = "honorific_male" Value,
        /// The line under an agent's name.
        Signature = "agent_signature" Text,
        SystemAuthor = "system_author" Value,
        Assigned = "system_assigned" Text,
        Reassigned = "system_reassigned" Text,
        StatusChanged = "system_status_changed" Text,
        PriorityChanged = "system_priority_changed" Text,
        /// Before the subject of some critical tickets.
        UrgentSubjectPrefix = "urgent_subject_prefix" Value,
        /// Only on high or critical tickets.
        UrgentTag = "urgent_tag" Value,
        /// On a few tickets of any kind.
        VipTag = "vip_tag" Value,
    }
);

/// What texts may refer to (see `Ctx::put`).
#[rustfmt::skip]
const PLACEHOLDERS: &[&str] = &[
    "order", "invoice", "amount", "code", "code_en", "http_error", "n", "seats", "pct", "mb", "hour", "days",
    "visits", "card4", "trace", "postal", "phone", "version", "national_id", "company", "domain", "product",
    "plan", "plan_from", "app", "os", "browser", "coupon", "city", "when", "email", "email_work", "new_email",
    "hon", "agent", "other_agent", "from", "dept", "status", "priority", "number", "prev_number",
];

/// Variables a custom field may record (see `Vars::field`).
const FIELD_VARS: &[&str] = &["order", "invoice", "domain", "plan"];

/// Parses the seed content file; a clear message names what is wrong.
pub fn parse_templates(json: &str) -> Result<SeedTemplates, String> {
    let templates: SeedTemplates = serde_json::from_str(json).map_err(|e| format!("seed templates: {e}"))?;
    let mut check = Check::default();
    templates.check(&mut check);
    if check.problems.is_empty() {
        Ok(templates)
    } else {
        Err(format!("seed templates: {}", check.problems.join("; ")))
    }
}

/// Problems found, each starting with the path of its field (`lists.cities[2]`).
#[derive(Default)]
struct Check {
    path: String,
    problems: Vec<String>,
}

impl Check {
    /// Appends `.name` to the path; returns what to truncate it back to.
    fn enter(&mut self, name: &str) -> usize {
        let len = self.path.len();
        if len > 0 {
            self.path.push('.');
        }
        self.path.push_str(name);
        len
    }

    fn problem(&mut self, what: &str, placeholder: Option<&str>, value: Option<&str>) {
        let mut p = format!("{} {what}", self.path);
        if let Some(name) = placeholder {
            p.push_str(" {");
            p.push_str(name);
            p.push('}');
        }
        if let Some(v) = value {
            p.push_str(": «");
            p.push_str(v);
            p.push('»');
        }
        self.problems.push(p);
    }

    /// A problem with the field `name` itself.
    fn problem_at(&mut self, name: &str, what: &str) {
        let len = self.enter(name);
        self.problem(what, None, None);
        self.path.truncate(len);
    }

    fn list(&mut self, name: &str, xs: &[String], usage: Use, required: bool) {
        let len = self.enter(name);
        if required && xs.is_empty() {
            self.problem("is empty", None, None);
        }
        for (i, s) in xs.iter().enumerate() {
            let here = self.path.len();
            let _ = write!(self.path, "[{i}]");
            self.string(s, usage);
            self.path.truncate(here);
        }
        self.path.truncate(len);
    }

    fn one(&mut self, name: &str, s: &str, usage: Use) {
        let len = self.enter(name);
        self.string(s, usage);
        self.path.truncate(len);
    }

    fn string(&mut self, s: &str, usage: Use) {
        let ascii =
            |s: &str, extra: &str| !s.is_empty() && s.chars().all(|c| c.is_ascii_alphanumeric() || extra.contains(c));
        let (what, placeholder) = match usage {
            _ if usage != Use::OptionalText && s.trim().is_empty() => ("is empty", None),
            Use::Value | Use::Name | Use::Domain | Use::HttpError if s.contains(['{', '}']) => {
                ("is a value and may not contain braces", None)
            }
            Use::Name if !s.rsplit_once(' ').is_some_and(|(fa, latin)| !fa.trim().is_empty() && ascii(latin, "")) => {
                ("must be a name, a space and its spelling in ASCII letters", None)
            }
            Use::Domain if !ascii(s, ".-") => ("must be ASCII", None),
            Use::HttpError if http_code(s).is_none() => ("must start with a 3-digit status code", None),
            Use::Text | Use::OptionalText | Use::When => match placeholders_problem(s, usage == Use::When) {
                Some(p) => p,
                None => return,
            },
            _ => return,
        };
        self.problem(what, placeholder, Some(s));
    }
}

impl SeedTemplates {
    fn check(&self, c: &mut Check) {
        let top = c.enter("lists");
        for (key, usage) in &LISTS {
            match self.lists.get(*key) {
                None => c.problem_at(key, "is missing"),
                Some(xs) => c.list(key, xs, *usage, true),
            }
        }
        for key in self.lists.keys().filter(|key| !LISTS.iter().any(|(k, _)| k == key)) {
            c.problem_at(key, "is not a known list");
        }
        c.path.truncate(top);

        c.enter("words");
        for (key, usage) in &WORDS {
            match self.words.get(*key) {
                None => c.problem_at(key, "is missing"),
                Some(s) => c.one(key, s, *usage),
            }
        }
        for key in self.words.keys().filter(|key| !WORDS.iter().any(|(k, _)| k == key)) {
            c.problem_at(key, "is not a known word");
        }
        c.path.truncate(top);

        c.enter("departments");
        for (key, _, _) in vocabulary::DEPARTMENTS {
            if !self.departments.contains_key(key) {
                c.problem_at(key, "is missing");
            }
        }
        for (key, d) in &self.departments {
            let dept = c.enter(key);
            if !vocabulary::DEPARTMENTS.iter().any(|(k, _, _)| k == key) {
                c.problem("is not a vocabulary department", None, None);
            }
            c.list("stills", &d.stills, Use::Text, true);
            c.list("notes", &d.notes, Use::Text, true);
            c.enter("topics");
            if d.topics.is_empty() {
                c.problem("is empty", None, None);
            }
            let topics = c.path.len();
            for (i, t) in d.topics.iter().enumerate() {
                let _ = write!(c.path, "[{i}]");
                c.list("subjects", &t.subjects, Use::Text, true);
                c.list("leads", &t.leads, Use::Text, true);
                c.list("details", &t.details, Use::Text, false);
                c.one("ask", &t.ask, Use::Text);
                c.one("answer", &t.answer, Use::Text);
                c.one("fix", &t.fix, Use::Text);
                c.list("tags", &t.tags, Use::Value, false);
                c.enter("fields");
                for (field, var) in &t.fields {
                    if !FIELD_VARS.contains(&var.as_str()) {
                        let len = c.enter(field);
                        c.problem("names no known variable (order, invoice, domain or plan)", None, Some(var));
                        c.path.truncate(len);
                    }
                }
                c.path.truncate(topics);
            }
            c.path.truncate(dept);
        }
    }
}

/// What is wrong with a text's `{placeholders}`, if anything, and the placeholder.
fn placeholders_problem(s: &str, in_when: bool) -> Option<(&'static str, Option<&str>)> {
    let mut rest = s;
    while let Some(i) = rest.find(['{', '}']) {
        let (before, after) = (&rest[i..], rest.get(i + 1..).unwrap_or(""));
        if before.starts_with('}') {
            return Some(("has a '}' without '{'", None));
        }
        let Some(close) = after.find('}') else { return Some(("has an unclosed '{'", None)) };
        let name = &after[..close];
        if !PLACEHOLDERS.contains(&name) {
            return Some(("uses an unknown placeholder", Some(name)));
        }
        if in_when && name == "when" {
            return Some(("may not use {when} inside a when", None));
        }
        rest = &after[close + 1..];
    }
    None
}

/// The status code at the start of an HTTP error line.
fn http_code(s: &str) -> Option<u64> {
    let code = s.split(' ').next()?;
    if code.len() == 3 {
        code.parse().ok()
    } else {
        None
    }
}

/// Stand-ins for a topic or department the templates lack (only templates that bypassed
/// [`parse_templates`] can).
static NO_TOPIC: Topic = Topic {
    subjects: Vec::new(),
    leads: Vec::new(),
    details: Vec::new(),
    ask: String::new(),
    answer: String::new(),
    fix: String::new(),
    tags: Vec::new(),
    fields: BTreeMap::new(),
};
static NO_DEPARTMENT: DepartmentTemplates =
    DepartmentTemplates { stills: Vec::new(), notes: Vec::new(), topics: Vec::new() };

/// The templates' tables, looked up once per [`generate`] call.
struct Tables<'t> {
    lists: [&'t [String]; LISTS.len()],
    words: [&'t str; WORDS.len()],
}

impl<'t> Tables<'t> {
    fn new(t: &'t SeedTemplates) -> Tables<'t> {
        Tables {
            lists: LISTS.map(|(k, _)| t.lists.get(k).map_or(&[][..], Vec::as_slice)),
            words: WORDS.map(|(k, _)| t.words.get(k).map_or("", String::as_str)),
        }
    }

    /// Every `List` has its entry: `LISTS` is as long as the enum.
    fn list(&self, l: List) -> &'t [String] {
        self.lists[l as usize]
    }

    fn word(&self, w: Word) -> &'t str {
        self.words[w as usize]
    }
}

// ---------------------------------------------------------------------------------------
// Randomness and time
// ---------------------------------------------------------------------------------------

const SEED: u64 = 0x5049_5348_4B48_414E; // "PISHKHAN"
const MIN: i64 = 60;
const HOUR: i64 = 3_600;
const DAY: i64 = 86_400;
/// Tehran is UTC+03:30 all year (no DST since 2022).
const TEHRAN: i64 = 3 * HOUR + 30 * MIN;
/// No ticket is created in the last ten minutes before the anchor, so a thread always has
/// room for its messages.
const LATEST_GAP: i64 = 10 * MIN;
/// Original message plus at most 8 more.
const MAX_MESSAGES: usize = 9;

/// SplitMix64.
struct Rng(u64);

impl Rng {
    fn new(seed: u64) -> Self {
        Rng(seed)
    }

    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// Uniform in `0..n` (0 when `n` is 0).
    fn below(&mut self, n: u64) -> u64 {
        ((u128::from(self.next()) * u128::from(n)) >> 64) as u64
    }

    /// Uniform in `lo..=hi`.
    fn between(&mut self, lo: u64, hi: u64) -> u64 {
        lo + self.below(hi.saturating_sub(lo).saturating_add(1))
    }

    fn chance(&mut self, percent: u64) -> bool {
        self.below(100) < percent
    }

    fn index(&mut self, len: usize) -> usize {
        self.below(len as u64) as usize
    }

    /// An element of `xs` (empty if there is none).
    fn pick<'x>(&mut self, xs: &'x [String]) -> &'x str {
        xs.get(self.index(xs.len())).map_or("", String::as_str)
    }

    /// An element of `xs` (0 if there is none).
    fn pick_num(&mut self, xs: &[u64]) -> u64 {
        xs.get(self.index(xs.len())).copied().unwrap_or(0)
    }

    /// An index drawn with the given weights (0 if they are all zero).
    fn weighted(&mut self, weights: &[u64]) -> usize {
        let total: u64 = weights.iter().sum();
        let mut x = self.below(total);
        for (i, &w) in weights.iter().enumerate() {
            if x < w {
                return i;
            }
            x -= w;
        }
        0
    }

    /// Roughly log-uniform in `lo..=hi` seconds, integers only (so wasm and native agree).
    fn span(&mut self, lo: i64, hi: i64) -> i64 {
        let lo = lo.max(1);
        let hi = hi.max(lo);
        let mut doublings = 0;
        while (lo << (doublings + 1)) <= hi && doublings < 40 {
            doublings += 1;
        }
        let base = lo << self.below(doublings + 1);
        (base + self.below(base as u64) as i64).min(hi)
    }
}

/// Weight of each Tehran-local hour of the day for a new ticket.
const HOUR_WEIGHTS: [u64; 24] = [1, 1, 0, 0, 0, 0, 1, 3, 9, 15, 17, 16, 13, 10, 13, 15, 13, 10, 7, 5, 4, 4, 3, 2];

/// Creation times (Unix seconds), strictly increasing, within the year before the anchor and
/// at least `LATEST_GAP` before it: mostly Tehran working hours, Saturday to Wednesday,
/// lighter on Thursday, rare on Friday, busier in recent weeks.
fn creation_times(count: usize, anchor_s: i64) -> Vec<i64> {
    let mut rng = Rng::new(SEED ^ 0xC0FF_EE00_D15C_0DE5);
    let start = anchor_s - 365 * DAY;
    let end = anchor_s - LATEST_GAP; // exclusive
    let anchor_day = (anchor_s + TEHRAN).div_euclid(DAY);
    let mut times = Vec::with_capacity(count);
    for _ in 0..count {
        let mut found = None;
        for _ in 0..64 {
            let back = match rng.weighted(&[62, 28, 10]) {
                0 => rng.below(366),
                1 => rng.below(30),
                _ => rng.below(7),
            } as i64;
            let day = anchor_day - back;
            // 1970-01-01 was a Thursday.
            let accept = match day.rem_euclid(7) {
                0 => 45,
                1 => 8,
                _ => 100,
            };
            if !rng.chance(accept) {
                continue;
            }
            let hour = rng.weighted(&HOUR_WEIGHTS) as i64;
            let t = day * DAY + hour * HOUR + rng.below(HOUR as u64) as i64 - TEHRAN;
            if (start..end).contains(&t) {
                found = Some(t);
                break;
            }
        }
        times.push(found.unwrap_or_else(|| start + rng.below((end - start) as u64) as i64));
    }
    times.sort_unstable();
    for i in 1..times.len() {
        if times[i] <= times[i - 1] {
            times[i] = times[i - 1] + 1;
        }
    }
    if let Some(last) = times.last_mut() {
        *last = (*last).min(end - 1);
    }
    for i in (1..times.len()).rev() {
        if times[i - 1] >= times[i] {
            times[i - 1] = times[i] - 1;
        }
    }
    times
}

fn at(secs: i64) -> DateTime<Utc> {
    DateTime::from_timestamp(secs, 0).unwrap_or(DateTime::<Utc>::MIN_UTC)
}

// ---------------------------------------------------------------------------------------
// How customers type
// ---------------------------------------------------------------------------------------

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Digits {
    Persian,
    Ascii,
    Arabic,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Zwnj {
    Keep,
    Drop,
    Space,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct Style {
    /// ي and ك instead of ی and ک.
    arabic_letters: bool,
    zwnj: Zwnj,
    digits: Digits,
    /// Whether ASCII-digit typists keep a thousands separator.
    group: bool,
}

impl Style {
    const STANDARD: Style = Style { arabic_letters: false, zwnj: Zwnj::Keep, digits: Digits::Persian, group: true };

    fn random(rng: &mut Rng) -> Style {
        let arabic_letters = rng.chance(22);
        let zwnj = match rng.weighted(&[50, 35, 15]) {
            0 => Zwnj::Keep,
            1 => Zwnj::Drop,
            _ => Zwnj::Space,
        };
        let digits = if arabic_letters && rng.chance(35) {
            Digits::Arabic
        } else if rng.chance(45) {
            Digits::Ascii
        } else {
            Digits::Persian
        };
        Style { arabic_letters, zwnj, digits, group: rng.chance(60) }
    }

    /// Rewrites standard text (Persian letters, ZWNJ, Persian digits, ٬ separators) the way
    /// this customer would have typed it. Latin text passes through untouched.
    /// The result is allocated at its exact size.
    fn apply(self, raw: &str) -> String {
        if self == Style::STANDARD {
            return raw.to_owned();
        }
        let mut out = String::with_capacity(raw.len() + 8);
        for c in raw.chars() {
            match c {
                'ی' if self.arabic_letters => out.push('ي'),
                'ک' if self.arabic_letters => out.push('ك'),
                '\u{200c}' => match self.zwnj {
                    Zwnj::Keep => out.push(c),
                    Zwnj::Drop => {}
                    Zwnj::Space => out.push(' '),
                },
                '۰'..='۹' => {
                    let d = c as u32 - '۰' as u32;
                    out.push(match self.digits {
                        Digits::Persian => c,
                        Digits::Ascii => char::from_digit(d, 10).unwrap_or(c),
                        Digits::Arabic => char::from_u32(0x0660 + d).unwrap_or(c),
                    });
                }
                '٬' => match self.digits {
                    Digits::Ascii if self.group => out.push(','),
                    Digits::Ascii => {}
                    _ => out.push(c),
                },
                _ => out.push(c),
            }
        }
        out
    }
}

/// Writes `n` in Persian digits, optionally grouped with the Arabic thousands separator.
fn push_fa_num(out: &mut String, n: u64, group: bool) {
    let mut buf = [0u8; 20];
    let mut len = 0;
    let mut m = n;
    loop {
        buf[len] = (m % 10) as u8;
        len += 1;
        m /= 10;
        if m == 0 {
            break;
        }
    }
    for i in (0..len).rev() {
        out.push(char::from_u32('۰' as u32 + u32::from(buf[i])).unwrap_or('0'));
        if group && i > 0 && i % 3 == 0 {
            out.push('٬');
        }
    }
}

// ---------------------------------------------------------------------------------------
// People
// ---------------------------------------------------------------------------------------

const CUSTOMER_COUNT: usize = 120;

struct Customer<'t> {
    person: Person,
    last: &'t str,
    first_lat: &'t str,
    last_lat: &'t str,
    female: bool,
    style: Style,
}

/// A `"<Persian> <latin>"` name's two parts.
fn split_name(s: &str) -> (&str, &str) {
    s.rsplit_once(' ').unwrap_or((s, ""))
}

/// The customer pool: first × last name pairs, first names alternating female and male.
/// Distinct as long as the file has enough names (40 × 30 gives 120 distinct ones, without
/// the sample customer).
fn customers<'t>(tables: &Tables<'t>) -> Vec<Customer<'t>> {
    let (female, male) = (tables.list(List::FemaleFirstNames), tables.list(List::MaleFirstNames));
    let mut firsts: Vec<(&str, bool)> = Vec::with_capacity(female.len() + male.len());
    for i in 0..female.len().max(male.len()) {
        firsts.extend(female.get(i).map(|f| (f.as_str(), true)));
        firsts.extend(male.get(i).map(|m| (m.as_str(), false)));
    }
    let lasts = tables.list(List::LastNames);
    if firsts.is_empty() || lasts.is_empty() {
        return Vec::new();
    }
    (0..CUSTOMER_COUNT)
        .filter_map(|i| {
            let &(first, female) = firsts.get(i % firsts.len())?;
            let (first, first_lat) = split_name(first);
            let (last, last_lat) = split_name(lasts.get((7 * i + 3 * (i / firsts.len())) % lasts.len())?);
            let mut rng = Rng::new(SEED ^ 0xC057_0000 ^ i as u64);
            let email = match rng.weighted(&[62, 18, 12, 8]) {
                0 => format!("{first_lat}.{last_lat}@example.ir"),
                1 => format!("{first_lat}{last_lat}{}@gmail.com", rng.between(10, 99)),
                2 => format!("{first_lat}_{last_lat}@yahoo.com"),
                _ => format!("{first_lat}.{last_lat}@example.com"),
            };
            Some(Customer {
                person: Person { id: format!("c{}", 1001 + i), name: format!("{first} {last}"), email: Some(email) },
                last,
                first_lat,
                last_lat,
                female,
                style: Style::random(&mut rng),
            })
        })
        .collect()
}

/// [`SAMPLE_CUSTOMER`], her last name and Latin names taken from her name and address.
fn sample_customer() -> Customer<'static> {
    let (name, email) = SAMPLE_CUSTOMER;
    let last = name.rsplit(' ').next().unwrap_or(name);
    let local = email.split('@').next().unwrap_or(email);
    let (first_lat, last_lat) = local.split_once('.').unwrap_or((local, local));
    Customer {
        person: Person { id: "c1000".into(), name: name.into(), email: Some(email.into()) },
        last,
        first_lat,
        last_lat,
        female: true,
        style: Style::STANDARD,
    }
}

/// Whether the sample customer owns ticket `id` (about one in sixty, three in the first 50).
fn sample_slot(id: u64) -> bool {
    id % 60 == 7 || id == 23 || id == 41
}

// ---------------------------------------------------------------------------------------
// Departments and variables
// ---------------------------------------------------------------------------------------

const SEATS: &[u64] = &[5, 10, 15, 20, 25, 30, 40, 50, 75, 100, 150, 200];
const PERCENTS: &[u64] = &[10, 15, 20, 25, 30];
const UPLOAD_MB: &[u64] = &[20, 50, 64, 100, 128];

/// Departments by vocabulary key: their share of tickets and their agents.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Area {
    Technical,
    Billing,
    Sales,
    General,
}

impl Area {
    fn of(key: &str) -> Area {
        match key {
            "technical" => Area::Technical,
            "billing" => Area::Billing,
            "sales" => Area::Sales,
            _ => Area::General,
        }
    }

    /// Share of tickets, in percent.
    fn weight(self) -> u64 {
        match self {
            Area::Technical => 40,
            Area::Billing => 25,
            Area::Sales => 15,
            Area::General => 20,
        }
    }

    /// Agent ids who usually take this department's tickets.
    fn agent_ids(self) -> &'static [&'static str] {
        match self {
            Area::Technical => &["1", "2", "6"],
            Area::Billing => &["3", "5"],
            Area::Sales => &["4", "3"],
            Area::General => &["5", "4", "6"],
        }
    }
}

/// The ticket's own values that templates refer to.
struct Vars<'t> {
    order: u64,
    invoice: u64,
    amount: u64,
    /// An HTTP error line, as a browser shows it.
    http: &'t str,
    n: u64,
    seats: u64,
    pct: u64,
    mb: u64,
    hour: u64,
    days: u64,
    visits: u64,
    card4: u64,
    trace: u64,
    postal: u64,
    phone: u64,
    national_id: u64,
    version: (u64, u64),
    company: &'t str,
    domain: &'t str,
    product: &'t str,
    plan: &'t str,
    plan_from: &'t str,
    app: &'t str,
    os: &'t str,
    browser: &'t str,
    when: &'t str,
    coupon: &'t str,
    city: &'t str,
}

impl<'t> Vars<'t> {
    fn new(tables: &Tables<'t>, rng: &mut Rng) -> Vars<'t> {
        let plans = tables.list(List::Plans);
        // An upgrade: from a plan below the new one.
        let plan_i = 1 + rng.index(plans.len().saturating_sub(1));
        Vars {
            order: rng.between(40_000, 99_999),
            invoice: rng.between(140_100, 140_399) * 100 + rng.below(100),
            amount: rng.between(19, 690) * 10_000,
            http: rng.pick(tables.list(List::HttpErrors)),
            n: rng.between(3, 60),
            seats: rng.pick_num(SEATS),
            pct: rng.pick_num(PERCENTS),
            mb: rng.pick_num(UPLOAD_MB),
            hour: rng.between(8, 22),
            days: rng.between(2, 9),
            visits: rng.between(5, 200) * 100,
            card4: rng.between(1_000, 9_999),
            trace: rng.between(100_000_000_000, 999_999_999_999),
            postal: rng.between(1_000_000_000, 9_999_999_999),
            phone: rng.between(9_010_000_000, 9_399_999_999),
            national_id: rng.between(10_100_000_000, 14_009_999_999),
            company: rng.pick(tables.list(List::Companies)),
            version: (rng.between(2, 12), rng.below(10)),
            domain: rng.pick(tables.list(List::Domains)),
            product: rng.pick(tables.list(List::Products)),
            plan: plans.get(plan_i).or(plans.last()).map_or("", String::as_str),
            plan_from: plans.get(rng.index(plan_i)).map_or("", String::as_str),
            app: rng.pick(tables.list(List::Apps)),
            os: rng.pick(tables.list(List::Oses)),
            browser: rng.pick(tables.list(List::Browsers)),
            when: rng.pick(tables.list(List::Whens)),
            coupon: rng.pick(tables.list(List::Coupons)),
            city: rng.pick(tables.list(List::Cities)),
        }
    }

    /// The ASCII value of a custom field (one of [`FIELD_VARS`]).
    fn field(&self, var: &str) -> String {
        match var {
            "order" => self.order.to_string(),
            "invoice" => self.invoice.to_string(),
            "domain" => self.domain.to_owned(),
            "plan" => self.plan.to_owned(),
            _ => String::new(),
        }
    }
}

/// Everything a template may refer to while rendering one message.
struct Ctx<'a> {
    tables: &'a Tables<'a>,
    vars: &'a Vars<'a>,
    customer: &'a Customer<'a>,
    /// The agent writing (or being assigned), and another one for notes.
    agent: &'a str,
    other_agent: &'a str,
    from_agent: &'a str,
    dept: &'a str,
    status: &'a str,
    priority: &'a str,
    number: u64,
    prev_number: u64,
}

impl Ctx<'_> {
    fn list(&self, l: List) -> &[String] {
        self.tables.list(l)
    }

    /// Appends `tpl` with its `{name}` placeholders filled.
    fn render(&self, out: &mut String, tpl: &str) {
        self.render_in(out, tpl, true);
    }

    /// `{when}` is itself a template, expanded one level deep only.
    fn render_in(&self, out: &mut String, tpl: &str, expand_when: bool) {
        let mut rest = tpl;
        while let Some(open) = rest.find('{') {
            out.push_str(&rest[..open]);
            let after = &rest[open + 1..];
            match after.find('}') {
                Some(close) => {
                    match &after[..close] {
                        "when" if expand_when => self.render_in(out, self.vars.when, false),
                        name => self.put(out, name),
                    }
                    rest = &after[close + 1..];
                }
                None => {
                    out.push_str(&rest[open..]);
                    return;
                }
            }
        }
        out.push_str(rest);
    }

    /// Appends the value of one of [`PLACEHOLDERS`] (anything else is left as it was).
    fn put(&self, out: &mut String, name: &str) {
        let v = self.vars;
        let c = self.customer;
        let code = || http_code(v.http).unwrap_or(500);
        match name {
            "order" => push_fa_num(out, v.order, false),
            "invoice" => push_fa_num(out, v.invoice, false),
            "amount" => push_fa_num(out, v.amount, true),
            "code" => push_fa_num(out, code(), false),
            "code_en" => {
                let _ = write!(out, "{}", code());
            }
            "http_error" => out.push_str(v.http),
            "n" => push_fa_num(out, v.n, false),
            "seats" => push_fa_num(out, v.seats, false),
            "pct" => push_fa_num(out, v.pct, false),
            "mb" => push_fa_num(out, v.mb, false),
            "hour" => push_fa_num(out, v.hour, false),
            "days" => push_fa_num(out, v.days, false),
            "visits" => push_fa_num(out, v.visits, true),
            "card4" => push_fa_num(out, v.card4, false),
            "trace" => push_fa_num(out, v.trace, false),
            "postal" => push_fa_num(out, v.postal, false),
            "phone" => {
                out.push('۰');
                push_fa_num(out, v.phone, false);
            }
            "version" => {
                let _ = write!(out, "{}.{}.{}", v.version.0, v.version.1, v.version.0 + v.version.1);
            }
            "national_id" => push_fa_num(out, v.national_id, false),
            "company" => out.push_str(v.company),
            "domain" => out.push_str(v.domain),
            "product" => out.push_str(v.product),
            "plan" => out.push_str(v.plan),
            "plan_from" => out.push_str(v.plan_from),
            "app" => out.push_str(v.app),
            "os" => out.push_str(v.os),
            "browser" => out.push_str(v.browser),
            "coupon" => out.push_str(v.coupon),
            "city" => out.push_str(v.city),
            "email" => out.push_str(c.person.email.as_deref().unwrap_or("")),
            "email_work" => {
                out.push_str("info@");
                out.push_str(v.domain);
            }
            "new_email" => {
                let _ = write!(out, "{}.{}.{}@gmail.com", c.first_lat, c.last_lat, v.card4 % 100);
            }
            "hon" => {
                out.push_str(self.tables.word(if c.female { Word::HonorificFemale } else { Word::HonorificMale }));
                out.push(' ');
                out.push_str(c.last);
            }
            "agent" => out.push_str(self.agent),
            "other_agent" => out.push_str(self.other_agent),
            "from" => out.push_str(self.from_agent),
            "dept" => out.push_str(self.dept),
            "status" => out.push_str(self.status),
            "priority" => out.push_str(self.priority),
            "number" => push_fa_num(out, self.number, false),
            "prev_number" => push_fa_num(out, self.prev_number, false),
            _ => {
                out.push('{');
                out.push_str(name);
                out.push('}');
            }
        }
    }
}

// ---------------------------------------------------------------------------------------
// Threads
// ---------------------------------------------------------------------------------------

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Step {
    // The customer, in public.
    Original,
    /// Chasing a ticket nobody has answered yet.
    Nudge,
    /// Answering an agent's question.
    Answer,
    /// A proposed fix didn't work.
    Still,
    /// Asking for news.
    Chase,
    Thanks,
    // An agent, in public.
    Ack,
    Ask,
    Progress,
    /// A fix, asking the customer to confirm.
    Confirm,
    /// The resolution.
    Fix,
    Hold,
    // An agent, internal.
    Note,
    // The system, internal.
    Assigned,
    Reassigned,
    StatusChanged,
    PriorityChanged,
}

impl Step {
    fn is_customer(self) -> bool {
        matches!(self, Step::Original | Step::Nudge | Step::Answer | Step::Still | Step::Chase | Step::Thanks)
    }

    fn is_agent_public(self) -> bool {
        matches!(self, Step::Ack | Step::Ask | Step::Progress | Step::Confirm | Step::Fix | Step::Hold)
    }

    fn is_system(self) -> bool {
        matches!(self, Step::Assigned | Step::Reassigned | Step::StatusChanged | Step::PriorityChanged)
    }
}

/// The customer's natural reply to an agent's message.
fn reply_to(agent: Step) -> Step {
    match agent {
        Step::Ask => Step::Answer,
        Step::Confirm => Step::Still,
        Step::Fix => Step::Thanks,
        _ => Step::Chase,
    }
}

/// The public conversation for a final status (internal entries are added afterwards).
fn public_plan(kind: StatusKind, rng: &mut Rng) -> Vec<Step> {
    use Step::*;
    let mut p = Vec::with_capacity(MAX_MESSAGES);
    p.push(Original);
    match kind {
        StatusKind::New => {
            if rng.chance(15) {
                p.push(Nudge);
            }
        }
        StatusKind::Open => {
            if rng.chance(25) {
                if rng.chance(50) {
                    p.push(Nudge);
                }
            } else {
                let mut agent = if rng.chance(55) { Ask } else { Ack };
                p.push(agent);
                for _ in 0..rng.below(3) {
                    p.push(reply_to(agent));
                    agent = if rng.chance(50) { Ask } else { Confirm };
                    p.push(agent);
                }
                p.push(reply_to(agent));
            }
        }
        StatusKind::WaitingOnCustomer => {
            let mut agent = if rng.chance(60) { Ask } else { Confirm };
            p.push(agent);
            for _ in 0..rng.below(3) {
                p.push(reply_to(agent));
                agent = if rng.chance(50) { Ask } else { Confirm };
                p.push(agent);
            }
        }
        StatusKind::InProgress => {
            let mut agent = if rng.chance(60) { Ack } else { Ask };
            p.push(agent);
            for _ in 0..rng.below(3) {
                p.push(reply_to(agent));
                agent = Progress;
                p.push(agent);
            }
            if rng.chance(40) {
                p.push(reply_to(agent));
            }
        }
        StatusKind::OnHold => {
            if rng.chance(50) {
                p.push(Ask);
                p.push(Answer);
            } else {
                p.push(Ack);
            }
            p.push(Hold);
            if rng.chance(30) {
                p.push(Chase);
            }
        }
        StatusKind::Resolved | StatusKind::Closed => {
            if rng.chance(55) {
                p.push(Ask);
                p.push(Answer);
                if rng.chance(30) {
                    p.push(Confirm);
                    p.push(Still);
                }
            } else if rng.chance(35) {
                p.push(Ack);
            }
            p.push(Fix);
            if rng.chance(45) {
                p.push(Thanks);
            }
        }
    }
    p
}

/// Seconds between the previous entry and this one.
fn gap(step: Step, first_agent: bool, level: PriorityLevel, rng: &mut Rng) -> i64 {
    match step {
        Step::Original => 0,
        Step::Nudge => rng.span(3 * HOUR, 2 * DAY),
        Step::Thanks => rng.span(5 * MIN, DAY),
        s if s.is_customer() => rng.span(5 * MIN, 2 * DAY),
        s if s.is_agent_public() && first_agent => match level {
            PriorityLevel::Critical => rng.span(4 * MIN, HOUR),
            PriorityLevel::High => rng.span(10 * MIN, 4 * HOUR),
            PriorityLevel::Medium => rng.span(20 * MIN, 16 * HOUR),
            PriorityLevel::Low => rng.span(HOUR, 2 * DAY),
        },
        s if s.is_agent_public() => rng.span(15 * MIN, 36 * HOUR),
        Step::Note => rng.span(MIN, 4 * HOUR),
        _ => rng.span(20, 15 * MIN),
    }
}

struct World<'t> {
    tables: Tables<'t>,
    statuses: Vec<Status>,
    priorities: Vec<Priority>,
    departments: Vec<(Department, Area, &'t DepartmentTemplates)>,
    dept_weights: Vec<u64>,
    agents: Vec<Person>,
    customers: Vec<Customer<'t>>,
    sample: Customer<'t>,
}

impl<'t> World<'t> {
    fn new(t: &'t SeedTemplates) -> World<'t> {
        let vocab_statuses = vocabulary::statuses(Lang::Fa);
        let statuses = StatusKind::ALL
            .iter()
            .map(|&kind| {
                vocab_statuses.iter().find(|s| s.kind == kind).cloned().unwrap_or_else(|| Status {
                    key: kind.as_str().into(),
                    label: kind.as_str().into(),
                    kind,
                })
            })
            .collect();
        let vocab_priorities = vocabulary::priorities(Lang::Fa);
        let priorities = PriorityLevel::ALL
            .iter()
            .map(|&level| {
                vocab_priorities.iter().find(|p| p.level == level).cloned().unwrap_or_else(|| Priority {
                    key: level.as_str().into(),
                    label: level.as_str().into(),
                    level,
                })
            })
            .collect();
        let mut departments: Vec<(Department, Area, &DepartmentTemplates)> = vocabulary::departments(Lang::Fa)
            .into_iter()
            .map(|d| {
                let area = Area::of(&d.key);
                let content = t.departments.get(&d.key).unwrap_or(&NO_DEPARTMENT);
                (d, area, content)
            })
            .collect();
        if departments.is_empty() {
            departments.push((
                Department { key: "general".into(), label: "general".into() },
                Area::General,
                &NO_DEPARTMENT,
            ));
        }
        let dept_weights = departments.iter().map(|(_, a, _)| a.weight()).collect();
        let mut agents = vocabulary::agents();
        if agents.is_empty() {
            agents.push(Person { id: "1".into(), name: "agent".into(), email: None });
        }
        let tables = Tables::new(t);
        World {
            customers: customers(&tables),
            tables,
            statuses,
            priorities,
            departments,
            dept_weights,
            agents,
            sample: sample_customer(),
        }
    }

    fn status(&self, kind: StatusKind) -> &Status {
        let i = StatusKind::ALL.iter().position(|&k| k == kind).unwrap_or(0);
        &self.statuses[i]
    }

    /// An agent who usually works this department (sometimes anyone).
    fn agent_for(&self, area: Area, rng: &mut Rng) -> usize {
        if rng.chance(80) {
            let ids = area.agent_ids();
            let id = ids.get(rng.index(ids.len())).copied().unwrap_or_default();
            if let Some(i) = self.agents.iter().position(|a| a.id == id) {
                return i;
            }
        }
        rng.index(self.agents.len())
    }

    fn ticket(&self, id: u64, created: i64, anchor_s: i64, count: usize) -> TicketThread {
        let tables = &self.tables;
        let mut rng = Rng::new(SEED ^ id.wrapping_mul(0xD6E8_FEB8_6659_FD93));
        let age = anchor_s - created;
        // The portal's demo customer always has a recent ticket awaiting her reply.
        let featured = count >= 50 && id + 2 == count as u64;
        let customer = if featured || sample_slot(id) {
            &self.sample
        } else {
            // Half uniform, half skewed to the front of the pool: some customers come back often.
            let a = rng.index(self.customers.len());
            let b = if rng.chance(50) { rng.index(self.customers.len()) } else { a };
            self.customers.get(a.min(b)).unwrap_or(&self.sample)
        };

        let (department, area, content) = &self.departments[rng.weighted(&self.dept_weights)];
        let area = *area;
        let topic = content.topics.get(rng.index(content.topics.len())).unwrap_or(&NO_TOPIC);
        let level = PriorityLevel::ALL[rng.weighted(&[25, 45, 22, 8])];
        let priority = self.priorities[level as usize].clone();
        let kind = if featured { StatusKind::WaitingOnCustomer } else { status_for_age(age, &mut rng) };
        let status = self.status(kind).clone();

        let assignee = match kind {
            StatusKind::New if !rng.chance(20) => None,
            _ if rng.chance(10) => None,
            _ => Some(self.agent_for(area, &mut rng)),
        };
        // Who signs agent messages: the assignee, or whoever picked the ticket from the queue.
        let responder = assignee.unwrap_or_else(|| self.agent_for(area, &mut rng));
        let other = (responder + 1 + rng.index(self.agents.len().max(2) - 1)) % self.agents.len();

        // The thread: public conversation, then internal entries where there's room.
        let mut plan = public_plan(kind, &mut rng);
        let first_agent_pos = plan.iter().position(|s| s.is_agent_public());
        let reassigned = assignee.is_some() && first_agent_pos.is_some() && self.agents.len() > 1 && rng.chance(10);
        if let (true, Some(pos)) = (reassigned, first_agent_pos) {
            plan.insert(pos + 1, Step::Reassigned);
        }
        if assignee.is_some() && !reassigned && kind != StatusKind::New && rng.chance(20) {
            plan.insert(1, Step::Assigned);
        }
        if matches!(level, PriorityLevel::High | PriorityLevel::Critical)
            && kind != StatusKind::New
            && plan.len() < MAX_MESSAGES
            && rng.chance(10)
        {
            plan.insert(1, Step::PriorityChanged);
        }
        if kind == StatusKind::OnHold {
            if let Some(pos) = plan.iter().position(|&s| s == Step::Hold) {
                if plan.len() < MAX_MESSAGES {
                    plan.insert(pos + 1, Step::Note);
                }
                if plan.len() < MAX_MESSAGES && rng.chance(50) {
                    plan.insert(pos + 1, Step::StatusChanged);
                }
            }
        }
        if kind == StatusKind::InProgress && plan.len() < MAX_MESSAGES && rng.chance(25) {
            let pos = plan.iter().position(|s| s.is_agent_public()).map_or(1, |p| p + 1);
            plan.insert(pos, Step::StatusChanged);
        }
        if kind != StatusKind::New && plan.len() < MAX_MESSAGES && rng.chance(35) {
            let agent_positions: Vec<usize> =
                plan.iter().enumerate().filter(|(_, s)| s.is_agent_public()).map(|(i, _)| i).collect();
            let pos = if agent_positions.is_empty() {
                plan.len()
            } else {
                agent_positions.get(rng.index(agent_positions.len())).map_or(plan.len(), |p| p + 1)
            };
            plan.insert(pos, Step::Note);
        }
        plan.truncate(MAX_MESSAGES);

        // Timing: gaps, then squeeze into the time left before the anchor if need be.
        let mut gaps = Vec::with_capacity(plan.len());
        let mut seen_agent = false;
        for &step in &plan {
            let first = step.is_agent_public() && !seen_agent;
            seen_agent |= step.is_agent_public();
            gaps.push(gap(step, first, level, &mut rng));
        }
        let close_gap = match kind {
            StatusKind::Resolved => Some(rng.span(2 * MIN, 3 * HOUR)),
            StatusKind::Closed if rng.chance(50) => Some(rng.span(10 * MIN, 6 * HOUR)),
            StatusKind::Closed => Some(rng.span(2 * DAY, 7 * DAY)),
            _ => None,
        };
        let mut close_gap = close_gap.unwrap_or(0);
        let room = (anchor_s - 1 - created).max(0);
        let total: i64 = gaps.iter().sum::<i64>() + close_gap;
        if total > room {
            let budget = i128::from(room) * 9 / 10;
            let scale = |g: i64| -> i64 {
                if g == 0 {
                    0
                } else {
                    ((i128::from(g) * budget / i128::from(total)) as i64).max(1)
                }
            };
            for g in gaps.iter_mut() {
                *g = scale(*g);
            }
            close_gap = scale(close_gap);
        }

        // Messages.
        let vars = Vars::new(tables, &mut rng);
        let agent_name = |i: usize| self.agents[i].name.as_str();
        let first_agent = if reassigned { other } else { responder };
        let mut ctx = Ctx {
            tables,
            vars: &vars,
            customer,
            agent: agent_name(first_agent),
            other_agent: agent_name(other),
            from_agent: agent_name(first_agent),
            dept: &department.label,
            status: &status.label,
            priority: &priority.label,
            number: 10_000 + id,
            prev_number: 10_000 + id.saturating_sub(1 + rng.below(40)).max(1),
        };
        let mut messages = Vec::with_capacity(plan.len());
        let mut subject = String::new();
        let mut time = created;
        let mut agent_msgs = 0;
        let mut said = Said::default();
        // Every message is rendered here, then copied out at its exact size.
        let mut raw = String::with_capacity(1024);
        for (n, (&step, &g)) in plan.iter().zip(&gaps).enumerate() {
            time += g;
            let author_agent = if reassigned && agent_msgs == 0 { other } else { responder };
            ctx.agent = agent_name(author_agent);
            raw.clear();
            let mut text = None;
            let (author, visibility) = if step.is_customer() {
                match step {
                    Step::Original => {
                        subject = customer.style.apply(&original_subject(topic, &ctx, level, &mut rng));
                        original_body(&mut raw, topic, &ctx, level, &mut rng);
                    }
                    _ => {
                        ctx.render(&mut raw, rng.pick(tables.list(List::ReplyOpeners)));
                        let tpl = match step {
                            Step::Nudge => rng.pick(tables.list(List::Nudges)),
                            Step::Answer if !said.answered => {
                                said.answered = true;
                                &topic.answer
                            }
                            Step::Answer => rng.pick(tables.list(List::MoreAnswers)),
                            Step::Still => rng.pick(&content.stills),
                            Step::Thanks => rng.pick(tables.list(List::Thanks)),
                            _ => rng.pick(tables.list(List::Chases)),
                        };
                        ctx.render(&mut raw, tpl);
                    }
                }
                text = Some(customer.style.apply(&raw));
                let author = Author {
                    kind: AuthorKind::Customer,
                    name: customer.person.name.clone(),
                    id: Some(customer.person.id.clone()),
                };
                (author, Visibility::Public)
            } else if step.is_system() {
                ctx.agent = agent_name(responder);
                let tpl = tables.word(match step {
                    Step::Assigned => Word::Assigned,
                    Step::Reassigned => Word::Reassigned,
                    Step::StatusChanged => Word::StatusChanged,
                    _ => Word::PriorityChanged,
                });
                ctx.render(&mut raw, tpl);
                let author =
                    Author { kind: AuthorKind::System, name: tables.word(Word::SystemAuthor).into(), id: None };
                (author, Visibility::Internal)
            } else {
                if step == Step::Note {
                    let notes = if rng.chance(55) { &content.notes } else { tables.list(List::Notes) };
                    ctx.render(&mut raw, rng.pick(notes));
                } else {
                    agent_body(&mut raw, step, agent_msgs == 0, &mut said, topic, &ctx, &mut rng);
                    agent_msgs += 1;
                }
                let person = &self.agents[author_agent];
                let author = Author { kind: AuthorKind::Agent, name: person.name.clone(), id: Some(person.id.clone()) };
                let vis = if step == Step::Note { Visibility::Internal } else { Visibility::Public };
                (author, vis)
            };
            messages.push(Message {
                id: format!("{id}-{}", n + 1),
                author,
                visibility,
                body: Body::Text(text.unwrap_or_else(|| raw.as_str().to_owned())),
                created_at: at(time),
                attachments: Vec::new(),
            });
        }
        let last_t = time;
        let closed_at = (!kind.is_active()).then(|| last_t + close_gap.max(1));

        // Ticket fields derived from the thread.
        let public_time = |pred: &dyn Fn(Step) -> bool, last: bool| -> Option<i64> {
            let mut times =
                plan.iter().zip(&messages).filter(|(s, _)| pred(**s)).map(|(_, m)| m.created_at.timestamp());
            if last {
                times.last()
            } else {
                times.next()
            }
        };
        let first_response_at = public_time(&|s| s.is_agent_public(), false).map(at);
        let last_agent_reply_at = public_time(&|s| s.is_agent_public(), true).map(at);
        let last_customer_reply_at = public_time(&|s| s.is_customer(), true).map(at);
        let reply_count =
            plan.iter().filter(|s| s.is_customer() || s.is_agent_public()).count().saturating_sub(1) as u32;

        let custom_fields: BTreeMap<String, String> =
            topic.fields.iter().map(|(key, var)| (key.clone(), vars.field(var))).collect();
        let tags = pick_tags(tables, topic, level, kind, &mut rng);

        let ticket = Ticket {
            id,
            number: ticket_number(id),
            subject,
            status,
            priority,
            department: Some(department.clone()),
            assignee: assignee.map(|i| self.agents[i].clone()),
            customer: customer.person.clone(),
            tags,
            created_at: at(created),
            updated_at: at(closed_at.unwrap_or(last_t).max(last_t)),
            first_response_at,
            closed_at: closed_at.map(at),
            last_customer_reply_at,
            last_agent_reply_at,
            reply_count,
            custom_fields,
        };
        TicketThread { ticket, messages }
    }
}

/// Status weights (New, Open, InProgress, Waiting, OnHold, Resolved, Closed) by age.
fn status_for_age(age: i64, rng: &mut Rng) -> StatusKind {
    let weights: [u64; 7] = if age < DAY {
        [45, 20, 15, 8, 2, 9, 1]
    } else if age < 3 * DAY {
        [20, 20, 20, 15, 5, 17, 3]
    } else if age < 7 * DAY {
        [6, 15, 18, 18, 7, 28, 8]
    } else if age < 21 * DAY {
        [1, 6, 9, 12, 7, 40, 25]
    } else if age < 60 * DAY {
        [0, 1, 2, 2, 4, 45, 46]
    } else {
        [0, 0, 0, 1, 1, 30, 68]
    };
    StatusKind::ALL[rng.weighted(&weights)]
}

fn original_subject(topic: &Topic, ctx: &Ctx, level: PriorityLevel, rng: &mut Rng) -> String {
    let mut s = String::with_capacity(96);
    if level == PriorityLevel::Critical && rng.chance(25) {
        s.push_str(ctx.tables.word(Word::UrgentSubjectPrefix));
    }
    ctx.render(&mut s, rng.pick(&topic.subjects));
    s
}

fn original_body(out: &mut String, topic: &Topic, ctx: &Ctx, level: PriorityLevel, rng: &mut Rng) {
    if rng.chance(88) {
        ctx.render(out, rng.pick(ctx.list(List::Greetings)));
        out.push_str(if rng.chance(50) { "\n" } else { "،\n" });
    }
    ctx.render(out, rng.pick(&topic.leads));
    let mut added = 0;
    for (i, d) in topic.details.iter().enumerate() {
        let last_chance = added == 0 && i + 1 == topic.details.len();
        if last_chance || rng.chance(55) {
            push_sentence_break(out);
            ctx.render(out, d);
            added += 1;
        }
    }
    let urgent = match level {
        PriorityLevel::Critical if rng.chance(80) => Some(rng.pick(ctx.list(List::UrgentCritical))),
        PriorityLevel::High if rng.chance(40) => Some(rng.pick(ctx.list(List::UrgentHigh))),
        _ => None,
    };
    if let Some(u) = urgent {
        push_sentence_break(out);
        ctx.render(out, u);
    }
    out.push('\n');
    ctx.render(out, rng.pick(ctx.list(List::Closings)));
    if rng.chance(30) {
        out.push('\n');
        out.push_str(&ctx.customer.person.name);
    }
}

/// A space between sentences, or a line break after a pasted Latin error message or URL.
fn push_sentence_break(out: &mut String) {
    if out.chars().next_back().is_some_and(|c| c.is_ascii_alphanumeric() || c == '/') {
        out.push('\n');
    } else {
        out.push(' ');
    }
}

/// What a thread has already said, so the topic's own question, answer and fix come once.
#[derive(Default)]
struct Said {
    asked: bool,
    answered: bool,
    fixed: bool,
}

fn agent_body(out: &mut String, step: Step, first: bool, said: &mut Said, topic: &Topic, ctx: &Ctx, rng: &mut Rng) {
    let greeting = rng.pick(ctx.list(if first { List::AgentGreetings } else { List::AgentGreetingsAgain }));
    ctx.render(out, greeting);
    out.push_str("\n\n");
    match step {
        Step::Ack => ctx.render(out, rng.pick(ctx.list(List::Acks))),
        Step::Ask if !said.asked => {
            said.asked = true;
            let intro = if first { rng.pick(ctx.list(List::AskIntros)) } else { "" };
            if !intro.is_empty() {
                ctx.render(out, intro);
                out.push(' ');
            }
            ctx.render(out, &topic.ask);
        }
        Step::Ask => ctx.render(out, rng.pick(ctx.list(List::MoreAsks))),
        Step::Progress => ctx.render(out, rng.pick(ctx.list(List::Progress))),
        Step::Hold => ctx.render(out, rng.pick(ctx.list(List::Holds))),
        _ => {
            // Confirm or Fix: the topic's own fix the first time, a follow-up after that.
            if said.fixed {
                ctx.render(out, rng.pick(ctx.list(List::FollowUpFixes)));
            } else {
                ctx.render(out, &topic.fix);
                said.fixed = true;
            }
            let tail = rng.pick(ctx.list(if step == Step::Confirm { List::ConfirmTails } else { List::FixTails }));
            if !tail.is_empty() {
                out.push(' ');
                ctx.render(out, tail);
            }
        }
    }
    out.push_str("\n\n");
    ctx.render(out, rng.pick(ctx.list(List::SignOffs)));
    out.push('\n');
    out.push_str(ctx.agent);
    out.push('\n');
    ctx.render(out, ctx.tables.word(Word::Signature));
}

/// 0–3 distinct tags: some of the topic's, plus the urgent tag on urgent tickets.
fn pick_tags(tables: &Tables, topic: &Topic, level: PriorityLevel, kind: StatusKind, rng: &mut Rng) -> Vec<String> {
    let mut tags: Vec<String> = Vec::with_capacity(3);
    let untagged = if kind == StatusKind::New { 55 } else { 12 };
    if rng.chance(untagged) {
        return tags;
    }
    let add = |tag: &str, tags: &mut Vec<String>| {
        if tags.len() < 3 && !tag.is_empty() && !tags.iter().any(|x| x == tag) {
            tags.push(tag.to_owned());
        }
    };
    let high = matches!(level, PriorityLevel::High | PriorityLevel::Critical);
    let urgent_tag = tables.word(Word::UrgentTag);
    let urgent = match level {
        PriorityLevel::Critical => rng.chance(60),
        PriorityLevel::High => rng.chance(15),
        _ => false,
    };
    for (i, tag) in topic.tags.iter().enumerate() {
        if (i == 0 && rng.chance(85)) || (i > 0 && rng.chance(60)) {
            if tag == urgent_tag && !high {
                continue;
            }
            add(tag, &mut tags);
        }
    }
    if urgent {
        add(urgent_tag, &mut tags);
    }
    if rng.chance(4) {
        add(tables.word(Word::VipTag), &mut tags);
    }
    tags
}

#[cfg(test)]
mod tests {
    use std::collections::{BTreeMap, HashSet};

    use chrono::{Datelike, TimeZone, Timelike};
    use serde_json::{json, Value};

    use super::*;

    const SEED_FA: &str = include_str!("../../../public/demo/seed-fa.json");

    /// The real content file, parsed once.
    fn templates() -> &'static SeedTemplates {
        static TEMPLATES: std::sync::OnceLock<SeedTemplates> = std::sync::OnceLock::new();
        TEMPLATES.get_or_init(|| parse_templates(SEED_FA).unwrap_or_else(|e| panic!("{e}")))
    }

    fn anchor() -> DateTime<Utc> {
        Utc.with_ymd_and_hms(2025, 3, 10, 9, 30, 0).single().expect("valid anchor")
    }

    fn tehran(t: DateTime<Utc>) -> DateTime<chrono::FixedOffset> {
        t.with_timezone(&chrono::FixedOffset::east_opt(TEHRAN as i32).expect("offset"))
    }

    fn is_agent_public(m: &Message) -> bool {
        m.author.kind == AuthorKind::Agent && m.visibility == Visibility::Public
    }

    fn is_customer(m: &Message) -> bool {
        m.author.kind == AuthorKind::Customer
    }

    /// Every per-ticket invariant of the brief.
    fn check(seed: &[TicketThread], anchor: DateTime<Utc>) {
        let agents = vocabulary::agents();
        let mut message_ids = HashSet::new();
        let mut prev_created = None;
        for (i, th) in seed.iter().enumerate() {
            let t = &th.ticket;
            let ctx = format!("ticket {} ({:?})", t.id, t.status.kind);
            assert_eq!(t.id, i as u64 + 1, "{ctx}");
            assert_eq!(t.number, ticket_number(t.id), "{ctx}");
            assert!(prev_created.is_none_or(|p| p < t.created_at), "{ctx}: created_at must ascend");
            prev_created = Some(t.created_at);
            assert!(t.created_at < anchor && t.created_at >= anchor - chrono::Duration::days(366), "{ctx}");

            // Thread shape.
            let ms = &th.messages;
            assert!(!ms.is_empty() && ms.len() <= MAX_MESSAGES, "{ctx}: {} messages", ms.len());
            let first = &ms[0];
            assert!(is_customer(first) && first.visibility == Visibility::Public, "{ctx}");
            assert_eq!(first.created_at, t.created_at, "{ctx}");
            assert_eq!(first.author.name, t.customer.name, "{ctx}");
            for w in ms.windows(2) {
                assert!(w[0].created_at < w[1].created_at, "{ctx}: messages out of order");
            }
            for (n, m) in ms.iter().enumerate() {
                assert_eq!(m.id, format!("{}-{}", t.id, n + 1), "{ctx}");
                assert!(message_ids.insert(m.id.clone()), "{ctx}: duplicate message id");
                assert!(m.created_at < anchor, "{ctx}: message at/after anchor");
                assert!(m.attachments.is_empty());
                let Body::Text(text) = &m.body else { panic!("{ctx}: body must be text") };
                assert!(!text.trim().is_empty(), "{ctx}");
                assert!(!text.contains('{') && !text.contains('}'), "{ctx}: unfilled placeholder in {text}");
                assert!(!text.contains("پیوست"), "{ctx}: mentions an attachment it doesn't have");
                match m.author.kind {
                    AuthorKind::Customer => {
                        assert_eq!(m.visibility, Visibility::Public, "{ctx}");
                        assert_eq!(m.author.id.as_ref(), Some(&t.customer.id), "{ctx}");
                    }
                    AuthorKind::Agent => {
                        assert!(agents.iter().any(|a| a.name == m.author.name), "{ctx}");
                        if m.visibility == Visibility::Public {
                            assert!(text.contains(&m.author.name), "{ctx}: agent reply must be signed");
                        }
                    }
                    AuthorKind::System => assert_eq!(m.visibility, Visibility::Internal, "{ctx}"),
                }
            }
            assert!(!t.subject.contains('{') && !t.subject.trim().is_empty(), "{ctx}");

            // Status ↔ thread.
            let public: Vec<&Message> = ms.iter().filter(|m| m.visibility == Visibility::Public).collect();
            let last_public = public.last().expect("original is public");
            let agent_replies = public.iter().filter(|m| is_agent_public(m)).count();
            match t.status.kind {
                StatusKind::New => assert_eq!(agent_replies, 0, "{ctx}"),
                StatusKind::WaitingOnCustomer => assert!(is_agent_public(last_public), "{ctx}"),
                StatusKind::Open => assert!(is_customer(last_public), "{ctx}"),
                StatusKind::Resolved | StatusKind::Closed => assert!(agent_replies >= 1, "{ctx}"),
                _ => {}
            }
            let last_msg = ms.last().expect("non-empty").created_at;
            if t.status.kind.is_active() {
                assert_eq!(t.closed_at, None, "{ctx}");
                assert_eq!(t.updated_at, last_msg, "{ctx}");
            } else {
                let closed = t.closed_at.expect("closed_at set");
                assert!(closed > last_msg && closed < anchor, "{ctx}");
                assert_eq!(t.updated_at, closed, "{ctx}");
            }
            assert!(t.updated_at < anchor, "{ctx}");

            // Derived fields.
            assert_eq!(t.first_response_at, public.iter().find(|m| is_agent_public(m)).map(|m| m.created_at), "{ctx}");
            assert_eq!(
                t.last_agent_reply_at,
                public.iter().rev().find(|m| is_agent_public(m)).map(|m| m.created_at),
                "{ctx}"
            );
            assert_eq!(
                t.last_customer_reply_at,
                public.iter().rev().find(|m| is_customer(m)).map(|m| m.created_at),
                "{ctx}"
            );
            assert_eq!(t.reply_count as usize, public.len() - 1, "{ctx}");

            // Vocabulary, tags, assignee.
            assert_eq!(vocabulary::status(&t.status.key, Lang::Fa).as_ref(), Some(&t.status), "{ctx}");
            assert_eq!(vocabulary::priority(&t.priority.key, Lang::Fa).as_ref(), Some(&t.priority), "{ctx}");
            let dep = t.department.as_ref().expect("department");
            assert_eq!(vocabulary::department(&dep.key, Lang::Fa).as_ref(), Some(dep), "{ctx}");
            if let Some(a) = &t.assignee {
                assert_eq!(vocabulary::agent(&a.id).as_ref(), Some(a), "{ctx}");
            }
            assert!(t.tags.len() <= 3, "{ctx}");
            assert_eq!(t.tags.iter().collect::<HashSet<_>>().len(), t.tags.len(), "{ctx}: duplicate tag");
        }
    }

    #[test]
    fn empty_and_tiny_counts() {
        assert!(generate(0, anchor(), templates()).is_empty());
        for n in [1, 2, 7, 49, 50, 51] {
            let seed = generate(n, anchor(), templates());
            assert_eq!(seed.len(), n);
            check(&seed, anchor());
        }
    }

    #[test]
    fn ticket_numbers() {
        assert_eq!(ticket_number(1), "10001");
        assert_eq!(ticket_number(300), "10300");
        assert_eq!(ticket_number(u64::MAX), u64::MAX.to_string());
    }

    #[test]
    fn deterministic() {
        assert_eq!(generate(300, anchor(), templates()), generate(300, anchor(), templates()));
        let other = anchor() + chrono::Duration::hours(5);
        assert_ne!(generate(300, anchor(), templates()), generate(300, other, templates()));
    }

    #[test]
    fn invariants_on_300() {
        let seed = generate(300, anchor(), templates());
        check(&seed, anchor());

        let kinds: HashSet<_> = seed.iter().map(|t| t.ticket.status.kind).collect();
        assert_eq!(kinds.len(), StatusKind::ALL.len(), "statuses: {kinds:?}");
        let levels: HashSet<_> = seed.iter().map(|t| t.ticket.priority.level).collect();
        assert_eq!(levels.len(), PriorityLevel::ALL.len());
        let deps: HashSet<_> =
            seed.iter().filter_map(|t| t.ticket.department.as_ref().map(|d| d.key.clone())).collect();
        assert_eq!(deps.len(), vocabulary::departments(Lang::Fa).len());

        let subjects: HashSet<_> = seed.iter().map(|t| t.ticket.subject.as_str()).collect();
        assert!(subjects.len() >= 60, "only {} distinct subjects", subjects.len());

        let sample = seed.iter().filter(|t| t.ticket.customer.email.as_deref() == Some(SAMPLE_CUSTOMER.1)).count();
        assert!(sample >= 5, "sample customer has {sample} tickets");
        assert!(seed.iter().filter(|t| t.ticket.customer.email.as_deref() == Some(SAMPLE_CUSTOMER.1)).all(|t| t
            .ticket
            .customer
            .name
            == SAMPLE_CUSTOMER.0));

        // Internal notes, system messages, assignment and custom fields all show up.
        let all: Vec<&Message> = seed.iter().flat_map(|t| &t.messages).collect();
        assert!(all.iter().any(|m| m.author.kind == AuthorKind::Agent && m.visibility == Visibility::Internal));
        assert!(all.iter().any(|m| m.author.kind == AuthorKind::System));
        assert!(seed.iter().any(|t| t.ticket.assignee.is_none() && t.ticket.status.kind != StatusKind::New));
        assert!(seed.iter().any(|t| t.ticket.custom_fields.contains_key("order_number")));
        assert!(seed.iter().any(|t| t.messages.len() >= 6));
    }

    #[test]
    fn sample_customer_in_small_seeds() {
        for n in [50, 60, 120] {
            let seed = generate(n, anchor(), templates());
            let mine: Vec<_> =
                seed.iter().filter(|t| t.ticket.customer.email.as_deref() == Some(SAMPLE_CUSTOMER.1)).collect();
            assert!(mine.len() >= 3, "{n}: {}", mine.len());
            assert!(mine.iter().any(|t| t.ticket.status.kind == StatusKind::WaitingOnCustomer), "{n}");
        }
    }

    #[test]
    fn customers_are_distinct_and_plausible() {
        let pool = customers(&Tables::new(templates()));
        assert_eq!(pool.len(), CUSTOMER_COUNT);
        let names: HashSet<_> = pool.iter().map(|c| c.person.name.as_str()).collect();
        let emails: HashSet<_> = pool.iter().filter_map(|c| c.person.email.as_deref()).collect();
        assert_eq!(names.len(), CUSTOMER_COUNT);
        assert_eq!(emails.len(), CUSTOMER_COUNT);
        assert!(!names.contains(SAMPLE_CUSTOMER.0));
        assert!(!emails.contains(SAMPLE_CUSTOMER.1));
        assert!(emails.iter().any(|e| e.ends_with("@gmail.com")));
        assert!(emails.iter().any(|e| e.ends_with("@yahoo.com")));
        assert!(emails.iter().all(|e| e.is_ascii() && crate::domain::person::is_plausible_email(e)));
    }

    #[test]
    fn mixed_real_world_typing() {
        let seed = generate(300, anchor(), templates());
        let texts: Vec<&str> =
            seed.iter().flat_map(|t| t.messages.iter().filter(|m| is_customer(m)).map(|m| m.body.raw())).collect();
        let any = |f: &dyn Fn(&str) -> bool| texts.iter().any(|t| f(t));
        assert!(any(&|t| t.contains('ي') || t.contains('ك')), "Arabic letters");
        assert!(any(&|t| t.contains("می\u{200c}")), "proper ZWNJ");
        assert!(any(&|t| t.contains("میخواهم") || t.contains("میکنم") || t.contains("میشود")), "joined");
        assert!(any(&|t| t.contains("می خواهم") || t.contains("می کنم") || t.contains("می شود")), "spaced");
        assert!(any(&|t| t.chars().any(|c| ('۰'..='۹').contains(&c))), "Persian digits");
        assert!(any(&|t| t.chars().any(|c| ('٠'..='٩').contains(&c))), "Arabic-Indic digits");
        assert!(any(&|t| t.contains("0 تومان")), "ASCII digits in amounts");
        assert!(any(&|t| t.contains(",000 تومان")) && any(&|t| t.contains("0000 تومان")), "with/without separators");
        assert!(any(&|t| t.contains("http") || t.contains("Error") || t.contains("ERR_")), "Latin");
        assert!(texts.iter().all(|t| t.split_whitespace().count() >= 2));
        // Agents write standard Persian.
        let agent_texts = seed.iter().flat_map(|t| t.messages.iter().filter(|m| is_agent_public(m)));
        for m in agent_texts {
            assert!(!m.body.raw().contains('ي') && !m.body.raw().contains('ك'), "{}", m.id);
        }
    }

    #[test]
    fn large_seed() {
        let start = std::time::Instant::now();
        let seed = generate(10_000, anchor(), templates());
        let elapsed = start.elapsed();
        eprintln!("generate(10_000): {elapsed:?}");
        assert_eq!(seed.len(), 10_000);
        check(&seed, anchor());
        assert!(elapsed.as_secs_f64() < 10.0, "{elapsed:?}");

        let n = seed.len() as f64;
        let share = |f: &dyn Fn(&Ticket) -> bool| seed.iter().filter(|t| f(&t.ticket)).count() as f64 / n;
        for (level, want) in [
            (PriorityLevel::Low, 0.25),
            (PriorityLevel::Medium, 0.45),
            (PriorityLevel::High, 0.22),
            (PriorityLevel::Critical, 0.08),
        ] {
            let got = share(&|t| t.priority.level == level);
            assert!((got - want).abs() < 0.03, "{level:?}: {got}");
        }
        let old: Vec<&Ticket> =
            seed.iter().map(|t| &t.ticket).filter(|t| anchor() - t.created_at > chrono::Duration::days(21)).collect();
        let old_done = old.iter().filter(|t| !t.status.kind.is_active()).count() as f64 / old.len() as f64;
        assert!(old_done > 0.85, "old resolved/closed share {old_done}");
        let recent: Vec<&Ticket> =
            seed.iter().map(|t| &t.ticket).filter(|t| anchor() - t.created_at < chrono::Duration::days(7)).collect();
        let recent_active = recent.iter().filter(|t| t.status.kind.is_active()).count() as f64 / recent.len() as f64;
        assert!(recent_active > 0.5, "recent active share {recent_active}");

        // Tehran working hours, Saturday–Wednesday heavy, Friday rare.
        let working = share(&|t| (8..18).contains(&tehran(t.created_at).hour()));
        assert!(working > 0.7, "working hours share {working}");
        let friday = share(&|t| tehran(t.created_at).weekday() == chrono::Weekday::Fri);
        let thursday = share(&|t| tehran(t.created_at).weekday() == chrono::Weekday::Thu);
        let saturday = share(&|t| tehran(t.created_at).weekday() == chrono::Weekday::Sat);
        assert!(friday < 0.04 && friday < thursday && thursday < saturday, "{friday} {thursday} {saturday}");

        // Assignment.
        let new: Vec<&Ticket> = seed.iter().map(|t| &t.ticket).filter(|t| t.status.kind == StatusKind::New).collect();
        let new_unassigned = new.iter().filter(|t| t.assignee.is_none()).count() as f64 / new.len() as f64;
        assert!(new_unassigned > 0.65, "{new_unassigned}");
        let others_unassigned = share(&|t| t.status.kind != StatusKind::New && t.assignee.is_none());
        assert!(others_unassigned > 0.05 && others_unassigned < 0.15, "{others_unassigned}");

        // About 120 customers, some returning; the sample customer about 1 in 60.
        let customers: HashSet<_> = seed.iter().map(|t| t.ticket.customer.id.as_str()).collect();
        assert!((110..=121).contains(&customers.len()), "{}", customers.len());
        let sample = share(&|t| t.customer.email.as_deref() == Some(SAMPLE_CUSTOMER.1));
        assert!((0.012..0.025).contains(&sample), "{sample}");

        let subjects: HashSet<_> = seed.iter().map(|t| t.ticket.subject.as_str()).collect();
        assert!(subjects.len() > 1_000, "{}", subjects.len());
    }

    #[test]
    fn huge_seed_does_not_panic() {
        let seed = generate(50_000, anchor(), templates());
        assert_eq!(seed.len(), 50_000);
        assert!(seed.windows(2).all(|w| w[0].ticket.created_at < w[1].ticket.created_at));
        assert!(seed.iter().all(|t| t.ticket.updated_at < anchor()));
    }

    #[test]
    fn odd_anchors() {
        // Sub-second anchors and the epoch still keep everything strictly before the anchor.
        for a in [anchor() + chrono::Duration::nanoseconds(123_456_789), DateTime::<Utc>::UNIX_EPOCH] {
            let seed = generate(300, a, templates());
            check(&seed, a);
        }
    }

    /// Not a check: prints the distributions (`cargo test -- --ignored --nocapture`).
    #[test]
    #[ignore]
    fn report_distributions() {
        for n in [300, 10_000] {
            let seed = generate(n, anchor(), templates());
            let mut by: BTreeMap<String, usize> = BTreeMap::new();
            for t in &seed {
                *by.entry(format!("status {}", t.ticket.status.key)).or_default() += 1;
                *by.entry(format!("priority {}", t.ticket.priority.key)).or_default() += 1;
                if let Some(d) = &t.ticket.department {
                    *by.entry(format!("department {}", d.key)).or_default() += 1;
                }
                *by.entry(format!("messages {}", t.messages.len())).or_default() += 1;
            }
            let subjects: HashSet<_> = seed.iter().map(|t| t.ticket.subject.as_str()).collect();
            let customers: HashSet<_> = seed.iter().map(|t| t.ticket.customer.id.as_str()).collect();
            let sample = seed.iter().filter(|t| t.ticket.customer.email.as_deref() == Some(SAMPLE_CUSTOMER.1)).count();
            eprintln!("== {n} tickets: {} subjects, {} customers, sample {sample}", subjects.len(), customers.len());
            for (k, v) in by {
                eprintln!("{k:<28} {v:>6} {:>5.1}%", v as f64 * 100.0 / n as f64);
            }
        }
        let seed = generate(300, anchor(), templates());
        for t in seed.iter().rev().take(3) {
            eprintln!("\n#{} {} [{}] {:?}", t.ticket.number, t.ticket.subject, t.ticket.status.label, t.ticket.tags);
            for m in &t.messages {
                eprintln!("--- {} {:?} {:?} {}\n{}", m.id, m.author.kind, m.visibility, m.created_at, m.body.raw());
            }
        }
    }

    // ---- The content file ----

    fn real_json() -> Value {
        serde_json::from_str(SEED_FA).expect("the content file is JSON")
    }

    fn set(v: &mut Value, pointer: &str, to: Value) {
        *v.pointer_mut(pointer).unwrap_or_else(|| panic!("no {pointer}")) = to;
    }

    fn remove(v: &mut Value, pointer: &str, key: &str) {
        v.pointer_mut(pointer).and_then(Value::as_object_mut).and_then(|o| o.remove(key)).expect(key);
    }

    /// The error for `v`, which must be rejected.
    fn rejected(v: &Value) -> String {
        match parse_templates(&v.to_string()) {
            Ok(_) => panic!("accepted"),
            Err(e) => {
                assert!(e.starts_with("seed templates: "), "{e}");
                e
            }
        }
    }

    #[test]
    fn content_file_is_plain_utf8() {
        assert!(!SEED_FA.contains("\\u"), "no \\u escapes");
        assert!(SEED_FA.contains("می\u{200c}"), "real ZWNJ characters");
        let v = real_json();
        assert_eq!(v["departments"].as_object().map(|d| d.len()), Some(vocabulary::DEPARTMENTS.len()));
        // The file holds exactly the tables the generator knows.
        let keys = |table: &str| v[table].as_object().map(|o| o.keys().cloned().collect::<HashSet<_>>());
        assert_eq!(keys("lists"), Some(LISTS.iter().map(|(k, _)| (*k).to_owned()).collect()));
        assert_eq!(keys("words"), Some(WORDS.iter().map(|(k, _)| (*k).to_owned()).collect()));
    }

    #[test]
    fn rejects_malformed_json() {
        for bad in ["", "{", "[]", "null", "{\"lists\": {}", "{\"lists\": 3}"] {
            let e = parse_templates(bad).err().unwrap_or_else(|| panic!("accepted {bad:?}"));
            assert!(e.starts_with("seed templates: "), "{e}");
        }
        let truncated: String = SEED_FA.lines().take(120).collect::<Vec<_>>().join("\n");
        let e = parse_templates(&truncated).expect_err("truncated file rejected");
        assert!(e.contains("line"), "{e}");
        let mut v = real_json();
        set(&mut v, "/lists/plans", json!("طلایی"));
        let e = rejected(&v);
        assert!(e.contains("invalid type"), "{e}");
    }

    #[test]
    fn rejects_unknown_and_missing_fields() {
        for (pointer, field, want) in [
            ("", "colour", "unknown field `colour`"),
            ("/departments/billing", "faq", "unknown field `faq`"),
            ("/departments/billing/topics/0", "summary", "unknown field `summary`"),
            ("/lists", "customer_thank", "lists.customer_thank is not a known list"),
            ("/words", "signature", "words.signature is not a known word"),
            ("/departments", "legal", "departments.legal is not a vocabulary department"),
        ] {
            let mut v = real_json();
            let to = match pointer {
                "/departments" => v["departments"]["general"].clone(),
                "/words" => json!("واژه"),
                _ => json!([]),
            };
            v.pointer_mut(pointer).and_then(Value::as_object_mut).expect(pointer).insert(field.into(), to);
            let e = rejected(&v);
            assert!(e.contains(want), "{e}");
        }
        for (pointer, key, want) in [
            ("", "words", "missing field `words`"),
            ("/departments/billing/topics/0", "fix", "missing field `fix`"),
            ("/lists", "cities", "lists.cities is missing"),
            ("/words", "vip_tag", "words.vip_tag is missing"),
            ("/departments", "sales", "departments.sales is missing"),
        ] {
            let mut v = real_json();
            remove(&mut v, pointer, key);
            let e = rejected(&v);
            assert!(e.contains(want), "{e}");
        }
    }

    #[test]
    fn rejects_empty_lists_naming_the_field() {
        for (pointer, field) in [
            ("/lists/female_first_names", "lists.female_first_names"),
            ("/lists/cities", "lists.cities"),
            ("/lists/plans", "lists.plans"),
            ("/lists/http_errors", "lists.http_errors"),
            ("/lists/customer_nudges", "lists.customer_nudges"),
            ("/lists/customer_reply_openers", "lists.customer_reply_openers"),
            ("/lists/agent_sign_offs", "lists.agent_sign_offs"),
            ("/lists/notes", "lists.notes"),
            ("/departments/technical/stills", "departments.technical.stills"),
            ("/departments/billing/topics", "departments.billing.topics"),
            ("/departments/sales/topics/0/subjects", "departments.sales.topics[0].subjects"),
            ("/departments/general/topics/2/leads", "departments.general.topics[2].leads"),
        ] {
            let mut v = real_json();
            set(&mut v, pointer, json!([]));
            let e = rejected(&v);
            assert!(e.contains(&format!("{field} is empty")), "{pointer}: {e}");
        }
        // Every problem is reported, not just the first.
        let mut v = real_json();
        set(&mut v, "/lists/cities", json!([]));
        set(&mut v, "/lists/coupons", json!([]));
        let e = rejected(&v);
        assert!(e.contains("lists.cities is empty") && e.contains("lists.coupons is empty"), "{e}");
    }

    #[test]
    fn rejects_broken_texts_naming_the_field() {
        for (pointer, to, want) in [
            (
                "/departments/billing/topics/0/leads/0",
                "سفارش {ordr}",
                "departments.billing.topics[0].leads[0] uses an unknown placeholder {ordr}",
            ),
            ("/lists/whens/0", "از {when}", "lists.whens[0] may not use {when} inside a when"),
            ("/lists/customer_thanks/0", "ممنون {order", "lists.customer_thanks[0] has an unclosed '{'"),
            ("/lists/agent_acks/1", "بررسی} شد", "lists.agent_acks[1] has a '}' without '{'"),
            ("/words/system_assigned", "به {agnt}", "words.system_assigned uses an unknown placeholder {agnt}"),
            ("/lists/companies/0", "{company}", "lists.companies[0] is a value and may not contain braces"),
            ("/departments/sales/topics/0/tags/0", "{x}", "departments.sales.topics[0].tags[0] is a value"),
            ("/lists/female_first_names/0", "زهرا", "lists.female_first_names[0] must be a name, a space and"),
            ("/lists/last_names/3", "احمدی احمدی", "lists.last_names[3] must be a name, a space and"),
            ("/lists/domains/0", "نارنج.ir", "lists.domains[0] must be ASCII"),
            ("/lists/http_errors/1", "Bad Gateway", "lists.http_errors[1] must start with a 3-digit status code"),
            (
                "/departments/billing/topics/0/fields/order_number",
                "orderz",
                "departments.billing.topics[0].fields.order_number names no known variable",
            ),
            ("/departments/sales/topics/1/ask", "  ", "departments.sales.topics[1].ask is empty"),
            ("/lists/customer_greetings/0", "", "lists.customer_greetings[0] is empty"),
            ("/words/urgent_tag", "", "words.urgent_tag is empty"),
        ] {
            let mut v = real_json();
            set(&mut v, pointer, json!(to));
            let e = rejected(&v);
            assert!(e.contains(want), "{pointer}: {e}");
        }
    }

    /// The smallest valid content: one entry in every list, built from the tables so it
    /// keeps up with them.
    fn minimal_json() -> Value {
        let sample = |usage: Use, key: &str| -> &'static str {
            match usage {
                _ if key == "honorific_female" => "خانم",
                Use::Name if key.starts_with("female") => "زهرا zahra",
                Use::Name if key.starts_with("male") => "علی ali",
                Use::Name => "رضایی rezaei",
                Use::Domain => "narenj.ir",
                Use::HttpError => "502 Bad Gateway",
                Use::Value => "مقدار",
                Use::Text => "متن {order} برای {hon} از {agent}",
                Use::OptionalText => "",
                Use::When => "از ساعت {hour}",
            }
        };
        let lists: serde_json::Map<String, Value> =
            LISTS.iter().map(|(k, u)| ((*k).to_owned(), json!([sample(*u, k)]))).collect();
        let words: serde_json::Map<String, Value> =
            WORDS.iter().map(|(k, u)| ((*k).to_owned(), json!(sample(*u, k)))).collect();
        let topic = json!({
            "subjects": ["مشکل {product}"], "leads": ["{when} سایت {domain} باز نمی‌شود."], "details": ["خطا: {http_error}"],
            "ask": "نسخه {app}؟", "answer": "{version}", "fix": "درست شد.", "tags": ["فوری"], "fields": {"order_number": "order"},
        });
        let dept = json!({"stills": ["هنوز نه."], "notes": ["یادداشت {n}."], "topics": [topic]});
        let departments: serde_json::Map<String, Value> =
            vocabulary::DEPARTMENTS.iter().map(|(k, _, _)| ((*k).to_owned(), dept.clone())).collect();
        json!({"lists": lists, "words": words, "departments": departments})
    }

    #[test]
    fn minimal_templates_generate() {
        let t = parse_templates(&minimal_json().to_string()).unwrap_or_else(|e| panic!("{e}"));
        for n in [0, 1, 300] {
            let seed = generate(n, anchor(), &t);
            assert_eq!(seed.len(), n);
            check(&seed, anchor());
        }
    }

    /// Empties every list and every string below `v`.
    fn hollow(v: &mut Value) {
        match v {
            Value::Array(a) => a.clear(),
            Value::String(s) => s.clear(),
            Value::Object(o) => o.values_mut().for_each(hollow),
            _ => {}
        }
    }

    #[test]
    fn unchecked_templates_never_panic() {
        // Deserialized directly, bypassing parse_templates: nothing to pick from anywhere.
        let mut hollow_all = minimal_json();
        hollow(&mut hollow_all);
        let mut no_tables = hollow_all.clone();
        no_tables["lists"] = json!({});
        no_tables["words"] = json!({});
        no_tables["departments"] = json!({});
        let mut when_loop = minimal_json();
        when_loop["lists"]["whens"] = json!(["{when} و {when}"]);
        let mut odd = minimal_json();
        odd["lists"]["http_errors"] = json!(["خطا"]);
        odd["lists"]["female_first_names"] = json!(["بی‌نام"]);
        odd["lists"]["male_first_names"] = json!([]);
        for v in [hollow_all, no_tables, when_loop, odd] {
            let t: SeedTemplates = serde_json::from_value(v).expect("right shape");
            for n in [0, 1, 60, 300] {
                assert_eq!(generate(n, anchor(), &t).len(), n);
            }
        }
    }

    #[test]
    fn every_placeholder_renders() {
        let t = parse_templates(&minimal_json().to_string()).unwrap_or_else(|e| panic!("{e}"));
        let tables = Tables::new(&t);
        let vars = Vars::new(&tables, &mut Rng::new(1));
        let customer = sample_customer();
        let ctx = Ctx {
            tables: &tables,
            vars: &vars,
            customer: &customer,
            agent: "سارا احمدی",
            other_agent: "رضا کریمی",
            from_agent: "مریم حسینی",
            dept: "فنی",
            status: "باز",
            priority: "زیاد",
            number: 10_001,
            prev_number: 10_000,
        };
        for name in PLACEHOLDERS {
            let mut out = String::new();
            ctx.render(&mut out, &format!("«{{{name}}}»"));
            assert!(out.len() > "«»".len() && !out.contains(['{', '}']), "{{{name}}} gave {out}");
        }
        let mut out = String::new();
        ctx.render(&mut out, "{nope} {hon}");
        assert_eq!(out, "{nope} خانم کاظمی");
        for names in [
            LISTS.iter().map(|(k, _)| *k).collect::<Vec<_>>(),
            WORDS.iter().map(|(k, _)| *k).collect(),
            PLACEHOLDERS.to_vec(),
        ] {
            assert_eq!(names.iter().collect::<HashSet<_>>().len(), names.len(), "duplicate in {names:?}");
        }
    }
}
