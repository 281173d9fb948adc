#!/usr/bin/env bash
# shellcheck source-path=SCRIPTDIR
# Network namespaces for the local stack, so nothing it sends can reach a real network.
#
# Why: livekit-sip joins rooms as a WebRTC client whose ICE agent gathers host candidates
# on every non-loopback interface (it has no setting to stop that), so on the machine's own
# network a SIP call makes LiveKit send media checks to the eth0 address (seen in a capture
# where a veth address stood in for eth0: livekit-sip offered it as its only candidate and
# livekit-server sent its ICE/DTLS/RTP packets to it).
# Inside a namespace whose only interfaces are lo and a veth pair with both ends inside it,
# every packet stays in the namespace. The veth address ($STACK_VETH_CIDR, private, no
# route anywhere) is needed: livekit-sip refuses to start without a non-loopback IPv4
# ("server not connected to any network", from its SIP library) and its ICE agent ignores
# loopback. A veth pair because this kernel has no `dummy` driver.
#
#   netns.sh create [name]            ip netns add + lo up + veth pair (idempotent)
#   netns.sh prepare-current          same setup for the namespace this shell is in
#                                     (refuses the machine's initial namespace)
#   netns.sh exec [name] -- cmd ...   run a command inside the namespace
#   netns.sh forward <port> [name]    host 127.0.0.1:<port> -> namespace 127.0.0.1:<port>
#   netns.sh forward-out <port> [name]  namespace 127.0.0.1:<port> -> host 127.0.0.1:<port>
#                                     (e.g. LiveKit webhooks to the app running on the host)
#   netns.sh unforward                stop every forward of this stack
#   netns.sh delete [name]            unforward (this stack's namespace), ip netns delete
#
# name defaults to switchboard-$STACK_NAME. Forwards are TCP only and go through a unix
# socket in $STACK_DIR/run (socat on each side), so no packet crosses namespaces.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
source "$here/env.sh"
source "$here/lib.sh"

: "${STACK_VETH_CIDR:=10.213.0.1/24}"

setup_links() { # runs inside the target namespace
  ip link set lo up
  if ! ip link show sb-veth0 >/dev/null 2>&1; then
    ip link add sb-veth0 type veth peer name sb-veth1
  fi
  # No IPv6 on the pair: spares the kernel's link-local chatter (MLD, router solicitations).
  for i in sb-veth0 sb-veth1; do
    echo 1 >"/proc/sys/net/ipv6/conf/$i/disable_ipv6" 2>/dev/null || true
  done
  ip addr replace "$STACK_VETH_CIDR" dev sb-veth0
  ip link set sb-veth1 up
  ip link set sb-veth0 up
}

ns_exists() { ip netns list | awk '{print $1}' | grep -qx "$1"; }

cmd=${1:-}
[ $# -gt 0 ] && shift

case "$cmd" in
  create)
    name=${1:-switchboard-$STACK_NAME}
    ns_exists "$name" || ip netns add "$name"
    ip netns exec "$name" bash -c "$(declare -f setup_links); STACK_VETH_CIDR=$STACK_VETH_CIDR setup_links"
    stack_log "namespace $name ready: $(ip netns exec "$name" ip -br addr | tr -s ' ' | tr '\n' ';')"
    ;;
  prepare-current)
    in_isolated_netns || stack_die "prepare-current must run inside an isolated namespace (e.g. unshare -n)"
    setup_links
    ;;
  exec)
    name=switchboard-$STACK_NAME
    if [ $# -gt 0 ] && [ "$1" != "--" ]; then name=$1; shift; fi
    [ "${1:-}" = "--" ] && shift
    [ $# -gt 0 ] || stack_die "usage: netns.sh exec [name] -- cmd ..."
    exec ip netns exec "$name" "$@"
    ;;
  forward | forward-out)
    port=${1:?usage: netns.sh $cmd <port> [name]}
    name=${2:-switchboard-$STACK_NAME}
    ns_exists "$name" || stack_die "namespace $name does not exist (netns.sh create $name)"
    command -v socat >/dev/null || bash "$here/install.sh"
    mkdir -p "$STACK_DIR/run" "$STACK_DIR/logs"
    sock="$STACK_DIR/run/$cmd-$port.sock"
    rm -f "$sock"
    if [ "$cmd" = forward ]; then
      listen=(ip netns exec "$name")      # the unix-socket side runs in the namespace
      connect=()
    else
      listen=()
      connect=(ip netns exec "$name")     # the TCP listener runs in the namespace
    fi
    # Unix socket side: accepts from the other side and connects to the real TCP port.
    nohup "${listen[@]}" socat "UNIX-LISTEN:$sock,fork" "TCP:127.0.0.1:$port" \
      >>"$STACK_DIR/logs/$cmd-$port.log" 2>&1 </dev/null &
    echo $! >"$STACK_DIR/run/$cmd-$port-unix.pid"
    for _ in $(seq 1 20); do [ -S "$sock" ] && break; sleep 0.1; done
    # TCP side: listens on 127.0.0.1:<port> and relays each connection into the socket.
    nohup "${connect[@]}" socat "TCP-LISTEN:$port,bind=127.0.0.1,reuseaddr,fork" "UNIX-CONNECT:$sock" \
      >>"$STACK_DIR/logs/$cmd-$port.log" 2>&1 </dev/null &
    echo $! >"$STACK_DIR/run/$cmd-$port-tcp.pid"
    stack_log "$cmd 127.0.0.1:$port ($( [ "$cmd" = forward ] && echo "host -> $name" || echo "$name -> host"))"
    ;;
  unforward)
    for f in "$STACK_DIR"/run/forward-*.pid; do
      [ -e "$f" ] || continue
      stop_component "$(basename "$f" .pid)" socat
    done
    rm -f "$STACK_DIR"/run/forward-*.sock
    ;;
  delete)
    name=${1:-switchboard-$STACK_NAME}
    # Forwards belong to a stack: stop them only when deleting this stack's namespace.
    [ "$name" = "switchboard-$STACK_NAME" ] && bash "$0" unforward
    if ns_exists "$name"; then
      ip netns delete "$name"
      stack_log "namespace $name deleted"
    fi
    ;;
  *)
    awk 'NR > 2 && /^#/ { sub(/^# ?/, ""); print } /^set -euo/ { exit }' "$0"
    exit 2
    ;;
esac
