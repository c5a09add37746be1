#!/usr/bin/env python3
"""Record request/response fixtures from a running Awesome Support (stdlib only; installs nothing).

    STATE_DIR=... python3 scripts/backends/awesome-support/seed.py     # once, on a fresh instance
    STATE_DIR=... python3 scripts/backends/awesome-support/record.py   # writes tests/fixtures/awesome-support/

Run it right after seed.py: the exchanges name seeded tickets (by the keys in seed.json) and
they create, reply to, close and change tickets.

Each exchange becomes one JSON file:
    {"note"?, "request":  {"method", "path", "query", "headers", "body"},
              "response": {"status", "headers", "body"}}
Only non-secret request headers are kept; Authorization keeps its scheme ("Basic <redacted>"),
cookies and nonces are "<redacted>", and every password, application password, nonce and
cookie value is "<redacted>" wherever it appears in a body. A response body is parsed JSON when
the server says JSON, raw text otherwise; the attachment download keeps only status and
headers. Response headers kept: content-type, x-wp-total, x-wp-totalpages, allow, location,
link, www-authenticate, content-disposition and the access-control-* headers.

Environment: STATE_DIR (credentials.json from up.sh, seed.json from seed.py; default
<repo>/target/backends/wordpress-awesome), FIXTURES_DIR (default
<repo>/tests/fixtures/awesome-support), CORS_ORIGIN (default http://127.0.0.1:18080).
"""

import http.cookiejar
import json
import os
import struct
import sys
import urllib.error
import urllib.parse
import urllib.request
import zlib
from pathlib import Path

from wpapi import BASE_URL, BOUNDARY, NAMESPACE, REPO, STATE_DIR, basic, load_json, multipart, request, users

OUT = Path(os.environ.get("FIXTURES_DIR", REPO / "tests/fixtures/awesome-support"))
ORIGIN = os.environ.get("CORS_ORIGIN", "http://127.0.0.1:18080")
NS = f"/wp-json/{NAMESPACE}"
REDACTED = "<redacted>"

SEED = load_json(STATE_DIR / "seed.json")
PEOPLE = users()
T = SEED["tickets"]
R = SEED["replies"]

KEEP_REQUEST_HEADERS = {"accept", "content-type", "origin", "access-control-request-method",
                        "access-control-request-headers"}
KEEP_RESPONSE_HEADERS = {"content-type", "x-wp-total", "x-wp-totalpages", "allow", "location", "link",
                         "www-authenticate", "content-disposition", "access-control-allow-origin",
                         "access-control-allow-credentials", "access-control-allow-methods",
                         "access-control-allow-headers", "access-control-expose-headers",
                         "access-control-max-age"}

SECRETS = set()
for person in PEOPLE.values():
    for key in ("password", "app_password"):
        if person.get(key):
            SECRETS.add(person[key])
            SECRETS.add(person[key].replace(" ", ""))
mismatches = []


def scrub(value):
    """Replace every known secret inside strings of a JSON-like value."""
    if isinstance(value, str):
        for secret in sorted(SECRETS, key=len, reverse=True):
            value = value.replace(secret, REDACTED)
        return value
    if isinstance(value, list):
        return [scrub(v) for v in value]
    if isinstance(value, dict):
        return {k: REDACTED if k in ("password", "app_password") else scrub(v) for k, v in value.items()}
    return value


def auth_header(auth):
    """auth: a login, "bad:<login>" (a wrong application password), or None."""
    if auth is None:
        return None
    if auth.startswith("bad:"):
        return basic(auth[4:], "abcd EFGH ijkl MNOP qrst UVWX")
    return basic(auth, PEOPLE[auth]["app_password"])


