#!/usr/bin/env bash
# The whole test suite, from a fresh machine: installs what is missing (npm packages, Debian
# packages, livekit-server and livekit-sip built with Go into a cache outside the repo),
# then runs every tier inside a private network namespace against the real stack:
#   unit (Vitest) -> integration (PostgreSQL, Redis, livekit-server, livekit-sip, sipp)
#   -> end to end (Playwright in Debian's Chromium against `next start`).
# Nothing it starts outlives it, also when a test fails or it is interrupted.
#
#   bash scripts/test.sh
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
source scripts/lib/common.sh

started=$(date +%s)
ensure_node_modules
STACK_APT_EXTRA="chromium espeak-ng sox pocketsphinx pocketsphinx-en-us" bash scripts/stack/install.sh
say "generating the Prisma client"
npm run --silent db:generate >/dev/null

say "entering a private network namespace (only loopback) for the test run"
status=0
unshare --net --fork -- bash scripts/test/run-suite.sh || status=$?
say "test suite finished in $(( $(date +%s) - started ))s with exit code $status"
exit "$status"
