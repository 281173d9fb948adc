#!/usr/bin/env bash
# Runs one benchmark against a fresh stack of its own (PostgreSQL, Redis, livekit-server,
# livekit-sip) inside a private network namespace, then stops everything.
#
#   bash bench/run.sh bench/verify-reprovision.ts
#   bash bench/run.sh bench/phone-numbers-list.ts
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
source scripts/lib/common.sh
[ $# -ge 1 ] || { echo "usage: bash bench/run.sh bench/<name>.ts" >&2; exit 2; }

if [ -z "${SWITCHBOARD_BENCH_INSIDE:-}" ]; then
  ensure_node_modules
  bash scripts/stack/install.sh >/dev/null
  npm run --silent db:generate >/dev/null
  SWITCHBOARD_BENCH_INSIDE=1 exec unshare --net --fork -- bash "$0" "$@"
fi

export STACK_NAME=test STACK_DIR="${STACK_DIR:-/tmp/switchboard-bench}"
# No web app runs here for the SIP edge to ask, so benchmarks use direct mode unless told.
export SIP_EDGE="${SIP_EDGE:-off}"
source scripts/stack/env.sh
rm -rf "$STACK_DIR"
mkdir -p "$STACK_DIR/logs"
cleanup() {
  bash scripts/stack/down.sh >/dev/null 2>&1 || true
  node scripts/db/postgres.mjs down >/dev/null 2>&1 || true
}
trap cleanup EXIT
bash scripts/stack/netns.sh prepare-current >/dev/null
ensure_secrets
export DEPLOYMENT_MODE=local NODE_ENV=production
# The deployment's outbound caps per Space (default 30 a minute, 10 at once) would be the
# figure measured: benchmarks measure the engine, so the caps are out of the way, as in the suite.
export OUTBOUND_CALLS_PER_MINUTE="${OUTBOUND_CALLS_PER_MINUTE:-1000000}" OUTBOUND_CONCURRENT_CALLS="${OUTBOUND_CONCURRENT_CALLS:-1000000}" OUTBOUND_CALLS_PER_DAY="${OUTBOUND_CALLS_PER_DAY:-1000000}"
DATABASE_URL=$(node scripts/db/postgres.mjs up 2>/dev/null)
export DATABASE_URL
npm run --silent db:migrate >/dev/null
bash scripts/stack/up.sh >/dev/null
# Services guard themselves with "server-only"; the react-server condition lets plain Node load them.
NODE_OPTIONS="--conditions=react-server" npx tsx "$@"
