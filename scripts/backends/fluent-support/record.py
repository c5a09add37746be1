#!/usr/bin/env python3
"""Set up, seed and record request/response fixtures from a running Fluent Support (stdlib only).

    NAME=fluent PORT=18201 RESET=1 scripts/backends/wordpress/up.sh   # a fresh WordPress
    # copy Fluent Support into the plugins dir up.sh prints and activate it (see
    # tests/fixtures/fluent-support/README.md); this script installs nothing
    NAME=fluent python3 scripts/backends/fluent-support/record.py      # writes tests/fixtures/fluent-support/*.json
    NAME=fluent scripts/backends/wordpress/down.sh

It needs a freshly activated plugin (no mailbox, no agents, no tickets): the setup, the seed
and the exchanges all go through Fluent Support's own REST API, in this order, so the ids the
fixtures name are the same on every run (persons 1-2 agents, 3-4 customers; tickets 1-8).
Ticket 1: replies both ways and a note; 2: the customer's file and an agent reply with a file;
3: filed by an agent for a new customer, priority and assignment changed; 4: filed by an agent
with a file, closed and re-opened; 5: closed; 6: closed and re-opened by the customer; 7: closed
through property; 8: new.
Times differ from run to run; replies that must be ordered are a second apart.

Each exchange becomes one JSON file:
    {"request":  {"method", "path", "query", "headers", "body"},
     "response": {"status", "headers", "body"}}
Only non-secret request headers are kept (Authorization keeps its scheme, the credential is
"<redacted>"); passwords and application passwords are "<redacted>" wherever they appear. A
response body is parsed JSON when the server says JSON, raw text otherwise (PHP's fatal-error
page is cut to its first 2000 characters).

Environment: NAME (WordPress instance, default fluent), STATE_DIR (for credentials.json;
default <repo>/target/backends/wordpress-$NAME), FIXTURES_DIR (default
<repo>/tests/fixtures/fluent-support), CORS_ORIGIN (default http://127.0.0.1:18080).
"""

import base64
import json
import os
import sys
import time
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parent.parent.parent
NAME = os.environ.get("NAME", "fluent")
STATE_DIR = Path(os.environ.get("STATE_DIR", REPO / f"target/backends/wordpress-{NAME}"))
OUT = Path(os.environ.get("FIXTURES_DIR", REPO / "tests/fixtures/fluent-support"))
ORIGIN = os.environ.get("CORS_ORIGIN", "http://127.0.0.1:18080")
NS = "/wp-json/fluent-support/v2"

REDACTED = "<redacted>"
BOUNDARY = "----PishkhanFixtureBoundary5f1a"
MAX_TEXT_BODY = 2000

KEEP_REQUEST_HEADERS = {"accept", "content-type", "origin", "access-control-request-method",
                        "access-control-request-headers"}
KEEP_RESPONSE_HEADERS = {"content-type", "www-authenticate", "allow", "location", "vary",
                         "content-disposition", "x-wp-total", "x-wp-totalpages",
                         "access-control-allow-origin", "access-control-allow-credentials",
                         "access-control-allow-methods", "access-control-allow-headers",
                         "access-control-expose-headers"}

try:
    CREDENTIALS = json.loads((STATE_DIR / "credentials.json").read_text(encoding="utf-8"))
except FileNotFoundError:
    sys.exit(f"record.py: no {STATE_DIR / 'credentials.json'}; run scripts/backends/wordpress/up.sh first")
BASE_URL = CREDENTIALS["base_url"].rstrip("/")
USERS = CREDENTIALS["users"]
SECRETS = sorted({s for u in USERS.values() for s in (u["password"], u["app_password"],
                                                        u["app_password"].replace(" ", ""))},
                 key=len, reverse=True)
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
        return value
    if isinstance(value, list):
        return [scrub(v) for v in value]
    if isinstance(value, dict):
        return {k: REDACTED if k in ("password", "app_password") else scrub(v) for k, v in value.items()}
    return value


