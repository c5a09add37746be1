#!/usr/bin/env python3
"""Record WSDesk's one API call, `wsdesk_api_create_ticket`, from a running site (stdlib only).

    python3 scripts/backends/wsdesk/record.py   # writes tests/fixtures/wsdesk/*.json

It needs a WordPress site with WSDesk 1.7.0 freshly activated (tests/fixtures/wsdesk/README.md
says how). Signed in as the site's admin it does what the admin screens do: opens WSDesk's setup
wizard once, and switches the API on and off with WSDesk's own settings call (the one Settings →
General → Save posts), with an API key it makes up for the run. Each exchange becomes
    {"note"?, "request":  {"method", "path", "query", "headers", "body"},
              "response": {"status", "headers", "body"}}
The API key, passwords and cookies never reach a fixture ("<redacted>"). A response body is
parsed JSON when it parses (WSDesk sends JSON as text/html), raw text otherwise.

Environment: STATE_DIR (holds credentials.json from the WordPress bring-up; default
<repo>/target/backends/wordpress-candy), BASE_URL (default from credentials.json),
FIXTURES_DIR (default <repo>/tests/fixtures/wsdesk), CORS_ORIGIN.
"""

import http.cookiejar
import json
import os
import secrets
import sys
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parent.parent.parent
STATE_DIR = Path(os.environ.get("STATE_DIR", REPO / "target/backends/wordpress-candy"))
OUT = Path(os.environ.get("FIXTURES_DIR", REPO / "tests/fixtures/wsdesk"))
ORIGIN = os.environ.get("CORS_ORIGIN", "http://127.0.0.1:18080")
AJAX = "/wp-admin/admin-ajax.php"
ACTION = "wsdesk_api_create_ticket"
REDACTED = "<redacted>"
BOUNDARY = "----PishkhanFixtureBoundary9e2f"

try:
    CREDENTIALS = json.loads((STATE_DIR / "credentials.json").read_text())
except FileNotFoundError:
    sys.exit(f"record.py: no {STATE_DIR / 'credentials.json'}; bring WordPress up first (see the README)")
BASE_URL = os.environ.get("BASE_URL", CREDENTIALS["base_url"]).rstrip("/")
ADMIN = CREDENTIALS["users"]["admin"]
API_KEY = secrets.token_hex(16)
SECRETS = [API_KEY] + [s for u in CREDENTIALS["users"].values() for s in (u.get("password"), u.get("app_password")) if s]

KEEP_REQUEST_HEADERS = {"content-type", "origin"}
KEEP_RESPONSE_HEADERS = {"content-type", "location", "x-redirect-by", "access-control-allow-origin",
                         "access-control-allow-credentials", "x-robots-tag"}

PDF = (b"%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>"
       b"endobj\n3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 200 200]>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n")

mismatches = []


class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


JAR = http.cookiejar.CookieJar()
GUEST = urllib.request.build_opener(NoRedirect)
ADMIN_SESSION = urllib.request.build_opener(NoRedirect, urllib.request.HTTPCookieProcessor(JAR))


def scrub(value):
    if isinstance(value, str):
        for secret in SECRETS:
            value = value.replace(secret, REDACTED)
        return value
    if isinstance(value, list):
        return [scrub(v) for v in value]
    if isinstance(value, dict):
        return {k: REDACTED if k in ("api_key", "pwd", "password") else scrub(v) for k, v in value.items()}
    return value


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
            chunks.append(f'Content-Disposition: form-data; name="{name}"\r\n\r\n'.encode() + str(value).encode())
            described.append({"name": name, "value": str(value)})
        chunks.append(b"\r\n")
    chunks.append(f"--{BOUNDARY}--\r\n".encode())
    return b"".join(chunks), {"multipart": described}


