#!/usr/bin/env python3
"""Seed a fresh SupportCandy site through its REST API and record fixtures (stdlib only).

    python3 scripts/backends/supportcandy/record.py   # writes tests/fixtures/supportcandy/*.json

It needs a WordPress site with SupportCandy active, the WordPress user `agent` added as a
SupportCandy agent, and no tickets yet (tests/fixtures/supportcandy/README.md says how). It
seeds twelve Persian tickets with replies, notes, status changes and attachments, then
records one JSON file per exchange:
    {"note"?, "request":  {"method", "path", "query", "headers", "body"},
              "response": {"status", "headers", "body"}}
Authorization keeps its scheme (`Basic <redacted>`); application passwords, passwords and
the attachment download links' `auth_code` are "<redacted>" wherever they appear. A response
body is parsed JSON when it parses, raw text otherwise; downloads keep status and headers.

Environment: STATE_DIR (holds credentials.json from the WordPress bring-up; default
<repo>/target/backends/wordpress-candy), BASE_URL (default from credentials.json),
FIXTURES_DIR (default <repo>/tests/fixtures/supportcandy), CORS_ORIGIN.
"""

import base64
import json
import os
import re
import sys
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parent.parent.parent
STATE_DIR = Path(os.environ.get("STATE_DIR", REPO / "target/backends/wordpress-candy"))
OUT = Path(os.environ.get("FIXTURES_DIR", REPO / "tests/fixtures/supportcandy"))
ORIGIN = os.environ.get("CORS_ORIGIN", "http://127.0.0.1:18080")
API = "/wp-json/supportcandy/v2"
REDACTED = "<redacted>"
BOUNDARY = "----PishkhanFixtureBoundary5c1a"

try:
    CREDENTIALS = json.loads((STATE_DIR / "credentials.json").read_text())
except FileNotFoundError:
    sys.exit(f"record.py: no {STATE_DIR / 'credentials.json'}; bring WordPress up first (see the README)")
BASE_URL = os.environ.get("BASE_URL", CREDENTIALS["base_url"]).rstrip("/")
USERS = CREDENTIALS["users"]
SECRETS = [s for u in USERS.values() for s in (u.get("app_password"), u.get("password")) if s]
SECRETS += [s.replace(" ", "") for s in SECRETS]

KEEP_REQUEST_HEADERS = {"accept", "content-type", "origin", "access-control-request-method",
                        "access-control-request-headers"}
KEEP_RESPONSE_HEADERS = {"content-type", "www-authenticate", "allow", "location", "content-disposition",
                         "x-wp-total", "x-wp-totalpages", "access-control-allow-origin",
                         "access-control-allow-credentials", "access-control-allow-methods",
                         "access-control-allow-headers", "access-control-expose-headers", "link"}

# A valid one-page PDF (pdf is on SupportCandy's default list of allowed extensions, txt is not).
PDF = (b"%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>"
       b"endobj\n3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 200 200]>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n")

mismatches = []


class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


OPENER = urllib.request.build_opener(NoRedirect)


def scrub(value):
    """Replace every known secret inside strings of a JSON-like value."""
    if isinstance(value, str):
        for secret in SECRETS:
            value = value.replace(secret, REDACTED)
        return re.sub(r"(auth_code=)[^&\s\"]+", r"\1" + REDACTED, value)
    if isinstance(value, list):
        return [scrub(v) for v in value]
    if isinstance(value, dict):
        return {k: REDACTED if k in ("password", "app_password", "auth_code") else scrub(v)
                for k, v in value.items()}
    return value


def auth_header(auth):
    """auth: a login from credentials.json, "bad-password", or None."""
    if auth is None:
        return None
    if auth == "bad-password":
        raw = "agent:abcd efgh ijkl mnop qrst uvwx"
    else:
        raw = f"{USERS[auth]['login']}:{USERS[auth]['app_password']}"
    return "Basic " + base64.b64encode(raw.encode()).decode()


