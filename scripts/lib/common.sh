# shellcheck shell=bash
# Shared by scripts/start.sh and scripts/test.sh: installing node modules when missing,
# reading .env, and the per-stack secrets.

say() { printf '\033[1m[switchboard]\033[0m %s\n' "$*"; }

# Installs npm packages when node_modules is missing or older than package-lock.json.
# `npm install --no-save` rather than `npm ci`: the npm 11 here writes lockfiles without
# other platforms' optional packages (@next/swc-darwin-*, ...) and its `npm ci` then refuses
# them as out of sync. Versions still come from the lockfile, which is left untouched.
ensure_node_modules() {
  if [ ! -d node_modules ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
    say "installing npm packages"
    # onnxruntime-node (pulled by agent plugins) would try to download binaries from outside.
    ONNXRUNTIME_NODE_INSTALL=skip npm install --no-save --no-audit --no-fund --loglevel=error
  fi
}

# Exports the variables of .env (if present) without overriding ones already set.
load_dotenv() {
  [ -f .env ] || return 0
  local line key
  while IFS= read -r line || [ -n "$line" ]; do
    case "$line" in ''|'#'*) continue ;; esac
    key=${line%%=*}
    [ -n "${!key:-}" ] && continue
    [ -z "${line#*=}" ] && continue
    export "$key=${line#*=}"
  done < .env
}

# NEXTAUTH_SECRET, CREDENTIALS_KEYS, WORKER_INTERNAL_TOKEN and EDGE_INTERNAL_TOKEN: taken from the environment, else generated once per
# stack into $STACK_DIR/secrets.env (git-ignored, mode 0600) so restarts keep sessions and
# can still decrypt stored SIP passwords.
ensure_secrets() {
  local file="$STACK_DIR/secrets.env"
  mkdir -p "$STACK_DIR"
  if [ ! -f "$file" ]; then
    (umask 077; node -e '
      const c = require("node:crypto");
      console.log("NEXTAUTH_SECRET=" + c.randomBytes(32).toString("base64url"));
      console.log("CREDENTIALS_KEYS=k1:" + c.randomBytes(32).toString("base64"));
    ' > "$file")
  fi
  # The web app and the agent worker share this token for the console's internal API.
  grep -q '^WORKER_INTERNAL_TOKEN=' "$file" || (umask 077; node -e 'console.log("WORKER_INTERNAL_TOKEN=" + require("node:crypto").randomBytes(32).toString("base64url"))' >> "$file")
  # The SIP edge's token for the same API (/api/internal/edge/*): a separate secret, so
  # neither can act as the other.
  grep -q '^EDGE_INTERNAL_TOKEN=' "$file" || (umask 077; node -e 'console.log("EDGE_INTERNAL_TOKEN=" + require("node:crypto").randomBytes(32).toString("base64url"))' >> "$file")
  local line key
  while IFS= read -r line; do
    key=${line%%=*}
    # Split at the first "=" only: base64 values end in "=".
    [ -n "${!key:-}" ] || export "$key=${line#*=}"
  done < "$file"
}

# Waits for the console's health route; prints the log tail and fails after $2 seconds.
wait_for_app() {
  local url=$1 timeout=${2:-120} log=${3:-} i
  for ((i = 0; i < timeout * 2; i++)); do
    curl -fsS "$url/api/health" >/dev/null 2>&1 && return 0
    sleep 0.5
  done
  say "the web app did not become healthy at $url within ${timeout}s"
  [ -n "$log" ] && tail -n 40 "$log"
  return 1
}

# The web app runs in a process group of its own: `npx next start` leaves a next-server child
# that survives a kill of the npx process, so stopping the app signals the whole group.
# start_app <log> <command...> sets app_pid (the group's id) and writes it to
# $STACK_DIR/run/app.pid, where a test that restarts the app (e2e/app-process.ts) leaves the
# new one's; stop_app stops whichever the file names.
start_app() {
  local log=$1
  shift
  setsid "$@" >"$log" 2>&1 &
  app_pid=$!
  mkdir -p "$STACK_DIR/run"
  echo "$app_pid" >"$STACK_DIR/run/app.pid"
}

stop_app() {
  local pid=${app_pid:-}
  [ -f "$STACK_DIR/run/app.pid" ] && pid=$(cat "$STACK_DIR/run/app.pid")
  [ -n "$pid" ] || return 0
  kill -TERM -- "-$pid" 2>/dev/null || true
  local i
  for ((i = 0; i < 20; i++)); do
    kill -0 -- "-$pid" 2>/dev/null || break
    sleep 0.5
  done
  kill -KILL -- "-$pid" 2>/dev/null || true
  wait "$pid" 2>/dev/null || true
  rm -f "$STACK_DIR/run/app.pid"
  app_pid=""
}
