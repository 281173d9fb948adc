#!/usr/bin/env bash
# shellcheck source-path=SCRIPTDIR
# Starts the agent worker next to the local stack: builds agent-worker/dist when a source is
# newer, then runs `node agent-worker/dist/main.js start` in the stack's network namespace
# and waits until it is registered with livekit-server. Idempotent.
#
#   STACK_NAME=dev|test bash scripts/worker/start.sh
#
# Where it runs, as scripts/stack/up.sh: in $STACK_NETNS when set, else in the caller's
# isolated namespace (e.g. `unshare -n`); it refuses the host network (the worker's WebRTC
# leg gathers candidates on every interface) unless STACK_ALLOW_HOST_NETWORK=1.
# Settings (every one optional; see .env.example): AGENT_NAME, CONSOLE_INTERNAL_URL
# (default http://127.0.0.1:$APP_PORT), WORKER_INTERNAL_TOKEN (default: the one in
# $STACK_DIR/secrets.env), AGENT_WORKER_HTTP_PORT (dev 8089, test 8189),
# AGENT_WORKER_MAX_CALLS (default 4 per CPU core), AGENT_WORKER_GREETING_CACHE_DIR (default
# $STACK_DIR/greetings), provider keys.
# Files: $STACK_DIR/logs/agent-worker.log, $STACK_DIR/run/agent-worker.pid.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../.." && pwd)"
# shellcheck source=../stack/env.sh
source "$root/scripts/stack/env.sh"
# shellcheck source=../stack/lib.sh
source "$root/scripts/stack/lib.sh"
cd "$root"

case "$STACK_NAME" in
  test) : "${AGENT_WORKER_HTTP_PORT:=8189}" ;;
  *) : "${AGENT_WORKER_HTTP_PORT:=8089}" ;;
esac
: "${CONSOLE_INTERNAL_URL:=http://127.0.0.1:$APP_PORT}"
# A call budget rather than the framework's CPU reading: on 2 cores a burst of CPU elsewhere
# (a build, a speech recogniser) made the worker report itself full, and LiveKit then drops
# the room's dispatch for good ("no servers available"): the call gets no agent at all.
# 4 calls per core is what bench/worker-capacity.ts measured (8 on 2 cores, README).
: "${AGENT_WORKER_MAX_CALLS:=$(( 4 * $(nproc) ))}"
if [ -z "${WORKER_INTERNAL_TOKEN:-}" ] && [ -f "$STACK_DIR/secrets.env" ]; then
  WORKER_INTERNAL_TOKEN=$(sed -n 's/^WORKER_INTERNAL_TOKEN=//p' "$STACK_DIR/secrets.env")
fi
# The stack's greetings live with the rest of its files.
: "${AGENT_WORKER_GREETING_CACHE_DIR:=$STACK_DIR/greetings}"
export AGENT_WORKER_HTTP_PORT CONSOLE_INTERNAL_URL AGENT_WORKER_MAX_CALLS AGENT_WORKER_GREETING_CACHE_DIR
[ -n "${WORKER_INTERNAL_TOKEN:-}" ] && export WORKER_INTERNAL_TOKEN
export AGENT_WORKER_HTTP_HOST=127.0.0.1

# Offline speech needs Debian's espeak-ng and pocketsphinx (install.sh skips what is there).
for tool in espeak-ng pocketsphinx_continuous; do
  command -v "$tool" >/dev/null || { STACK_APT_EXTRA="espeak-ng pocketsphinx pocketsphinx-en-us sox" bash "$root/scripts/stack/install.sh"; break; }
done

main="agent-worker/dist/main.js"
if [ ! -f "$main" ] || [ -n "$(find agent-worker -path agent-worker/dist -prune -o \( -name '*.ts' -o -name tsconfig.json -o -name '*.mjs' \) -newer "$main" -print -quit)" ]; then
  stack_log "building agent-worker"
  node agent-worker/build.mjs
fi

if [ -n "$STACK_NETNS" ]; then
  launch=(ip netns exec "$STACK_NETNS")
  target_net=$(ip netns exec "$STACK_NETNS" readlink /proc/self/ns/net)
elif in_isolated_netns || [ "${STACK_ALLOW_HOST_NETWORK:-}" = 1 ]; then
  launch=()
  target_net=$(readlink /proc/self/ns/net)
else
  stack_die "refusing to start the agent worker on the host network: its WebRTC leg would gather
  candidates on non-loopback interfaces. Set STACK_NETNS (the stack's namespace), run inside
  'unshare -n', or set STACK_ALLOW_HOST_NETWORK=1."
fi

mkdir -p "$STACK_DIR/logs" "$STACK_DIR/run"
log="$STACK_DIR/logs/agent-worker.log"
if pid=$(running_pid agent-worker "$main"); then
  [ "$(readlink "/proc/$pid/ns/net")" = "$target_net" ] || stack_die "agent-worker (pid $pid) runs in another network namespace; run scripts/worker/stop.sh first"
  stack_log "agent-worker already running (pid $pid)"
  exit 0
fi
[ -f "$log" ] && mv -f "$log" "$log.prev"
[ -n "${WORKER_INTERNAL_TOKEN:-}" ] || stack_log "WORKER_INTERNAL_TOKEN is not set: every call gets the built-in default agent"
# setsid: its own process group, so stop.sh can also end job processes left behind.
# setsid, ip netns exec and nohup all exec, so $! is the worker's own pid.
setsid "${launch[@]}" nohup node "$main" start >"$log" 2>&1 </dev/null &
pid=$!
echo "$pid" >"$(pid_file agent-worker)"
stack_log "started agent-worker (pid $pid, agent name ${AGENT_NAME:-switchboard-agent}), log $log"

worker_ok() { [ "$(in_net_of "$1" curl -s --max-time 2 -o /dev/null -w '%{http_code}' "http://127.0.0.1:$AGENT_WORKER_HTTP_PORT/")" = 200 ]; }
deadline=$(( $(date +%s) + ${AGENT_WORKER_START_TIMEOUT:-60} ))
until worker_ok "$pid"; do
  if ! alive "$pid"; then
    log_tail agent-worker
    rm -f "$(pid_file agent-worker)"
    stack_die "agent-worker exited during start-up (see above)"
  fi
  if [ "$(date +%s)" -ge "$deadline" ]; then
    log_tail agent-worker
    stack_die "agent-worker not registered with livekit-server after ${AGENT_WORKER_START_TIMEOUT:-60}s (pid $pid; stop.sh stops it)"
  fi
  sleep 0.5
done
stack_log "agent-worker registered (health http://127.0.0.1:$AGENT_WORKER_HTTP_PORT/)"