def multipart(parts):
    """parts: list of (name, value) or (name, (filename, content_type, bytes))."""
    chunks, described = [], []
    for name, value in parts:
        chunks.append(f"--{BOUNDARY}\r\n".encode())
        if isinstance(value, tuple):
            filename, ctype, data = value
            chunks.append(f'Content-Disposition: form-data; name="{name}"; filename="{filename}"\r\n'
                          f"Content-Type: {ctype}\r\n\r\n".encode())
            chunks.append(data)
            described.append({"name": name, "filename": filename, "content_type": ctype, "size": len(data)})
        else:
            chunks.append(f'Content-Disposition: form-data; name="{name}"\r\n\r\n{value}'.encode())
            described.append({"name": name, "value": str(value)})
        chunks.append(b"\r\n")
    chunks.append(f"--{BOUNDARY}--\r\n".encode())
    return b"".join(chunks), {"multipart": described}


def send(method, path, query=None, auth="agent", json_body=None, files=None, headers=None, url=None):
    """One request; returns (status, headers, raw bytes, request headers, recorded body)."""
    query = query or {}
    url = url or BASE_URL + path + ("?" + urllib.parse.urlencode(query) if query else "")
    send_headers = {"Accept": "application/json"}
    send_headers.update(headers or {})
    data, recorded_body = None, None
    if files is not None:
        data, recorded_body = multipart(files)
        send_headers["Content-Type"] = f"multipart/form-data; boundary={BOUNDARY}"
    elif json_body is not None:
        data = json.dumps(json_body, ensure_ascii=False).encode("utf-8")
        recorded_body = json_body
        send_headers["Content-Type"] = "application/json; charset=utf-8"
    req = urllib.request.Request(url, data=data, method=method, headers=send_headers)
    real_auth = auth_header(auth)
    if real_auth:
        req.add_header("Authorization", real_auth)
    try:
        resp = OPENER.open(req, timeout=30)
    except urllib.error.HTTPError as err:
        resp = err
    status = resp.status if hasattr(resp, "status") else resp.code
    raw = resp.read()
    shown = {k: v for k, v in send_headers.items() if k.lower() in KEEP_REQUEST_HEADERS}
    if real_auth:
        shown["Authorization"] = f"Basic {REDACTED}"
    return status, resp.headers, raw, shown, recorded_body


def parse(raw):
    try:
        return json.loads(raw.decode("utf-8"))
    except (UnicodeDecodeError, ValueError):
        return raw.decode("utf-8", "replace")


def call(method, path, query=None, auth="agent", json_body=None, files=None, expect=200):
    """A seeding request (not recorded); stops the run when the server refuses it."""
    status, _, raw, _, _ = send(method, path, query, auth, json_body, files)
    body = parse(raw)
    if status != expect:
        sys.exit(f"record.py: seeding {method} {path} answered {status}: {str(body)[:300]}")
    return body


def exchange(name, method, path, query=None, auth="agent", json_body=None, files=None, headers=None,
             expect=None, note=None, keep_body=True, url=None):
    """Perform one request, write OUT/<name>.json, return (status, parsed body)."""
    status, resp_headers, raw, shown, recorded_body = send(method, path, query, auth, json_body, files,
                                                           headers, url)
    body = parse(raw) if raw else None
    kept = {k.lower(): v for k, v in resp_headers.items() if k.lower() in KEEP_RESPONSE_HEADERS}
    shown_path = urllib.parse.urlsplit(url).path if url else path
    shown_query = dict(urllib.parse.parse_qsl(urllib.parse.urlsplit(url).query)) if url else (query or {})
    record = {
        "request": {"method": method, "path": shown_path, "query": shown_query, "headers": shown,
                    "body": recorded_body},
        "response": {"status": status, "headers": kept, "body": body if keep_body else None},
    }
    if note:
        record = {"note": note, **record}
    (OUT / f"{name}.json").write_text(json.dumps(scrub(record), ensure_ascii=False, indent=2) + "\n",
                                      encoding="utf-8")
    flag = ""
    if expect is not None and status != expect:
        flag = f"   <-- expected {expect}"
        mismatches.append(f"{name}: {status} (expected {expect})")
    print(scrub(f"{status} {method:7} {shown_path}{'?' + urllib.parse.urlencode(shown_query) if shown_query else ''}"
          f"  -> {name}.json{flag}"))
    return status, body


