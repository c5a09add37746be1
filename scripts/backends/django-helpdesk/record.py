#!/usr/bin/env python3
"""Record request/response fixtures from a running django-helpdesk (stdlib only).

    scripts/backends/django-helpdesk/up.sh              # fresh seeded server
    python3 scripts/backends/django-helpdesk/record.py  # writes tests/fixtures/django-helpdesk/*.json
    scripts/backends/django-helpdesk/down.sh

Run it against a server that up.sh has just (re)started: the exchanges name seeded ids
(ticket 1 has notes, ticket 3 has an attachment) and they create and change tickets.

Each exchange becomes one JSON file:
    {"request":  {"method", "path", "query", "headers", "body"},
     "response": {"status", "headers", "body"}}
Only non-secret request headers are kept (Authorization keeps its scheme, the credential is
"<redacted>"); tokens and passwords are "<redacted>" wherever they appear. A response body is
parsed JSON when the server says JSON, raw text otherwise. Attachment downloads keep only
status and content type.

Environment: BASE_URL (default http://127.0.0.1:$PORT, PORT default 18101), STATE_DIR (for
tokens.json; default <repo>/target/backends/django-helpdesk), FIXTURES_DIR (default
<repo>/tests/fixtures/django-helpdesk).
"""

import base64
import json
import os
import sys
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parent.parent.parent
STATE_DIR = Path(os.environ.get("STATE_DIR", REPO / "target/backends/django-helpdesk"))
BASE_URL = os.environ.get("BASE_URL", f"http://127.0.0.1:{os.environ.get('PORT', '18101')}").rstrip("/")
OUT = Path(os.environ.get("FIXTURES_DIR", REPO / "tests/fixtures/django-helpdesk"))
API = "/helpdesk/api"
ORIGIN = os.environ.get("CORS_ORIGIN", "http://127.0.0.1:18080")

PASSWORDS = {"agent": "agent-pass-1", "customer": "customer-pass-1"}
REDACTED = "<redacted>"
BOUNDARY = "----PishkhanFixtureBoundary7d3e"

KEEP_REQUEST_HEADERS = {"accept", "content-type", "origin", "access-control-request-method",
                        "access-control-request-headers"}
KEEP_RESPONSE_HEADERS = {"content-type", "www-authenticate", "allow", "location", "vary",
                         "content-disposition", "access-control-allow-origin",
                         "access-control-allow-credentials", "access-control-allow-methods",
                         "access-control-allow-headers", "access-control-expose-headers",
                         "access-control-max-age"}

try:
    TOKENS = json.loads((STATE_DIR / "tokens.json").read_text())
except FileNotFoundError:
    sys.exit(f"record.py: no {STATE_DIR / 'tokens.json'}; run up.sh first")
SECRETS = [v for v in list(TOKENS.values()) + list(PASSWORDS.values()) if v]
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
        return {k: REDACTED if k in ("password", "token") else scrub(v) for k, v in value.items()}
    return value


def auth_header(auth):
    if auth is None:
        return None, None
    if auth == "bad-token":
        return "Token 0000000000000000000000000000000000000000", f"Token {REDACTED}"
    if auth.startswith("basic:"):
        user = auth.split(":", 1)[1]
        raw = base64.b64encode(f"{user}:{PASSWORDS[user]}".encode()).decode()
        return f"Basic {raw}", f"Basic {REDACTED}"
    return f"Token {TOKENS[auth]}", f"Token {REDACTED}"


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


