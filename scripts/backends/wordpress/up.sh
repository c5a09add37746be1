#!/usr/bin/env bash
# Bring up Debian's WordPress 6.1 (MariaDB, PHP's built-in server) on 127.0.0.1 for tests.
#
#   scripts/backends/wordpress/up.sh                          # instance "wordpress" on :18200
#   NAME=fluent PORT=18201 scripts/backends/wordpress/up.sh   # another instance beside it
#   NAME=fluent RESET=1 scripts/backends/wordpress/up.sh      # drop the database, reinstall
#   NAME=fluent scripts/backends/wordpress/down.sh            # stop it
#
# Every instance has its own MariaDB process (socket only, datadir under STATE_DIR), its own
# wp-content (plugins, uploads) under STATE_DIR and its own /etc/wordpress/config-pishkhan-NAME.php.
# Debian's wp-config.php picks the config by $_SERVER['WORDPRESS_CONFIG'], which the generated
# router sets, so instances share a host and differ by port (or by HOST if you like).
# CORS is core's own (any Origin echoed with credentials). Site timezone Asia/Tehran (+03:30).
# This script installs no plugin: copy one into the plugins dir it prints, then activate it.
#
# Idempotent: a warm rerun keeps the database, reuses a healthy running server and keeps the
# application passwords in credentials.json while they still authenticate. Needs root.
#
# Environment:
#   NAME       instance name, [A-Za-z0-9-]+ (default wordpress)
#   HOST       listen address (default 127.0.0.1; any 127.x.y.z works on Linux)
#   PORT       listen port (default 18200)
#   STATE_DIR  database, wp-content, logs, pids, credentials.json
#              (default <repo>/target/backends/wordpress-$NAME)
#   RESET=1    drop the database and the uploads, then install afresh (plugins dir is kept)
#   WP_LOCALE  site language (default en_US; fa_IR is shipped by Debian)
#   WP_ADMIN_PASSWORD / WP_AGENT_PASSWORD / WP_CUSTOMER_PASSWORD   test-only login passwords
#   PHP_CLI_SERVER_WORKERS  PHP server workers (default 4)
set -euo pipefail

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
REPO="$(cd "$HERE/../../.." && pwd)"
NAME="${NAME:-wordpress}"
HOST="${HOST:-127.0.0.1}"
PORT="${PORT:-18200}"
STATE_DIR="${STATE_DIR:-$REPO/target/backends/wordpress-$NAME}"
RESET="${RESET:-0}"
export WP_LOCALE="${WP_LOCALE:-en_US}"
export WP_ADMIN_PASSWORD="${WP_ADMIN_PASSWORD:-pishkhan-admin}"
export WP_AGENT_PASSWORD="${WP_AGENT_PASSWORD:-pishkhan-agent}"
export WP_CUSTOMER_PASSWORD="${WP_CUSTOMER_PASSWORD:-pishkhan-customer}"
export PHP_CLI_SERVER_WORKERS="${PHP_CLI_SERVER_WORKERS:-4}"

BASE_URL="http://$HOST:$PORT"
WP_ROOT=/usr/share/wordpress
CONFIG_NAME="pishkhan-$NAME"
SITE_CONFIG="/etc/wordpress/config-$CONFIG_NAME.php"
DB_PASSWORD="pishkhan-db-$NAME"

log() { printf '[wordpress %s up %(%H:%M:%S)T] %s\n' "$NAME" -1 "$*" >&2; }
die() { log "error: $*"; exit 1; }

[ "$(id -u)" = 0 ] || die "run as root (apt-get and /etc/wordpress need it)"
[[ "$NAME" =~ ^[A-Za-z0-9-]+$ ]] || die "NAME must match [A-Za-z0-9-]+ (Debian's config lookup allows no more)"
[[ "$PORT" =~ ^[0-9]+$ ]] || die "PORT must be a number"
mkdir -p "$STATE_DIR"
STATE_DIR="$(cd "$STATE_DIR" && pwd)"   # absolute: it goes into the configs
DB_DIR="$STATE_DIR/mariadb"
DB_SOCK="$STATE_DIR/db.sock"
DB_PID="$STATE_DIR/mariadb.pid"
CONTENT_DIR="$STATE_DIR/wp-content"
DOC_ROOT="$STATE_DIR/www"
ROUTER="$STATE_DIR/router.php"
BOOTSTRAP="$STATE_DIR/wp.php"
PID_FILE="$STATE_DIR/server.pid"
LOG_FILE="$STATE_DIR/server.log"
SIG_FILE="$STATE_DIR/server.settings"
[ "${#DB_SOCK}" -lt 100 ] || die "socket path too long for MariaDB ($DB_SOCK); set a shorter STATE_DIR"