# ---------------------------------------------------------------------------------------------
# Seed

CUSTOMER = USERS["customer"]
MARYAM = ("مریم کاظمی", "maryam@example.test")
REZA = ("رضا محمدی", "reza@example.test")
# Ids the setup gives (README): categories 1 General, 2 فنی, 3 مالی; statuses 1–4 stock,
# 5 On hold, 6 حل‌شده; priorities 1–3 stock, 4 Urgent; agents 1 admin, 2 agent.

# (creator, (name, email) or None for the customer's own, subject, description, category, priority,
#  assigned agents)
TICKETS = [
    ("customer", None, "چاپگر طبقهٔ دوم کار نمی‌کند",
     "از صبح چاپگر طبقهٔ دوم «کاغذ گیر کرده» نشان می‌دهد ولی کاغذی گیر نکرده است.\nلطفاً بررسی کنید.", 2, 3, ""),
    ("customer", None, "درخواست فاکتور رسمی",
     "لطفاً فاکتور رسمی خرید آبان را با کد اقتصادی شرکت صادر کنید.", 3, 2, ""),
    ("agent", MARYAM, "ورود به حساب کاربری ممکن نیست",
     "پس از تغییر رمز عبور، پیام «نام کاربری یا رمز نادرست است» نمایش داده می‌شود.", 2, 4, "2"),
    ("admin", REZA, "404", "صفحهٔ «سفارش‌های من» خطای ۴۰۴ می‌دهد.", 1, 1, ""),
    ("customer", None, "خطا هنگام پرداخت آنلاین",
     "هنگام پرداخت، درگاه پیام خطا داد. گزارش پیوست است.", 3, 3, ""),
    ("admin", MARYAM, "درخواست افزایش حجم فضای ابری", "فضای ۵۰ گیگابایتی ما پر شده است.", 2, 2, "1"),
    ("agent", REZA, "تغییر نشانی ارسال سفارش", "نشانی جدید: تهران، خیابان ولیعصر، پلاک ۱۲.", 1, 1, ""),
    ("customer", None, "پیشنهاد: حالت تاریک برای پنل", "کار در شب با پنل روشن چشم را خسته می‌کند.", 1, 1, ""),
    ("admin", MARYAM, "بازگشت وجه سفارش ۱۲۳۴", "سفارش لغو شد ولی مبلغ هنوز برنگشته است.", 3, 3, "1,2"),
    ("agent", REZA, "کندی بارگذاری صفحهٔ محصولات", "صفحهٔ محصولات بیش از ده ثانیه طول می‌کشد.", 2, 2, ""),
    ("customer", None, "سؤال دربارهٔ گارانتی", "گارانتی دستگاه چند ماه است؟", 1, 2, ""),
    ("admin", MARYAM, "حذف حساب کاربری", "لطفاً حساب من را حذف کنید.", 1, 1, ""),  # DELETE fails on it
]


def seed():
    ids = []
    for creator, person, subject, description, category, priority, assignees in TICKETS:
        name, email = person or (CUSTOMER["display_name"], CUSTOMER["email"])
        body = {"name": name, "email": email, "subject": subject, "description": description,
                "category": category, "priority": priority}
        if subject == "خطا هنگام پرداخت آنلاین":
            upload = call("POST", f"{API}/attachments", auth=creator,
                          files=[("file", ("گزارش خطا.pdf", "application/pdf", PDF))])
            body["description_attachments"] = str(upload["id"])
        ids.append(call("POST", f"{API}/tickets", auth=creator, json_body=body)["id"])
    t = dict(zip(range(1, len(ids) + 1), ids))
    # The stock ticket form has no assignee field, so create ignores `assigned_agent`: assign after.
    for n, ticket in enumerate(TICKETS, 1):
        if ticket[6]:
            call("POST", f"{API}/tickets/{t[n]}/update-fields", auth="admin", json_body={"assigned_agent": ticket[6]})
    post = lambda tid, who, kind, text, **extra: call(
        "POST", f"{API}/tickets/{t[tid]}/threads", auth=who, json_body={"type": kind, "body": text, **extra})
    fields = lambda tid, who, **values: call("POST", f"{API}/tickets/{t[tid]}/update-fields", auth=who,
                                             json_body=values)
    # 1: request, agent reply, customer reply, internal note.
    post(1, "agent", "reply", "سلام، همکار ما تا یک ساعت دیگر سر می‌زند.")
    post(1, "customer", "reply", "ممنون، منتظرم.")
    post(1, "agent", "note", "یادداشت داخلی: کارتریج هم تمام شده است.")
    # 2: a reply with a file, then closed.
    invoice = call("POST", f"{API}/attachments", auth="admin",
                   files=[("file", ("فاکتور آبان.pdf", "application/pdf", PDF))])
    post(2, "admin", "reply", "فاکتور صادر و پیوست شد.", attachments=str(invoice["id"]))
    fields(2, "admin", status=4)
    fields(6, "admin", status=5)
    fields(7, "agent", status=6)
    post(11, "agent", "reply", "دوازده ماه از تاریخ خرید.")
    return t


