#!/usr/bin/env bash
# Quick start, part two: install what's missing and run every test — native cargo tests,
# clippy on the wasm target, component tests in headless Chromium, the release build with
# its size budget, the end-to-end flows in Chromium against the demo backend, and the same
# dist/ against a real django-helpdesk and a real Request Tracker started here on 127.0.0.1.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
source scripts/env.sh

step() { printf '\n=== %s ===\n' "$*"; }
started=$(date +%s)

step "native tests (cargo test)"
cargo test --lib --quiet

step "clippy (wasm32, -D warnings)"
cargo clippy --target wasm32-unknown-unknown --all-targets --quiet -- -D warnings

step "component tests (wasm-bindgen-test, headless Chromium)"
cargo test --target wasm32-unknown-unknown --test components

step "release build"
bash scripts/build-dist.sh

step "size report"
node scripts/size-report.mjs dist

step "end-to-end (Playwright, Chromium, demo backend)"
PORT=${E2E_PORT:-18080}
LIVE_PORT=${E2E_LIVE_PORT:-18180}
RT_APP_PORT=${E2E_RT_PORT:-18190}
CONTRACT_ADDRESS=127.0.0.1:${CONTRACT_PORT:-18195}
RT_STATE=target/backends/request-tracker
servers=()
cleanup() {
  for pid in "${servers[@]}"; do kill "$pid" 2>/dev/null || true; done
  bash scripts/backends/django-helpdesk/down.sh >/dev/null 2>&1 || true
  STATE_DIR="$RT_STATE" bash scripts/backends/request-tracker/down.sh >/dev/null 2>&1 || true
}
trap cleanup EXIT
serve() { # DIR PORT [CONFIG_JSON]
  # Another server on the port would answer the readiness check and the tests in our place.
  if curl -s -o /dev/null "http://127.0.0.1:$2/" 2>/dev/null; then
    echo "port $2 is already in use (set E2E_PORT, E2E_LIVE_PORT or E2E_RT_PORT)" >&2
    return 1
  fi
  node scripts/static-server.mjs "$@" > "target/e2e-server-$2.log" 2>&1 &
  servers+=($!)
  for _ in $(seq 1 50); do
    curl -fsS "http://127.0.0.1:$2/" >/dev/null 2>&1 && return 0
    sleep 0.2
  done
  echo "static server on $2 did not start" >&2
  return 1
}
serve dist "$PORT"
BASE_URL="http://127.0.0.1:$PORT" node --test --test-concurrency=1 tests/e2e/

step "end-to-end against a live django-helpdesk"
PORT=18101 CORS_ORIGINS="http://127.0.0.1:$LIVE_PORT http://$CONTRACT_ADDRESS" bash scripts/backends/django-helpdesk/up.sh
serve dist "$LIVE_PORT" tests/e2e-live/django-helpdesk.config.json
DEMO_APP_URL="http://127.0.0.1:$PORT" DJANGO_APP_URL="http://127.0.0.1:$LIVE_PORT" \
  node --test --test-concurrency=1 tests/e2e-live/django_helpdesk.test.mjs

step "end-to-end against a live Request Tracker"
# From a fresh database: the seed and nothing a previous run wrote (the contract suite below
# writes to the same server afterwards). up.sh installs RT from Debian's packages when
# missing (needs root) and keeps the install otherwise.
RT_ORIGINS="http://127.0.0.1:$RT_APP_PORT http://$CONTRACT_ADDRESS"
STATE_DIR="$RT_STATE" bash scripts/backends/request-tracker/down.sh >/dev/null 2>&1 || true
rm -f "$RT_STATE"/rt5.sqlite* "$RT_STATE/tokens.json" "$RT_STATE/seed.json"
PORT=18102 STATE_DIR="$RT_STATE" CORS_ORIGINS="$RT_ORIGINS" bash scripts/backends/request-tracker/up.sh
serve dist "$RT_APP_PORT" tests/e2e-live/request-tracker.config.json
RT_APP_URL="http://127.0.0.1:$RT_APP_PORT" RT_TOKENS="$RT_STATE/tokens.json" \
  RT_CONFIG=tests/e2e-live/request-tracker.config.json \
  node --test --test-concurrency=1 tests/e2e-live/request-tracker.test.mjs

step "backend contract (wasm-bindgen-test, headless Chromium): demo, django-helpdesk, Request Tracker"
PORT=18102 STATE_DIR="$RT_STATE" CORS_ORIGINS="$RT_ORIGINS" bash scripts/backends/request-tracker/up.sh
PISHKHAN_CONTRACT="$(node scripts/contract-targets.mjs target/backends/django-helpdesk/tokens.json \
  tests/e2e-live/django-helpdesk.config.json "$RT_STATE/tokens.json")" \
  WASM_BINDGEN_TEST_ADDRESS=$CONTRACT_ADDRESS WASM_BINDGEN_TEST_TIMEOUT=180 \
  cargo test --target wasm32-unknown-unknown --test contract

echo
echo "all tests passed in $(( $(date +%s) - started )) s"
