//! Deterministic demo data for the in-browser backend: realistic Persian helpdesk tickets,
//! each with a thread consistent with its status.
//!
//! The same `(count, anchor)` always yields the same tickets: a small SplitMix64 generator
//! with fixed seeds, no global state. Creation times are drawn for the whole seed (so they
//! depend on `count`); everything else about a ticket comes from a generator seeded by its id.
//!
//! Customers type the way real customers do: some with Arabic ي/ك, some without ZWNJ
//! (میخواهم) or with a space instead (می خواهم), with Persian, ASCII or Arabic-Indic digits,
//! sometimes with Latin error messages and URLs. Agents write standard Persian.

use std::collections::BTreeMap;
use std::fmt::Write as _;

use chrono::{DateTime, Utc};

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

/// Tickets `1..=count`, oldest first, each with its thread (oldest message first).
pub fn generate(count: usize, anchor: DateTime<Utc>) -> Vec<TicketThread> {
    if count == 0 {
        return Vec::new();
    }
    let anchor_s = anchor.timestamp();
    let world = World::new();
    let times = creation_times(count, anchor_s);
    times.iter().enumerate().map(|(i, &created)| world.ticket(i as u64 + 1, created, anchor_s, count)).collect()
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

    /// An element of a non-empty slice.
    fn pick<T: Copy>(&mut self, xs: &[T]) -> T {
        xs[self.index(xs.len())]
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

/// (Persian, Latin, female)
const FIRST_NAMES: [(&str, &str, bool); 40] = [
    ("زهرا", "zahra", true),
    ("علی", "ali", false),
    ("فاطمه", "fatemeh", true),
    ("محمد", "mohammad", false),
    ("مریم", "maryam", true),
    ("حسین", "hossein", false),
    ("سارا", "sara", true),
    ("رضا", "reza", false),
    ("نرگس", "narges", true),
    ("مهدی", "mahdi", false),
    ("لیلا", "leila", true),
    ("امیر", "amir", false),
    ("الهام", "elham", true),
    ("سعید", "saeed", false),
    ("مهسا", "mahsa", true),
    ("حامد", "hamed", false),
    ("نیلوفر", "niloufar", true),
    ("مجید", "majid", false),
    ("شیرین", "shirin", true),
    ("پویا", "pouya", false),
    ("پریسا", "parisa", true),
    ("بابک", "babak", false),
    ("سمیرا", "samira", true),
    ("کاوه", "kaveh", false),
    ("آزاده", "azadeh", true),
    ("آرش", "arash", false),
    ("مینا", "mina", true),
    ("میلاد", "milad", false),
    ("فرشته", "fereshteh", true),
    ("فرهاد", "farhad", false),
    ("هانیه", "hanieh", true),
    ("بهنام", "behnam", false),
    ("ستاره", "setareh", true),
    ("یوسف", "yousef", false),
    ("یاسمن", "yasaman", true),
    ("امید", "omid", false),
    ("کیمیا", "kimia", true),
    ("سینا", "sina", false),
    ("بهاره", "bahareh", true),
    ("داریوش", "dariush", false),
];

const LAST_NAMES: [(&str, &str); 30] = [
    ("رضایی", "rezaei"),
    ("محمدی", "mohammadi"),
    ("حسینی", "hosseini"),
    ("احمدی", "ahmadi"),
    ("کریمی", "karimi"),
    ("موسوی", "mousavi"),
    ("جعفری", "jafari"),
    ("صادقی", "sadeghi"),
    ("رحیمی", "rahimi"),
    ("نوری", "nouri"),
    ("قاسمی", "ghasemi"),
    ("عباسی", "abbasi"),
    ("طاهری", "taheri"),
    ("یزدانی", "yazdani"),
    ("شریفی", "sharifi"),
    ("زارعی", "zarei"),
    ("فراهانی", "farahani"),
    ("کاظمی", "kazemi"),
    ("بهرامی", "bahrami"),
    ("اکبری", "akbari"),
    ("نجفی", "najafi"),
    ("سلیمانی", "soleimani"),
    ("امینی", "amini"),
    ("توکلی", "tavakoli"),
    ("شجاعی", "shojaei"),
    ("مرادی", "moradi"),
    ("حیدری", "heidari"),
    ("کرمانی", "kermani"),
    ("اصفهانی", "esfahani"),
    ("تهرانی", "tehrani"),
];

const CUSTOMER_COUNT: usize = 120;

struct Customer {
    person: Person,
    last: &'static str,
    first_lat: &'static str,
    last_lat: &'static str,
    female: bool,
    style: Style,
}

fn customers() -> Vec<Customer> {
    (0..CUSTOMER_COUNT)
        .map(|i| {
            let (first, first_lat, female) = FIRST_NAMES[i % FIRST_NAMES.len()];
            // Distinct (first, last) pairs for i < 120; زهرا کاظمی never comes up.
            let (last, last_lat) = LAST_NAMES[(7 * i + 3 * (i / FIRST_NAMES.len())) % LAST_NAMES.len()];
            let mut rng = Rng::new(SEED ^ 0xC057_0000 ^ i as u64);
            let email = match rng.weighted(&[62, 18, 12, 8]) {
                0 => format!("{first_lat}.{last_lat}@example.ir"),
                1 => format!("{first_lat}{last_lat}{}@gmail.com", rng.between(10, 99)),
                2 => format!("{first_lat}_{last_lat}@yahoo.com"),
                _ => format!("{first_lat}.{last_lat}@example.com"),
            };
            Customer {
                person: Person { id: format!("c{}", 1001 + i), name: format!("{first} {last}"), email: Some(email) },
                last,
                first_lat,
                last_lat,
                female,
                style: Style::random(&mut rng),
            }
        })
        .collect()
}

fn sample_customer() -> Customer {
    Customer {
        person: Person { id: "c1000".into(), name: SAMPLE_CUSTOMER.0.into(), email: Some(SAMPLE_CUSTOMER.1.into()) },
        last: "کاظمی",
        first_lat: "zahra",
        last_lat: "kazemi",
        female: true,
        style: Style::STANDARD,
    }
}

/// Whether the sample customer owns ticket `id` (about one in sixty, three in the first 50).
fn sample_slot(id: u64) -> bool {
    id % 60 == 7 || id == 23 || id == 41
}

// ---------------------------------------------------------------------------------------
// Content
// ---------------------------------------------------------------------------------------

/// A kind of request: what the customer writes, what the agent asks and how it is fixed.
/// `{name}` placeholders are filled from the ticket's variables.
struct Topic {
    subjects: &'static [&'static str],
    /// One of these opens the customer's message…
    leads: &'static [&'static str],
    /// …followed by some of these, in order.
    details: &'static [&'static str],
    /// The agent's first question.
    ask: &'static str,
    /// The customer's answer to it.
    answer: &'static str,
    /// The agent's resolution.
    fix: &'static str,
    tags: &'static [&'static str],
    /// Custom fields (key, variable) recorded on the ticket.
    fields: &'static [(&'static str, &'static str)],
}

