#!/usr/bin/env bash
# shellcheck source-path=SCRIPTDIR
# Starts one dispatcher next to the local stack: the process that takes queued calls from
# the job queue in PostgreSQL, dials them through LiveKit and reconciles live calls. Runs in
# the stack's network namespace like the agent worker, and waits for its health endpoint.
# Idempotent per DISPATCHER_NAME (default "dispatcher"; give others names to run several).
#
#   STACK_NAME=dev|test DATABASE_URL=... bash scripts/dispatcher/start.sh
#
# Settings (see .env.example): DATABASE_URL (required), LIVEKIT_URL / LIVEKIT_API_KEY /
# LIVEKIT_API_SECRET (from the stack), AGENT_NAME, DISPATCHER_HTTP_PORT (dev 8090, test
# 8190), DISPATCHER_CONCURRENCY, DISPATCHER_MAX_DIALS, DISPATCHER_RECONCILE_SECONDS,
# DISPATCHER_LEASE_SECONDS, CALL_RINGING_TIMEOUT_SECONDS.
# Files: $STACK_DIR/logs/<name>.log, $STACK_DIR/run/<name>.pid.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../.." && pwd)"
# shellcheck source=../stack/env.sh
source "$root/scripts/stack/env.sh"
# shellcheck source=../stack/lib.sh
source "$root/scripts/stack/lib.sh"
cd "$root"

name="${DISPATCHER_NAME:-dispatcher}"
case "$STACK_NAME" in
  test) : "${DISPATCHER_HTTP_PORT:=8190}" ;;
  *) : "${DISPATCHER_HTTP_PORT:=8090}" ;;
esac
[ -n "${DATABASE_URL:-}" ] || stack_die "DATABASE_URL is not set: the dispatcher's queue lives in PostgreSQL"
export DISPATCHER_HTTP_PORT DATABASE_URL

if [ -n "$STACK_NETNS" ]; then
  launch=(ip netns exec "$STACK_NETNS")
else
  launch=()
fi

main="dispatcher/main.ts"
mkdir -p "$STACK_DIR/logs" "$STACK_DIR/run"
log="$STACK_DIR/logs/$name.log"
if pid=$(running_pid "$name" "$main"); then
  stack_log "$name already running (pid $pid)"
  exit 0
fi
[ -f "$log" ] && mv -f "$log" "$log.prev"
# react-server: lib/ modules guard themselves with `import "server-only"`, which only that
# condition lets load outside Next.js. tsx compiles the TypeScript on the fly.
setsid "${launch[@]}" nohup node --conditions=react-server --import tsx "$main" >"$log" 2>&1 </dev/null &
pid=$!
echo "$pid" >"$(pid_file "$name")"
stack_log "started $name (pid $pid), log $log"

dispatcher_ok() { in_net_of "$1" curl -fsS --max-time 2 "http://127.0.0.1:$DISPATCHER_HTTP_PORT/" >/dev/null 2>&1; }
deadline=$(( $(date +%s) + ${DISPATCHER_START_TIMEOUT:-30} ))
until dispatcher_ok "$pid"; do
  if ! alive "$pid"; then
    log_tail "$name"
    rm -f "$(pid_file "$name")"
    stack_die "$name exited during start-up (see above)"
  fi
  [ "$(date +%s)" -lt "$deadline" ] || { log_tail "$name"; stack_die "$name not healthy after ${DISPATCHER_START_TIMEOUT:-30}s (pid $pid; stop.sh stops it)"; }
  sleep 0.25
done
stack_log "$name healthy (http://127.0.0.1:$DISPATCHER_HTTP_PORT/)"