def auth_header(auth):
    """None, a user name (application password), "bad-app-password:<user>" or "login-password:<user>"."""
    if auth is None:
        return None, None
    kind, _, user = auth.rpartition(":")
    login = USERS[user]["login"]
    secret = {"": USERS[user]["app_password"].replace(" ", ""),
              "bad-app-password": "AAAA BBBB CCCC DDDD EEEE FFFF".replace(" ", ""),
              "login-password": USERS[user]["password"]}[kind]
    raw = base64.b64encode(f"{login}:{secret}".encode()).decode()
    return f"Basic {raw}", f"Basic {REDACTED}"


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
            described.append({"name": name, "filename": filename, "content_type": ctype,
                              "content": data.decode("utf-8", "replace")})
        else:
            chunks.append(f'Content-Disposition: form-data; name="{name}"\r\n\r\n{value}'.encode())
            described.append({"name": name, "value": str(value)})
        chunks.append(b"\r\n")
    chunks.append(f"--{BOUNDARY}--\r\n".encode())
    return b"".join(chunks), {"multipart": described}


def exchange(name, method, path, query=None, auth="admin", json_body=None, files=None, headers=None,
             expect=None, note=None, save=True, full_url=None):
    """Perform one request, write OUT/<name>.json (unless save=False), return (status, parsed body)."""
    query = query or {}
    url = full_url or (BASE_URL + path + ("?" + urllib.parse.urlencode(query) if query else ""))
    send_headers = {"Accept": "application/json"}
    send_headers.update(headers or {})
    real_auth, shown_auth = auth_header(auth)
    data, recorded_body = None, None
    if files is not None:
        data, recorded_body = multipart(files)
        send_headers["Content-Type"] = f"multipart/form-data; boundary={BOUNDARY}"
    elif json_body is not None:
        data = json.dumps(json_body, ensure_ascii=False).encode("utf-8")
        recorded_body = json_body
        send_headers["Content-Type"] = "application/json; charset=utf-8"

    req = urllib.request.Request(url, data=data, method=method, headers=send_headers)
    if real_auth:
        req.add_header("Authorization", real_auth)
    try:
        resp = OPENER.open(req, timeout=60)
    except urllib.error.HTTPError as err:
        resp = err
    status = resp.status if hasattr(resp, "status") else resp.code
    raw = resp.read()
    # http.client reads header bytes as Latin-1; PHP sends UTF-8 file names in them
    resp_headers = {k.lower(): v.encode("latin-1", "replace").decode("utf-8", "replace")
                    for k, v in resp.headers.items() if k.lower() in KEEP_RESPONSE_HEADERS}
    ctype = resp_headers.get("content-type", "")
    if "json" in ctype and raw:
        body = json.loads(raw.decode("utf-8"))
    else:
        body = raw.decode("utf-8", "replace")
        if len(body) > MAX_TEXT_BODY:
            body = body[:MAX_TEXT_BODY]

    flag = ""
    if expect is not None and status != expect:
        flag = f"   <-- expected {expect}"
        mismatches.append(f"{name}: {status} (expected {expect})")
    if save:
        shown_headers = {k: v for k, v in send_headers.items() if k.lower() in KEEP_REQUEST_HEADERS}
        if shown_auth:
            shown_headers["Authorization"] = shown_auth
        shown_path = urllib.parse.urlsplit(url).path if full_url else path
        shown_query = dict(urllib.parse.parse_qsl(urllib.parse.urlsplit(url).query)) if full_url else query
        record = {
            "request": {"method": method, "path": shown_path, "query": shown_query,
                        "headers": shown_headers, "body": recorded_body},
            "response": {"status": status, "headers": resp_headers, "body": body},
        }
        if note:
            record = {"note": note, **record}
        record = scrub(record)
        (OUT / f"{name}.json").write_text(json.dumps(record, ensure_ascii=False, indent=2) + "\n",
                                          encoding="utf-8")
    print(f"{status} {method:7} {urllib.parse.urlsplit(url).path}"
          f"{'?' + urllib.parse.unquote(urllib.parse.urlsplit(url).query) if urllib.parse.urlsplit(url).query else ''}"
          f"  -> {name + '.json' if save else '(seed)'}{flag}")
    return status, body


def step():
    """Fluent Support keeps reply times to the second: a pause keeps them ordered."""
    time.sleep(1.2)


