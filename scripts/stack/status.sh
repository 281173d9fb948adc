#!/usr/bin/env bash
# shellcheck source-path=SCRIPTDIR
# Prints one line per component of the local stack (pid, namespace, health) and exits 0
# only when all of them (three, four with the SIP edge) are running and healthy.
#
#   STACK_NAME=dev|test bash scripts/stack/status.sh
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
source "$here/env.sh"
source "$here/lib.sh"

healthy=0
report() { # name expect check port
  local name=$1 expect=$2 check=$3 port=$4 pid netns
  if pid=$(running_pid "$name" "$expect"); then
    netns=$(readlink "/proc/$pid/ns/net")
    [ "$netns" = "$(readlink /proc/1/ns/net)" ] && netns="host" || netns="isolated $netns"
    if "$check" "$pid" >/dev/null 2>&1; then
      printf '%-15s up       pid %-7s 127.0.0.1:%-6s net: %s\n' "$name" "$pid" "$port" "$netns"
      healthy=$((healthy + 1))
    else
      printf '%-15s UNHEALTHY pid %-7s 127.0.0.1:%-6s net: %s (log: %s)\n' "$name" "$pid" "$port" "$netns" "$STACK_DIR/logs/$name.log"
    fi
  else
    printf '%-15s down\n' "$name"
  fi
}

echo "stack $STACK_NAME ($STACK_DIR)"
report redis redis-server redis_ok "$REDIS_PORT"
report livekit-server "$LIVEKIT_SERVER_BIN" livekit_ok "$LIVEKIT_PORT"
report livekit-sip "$LIVEKIT_SIP_BIN" sip_ok "$LIVEKIT_SIP_PORT"
expected=3
if [ "$SIP_EDGE" = on ]; then
  report edge "$KAMAILIO_DIR/usr/sbin/kamailio" edge_ok "$SIP_PORT"
  expected=4
fi
for f in "$STACK_DIR"/run/forward-*.pid; do
  [ -e "$f" ] || continue
  name=$(basename "$f" .pid)
  if pid=$(running_pid "$name" socat); then echo "$name up (pid $pid)"; else echo "$name down"; fi
done
[ "$healthy" = "$expected" ]
