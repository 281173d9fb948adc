#!/usr/bin/env bash
# shellcheck source-path=SCRIPTDIR
# Installs what the local stack needs, only what is missing, and says what it did:
#   - Debian packages (one `apt-get update`, only when a package is missing)
#   - livekit-server and livekit-sip at the versions pinned in env.sh, built with Go into
#     $SWITCHBOARD_CACHE/bin/<name>-<version>/ (skipped when the binary is there)
#
#   bash scripts/stack/install.sh
#   STACK_APT_EXTRA="chromium espeak-ng" bash scripts/stack/install.sh   # more packages
#
# Needs root for apt-get (skipped when nothing is missing) and Go >= 1.26 on PATH (or in
# /usr/local/go/bin) for the builds.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
source "$here/env.sh"

say() { printf '[install] %s\n' "$*"; }

# redis-server: the stack's Redis; curl: health checks; iproute2/util-linux: namespaces;
# socat: port forwards into a namespace; sip-tester: sipp for the SIP tests;
# gcc, pkg-config, libopus*, libsoxr: cgo dependencies of livekit-sip;
# libpcre3 ... libxml2: the shared libraries the SIP edge (Kamailio, below) links against.
packages=(redis-server curl iproute2 util-linux socat sip-tester
  gcc pkg-config libopus-dev libopusfile-dev libsoxr-dev
  libpcre3 libreadline8 libcurl4 libxml2)
# shellcheck disable=SC2206
packages+=(${STACK_APT_EXTRA:-})

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  say "apt: installing ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends "${missing[@]}"
else
  say "apt: all ${#packages[@]} packages present"
fi

# build_go_binary <module> <version> <package path in module> <output file> [ldflags]
# `go install module/pkg@version` first. When that fails (the Go proxy here refuses the
# module's version list, which `go install` reads to check for deprecation), fall back to
# downloading exactly that version and building it as the main module with its own go.sum.
build_go_binary() (
  local module=$1 version=$2 pkg=$3 out=$4 ldflags=${5:-} tmp dir
  if [ -x "$out" ]; then
    say "go: $(basename "$(dirname "$out")") present"
    return 0
  fi
  command -v go >/dev/null || export PATH="$PATH:/usr/local/go/bin"
  command -v go >/dev/null || { say "ERROR: Go (>= 1.26) is not installed"; exit 1; }
  mkdir -p "$(dirname "$out")"
  tmp=$(mktemp -d)
  trap 'rm -rf "$tmp"' EXIT
  say "go: building $module/$pkg@$version (a few minutes the first time)"
  if CGO_ENABLED=1 GOBIN="$tmp/bin" go install -ldflags "$ldflags" "$module/$pkg@$version" >"$tmp/install.log" 2>&1; then
    mv "$tmp/bin/$(basename "$pkg")" "$out"
  else
    say "go install failed ($(grep -m1 -o '[0-9]\{3\} [A-Za-z ]*' "$tmp/install.log" || tail -n1 "$tmp/install.log")); building from the module download"
    dir=$(go mod download -json "$module@$version" | sed -n 's/^[[:space:]]*"Dir": "\(.*\)",$/\1/p')
    [ -n "$dir" ] || { cat "$tmp/install.log"; say "ERROR: go mod download $module@$version failed"; exit 1; }
    cp -r "$dir" "$tmp/src"
    chmod -R u+w "$tmp/src"
    (cd "$tmp/src" && CGO_ENABLED=1 go build -mod=readonly -ldflags "$ldflags" -o "$tmp/out" "./$pkg")
    mv "$tmp/out" "$out"
  fi
  say "go: installed $out"
)

build_go_binary github.com/livekit/livekit-server "$LIVEKIT_SERVER_VERSION" cmd/server "$LIVEKIT_SERVER_BIN"
build_go_binary github.com/livekit/sip "$LIVEKIT_SIP_VERSION" cmd/livekit-sip "$LIVEKIT_SIP_BIN" \
  "-X github.com/livekit/sip/version.Version=${LIVEKIT_SIP_VERSION#v}"

# The SIP edge: Debian's Kamailio, unpacked into the cache rather than installed, because the
# package's postinst starts a system-wide kamailio.service with the stock config on :5060.
# up.sh runs the unpacked binary in the foreground with a config of its own per stack.
install_kamailio() {
  if [ -x "$KAMAILIO_DIR/usr/sbin/kamailio" ]; then
    say "kamailio: $KAMAILIO_VERSION present"
    return 0
  fi
  local tmp
  tmp=$(mktemp -d)
  say "kamailio: unpacking Debian's kamailio $KAMAILIO_VERSION into $KAMAILIO_DIR"
  (cd "$tmp" && apt-get download "kamailio=$KAMAILIO_VERSION" "kamailio-utils-modules=$KAMAILIO_VERSION" >/dev/null 2>&1) ||
    { apt-get update -qq && (cd "$tmp" && apt-get download "kamailio=$KAMAILIO_VERSION" "kamailio-utils-modules=$KAMAILIO_VERSION"); }
  mkdir -p "$tmp/root"
  for deb in "$tmp"/*.deb; do dpkg-deb -x "$deb" "$tmp/root"; done
  mkdir -p "$(dirname "$KAMAILIO_DIR")"
  rm -rf "$KAMAILIO_DIR"
  mv "$tmp/root" "$KAMAILIO_DIR"
  rm -rf "$tmp"
  say "kamailio: installed $KAMAILIO_DIR/usr/sbin/kamailio"
}
install_kamailio
