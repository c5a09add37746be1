#!/usr/bin/env bash
# Quick start, part one: install what's missing, build the release app, and serve it on
# http://127.0.0.1:${PORT:-8080} with the in-browser demo backend. Ctrl-C stops it.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
source scripts/env.sh
bash scripts/build-dist.sh
PORT=${PORT:-8080}
echo "Pishkhan: dashboard http://127.0.0.1:$PORT/dashboard  ·  portal http://127.0.0.1:$PORT/portal"
exec node scripts/static-server.mjs dist "$PORT"
