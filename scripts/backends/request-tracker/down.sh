#!/usr/bin/env bash
# Stop the Request Tracker test server started by up.sh. Safe when nothing runs.
set -euo pipefail

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
REPO="$(cd "$HERE/../../.." && pwd)"
STATE_DIR="${STATE_DIR:-$REPO/target/backends/request-tracker}"
[ -d "$STATE_DIR" ] || { echo "request-tracker: not running (no $STATE_DIR)" >&2; exit 0; }
PID_FILE="$STATE_DIR/server.pid"

if [ ! -f "$PID_FILE" ]; then
  echo "request-tracker: not running (no $PID_FILE)" >&2
  exit 0
fi
pid="$(cat "$PID_FILE")"
if [ -z "$pid" ] || ! kill -0 "$pid" 2>/dev/null; then
  echo "request-tracker: not running (stale pid ${pid:-none})" >&2
  rm -f "$PID_FILE"
  exit 0
fi

# up.sh starts plackup under setsid, so the pid is also its process group: the Starlet master
# and its workers. Stop the group, then wait for it to be gone.
kill -TERM -- "-$pid" 2>/dev/null || kill -TERM "$pid" 2>/dev/null || true
for _ in $(seq 1 50); do
  if ! kill -0 -- "-$pid" 2>/dev/null; then break; fi
  sleep 0.2
done
if kill -0 -- "-$pid" 2>/dev/null; then
  echo "request-tracker: still running after 10 s, sending KILL" >&2
  kill -KILL -- "-$pid" 2>/dev/null || true
fi
rm -f "$PID_FILE"
echo "request-tracker: stopped (pid $pid)" >&2
