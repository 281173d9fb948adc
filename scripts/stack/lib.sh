# shellcheck shell=bash
# Helpers shared by up.sh, down.sh and status.sh. Sourced after env.sh.

stack_log() { printf '[stack:%s] %s\n' "$STACK_NAME" "$*"; }
stack_die() { printf '[stack:%s] ERROR: %s\n' "$STACK_NAME" "$*" >&2; exit 1; }

# True when this shell's network namespace has no interface but lo and the private veth
# pair netns.sh adds (e.g. under `unshare -n` or `ip netns exec`): nothing sent from here
# can reach a real network.
in_isolated_netns() {
  local ifname
  while read -r ifname; do
    case "$ifname" in
      lo | sb-veth0 | sb-veth1) ;;
      *) return 1 ;;
    esac
  done < <(ip -o link show | awk -F': ' '{ sub(/@.*/, "", $2); print $2 }')
}

pid_file() { echo "$STACK_DIR/run/$1.pid"; }

# Alive and not a zombie: orphans of a finished up.sh are reaped by PID 1, which on some
# machines takes a second or two after they exit.
alive() {
  local state
  # the state letter follows the ")" that closes the command name
  state=$(sed -E 's/.*\) ([A-Za-z]).*/\1/' "/proc/$1/stat" 2>/dev/null) || return 1
  [ -n "$state" ] && [ "$state" != Z ]
}

# Prints the pid recorded for a component if that process is still alive and is still the
# binary we started (guards against a reused pid after a reboot or crash).
running_pid() {
  local name=$1 expect=$2 file pid
  file=$(pid_file "$name")
  [ -f "$file" ] || return 1
  pid=$(cat "$file" 2>/dev/null) || return 1
  [ -n "$pid" ] && alive "$pid" || return 1
  tr '\0' ' ' <"/proc/$pid/cmdline" 2>/dev/null | grep -qF -- "$expect" || return 1
  echo "$pid"
}

log_tail() {
  local file="$STACK_DIR/logs/$1.log"
  echo "---- last 30 lines of $file ----" >&2
  tail -n 30 "$file" >&2 2>/dev/null || true
  echo "----" >&2
}

# Runs a command in the network namespace of a running process, so checks reach the stack
# wherever it was started (host, STACK_NETNS or an `unshare -n` shell).
in_net_of() {
  local pid=$1
  shift
  if [ "$(readlink "/proc/$pid/ns/net")" = "$(readlink /proc/self/ns/net)" ]; then
    "$@"
  else
    nsenter -t "$pid" -n "$@"
  fi
}

redis_ok() { in_net_of "$1" redis-cli -h 127.0.0.1 -p "$REDIS_PORT" ping | grep -q PONG; }
livekit_ok() { [ "$(in_net_of "$1" curl -fsS --max-time 2 "http://127.0.0.1:$LIVEKIT_PORT/")" = OK ]; }
# livekit-sip answers 200 when healthy and 429 when its CPU monitor says "under load"
# (common on a 2-core machine during a test run): both mean the process is serving.
sip_ok() {
  local code
  code=$(in_net_of "$1" curl -sS --max-time 2 -o /dev/null -w '%{http_code}' "http://127.0.0.1:$SIP_HEALTH_PORT/")
  [ "$code" = 200 ] || [ "$code" = 429 ]
}

# The edge answers JSON-RPC on its loopback port once every worker is up.
edge_ok() {
  in_net_of "$1" curl -fsS --max-time 2 -d '{"jsonrpc":"2.0","method":"core.version","id":1}' \
    "http://127.0.0.1:$EDGE_RPC_PORT/RPC" | grep -q kamailio
}

# stop_component <name> <expected cmdline fragment> [signal]: the signal (default TERM),
# up to 10 s, then SIGKILL.
stop_component() {
  local name=$1 expect=$2 sig=${3:-TERM} pid
  if ! pid=$(running_pid "$name" "$expect"); then
    rm -f "$(pid_file "$name")"
    return 0
  fi
  stack_log "stopping $name (pid $pid, SIG$sig)"
  kill -"$sig" "$pid" 2>/dev/null || true
  for _ in $(seq 1 40); do
    alive "$pid" || break
    sleep 0.25
  done
  if alive "$pid"; then
    stack_log "$name did not stop within 10 s, sending SIGKILL"
    kill -KILL "$pid" 2>/dev/null || true
    sleep 0.25
  fi
  rm -f "$(pid_file "$name")"
  STOPPED_PIDS+=("$pid")
}

STOPPED_PIDS=()

# Waits (up to 5 s) until the stopped processes are reaped, so that right after down.sh
# not even a <defunct> entry is left in the process table.
wait_reaped() {
  local pid _
  for _ in $(seq 1 20); do
    for pid in "${STOPPED_PIDS[@]}"; do
      kill -0 "$pid" 2>/dev/null && { sleep 0.25; continue 2; }
    done
    return 0
  done
}
