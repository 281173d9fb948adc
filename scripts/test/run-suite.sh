#!/usr/bin/env bash
# Runs inside the private network namespace made by scripts/test.sh: starts the test stack,
# runs the three tiers, always stops everything, and prints one closing summary line.
set -uo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../.."
source scripts/lib/common.sh
export STACK_NAME=test
source scripts/stack/env.sh
# livekit-server posts signed webhooks (room and participant events) to the app, which keeps
# the call log from them; both live in the same network namespace.
export LIVEKIT_WEBHOOK_URL="${LIVEKIT_WEBHOOK_URL:-http://127.0.0.1:$APP_PORT/api/livekit/webhook}"

bash scripts/stack/netns.sh prepare-current >/dev/null

# A clean slate every run: a fresh database and fresh LiveKit state.
rm -rf "$STACK_DIR"
mkdir -p "$STACK_DIR/logs" "$STACK_DIR/reports"
reports="$STACK_DIR/reports"

cleanup() {
  # End-to-end specs start the agent worker themselves; stop it if one was cut short.
  AGENT_WORKER_STOP_SECONDS=5 bash scripts/worker/stop.sh >/dev/null 2>&1 || true
  bash scripts/dispatcher/stop.sh >/dev/null 2>&1 || true
  stop_app
  bash scripts/stack/down.sh >/dev/null 2>&1 || true
  node scripts/db/postgres.mjs down >/dev/null 2>&1 || true
}
trap cleanup EXIT
trap 'exit 130' INT TERM

export NEXT_TELEMETRY_DISABLED=1 DEPLOYMENT_MODE=local NODE_ENV=production
export NEXTAUTH_URL="http://127.0.0.1:$APP_PORT" E2E_BASE_URL="http://127.0.0.1:$APP_PORT"
# Every e2e user signs up (and some fail to sign in) from 127.0.0.1: per-address limits that
# a whole suite never reaches. The per-email limit keeps its default, which e2e/security tests.
export AUTH_SIGN_UP_MAX_PER_ADDRESS="${AUTH_SIGN_UP_MAX_PER_ADDRESS:-100000}" AUTH_SIGN_IN_MAX_PER_ADDRESS="${AUTH_SIGN_IN_MAX_PER_ADDRESS:-100000}"
# The deployment's outbound caps per Space, out of the way of the load tests (200 calls, a
# 10,000-call batch); e2e/security lowers a Space's own caps to test them.
export OUTBOUND_CALLS_PER_MINUTE="${OUTBOUND_CALLS_PER_MINUTE:-1000000}" OUTBOUND_CONCURRENT_CALLS="${OUTBOUND_CONCURRENT_CALLS:-1000000}" OUTBOUND_CALLS_PER_DAY="${OUTBOUND_CALLS_PER_DAY:-1000000}"
# The deployment's administrator for e2e/console/deployment-admin.spec.ts (e2e/deployment-admin.ts).
# Named, so the first user to sign up in a run is not the administrator by the first-user rule.
export SWITCHBOARD_ADMIN_EMAILS="${SWITCHBOARD_ADMIN_EMAILS:-deployment-admin@e2e.switchboard.test}"
# The platform carrier's label on platform numbers (e2e/console/platform-numbers.spec.ts).
export TELEPHONY_PROVIDER="${TELEPHONY_PROVIDER:-E2E Carrier}"
ensure_secrets
say "starting PostgreSQL"
DATABASE_URL=$(node scripts/db/postgres.mjs up) || exit 1
export DATABASE_URL
npm run --silent db:migrate >/dev/null || exit 1

failed=0
# TEST_TIERS narrows a local run while working on one tier, e.g. TEST_TIERS="e2e", and
# E2E_ARGS the end-to-end tier, e.g. E2E_ARGS="e2e/console/calls-with-agent.spec.ts".
# CI always runs every tier, whole (the default).
tiers=" ${TEST_TIERS:-static unit integration e2e} "
read -ra e2e_args <<<"${E2E_ARGS:-}"
tier() { # tier <key> <name> <command...>
  local key=$1 name=$2
  shift 2
  [[ $tiers == *" $key "* ]] || { say "── $name: skipped (TEST_TIERS)"; return 0; }
  say "── $name"
  "$@" || { say "$name: FAILED"; failed=1; }
}

tier static "typecheck" npx tsc --noEmit -p .
tier static "lint" npx eslint --max-warnings=0 .
NODE_ENV=test tier unit "unit tests" npx vitest run --reporter=default --reporter=json --outputFile.json="$reports/unit.json"

say "starting Redis, livekit-server, livekit-sip and the SIP edge"
if bash scripts/stack/up.sh; then
  # The integration tier runs no web app, which the SIP edge asks how to route each INVITE:
  # its tests dial livekit-sip's own port in direct mode (trunks carry the accounts' own
  # allowlists). The end-to-end tier goes through the edge, so inbound access is tested in
  # both modes.
  SIP_EDGE_ADDRESSES="" SIP_EDGE_RPC_URL="" NODE_ENV=test tier integration "integration tests" \
    npx vitest run --config vitest.integration.config.ts \
    --reporter=default --reporter=json --outputFile.json="$reports/integration.json"

  # Its own build folder, so a dev build and parallel runs never collide.
  export NEXT_DIST_DIR="${NEXT_DIST_DIR:-.next-test}"
  say "building the web app"
  if npx next build >"$STACK_DIR/logs/next-build.log" 2>&1; then
    start_app "$STACK_DIR/logs/app.log" npx next start -H 127.0.0.1 -p "$APP_PORT"
    # The web app only queues calls; the dispatcher dials them.
    if wait_for_app "$E2E_BASE_URL" 90 "$STACK_DIR/logs/app.log" && bash scripts/dispatcher/start.sh; then
      PLAYWRIGHT_JSON_OUTPUT_NAME="$reports/e2e.json" tier e2e "end-to-end tests" \
        npx playwright test --reporter=list,json "${e2e_args[@]}"
    else
      failed=1
    fi
  else
    tail -n 60 "$STACK_DIR/logs/next-build.log"
    say "next build: FAILED"
    failed=1
  fi
else
  say "the stack did not start; integration and end-to-end tiers not run"
  failed=1
fi

reports_run=()
for key in unit integration e2e; do [[ $tiers == *" $key "* ]] && reports_run+=("$reports/$key.json"); done
node scripts/test/summarize.mjs "${reports_run[@]}" || failed=1
exit "$failed"
