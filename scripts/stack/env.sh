# shellcheck shell=bash
# Sourced (never run) by the stack scripts, scripts/start.sh and scripts/test.sh.
#
#   STACK_NAME=dev|test (default dev) picks a port set; every variable below can be
#   overridden from the environment. Everything listens on 127.0.0.1 only.
#
# The API secret is a fixed, public, local-only value: the stack binds loopback (or lives in
# its own network namespace), so it protects nothing beyond this machine. Production sets
# its own LIVEKIT_API_SECRET (the web app and the dispatcher refuse this one in production
# mode: lib/deployment-mode.ts).

STACK_NAME="${STACK_NAME:-dev}"

# SIP_RTP_PORTS: ports for every call up and every call still draining after its end.
# livekit-sip v1.8.0 crashes (nil MediaPort in outboundCall.close, outbound.go:145) when an
# outbound call finds no free port: 1,000 ports ran out after 500 calls in a minute
# (bench/calls-dispatch.ts), so each stack gets 10,000.

case "$STACK_NAME" in
  dev)
    : "${APP_PORT:=3000}" "${PG_PORT:=54320}" "${REDIS_PORT:=63790}"
    : "${LIVEKIT_PORT:=7880}" "${LIVEKIT_RTC_TCP_PORT:=7881}" "${LIVEKIT_RTC_UDP_PORT:=7882}"
    : "${SIP_PORT:=5060}" "${SIP_RTP_PORTS:=10000-19999}" "${SIP_HEALTH_PORT:=8081}"
    : "${SIP_INTERNAL_PORT:=5070}" "${EDGE_RPC_PORT:=5090}"
    ;;
  test)
    : "${APP_PORT:=3100}" "${PG_PORT:=54330}" "${REDIS_PORT:=63800}"
    : "${LIVEKIT_PORT:=7980}" "${LIVEKIT_RTC_TCP_PORT:=7981}" "${LIVEKIT_RTC_UDP_PORT:=7982}"
    : "${SIP_PORT:=5160}" "${SIP_RTP_PORTS:=20000-29999}" "${SIP_HEALTH_PORT:=8181}"
    : "${SIP_INTERNAL_PORT:=5170}" "${EDGE_RPC_PORT:=5190}"
    ;;
  *)
    echo "env.sh: STACK_NAME must be dev or test (got '$STACK_NAME')" >&2
    # shellcheck disable=SC2317  # exit only when run instead of sourced
    return 1 2>/dev/null || exit 1
    ;;
esac

SWITCHBOARD_ROOT="${SWITCHBOARD_ROOT:-$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)}"
SWITCHBOARD_CACHE="${SWITCHBOARD_CACHE:-$HOME/.cache/switchboard}"
STACK_DIR="${STACK_DIR:-$SWITCHBOARD_ROOT/.stack/$STACK_NAME}"

: "${LIVEKIT_SERVER_VERSION:=v1.13.5}"
: "${LIVEKIT_SIP_VERSION:=v1.8.0}"
: "${LIVEKIT_SERVER_BIN:=$SWITCHBOARD_CACHE/bin/livekit-server-$LIVEKIT_SERVER_VERSION/server}"
: "${LIVEKIT_SIP_BIN:=$SWITCHBOARD_CACHE/bin/livekit-sip-$LIVEKIT_SIP_VERSION/livekit-sip}"

: "${LIVEKIT_URL:=http://127.0.0.1:$LIVEKIT_PORT}"
: "${LIVEKIT_WS_URL:=ws://127.0.0.1:$LIVEKIT_PORT}"
: "${LIVEKIT_API_KEY:=switchboard-local}"
: "${LIVEKIT_API_SECRET:=switchboard-local-only-secret-do-not-use-in-production-0123456789}"
: "${LIVEKIT_LOG_LEVEL:=info}"
: "${LIVEKIT_WEBHOOK_URL:=}"
: "${REDIS_ADDRESS:=127.0.0.1:$REDIS_PORT}"

: "${SIP_MAX_CPU_UTILIZATION:=1.0}"

: "${SIP_PUBLIC_DOMAIN:=127.0.0.1:$SIP_PORT}"
: "${SIP_PUBLIC_IPS:=127.0.0.1:$SIP_PORT}"

# The SIP edge (Kamailio, scripts/stack/edge/): SIP_EDGE=on puts it on SIP_PORT and moves
# livekit-sip to SIP_INTERNAL_PORT, which only the edge reaches; SIP_EDGE=off is direct mode
# (PBX -> livekit-sip on SIP_PORT, as with LiveKit Cloud). EDGE_RPC_PORT is the edge's
# JSON-RPC listener (loopback only: it shows registration passwords); the console asks it
# for SIP OPTIONS probes. EDGE_CONSOLE_URL is where the edge asks how to route an INVITE.
: "${SIP_EDGE:=on}"
: "${KAMAILIO_VERSION:=5.6.3-2}"
: "${KAMAILIO_DIR:=$SWITCHBOARD_CACHE/kamailio-$KAMAILIO_VERSION}"
: "${EDGE_CONSOLE_URL:=http://127.0.0.1:$APP_PORT}"
: "${EDGE_PIKE_REQUESTS_PER_2S:=40}"
# Derived, never taken from the caller: a mode switch (SIP_EDGE=off bash up.sh) must not
# inherit the other mode's ports.
if [ "$SIP_EDGE" = on ]; then
  LIVEKIT_SIP_PORT=$SIP_INTERNAL_PORT
  SIP_EDGE_RPC_URL="http://127.0.0.1:$EDGE_RPC_PORT/RPC"
  # The source address livekit-sip sees for every INVITE the edge relays.
  SIP_EDGE_ADDRESSES=127.0.0.1
else
  LIVEKIT_SIP_PORT=$SIP_PORT SIP_EDGE_RPC_URL="" SIP_EDGE_ADDRESSES=""
fi

# Optional: run the stack's processes inside this network namespace (see netns.sh).
: "${STACK_NETNS:=}"

export STACK_NAME SWITCHBOARD_ROOT SWITCHBOARD_CACHE STACK_DIR \
  APP_PORT PG_PORT REDIS_PORT LIVEKIT_PORT LIVEKIT_RTC_TCP_PORT LIVEKIT_RTC_UDP_PORT \
  SIP_PORT SIP_RTP_PORTS SIP_HEALTH_PORT SIP_INTERNAL_PORT EDGE_RPC_PORT LIVEKIT_SIP_PORT \
  SIP_EDGE KAMAILIO_VERSION KAMAILIO_DIR EDGE_CONSOLE_URL EDGE_PIKE_REQUESTS_PER_2S SIP_EDGE_RPC_URL SIP_EDGE_ADDRESSES \
  LIVEKIT_SERVER_VERSION LIVEKIT_SIP_VERSION LIVEKIT_SERVER_BIN LIVEKIT_SIP_BIN \
  LIVEKIT_URL LIVEKIT_WS_URL LIVEKIT_API_KEY LIVEKIT_API_SECRET LIVEKIT_LOG_LEVEL \
  LIVEKIT_WEBHOOK_URL REDIS_ADDRESS SIP_PUBLIC_DOMAIN SIP_PUBLIC_IPS STACK_NETNS SIP_MAX_CPU_UTILIZATION