const TECHNICAL: &[Topic] = &[
    Topic {
        subjects: &["مشکل ورود به پنل کاربری", "نمی‌توانم وارد حساب کاربری‌ام شوم", "خطای رمز عبور نادرست هنگام ورود به {app}"],
        leads: &[
            "{when} نمی‌توانم وارد پنل کاربری شوم و با اینکه رمز عبورم را درست وارد می‌کنم، پیغام «نام کاربری یا رمز عبور اشتباه است» نمایش داده می‌شود.",
            "می‌خواهم وارد {app} شوم ولی بعد از زدن دکمه ورود دوباره به صفحه ورود برمی‌گردم.",
        ],
        details: &[
            "رمز را یک بار هم بازنشانی کردم ولی فرقی نکرد.",
            "با مرورگر {browser} و در حالت ناشناس هم امتحان کردم.",
            "ایمیل حساب من {email} است.",
        ],
        ask: "لطفاً بفرمایید آیا ورود دومرحله‌ای روی حساب شما فعال است و پیغام خطا دقیقاً در چه مرحله‌ای نمایش داده می‌شود؟",
        answer: "ورود دومرحله‌ای فعال نیست. خطا بلافاصله بعد از زدن دکمه ورود نمایش داده می‌شود.",
        fix: "حساب شما به دلیل چند تلاش ناموفق به‌طور موقت قفل شده بود که باز شد. اکنون می‌توانید با رمز فعلی وارد شوید.",
        tags: &["ورود", "حساب کاربری"],
        fields: &[],
    },
    Topic {
        subjects: &["سایت {domain} از دسترس خارج شده", "سایت بالا نمی‌آید - خطای {code}", "قطعی کامل سایت {domain}"],
        leads: &[
            "سایت ما به آدرس {domain} {when} باز نمی‌شود و خطای {code} می‌دهد.",
            "{when} سایت {domain} به‌طور کامل از دسترس خارج شده است.",
        ],
        details: &[
            "مشتریان ما نمی‌توانند سفارش ثبت کنند و هر دقیقه قطعی برای ما ضرر دارد.",
            "پیغامی که مرورگر نشان می‌دهد: {http_error}",
            "هیچ تغییری هم در فایل‌ها یا تنظیمات نداده‌ایم.",
        ],
        ask: "لطفاً بفرمایید آخرین تغییری که روی سایت یا افزونه‌ها انجام شده چه بوده است؟",
        answer: "دیروز فقط یک افزونه را به‌روزرسانی کردیم، غیر از آن تغییری نداشتیم.",
        fix: "سرویس وب‌سرور روی سرور میزبان شما متوقف شده بود که دوباره راه‌اندازی شد و سایت اکنون در دسترس است. علت ریشه‌ای را هم بررسی می‌کنیم تا تکرار نشود.",
        tags: &["هاست", "قطعی", "فوری"],
        fields: &[("domain", "domain")],
    },
    Topic {
        subjects: &["خطای گواهی SSL روی {domain}", "مرورگر سایت را ناامن نشان می‌دهد", "گواهی SSL تمدید نشده است"],
        leads: &[
            "{when} مرورگر هنگام باز کردن {domain} هشدار «اتصال شما خصوصی نیست» می‌دهد.",
            "گواهی SSL سایت {domain} منقضی شده در حالی که تمدید خودکار فعال بود.",
        ],
        details: &[
            "کد خطا در {browser}: NET::ERR_CERT_DATE_INVALID",
            "بازدیدکننده‌ها با دیدن این هشدار از سایت خارج می‌شوند.",
            "آدرس https://{domain}/ را که باز می‌کنم همین هشدار می‌آید.",
        ],
        ask: "لطفاً بفرمایید دامنه از طریق DNS ما مدیریت می‌شود یا رکوردها را جای دیگری تنظیم کرده‌اید؟",
        answer: "رکوردها را چند وقت پیش به Cloudflare منتقل کردیم.",
        fix: "گواهی SSL دامنه شما دوباره صادر و نصب شد. تمدید خودکار آن هم بررسی و اصلاح شد.",
        tags: &["SSL", "دامنه"],
        fields: &[("domain", "domain")],
    },
    Topic {
        subjects: &["ایمیل‌ها به صندوق ورودی نمی‌رسد", "عدم دریافت ایمیل تأیید ثبت‌نام", "ایمیل‌های ارسالی برگشت می‌خورد"],
        leads: &[
            "{when} ایمیل‌هایی که به آدرس‌های دامنه {domain} ارسال می‌شود به دست ما نمی‌رسد.",
            "مشتریان ما ایمیل تأیید ثبت‌نام سایت {domain} را دریافت نمی‌کنند.",
        ],
        details: &[
            "ایمیل‌های ارسالی ما هم با این پیغام برگشت می‌خورد: 550 5.7.1 Message rejected as spam",
            "پوشه اسپم را هم بررسی کردم و چیزی آنجا نیست.",
            "حدود {n} نفر از همکاران ما با این مشکل مواجه هستند.",
        ],
        ask: "لطفاً یک نمونه از ایمیل برگشتی را به‌همراه هدر کامل آن برای ما ارسال کنید.",
        answer: "هدر ایمیل برگشتی را به ایمیل پشتیبانی فرستادم؛ متن خطا همان است که قبلاً نوشتم.",
        fix: "رکورد SPF دامنه شما ناقص بود و باعث رد شدن ایمیل‌ها می‌شد. رکوردهای SPF و DKIM اصلاح شد؛ لطفاً تا یک ساعت دیگر دوباره امتحان کنید.",
        tags: &["ایمیل", "دامنه"],
        fields: &[("domain", "domain")],
    },
    Topic {
        subjects: &["اپلیکیشن بعد از به‌روزرسانی بسته می‌شود", "کرش کردن {app} هنگام باز شدن", "برنامه روی {os} اجرا نمی‌شود"],
        leads: &[
            "بعد از آخرین به‌روزرسانی، {app} به محض باز شدن بسته می‌شود.",
            "{app} {when} موقع ورود به صفحه سفارش‌ها کرش می‌کند.",
        ],
        details: &[
            "دستگاه من {os} است و برنامه را حذف و دوباره نصب کردم ولی درست نشد.",
            "یک بار این پیغام را دیدم: java.lang.NullPointerException",
            "تا قبل از آپدیت هیچ مشکلی نداشت.",
        ],
        ask: "لطفاً نسخه برنامه را از بخش «درباره ما» داخل اپلیکیشن برای ما ارسال کنید.",
        answer: "نسخه برنامه {version} است.",
        fix: "این مشکل در نسخه جدید اپلیکیشن برطرف شده است. لطفاً برنامه را از فروشگاه به‌روزرسانی کنید.",
        tags: &["اپلیکیشن", "باگ"],
        fields: &[],
    },
    Topic {
        subjects: &["خطای {code} در API سفارش‌ها", "وب‌سرویس پاسخ خطا برمی‌گرداند", "API Error 500 هنگام ثبت سفارش"],
        leads: &[
            "{when} درخواست‌هایی که به API شما می‌فرستیم با خطای {code} برمی‌گردند.",
            "وب‌سرویس ثبت سفارش به‌صورت تصادفی خطای {code} برمی‌گرداند.",
        ],
        details: &[
            "آدرس: POST https://api.{domain}/v2/orders",
            "پاسخ سرور: HTTP {code_en} Internal Server Error (request_id: 7f3a9c2e)",
            "این مشکل باعث شده حدود {n} سفارش در صف بماند.",
        ],
        ask: "لطفاً شناسه درخواست (request_id) و زمان دقیق چند نمونه از درخواست‌های ناموفق را ارسال کنید.",
        answer: "دو نمونه: request_id=7f3a9c2e و request_id=b81d04aa، هر دو حدود ساعت {hour}.",
        fix: "خطا ناشی از تغییر در اعتبارسنجی فیلد آدرس بود که برطرف شد. درخواست‌های شما اکنون باید بدون خطا پردازش شوند.",
        tags: &["API", "باگ"],
        fields: &[],
    },
    Topic {
        subjects: &["کندی شدید سایت", "سرعت پایین {product}", "زمان بارگذاری صفحات خیلی زیاد شده"],
        leads: &[
            "سایت {domain} چند روزی است که خیلی کند باز می‌شود و گاهی بارگذاری صفحه تا {n} ثانیه طول می‌کشد.",
            "{when} سرعت سایت به‌شدت پایین آمده است.",
        ],
        details: &[
            "در ابزار GTmetrix زمان پاسخ سرور (TTFB) خیلی بالاست.",
            "ترافیک سایت هم تغییر خاصی نکرده است.",
            "آیا سرور شما مشکلی دارد یا باید پلن را ارتقا بدهم؟",
        ],
        ask: "لطفاً بفرمایید کندی در همه صفحات است یا فقط صفحات خاصی مثل صفحه محصولات؟",
        answer: "بیشتر در صفحه فروشگاه و صفحه محصولات است، صفحه اصلی کمی بهتر است.",
        fix: "مصرف منابع هاست شما به دلیل یک افزونه کش ناسازگار بالا رفته بود. افزونه غیرفعال و کش سمت سرور فعال شد؛ زمان پاسخ اکنون به حالت عادی برگشته است.",
        tags: &["هاست", "کندی"],
        fields: &[("domain", "domain")],
    },
    Topic {
        subjects: &["دامنه {domain} به هاست متصل نمی‌شود", "تنظیم DNS دامنه جدید"],
        leads: &["دامنه {domain} را خریدم و نیم‌سرورها را روی ns1 و ns2 شما تنظیم کردم ولی هنوز سایت بالا نمی‌آید."],
        details: &[
            "وقتی ping می‌گیرم آی‌پی قبلی را نشان می‌دهد.",
            "از تنظیم نیم‌سرورها حدود {n} ساعت گذشته است.",
            "آیا باید کار دیگری هم انجام بدهم؟",
        ],
        ask: "لطفاً بفرمایید دامنه را از کدام شرکت ثبت کرده‌اید تا وضعیت نیم‌سرورها را بررسی کنیم.",
        answer: "دامنه را از ایرنیک ثبت کرده‌ام.",
        fix: "نیم‌سرورها درست تنظیم شده‌اند و دامنه در ناحیه DNS ما ثبت شد. انتشار تغییرات ممکن است تا ۲۴ ساعت طول بکشد.",
        tags: &["دامنه", "هاست"],
        fields: &[("domain", "domain")],
    },
    Topic {
        subjects: &["Error establishing a database connection", "خطای اتصال به پایگاه داده در وردپرس"],
        leads: &["سایت وردپرسی ما روی {domain} به‌جای صفحه اصلی فقط پیغام Error establishing a database connection را نشان می‌دهد."],
        details: &["فایل wp-config.php را تغییر نداده‌ام.", "پنل هاست هم کمی دیر باز می‌شود.", "این مشکل {when} شروع شده است."],
        ask: "لطفاً بفرمایید اخیراً رمز کاربر پایگاه داده را در پنل هاست تغییر داده‌اید؟",
        answer: "بله، فکر می‌کنم همکارم هفته پیش رمزها را عوض کرده است.",
        fix: "رمز کاربر پایگاه داده با مقدار تنظیم‌شده در wp-config.php یکسان نبود. اصلاح شد و سایت بالا آمد.",
        tags: &["هاست", "پایگاه داده"],
        fields: &[("domain", "domain")],
    },
    Topic {
        subjects: &["خطا در آپلود فایل‌های حجیم", "محدودیت حجم آپلود در پنل"],
        leads: &["وقتی می‌خواهم فایلی بزرگ‌تر از {mb} مگابایت را آپلود کنم خطای 413 Request Entity Too Large می‌گیرم."],
        details: &["برای کار ما آپلود فایل‌های ویدئویی ضروری است.", "آیا امکان افزایش این محدودیت وجود دارد؟"],
        ask: "لطفاً بفرمایید این فایل‌ها را از طریق وردپرس آپلود می‌کنید یا از مدیریت فایل پنل هاست؟",
        answer: "از طریق بخش رسانه وردپرس آپلود می‌کنم.",
        fix: "محدودیت upload_max_filesize و post_max_size برای هاست شما به ۲۵۶ مگابایت افزایش یافت.",
        tags: &["هاست"],
        fields: &[],
    },
    Topic {
        subjects: &["درخواست بازگردانی نسخه پشتیبان", "فایل‌های سایت پاک شده، بک‌آپ می‌خواهم"],
        leads: &["به اشتباه بخشی از فایل‌های سایت {domain} را حذف کردم."],
        details: &["لطفاً نسخه پشتیبان دیروز را بازگردانی کنید.", "پایگاه داده نیازی به بازگردانی ندارد، فقط فایل‌ها."],
        ask: "لطفاً تاریخ نسخه‌ای که مد نظرتان است را اعلام کنید؛ نسخه‌های پشتیبان هفت روز گذشته موجود است.",
        answer: "نسخه دو روز پیش کافی است.",
        fix: "نسخه پشتیبان درخواستی بازگردانی شد. لطفاً سایت را بررسی کنید و در صورت وجود مشکل اطلاع دهید.",
        tags: &["هاست", "پشتیبان‌گیری"],
        fields: &[("domain", "domain")],
    },
    Topic {
        subjects: &["کد تأیید پیامکی دریافت نمی‌شود", "پیامک رمز یک‌بارمصرف نمی‌آید"],
        leads: &["هنگام ورود، کد تأیید به شماره موبایل من ارسال نمی‌شود."],
        details: &[
            "چند بار دکمه ارسال مجدد را زدم و هر بار {n} ثانیه صبر کردم.",
            "پیامک‌های بانک و سرویس‌های دیگر را بدون مشکل دریافت می‌کنم.",
        ],
        ask: "لطفاً چهار رقم آخر شماره موبایل ثبت‌شده و اپراتور خود را اعلام کنید.",
        answer: "شماره من به {card4} ختم می‌شود و اپراتورم همراه اول است.",
        fix: "شماره شما به‌اشتباه در فهرست مسدودی سامانه پیامک قرار گرفته بود که خارج شد. اکنون کد تأیید باید بدون مشکل ارسال شود.",
        tags: &["ورود", "پیامک"],
        fields: &[],
    },
    Topic {
        subjects: &["خطا در اتصال درگاه پرداخت به فروشگاه", "بعد از پرداخت به سایت برنمی‌گردد"],
        leads: &["مشتریان ما بعد از پرداخت موفق به سایت برنمی‌گردند و سفارش در وضعیت «در انتظار پرداخت» می‌ماند."],
        details: &["در لاگ افزونه این خطا ثبت شده: cURL error 28: Operation timed out", "این مشکل {when} شروع شده است."],
        ask: "لطفاً آدرس بازگشت (callback) تنظیم‌شده در افزونه درگاه را برای ما بفرستید.",
        answer: "آدرس بازگشت https://{domain}/checkout/verify است.",
        fix: "دسترسی خروجی سرور به آدرس درگاه مسدود شده بود که باز شد. تراکنش‌های جدید اکنون درست تأیید می‌شوند.",
        tags: &["درگاه پرداخت", "باگ"],
        fields: &[("domain", "domain")],
    },
    Topic {
        subjects: &["تنظیم ایمیل سازمانی در Outlook", "اتصال ایمیل به گوشی انجام نمی‌شود"],
        leads: &["می‌خواهم ایمیل سازمانی {email_work} را روی Outlook و گوشی تنظیم کنم ولی خطای احراز هویت می‌گیرم."],
        details: &["تنظیمات IMAP و SMTP را از راهنمای سایت برداشتم.", "در وب‌میل بدون مشکل وارد می‌شوم."],
        ask: "لطفاً بفرمایید از پورت ۹۹۳ با SSL استفاده می‌کنید یا پورت ۱۴۳؟",
        answer: "فکر می‌کنم پورت را اشتباه زده بودم، الان ۹۹۳ را امتحان می‌کنم.",
        fix: "تنظیمات درست: سرور IMAP mail.{domain} با پورت ۹۹۳ و SSL، و سرور SMTP با پورت ۴۶۵. با این تنظیمات اتصال برقرار می‌شود.",
        tags: &["ایمیل"],
        fields: &[],
    },
    Topic {
        subjects: &["دکمه ذخیره در پنل کار نمی‌کند", "باگ در صفحه تنظیمات پنل"],
        leads: &["در صفحه تنظیمات پنل وقتی روی دکمه ذخیره کلیک می‌کنم هیچ اتفاقی نمی‌افتد."],
        details: &[
            "در کنسول مرورگر این خطا دیده می‌شود: Uncaught TypeError: Cannot read properties of undefined (reading 'id')",
            "با {browser} و یک مرورگر دیگر هم تست کردم.",
        ],
        ask: "لطفاً نسخه مرورگر و یک تصویر از خطای کنسول ارسال کنید.",
        answer: "مرورگرم آخرین نسخه است و خطای کنسول همان است که نوشتم.",
        fix: "این باگ در نسخه جدید پنل برطرف شد. لطفاً صفحه را با Ctrl+F5 دوباره بارگذاری کنید.",
        tags: &["باگ", "پنل"],
        fields: &[],
    },
    Topic {
        subjects: &["احتمال هک شدن سایت", "سایت به یک سایت دیگر ریدایرکت می‌شود"],
        leads: &["بعضی از بازدیدکنندگان گزارش داده‌اند که سایت {domain} آن‌ها را به یک سایت ناشناس منتقل می‌کند."],
        details: &["در فایل index.php کدی دیدم که خودم اضافه نکرده‌ام.", "لطفاً هرچه سریع‌تر بررسی کنید."],
        ask: "لطفاً بفرمایید آخرین بار چه زمانی رمز پنل هاست و مدیر وردپرس را تغییر داده‌اید؟",
        answer: "رمزها را همان روز عوض کردم.",
        fix: "فایل‌های آلوده پاک‌سازی شدند و سایت از نسخه پشتیبان سالم بازگردانی شد. لطفاً افزونه‌ها و قالب را به‌روزرسانی و رمزها را عوض کنید.",
        tags: &["امنیت", "فوری"],
        fields: &[("domain", "domain")],
    },
    Topic {
        subjects: &["فضای دیسک سرور مجازی پر شده", "سرور مجازی پاسخ نمی‌دهد"],
        leads: &["سرور مجازی ما {when} در دسترس نیست و از طریق کنسول هم پاسخ نمی‌دهد."],
        details: &["آخرین پیغامی که دیدم No space left on device بود.", "سرویس‌های اصلی شرکت روی همین سرور اجرا می‌شوند."],
        ask: "لطفاً اجازه دهید سرور در حالت Rescue راه‌اندازی شود تا فایل‌های لاگ بررسی شوند.",
        answer: "بله، مشکلی نیست. لطفاً انجام دهید.",
        fix: "فایل‌های لاگ قدیمی که فضای دیسک را پر کرده بودند پاک شدند و چرخش خودکار لاگ‌ها فعال شد. سرور دوباره در دسترس است.",
        tags: &["سرور مجازی"],
        fields: &[],
    },
];