def send(opener, method, path, parts=None, form=None, headers=None):
    url = BASE_URL + path
    send_headers = dict(headers or {})
    data, recorded = None, None
    if parts is not None:
        data, recorded = multipart(parts)
        send_headers["Content-Type"] = f"multipart/form-data; boundary={BOUNDARY}"
    elif form is not None:
        data = urllib.parse.urlencode(form).encode()
        recorded = {"form": dict(form)}
        send_headers["Content-Type"] = "application/x-www-form-urlencoded"
    req = urllib.request.Request(url, data=data, method=method, headers=send_headers)
    try:
        resp = opener.open(req, timeout=30)
    except urllib.error.HTTPError as err:
        resp = err
    status = resp.status if hasattr(resp, "status") else resp.code
    return status, resp.headers, resp.read(), send_headers, recorded


def admin(method, path, form=None, expect=(200, 302)):
    """A request as the signed-in admin (not recorded)."""
    status, _, raw, _, _ = send(ADMIN_SESSION, method, path, form=form)
    if status not in expect:
        sys.exit(f"record.py: {method} {path} as admin answered {status}: {raw[:300]!r}")
    return raw


def exchange(name, parts=None, form=None, headers=None, expect=200, note=None):
    """POST one API call as a guest, write OUT/<name>.json, return the parsed body."""
    status, resp_headers, raw, sent_headers, recorded = send(GUEST, "POST", AJAX, parts, form, headers)
    text = raw.decode("utf-8", "replace")
    try:
        body = json.loads(text)
    except ValueError:
        body = text
    kept = {k.lower(): v for k, v in resp_headers.items() if k.lower() in KEEP_RESPONSE_HEADERS}
    shown = {k: v for k, v in sent_headers.items() if k.lower() in KEEP_REQUEST_HEADERS}
    record = {
        "request": {"method": "POST", "path": AJAX, "query": {}, "headers": shown, "body": recorded},
        "response": {"status": status, "headers": kept, "body": body},
    }
    if note:
        record = {"note": note, **record}
    (OUT / f"{name}.json").write_text(json.dumps(scrub(record), ensure_ascii=False, indent=2) + "\n",
                                      encoding="utf-8")
    flag = ""
    if status != expect:
        flag = f"   <-- expected {expect}"
        mismatches.append(f"{name}: {status} (expected {expect})")
    print(f"{status} POST {AJAX}  -> {name}.json  {str(scrub(body))[:70]}{flag}")
    return body


def settings(enable_api):
    """WSDesk's Settings → General → Save, with the install's defaults for the other fields."""
    admin("POST", AJAX, form={
        "action": "eh_crm_ticket_general", "default_assignee": "no_assignee", "default_label": "label_LL01",
        "ticket_raiser": "all", "ticket_rows": "25", "auto_create_user": "", "default_deep_link": "",
        "enable_api": "enable" if enable_api else "", "api_key": API_KEY,
    })


def api(**fields):
    parts = [("action", ACTION)]
    parts += [(k, v) for k, v in fields.items()]
    return parts


