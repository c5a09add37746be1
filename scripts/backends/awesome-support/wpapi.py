"""Tiny stdlib client for a WordPress test instance, shared by seed.py and record.py.

Credentials come from the instance's credentials.json (written by the WordPress bring-up
script, scripts/backends/wordpress/up.sh) and from seed.json (written by seed.py: the users it
added and their application passwords).
"""

import base64
import json
import os
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parent.parent.parent
STATE_DIR = Path(os.environ.get("STATE_DIR", REPO / "target/backends/wordpress-awesome"))
NAMESPACE = "wpas-api/v1"
BOUNDARY = "----PishkhanFixtureBoundary7d3e"


def load_json(path):
    try:
        return json.loads(Path(path).read_text())
    except FileNotFoundError:
        raise SystemExit(f"{Path(__file__).name}: no {path}; start the instance (and seed it) first")


CREDENTIALS = load_json(STATE_DIR / "credentials.json")
BASE_URL = os.environ.get("BASE_URL", CREDENTIALS["base_url"]).rstrip("/")


def users():
    """login -> {id, login, password, app_password, ...}: up.sh's users plus seed.py's."""
    found = dict(CREDENTIALS["users"])
    seed = STATE_DIR / "seed.json"
    if seed.exists():
        found.update(json.loads(seed.read_text()).get("users", {}))
    return found


class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


OPENER = urllib.request.build_opener(NoRedirect)


def basic(login, secret):
    return "Basic " + base64.b64encode(f"{login}:{secret.replace(' ', '')}".encode()).decode()


def multipart(parts):
    """parts: list of (name, value) or (name, (filename, content_type, bytes)).
    Returns the body and a description of it for fixtures."""
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


def request(method, url, headers=None, data=None, timeout=60):
    """One HTTP exchange; returns (status, headers as a list of (name, value), raw bytes)."""
    req = urllib.request.Request(url, data=data, method=method, headers=headers or {})
    try:
        resp = OPENER.open(req, timeout=timeout)
    except urllib.error.HTTPError as err:
        resp = err
    status = resp.status if hasattr(resp, "status") else resp.code
    return status, list(resp.headers.items()), resp.read()


def rest(method, route, auth=None, body=None, query=None):
    """A JSON call for seeding: raises on anything but 2xx."""
    url = f"{BASE_URL}/wp-json/{route}" + ("?" + urllib.parse.urlencode(query) if query else "")
    headers = {"Accept": "application/json"}
    if auth:
        headers["Authorization"] = auth
    data = None
    if body is not None:
        data = json.dumps(body, ensure_ascii=False).encode("utf-8")
        headers["Content-Type"] = "application/json; charset=utf-8"
    status, _, raw = request(method, url, headers, data)
    text = raw.decode("utf-8", "replace")
    if not 200 <= status < 300:
        raise SystemExit(f"{method} {route}: {status} {text[:500]}")
    return json.loads(text) if text else None