const BILLING: &[Topic] = &[
    Topic {
        subjects: &["درخواست فاکتور رسمی برای سفارش {order}", "فاکتور خرید {product} را می‌خواهم", "صدور فاکتور رسمی"],
        leads: &[
            "برای سفارش شماره {order} به فاکتور رسمی با نام شرکت نیاز داریم.",
            "برای خرید {product} (سفارش {order}) فاکتور رسمی لازم داریم.",
        ],
        details: &["مبلغ سفارش {amount} تومان بوده است.", "لطفاً فاکتور را به ایمیل {email} ارسال کنید."],
        ask: "لطفاً نام شرکت، شناسه ملی و کد اقتصادی را برای صدور فاکتور رسمی ارسال کنید.",
        answer: "نام شرکت: {company}، شناسه ملی: {national_id}، کد اقتصادی هم همین شماره است.",
        fix: "فاکتور رسمی سفارش {order} صادر و به ایمیل شما ارسال شد. نسخه آن در بخش «صورت‌حساب‌ها» پنل هم در دسترس است.",
        tags: &["فاکتور"],
        fields: &[("order_number", "order")],
    },
    Topic {
        subjects: &["درخواست بازپرداخت وجه سفارش {order}", "استرداد وجه", "لغو سفارش و برگشت پول"],
        leads: &[
            "سفارش {order} را لغو کردم و درخواست بازگشت مبلغ {amount} تومان را دارم.",
            "سرویس {product} را به اشتباه خریدم و می‌خواهم پولم برگردد.",
        ],
        details: &[
            "پرداخت با کارت منتهی به {card4} انجام شده بود.",
            "طبق قوانین سایت تا هفت روز امکان انصراف وجود دارد.",
            "از سرویس هیچ استفاده‌ای نکرده‌ام.",
        ],
        ask: "لطفاً شماره شبای حساب به نام صاحب کارت را برای واریز ارسال کنید.",
        answer: "شماره شبا را فرستادم، حساب به نام خودم است.",
        fix: "مبلغ {amount} تومان به حساب شما بازگردانده شد و ظرف ۷۲ ساعت کاری واریز می‌شود.",
        tags: &["بازپرداخت"],
        fields: &[("order_number", "order")],
    },
    Topic {
        subjects: &["مبلغ دو بار از حسابم کسر شده", "پرداخت تکراری برای سفارش {order}", "کسر دوباره وجه"],
        leads: &["هنگام پرداخت سفارش {order} صفحه درگاه خطا داد و دوباره پرداخت کردم؛ حالا مبلغ {amount} تومان دو بار از حسابم کم شده است."],
        details: &["پیامک بانک هر دو کسر را نشان می‌دهد.", "لطفاً مبلغ اضافه را برگردانید.", "کد رهگیری: {trace}"],
        ask: "لطفاً کد رهگیری هر دو تراکنش یا تصویر پیامک بانک را ارسال کنید.",
        answer: "کد رهگیری تراکنش اول {trace} است؛ تصویر پیامک هر دو کسر را هم ایمیل کردم.",
        fix: "تراکنش دوم تأیید نشده بود و مبلغ آن به‌طور خودکار ظرف ۷۲ ساعت از سوی بانک به حساب شما برمی‌گردد.",
        tags: &["پرداخت", "بازپرداخت"],
        fields: &[("order_number", "order")],
    },
    Topic {
        subjects: &["پرداخت انجام شده ولی سرویس فعال نشده", "ارسال رسید پرداخت", "تمدید {product} ثبت نشد"],
        leads: &["مبلغ {amount} تومان برای تمدید {product} پرداخت کردم ولی سرویس هنوز در وضعیت «منتظر پرداخت» است."],
        details: &["کد رهگیری پرداخت: {trace}", "لطفاً رسید پرداخت را هم برایم ارسال کنید."],
        ask: "لطفاً تاریخ و ساعت دقیق تراکنش را اعلام کنید تا در گزارش درگاه پیگیری کنیم.",
        answer: "پرداخت دیروز حدود ساعت {hour} انجام شد.",
        fix: "پرداخت شما تأیید شد، سرویس تمدید شد و رسید پرداخت به ایمیل شما ارسال شد.",
        tags: &["پرداخت", "تمدید"],
        fields: &[("order_number", "order")],
    },
    Topic {
        subjects: &["فاکتور با مالیات بر ارزش افزوده", "ارزش افزوده در فاکتور {invoice} محاسبه نشده"],
        leads: &["در فاکتور شماره {invoice} مبلغ مالیات بر ارزش افزوده محاسبه نشده است."],
        details: &[
            "شرکت ما مشمول ارزش افزوده است و برای ثبت در سامانه مودیان به فاکتور رسمی نیاز داریم.",
            "لطفاً فاکتور اصلاح‌شده را ارسال کنید.",
        ],
        ask: "لطفاً کد اقتصادی و شناسه ملی شرکت را برای درج در فاکتور ارسال کنید.",
        answer: "شناسه ملی شرکت {national_id} است و کد اقتصادی هم همین شماره است.",
        fix: "فاکتور {invoice} با احتساب مالیات بر ارزش افزوده اصلاح و در سامانه مودیان ثبت شد.",
        tags: &["فاکتور", "مالیات"],
        fields: &[("invoice_number", "invoice")],
    },
    Topic {
        subjects: &["امکان پرداخت اقساطی پلن {plan}", "خرید اقساطی سرویس", "پرداخت قسطی {product}"],
        leads: &["می‌خواستم بدانم امکان پرداخت اقساطی برای پلن {plan} سالانه وجود دارد؟"],
        details: &["مبلغ یکجا {amount} تومان برای ما زیاد است.", "ترجیح ما پرداخت در سه یا چهار قسط است."],
        ask: "لطفاً بفرمایید ترجیح می‌دهید اقساط ماهانه باشد یا سه‌ماهه؟",
        answer: "اقساط ماهانه برای ما بهتر است.",
        fix: "پرداخت اقساطی چهار قسطی برای پلن {plan} روی حساب شما فعال شد. قسط اول در پنل قابل پرداخت است.",
        tags: &["اقساط"],
        fields: &[],
    },
    Topic {
        subjects: &["کسر هزینه تمدید خودکار بدون اطلاع", "تمدید خودکار {product} را نمی‌خواستم"],
        leads: &[
            "امروز دیدم مبلغ {amount} تومان بابت تمدید خودکار {product} از کیف پول حسابم کسر شده است.",
            "سرویس {product} را دیگر استفاده نمی‌کنیم ولی باز هم تمدید شده است.",
        ],
        details: &[
            "هیچ ایمیل یا پیامکی قبل از تمدید دریافت نکردم.",
            "لطفاً تمدید را لغو و مبلغ را برگردانید.",
            "تمدید خودکار را هم برای همیشه غیرفعال کنید.",
        ],
        ask: "لطفاً تأیید کنید که سرویس {product} پس از لغو تمدید به‌طور کامل حذف شود؛ اطلاعات آن قابل بازیابی نخواهد بود.",
        answer: "بله، تأیید می‌کنم. اطلاعاتش را لازم نداریم.",
        fix: "تمدید سرویس لغو شد و مبلغ {amount} تومان به کیف پول حساب شما بازگشت. تمدید خودکار هم غیرفعال شد.",
        tags: &["تمدید", "بازپرداخت"],
        fields: &[],
    },
    Topic {
        subjects: &["شارژ کیف پول انجام نشد", "مبلغ پرداختی به اعتبار حساب اضافه نشده"],
        leads: &["مبلغ {amount} تومان برای افزایش اعتبار کیف پول پرداخت کردم و از حسابم کسر شد، ولی موجودی کیف پول تغییری نکرده است."],
        details: &["کد رهگیری: {trace}", "پرداخت با کارت منتهی به {card4} انجام شد.", "حدود {n} دقیقه صبر کردم و صفحه را هم به‌روز کردم."],
        ask: "لطفاً تاریخ و ساعت دقیق تراکنش را اعلام کنید تا در گزارش درگاه پیگیری کنیم.",
        answer: "پرداخت دیروز حدود ساعت {hour} انجام شد.",
        fix: "تراکنش شما در گزارش درگاه تأیید شد و مبلغ {amount} تومان به‌صورت دستی به کیف پول شما اضافه شد.",
        tags: &["پرداخت", "کیف پول"],
        fields: &[],
    },
    Topic {
        subjects: &["مغایرت مبلغ فاکتور با قیمت سایت", "اشتباه در مبلغ فاکتور {invoice}"],
        leads: &["مبلغ فاکتور شماره {invoice} با قیمتی که در سایت اعلام شده بود فرق دارد."],
        details: &["در سایت قیمت {product} کمتر درج شده بود.", "لطفاً فاکتور را اصلاح کنید یا علت اختلاف را توضیح دهید."],
        ask: "لطفاً تصویر صفحه قیمت‌ها را که هنگام خرید دیده‌اید ارسال کنید.",
        answer: "بله، در صفحه قیمت‌ها مبلغ کمتری نوشته شده بود؛ تصویرش را ایمیل کردم.",
        fix: "اختلاف مربوط به ارزش افزوده بود که در سایت جداگانه نمایش داده می‌شود. جزئیات محاسبه در فاکتور اصلاح‌شده درج و برای شما ارسال شد.",
        tags: &["فاکتور"],
        fields: &[("invoice_number", "invoice")],
    },
    Topic {
        subjects: &["تغییر نام خریدار در فاکتورها", "ویرایش اطلاعات صورت‌حساب"],
        leads: &["لطفاً از این به بعد فاکتورها به نام شرکت صادر شود، نه به نام شخص من."],
        details: &["شرکت ما به‌تازگی ثبت شده است.", "اگر امکان دارد فاکتورهای سه ماه اخیر را هم اصلاح کنید."],
        ask: "لطفاً نام ثبتی شرکت، شناسه ملی و کد اقتصادی را ارسال کنید.",
        answer: "نام ثبتی: شرکت {company}، شناسه ملی: {national_id}.",
        fix: "اطلاعات صورت‌حساب به نام شرکت شما تغییر کرد و فاکتورهای بعدی با این مشخصات صادر می‌شوند.",
        tags: &["فاکتور", "حساب کاربری"],
        fields: &[],
    },
];

