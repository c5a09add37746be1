#!/usr/bin/env bash
# Bring up Request Tracker 5 (Debian package, SQLite, REST2) on 127.0.0.1 for tests.
#
#   scripts/backends/request-tracker/up.sh      # install if missing, configure, seed, serve
#   scripts/backends/request-tracker/down.sh    # stop it
#
# Idempotent: a warm rerun skips the install, keeps the database, does not duplicate the seed
# and reuses a healthy running server. Needs root (apt-get, /etc/request-tracker5).
#
# Environment:
#   STATE_DIR     where the database, logs, pid and tokens.json live
#                 (default: <repo>/target/backends/request-tracker)
#   PORT          listen port on 127.0.0.1 (default 18102)
#   CORS_ORIGINS  space- or comma-separated allowed origins (default http://127.0.0.1:18080)
#   RT_ROOT_PASSWORD / RT_AGENT_PASSWORD / RT_CUSTOMER_PASSWORD   test-only passwords
#   RT_WORKERS    Starlet worker processes (default 3)
set -euo pipefail

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
REPO="$(cd "$HERE/../../.." && pwd)"
STATE_DIR="${STATE_DIR:-$REPO/target/backends/request-tracker}"
PORT="${PORT:-18102}"
HOST=127.0.0.1
CORS_ORIGINS="${CORS_ORIGINS:-http://127.0.0.1:18080}"
RT_WORKERS="${RT_WORKERS:-3}"
export RT_ROOT_PASSWORD="${RT_ROOT_PASSWORD:-pishkhan-root}"
export RT_AGENT_PASSWORD="${RT_AGENT_PASSWORD:-pishkhan-agent}"
export RT_CUSTOMER_PASSWORD="${RT_CUSTOMER_PASSWORD:-pishkhan-customer}"

BASE_URL="http://$HOST:$PORT"
SITE_CONFIG=/etc/request-tracker5/RT_SiteConfig.d/90-pishkhan-tests.pm
RT_LIB=/usr/share/request-tracker5/lib

log() { printf '[rt up %(%H:%M:%S)T] %s\n' -1 "$*" >&2; }
die() { log "error: $*"; exit 1; }

[ "$(id -u)" = 0 ] || die "run as root (apt-get and /etc/request-tracker5 need it)"
mkdir -p "$STATE_DIR"
STATE_DIR="$(cd "$STATE_DIR" && pwd)"   # absolute: it goes into RT's config
DB_FILE="$STATE_DIR/rt5.sqlite"
PID_FILE="$STATE_DIR/server.pid"
LOG_FILE="$STATE_DIR/server.log"
SIG_FILE="$STATE_DIR/server.settings"

# ---------------------------------------------------------------------------------------------
# 1. Packages (only when missing)
# ---------------------------------------------------------------------------------------------
PACKAGES=(request-tracker5 rt5-db-sqlite rt5-standalone starlet libplack-middleware-crossorigin-perl curl)

missing=()
for p in "${PACKAGES[@]}"; do
  if ! dpkg-query -W -f='${Status}\n' "$p" 2>/dev/null | grep -q ' installed$'; then
    missing+=("$p")
  fi
done

if [ "${#missing[@]}" -gt 0 ]; then
  log "installing: ${missing[*]}"
  # Answers for the package's questions. dbconfig-common is told not to make a database:
  # this script keeps its own SQLite file under $STATE_DIR (see below).
  debconf-set-selections <<EOF
request-tracker5 request-tracker5/rtname string pishkhan.test
request-tracker5 request-tracker5/organization string pishkhan.test
request-tracker5 request-tracker5/correspondaddress string rt@pishkhan.test
request-tracker5 request-tracker5/commentaddress string rt-comment@pishkhan.test
request-tracker5 request-tracker5/webbaseurl string $BASE_URL
request-tracker5 request-tracker5/webpath string /
request-tracker5 request-tracker5/handle-siteconfig-permissions boolean true
request-tracker5 request-tracker5/install-cronjobs boolean false
request-tracker5 request-tracker5/dbconfig-install boolean false
request-tracker5 request-tracker5/database-type select sqlite3
EOF
  # Never start daemons (e.g. the MTA pulled in as default-mta) while installing.
  created_policy=0
  if [ ! -e /usr/sbin/policy-rc.d ]; then
    printf '#!/bin/sh\nexit 101\n' > /usr/sbin/policy-rc.d
    chmod 755 /usr/sbin/policy-rc.d
    created_policy=1
  fi
  trap '[ "$created_policy" = 1 ] && rm -f /usr/sbin/policy-rc.d' EXIT
  export DEBIAN_FRONTEND=noninteractive
  if ! apt-get install -y -q --no-install-recommends "${missing[@]}" >"$STATE_DIR/apt.log" 2>&1; then
    log "apt-get install failed; updating package lists and retrying"
    apt-get update -q >>"$STATE_DIR/apt.log" 2>&1
    apt-get install -y -q --no-install-recommends "${missing[@]}" >>"$STATE_DIR/apt.log" 2>&1 \
      || { tail -30 "$STATE_DIR/apt.log" >&2; die "apt-get install failed (see $STATE_DIR/apt.log)"; }
  fi
  if [ "$created_policy" = 1 ]; then rm -f /usr/sbin/policy-rc.d; fi
  trap - EXIT
else
  log "packages already installed"
fi