class Session:
    """A browser-like login: WordPress's cookies and the REST nonce its pages render."""

    def __init__(self, login):
        self.jar = http.cookiejar.CookieJar()
        opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(self.jar))
        self.jar.set_cookie(http.cookiejar.Cookie(
            0, "wordpress_test_cookie", "WP%20Cookie%20check", None, False, urllib.parse.urlsplit(BASE_URL).hostname,
            False, False, "/", True, False, None, True, None, None, {}))
        form = urllib.parse.urlencode({"log": login, "pwd": PEOPLE[login]["password"], "testcookie": "1",
                                       "redirect_to": f"{BASE_URL}/wp-admin/"}).encode()
        try:
            opener.open(urllib.request.Request(f"{BASE_URL}/wp-login.php", data=form, method="POST"), timeout=30)
        except urllib.error.HTTPError:
            pass
        if not any(c.name.startswith("wordpress_logged_in") for c in self.jar):
            raise SystemExit(f"record.py: wp-login.php did not log {login} in")
        ajax = opener.open(f"{BASE_URL}/wp-admin/admin-ajax.php?action=rest-nonce", timeout=30)
        self.nonce = ajax.read().decode().strip()
        SECRETS.add(self.nonce)
        for cookie in self.jar:
            SECRETS.add(cookie.value)

    def cookie_header(self):
        return "; ".join(f"{c.name}={c.value}" for c in self.jar)


