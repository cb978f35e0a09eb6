#!/usr/bin/env bash
# with-postgres.sh: run a command next to a throwaway PostgreSQL server.
#
#   with-postgres.sh COMMAND [ARGS...]
#
# Creates a cluster in a temporary directory (trust authentication, a Unix
# socket in that directory, no TCP), starts it, runs COMMAND with
# HELDER_TEST_POSTGRES set to a connection string for its "postgres"
# database (as its superuser; the tests make an ordinary role for the
# servers), then stops and removes the cluster.  PostgreSQL refuses to run
# as root, so under root the cluster belongs to the "postgres" user that
# Debian's package creates.  Without PostgreSQL installed, exits 77 (skip).
set -euo pipefail

bindir=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true)
if [ -z "$bindir" ] || [ ! -x "$bindir/initdb" ]; then
  echo "with-postgres: PostgreSQL is not installed (apt-get install postgresql)" >&2
  exit 77
fi

dir=$(mktemp -d /tmp/helder-pg-XXXXXX)
as=()
if [ "$(id -u)" -eq 0 ]; then
  chown postgres: "$dir"
  as=(runuser -u postgres --)
fi

stop() {
  "${as[@]}" "$bindir/pg_ctl" -D "$dir/data" -m immediate stop >/dev/null 2>&1 || true
  rm -rf "$dir"
}
trap stop EXIT

"${as[@]}" "$bindir/initdb" -D "$dir/data" -A trust -U postgres -E UTF8 --locale=C.UTF-8 \
  --no-sync >"$dir/initdb.log" 2>&1 || { cat "$dir/initdb.log" >&2; exit 1; }
# fsync stays on: the tests kill servers and expect acknowledged data.
"${as[@]}" "$bindir/pg_ctl" -D "$dir/data" -l "$dir/postgres.log" -w -t 60 \
  -o "-k $dir -c listen_addresses= -c max_connections=200" start >/dev/null || {
  cat "$dir/postgres.log" >&2
  exit 1
}

export HELDER_TEST_POSTGRES="host=$dir user=postgres dbname=postgres"
export HELDER_TEST_PG_BINDIR="$bindir"   # pg_dump and pg_restore of this version
set +e
"$@"
status=$?
set -e
exit $status