# ---------------------------------------------------------------------------------------------
# 1. Packages (only when missing)
# ---------------------------------------------------------------------------------------------
PACKAGES=(wordpress php-cli php-mbstring php-xml php-curl php-mysql mariadb-server mariadb-client curl)

missing=()
for p in "${PACKAGES[@]}"; do
  if ! dpkg-query -W -f='${Status}\n' "$p" 2>/dev/null | grep -q ' installed$'; then
    missing+=("$p")
  fi
done

if [ "${#missing[@]}" -gt 0 ]; then
  log "installing: ${missing[*]}"
  # Never start daemons (mariadb, apache) while installing: this script runs its own.
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
# 2. MariaDB: its own process, socket only, datadir under STATE_DIR
# ---------------------------------------------------------------------------------------------
sql() { mariadb --no-defaults --socket="$DB_SOCK" -uroot "$@"; }
db_running_pid() {
  [ -s "$DB_PID" ] || return 1
  local pid; pid="$(tr -dc 0-9 <"$DB_PID")"
  [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null && echo "$pid"
}
db_healthy() { mariadb-admin --no-defaults --socket="$DB_SOCK" -uroot ping >/dev/null 2>&1; }

if [ ! -d "$DB_DIR/mysql" ]; then
  log "initialising MariaDB datadir $DB_DIR"
  rm -rf "$DB_DIR"
  mariadb-install-db --no-defaults --datadir="$DB_DIR" --user=root --skip-test-db \
    --auth-root-authentication-method=socket >"$STATE_DIR/mariadb-install.log" 2>&1 \
    || { tail -30 "$STATE_DIR/mariadb-install.log" >&2; die "mariadb-install-db failed"; }
fi
if db_running_pid >/dev/null && db_healthy; then
  log "MariaDB already running (pid $(db_running_pid))"
else
  log "starting MariaDB on $DB_SOCK"
  rm -f "$DB_SOCK"
  setsid mariadbd --no-defaults --datadir="$DB_DIR" --socket="$DB_SOCK" --pid-file="$DB_PID" \
    --skip-networking --user=root --log-error="$STATE_DIR/mariadb.log" \
    --character-set-server=utf8mb4 --collation-server=utf8mb4_unicode_ci \
    --innodb-buffer-pool-size=32M --skip-log-bin --default-time-zone=+00:00 \
    </dev/null >/dev/null 2>&1 &
  for _ in $(seq 1 120); do db_healthy && break; sleep 0.25; done
  db_healthy || { tail -30 "$STATE_DIR/mariadb.log" >&2; die "MariaDB did not start (see $STATE_DIR/mariadb.log)"; }
fi

if [ "$RESET" = 1 ]; then
  log "RESET=1: dropping the database and the uploads"
  "$HERE/down.sh" --server-only >/dev/null 2>&1 || true
  sql -e "DROP DATABASE IF EXISTS wordpress"
  rm -rf "$CONTENT_DIR/uploads" "$STATE_DIR/credentials.json"
fi
sql <<EOF
CREATE DATABASE IF NOT EXISTS wordpress CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;
CREATE USER IF NOT EXISTS 'wordpress'@'localhost' IDENTIFIED BY '$DB_PASSWORD';
GRANT ALL PRIVILEGES ON wordpress.* TO 'wordpress'@'localhost';
EOF

# ---------------------------------------------------------------------------------------------
# 3. This instance's wp-content and document root
# ---------------------------------------------------------------------------------------------
mkdir -p "$CONTENT_DIR/plugins" "$CONTENT_DIR/uploads" "$CONTENT_DIR/themes"
[ -e "$CONTENT_DIR/index.php" ] || printf '<?php\n// Silence is golden.\n' > "$CONTENT_DIR/index.php"
[ -e "$CONTENT_DIR/plugins/index.php" ] || cp "$CONTENT_DIR/index.php" "$CONTENT_DIR/plugins/index.php"
for theme in "$WP_ROOT"/wp-content/themes/*/; do
  theme="${theme%/}"
  ln -sfn "$theme" "$CONTENT_DIR/themes/$(basename "$theme")"
done
ln -sfn "$WP_ROOT/wp-content/languages" "$CONTENT_DIR/languages"

# php -S serves static files from its document root: core's files, with wp-content swapped for
# this instance's own.
mkdir -p "$DOC_ROOT"
for entry in "$WP_ROOT"/*; do
  [ "$(basename "$entry")" = wp-content ] && continue
  ln -sfn "$entry" "$DOC_ROOT/$(basename "$entry")"
done
ln -sfn "$CONTENT_DIR" "$DOC_ROOT/wp-content"

# ---------------------------------------------------------------------------------------------
# 4. Configuration (rewritten only when it changes)
# ---------------------------------------------------------------------------------------------
write_if_changed() { # path content -> 0 when rewritten
  if [ ! -f "$1" ] || [ "$(cat "$1")" != "$2" ]; then printf '%s\n' "$2" > "$1"; return 0; fi
  return 1
}
salt() { printf 'pishkhan-test-%s-%s' "$NAME" "$1"; }

want_config="$(cat <<EOF
<?php
// Written by pishkhan scripts/backends/wordpress/up.sh (instance $NAME) -- test instance, not for production.
define('DB_NAME', 'wordpress');
define('DB_USER', 'wordpress');
define('DB_PASSWORD', '$DB_PASSWORD');
define('DB_HOST', 'localhost:$DB_SOCK');
define('DB_CHARSET', 'utf8mb4');
define('DB_COLLATE', '');
define('WP_HOME', '$BASE_URL');
define('WP_SITEURL', '$BASE_URL');
define('WP_CONTENT_DIR', '$CONTENT_DIR');
define('WP_CONTENT_URL', '$BASE_URL/wp-content');
// Application Passwords over plain http need a non-production environment type.
define('WP_ENVIRONMENT_TYPE', 'local');
// Off the network: no update checks, no cron spawning, no outgoing HTTP.
define('WP_HTTP_BLOCK_EXTERNAL', true);
define('DISABLE_WP_CRON', true);
define('AUTOMATIC_UPDATER_DISABLED', true);
define('WP_AUTO_UPDATE_CORE', false);
define('FS_METHOD', 'direct');
// Notices go to the log, never into a JSON response.
define('WP_DEBUG', true);
define('WP_DEBUG_DISPLAY', false);
define('WP_DEBUG_LOG', '$STATE_DIR/debug.log');
define('AUTH_KEY', '$(salt auth-key)');
define('SECURE_AUTH_KEY', '$(salt secure-auth-key)');
define('LOGGED_IN_KEY', '$(salt logged-in-key)');
define('NONCE_KEY', '$(salt nonce-key)');
define('AUTH_SALT', '$(salt auth-salt)');
define('SECURE_AUTH_SALT', '$(salt secure-auth-salt)');
define('LOGGED_IN_SALT', '$(salt logged-in-salt)');
define('NONCE_SALT', '$(salt nonce-salt)');
\$table_prefix = 'wp_';
EOF
)"
mkdir -p /etc/wordpress
if write_if_changed "$SITE_CONFIG" "$want_config"; then
  log "wrote $SITE_CONFIG"
  chmod 640 "$SITE_CONFIG"
fi

# Loads this instance's WordPress from the command line (setup.php, plugin activation).
write_if_changed "$BOOTSTRAP" "$(cat <<EOF
<?php
// Written by up.sh: load WordPress instance $NAME outside a web request, e.g.
//   php -r 'require "$BOOTSTRAP"; echo get_bloginfo("name"), "\n";'
\$_SERVER['WORDPRESS_CONFIG'] = '$CONFIG_NAME';
\$_SERVER['HTTP_HOST'] = '$HOST:$PORT';
\$_SERVER['SERVER_NAME'] = '$HOST';
\$_SERVER['SERVER_PORT'] = '$PORT';
\$_SERVER['REQUEST_URI'] = \$_SERVER['REQUEST_URI'] ?? '/';
\$_SERVER['REQUEST_METHOD'] = \$_SERVER['REQUEST_METHOD'] ?? 'GET';
require_once '$WP_ROOT/wp-load.php';
EOF
)" || true

# php -S runs PHP files itself only when the router returns false, and then without the
# router's \$_SERVER changes; so the router runs every PHP file itself and leaves only static
# files to the server. Everything that is not a file goes to index.php (pretty permalinks).
write_if_changed "$ROUTER" "$(cat <<EOF
<?php
// Written by up.sh for WordPress instance $NAME.
\$_SERVER['WORDPRESS_CONFIG'] = '$CONFIG_NAME';
\$root = '$DOC_ROOT';
\$allowed = ['$WP_ROOT/', '$CONTENT_DIR/'];
\$path = rawurldecode(parse_url(\$_SERVER['REQUEST_URI'], PHP_URL_PATH) ?? '/');
\$file = realpath(\$root . \$path);
\$script = \$path;
if (\$file !== false && is_dir(\$file)) {
    \$script = rtrim(\$path, '/') . '/index.php';
    \$file = realpath(\$file . '/index.php');
}
\$inside = false;
foreach (\$allowed as \$prefix) {
    if (\$file !== false && strncmp(\$file, \$prefix, strlen(\$prefix)) === 0) { \$inside = true; }
}
if (\$file === false || !\$inside || !is_file(\$file) || \$path === '/' || \$path === '/index.php') {
    \$file = '$WP_ROOT/index.php';
    \$script = '/index.php';
} elseif (substr(\$file, -4) !== '.php') {
    return false;
}
\$_SERVER['SCRIPT_NAME'] = \$script;
\$_SERVER['PHP_SELF'] = \$script;
\$_SERVER['SCRIPT_FILENAME'] = \$file;
chdir(dirname(\$file));
require \$file;
EOF
)" || true

# ---------------------------------------------------------------------------------------------
# 5. Install, options, users, application passwords (setup.php is idempotent)
# ---------------------------------------------------------------------------------------------
log "installing / checking the site"
STATE_DIR="$STATE_DIR" WP_BOOTSTRAP="$BOOTSTRAP" WP_BASE_URL="$BASE_URL" WP_NAME="$NAME" \
  php "$HERE/setup.php" >"$STATE_DIR/setup.log" 2>&1 \
  || { tail -30 "$STATE_DIR/setup.log" >&2; die "setup.php failed (see $STATE_DIR/setup.log)"; }

# ---------------------------------------------------------------------------------------------
# 6. Server
# ---------------------------------------------------------------------------------------------
healthy() {
  local code
  code="$(curl -s -o /dev/null -w '%{http_code}' --max-time 10 "$BASE_URL/wp-json/" 2>/dev/null || true)"
  [ "$code" = 200 ]
}
running_pid() {
  [ -s "$PID_FILE" ] || return 1
  local pid; pid="$(tr -dc 0-9 <"$PID_FILE")"
  [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null && echo "$pid"
}

want_settings="host=$HOST port=$PORT workers=$PHP_CLI_SERVER_WORKERS router=$(md5sum < "$ROUTER" | cut -c1-32)"
have_settings="$(cat "$SIG_FILE" 2>/dev/null || true)"

if pid="$(running_pid)" && [ "$want_settings" = "$have_settings" ] && healthy; then
  log "server already running (pid $pid)"
else
  if running_pid >/dev/null; then
    log "restarting server"
    "$HERE/down.sh" --server-only >/dev/null
  fi
  if curl -s -o /dev/null --max-time 2 "$BASE_URL/" 2>/dev/null; then
    die "something else already listens on $HOST:$PORT (another instance? stop it with its down.sh, or set PORT)"
  fi
  log "starting php -S on $BASE_URL"
  rm -f "$PID_FILE"
  printf '%s\n' "$want_settings" > "$SIG_FILE"
  # setsid: a process group of its own, so down.sh stops the server and its workers together.
  PID_FILE="$PID_FILE" setsid bash -c 'echo $$ > "$PID_FILE"; exec "$@"' php \
    php -S "$HOST:$PORT" -t "$DOC_ROOT" "$ROUTER" </dev/null >>"$LOG_FILE" 2>&1 &
  for _ in $(seq 1 50); do [ -s "$PID_FILE" ] && break; sleep 0.1; done
  for _ in $(seq 1 60); do
    if healthy; then break; fi
    if ! kill -0 "$(cat "$PID_FILE")" 2>/dev/null; then
      tail -30 "$LOG_FILE" >&2; rm -f "$PID_FILE"; die "server exited (see $LOG_FILE)"
    fi
    sleep 0.5
  done
  healthy || { tail -30 "$LOG_FILE" >&2; die "server did not answer $BASE_URL/wp-json/ within 30 s"; }
  log "server up (pid $(cat "$PID_FILE"))"
fi

# Application passwords must work over Basic auth (a fresh one, or one kept from before).
cred="$(php -r '$c = json_decode(file_get_contents($argv[1]), true); $u = $c["users"]["admin"];
  echo $u["login"], ":", $u["app_password"];' "$STATE_DIR/credentials.json")"
code="$(printf 'user = "%s"\n' "$cred" | curl -s -o /dev/null -w '%{http_code}' --max-time 10 -K - \
  "$BASE_URL/wp-json/wp/v2/users/me")"
[ "$code" = 200 ] || die "admin's application password was refused ($code)"

log "credentials: $STATE_DIR/credentials.json"
log "PLUGINS_DIR=$CONTENT_DIR/plugins  (copy a plugin there, then activate it: see setup.php's header)"
echo "$BASE_URL/wp-json/"
