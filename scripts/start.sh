#!/usr/bin/env bash
# Starts the whole console on this machine, installing whatever is missing first:
# PostgreSQL (embedded, unless DATABASE_URL is set), Redis, livekit-server, livekit-sip, the
# web app, the dispatcher and the agent worker, then prints where to sign in. Ctrl-C stops everything it started.
#
#   bash scripts/start.sh
#
# By default the stack runs in its own network namespace (switchboard-dev) whose only
# network is loopback, and the web app's port is forwarded to 127.0.0.1:$APP_PORT here:
# LiveKit's media legs then never touch a real interface. On a machine where a real PBX
# must reach livekit-sip, run on the host network instead:
#   STACK_NETNS= STACK_ALLOW_HOST_NETWORK=1 bash scripts/start.sh
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
source scripts/lib/common.sh
load_dotenv
export STACK_NAME=dev
export STACK_NETNS="${STACK_NETNS-switchboard-dev}"
source scripts/stack/env.sh
# livekit-server posts signed webhooks (room and participant events) to the app, which keeps
# the call log from them; both live in the same network namespace.
export LIVEKIT_WEBHOOK_URL="${LIVEKIT_WEBHOOK_URL:-http://127.0.0.1:$APP_PORT/api/livekit/webhook}"

ensure_node_modules
bash scripts/stack/install.sh
npm run --silent db:generate >/dev/null

# The command prefix that runs a process inside the stack's namespace (empty on the host).
stack_prefix=()
[ -n "$STACK_NETNS" ] && stack_prefix=(ip netns exec "$STACK_NETNS")
in_stack() { "${stack_prefix[@]}" "$@"; }

app_pid=""
started_pg=0
cleanup() {
  trap - EXIT INT TERM
  say "stopping"
  bash scripts/worker/stop.sh >/dev/null 2>&1 || true
  bash scripts/dispatcher/stop.sh >/dev/null 2>&1 || true
  stop_app
  bash scripts/stack/down.sh >/dev/null 2>&1 || true
  [ "$started_pg" = 1 ] && { in_stack node scripts/db/postgres.mjs down >/dev/null 2>&1 || true; }
  [ -n "$STACK_NETNS" ] && { bash scripts/stack/netns.sh delete "$STACK_NETNS" >/dev/null 2>&1 || true; }
}
trap cleanup EXIT
trap 'exit 130' INT TERM

mkdir -p "$STACK_DIR/logs"
[ -n "$STACK_NETNS" ] && bash scripts/stack/netns.sh create "$STACK_NETNS" >/dev/null
ensure_secrets
export NEXT_TELEMETRY_DISABLED=1 NODE_ENV=production
export NEXTAUTH_URL="${NEXTAUTH_URL:-http://127.0.0.1:$APP_PORT}"
export DEPLOYMENT_MODE="${DEPLOYMENT_MODE:-local}"

if [ -z "${DATABASE_URL:-}" ]; then
  say "starting the embedded PostgreSQL on 127.0.0.1:$PG_PORT"
  DATABASE_URL=$(in_stack node scripts/db/postgres.mjs up)
  export DATABASE_URL
  started_pg=1
fi
in_stack npm run --silent db:migrate
seed_output=$(in_stack npm run --silent db:seed)

say "starting Redis, livekit-server, livekit-sip and the SIP edge"
bash scripts/stack/up.sh

say "building the web app (first run takes a minute or two)"
npx next build >"$STACK_DIR/logs/next-build.log" 2>&1 || { tail -n 60 "$STACK_DIR/logs/next-build.log"; exit 1; }
start_app "$STACK_DIR/logs/app.log" "${stack_prefix[@]}" npx next start -H 127.0.0.1 -p "$APP_PORT"
[ -n "$STACK_NETNS" ] && bash scripts/stack/netns.sh forward "$APP_PORT" "$STACK_NETNS" >/dev/null
wait_for_app "http://127.0.0.1:$APP_PORT" 120 "$STACK_DIR/logs/app.log"
say "starting the dispatcher"
bash scripts/dispatcher/start.sh
say "starting the agent worker"
bash scripts/worker/start.sh

cat <<MSG

  Switchboard is running.

  Sign in:   http://127.0.0.1:$APP_PORT/sign-in
$(printf '%s\n' "$seed_output" | sed 's/^/  /')

  LiveKit:   $LIVEKIT_URL${STACK_NETNS:+, inside network namespace $STACK_NETNS}
  SIP:       PBXs send INVITEs to $SIP_PUBLIC_DOMAIN ($([ "$SIP_EDGE" = on ] && echo "the SIP edge, Kamailio; livekit-sip on 127.0.0.1:$LIVEKIT_SIP_PORT" || echo "livekit-sip directly, SIP_EDGE=off"))
  Calls:     the dispatcher dials queued calls, log $STACK_DIR/logs/dispatcher.log
  Agent:     ${AGENT_NAME:-switchboard-agent} (offline mode unless provider keys are set), log $STACK_DIR/logs/agent-worker.log
  Logs:      $STACK_DIR/logs
  Stop:      Ctrl-C

MSG
wait "$app_pid"