const SALES: &[Topic] = &[
    Topic {
        subjects: &["ارتقای پلن از {plan_from} به {plan}", "درخواست ارتقای سرویس {product}", "ارتقا به پلن {plan}"],
        leads: &[
            "در حال حاضر از پلن {plan_from} استفاده می‌کنیم و می‌خواهیم به پلن {plan} ارتقا بدهیم.",
            "منابع پلن فعلی‌مان ({plan_from}) دیگر جوابگوی ترافیک سایت نیست و قصد ارتقا داریم.",
        ],
        details: &[
            "آیا مبلغ باقی‌مانده از دوره فعلی در هزینه ارتقا حساب می‌شود؟",
            "لطفاً بفرمایید در زمان ارتقا سایت قطع می‌شود یا نه.",
            "ترجیح می‌دهیم پرداخت سالانه باشد.",
        ],
        ask: "لطفاً بفرمایید ارتقا برای کدام سرویس انجام شود و دوره پرداخت ماهانه باشد یا سالانه؟",
        answer: "برای همان سرویس {product} و دوره سالانه.",
        fix: "پیش‌فاکتور ارتقا به پلن {plan} در پنل شما صادر شد. مبلغ باقی‌مانده دوره فعلی از آن کسر شده و پس از پرداخت، ارتقا بدون قطعی انجام می‌شود.",
        tags: &["ارتقا"],
        fields: &[("requested_plan", "plan")],
    },
    Topic {
        subjects: &["استعلام قیمت {product}", "قیمت پلن {plan} برای {n} کاربر", "هزینه تمدید سالانه چقدر است؟"],
        leads: &[
            "می‌خواستم قیمت به‌روز {product} را بدانم.",
            "برای شرکتمان با حدود {n} کاربر دنبال سرویس مناسب هستیم و قیمت پلن {plan} را می‌خواستیم.",
        ],
        details: &[
            "آیا قیمت‌های سایت شامل مالیات بر ارزش افزوده هست؟",
            "برای خرید دوساله تخفیف در نظر می‌گیرید؟",
            "لطفاً جدول مقایسه پلن‌ها را هم بفرستید.",
        ],
        ask: "برای اعلام دقیق قیمت، لطفاً بفرمایید تقریباً چند کاربر و چه میزان فضای ذخیره‌سازی نیاز دارید؟",
        answer: "حدود {n} کاربر داریم و فضای ذخیره‌سازی زیادی لازم نیست.",
        fix: "قیمت پلن {plan} برای نیاز شما سالانه {amount} تومان با احتساب ارزش افزوده است. پیش‌فاکتور آن به ایمیل شما ارسال شد.",
        tags: &["قیمت"],
        fields: &[],
    },
    Topic {
        subjects: &["خرید لایسنس عمده برای {seats} کاربر", "لایسنس سازمانی برای شعب شرکت", "تخفیف خرید عمده لایسنس"],
        leads: &[
            "شرکت ما قصد دارد برای {seats} کاربر لایسنس سالانه تهیه کند.",
            "برای {seats} نفر از همکارانمان در شعبه {city} به لایسنس نیاز داریم.",
        ],
        details: &[
            "آیا برای این تعداد تخفیف حجمی در نظر گرفته می‌شود؟",
            "پرداخت از طریق واحد مالی شرکت و با فاکتور رسمی انجام می‌شود.",
            "امکان مدیریت متمرکز لایسنس‌ها از یک حساب وجود دارد؟",
        ],
        ask: "لطفاً نام شرکت و شماره تماس کارشناس خرید را ارسال کنید تا همکاران فروش سازمانی با شما تماس بگیرند.",
        answer: "اطلاعات تماس را فرستادم؛ لطفاً صبح‌ها تماس بگیرید.",
        fix: "پیشنهاد قیمت {seats} لایسنس با {pct} درصد تخفیف حجمی برای شما ارسال شد. پس از تأیید، فاکتور رسمی صادر می‌شود.",
        tags: &["لایسنس", "سازمانی"],
        fields: &[("order_number", "order")],
    },
    Topic {
        subjects: &["کد تخفیف {coupon} اعمال نمی‌شود", "مشکل در استفاده از کد تخفیف", "کد تخفیف نامعتبر است"],
        leads: &[
            "هنگام خرید {product} کد تخفیف {coupon} را وارد می‌کنم ولی پیغام «کد تخفیف نامعتبر است» نمایش داده می‌شود.",
            "کد تخفیف {coupon} که در خبرنامه برایم ارسال شده بود کار نمی‌کند.",
        ],
        details: &["طبق ایمیل، این کد تا آخر ماه اعتبار دارد.", "سبد خرید من {amount} تومان است.", "اگر امکانش هست تخفیف را دستی اعمال کنید."],
        ask: "لطفاً بفرمایید کد را برای کدام محصول و در چه مرحله‌ای از خرید وارد کرده‌اید؟",
        answer: "برای {product} و در صفحه آخر سبد خرید.",
        fix: "کد {coupon} فقط برای خرید سالانه معتبر است. تخفیف {pct} درصد به‌صورت دستی روی سفارش شما اعمال شد و می‌توانید پرداخت را انجام دهید.",
        tags: &["تخفیف"],
        fields: &[("order_number", "order")],
    },
    Topic {
        subjects: &["درخواست دمو {product}", "درخواست جلسه معرفی محصول", "امکان تست رایگان قبل از خرید"],
        leads: &[
            "قبل از خرید می‌خواهیم نسخه آزمایشی {product} را ببینیم.",
            "ما یک شرکت {n} نفره در {city} هستیم و می‌خواهیم قبل از خرید، دمو محصول را ببینیم.",
        ],
        details: &[
            "آیا امکان برگزاری جلسه آنلاین وجود دارد؟",
            "بیشتر روی امکانات گزارش‌گیری و دسترسی کاربران حساسیم.",
            "نسخه آزمایشی چند روزه است؟",
        ],
        ask: "لطفاً دو زمان پیشنهادی برای جلسه آنلاین در روزهای کاری هفته آینده اعلام کنید.",
        answer: "دوشنبه یا سه‌شنبه ساعت ۱۰ صبح برای ما مناسب است.",
        fix: "جلسه دمو برای شما هماهنگ شد و لینک جلسه به ایمیلتان ارسال شد. حساب آزمایشی چهارده‌روزه هم برایتان فعال شد.",
        tags: &["دمو"],
        fields: &[],
    },
    Topic {
        subjects: &["درخواست نمایندگی فروش در {city}", "همکاری به‌عنوان نماینده فروش"],
        leads: &["شرکت ما در {city} فعالیت می‌کند و علاقه‌مند به دریافت نمایندگی فروش سرویس‌های شما هستیم."],
        details: &[
            "شرایط و درصد پورسانت نمایندگان را اعلام کنید.",
            "حدود {n} مشتری فعال در حوزه طراحی سایت داریم.",
            "آیا پنل مخصوص نمایندگان دارید؟",
        ],
        ask: "لطفاً رزومه شرکت و تعداد تقریبی مشتریان فعلی را ارسال کنید.",
        answer: "رزومه شرکت را به ایمیل واحد فروش فرستادم؛ حدود {n} مشتری فعال داریم.",
        fix: "درخواست شما تأیید شد. قرارداد نمایندگی و راهنمای پنل همکاران به ایمیل شما ارسال شد.",
        tags: &["نمایندگی"],
        fields: &[],
    },
    Topic {
        subjects: &["تخفیف ویژه مؤسسات آموزشی", "تخفیف برای مدارس و دانشگاه‌ها"],
        leads: &["ما یک مؤسسه آموزشی غیرانتفاعی هستیم و می‌خواستیم بدانیم برای مؤسسات آموزشی تخفیف دارید یا نه."],
        details: &["حدود {seats} دانشجو و استاد از سرویس استفاده خواهند کرد.", "مجوز فعالیت مؤسسه را می‌توانیم ارسال کنیم."],
        ask: "لطفاً تصویر مجوز فعالیت مؤسسه را ارسال کنید.",
        answer: "تصویر مجوز را به ایمیل پشتیبانی فرستادم.",
        fix: "تخفیف {pct} درصدی ویژه مؤسسات آموزشی برای حساب شما فعال شد و در خریدهای بعدی اعمال می‌شود.",
        tags: &["تخفیف", "سازمانی"],
        fields: &[],
    },
    Topic {
        subjects: &["تفاوت پلن {plan_from} و {plan}", "کدام پلن برای فروشگاه اینترنتی مناسب است؟"],
        leads: &["برای فروشگاه اینترنتی‌مان بین پلن {plan_from} و {plan} مردد هستیم."],
        details: &["روزانه حدود {n} سفارش داریم.", "پشتیبانی تلفنی در کدام پلن هست؟", "اگر بعداً بخواهیم پلن را تغییر دهیم هزینه اضافه دارد؟"],
        ask: "لطفاً بفرمایید میانگین بازدید روزانه سایت چقدر است؟",
        answer: "حدود {visits} بازدید در روز داریم.",
        fix: "با توجه به ترافیک سایت، پلن {plan} را پیشنهاد می‌کنیم. جدول مقایسه کامل امکانات پلن‌ها را به ایمیل شما فرستادیم.",
        tags: &["قیمت", "ارتقا"],
        fields: &[],
    },
    Topic {
        subjects: &["درخواست پیش‌فاکتور {product}", "صدور پیش‌فاکتور برای خرید سالانه"],
        leads: &["برای طی کردن مراحل خرید در شرکت، به پیش‌فاکتور رسمی {product} نیاز داریم."],
        details: &["پیش‌فاکتور به نام شرکت و با ذکر ارزش افزوده باشد.", "مدت اعتبار پیش‌فاکتور را هم بنویسید."],
        ask: "لطفاً نام کامل شرکت، شناسه ملی و آدرس را برای درج در پیش‌فاکتور ارسال کنید.",
        answer: "نام شرکت: {company}، شناسه ملی: {national_id}، کد اقتصادی هم همین شماره است.",
        fix: "پیش‌فاکتور شماره {invoice} به مبلغ {amount} تومان صادر و به ایمیل شما ارسال شد. اعتبار آن هفت روز است.",
        tags: &["پیش‌فاکتور"],
        fields: &[("invoice_number", "invoice")],
    },
    Topic {
        subjects: &["خرید فضای اضافه برای {product}", "افزایش تعداد صندوق‌های ایمیل"],
        leads: &["فضای ذخیره‌سازی سرویس ما رو به اتمام است و می‌خواهیم {n} گیگابایت فضای اضافه بخریم."],
        details: &["آیا بدون تغییر پلن امکانش هست؟", "هزینه آن ماهانه حساب می‌شود یا سالانه؟"],
        ask: "لطفاً بفرمایید فضای اضافه برای کدام سرویس نیاز است؟",
        answer: "برای {product}.",
        fix: "{n} گیگابایت فضای اضافه به سرویس شما اضافه شد و هزینه آن در فاکتور بعدی حساب می‌شود.",
        tags: &["ارتقا"],
        fields: &[("order_number", "order")],
    },
];