def exchange(name, method, path, query=None, auth="agent", json_body=None, form=None,
             files=None, headers=None, expect=None, body_mode="auto", note=None):
    """Perform one request, write OUT/<name>.json, return (status, parsed body)."""
    query = query or {}
    url = BASE_URL + path + ("?" + urllib.parse.urlencode(query) if query else "")
    send_headers = {"Accept": "application/json"}
    send_headers.update(headers or {})
    real_auth, shown_auth = auth_header(auth)
    data, recorded_body = None, None
    if files is not None:
        data, recorded_body = multipart(files)
        send_headers["Content-Type"] = f"multipart/form-data; boundary={BOUNDARY}"
    elif form is not None:
        data = urllib.parse.urlencode(form).encode()
        recorded_body = dict(form)
        send_headers["Content-Type"] = "application/x-www-form-urlencoded"
    elif json_body is not None:
        data = json.dumps(json_body, ensure_ascii=False).encode("utf-8")
        recorded_body = json_body
        send_headers["Content-Type"] = "application/json; charset=utf-8"

    req = urllib.request.Request(url, data=data, method=method, headers=send_headers)
    if real_auth:
        req.add_header("Authorization", real_auth)
    try:
        resp = OPENER.open(req, timeout=30)
    except urllib.error.HTTPError as err:
        resp = err
    status = resp.status if hasattr(resp, "status") else resp.code
    raw = resp.read()
    resp_headers = {k.lower(): v for k, v in resp.headers.items() if k.lower() in KEEP_RESPONSE_HEADERS}
    ctype = resp_headers.get("content-type", "")

    if body_mode == "omit":
        body = None
    elif "json" in ctype and raw:
        body = json.loads(raw.decode("utf-8"))
    else:
        body = raw.decode("utf-8", "replace")

    shown_headers = {k: v for k, v in send_headers.items() if k.lower() in KEEP_REQUEST_HEADERS}
    if shown_auth:
        shown_headers["Authorization"] = shown_auth
    record = {
        "request": {
            "method": method,
            "path": path,
            "query": query,
            "headers": shown_headers,
            "body": recorded_body,
        },
        "response": {"status": status, "headers": resp_headers, "body": body},
    }
    if note:
        record = {"note": note, **record}
    record = scrub(record)
    (OUT / f"{name}.json").write_text(json.dumps(record, ensure_ascii=False, indent=2) + "\n",
                                      encoding="utf-8")
    flag = ""
    if expect is not None and status != expect:
        flag = f"   <-- expected {expect}"
        mismatches.append(f"{name}: {status} (expected {expect})")
    print(f"{status} {method:7} {path}{'?' + urllib.parse.urlencode(query) if query else ''}"
          f"  -> {name}.json{flag}")
    return status, body