def main():
    status, _ = exchange("probe", "GET", f"{NS}/customer-portal/public_options", auth="admin", save=False)
    if status == 404:
        sys.exit("record.py: no Fluent Support routes; copy the plugin into the plugins dir and activate it")
    status, mailboxes = exchange("probe", "GET", f"{NS}/mailboxes", save=False)
    boxes = mailboxes.get("mailboxes") if isinstance(mailboxes, dict) else None
    if status == 200 and (boxes.get("total") if isinstance(boxes, dict) else boxes):
        sys.exit("record.py: Fluent Support is already set up; start from RESET=1 up.sh and a fresh activation")
    OUT.mkdir(parents=True, exist_ok=True)
    for old in OUT.glob("*.json"):
        old.unlink()

    # --- setup: the 500 before any agent exists, the wizard's mailbox, two agents --------------
    exchange("setup-tickets-before-agent", "GET", f"{NS}/tickets", expect=500,
             note="before the admin has an agent record, agent endpoints die with a PHP fatal (HTML)")
    exchange("setup-portal", "POST", f"{NS}/settings/setup", expect=200,
             json_body={"mailbox": {"name": "پشتیبانی پیشخوان", "email": "support@pishkhan.test",
                                    "box_type": "web"},
                        "global_settings": {"create_portal_page": "yes"}})
    exchange("agents-create-admin", "POST", f"{NS}/agents", expect=200,
             json_body={"email": USERS["admin"]["email"], "first_name": "مدیر", "last_name": "سامانه",
                        "title": "مدیر پشتیبانی"})
    exchange("agents-create-agent", "POST", f"{NS}/agents", expect=200,
             json_body={"email": USERS["agent"]["email"], "first_name": "سارا", "last_name": "احمدی",
                        "title": "کارشناس پشتیبانی",
                        "permissions": ["fst_view_dashboard", "fst_manage_own_tickets",
                                        "fst_manage_unassigned_tickets", "fst_manage_other_tickets",
                                        "fst_assign_agents", "fst_draft_reply"]})
    exchange("agents-create-duplicate", "POST", f"{NS}/agents", expect=422,
             json_body={"email": USERS["agent"]["email"], "first_name": "سارا", "last_name": "احمدی"})
    exchange("agents-create-validation", "POST", f"{NS}/agents", expect=422, json_body={"first_name": "بی‌نشانی"})
    exchange("agents-list", "GET", f"{NS}/agents", expect=200)
    exchange("agents-list-as-agent", "GET", f"{NS}/agents", auth="agent", expect=403,
             note="agents/ needs fst_sensitive_data: an agent without it cannot list agents")
    exchange("me-agent", "GET", f"{NS}/me", auth="agent", expect=200)
    exchange("portal-list-no-customer", "GET", f"{NS}/customer-portal/tickets", auth="customer", expect=422,
             note="a subscriber gets a customer record with their first ticket; before that portal reads fail")
    exchange("me-customer", "GET", f"{NS}/me", auth="customer", expect=200)
    exchange("portal-public-options", "GET", f"{NS}/customer-portal/public_options", auth="customer", expect=200)

    # --- seed through the portal and the agent API ------------------------------------------------
    # T1: the customer's printer (replies and a note follow)
    exchange("portal-create", "POST", f"{NS}/customer-portal/tickets", auth="customer", expect=200,
             json_body={"title": "چاپگر طبقهٔ دوم کار نمی‌کند",
                        "content": "از صبح چاپگر طبقهٔ دوم «کاغذ گیر کرده» نشان می‌دهد ولی کاغذی گیر نکرده است.\nلطفاً بررسی کنید.",
                        "client_priority": "normal"})
    exchange("portal-create-validation", "POST", f"{NS}/customer-portal/tickets", auth="customer", expect=422,
             json_body={"content": "بدون عنوان"})
    receipt = "رسید پرداخت آذر ۱۴۰۵\nمبلغ: ۱٬۲۵۰٬۰۰۰ تومان\n".encode("utf-8")
    _, uploaded = exchange("portal-upload", "POST", f"{NS}/customer-portal/ticket_file_upload", auth="customer",
                           expect=200, files=[("file", ("رسید-پرداخت.txt", "text/plain", receipt))])
    hashes = uploaded.get("attachments", []) if isinstance(uploaded, dict) else []
    step()
    # T2: billing, critical, with the customer's file
    exchange("portal-create-with-attachment", "POST", f"{NS}/customer-portal/tickets", auth="customer",
             expect=200,
             json_body={"title": "صورتحساب آذر دو بار صادر شده", "content": "برای آذر دو صورتحساب گرفته‌ام؛ رسید پیوست است.",
                        "client_priority": "critical", "attachments": hashes})
    step()
    # T3: filed by an agent for a new customer (no WordPress user)
    exchange("tickets-create", "POST", f"{NS}/tickets", auth="agent", expect=200,
             json_body={"ticket": {"title": "درخواست افزایش سهمیهٔ ایمیل", "content": "سهمیهٔ صندوق ایمیل واحد مالی پر شده است.",
                                   "client_priority": "medium", "priority": "medium", "create_customer": "yes"},
                        "newCustomer": {"first_name": "زهرا", "last_name": "کاظمی",
                                        "email": "zahra.kazemi@example.ir"}})
    _, new_files = exchange("ticket-file-upload-new-ticket", "POST", f"{NS}/ticket_file_upload", auth="agent",
                            expect=200, files=[("is_agent", "yes"),
                                               ("file", ("فهرست-صندوق‌ها.csv", "text/csv",
                                                         "صندوق,حجم\nمالی,۲ گیگ\n".encode("utf-8")))])
    # T4: filed by an agent for the existing customer, with a file uploaded before the ticket existed
    exchange("tickets-create-with-attachment", "POST", f"{NS}/tickets", auth="agent", expect=200,
             json_body={"ticket": {"title": "رمز وای‌فای مهمانان", "content": "رمز شبکهٔ مهمانان را عوض کنید.",
                                   "customer_id": 3, "priority": "normal"},
                        "attachments": new_files.get("attachments", []) if isinstance(new_files, dict) else []},
             note="attachments go beside 'ticket', not inside it")
    step()
    exchange("tickets-create-validation", "POST", f"{NS}/tickets", auth="agent", expect=422,
             json_body={"ticket": {"content": "بدون عنوان و بدون مشتری"}})
    exchange("tickets-create-no-customer", "POST", f"{NS}/tickets", auth="agent",
             json_body={"ticket": {"title": "بدون مشتری", "content": "مشتری ندارد"}},
             note="neither customer_id nor a new customer's e-mail")
    # T5-T8: more of the customer's tickets, for paging, filters and status changes
    for title, priority in [("نصب نرم‌افزار حسابداری", "medium"),
                            ("کند بودن اینترنت", "critical"), ("درخواست کارت ورود", "normal"),
                            ("مشکل ورود به سامانه", "medium")]:
        exchange("seed", "POST", f"{NS}/customer-portal/tickets", auth="customer", expect=200, save=False,
                 json_body={"title": title, "content": f"{title}: لطفاً پیگیری کنید.", "client_priority": priority})
        step()

    # --- conversation on T1 ----------------------------------------------------------------------
    exchange("tickets-reply", "POST", f"{NS}/tickets/1/responses", expect=200,
             json_body={"content": "سلام، همکار ما تا یک ساعت دیگر سر می‌زند.", "conversation_type": "response"},
             note="the first agent reply: status new -> active, the replying agent is assigned")
    step()
    exchange("portal-reply", "POST", f"{NS}/customer-portal/tickets/1/responses", auth="customer", expect=200,
             json_body={"content": "ممنون، منتظرم. <b>فوری</b> است."})
    step()
    exchange("tickets-note", "POST", f"{NS}/tickets/1/responses", auth="agent", expect=200,
             json_body={"content": "یادداشت داخلی: کارتریج هم تمام شده است.", "conversation_type": "note"})
    exchange("tickets-reply-validation", "POST", f"{NS}/tickets/1/responses", expect=422,
             json_body={"content": "", "conversation_type": "response"})
    # T2: the agent answers with a file -> waiting on the customer
    log = "کد خطا: E-204\nError code: E-204\n".encode("utf-8")
    _, agent_files = exchange("ticket-file-upload", "POST", f"{NS}/ticket_file_upload", auth="agent", expect=200,
                              files=[("ticket_id", "2"), ("is_agent", "yes"),
                                     ("file", ("گزارش-خطا.txt", "text/plain", log))])
    agent_hashes = agent_files.get("attachments", []) if isinstance(agent_files, dict) else []
    exchange("ticket-file-upload-bad-type", "POST", f"{NS}/ticket_file_upload", auth="agent", expect=422,
             files=[("ticket_id", "2"), ("is_agent", "yes"),
                    ("file", ("اسکریپت.php", "application/x-php", b"<?php echo 1;\n"))])
    step()
    exchange("tickets-reply-with-attachment", "POST", f"{NS}/tickets/2/responses", auth="agent", expect=200,
             json_body={"content": "صورتحساب دوم باطل شد. گزارش پیوست است.", "conversation_type": "response",
                        "attachments": agent_hashes})

    # --- status changes --------------------------------------------------------------------------
    exchange("tickets-close", "POST", f"{NS}/tickets/4/close", auth="agent", expect=200)
    exchange("tickets-close-again", "POST", f"{NS}/tickets/4/close", auth="agent", expect=200,
             note="closing a closed ticket changes nothing and logs nothing")
    exchange("tickets-reopen", "POST", f"{NS}/tickets/4/re-open", auth="agent", expect=200)
    exchange("seed", "POST", f"{NS}/tickets/5/close", auth="agent", expect=200, save=False)
    exchange("portal-close", "POST", f"{NS}/customer-portal/tickets/6/close", auth="customer", expect=200)
    exchange("portal-reopen", "POST", f"{NS}/customer-portal/tickets/6/re-open", auth="customer", expect=200,
             note="the answer's 'ticket' is the customer (the person who re-opened), not the ticket")
    exchange("tickets-property-status", "PUT", f"{NS}/tickets/7/property", auth="agent", expect=200,
             json_body={"prop_name": "status", "prop_value": "closed"},
             note="property writes any column: status closed without resolved_at, closed_by or a log entry")

    # --- properties on T3 ------------------------------------------------------------------------
    exchange("tickets-property-priority", "PUT", f"{NS}/tickets/3/property", auth="agent", expect=200,
             json_body={"prop_name": "priority", "prop_value": "critical"})
    exchange("tickets-property-agent", "PUT", f"{NS}/tickets/3/property", auth="admin", expect=200,
             json_body={"prop_name": "agent_id", "prop_value": "2"})
    exchange("tickets-property-missing-agent", "PUT", f"{NS}/tickets/3/property", auth="admin",
             json_body={"prop_name": "agent_id", "prop_value": "999"})

    # --- agent reads -----------------------------------------------------------------------------
    exchange("tickets-list", "GET", f"{NS}/tickets", auth="agent", expect=200)
    exchange("tickets-list-page1", "GET", f"{NS}/tickets", {"per_page": "3", "page": "1"}, auth="agent", expect=200)
    exchange("tickets-list-page2", "GET", f"{NS}/tickets", {"per_page": "3", "page": "2"}, auth="agent", expect=200,
             note="next_page_url and prev_page_url drop per_page and every filter")
    exchange("tickets-list-past-end", "GET", f"{NS}/tickets", {"per_page": "3", "page": "9"}, auth="agent",
             expect=200)
    exchange("tickets-list-status-closed", "GET", f"{NS}/tickets", {"filters[status_type]": "closed"},
             auth="agent", expect=200)
    exchange("tickets-list-status-new", "GET", f"{NS}/tickets", {"filters[status_type]": "new"}, auth="agent",
             expect=200)
    exchange("tickets-list-status-open", "GET", f"{NS}/tickets", {"filters[status_type]": "open"},
             auth="agent", expect=200)
    exchange("tickets-list-priority-critical", "GET", f"{NS}/tickets", {"filters[priority]": "critical"},
             auth="agent", expect=200)
    exchange("tickets-list-client-priority", "GET", f"{NS}/tickets", {"filters[client_priority]": "critical"},
             auth="agent", expect=200)
    exchange("tickets-list-unassigned", "GET", f"{NS}/tickets", {"filters[agent_id]": "unassigned"},
             auth="agent", expect=200)
    exchange("tickets-list-agent-filter-ignored", "GET", f"{NS}/tickets", {"filters[agent_id]": "2"},
             auth="agent", expect=200, note="filters[agent_id]=N filters only with Fluent Support Pro")
    exchange("tickets-list-waiting", "GET", f"{NS}/tickets", {"filters[waiting_for_reply]": "yes"},
             auth="agent", expect=200)
    exchange("tickets-list-search-persian", "GET", f"{NS}/tickets", {"search": "صورتحساب"}, auth="agent",
             expect=200)
    exchange("tickets-list-search-id", "GET", f"{NS}/tickets", {"search": "id:2"}, auth="agent", expect=200)
    exchange("tickets-list-order-asc", "GET", f"{NS}/tickets",
             {"order_by": "id", "order_type": "ASC", "per_page": "4"}, auth="agent", expect=200)
    exchange("tickets-list-mailbox", "GET", f"{NS}/tickets", {"filters[mailbox_id]": "1", "per_page": "2"},
             auth="agent", expect=200)
    exchange("tickets-list-customer", "GET", f"{NS}/tickets", {"customer_id": "4"}, auth="agent", expect=200)
    exchange("ticket-get", "GET", f"{NS}/tickets/1", auth="agent", expect=200,
             note="responses newest first: the note, the customer's reply, the agent's reply")
    exchange("ticket-get-with-attachment", "GET", f"{NS}/tickets/2", auth="agent", expect=200)
    exchange("ticket-get-closed", "GET", f"{NS}/tickets/5", auth="agent", expect=200)
    exchange("ticket-get-assigned", "GET", f"{NS}/tickets/3", auth="agent", expect=200)
    exchange("ticket-get-reopened", "GET", f"{NS}/tickets/6", auth="agent", expect=200)
    exchange("ticket-get-agent-created", "GET", f"{NS}/tickets/4", auth="agent", expect=200,
             note="filed by an agent with a file, closed and re-opened by the agent")
    exchange("ticket-essentials", "GET", f"{NS}/tickets/ticket-essentials", auth="admin", expect=200)
    exchange("ticket-essentials-as-agent", "GET", f"{NS}/tickets/ticket-essentials", auth="agent", expect=403,
             note="ticket-essentials needs fst_manage_settings")

    # --- customer portal reads and writes ----------------------------------------------------------
    exchange("portal-list", "GET", f"{NS}/customer-portal/tickets", auth="customer", expect=200)
    exchange("portal-list-open", "GET", f"{NS}/customer-portal/tickets", {"filter_type": "open"},
             auth="customer", expect=200)
    exchange("portal-list-closed", "GET", f"{NS}/customer-portal/tickets", {"filter_type": "closed"},
             auth="customer", expect=200)
    exchange("portal-list-search", "GET", f"{NS}/customer-portal/tickets", {"search": "چاپگر"},
             auth="customer", expect=200,
             note="search is ignored by the portal list: every ticket comes back")
    exchange("portal-list-sorted", "GET", f"{NS}/customer-portal/tickets",
             {"sorting[sort_by]": "id", "sorting[sort_type]": "ASC", "per_page": "3"}, auth="customer", expect=200,
             note="sorting[...] is ignored: always the latest updated_at first")
    exchange("portal-list-page2", "GET", f"{NS}/customer-portal/tickets", {"per_page": "3", "page": "2"},
             auth="customer", expect=200)
    exchange("portal-get", "GET", f"{NS}/customer-portal/tickets/1", auth="customer", expect=200,
             note="the portal leaves out notes and internal_info entries")
    _, with_file = exchange("portal-get-with-attachment", "GET", f"{NS}/customer-portal/tickets/2",
                            auth="customer", expect=200)
    exchange("portal-get-other-customer", "GET", f"{NS}/customer-portal/tickets/3", auth="customer",
             note="ticket 3 belongs to another customer")
    exchange("portal-list-as-agent", "GET", f"{NS}/customer-portal/tickets", auth="agent",
             note="an agent without tickets of their own has no customer record")

    # the customer's file, by its signed URL (no credentials; the signature changes every hour)
    secure_url = None
    for response in (with_file or {}).get("responses", []) if isinstance(with_file, dict) else []:
        for attachment in response.get("attachments", []):
            secure_url = secure_url or attachment.get("secureUrl")
    for attachment in ((with_file or {}).get("ticket", {}) or {}).get("attachments", []) or []:
        secure_url = secure_url or attachment.get("secureUrl")
    if secure_url:
        exchange("attachment-download", "GET", None, auth=None, full_url=secure_url, expect=200,
                 headers={"Accept": "*/*"})
        bad = secure_url.rsplit("secure_sign=", 1)[0] + "secure_sign=0"
        exchange("attachment-download-cors", "GET", None, auth=None, full_url=secure_url, expect=200,
                 headers={"Accept": "*/*", "Origin": ORIGIN},
                 note="index.php answers without Access-Control-Allow-Origin: cross-origin code cannot read it")
        exchange("attachment-download-bad-sign", "GET", None, auth=None, full_url=bad, headers={"Accept": "*/*"})
    else:
        mismatches.append("no secureUrl on ticket 2")

    # --- writes after the reads: replies to a closed ticket, an unassignment ------------------------
    exchange("portal-reply-closed", "POST", f"{NS}/customer-portal/tickets/5/responses", auth="customer",
             json_body={"content": "هنوز نصب نشده است."}, note="ticket 5 is closed")
    exchange("tickets-reply-closed", "POST", f"{NS}/tickets/7/responses", auth="agent",
             json_body={"content": "این تیکت بسته است.", "conversation_type": "response"},
             note="ticket 7 was closed through property")
    exchange("ticket-get-after-closed-replies", "GET", f"{NS}/tickets/5", auth="agent", expect=200)
    exchange("tickets-property-unassign", "PUT", f"{NS}/tickets/3/property", auth="admin",
             json_body={"prop_name": "agent_id", "prop_value": ""},
             note="an empty value is ignored: property cannot unassign")

    # --- errors -------------------------------------------------------------------------------------
    exchange("error-bad-app-password", "GET", f"{NS}/tickets", auth="bad-app-password:agent", expect=401)
    exchange("error-login-password", "GET", f"{NS}/tickets", auth="login-password:agent", expect=401,
             note="the login password over Basic auth is refused: only application passwords work")
    exchange("error-no-auth", "GET", f"{NS}/tickets", auth=None, expect=401)
    exchange("error-no-auth-portal", "GET", f"{NS}/customer-portal/tickets", auth=None, expect=401)
    exchange("error-missing-ticket", "GET", f"{NS}/tickets/9999", auth="agent", expect=422,
             note="findOrFail is caught by the controller: 422 with a bare JSON string, not 404")
    exchange("error-missing-ticket-portal", "GET", f"{NS}/customer-portal/tickets/9999", auth="customer")
    exchange("error-missing-ticket-reply", "POST", f"{NS}/tickets/9999/responses", auth="agent",
             json_body={"content": "پاسخ به تیکتی که نیست", "conversation_type": "response"})
    exchange("error-customer-agent-list", "GET", f"{NS}/tickets", auth="customer", expect=403)
    exchange("error-customer-agent-reply", "POST", f"{NS}/tickets/1/responses", auth="customer", expect=403,
             json_body={"content": "از راه پیشخوان کارشناس", "conversation_type": "response"})
    exchange("error-customer-close-other", "POST", f"{NS}/customer-portal/tickets/3/close", auth="customer")
    exchange("error-agent-delete-forbidden", "DELETE", f"{NS}/tickets/8/delete", auth="agent",
             note="the agent has no fst_delete_tickets")
    exchange("error-method-override", "POST", f"{NS}/tickets/3/property", auth="agent",
             headers={"X-HTTP-Method-Override": "PUT"},
             json_body={"prop_name": "priority", "prop_value": "normal"},
             note="X-HTTP-Method-Override works same-origin, but it is not an allowed CORS header (see cors-preflight-put)")

    # --- CORS ---------------------------------------------------------------------------------------
    exchange("cors-preflight-put", "OPTIONS", f"{NS}/tickets/3/property", auth=None,
             headers={"Origin": ORIGIN, "Access-Control-Request-Method": "PUT",
                      "Access-Control-Request-Headers": "authorization,content-type"})
    exchange("cors-get", "GET", f"{NS}/tickets", {"per_page": "1"}, auth="agent", expect=200,
             headers={"Origin": ORIGIN})

    print(f"{len(list(OUT.glob('*.json')))} fixtures in {OUT}")
    if mismatches:
        print("differences from what record.py expected:", *mismatches, sep="\n  ")


if __name__ == "__main__":
    try:
        main()
    except urllib.error.URLError as err:
        sys.exit(f"record.py: cannot reach {BASE_URL} ({err.reason}); run up.sh first")