const GENERAL: &[Topic] = &[
    Topic {
        subjects: &["تغییر ایمیل حساب کاربری", "می‌خواهم ایمیل حسابم را عوض کنم"],
        leads: &[
            "ایمیل فعلی حساب من {email} است و دیگر به آن دسترسی ندارم.",
            "می‌خواهم ایمیل حساب کاربری‌ام را به {new_email} تغییر بدهم.",
        ],
        details: &["در پنل گزینه‌ای برای تغییر ایمیل پیدا نکردم.", "شماره موبایل ثبت‌شده در حساب همان شماره قبلی است."],
        ask: "برای احراز هویت، لطفاً تصویر کارت ملی صاحب حساب را ارسال کنید.",
        answer: "تصویر کارت ملی را به ایمیل پشتیبانی فرستادم.",
        fix: "ایمیل حساب شما به {new_email} تغییر کرد. از این پس اطلاعیه‌ها به ایمیل جدید ارسال می‌شود.",
        tags: &["حساب کاربری"],
        fields: &[],
    },
    Topic {
        subjects: &["فراموشی رمز عبور", "لینک بازیابی رمز عبور کار نمی‌کند", "ایمیل بازیابی رمز نمی‌رسد"],
        leads: &[
            "رمز عبور حسابم را فراموش کرده‌ام و ایمیل بازیابی رمز به دستم نمی‌رسد.",
            "روی لینک بازیابی رمز عبور که ایمیل شده کلیک می‌کنم ولی پیغام «لینک منقضی شده است» می‌بینم.",
        ],
        details: &["چند بار درخواست دادم.", "ایمیل حساب من {email} است.", "پوشه اسپم را هم نگاه کردم."],
        ask: "لطفاً بفرمایید آخرین درخواست بازیابی را چه ساعتی ثبت کرده‌اید؟ لینک‌ها پس از سی دقیقه منقضی می‌شوند.",
        answer: "حدود ساعت {hour} درخواست دادم و صبح روز بعد روی لینک زدم.",
        fix: "یک لینک بازیابی جدید برای شما ارسال شد که تا سی دقیقه معتبر است. لطفاً در این مدت رمز جدید را تنظیم کنید.",
        tags: &["رمز عبور", "ورود"],
        fields: &[],
    },
    Topic {
        subjects: &["تغییر آدرس پستی", "ویرایش آدرس ارسال فاکتور به {city}"],
        leads: &[
            "دفتر ما به {city} منتقل شده و باید آدرس پستی حساب تغییر کند.",
            "لطفاً آدرس ارسال فاکتورهای کاغذی را به آدرس جدید در {city} تغییر دهید.",
        ],
        details: &["کد پستی جدید: {postal}", "لطفاً فاکتورهای بعدی به آدرس جدید ارسال شود."],
        ask: "لطفاً آدرس کامل جدید را همراه با کد پستی ده‌رقمی ارسال کنید.",
        answer: "آدرس: {city}، خیابان آزادی، کوچه یاس، پلاک {n}. کد پستی {postal}.",
        fix: "آدرس پستی حساب شما به‌روزرسانی شد.",
        tags: &["اطلاعات تماس"],
        fields: &[],
    },
    Topic {
        subjects: &["شکایت از زمان پاسخگویی پشتیبانی", "چرا کسی جواب نمی‌دهد؟", "نارضایتی از خدمات پشتیبانی"],
        leads: &[
            "تیکت قبلی من {days} روز است که بی‌پاسخ مانده و تلفن پشتیبانی هم جواب نمی‌دهد.",
            "از نحوه برخورد و زمان پاسخگویی پشتیبانی اصلاً راضی نیستم.",
        ],
        details: &[
            "ما مشتری چندساله شما هستیم و انتظار بیشتری داشتیم.",
            "اگر این وضعیت ادامه پیدا کند مجبوریم سرویسمان را منتقل کنیم.",
            "لطفاً یک مسئول پیگیری کند.",
        ],
        ask: "لطفاً شماره تیکت قبلی را اعلام کنید تا شخصاً پیگیری کنم.",
        answer: "شماره تیکت قبلی {prev_number} است.",
        fix: "بابت تأخیر صمیمانه عذرخواهی می‌کنیم. تیکت قبلی شما بررسی و پاسخ داده شد و به جبران این تأخیر، یک ماه تمدید رایگان به سرویس شما اضافه شد.",
        tags: &["شکایت"],
        fields: &[],
    },
    Topic {
        subjects: &["پیشنهاد برای بهبود پنل کاربری", "پیشنهاد اضافه شدن حالت تاریک", "پیشنهاد: گزارش مصرف ماهانه"],
        leads: &[
            "پیشنهاد می‌کنم امکان حالت تاریک (Dark mode) به پنل اضافه شود.",
            "خیلی خوب می‌شد اگر گزارش مصرف ماهانه در پنل به‌صورت نمودار نمایش داده می‌شد.",
            "پیشنهاد می‌کنم امکان پرداخت خودکار از کیف پول برای تمدید سرویس‌ها اضافه شود.",
        ],
        details: &["بیشتر شب‌ها با پنل کار می‌کنم.", "در سرویس‌های مشابه خارجی این امکان وجود دارد.", "در کل از خدمات شما راضی هستم."],
        ask: "ممنون از پیشنهادتان. اگر امکانش هست، بفرمایید این امکان بیشتر در کدام بخش پنل برایتان مفید است؟",
        answer: "بیشتر در صفحه مدیریت سرویس‌ها و گزارش‌ها.",
        fix: "پیشنهاد شما برای تیم محصول ثبت شد و در برنامه‌ریزی نسخه‌های آینده بررسی می‌شود. از همراهی شما سپاسگزاریم.",
        tags: &["پیشنهاد"],
        fields: &[],
    },
    Topic {
        subjects: &["درخواست حذف حساب کاربری", "حذف کامل اطلاعات حساب"],
        leads: &["دیگر از خدمات شما استفاده نمی‌کنم و می‌خواهم حساب کاربری‌ام به‌طور کامل حذف شود."],
        details: &["لطفاً اطلاعات شخصی من هم پاک شود.", "سرویس فعالی روی حسابم ندارم."],
        ask: "لطفاً تأیید کنید که از حذف دائمی حساب و همه سوابق آن اطمینان دارید؛ این کار قابل بازگشت نیست.",
        answer: "بله، تأیید می‌کنم.",
        fix: "حساب کاربری شما و اطلاعات مرتبط با آن حذف شد.",
        tags: &["حساب کاربری"],
        fields: &[],
    },
    Topic {
        subjects: &["تغییر شماره موبایل حساب", "شماره موبایل قبلی‌ام در دسترس نیست"],
        leads: &["شماره موبایل قبلی من دیگر فعال نیست و کدهای تأیید به آن ارسال می‌شود."],
        details: &["به همین دلیل نمی‌توانم وارد حسابم شوم.", "شماره جدیدم {phone} است."],
        ask: "لطفاً شماره جدید و تصویر کارت ملی صاحب حساب را ارسال کنید.",
        answer: "شماره جدید {phone} است و تصویر کارت ملی را هم ایمیل کردم.",
        fix: "شماره موبایل حساب شما به‌روزرسانی شد و کدهای تأیید از این پس به شماره جدید ارسال می‌شوند.",
        tags: &["حساب کاربری", "اطلاعات تماس"],
        fields: &[],
    },
    Topic {
        subjects: &["انتقال مالکیت حساب به همکار", "تغییر مدیر حساب شرکت"],
        leads: &["همکار ما که مدیر حساب بود از شرکت رفته و می‌خواهیم مالکیت حساب به من منتقل شود."],
        details: &["ایمیل من {email} است.", "نامه رسمی شرکت را هم می‌توانیم بفرستیم."],
        ask: "لطفاً نامه رسمی با مهر شرکت مبنی بر درخواست انتقال مالکیت ارسال کنید.",
        answer: "نامه رسمی با مهر شرکت را به ایمیل پشتیبانی فرستادم.",
        fix: "مالکیت حساب به شما منتقل شد و دسترسی مدیر قبلی غیرفعال شد.",
        tags: &["حساب کاربری"],
        fields: &[],
    },
    Topic {
        subjects: &["ساعات کاری پشتیبانی تلفنی", "پشتیبانی در روزهای تعطیل"],
        leads: &[
            "می‌خواستم بدانم پشتیبانی تلفنی در چه ساعاتی پاسخگو است.",
            "آیا در روزهای تعطیل و پنجشنبه‌ها هم پشتیبانی دارید؟",
        ],
        details: &["چند بار عصر تماس گرفتم ولی کسی پاسخ نداد.", "برای ما پشتیبانی شبانه‌روزی مهم است."],
        ask: "لطفاً بفرمایید بیشتر در چه ساعاتی به پشتیبانی نیاز دارید؟",
        answer: "بیشتر عصرها بعد از ساعت ۱۸.",
        fix: "پشتیبانی تلفنی شنبه تا چهارشنبه از ساعت ۸ تا ۲۰ و پنجشنبه‌ها تا ساعت ۱۴ پاسخگو است. پشتیبانی از طریق تیکت در همه روزها فعال است.",
        tags: &["سؤال"],
        fields: &[],
    },
    Topic {
        subjects: &["درخواست نسخه قرارداد", "دریافت قرارداد و شرایط استفاده"],
        leads: &["برای بایگانی شرکت به نسخه امضاشده قرارداد خدمات نیاز داریم."],
        details: &["لطفاً نسخه PDF را ایمیل کنید.", "اگر امکان ارسال نسخه کاغذی هم هست اطلاع دهید."],
        ask: "لطفاً بفرمایید قرارداد مربوط به کدام سرویس را نیاز دارید؟",
        answer: "قرارداد {product}.",
        fix: "نسخه PDF قرارداد به ایمیل شما ارسال شد؛ نسخه کاغذی هم تا یک هفته دیگر به آدرس ثبت‌شده پست می‌شود.",
        tags: &["قرارداد"],
        fields: &[],
    },
];

