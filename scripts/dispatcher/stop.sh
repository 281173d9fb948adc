#!/usr/bin/env bash
# shellcheck source-path=SCRIPTDIR
# Stops a dispatcher started by start.sh (DISPATCHER_NAME, default "dispatcher"): SIGTERM
# (it takes no new call and lets dials under way reach their answer, up to 10 s), then
# SIGKILL. Idempotent; works from any namespace (pid file only). Calls it leaves dialling
# are taken over by the next dispatcher's reconciliation.
#
#   STACK_NAME=dev|test bash scripts/dispatcher/stop.sh
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../.." && pwd)"
# shellcheck source=../stack/env.sh
source "$root/scripts/stack/env.sh"
# shellcheck source=../stack/lib.sh
source "$root/scripts/stack/lib.sh"

name="${DISPATCHER_NAME:-dispatcher}"
stop_component "$name" "dispatcher/main.ts" TERM
wait_reaped
