#!/usr/bin/env python3
"""Seed a fresh Awesome Support instance with deterministic Persian data, through REST only
(stdlib only; installs nothing).

    STATE_DIR=... python3 scripts/backends/awesome-support/seed.py

Needs: a WordPress instance from scripts/backends/wordpress/up.sh whose admin, agent and
customer are in STATE_DIR/credentials.json, with Awesome Support active, `enable_rest_api`,
`departments`, `support_priority` and `admin_see_all` on, and the default `ticket_channel` terms
created (see tests/fixtures/awesome-support/README.md). Refuses an instance that has tickets.

What it does (every step is a REST call, as the admin unless said):
- roles: agent -> wpas_agent, customer -> wpas_user; adds agent2 (wpas_agent), customer2
  (wpas_user) and member (a plain subscriber), each with an application password;
- terms: 3 departments, 4 priorities (with colours), 3 tags;
- 12 tickets with fixed `date_gmt` (2026-11-02 ... 2026-11-13), their replies written by the
  customer or agent with fixed dates, one attachment with a Persian file name, two closed
  tickets (one closed by its customer through /status, one by its agent through PUT state).
Writes STATE_DIR/seed.json: the added users (with their application passwords) and every id.
"""

import json
import struct
import zlib

from wpapi import BASE_URL, NAMESPACE, STATE_DIR, basic, multipart, request, rest, users

NS = NAMESPACE
PEOPLE = users()
ADMIN = basic("admin", PEOPLE["admin"]["app_password"])

NEW_USERS = {
    "agent2": {"name": ("رضا", "محمدی"), "email": "agent2@pishkhan.test", "role": "wpas_agent"},
    "customer2": {"name": ("مریم", "کریمی"), "email": "customer2@pishkhan.test", "role": "wpas_user"},
    "member": {"name": ("نگار", "صالحی"), "email": "member@pishkhan.test", "role": "subscriber"},
}
PASSWORDS = {"agent2": "pishkhan-agent2", "customer2": "pishkhan-customer2", "member": "pishkhan-member"}

DEPARTMENTS = [("technical", "پشتیبانی فنی"), ("billing", "مالی و صورتحساب"), ("sales", "فروش")]
PRIORITIES = [("low", "کم", "#8bc34a"), ("normal", "معمولی", "#2196f3"), ("high", "زیاد", "#ff9800"),
              ("urgent", "فوری", "#dd3333")]
TAGS = [("printer", "چاپگر"), ("network", "شبکه"), ("invoice", "صورتحساب")]

