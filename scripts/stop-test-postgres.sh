#!/usr/bin/env bash
# Stops the server started by start-test-postgres.sh and removes its directory.
set -uo pipefail
dir=${ZERODOCK_TEST_PG_DIR:-}
bin=${ZERODOCK_TEST_PG_BIN:-/usr/lib/postgresql/15/bin}
[[ -n "$dir" && -d "$dir" ]] || exit 0
run_as=()
[[ $(id -u) -eq 0 ]] && run_as=(runuser -u postgres --)
"${run_as[@]}" "$bin/pg_ctl" -D "$dir/data" -m fast -w stop >/dev/null 2>&1
rm -rf "$dir"