const DOMAINS: &[&str] = &[
    "narenj-shop.ir",
    "ketabnama.com",
    "arman-data.ir",
    "didar-clinic.ir",
    "tehranfood.com",
    "sepidcar.ir",
    "negarestan-art.com",
    "pars-tools.ir",
    "mehr-edu.ir",
    "asal-cosmetics.com",
    "rahnama-travel.ir",
    "nikan-soft.com",
    "baran-print.ir",
    "shahrzad-mobl.com",
    "zagros-tour.ir",
    "kavir-steel.com",
];
const PRODUCTS: &[&str] = &[
    "هاست لینوکس پایه",
    "هاست وردپرس حرفه‌ای",
    "سرور مجازی",
    "ایمیل سازمانی",
    "فروشگاه‌ساز",
    "سامانه پیامک",
    "گواهی SSL",
    "شبکه توزیع محتوا (CDN)",
];
const PLANS: &[&str] = &["برنزی", "نقره‌ای", "طلایی", "الماس", "سازمانی"];
const APPS: &[&str] = &["اپلیکیشن اندروید", "اپلیکیشن iOS", "پنل مدیریت", "نسخه وب", "اپلیکیشن دسکتاپ"];
const OSES: &[&str] = &["Android 14", "Android 12", "iOS 17.4", "Windows 11", "macOS Sonoma"];
const BROWSERS: &[&str] = &["Chrome", "Firefox", "Safari", "Edge", "Opera"];
const WHENS: &[&str] = &[
    "از صبح امروز",
    "از دیشب",
    "از دیروز عصر",
    "از دو روز پیش",
    "از آخر هفته گذشته",
    "از حدود یک ساعت پیش",
    "از ساعت {hour} امروز",
];
const COUPONS: &[&str] = &["NOWRUZ1403", "YALDA30", "WELCOME20", "SPRING15", "BLACKFRIDAY", "VIP2024"];
const CITIES: &[&str] = &["تهران", "اصفهان", "شیراز", "مشهد", "تبریز", "کرج", "رشت", "اهواز", "کرمان", "یزد"];
const COMPANIES: &[&str] = &[
    "آرمان داده پارس",
    "بازرگانی نارنج",
    "کتاب‌نما",
    "نیکان نرم‌افزار",
    "چاپ باران",
    "فولاد کویر",
    "گردشگری رهنما",
    "مبلمان شهرزاد",
];
const HTTP_CODES: &[u64] = &[500, 502, 503, 504];
const SEATS: &[u64] = &[5, 10, 15, 20, 25, 30, 40, 50, 75, 100, 150, 200];
const PERCENTS: &[u64] = &[10, 15, 20, 25, 30];
const UPLOAD_MB: &[u64] = &[20, 50, 64, 100, 128];

// What customers write.
const GREETINGS: &[&str] =
    &["سلام", "سلام، وقت بخیر", "با سلام و احترام", "سلام، خسته نباشید", "درود", "سلام و عرض ادب", "وقت بخیر"];
const CLOSINGS: &[&str] = &[
    "ممنون می‌شوم راهنمایی کنید.",
    "لطفاً هر چه زودتر بررسی کنید.",
    "منتظر پاسخ شما هستم.",
    "با تشکر",
    "پیشاپیش از همکاری شما سپاسگزارم.",
    "ممنون",
    "لطفاً راهنمایی بفرمایید.",
];
const URGENT_HIGH: &[&str] = &["لطفاً سریع‌تر رسیدگی کنید.", "این موضوع برای ما مهم است."];
const URGENT_CRITICAL: &[&str] =
    &["کار ما کاملاً متوقف شده است، لطفاً فوری رسیدگی کنید!", "این موضوع خیلی فوری است و هر ساعت تأخیر برای ما ضرر دارد."];
const NUDGES: &[&str] = &[
    "سلام، هنوز پاسخی دریافت نکرده‌ام. لطفاً پیگیری کنید.",
    "ببخشید، خبری نشد؟ موضوع برای ما فوری است.",
    "سلام مجدد، لطفاً تیکت {number} را بررسی کنید.",
    "چرا هنوز کسی جواب نداده است؟",
];
const CHASES: &[&str] = &[
    "ممنون. تقریباً چه زمانی نتیجه مشخص می‌شود؟",
    "سلام، خبری نشد؟",
    "ممنون از پیگیری. منتظر خبر شما هستم، ولی لطفاً کمی سریع‌تر.",
    "سلام، موضوع هنوز برای ما حل نشده؛ لطفاً پیگیری کنید.",
];
/// "It didn't work", after an agent proposed a fix.
const STILLS_TECHNICAL: &[&str] = &[
    "امتحان کردم ولی متأسفانه مشکل هنوز پابرجاست.",
    "ممنون، ولی باز هم همان خطا را می‌بینم.",
    "کارهایی که گفتید را انجام دادم ولی فرقی نکرد.",
    "الان کمی بهتر شده ولی هنوز گاهی مشکل پیش می‌آید.",
];
const STILLS_BILLING: &[&str] = &[
    "هنوز مبلغی به حسابم برنگشته است.",
    "فاکتور را دریافت کردم ولی مشخصات آن هنوز اشتباه است.",
    "در پنل هنوز تغییری نمی‌بینم.",
];
const STILLS_SALES: &[&str] = &[
    "پیش‌فاکتور هنوز به دستم نرسیده است.",
    "مبلغ اعلام‌شده با چیزی که در سایت دیدم فرق دارد.",
    "در پنل هنوز تغییری نمی‌بینم.",
];
const STILLS_GENERAL: &[&str] =
    &["هنوز تغییری در حسابم نمی‌بینم.", "ایمیلی دریافت نکردم، لطفاً دوباره بررسی کنید.", "متأسفانه هنوز درست نشده است."];