# (key, customer, agent, department, priority, status, tags, title, content, replies)
# replies: (who, "DD HH:MM" in November 2026 UTC, text); "c" = the ticket's customer, "a" = its agent.
TICKETS = [
    ("printer", "customer", "agent", "technical", "high", "processing", ["printer"],
     "چاپگر طبقهٔ دوم روشن نمی‌شود",
     "سلام، از صبح چاپگر طبقهٔ دوم روشن نمی‌شود و چراغ برقش خاموش است.",
     [("a", "02 10:37", "سلام، لطفاً کابل برق و پریز را بررسی کنید."),
      ("c", "02 13:44", "کابل سالم است؛ هنوز روشن نمی‌شود.")]),
    ("double-charge", "customer", "agent2", "billing", "urgent", "queued", ["invoice"],
     "صورتحساب آبان دو بار کسر شده",
     "مبلغ اشتراک آبان دو بار از حسابم برداشته شده است.",
     [("a", "03 09:15", "بررسی شد؛ مبلغ اضافه تا سه روز کاری برمی‌گردد.")]),
    ("official-invoice", "customer", "agent", "billing", "low", "queued", [],
     "درخواست فاکتور رسمی",
     "لطفاً فاکتور رسمی خرید مهرماه را برایم بفرستید.",
     [("a", "04 08:00", "فاکتور آماده شد و به ایمیلتان فرستاده شد."),
      ("c", "04 12:20", "ممنون، دریافت کردم.")]),
    ("office-internet", "customer2", "agent", "technical", "urgent", "hold", ["network"],
     "اینترنت دفتر مدام قطع می‌شود",
     "از دیروز اینترنت دفتر هر چند دقیقه یک بار قطع می‌شود.",
     [("a", "05 09:00", "لطفاً از صفحهٔ وضعیت مودم تصویر بفرستید."),
      ("c", "05 11:30", "تصویر صفحهٔ مودم پیوست شد.")]),
    ("enterprise-pricing", "customer2", "agent2", "sales", "normal", "queued", [],
     "پرسش دربارهٔ تعرفهٔ سازمانی",
     "برای ۵۰ کاربر چه تعرفه‌ای پیشنهاد می‌کنید؟", []),
    ("login", "customer", "agent", "technical", "high", "queued", [],
     "ورود به حساب کاربری ممکن نیست",
     "با وجود گذرواژهٔ درست، پیام «نام کاربری یا گذرواژه اشتباه است» می‌بینم.",
     [("a", "07 10:05", "گذرواژه را بازنشانی کردیم؛ لطفاً دوباره امتحان کنید.")]),
    ("change-email", "customer2", "agent", "", "", "queued", [],
     "تغییر نشانی ایمیل",
     "می‌خواهم نشانی ایمیل حسابم را عوض کنم.", []),
    ("refund", "customer", "agent2", "billing", "normal", "processing", ["invoice"],
     "درخواست بازگشت وجه",
     "سفارش شمارهٔ ۱۴۰۵-۲۲ لغو شد؛ لطفاً وجه را برگردانید.",
     [("a", "09 14:00", "وجه به حساب شما بازگشت داده شد.")]),
    ("slow-peak", "customer2", "agent", "technical", "high", "processing", [],
     "کندی سامانه در ساعات اوج",
     "بین ساعت ۱۰ تا ۱۲ صفحه‌ها بسیار کند باز می‌شوند.",
     [("c", "10 10:40", "امروز هم همین‌طور بود."),
      ("a", "10 12:00", "سرور دوم را اضافه کردیم؛ لطفاً فردا خبر دهید."),
      ("c", "11 09:10", "امروز سریع‌تر بود، ممنون.")]),
    ("payment-gateway", "customer", "agent2", "sales", "low", "queued", [],
     "پیشنهاد افزودن درگاه پرداخت",
     "لطفاً درگاه پرداخت دوم هم اضافه کنید.", []),
    ("upload-500", "customer", "agent", "technical", "urgent", "processing", ["network"],
     "خطای ۵۰۰ هنگام بارگذاری فایل",
     "هنگام بارگذاری فایل بزرگ‌تر از ۲ مگابایت خطای ۵۰۰ می‌گیرم.",
     [("a", "12 11:00", "محدودیت را بررسی می‌کنیم.")]),
    ("renewal", "customer2", "agent2", "sales", "normal", "hold", [],
     "تمدید قرارداد پشتیبانی",
     "قرارداد پشتیبانی ما آذر تمام می‌شود؛ شرایط تمدید چیست؟", []),
]
# Closed after seeding: by its customer through POST /status, and by its agent through PUT state.
CLOSED_BY_CUSTOMER = "official-invoice"
CLOSED_BY_AGENT = "refund"
ATTACHMENT = ("office-internet", 1, "تصویر مودم دفتر.png")


def tiny_png():
    """A valid 1x1 PNG (the plugin accepts images, not text files, by default)."""
    def chunk(kind, data):
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)
    header = struct.pack(">IIBBBBB", 1, 1, 8, 2, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(b"\x00\x1f\x8f\xbf")) + chunk(b"IEND", b"")


