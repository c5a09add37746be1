#!/usr/bin/env bash
# Quick start, part two: install what's missing and run every test — native cargo tests,
# clippy on the wasm target, component tests in headless Chromium, the release build with
# its size budget, and the end-to-end flows in Chromium against the demo backend.
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
trunk build --release

step "size report"
node scripts/size-report.mjs dist

step "end-to-end (Playwright, Chromium, demo backend)"
PORT=${E2E_PORT:-18080}
node scripts/static-server.mjs dist "$PORT" > target/e2e-server.log 2>&1 &
server=$!
trap 'kill $server 2>/dev/null || true' EXIT
for _ in $(seq 1 50); do
  curl -fsS "http://127.0.0.1:$PORT/" >/dev/null 2>&1 && break
  sleep 0.2
done
BASE_URL="http://127.0.0.1:$PORT" node --test --test-concurrency=1 tests/e2e/

echo
echo "all tests passed in $(( $(date +%s) - started )) s"