const MORE_ANSWERS: &[&str] = &[
    "بله، همین‌طور است.",
    "اطلاعات خواسته‌شده را به ایمیل پشتیبانی فرستادم، لطفاً بررسی کنید.",
    "در پیام قبلی توضیح دادم؛ لطفاً دوباره نگاه کنید.",
    "تا جایی که می‌دانم تغییر دیگری نداده‌ایم.",
];
const THANKS: &[&str] = &[
    "خیلی ممنون، مشکل حل شد.",
    "سپاس از پیگیری‌تان، همه چیز درست است.",
    "ممنونم، عالی شد.",
    "دستتان درد نکند، درست شد.",
    "ممنون از پاسخ سریع‌تان.",
];
const REPLY_OPENERS: &[&str] = &["سلام، ", "سلام مجدد، ", "ممنون از پاسخ‌تان. ", "", "", ""];

// What agents write.
const AGENT_GREETINGS: &[&str] =
    &["سلام {hon}، وقت بخیر.", "{hon} گرامی، سلام.", "با سلام و احترام خدمت {hon}،", "درود بر شما {hon}،"];
const AGENT_GREETINGS_AGAIN: &[&str] = &["سلام مجدد {hon}،", "{hon} گرامی،", "سلام {hon}،"];
const ACKS: &[&str] = &[
    "درخواست شما دریافت شد و کارشناسان ما در حال بررسی آن هستند.",
    "از اطلاع‌رسانی شما سپاسگزاریم. موضوع در حال بررسی است و نتیجه را در همین تیکت اعلام می‌کنیم.",
    "پیام شما را دریافت کردیم و پیگیری آن را شروع کرده‌ایم.",
];
const ASK_INTROS: &[&str] = &["درخواست شما دریافت شد.", "از پیام شما سپاسگزاریم.", "", ""];
const MORE_ASKS: &[&str] = &[
    "ممنون از اطلاعات. برای تکمیل بررسی، لطفاً اگر توضیح یا مدرک دیگری هست در همین تیکت بفرستید.",
    "لطفاً تأیید کنید که اطلاعات بالا درست است تا کار را ادامه دهیم.",
    "برای ادامه بررسی، لطفاً بفرمایید از پیام قبلی تا الان تغییری پیش آمده است؟",
];
const PROGRESS: &[&str] = &[
    "موضوع به کارشناس ارشد واحد {dept} ارجاع شد و به‌محض دریافت نتیجه به شما اطلاع می‌دهیم.",
    "بررسی همچنان ادامه دارد؛ از صبر و شکیبایی شما سپاسگزاریم.",
    "همکاران ما در واحد {dept} در حال پیگیری هستند و به‌زودی نتیجه را اعلام می‌کنیم.",
    "درخواست شما در دست اقدام است و به‌زودی نتیجه را اعلام می‌کنیم.",
];
const CONFIRM_TAILS: &[&str] = &[
    "لطفاً بررسی کنید و نتیجه را به ما اطلاع دهید.",
    "لطفاً بررسی بفرمایید و در صورت برطرف شدن مشکل، اطلاع دهید.",
    "منتظر تأیید شما هستیم.",
];
const FIX_TAILS: &[&str] = &[
    "در صورت نیاز به راهنمایی بیشتر در خدمت شما هستیم.",
    "اگر سؤال دیگری دارید، در همین تیکت مطرح کنید.",
    "از شکیبایی شما سپاسگزاریم.",
    "",
];
const FOLLOW_UP_FIXES: &[&str] = &[
    "تنظیمات دوباره بررسی و اصلاح شد؛ اکنون همه چیز درست کار می‌کند.",
    "مورد باقی‌مانده هم برطرف شد و موضوع به‌طور کامل حل شده است.",
    "تغییرات تکمیلی اعمال شد و در آزمایش‌های ما مشکلی دیده نمی‌شود.",
];
const HOLDS: &[&str] = &[
    "رفع این مورد نیازمند هماهنگی با تیم توسعه است و تا مشخص شدن نتیجه، تیکت در حالت معلق قرار می‌گیرد. به‌محض دریافت پاسخ به شما اطلاع می‌دهیم.",
    "این موضوع منتظر پاسخ شرکت ارائه‌دهنده خدمات است؛ به‌محض دریافت پاسخ، پیگیری را ادامه می‌دهیم.",
    "رسیدگی به این درخواست تا پایان بررسی واحد {dept} متوقف شده است. نتیجه را در همین تیکت اعلام می‌کنیم.",
];
const SIGN_OFFS: &[&str] = &["با احترام،", "با سپاس،", "با تشکر،"];

const NOTES_COMMON: &[&str] = &[
    "مشتری قبلاً هم همین مشکل را داشته؛ به تیم زیرساخت ارجاع شد.",
    "با مشتری تماس تلفنی گرفتم و توضیحات لازم داده شد.",
    "مشتری ویژه است؛ لطفاً خارج از نوبت پیگیری شود.",
    "تیکت مشابه {prev_number} هم از همین مشتری ثبت شده است.",
    "لطفاً قبل از پاسخ نهایی با {other_agent} هماهنگ شود.",
];
const NOTES_TECHNICAL: &[&str] = &[
    "لاگ‌های وب‌سرور بررسی شد؛ خطای timeout روی اتصال دیتابیس دیده می‌شود.",
    "مشکل روی سرور host-{n}.dc2 تکرار شد؛ به تیم زیرساخت اطلاع دادم.",
    "باگ تأیید شد و در سامانه پیگیری تیم توسعه ثبت شد.",
    "احتمالاً مشکل از فایروال سمت مشتری است؛ در صورت تکرار traceroute بگیریم.",
];
const NOTES_BILLING: &[&str] = &[
    "با واحد مالی هماهنگ شد؛ منتظر تأیید بازپرداخت هستیم.",
    "تراکنش در پنل درگاه بررسی شد؛ وضعیت آن «موفق» است.",
    "فاکتور قبلی باطل و فاکتور جدید صادر شود.",
];
const NOTES_SALES: &[&str] = &[
    "مشتری بالقوه سازمانی؛ تا {pct} درصد تخفیف با تأیید مدیر فروش قابل ارائه است.",
    "جلسه دمو در تقویم تیم فروش ثبت شد.",
    "مشتری از رقبا هم استعلام گرفته؛ پیگیری تلفنی انجام شود.",
];
const NOTES_GENERAL: &[&str] = &[
    "هویت مشتری با کد ارسال‌شده به موبایل تأیید شد.",
    "بازخورد مشتری برای تیم محصول ارسال شد.",
    "مدارک ارسالی ناقص است؛ در صورت نیاز دوباره درخواست شود.",
];