def main():
    OUT.mkdir(parents=True, exist_ok=True)
    # Sign in as the admin (WordPress wants its test cookie first).
    admin("GET", "/wp-login.php")
    admin("POST", "/wp-login.php", form={"log": ADMIN["login"], "pwd": ADMIN["password"], "testcookie": "1"},
          expect=(302,))
    for old in OUT.glob("*.json"):
        old.unlink()

    title = "چاپگر طبقهٔ دوم کار نمی‌کند"
    description = "از صبح چاپگر «کاغذ گیر کرده» نشان می‌دهد.\nلطفاً بررسی کنید."
    email = "maryam@example.test"

    exchange("before-setup-wizard", api(api_key=API_KEY, request_email=email, request_title=title,
                                        request_description=description), expect=302,
             note="until an admin has opened WSDesk's setup wizard, every admin-ajax answer is also a redirect to it")
    admin("GET", "/wp-admin/index.php?page=wsdesk-setup")
    exchange("api-disabled", api(api_key=API_KEY, request_email=email, request_title=title,
                                 request_description=description),
             note="a fresh install has the API off; the key is not even checked")
    settings(enable_api=True)

    exchange("create-persian", api(api_key=API_KEY, request_email=email, request_title=title,
                                   request_description=description),
             note="the answer names no ticket: no id, no number")
    exchange("create-with-file", api(api_key=API_KEY, request_email=email, request_title="پیوست گزارش خطا",
                                     request_description="گزارش پیوست است.")
             + [("file[]", ("گزارش خطا.pdf", "application/pdf", PDF))])
    exchange("create-with-two-files", api(api_key=API_KEY, request_email=email, request_title="دو پیوست",
                                          request_description="دو فایل.")
             + [("file[]", ("اول.pdf", "application/pdf", PDF)), ("file[]", ("دوم.png", "image/png", PDF))])
    exchange("create-with-file-not-array", api(api_key=API_KEY, request_email=email, request_title="فیلد file",
                                               request_description="file بدون []")
             + [("file", ("تک.pdf", "application/pdf", PDF))],
             note="`file` without [] is not an array: the handler's foreach skips it (ticket created, no file)")
    exchange("create-html-and-slashes", api(api_key=API_KEY, request_email=email,
                                            request_title="عنوان با <b>تگ</b> و \\ بک‌اسلش",
                                            request_description="<script>alert(1)</script>\n\\n سطر دوم"),
             note="stored as sent (no sanitizing), newlines as <br/>")
    exchange("create-urlencoded", form={"action": ACTION, "api_key": API_KEY, "request_email": email,
                                        "request_title": "فرم ساده", "request_description": "بدون multipart"})
    exchange("create-missing-email", api(api_key=API_KEY, request_title="بدون ایمیل", request_description="متن"),
             note="answers success, yet nothing is stored: the insert fails without an e-mail")
    exchange("create-missing-title", api(api_key=API_KEY, request_email=email, request_description="بدون عنوان"))
    exchange("create-missing-description", api(api_key=API_KEY, request_email=email, request_title="بدون شرح"))
    exchange("create-bad-email", api(api_key=API_KEY, request_email="not-an-email", request_title="ایمیل نادرست",
                                     request_description="متن"), note="stored as it is: nothing checks the address")
    exchange("create-only-key", api(api_key=API_KEY), note="success again, and again nothing stored")
    exchange("create-empty-captcha", api(api_key=API_KEY, request_email=email, request_title="کپچا",
                                         request_description="متن", **{"g-recaptcha-response": ""}),
             note="an empty reCAPTCHA field answers plain text")
    exchange("bad-api-key", api(api_key="0" * 32, request_email=email, request_title=title,
                                request_description=description))
    exchange("missing-api-key", api(request_email=email, request_title=title, request_description=description))
    exchange("cors-other-origin", api(api_key=API_KEY, request_email=email, request_title="از مبدأ دیگر",
                                      request_description="CORS"), headers={"Origin": ORIGIN},
             note="no Access-Control-Allow-Origin for another origin: a browser submits but cannot read the answer")
    host = urllib.parse.urlsplit(BASE_URL)
    exchange("cors-site-origin", api(api_key=API_KEY, request_email=email, request_title="از خود سایت",
                                     request_description="CORS"), headers={"Origin": BASE_URL},
             note="core compares origins without their port, so the site's own origin with a port is not echoed")
    exchange("cors-site-host", api(api_key=API_KEY, request_email=email, request_title="از میزبان سایت",
                                   request_description="CORS"), headers={"Origin": f"{host.scheme}://{host.hostname}"},
             note="the site's host without a port is what core allows")
    exchange("unknown-action", [("action", "wsdesk_api_create_tickets"), ("api_key", API_KEY)], expect=400,
             note="admin-ajax's answer when no plugin handles the action (WSDesk inactive)")
    settings(enable_api=False)
    exchange("api-switched-off", api(api_key=API_KEY, request_email=email, request_title=title,
                                     request_description=description))

    print(f"{len(list(OUT.glob('*.json')))} fixtures in {OUT}")
    if mismatches:
        print("differences from what record.py expected:", *mismatches, sep="\n  ")


if __name__ == "__main__":
    try:
        main()
    except urllib.error.URLError as err:
        sys.exit(f"record.py: cannot reach {BASE_URL} ({err.reason}); bring WordPress up first")