def main():
    existing = rest("GET", f"{NS}/tickets", ADMIN, query={"state": "any", "per_page": 1})
    if existing:
        raise SystemExit("seed.py: this instance already has tickets; start a fresh one (RESET=1 up.sh)")
    seed = {"users": {}, "departments": {}, "priorities": {}, "tags": {}, "tickets": {}, "replies": {}}

    rest("POST", "wp/v2/users/%d" % PEOPLE["agent"]["id"], ADMIN, {"roles": ["wpas_agent"]})
    rest("POST", "wp/v2/users/%d" % PEOPLE["customer"]["id"], ADMIN, {"roles": ["wpas_user"]})
    for login, u in NEW_USERS.items():
        first, last = u["name"]
        created = rest("POST", "wp/v2/users", ADMIN, {
            "username": login, "email": u["email"], "password": PASSWORDS[login], "roles": [u["role"]],
            "first_name": first, "last_name": last, "name": f"{first} {last}", "nickname": login})
        app = rest("POST", f"wp/v2/users/{created['id']}/application-passwords", ADMIN, {"name": "pishkhan-tests"})
        seed["users"][login] = {"id": created["id"], "login": login, "role": u["role"], "email": u["email"],
                                "display_name": f"{first} {last}", "password": PASSWORDS[login],
                                "app_password": app["password"]}
    people = dict(PEOPLE, **seed["users"])
    auth = {login: basic(login, p["app_password"]) for login, p in people.items()}

    for slug, name in DEPARTMENTS:
        seed["departments"][slug] = rest("POST", f"{NS}/department", ADMIN, {"slug": slug, "name": name})["id"]
    for slug, name, color in PRIORITIES:
        seed["priorities"][slug] = rest("POST", f"{NS}/ticket_priority", ADMIN,
                                        {"slug": slug, "name": name, "color": color})["id"]
    for slug, name in TAGS:
        seed["tags"][slug] = rest("POST", f"{NS}/ticket-tag", ADMIN, {"slug": slug, "name": name})["id"]

    for day, (key, customer, agent, dept, prio, status, tags, title, content, replies) in enumerate(TICKETS, start=2):
        body = {"title": title, "content": content, "author": people[customer]["id"],
                "assignee": people[agent]["id"], "status": status,
                "date_gmt": f"2026-11-{day:02d}T07:30:00",
                "ticket-tag": [seed["tags"][t] for t in tags]}
        if dept:
            body["department"] = dept
        if prio:
            body["ticket_priority"] = prio
        ticket = rest("POST", f"{NS}/tickets", ADMIN, body)
        seed["tickets"][key] = ticket["id"]
        seed["replies"][key] = []
        for who, when, text in replies:
            login = customer if who == "c" else agent
            d, hm = when.split(" ")
            reply = rest("POST", f"{NS}/tickets/{ticket['id']}/replies", auth[login],
                         {"content": text, "date_gmt": f"2026-11-{d}T{hm}:00"})
            seed["replies"][key].append(reply["id"])

    key, index, filename = ATTACHMENT
    reply_id = seed["replies"][key][index]
    customer = TICKETS[[t[0] for t in TICKETS].index(key)][1]
    data, _ = multipart([("post", reply_id), ("file", (filename, "image/png", tiny_png()))])
    status, _, raw = request("POST", f"{BASE_URL}/wp-json/{NS}/attachments",
                             {"Authorization": auth[customer], "Accept": "application/json",
                              "Content-Type": "multipart/form-data; boundary=----PishkhanFixtureBoundary7d3e"}, data)
    if status != 201:
        raise SystemExit(f"attachment upload: {status} {raw[:300]!r}")
    seed["attachment"] = json.loads(raw)["id"]

    closer = TICKETS[[t[0] for t in TICKETS].index(CLOSED_BY_CUSTOMER)][1]
    rest("POST", f"{NS}/tickets/{seed['tickets'][CLOSED_BY_CUSTOMER]}/status", auth[closer], {"status": "closed"})
    closer = TICKETS[[t[0] for t in TICKETS].index(CLOSED_BY_AGENT)][2]
    rest("PUT", f"{NS}/tickets/{seed['tickets'][CLOSED_BY_AGENT]}", auth[closer], {"state": "closed"})

    path = STATE_DIR / "seed.json"
    path.write_text(json.dumps(seed, ensure_ascii=False, indent=2) + "\n")
    path.chmod(0o600)
    print(f"seeded {len(seed['tickets'])} tickets; wrote {path}")


if __name__ == "__main__":
    main()
