#!/usr/bin/env bash
# shellcheck source-path=SCRIPTDIR
# Stops the local LiveKit stack in reverse start order: the SIP edge, livekit-sip (SIGINT: it hangs up
# active calls instead of waiting for them), livekit-server, Redis (SIGTERM), each with a
# bounded 10 s wait before SIGKILL. Idempotent; works from any namespace because it only
# uses the pid files in $STACK_DIR/run. Port forwards made by netns.sh are stopped too;
# the namespace itself is kept (netns.sh delete removes it).
#
#   STACK_NAME=dev|test bash scripts/stack/down.sh
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
source "$here/env.sh"
source "$here/lib.sh"

mkdir -p "$STACK_DIR/run"
stop_component edge "$KAMAILIO_DIR/usr/sbin/kamailio" TERM
stop_component livekit-sip "$LIVEKIT_SIP_BIN" INT
stop_component livekit-server "$LIVEKIT_SERVER_BIN" TERM
stop_component redis redis-server TERM
for f in "$STACK_DIR"/run/forward-*.pid; do
  [ -e "$f" ] || continue
  stop_component "$(basename "$f" .pid)" socat TERM
done
rm -f "$STACK_DIR"/run/forward-*.sock
wait_reaped
stack_log "down"