/// Departments the generator knows content for, by vocabulary key.
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

    fn topics(self) -> &'static [Topic] {
        match self {
            Area::Technical => TECHNICAL,
            Area::Billing => BILLING,
            Area::Sales => SALES,
            Area::General => GENERAL,
        }
    }

    fn notes(self) -> &'static [&'static str] {
        match self {
            Area::Technical => NOTES_TECHNICAL,
            Area::Billing => NOTES_BILLING,
            Area::Sales => NOTES_SALES,
            Area::General => NOTES_GENERAL,
        }
    }

    fn stills(self) -> &'static [&'static str] {
        match self {
            Area::Technical => STILLS_TECHNICAL,
            Area::Billing => STILLS_BILLING,
            Area::Sales => STILLS_SALES,
            Area::General => STILLS_GENERAL,
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
struct Vars {
    order: u64,
    invoice: u64,
    amount: u64,
    code: u64,
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
    company: &'static str,
    domain: &'static str,
    product: &'static str,
    plan: &'static str,
    plan_from: &'static str,
    app: &'static str,
    os: &'static str,
    browser: &'static str,
    when: &'static str,
    coupon: &'static str,
    city: &'static str,
}

impl Vars {
    fn new(rng: &mut Rng) -> Vars {
        let plan_i = 1 + rng.index(PLANS.len() - 1);
        Vars {
            order: rng.between(40_000, 99_999),
            invoice: rng.between(140_100, 140_399) * 100 + rng.below(100),
            amount: rng.between(19, 690) * 10_000,
            code: rng.pick(HTTP_CODES),
            n: rng.between(3, 60),
            seats: rng.pick(SEATS),
            pct: rng.pick(PERCENTS),
            mb: rng.pick(UPLOAD_MB),
            hour: rng.between(8, 22),
            days: rng.between(2, 9),
            visits: rng.between(5, 200) * 100,
            card4: rng.between(1_000, 9_999),
            trace: rng.between(100_000_000_000, 999_999_999_999),
            postal: rng.between(1_000_000_000, 9_999_999_999),
            phone: rng.between(9_010_000_000, 9_399_999_999),
            national_id: rng.between(10_100_000_000, 14_009_999_999),
            company: rng.pick(COMPANIES),
            version: (rng.between(2, 12), rng.below(10)),
            domain: rng.pick(DOMAINS),
            product: rng.pick(PRODUCTS),
            plan: PLANS[plan_i],
            plan_from: PLANS[rng.index(plan_i)],
            app: rng.pick(APPS),
            os: rng.pick(OSES),
            browser: rng.pick(BROWSERS),
            when: rng.pick(WHENS),
            coupon: rng.pick(COUPONS),
            city: rng.pick(CITIES),
        }
    }

    /// The ASCII value of a custom field.
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
    vars: &'a Vars,
    customer: &'a Customer,
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
    /// Appends `tpl` with its `{name}` placeholders filled.
    fn render(&self, out: &mut String, tpl: &str) {
        let mut rest = tpl;
        while let Some(open) = rest.find('{') {
            out.push_str(&rest[..open]);
            let after = &rest[open + 1..];
            match after.find('}') {
                Some(close) => {
                    self.put(out, &after[..close]);
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

    fn put(&self, out: &mut String, name: &str) {
        let v = self.vars;
        let c = self.customer;
        match name {
            "order" => push_fa_num(out, v.order, false),
            "invoice" => push_fa_num(out, v.invoice, false),
            "amount" => push_fa_num(out, v.amount, true),
            "code" => push_fa_num(out, v.code, false),
            "code_en" => {
                let _ = write!(out, "{}", v.code);
            }
            "http_error" => out.push_str(match v.code {
                500 => "500 Internal Server Error",
                502 => "502 Bad Gateway",
                503 => "503 Service Unavailable",
                _ => "504 Gateway Time-out",
            }),
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
            "when" => self.render(out, v.when),
            "email" => out.push_str(c.person.email.as_deref().unwrap_or("")),
            "email_work" => {
                out.push_str("info@");
                out.push_str(v.domain);
            }
            "new_email" => {
                let _ = write!(out, "{}.{}.{}@gmail.com", c.first_lat, c.last_lat, v.card4 % 100);
            }
            "hon" => {
                out.push_str(if c.female { "خانم " } else { "آقای " });
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

struct World {
    statuses: Vec<Status>,
    priorities: Vec<Priority>,
    departments: Vec<(Department, Area)>,
    dept_weights: Vec<u64>,
    agents: Vec<Person>,
    customers: Vec<Customer>,
    sample: Customer,
}

impl World {
    fn new() -> World {
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
        let mut departments: Vec<(Department, Area)> = vocabulary::departments(Lang::Fa)
            .into_iter()
            .map(|d| {
                let area = Area::of(&d.key);
                (d, area)
            })
            .collect();
        if departments.is_empty() {
            departments.push((Department { key: "general".into(), label: "پشتیبانی عمومی".into() }, Area::General));
        }
        let dept_weights = departments.iter().map(|(_, a)| a.weight()).collect();
        let mut agents = vocabulary::agents();
        if agents.is_empty() {
            agents.push(Person { id: "1".into(), name: "پشتیبان".into(), email: None });
        }
        World {
            statuses,
            priorities,
            departments,
            dept_weights,
            agents,
            customers: customers(),
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
            let id = ids[rng.index(ids.len())];
            if let Some(i) = self.agents.iter().position(|a| a.id == id) {
                return i;
            }
        }
        rng.index(self.agents.len())
    }

    fn ticket(&self, id: u64, created: i64, anchor_s: i64, count: usize) -> TicketThread {
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
            &self.customers[a.min(b)]
        };

        let (department, area) = &self.departments[rng.weighted(&self.dept_weights)];
        let area = *area;
        let topics = area.topics();
        let topic = &topics[rng.index(topics.len())];
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
                agent_positions[rng.index(agent_positions.len())] + 1
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
        let vars = Vars::new(&mut rng);
        let agent_name = |i: usize| self.agents[i].name.as_str();
        let first_agent = if reassigned { other } else { responder };
        let mut ctx = Ctx {
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
        let mut t = created;
        let mut agent_msgs = 0;
        let mut said = Said::default();
        // Every message is rendered here, then copied out at its exact size.
        let mut raw = String::with_capacity(1024);
        for (n, (&step, &g)) in plan.iter().zip(&gaps).enumerate() {
            t += g;
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
                        raw.push_str(rng.pick(REPLY_OPENERS));
                        let tpl = match step {
                            Step::Nudge => rng.pick(NUDGES),
                            Step::Answer if !said.answered => {
                                said.answered = true;
                                topic.answer
                            }
                            Step::Answer => rng.pick(MORE_ANSWERS),
                            Step::Still => rng.pick(area.stills()),
                            Step::Thanks => rng.pick(THANKS),
                            _ => rng.pick(CHASES),
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
                let tpl = match step {
                    Step::Assigned => "تیکت به {agent} واگذار شد.",
                    Step::Reassigned => "تیکت از {from} به {agent} واگذار شد.",
                    Step::StatusChanged => "وضعیت تیکت به «{status}» تغییر کرد.",
                    _ => "اولویت تیکت به «{priority}» تغییر کرد.",
                };
                ctx.render(&mut raw, tpl);
                (Author { kind: AuthorKind::System, name: "سیستم".into(), id: None }, Visibility::Internal)
            } else {
                if step == Step::Note {
                    let notes = if rng.chance(55) { area.notes() } else { NOTES_COMMON };
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
                created_at: at(t),
                attachments: Vec::new(),
            });
        }
        let last_t = t;
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

        let mut custom_fields = BTreeMap::new();
        for (key, var) in topic.fields {
            custom_fields.insert((*key).to_owned(), vars.field(var));
        }
        let tags = pick_tags(topic, level, kind, &mut rng);

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
        s.push_str("فوری: ");
    }
    ctx.render(&mut s, rng.pick(topic.subjects));
    s
}

fn original_body(out: &mut String, topic: &Topic, ctx: &Ctx, level: PriorityLevel, rng: &mut Rng) {
    if rng.chance(88) {
        out.push_str(rng.pick(GREETINGS));
        out.push_str(if rng.chance(50) { "\n" } else { "،\n" });
    }
    ctx.render(out, rng.pick(topic.leads));
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
        PriorityLevel::Critical if rng.chance(80) => Some(rng.pick(URGENT_CRITICAL)),
        PriorityLevel::High if rng.chance(40) => Some(rng.pick(URGENT_HIGH)),
        _ => None,
    };
    if let Some(u) = urgent {
        push_sentence_break(out);
        out.push_str(u);
    }
    out.push('\n');
    out.push_str(rng.pick(CLOSINGS));
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
    let greeting = if first { rng.pick(AGENT_GREETINGS) } else { rng.pick(AGENT_GREETINGS_AGAIN) };
    ctx.render(out, greeting);
    out.push_str("\n\n");
    match step {
        Step::Ack => ctx.render(out, rng.pick(ACKS)),
        Step::Ask if !said.asked => {
            said.asked = true;
            let intro = if first { rng.pick(ASK_INTROS) } else { "" };
            if !intro.is_empty() {
                out.push_str(intro);
                out.push(' ');
            }
            ctx.render(out, topic.ask);
        }
        Step::Ask => ctx.render(out, rng.pick(MORE_ASKS)),
        Step::Progress => ctx.render(out, rng.pick(PROGRESS)),
        Step::Hold => ctx.render(out, rng.pick(HOLDS)),
        _ => {
            // Confirm or Fix: the topic's own fix the first time, a follow-up after that.
            if said.fixed {
                ctx.render(out, rng.pick(FOLLOW_UP_FIXES));
            } else {
                ctx.render(out, topic.fix);
                said.fixed = true;
            }
            let tail = if step == Step::Confirm { rng.pick(CONFIRM_TAILS) } else { rng.pick(FIX_TAILS) };
            if !tail.is_empty() {
                out.push(' ');
                out.push_str(tail);
            }
        }
    }
    out.push_str("\n\n");
    out.push_str(rng.pick(SIGN_OFFS));
    out.push('\n');
    out.push_str(ctx.agent);
    out.push_str("\nپشتیبانی مشتریان");
}

/// 0–3 distinct tags: some of the topic's, plus «فوری» on urgent tickets.
fn pick_tags(topic: &Topic, level: PriorityLevel, kind: StatusKind, rng: &mut Rng) -> Vec<String> {
    let mut tags: Vec<String> = Vec::with_capacity(3);
    let untagged = if kind == StatusKind::New { 55 } else { 12 };
    if rng.chance(untagged) {
        return tags;
    }
    let add = |t: &str, tags: &mut Vec<String>| {
        if tags.len() < 3 && !tags.iter().any(|x| x == t) {
            tags.push(t.to_owned());
        }
    };
    let urgent = match level {
        PriorityLevel::Critical => rng.chance(60),
        PriorityLevel::High => rng.chance(15),
        _ => false,
    };
    for (i, t) in topic.tags.iter().enumerate() {
        if (i == 0 && rng.chance(85)) || (i > 0 && rng.chance(60)) {
            if *t == "فوری" && !matches!(level, PriorityLevel::High | PriorityLevel::Critical) {
                continue;
            }
            add(t, &mut tags);
        }
    }
    if urgent {
        add("فوری", &mut tags);
    }
    if rng.chance(4) {
        add("مشتری ویژه", &mut tags);
    }
    tags
}

#[cfg(test)]
mod tests {
    use std::collections::{BTreeMap, HashSet};

    use chrono::{Datelike, TimeZone, Timelike};

    use super::*;

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
        assert!(generate(0, anchor()).is_empty());
        for n in [1, 2, 7, 49, 50, 51] {
            let seed = generate(n, anchor());
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
        assert_eq!(generate(300, anchor()), generate(300, anchor()));
        let other = anchor() + chrono::Duration::hours(5);
        assert_ne!(generate(300, anchor()), generate(300, other));
    }

    #[test]
    fn invariants_on_300() {
        let seed = generate(300, anchor());
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
            let seed = generate(n, anchor());
            let mine: Vec<_> =
                seed.iter().filter(|t| t.ticket.customer.email.as_deref() == Some(SAMPLE_CUSTOMER.1)).collect();
            assert!(mine.len() >= 3, "{n}: {}", mine.len());
            assert!(mine.iter().any(|t| t.ticket.status.kind == StatusKind::WaitingOnCustomer), "{n}");
        }
    }

    #[test]
    fn customers_are_distinct_and_plausible() {
        let pool = customers();
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
        let seed = generate(300, anchor());
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
        let seed = generate(10_000, anchor());
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
        let seed = generate(50_000, anchor());
        assert_eq!(seed.len(), 50_000);
        assert!(seed.windows(2).all(|w| w[0].ticket.created_at < w[1].ticket.created_at));
        assert!(seed.iter().all(|t| t.ticket.updated_at < anchor()));
    }

    #[test]
    fn odd_anchors() {
        // Sub-second anchors and the epoch still keep everything strictly before the anchor.
        for a in [anchor() + chrono::Duration::nanoseconds(123_456_789), DateTime::<Utc>::UNIX_EPOCH] {
            let seed = generate(300, a);
            check(&seed, a);
        }
    }

    /// Not a check: prints the distributions (`cargo test -- --ignored --nocapture`).
    #[test]
    #[ignore]
    fn report_distributions() {
        for n in [300, 10_000] {
            let seed = generate(n, anchor());
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
        let seed = generate(300, anchor());
        for t in seed.iter().rev().take(3) {
            eprintln!("\n#{} {} [{}] {:?}", t.ticket.number, t.ticket.subject, t.ticket.status.label, t.ticket.tags);
            for m in &t.messages {
                eprintln!("--- {} {:?} {:?} {}\n{}", m.id, m.author.kind, m.visibility, m.created_at, m.body.raw());
            }
        }
    }
}