# ---------------------------------------------------------------------------------------------
# Record

def main():
    OUT.mkdir(parents=True, exist_ok=True)
    existing = call("GET", f"{API}/tickets", {"filter": "all", "per_page": 1}, auth="admin")
    if existing["total_items"]:
        sys.exit("record.py: the site already has tickets; reset it first (see the README)")
    for old in OUT.glob("*.json"):
        old.unlink()
    t = seed()
    print(f"seeded tickets {t[1]}..{t[len(t)]}")

    # --- who am I, vocabulary ------------------------------------------------------------------
    exchange("current-user-agent", "GET", f"{API}/current-user", expect=200)
    exchange("current-user-customer", "GET", f"{API}/current-user", auth="customer", expect=200)
    exchange("statuses", "GET", f"{API}/statuses", expect=200)
    exchange("priorities", "GET", f"{API}/priorities", expect=200)
    exchange("categories", "GET", f"{API}/categories", expect=200)
    exchange("agents", "GET", f"{API}/agents", expect=200)
    exchange("agents-customer", "GET", f"{API}/agents", auth="customer", expect=200,
             note="customers may list agents too")
    exchange("agents-page", "GET", f"{API}/agents", {"per_page": 1, "page": 2}, expect=200)
    exchange("tickets-filters-agent", "GET", f"{API}/tickets/filters", expect=200,
             note="the Agent role has no deleted-ticket access, so no `deleted` filter")
    exchange("tickets-filters-admin", "GET", f"{API}/tickets/filters", auth="admin", expect=200)
    exchange("tickets-filters-customer", "GET", f"{API}/tickets/filters", auth="customer", expect=200)
    exchange("tickets-list-items-agent", "GET", f"{API}/tickets/list-items", expect=200,
             note="orderby accepts only these slugs (and only sortable ones)")
    exchange("tickets-list-items-customer", "GET", f"{API}/tickets/list-items", auth="customer", expect=200)

    # --- lists: each filter, per viewer ------------------------------------------------------------
    for f in ("all", "unresolved", "unassigned", "mine", "closed"):
        exchange(f"tickets-agent-{f}", "GET", f"{API}/tickets", {"filter": f, "orderby": "id", "order": "ASC"},
                 expect=200)
    exchange("tickets-admin-all", "GET", f"{API}/tickets", {"filter": "all", "orderby": "id", "order": "ASC"},
             auth="admin", expect=200, note="the Administrator role sees every ticket; Agent only unassigned and its own")
    exchange("tickets-admin-deleted", "GET", f"{API}/tickets", {"filter": "deleted"}, auth="admin", expect=200)
    exchange("tickets-agent-deleted", "GET", f"{API}/tickets", {"filter": "deleted"}, expect=400,
             note="a filter the caller does not have is invalid")
    for f in ("all", "unresolved", "closed"):
        exchange(f"tickets-customer-{f}", "GET", f"{API}/tickets", {"filter": f, "orderby": "id", "order": "ASC"},
                 auth="customer", expect=200)
    exchange("tickets-customer-unassigned", "GET", f"{API}/tickets", {"filter": "unassigned"}, auth="customer",
             expect=400, note="agent-only filter slugs are unknown to customers")
    exchange("tickets-unknown-filter", "GET", f"{API}/tickets", {"filter": "open"}, expect=400)
    exchange("tickets-search", "GET", f"{API}/tickets", {"search": "چاپگر", "orderby": "id"}, auth="admin",
             expect=200)
    exchange("tickets-search-thread-text", "GET", f"{API}/tickets", {"search": "کارتریج"}, auth="admin",
             expect=200, note="search covers thread bodies too (allowed-search-fields: id, customer, subject, threads)")
    exchange("tickets-search-customer-email", "GET", f"{API}/tickets", {"search": "maryam@example.test"},
             auth="admin", expect=200)
    exchange("tickets-search-arabic-yeh", "GET", f"{API}/tickets", {"search": "گارانتي"}, auth="admin",
             expect=200, note="Arabic yeh (U+064A) in the query: the server's LIKE does not fold it to Persian yeh")
    for page in (1, 2, 3):
        exchange(f"tickets-by-id-page{page}", "GET", f"{API}/tickets",
                 {"orderby": "id", "order": "ASC", "per_page": 4, "page": page}, auth="admin", expect=200)
    for page in (1, 2, 3):
        exchange(f"tickets-default-order-page{page}", "GET", f"{API}/tickets", {"per_page": 4, "page": page},
                 auth="admin", expect=200, note="date_updated DESC with no tie-breaker")
    exchange("tickets-past-last-page", "GET", f"{API}/tickets", {"per_page": 4, "page": 9}, auth="admin",
             expect=200)
    exchange("tickets-orderby-date-created-agent", "GET", f"{API}/tickets", {"orderby": "date_created"},
             expect=400, note="date_created is not among the agent's list items")
    exchange("tickets-orderby-priority-customer", "GET", f"{API}/tickets", {"orderby": "priority"},
             auth="customer", expect=400)
    exchange("tickets-per-page-text", "GET", f"{API}/tickets", {"per_page": "ten"}, expect=400)

    # --- single tickets, threads ------------------------------------------------------------------
    exchange("ticket-agent", "GET", f"{API}/tickets/{t[1]}", expect=200)
    exchange("ticket-customer", "GET", f"{API}/tickets/{t[1]}", auth="customer", expect=200)
    exchange("ticket-customer-other", "GET", f"{API}/tickets/{t[3]}", auth="customer", expect=401,
             note="someone else's ticket")
    exchange("ticket-agent-not-allowed", "GET", f"{API}/tickets/{t[6]}", expect=401,
             note="assigned to another agent; the Agent role may not view it")
    exchange("ticket-numeric-subject", "GET", f"{API}/tickets/{t[4]}", expect=200,
             note="a subject that looks like a number comes back as a JSON number")
    exchange("ticket-two-assignees", "GET", f"{API}/tickets/{t[9]}", auth="admin", expect=200)
    exchange("ticket-closed", "GET", f"{API}/tickets/{t[2]}", auth="admin", expect=200)
    exchange("ticket-missing", "GET", f"{API}/tickets/9999", expect=400)
    exchange("threads-agent", "GET", f"{API}/tickets/{t[1]}/threads", expect=200,
             note="default order: newest first; notes and logs included")
    exchange("threads-agent-asc-page1", "GET", f"{API}/tickets/{t[1]}/threads",
             {"order": "ASC", "per_page": 3, "page": 1}, expect=200)
    exchange("threads-agent-asc-page2", "GET", f"{API}/tickets/{t[1]}/threads",
             {"order": "ASC", "per_page": 3, "page": 2}, expect=200)
    exchange("threads-customer", "GET", f"{API}/tickets/{t[1]}/threads", {"order": "ASC"}, auth="customer",
             expect=200, note="no notes, no logs")
    exchange("threads-closed-with-attachment", "GET", f"{API}/tickets/{t[2]}/threads", {"order": "ASC"},
             auth="admin", expect=200)
    exchange("threads-report-attachment", "GET", f"{API}/tickets/{t[5]}/threads", {"order": "ASC"},
             auth="customer", expect=200)
    exchange("threads-status-logs", "GET", f"{API}/tickets/{t[7]}/threads", {"order": "ASC"}, expect=200)
    exchange("threads-missing-ticket", "GET", f"{API}/tickets/9999/threads", expect=401,
             note="the threads route has no id validation: a missing ticket is the plugin's 401")

    # --- create -------------------------------------------------------------------------------------
    subject = "چاپگر طبقه دوم کار نمی‌کند"
    description = "از صبح چاپگر «کاغذ گیر کرده» نشان می‌دهد.\nلطفاً بررسی کنید."
    _, created = exchange("ticket-create-agent", "POST", f"{API}/tickets", expect=200, json_body={
        "name": MARYAM[0], "email": MARYAM[1], "subject": subject, "description": description,
        "category": 2, "priority": 3, "assigned_agent": "2"},
        note="assigned_agent is ignored: the stock ticket form has no assignee field")
    new_id = created["id"] if isinstance(created, dict) else None
    if isinstance(created, dict) and created.get("subject") != subject:
        mismatches.append("ticket-create-agent: the subject did not round-trip")
    exchange("ticket-create-customer", "POST", f"{API}/tickets", auth="customer", expect=200, json_body={
        "name": CUSTOMER["display_name"], "email": CUSTOMER["email"], "subject": "درخواست نصب نرم‌افزار",
        "description": "نرم‌افزار حسابداری را روی رایانهٔ من نصب کنید.", "category": 1, "priority": 3})
    exchange("ticket-create-customer-no-name", "POST", f"{API}/tickets", auth="customer", expect=400,
             json_body={"email": CUSTOMER["email"], "subject": "بدون نام", "description": "متن"},
             note="name and email are required even for a signed-in customer")
    exchange("ticket-create-bad-email", "POST", f"{API}/tickets", expect=400, json_body={
        "name": "کسی", "email": "not-an-email", "subject": "ایمیل نادرست", "description": "متن"})
    exchange("ticket-create-no-description", "POST", f"{API}/tickets", expect=200, json_body={
        "name": REZA[0], "email": REZA[1], "subject": "بدون شرح"},
             note="a missing description becomes the field's default value")
    exchange("ticket-create-no-subject", "POST", f"{API}/tickets", expect=200, json_body={
        "name": REZA[0], "email": REZA[1], "description": "بدون عنوان فرستاده شد."},
             note="a missing subject becomes the field's default value")
    exchange("ticket-create-customer-for-other-email", "POST", f"{API}/tickets", auth="customer", expect=400,
             json_body={"name": "کسی دیگر", "email": "someone@example.test", "subject": "از طرف دیگری",
                        "description": "مشتری با نشانی دیگری فرستاد."},
             note="a customer may file only under their own e-mail")
    _, upload = exchange("attachment-upload", "POST", f"{API}/attachments", expect=200,
                         files=[("file", ("راهنمای نصب.pdf", "application/pdf", PDF))])
    upload_id = upload["id"] if isinstance(upload, dict) else 0
    exchange("ticket-create-with-attachment", "POST", f"{API}/tickets", auth="customer", expect=200,
             json_body={"name": CUSTOMER["display_name"], "email": CUSTOMER["email"],
                        "subject": "پیوست در درخواست", "description": "راهنما پیوست شد.",
                        "description_attachments": str(upload_id)})

    # --- update fields ------------------------------------------------------------------------------
    exchange("update-fields-agent", "POST", f"{API}/tickets/{new_id}/update-fields", expect=200,
             json_body={"status": 5, "priority": 4, "category": 3, "assigned_agent": "1,2"})
    exchange("update-fields-unassign", "POST", f"{API}/tickets/{new_id}/update-fields", expect=200,
             json_body={"assigned_agent": ""}, note="an empty assignee list is ignored: nobody is unassigned")
    exchange("update-fields-unknown-ids", "POST", f"{API}/tickets/{new_id}/update-fields", expect=200,
             json_body={"status": 99, "priority": 99, "category": 99}, note="unknown ids are ignored")
    exchange("update-fields-customer-status", "POST", f"{API}/tickets/{t[1]}/update-fields", auth="customer",
             expect=200, json_body={"status": 4, "subject": "عنوان عوض شد"},
             note="a customer's status and subject changes are silently ignored")
    exchange("update-fields-agent-not-allowed", "POST", f"{API}/tickets/{t[6]}/update-fields", expect=401,
             json_body={"status": 1},
             note="another agent's ticket: the change is skipped, then re-reading the ticket answers 401")
    exchange("update-fields-subject", "POST", f"{API}/tickets/{new_id}/update-fields", expect=200,
             json_body={"subject": "عنوان تازهٔ درخواست"})
    exchange("update-fields-close", "POST", f"{API}/tickets/{new_id}/update-fields", expect=200,
             json_body={"status": 4})
    exchange("threads-after-updates", "GET", f"{API}/tickets/{new_id}/threads", {"order": "ASC"}, expect=200)

    # --- threads: reply, note ---------------------------------------------------------------------
    reply = "سلام مریم جان،\nرمز عبور شما بازنشانی شد.\n\nبا احترام"
    exchange("thread-reply-agent", "POST", f"{API}/tickets/{t[3]}/threads", expect=200,
             json_body={"type": "reply", "body": reply}, note="plain text: newlines become <br />")
    exchange("thread-reply-agent-html", "POST", f"{API}/tickets/{t[3]}/threads", expect=200,
             json_body={"type": "reply", "body": "<p>سلام</p><p>الف &lt; ب</p>"})
    exchange("thread-reply-trailing-newline", "POST", f"{API}/tickets/{t[3]}/threads", expect=200,
             json_body={"type": "reply", "body": "خط اول\nخط دوم\n"},
             note="trailing whitespace makes the server treat the text as HTML: the newlines stay")
    exchange("thread-reply-customer", "POST", f"{API}/tickets/{t[1]}/threads", auth="customer", expect=200,
             json_body={"type": "reply", "body": "هنوز درست نشده است."})
    exchange("thread-note-agent", "POST", f"{API}/tickets/{t[1]}/threads", expect=200,
             json_body={"type": "note", "body": "یادداشت: قطعه سفارش داده شد."})
    exchange("thread-note-customer", "POST", f"{API}/tickets/{t[1]}/threads", auth="customer", expect=401,
             json_body={"type": "note", "body": "یادداشت مشتری"})
    exchange("thread-bad-type", "POST", f"{API}/tickets/{t[1]}/threads", expect=400,
             json_body={"type": "log", "body": "x"})
    exchange("thread-missing-body", "POST", f"{API}/tickets/{t[1]}/threads", expect=400,
             json_body={"type": "reply"})
    _, reply_file = exchange("attachment-upload-for-reply", "POST", f"{API}/attachments", auth="customer",
                             expect=200, files=[("file", ("عکس صفحه.png", "image/png", PDF))])
    reply_file_id = reply_file["id"] if isinstance(reply_file, dict) else 0
    exchange("thread-reply-with-attachment", "POST", f"{API}/tickets/{t[1]}/threads", auth="customer",
             expect=200, json_body={"type": "reply", "body": "عکس صفحه پیوست شد.",
                                    "attachments": str(reply_file_id)})
    exchange("ticket-after-replies", "GET", f"{API}/tickets/{t[1]}", auth="customer", expect=200,
             note="a customer reply sets status 3 (Awaiting agent reply)")
    exchange("ticket-after-agent-reply", "GET", f"{API}/tickets/{t[3]}", expect=200,
             note="an agent reply sets status 2 (Awaiting customer reply)")

    # --- attachments -------------------------------------------------------------------------------
    exchange("attachment-upload-txt", "POST", f"{API}/attachments", expect=400,
             files=[("file", ("یادداشت.txt", "text/plain", "متن".encode()))])
    exchange("attachment-upload-no-file", "POST", f"{API}/attachments", expect=400,
             files=[("other", "x")])
    exchange("attachment-upload-too-big-for-php", "POST", f"{API}/attachments", expect=500,
             files=[("file", ("بزرگ.pdf", "application/pdf", PDF + b"0" * (3 * 1024 * 1024)))],
             note="over PHP's upload_max_filesize (2M): the plugin's own 20 MB limit never comes into play")
    _, got = exchange("attachment-get", "GET", f"{API}/attachments/{upload_id}", expect=200)
    exchange("attachment-get-customer-own", "GET", f"{API}/attachments/{reply_file_id}", auth="customer",
             expect=200)
    exchange("attachment-get-missing", "GET", f"{API}/attachments/9999", expect=400)
    if isinstance(got, dict) and got.get("url"):
        exchange("attachment-download", "GET", "", url=got["url"], auth=None, keep_body=False, expect=200,
                 headers={"Origin": ORIGIN},
                 note="the link's auth_code is the credential; no CORS headers on this front-end URL")
        bad = re.sub(r"auth_code=[^&]+", "auth_code=0000", got["url"])
        exchange("attachment-download-bad-code", "GET", "", url=bad, auth=None, expect=401)

    # --- customers ---------------------------------------------------------------------------------
    exchange("customer-agent-view", "GET", f"{API}/customers/{created['customer'] if isinstance(created, dict) else 0}",
             expect=200)
    exchange("customers-list-agent", "GET", f"{API}/customers", {"per_page": 3}, expect=200)
    exchange("customers-list-customer", "GET", f"{API}/customers", auth="customer", expect=403)
    ticket_one = call("GET", f"{API}/tickets/{t[1]}", auth="customer")
    exchange("customer-self", "GET", f"{API}/customers/{ticket_one['customer']}", auth="customer", expect=200,
             note="no e-mail in the customer's view")
    threads = call("GET", f"{API}/tickets/{t[1]}/threads", {"order": "ASC"}, auth="agent")["results"]
    agent_customer = next(th["customer"] for th in threads if str(th["customer"]) != str(ticket_one["customer"]))
    exchange("customer-agent-record-for-customer", "GET", f"{API}/customers/{agent_customer}", auth="customer",
             expect=200, note="a customer may look up an agent's customer record (thread authors)")
    maryam = next(r for r in call("GET", f"{API}/customers", {"search": "maryam"}, auth="agent")["results"])
    exchange("customer-other-for-customer", "GET", f"{API}/customers/{maryam['id']}", auth="customer",
             expect=401)

    # --- delete, errors ---------------------------------------------------------------------------
    exchange("ticket-delete-customer", "DELETE", f"{API}/tickets/{t[8]}", auth="customer", expect=401)
    exchange("ticket-delete-agent-not-allowed", "DELETE", f"{API}/tickets/{t[10]}", expect=401,
             note="the Agent role may not delete tickets")
    exchange("error-bad-app-password", "GET", f"{API}/tickets", auth="bad-password", expect=401)
    exchange("error-anonymous", "GET", f"{API}/tickets", auth=None, expect=401)
    exchange("error-anonymous-create", "POST", f"{API}/tickets", auth=None, expect=401,
             json_body={"name": "مهمان", "email": "guest@example.test", "subject": "مهمان", "description": "متن"})
    exchange("ticket-delete-admin", "DELETE", f"{API}/tickets/{t[12]}", auth="admin", expect=500,
             note="3.4.5 calls a method that does not exist (WPSC_Individual_Ticket::delete_archive_ticket): a fatal error")
    exchange("error-no-route", "GET", f"{API}/tickets/{t[1]}/notes", expect=404)

    # --- CORS -----------------------------------------------------------------------------------------
    exchange("cors-preflight", "OPTIONS", f"{API}/tickets", auth=None, expect=200,
             headers={"Origin": ORIGIN, "Access-Control-Request-Method": "POST",
                      "Access-Control-Request-Headers": "authorization,content-type"})
    exchange("cors-get", "GET", f"{API}/tickets", {"per_page": 1}, expect=200, headers={"Origin": ORIGIN})

    print(f"{len(list(OUT.glob('*.json')))} fixtures in {OUT}")
    if mismatches:
        print("differences from what record.py expected:", *mismatches, sep="\n  ")


if __name__ == "__main__":
    try:
        main()
    except urllib.error.URLError as err:
        sys.exit(f"record.py: cannot reach {BASE_URL} ({err.reason}); bring WordPress up first")