def exchange(name, method, path, query=None, auth="admin", json_body=None, files=None, headers=None,
             session=None, nonce=None, expect=None, body_mode="auto", note=None, url=None, timeout=60):
    """Perform one request, write OUT/<name>.json, return (status, parsed body, headers)."""
    query = query or {}
    target = url or (BASE_URL + path + ("?" + urllib.parse.urlencode(query) if query else ""))
    send_headers = {"Accept": "application/json"}
    send_headers.update(headers or {})
    shown = {k: v for k, v in send_headers.items() if k.lower() in KEEP_REQUEST_HEADERS}
    real_auth = auth_header(auth)
    if real_auth:
        send_headers["Authorization"] = real_auth
        shown["Authorization"] = f"Basic {REDACTED}"
    if session:
        send_headers["Cookie"] = session.cookie_header()
        shown["Cookie"] = REDACTED
        if nonce:
            send_headers["X-WP-Nonce"] = nonce
            shown["X-WP-Nonce"] = REDACTED
    data, recorded_body = None, None
    if files is not None:
        data, recorded_body = multipart(files)
        send_headers["Content-Type"] = f"multipart/form-data; boundary={BOUNDARY}"
        shown["Content-Type"] = send_headers["Content-Type"]
    elif json_body is not None:
        data = json.dumps(json_body, ensure_ascii=False).encode("utf-8")
        recorded_body = json_body
        send_headers["Content-Type"] = "application/json; charset=utf-8"
        shown["Content-Type"] = send_headers["Content-Type"]

    status, raw_headers, raw = request(method, target, send_headers, data, timeout=timeout)
    resp_headers = {k.lower(): v for k, v in raw_headers if k.lower() in KEEP_RESPONSE_HEADERS}
    ctype = resp_headers.get("content-type", "")
    if body_mode == "omit":
        body = None
    elif "json" in ctype and raw:
        body = json.loads(raw.decode("utf-8"))
    else:
        body = raw.decode("utf-8", "replace")

    shown_path = urllib.parse.urlsplit(target).path if url else path
    record = {
        "request": {"method": method, "path": shown_path, "query": query, "headers": shown, "body": recorded_body},
        "response": {"status": status, "headers": resp_headers, "body": body},
    }
    if note:
        record = {"note": note, **record}
    record = scrub(record)
    (OUT / f"{name}.json").write_text(json.dumps(record, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    flag = ""
    if expect is not None and status != expect:
        flag = f"   <-- expected {expect}"
        mismatches.append(f"{name}: {status} (expected {expect})")
    total = resp_headers.get("x-wp-total")
    print(f"{status} {method:7} {shown_path}{'?' + urllib.parse.urlencode(query) if query else ''}"
          f"{'  [total ' + total + ']' if total is not None else ''}  -> {name}.json{flag}")
    return status, body, resp_headers


def png(seed_byte):
    def chunk(kind, data):
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)
    header = struct.pack(">IIBBBBB", 1, 1, 8, 2, 0, 0, 0)
    pixel = zlib.compress(bytes([0, seed_byte, 0x40, 0x80]))
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", pixel) + chunk(b"IEND", b"")


def main():
    request("GET", f"{BASE_URL}/wp-json/", timeout=10)
    OUT.mkdir(parents=True, exist_ok=True)
    for old in OUT.glob("*.json"):
        old.unlink()
    uid = {login: p["id"] for login, p in PEOPLE.items()}
    D, P, G = SEED["departments"], SEED["priorities"], SEED["tags"]

    # --- who am I, vocabularies -------------------------------------------------------------
    exchange("users-me-agent", "GET", f"{NS}/users/me", {"context": "edit"}, auth="agent", expect=200)
    exchange("users-me-customer", "GET", f"{NS}/users/me", {"context": "edit"}, auth="customer", expect=200)
    exchange("users-me-admin", "GET", f"{NS}/users/me", {"context": "edit"}, auth="admin", expect=200)
    exchange("users-agents", "GET", f"{NS}/users", {"who": "authors", "per_page": "100"}, auth="agent", expect=200,
             note="who=authors: users who can edit posts (agents, admins); open to agents, unlike roles=")
    exchange("users-roles-agent-forbidden", "GET", f"{NS}/users", {"roles": "wpas_agent"}, auth="agent", expect=403)
    exchange("users-agents-customer-forbidden", "GET", f"{NS}/users", {"who": "authors"}, auth="customer",
             expect=403)
    exchange("users-customer-by-agent", "GET", f"{NS}/users/{uid['customer']}", auth="agent", expect=200,
             note="readable only because this customer closed a ticket: that wrote a published ticket_history post")
    exchange("users-customer2-by-agent", "GET", f"{NS}/users/{uid['customer2']}", auth="agent", expect=403,
             note="a customer with no published post of a REST type: agents (no list_users) may not read them")
    exchange("users-roles-admin", "GET", f"{NS}/users", {"roles": "wpas_agent,administrator", "context": "edit"},
             auth="admin", expect=200)
    exchange("statuses", "GET", "/wp-json/wp/v2/statuses", auth="customer", expect=200,
             note="core's post statuses: the ticket statuses queued/processing/hold with their labels")
    exchange("department-list", "GET", f"{NS}/department", {"per_page": "100"}, auth="agent", expect=200)
    exchange("department-by-slug", "GET", f"{NS}/department", {"slug": "billing"}, auth="customer", expect=200)
    exchange("ticket_priority-list", "GET", f"{NS}/ticket_priority", {"per_page": "100"}, auth="customer",
             expect=200)
    exchange("ticket-tag-list", "GET", f"{NS}/ticket-tag", {"per_page": "100"}, auth="agent", expect=200)
    exchange("ticket_channel-list", "GET", f"{NS}/ticket_channel", {"per_page": "100"}, auth="agent", expect=200)
    exchange("settings", "GET", f"{NS}/settings", auth="customer", expect=200,
             note="open to anyone with create_ticket: the upload limits among them")
    exchange("product-route-off", "GET", f"{NS}/product", auth="agent", expect=404,
             note="products are off on this site: the taxonomy route does not exist")

    # --- ticket lists -----------------------------------------------------------------------
    exchange("tickets-list-admin-default", "GET", f"{NS}/tickets", auth="admin", expect=200,
             note="no parameters: state=open; admin_see_all is on, so no assignee default for the admin")
    for page in (1, 2, 3):
        exchange(f"tickets-list-any-page{page}", "GET", f"{NS}/tickets",
                 {"state": "any", "per_page": "5", "page": str(page)}, auth="admin", expect=200)
    exchange("tickets-list-past-end", "GET", f"{NS}/tickets", {"state": "any", "per_page": "5", "page": "4"},
             auth="admin", expect=400)
    exchange("tickets-list-per-page-too-big", "GET", f"{NS}/tickets", {"per_page": "500"}, auth="admin", expect=400)
    exchange("tickets-list-agent-default", "GET", f"{NS}/tickets", auth="agent", expect=200,
             note="no parameters: state=open and assignee=<the agent>")
    exchange("tickets-list-agent-all-page1", "GET", f"{NS}/tickets",
             {"assignee": "0", "state": "any", "per_page": "5"}, auth="agent", expect=200,
             note="assignee=0 lifts the default; the total counts tickets the agent cannot read")
    exchange("tickets-list-agent-all", "GET", f"{NS}/tickets",
             {"assignee": "0", "state": "any", "per_page": "100"}, auth="agent", expect=200)
    exchange("tickets-list-state-closed", "GET", f"{NS}/tickets", {"state": "closed"}, auth="admin", expect=200)
    exchange("tickets-list-state-bogus", "GET", f"{NS}/tickets", {"state": "bogus", "per_page": "100"},
             auth="admin", expect=200, note="an unknown state filters nothing: open and closed come back")
    exchange("tickets-list-status-hold", "GET", f"{NS}/tickets", {"status": "hold", "state": "any"},
             auth="admin", expect=200)
    exchange("tickets-list-assignee", "GET", f"{NS}/tickets", {"assignee": str(uid["agent2"]), "state": "any"},
             auth="admin", expect=200)
    exchange("tickets-list-department", "GET", f"{NS}/tickets", {"department": str(D["billing"]), "state": "any"},
             auth="admin", expect=200)
    exchange("tickets-list-priority", "GET", f"{NS}/tickets",
             {"ticket_priority": f"{P['urgent']},{P['high']}", "state": "any"}, auth="admin", expect=200)
    exchange("tickets-list-tag", "GET", f"{NS}/tickets", {"ticket-tag": str(G["network"]), "state": "any"},
             auth="admin", expect=200)
    exchange("tickets-list-search", "GET", f"{NS}/tickets", {"search": "چاپگر", "state": "any"}, auth="admin",
             expect=200, note="search looks at the ticket's title and first message only")
    exchange("tickets-list-search-reply-text", "GET", f"{NS}/tickets", {"search": "کابل", "state": "any"},
             auth="admin", expect=200, note="words that appear only in replies find nothing")
    exchange("tickets-list-order-id-asc", "GET", f"{NS}/tickets",
             {"orderby": "id", "order": "asc", "state": "any", "per_page": "3"}, auth="admin", expect=200)
    exchange("tickets-list-customer", "GET", f"{NS}/tickets", {"state": "any"}, auth="customer", expect=200)
    exchange("tickets-list-customer-other-author", "GET", f"{NS}/tickets",
             {"author": str(uid["customer2"]), "state": "any"}, auth="customer", expect=200,
             note="another customer's tickets: an empty page, but the total counts them")
    exchange("tickets-list-embed", "GET", f"{NS}/tickets",
             {"_embed": "author,assignee,replies,wp:term", "state": "any", "per_page": "100"},
             auth="admin", expect=200)
    exchange("tickets-list-embed-customer", "GET", f"{NS}/tickets",
             {"_embed": "author,assignee,replies,wp:term", "state": "any", "per_page": "100"},
             auth="customer", expect=200)
    exchange("tickets-list-adapter-agent", "GET", f"{NS}/tickets",
             {"_embed": "author,assignee,replies,wp:term", "assignee": "0", "state": "any",
              "per_page": "100", "page": "1"}, auth="agent", expect=200,
             note="what the adapter asks for an agent's list: names, replies and terms in one call; "
                  "customers an agent may not read are embedded as errors")
    exchange("tickets-list-edit-context-agent", "GET", f"{NS}/tickets",
             {"context": "edit", "assignee": "0", "state": "any", "per_page": "100"}, auth="agent", expect=200,
             note="context=edit checks edit rights instead of read rights: the agent gets every ticket, "
                  "including those the plugin hides from it")
    exchange("tickets-list-edit-customer-forbidden", "GET", f"{NS}/tickets", {"context": "edit"},
             auth="customer", expect=403, note="customers get the view context only")
    exchange("tickets-list-status-array", "GET", f"{NS}/tickets", {"status[]": "queued"}, auth="admin",
             expect=500, timeout=120, note="status as an array loops in the plugin until PHP gives up (~30 s)")

    # --- signing in, and what happens without it ------------------------------------------------
    exchange("error-bad-app-password", "GET", f"{NS}/tickets", auth="bad:agent", expect=401)
    exchange("error-login-password-over-basic", "GET", f"{NS}/users/me", auth=None, expect=401,
             headers={"Authorization": basic("agent", "not-an-app-password")},
             note="a non-application password over Basic auth: core ignores it and the caller is anonymous")
    exchange("tickets-list-anonymous", "GET", f"{NS}/tickets", auth=None, expect=200,
             note="anonymous: 200 [] while X-WP-Total counts the open tickets")
    exchange("tickets-list-anonymous-any", "GET", f"{NS}/tickets", {"state": "any", "per_page": "5"}, auth=None,
             expect=200)
    exchange("users-me-anonymous", "GET", f"{NS}/users/me", auth=None, expect=401)
    exchange("ticket-get-anonymous", "GET", f"{NS}/tickets/{T['printer']}", auth=None, expect=401)
    session = Session("customer")
    exchange("tickets-list-cookie-no-nonce", "GET", f"{NS}/tickets", {"state": "any"}, auth=None, session=session,
             expect=200, note="the login cookie without X-WP-Nonce counts as anonymous: [] with a total")
    exchange("users-me-cookie-no-nonce", "GET", f"{NS}/users/me", auth=None, session=session, expect=401)
    exchange("tickets-list-cookie-nonce", "GET", f"{NS}/tickets", {"state": "any"}, auth=None, session=session,
             nonce=session.nonce, expect=200)
    exchange("users-me-cookie-nonce", "GET", f"{NS}/users/me", auth=None, session=session, nonce=session.nonce,
             expect=200)
    exchange("error-cookie-bad-nonce", "GET", f"{NS}/tickets", auth=None, session=session, nonce="0123456789",
             expect=403)

    # --- single tickets, replies, history, attachments ------------------------------------------
    exchange("ticket-get", "GET", f"{NS}/tickets/{T['printer']}", auth="admin", expect=200)
    exchange("ticket-get-edit", "GET", f"{NS}/tickets/{T['printer']}", {"context": "edit"}, auth="agent",
             expect=200)
    exchange("ticket-get-embed", "GET", f"{NS}/tickets/{T['slow-peak']}",
             {"_embed": "author,assignee,replies,wp:term"}, auth="admin", expect=200)
    exchange("ticket-get-closed", "GET", f"{NS}/tickets/{T['official-invoice']}", auth="agent", expect=200)
    exchange("ticket-get-no-terms", "GET", f"{NS}/tickets/{T['change-email']}", auth="agent", expect=200)
    exchange("ticket-get-customer", "GET", f"{NS}/tickets/{T['double-charge']}", auth="customer", expect=200)
    exchange("ticket-get-customer-forbidden", "GET", f"{NS}/tickets/{T['office-internet']}", auth="customer",
             expect=403)
    exchange("ticket-get-agent-forbidden", "GET", f"{NS}/tickets/{T['double-charge']}", auth="agent", expect=403,
             note="assigned to agent2; agent_see_all is off")
    exchange("ticket-get-missing", "GET", f"{NS}/tickets/99999", auth="admin", expect=404)
    exchange("thread-ticket", "GET", f"{NS}/tickets/{T['office-internet']}",
             {"_embed": "author,assignee,wp:term"}, auth="agent", expect=200)
    exchange("thread-replies", "GET", f"{NS}/tickets/{T['office-internet']}/replies",
             {"_embed": "author", "order": "asc", "per_page": "100"}, auth="agent", expect=200)
    exchange("replies-list-edit-context", "GET", f"{NS}/tickets/{T['office-internet']}/replies",
             {"context": "edit", "order": "asc"}, auth="agent", expect=200,
             note="context=edit keeps only the replies the caller may edit: the customer's reply is gone, "
                  "while X-WP-Total still counts it")
    exchange("thread-history", "GET", f"{NS}/tickets/{T['office-internet']}/history", {"per_page": "100"},
             auth="agent", expect=200)
    thread_parents = ",".join(str(i) for i in [T["office-internet"]] + R["office-internet"])
    exchange("thread-attachments", "GET", f"{NS}/attachments", {"parent": thread_parents, "per_page": "100"},
             auth="admin", expect=200)
    exchange("thread-customer-ticket", "GET", f"{NS}/tickets/{T['office-internet']}",
             {"_embed": "author,assignee,wp:term"}, auth="customer2", expect=200)
    exchange("thread-customer-replies", "GET", f"{NS}/tickets/{T['office-internet']}/replies",
             {"_embed": "author", "order": "asc", "per_page": "100"}, auth="customer2", expect=200)
    exchange("thread-customer-history", "GET", f"{NS}/tickets/{T['office-internet']}/history", {"per_page": "100"},
             auth="customer2", expect=200)
    exchange("thread-customer-attachments", "GET", f"{NS}/attachments", {"parent": thread_parents, "per_page": "100"},
             auth="customer2", expect=200)
    exchange("replies-list", "GET", f"{NS}/tickets/{T['slow-peak']}/replies", auth="agent", expect=200)
    exchange("replies-list-embed", "GET", f"{NS}/tickets/{T['slow-peak']}/replies", {"_embed": "author"},
             auth="admin", expect=200)
    exchange("replies-list-customer", "GET", f"{NS}/tickets/{T['printer']}/replies", auth="customer", expect=200)
    exchange("replies-list-other-customer", "GET", f"{NS}/tickets/{T['printer']}/replies", auth="customer2",
             expect=200, note="another customer's ticket: an empty list rather than 403")
    exchange("replies-list-none", "GET", f"{NS}/tickets/{T['enterprise-pricing']}/replies", auth="admin",
             expect=200)
    exchange("history-closed-by-customer", "GET", f"{NS}/tickets/{T['official-invoice']}/history", auth="agent",
             expect=200)
    exchange("history-closed-by-agent", "GET", f"{NS}/tickets/{T['refund']}/history", auth="admin", expect=200)
    parents = ",".join(str(r) for r in R["office-internet"])
    exchange("attachments-list", "GET", f"{NS}/attachments", {"parent": parents}, auth="customer2", expect=200)
    exchange("attachments-list-admin", "GET", f"{NS}/attachments", {"parent": parents}, auth="admin", expect=200)
    _, media, _ = exchange("attachments-list-agent", "GET", f"{NS}/attachments", {"parent": parents}, auth="agent",
                           expect=200, note="the assigned agent cannot read the customer's file: [] with a total")
    exchange("attachment-get-agent-forbidden", "GET", f"{NS}/attachments/{SEED['attachment']}", auth="agent",
             expect=403)
    _, listed, _ = exchange("attachment-get", "GET", f"{NS}/attachments/{SEED['attachment']}", auth="customer2",
                            expect=200)
    exchange("attachment-download", "GET", "", auth="agent", url=urllib.parse.quote(listed["source_url"], safe=":/"),
             body_mode="omit", expect=200, note="the file itself is a static URL: no auth is checked")

    # --- create -----------------------------------------------------------------------------
    title = "پرینتر اتاق ۲۰۴ «کاغذ گیر کرده» می‌گوید"
    content = "سلام،\nپرینتر اتاق ۲۰۴ پیام «کاغذ گیر کرده» می‌دهد ولی کاغذی گیر نکرده است.\nممنون می‌شوم بررسی کنید."
    _, created, _ = exchange("ticket-create-customer", "POST", f"{NS}/tickets", auth="customer", expect=201,
                             json_body={"title": title, "content": content, "department": "technical",
                                        "ticket_priority": "high"})
    tid = created["id"]
    _, back, _ = exchange("ticket-create-customer-get", "GET", f"{NS}/tickets/{tid}", {"context": "edit"},
                          auth="admin", expect=200)
    if back.get("title", {}).get("raw") != title or back.get("content", {}).get("raw") != content:
        mismatches.append("ticket-create-customer-get: the UTF-8 round trip changed the text")
    _, on_behalf, _ = exchange(
        "ticket-create-agent-for-customer", "POST", f"{NS}/tickets", auth="agent", expect=201,
        json_body={"title": "تماس تلفنی: تمدید اشتراک", "content": "مشتری تلفنی خواست اشتراکش تمدید شود.",
                   "author": uid["customer2"], "assignee": uid["agent"], "department": "sales",
                   "ticket_priority": "normal", "ticket-tag": [G["invoice"]]})
    exchange("ticket-create-missing-title", "POST", f"{NS}/tickets", auth="customer", expect=400,
             json_body={"content": "بدون عنوان"})
    exchange("ticket-create-subscriber", "POST", f"{NS}/tickets", auth="member", expect=403,
             json_body={"title": "از طرف مشترک ساده", "content": "متن"},
             note="a plain subscriber lacks create_ticket; customers need the wpas_user role")
    exchange("ticket-create-bad-department", "POST", f"{NS}/tickets", auth="customer", expect=500,
             json_body={"title": "دپارتمان ناموجود", "content": "متن", "department": "no-such-department"})
    exchange("ticket-create-tag-names", "POST", f"{NS}/tickets", auth="customer", expect=400,
             json_body={"title": "برچسب با نام", "content": "متن", "ticket-tag": ["شبکه"]},
             note="ticket-tag takes term ids only")

    # --- replies ------------------------------------------------------------------------------
    _, reply_c, _ = exchange("reply-create-customer", "POST", f"{NS}/tickets/{tid}/replies", auth="customer",
                             expect=201, json_body={"content": "این هم عکس صفحهٔ خطای دستگاه."})
    agent_on_new = next(login for login, p in PEOPLE.items() if p["id"] == created.get("assignee"))
    exchange("reply-create-agent", "POST", f"{NS}/tickets/{tid}/replies", auth=agent_on_new, expect=201,
             json_body={"content": "سلام، همکار ما تا یک ساعت دیگر سر می‌زند.\nلطفاً دستگاه را خاموش نکنید."})
    exchange("reply-create-empty", "POST", f"{NS}/tickets/{tid}/replies", auth="customer", expect=201,
             json_body={"content": ""}, note="an empty reply is stored")
    exchange("reply-create-missing-content", "POST", f"{NS}/tickets/{tid}/replies", auth="customer", expect=400,
             json_body={})
    exchange("reply-create-other-customer", "POST", f"{NS}/tickets/{tid}/replies", auth="customer2", expect=201,
             json_body={"content": "پاسخ از حساب یک مشتری دیگر"},
             note="the plugin checks only create_ticket: any customer can reply to any ticket")
    exchange("replies-list-after", "GET", f"{NS}/tickets/{tid}/replies", {"_embed": "author"}, auth="admin",
             expect=200)

    # --- attachments ----------------------------------------------------------------------------
    exchange("attachment-upload", "POST", f"{NS}/attachments", auth="customer", expect=201,
             files=[("post", str(reply_c["id"])), ("file", ("عکس خطای پرینتر ۲۰۴.png", "image/png", png(0x33)))])
    exchange("attachment-upload-type-refused", "POST", f"{NS}/attachments", auth="customer", expect=500,
             files=[("post", str(reply_c["id"])),
                    ("file", ("گزارش.txt", "text/plain", "کد خطا: E-204\n".encode("utf-8")))],
             note="only the site's allowed extensions (images, pdf, office, zip… by default)")
    exchange("attachment-upload-not-author", "POST", f"{NS}/attachments", auth="customer2", expect=403,
             files=[("post", str(reply_c["id"])), ("file", ("x.png", "image/png", png(0x44)))])
    exchange("attachments-list-after", "GET", f"{NS}/attachments", {"parent": str(reply_c["id"])},
             auth="customer", expect=200)

    # --- status ---------------------------------------------------------------------------------
    exchange("ticket-status-close", "POST", f"{NS}/tickets/{tid}/status", auth="customer", expect=200,
             json_body={"status": "closed"})
    exchange("ticket-get-after-close", "GET", f"{NS}/tickets/{tid}", auth="admin", expect=200)
    exchange("ticket-status-open", "POST", f"{NS}/tickets/{tid}/status", auth="customer", expect=200,
             json_body={"status": "open"})
    exchange("ticket-status-agent-not-author", "POST", f"{NS}/tickets/{tid}/status", auth=agent_on_new,
             expect=403, json_body={"status": "closed"}, note="only the ticket's author may use /status")
    exchange("ticket-status-missing", "POST", f"{NS}/tickets/{tid}/status", auth="customer", expect=400,
             json_body={})
    exchange("ticket-put-state-closed", "PUT", f"{NS}/tickets/{tid}", auth=agent_on_new, expect=200,
             json_body={"state": "closed"})
    exchange("ticket-put-state-open", "PUT", f"{NS}/tickets/{tid}", auth=agent_on_new, expect=200,
             json_body={"state": "open"})
    exchange("ticket-put-customer-forbidden", "PUT", f"{NS}/tickets/{tid}", auth="customer", expect=403,
             json_body={"state": "closed"}, note="customers close through /status, not PUT")

    # --- field changes --------------------------------------------------------------------------
    other = on_behalf["id"]
    exchange("ticket-patch-fields", "PATCH", f"{NS}/tickets/{other}", auth="agent", expect=200,
             json_body={"status": "processing", "department": "technical", "ticket_priority": "urgent",
                        "ticket-tag": [G["network"], G["printer"]]})
    exchange("ticket-patch-assignee", "PATCH", f"{NS}/tickets/{other}", auth="admin", expect=200,
             json_body={"assignee": uid["agent2"]})
    exchange("ticket-patch-priority-by-id", "PATCH", f"{NS}/tickets/{other}", auth="admin", expect=400,
             json_body={"ticket_priority": P["low"]}, note="a term id as a JSON number fails the string schema")
    exchange("ticket-patch-priority-id-text", "PATCH", f"{NS}/tickets/{other}", auth="admin", expect=200,
             json_body={"ticket_priority": str(P["low"])}, note="the same id as text is looked up by id")
    exchange("ticket-patch-clear-tags", "PATCH", f"{NS}/tickets/{other}", auth="admin", expect=200,
             json_body={"ticket-tag": []})
    exchange("ticket-patch-bad-priority", "PATCH", f"{NS}/tickets/{other}", auth="admin", expect=500,
             json_body={"ticket_priority": "no-such-priority"})
    exchange("ticket-patch-bad-status", "PATCH", f"{NS}/tickets/{other}", auth="admin", expect=400,
             json_body={"status": "closed"}, note="closed is a state, not a status")
    exchange("ticket-patch-by-unassigned-agent", "PATCH", f"{NS}/tickets/{other}", auth="agent", expect=200,
             json_body={"status": "hold"},
             note="no longer assigned, so the agent cannot read it, but edit_other_ticket lets it change it")
    exchange("ticket-patch-unassign", "PATCH", f"{NS}/tickets/{other}", auth="admin", expect=500,
             json_body={"assignee": 0}, note="a ticket cannot be left without an agent")
    exchange("ticket-patch-reopen-with-status", "PATCH", f"{NS}/tickets/{T['official-invoice']}", auth="agent",
             expect=200, json_body={"state": "open", "status": "hold"})
    exchange("history-after-changes", "GET", f"{NS}/tickets/{other}/history", auth="admin", expect=200)
    exchange("ticket-get-after-changes", "GET", f"{NS}/tickets/{other}", {"context": "edit"}, auth="agent2",
             expect=200)

    # --- CORS -------------------------------------------------------------------------------------
    exchange("cors-preflight", "OPTIONS", f"{NS}/tickets/{tid}", auth=None, expect=200,
             headers={"Origin": ORIGIN, "Access-Control-Request-Method": "PATCH",
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
