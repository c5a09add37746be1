#!/usr/bin/env bash
# Stop the django-helpdesk server that up.sh started (by the PID in $STATE_DIR/server.pid, the
# whole process group). Safe to run when nothing runs.
set -euo pipefail

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
REPO="$(cd "$HERE/../../.." && pwd)"
STATE_DIR="${STATE_DIR:-$REPO/target/backends/django-helpdesk}"
PIDFILE="$STATE_DIR/server.pid"

log() { printf '[django-helpdesk] %s\n' "$*" >&2; }

if [ ! -s "$PIDFILE" ]; then
  log "not running (no $PIDFILE)"
  exit 0
fi
pid="$(tr -dc 0-9 <"$PIDFILE")"
rm_pidfile() { rm -f "$PIDFILE"; }

# Only a process that is still ours: a reused PID must not be killed.
ours() {
  [ -r "/proc/$pid/cmdline" ] && tr '\0' ' ' <"/proc/$pid/cmdline" | grep -q "manage.py runserver"
}
if [ -z "$pid" ] || ! ours; then
  log "not running (stale $PIDFILE)"
  rm_pidfile
  exit 0
fi

# up.sh starts the server with setsid, so it leads its own process group.
target="$pid"
[ "$(ps -o pgid= -p "$pid" | tr -d ' ')" = "$pid" ] && target="-$pid"
kill -TERM -- "$target" 2>/dev/null || true
for _ in $(seq 50); do
  ours || break
  sleep 0.1
done
if ours; then
  log "pid $pid ignored SIGTERM; sending SIGKILL"
  kill -KILL -- "$target" 2>/dev/null || true
  sleep 0.2
fi
rm_pidfile
log "stopped (pid $pid)"
