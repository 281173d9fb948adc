#!/usr/bin/env bash
# shellcheck source-path=SCRIPTDIR
# Stops the agent worker started by start.sh: SIGTERM makes it drain (it takes no new calls
# and waits for the ones in progress), then after AGENT_WORKER_STOP_SECONDS (default 30)
# SIGKILL to its whole process group (the worker and its job processes). Idempotent; works
# from any namespace (pid file only).
#
#   STACK_NAME=dev|test bash scripts/worker/stop.sh
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../.." && pwd)"
# shellcheck source=../stack/env.sh
source "$root/scripts/stack/env.sh"
# shellcheck source=../stack/lib.sh
source "$root/scripts/stack/lib.sh"

main="agent-worker/dist/main.js"
if ! pid=$(running_pid agent-worker "$main"); then
  rm -f "$(pid_file agent-worker)"
  exit 0
fi
stack_log "stopping agent-worker (pid $pid, SIGTERM: drains calls in progress)"
kill -TERM "$pid" 2>/dev/null || true
limit=$(( ${AGENT_WORKER_STOP_SECONDS:-30} * 4 ))
for _ in $(seq 1 "$limit"); do
  alive "$pid" || break
  sleep 0.25
done
if alive "$pid"; then
  stack_log "agent-worker still draining after ${AGENT_WORKER_STOP_SECONDS:-30}s, sending SIGKILL"
fi
# The group id is the worker's pid (setsid in start.sh); it also ends job processes.
kill -KILL -- "-$pid" 2>/dev/null || true
rm -f "$(pid_file agent-worker)"
STOPPED_PIDS+=("$pid")
wait_reaped
stack_log "agent-worker stopped"
