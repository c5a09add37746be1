#!/usr/bin/env bash
# Stop a WordPress test instance started by up.sh: its php -S process group and its MariaDB.
# Safe when nothing runs. Same NAME / STATE_DIR as up.sh.
#
#   NAME=fluent scripts/backends/wordpress/down.sh                # server and database
#   NAME=fluent scripts/backends/wordpress/down.sh --server-only  # keep MariaDB running
set -euo pipefail

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
REPO="$(cd "$HERE/../../.." && pwd)"
NAME="${NAME:-wordpress}"
STATE_DIR="${STATE_DIR:-$REPO/target/backends/wordpress-$NAME}"
SERVER_ONLY=0
[ "${1:-}" = --server-only ] && SERVER_ONLY=1

log() { printf '[wordpress %s] %s\n' "$NAME" "$*" >&2; }
[ -d "$STATE_DIR" ] || { log "not running (no $STATE_DIR)"; exit 0; }

# stop PIDFILE WHAT GROUP CMDLINE-PATTERN: only a process that is still ours (a reused pid must
# not be killed); GROUP=1 stops its whole process group.
stop() {
  local pid_file="$1" what="$2" group="$3" pattern="$4" pid target
  if [ ! -s "$pid_file" ]; then log "$what: not running"; return 0; fi
  pid="$(tr -dc 0-9 <"$pid_file")"
  if [ -z "$pid" ] || ! tr '\0' ' ' <"/proc/$pid/cmdline" 2>/dev/null | grep -q -- "$pattern"; then
    log "$what: not running (stale pid ${pid:-none})"
    rm -f "$pid_file"
    return 0
  fi
  target="$pid"
  [ "$group" = 1 ] && target="-$pid"
  kill -TERM -- "$target" 2>/dev/null || true
  for _ in $(seq 1 100); do
    kill -0 -- "$target" 2>/dev/null || break
    sleep 0.2
  done
  if kill -0 -- "$target" 2>/dev/null; then
    log "$what: still running after 20 s, sending KILL"
    kill -KILL -- "$target" 2>/dev/null || true
  fi
  rm -f "$pid_file"
  log "$what: stopped (pid $pid)"
}

# up.sh starts php -S under setsid: its pid is also the group of the server and its workers.
stop "$STATE_DIR/server.pid" "php server" 1 "$STATE_DIR/router.php"
[ "$SERVER_ONLY" = 1 ] || stop "$STATE_DIR/mariadb.pid" "MariaDB" 0 "--datadir=$STATE_DIR/mariadb"