# ---------------------------------------------------------------------------------------------
# 2. Site configuration override (rewritten only when it changes)
# ---------------------------------------------------------------------------------------------
want_config="$(cat <<EOF
# Written by pishkhan scripts/backends/request-tracker/up.sh -- test instance, do not use in production.
Set(\$rtname, 'pishkhan.test');
Set(\$Organization, 'pishkhan.test');
Set(\$WebDomain, '$HOST');
Set(\$WebPort, $PORT);
Set(\$WebPath, '');
Set(\$WebBaseURL, '$BASE_URL');
Set(\$CanonicalizeRedirectURLs, 0);
Set(\$DatabaseType, 'SQLite');
Set(\$DatabaseName, '$DB_FILE');
Set(\$Timezone, 'UTC');
# never hand mail to an MTA: 'testfile' writes outgoing mail to a temporary file that is removed
# when the process exits (RT still records the EmailRecord transactions)
Set(\$MailCommand, 'testfile');
Set(\$LogToSyslog, undef);
Set(\$LogToSTDERR, 'warning');
Set(\$LogStackTraces, 'error');
Set(\$DevelMode, 0);
# RT checks every token/password with bcrypt; the default cost (12) adds ~0.2 s to each request.
# Tokens and passwords hashed after this (a fresh STATE_DIR) use the cheapest cost.
Set(\$BcryptCost, 4);
1;
EOF
)"
if [ ! -f "$SITE_CONFIG" ] || [ "$(cat "$SITE_CONFIG")" != "$want_config" ]; then
  log "writing $SITE_CONFIG"
  printf '%s\n' "$want_config" > "$SITE_CONFIG"
  chown root:www-data "$SITE_CONFIG" 2>/dev/null || true
  chmod 640 "$SITE_CONFIG"
  config_changed=1
else
  config_changed=0
fi

# ---------------------------------------------------------------------------------------------
# 3. Database (initialised when the file is missing or empty)
# ---------------------------------------------------------------------------------------------
if [ ! -s "$DB_FILE" ]; then
  log "initialising database $DB_FILE"
  rm -f "$DB_FILE"
  /usr/sbin/rt-setup-database-5 --action init --skip-create </dev/null >"$STATE_DIR/setup-database.log" 2>&1 \
    || /usr/sbin/rt-setup-database-5 --action init </dev/null >>"$STATE_DIR/setup-database.log" 2>&1 \
    || { tail -30 "$STATE_DIR/setup-database.log" >&2; die "rt-setup-database failed"; }
fi

# ---------------------------------------------------------------------------------------------
# 4. Seed (idempotent: finds what exists, creates only what is missing)
# ---------------------------------------------------------------------------------------------
log "seeding"
STATE_DIR="$STATE_DIR" RT_BASE_URL="$BASE_URL/REST/2.0" perl -I"$RT_LIB" "$HERE/seed.pl" >"$STATE_DIR/seed.log" 2>&1 \
  || { tail -30 "$STATE_DIR/seed.log" >&2; die "seed.pl failed (see $STATE_DIR/seed.log)"; }

# ---------------------------------------------------------------------------------------------
# 5. Server
# ---------------------------------------------------------------------------------------------
healthy() {
  # RT answers /REST/2.0/ with 401 when unauthenticated; any HTTP answer from RT counts.
  local code
  code="$(curl -s -o /dev/null -w '%{http_code}' --max-time 5 "$BASE_URL/REST/2.0/" 2>/dev/null || true)"
  [ -n "$code" ] && [ "$code" != 000 ]
}
running_pid() {
  [ -f "$PID_FILE" ] || return 1
  local pid; pid="$(cat "$PID_FILE")"
  [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null && echo "$pid"
}

# what the running server was started with; a difference means a restart
want_settings="config=$(printf '%s' "$want_config" | md5sum | cut -c1-32) cors=$CORS_ORIGINS workers=$RT_WORKERS app=$(md5sum < "$HERE/app.psgi" | cut -c1-32)"
have_settings="$(cat "$SIG_FILE" 2>/dev/null || true)"

if pid="$(running_pid)" && [ "$config_changed" = 0 ] && [ "$want_settings" = "$have_settings" ] && healthy; then
  log "server already running (pid $pid)"
else
  if pid="$(running_pid)"; then
    log "restarting server (pid $pid)"
    "$HERE/down.sh" >/dev/null
  fi
  if curl -s -o /dev/null --max-time 2 "$BASE_URL/" 2>/dev/null; then
    die "something else already listens on $HOST:$PORT (a server of another STATE_DIR? stop it with its down.sh, or set PORT)"
  fi
  log "starting plackup/Starlet on $BASE_URL"
  export RT_CORS_ORIGINS="$CORS_ORIGINS"
  rm -f "$PID_FILE"
  printf '%s\n' "$want_settings" > "$SIG_FILE"
  # setsid: a session and process group of its own, so down.sh stops the Starlet master and its
  # workers together; the shell writes its own pid (= plackup's after exec) to the pid file.
  PID_FILE="$PID_FILE" setsid bash -c 'echo $$ > "$PID_FILE"; exec "$@"' plackup \
    plackup -s Starlet --host "$HOST" --port "$PORT" --max-workers "$RT_WORKERS" \
    -E deployment -I"$RT_LIB" "$HERE/app.psgi" </dev/null >>"$LOG_FILE" 2>&1 &
  for _ in $(seq 1 50); do [ -s "$PID_FILE" ] && break; sleep 0.1; done
  for _ in $(seq 1 120); do
    if healthy; then break; fi
    if ! kill -0 "$(cat "$PID_FILE")" 2>/dev/null; then
      tail -30 "$LOG_FILE" >&2; rm -f "$PID_FILE"; die "server exited (see $LOG_FILE)"
    fi
    sleep 0.5
  done
  healthy || { tail -30 "$LOG_FILE" >&2; die "server did not answer within 60 s"; }
  log "server up (pid $(cat "$PID_FILE"))"
fi

echo "$BASE_URL/REST/2.0"
