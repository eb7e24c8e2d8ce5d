#!/usr/bin/env bash
# Starts a throw-away PostgreSQL 15 server for the storage and API suites: Debian's server binaries
# (installed with apt-get when missing), a fresh cluster in a temp dir owned by the postgres user (initdb refuses
# root), listening on 127.0.0.1 on a free port. Prints `export TEST_DATABASE_URL=...; export ZERODOCK_TEST_PG_DIR=...`
# for eval. Stop it with scripts/stop-test-postgres.sh.
set -euo pipefail

find_bin() {
  local dir
  for dir in /usr/lib/postgresql/15/bin /usr/lib/postgresql/*/bin; do
    if [[ -x "$dir/initdb" && -x "$dir/pg_ctl" ]]; then echo "$dir"; return 0; fi
  done
  return 1
}

if ! bin=$(find_bin); then
  echo "PostgreSQL server not found: installing Debian's postgresql-15" >&2
  if [[ $(id -u) -ne 0 ]]; then echo "need root to apt-get install postgresql-15" >&2; exit 1; fi
  apt-get update -qq >&2
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql-15 >&2
  bin=$(find_bin)
fi

port=$(node -e "const s=require('net').createServer();s.listen(0,'127.0.0.1',()=>{console.log(s.address().port);s.close()})")
dir=$(mktemp -d /tmp/zerodock-pg.XXXXXX)
chmod 755 "$dir"
run_as=()
if [[ $(id -u) -eq 0 ]]; then
  chown postgres:postgres "$dir"
  run_as=(runuser -u postgres --)
fi
"${run_as[@]}" "$bin/initdb" -D "$dir/data" -U zerodock --auth=trust -E UTF8 --locale=C.UTF-8 >"$dir/initdb.log" 2>&1 \
  || { cat "$dir/initdb.log" >&2; exit 1; }
"${run_as[@]}" "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 \
  -o "-p $port -k $dir -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200" \
  start >&2 || { cat "$dir/server.log" >&2; exit 1; }
echo "export TEST_DATABASE_URL=postgres://zerodock@127.0.0.1:$port/postgres"
echo "export ZERODOCK_TEST_PG_DIR=$dir"
echo "export ZERODOCK_TEST_PG_BIN=$bin"