def main():
    # Reach the server before deleting the old fixtures.
    urllib.request.urlopen(BASE_URL + f"{API}/", timeout=10).read()
    OUT.mkdir(parents=True, exist_ok=True)
    for old in OUT.glob("*.json"):
        old.unlink()

    # --- auth -----------------------------------------------------------------------------
    exchange("auth-token-obtain", "POST", "/api-token-auth/", auth=None,
             form={"username": "agent", "password": PASSWORDS["agent"]}, expect=200)
    exchange("auth-token-bad-password", "POST", "/api-token-auth/", auth=None,
             form={"username": "agent", "password": "wrong-password"}, expect=400)
    exchange("auth-token-obtain-json", "POST", "/api-token-auth/", auth=None,
             json_body={"username": "customer", "password": PASSWORDS["customer"]}, expect=200)
    exchange("api-root", "GET", f"{API}/", auth=None, expect=200)

    # --- ticket lists -----------------------------------------------------------------------
    exchange("tickets-list-page1", "GET", f"{API}/tickets/", {"page_size": "5"}, expect=200)
    exchange("tickets-list-page2", "GET", f"{API}/tickets/", {"page": "2", "page_size": "5"}, expect=200)
    exchange("tickets-list-past-end", "GET", f"{API}/tickets/", {"page": "4", "page_size": "5"}, expect=404)
    exchange("tickets-list-status-1-3", "GET", f"{API}/tickets/", {"status": "1,3"}, expect=200)
    exchange("tickets-list-status-label-ignored", "GET", f"{API}/tickets/",
             {"status": "Open", "page_size": "2"}, expect=200,
             note="status by label is silently ignored: all tickets come back")
    exchange("tickets-list-other-filters-ignored", "GET", f"{API}/tickets/",
             {"queue": "2", "search": "صورتحساب", "ordering": "-id", "page_size": "2"}, expect=200,
             note="queue, search and ordering are ignored: ascending id, all queues")
    exchange("tickets-list-basic-auth", "GET", f"{API}/tickets/", {"page_size": "1"},
             auth="basic:agent", expect=200)
    exchange("tickets-options", "OPTIONS", f"{API}/tickets/", expect=200,
             note="DRF metadata: status and priority choices; relations (queue, assigned_to) list no choices")

    # --- single tickets, customer view, followups -------------------------------------------
    exchange("ticket-get-with-attachment", "GET", f"{API}/tickets/3/", expect=200)
    exchange("ticket-get-with-notes", "GET", f"{API}/tickets/1/", expect=200)
    exchange("user-tickets-customer", "GET", f"{API}/user_tickets/", auth="customer", expect=200)
    exchange("user-tickets-customer-get", "GET", f"{API}/user_tickets/1/", auth="customer", expect=200)
    exchange("user-tickets-customer-other", "GET", f"{API}/user_tickets/3/", auth="customer", expect=404,
             note="ticket 3 was submitted by someone else")
    exchange("user-tickets-agent-empty", "GET", f"{API}/user_tickets/", auth="agent", expect=200,
             note="user_tickets matches the caller's email against submitter_email; staff too")
    exchange("followups-filter-ticket", "GET", f"{API}/followups/", {"ticket": "1", "page_size": "5"},
             expect=200, note="?ticket= is ignored: every follow-up comes back, oldest first")
    exchange("followups-get", "GET", f"{API}/followups/4/", expect=200)
    exchange("followups-attachments-list", "GET", f"{API}/followups-attachments/", expect=200)
    exchange("followups-customer-forbidden", "GET", f"{API}/followups/", auth="customer", expect=403)

    # --- create -----------------------------------------------------------------------------
    title = "چاپگر طبقه دوم کار نمی‌کند"
    description = "از صبح چاپگر طبقهٔ دوم «کاغذ گیر کرده» نشان می‌دهد ولی کاغذی گیر نکرده است.\nلطفاً بررسی کنید."
    status, created = exchange(
        "ticket-create-persian", "POST", f"{API}/tickets/", expect=201,
        json_body={"queue": 1, "title": title, "description": description, "priority": 3,
                   "submitter_email": "customer@example.test"})
    tid = created["id"]
    _, back = exchange("ticket-create-persian-get", "GET", f"{API}/tickets/{tid}/", expect=200)
    if back.get("title") != title or back.get("description") != description:
        mismatches.append("ticket-create-persian-get: UTF-8 round trip changed the text")
    exchange("ticket-create-no-priority", "POST", f"{API}/tickets/", expect=400,
             json_body={"queue": 1, "title": "بدون اولویت", "description": "متن"})
    exchange("ticket-create-no-description", "POST", f"{API}/tickets/", expect=500,
             json_body={"queue": 1, "title": "بدون شرح", "priority": 3})
    exchange("ticket-create-customer-forbidden", "POST", f"{API}/tickets/", auth="customer", expect=403,
             json_body={"queue": 1, "title": "از طرف مشتری", "description": "متن", "priority": 3})

    # --- followups ----------------------------------------------------------------------------
    exchange("followup-reply-public", "POST", f"{API}/followups/", expect=201,
             json_body={"ticket": tid, "comment": "سلام، همکار ما تا یک ساعت دیگر سر می‌زند.", "public": True})
    exchange("followup-internal-note", "POST", f"{API}/followups/", expect=201,
             json_body={"ticket": tid, "comment": "یادداشت داخلی: کارتریج هم تمام شده است.", "public": False})
    exchange("followup-public-omitted", "POST", f"{API}/followups/", expect=201,
             json_body={"ticket": tid, "comment": "بدون فیلد public فرستاده شد."},
             note="without 'public' the follow-up is internal (public: false)")
    attachment_name = "گزارش-چاپگر.txt"
    attachment_text = "کد خطا: E-204\nError code: E-204\n"
    _, with_file = exchange(
        "followup-attachment-multipart", "POST", f"{API}/followups/", expect=201,
        files=[("ticket", str(tid)), ("comment", "گزارش دستگاه پیوست شد."), ("public", "true"),
               ("attachments", (attachment_name, "text/plain", attachment_text.encode("utf-8")))])
    file_url = with_file["followupattachment_set"][0]["file"]
    parsed = urllib.parse.urlsplit(file_url)
    exchange("attachment-download", "GET", parsed.path, auth=None, expect=200, body_mode="omit",
             headers={"Accept": "*/*"}, note=f"the 'file' URL of followup-attachment-multipart: {file_url}")
    exchange("followup-new-status", "POST", f"{API}/followups/", expect=201,
             json_body={"ticket": tid, "comment": "چاپگر تعمیر شد.", "public": True, "new_status": 3})
    exchange("ticket-after-followup-new-status", "GET", f"{API}/tickets/{tid}/", expect=200,
             note="status 3 and resolution = the comment; the follow-up keeps new_status")
    exchange("followup-with-title", "POST", f"{API}/followups/", expect=201,
             json_body={"ticket": 10, "title": "عنوان تازه", "comment": "عنوان عوض شد؟", "public": True})
    exchange("ticket-after-followup-with-title", "GET", f"{API}/tickets/10/", expect=200,
             note="a follow-up's title renames the ticket")

    exchange("followup-template-syntax", "POST", f"{API}/followups/", expect=201,
             json_body={"ticket": 12, "comment": "عنوان: {{ ticket.title }} / صف: {{ queue.title }} / {% now 'Y' %}",
                        "public": False},
             note="the comment is rendered as a Django template: {{ ticket.* }} and {{ queue.* }} are "
                  "substituted, {% ... %} tags are kept verbatim")
    exchange("users-create-agent-forbidden", "POST", f"{API}/users/", expect=403,
             json_body={"username": "new-user", "email": "new@example.test", "password": "x-" + "pass-2",
                        "first_name": "نو", "last_name": "کاربر"},
             note="users/ needs is_staff plus auth.add_user (a superuser has it); a plain agent gets 403")

    # --- PATCH --------------------------------------------------------------------------------
    exchange("ticket-patch-status-priority-assignee", "PATCH", f"{API}/tickets/11/", expect=200,
             json_body={"status": 4, "priority": 2, "assigned_to": 2})
    exchange("ticket-after-patch", "GET", f"{API}/tickets/11/", expect=200,
             note="PATCH adds no follow-up: the change leaves no trace in followup_set")
    exchange("ticket-patch-unassign", "PATCH", f"{API}/tickets/11/", expect=200,
             json_body={"assigned_to": None})
    exchange("ticket-patch-bad-status", "PATCH", f"{API}/tickets/11/", expect=400,
             json_body={"status": 9})

    # --- errors -------------------------------------------------------------------------------
    exchange("error-no-auth", "GET", f"{API}/tickets/", auth=None, expect=403)
    exchange("error-bad-token", "GET", f"{API}/tickets/", auth="bad-token", expect=403)
    exchange("error-customer-tickets", "GET", f"{API}/tickets/", auth="customer", expect=403)
    exchange("error-missing-ticket", "GET", f"{API}/tickets/9999/", expect=404)
    exchange("error-user-tickets-no-auth", "GET", f"{API}/user_tickets/", auth=None, expect=403)

    # --- CORS ---------------------------------------------------------------------------------
    exchange("cors-preflight", "OPTIONS", f"{API}/tickets/", auth=None, expect=200,
             headers={"Origin": ORIGIN, "Access-Control-Request-Method": "PATCH",
                      "Access-Control-Request-Headers": "authorization,content-type"})
    exchange("cors-get", "GET", f"{API}/tickets/", {"page_size": "1"}, expect=200,
             headers={"Origin": ORIGIN})
    exchange("cors-other-origin", "GET", f"{API}/tickets/", {"page_size": "1"}, expect=200,
             headers={"Origin": "http://localhost:9999"},
             note="an origin not in CORS_ORIGINS gets no Access-Control-Allow-Origin")

    print(f"{len(list(OUT.glob('*.json')))} fixtures in {OUT}")
    if mismatches:
        print("differences from what record.py expected:", *mismatches, sep="\n  ")


if __name__ == "__main__":
    try:
        main()
    except urllib.error.URLError as err:
        sys.exit(f"record.py: cannot reach {BASE_URL} ({err.reason}); run up.sh first")
