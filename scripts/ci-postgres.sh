#!/usr/bin/env bash
# Installs (Debian's postgresql) and starts a local PostgreSQL with a role and a database for the tests:
#   postgres://fabula:fabula@127.0.0.1:5432/fabula_test
# Prints "started" when it started the server (so the caller knows to stop it), "running" otherwise.
# Needs root. Used by .ci/run; run it by hand to test the index on PostgreSQL locally.
set -euo pipefail
if ! ls /usr/lib/postgresql/*/bin/postgres >/dev/null 2>&1; then
  apt-get update -qq >&2
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >&2
fi
version="$(ls /usr/lib/postgresql | sort -V | tail -1)"
if ! pg_lsclusters -h | awk -v v="$version" '$1 == v && $2 == "main"' | grep -q .; then
  pg_createcluster "$version" main >&2
fi
result=running
if ! pg_lsclusters -h | awk -v v="$version" '$1 == v && $2 == "main" && $4 == "online"' | grep -q .; then
  # pg_ctlcluster can report a failure on a loaded machine although the server comes up: the
  # readiness loop below decides.
  pg_ctlcluster "$version" main start >&2 || echo "ci-postgres: pg_ctlcluster reported a failure; waiting for the server" >&2
  result=started
fi
ready=no
for _ in $(seq 60); do runuser -u postgres -- pg_isready -q && { ready=yes; break; }; sleep 1; done
if [ "$ready" != yes ]; then echo "ci-postgres: PostgreSQL $version did not become ready in 60 s" >&2; exit 1; fi
runuser -u postgres -- psql -q >&2 <<'SQL'
DO $$ BEGIN
  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'fabula') THEN CREATE ROLE fabula LOGIN PASSWORD 'fabula'; END IF;
END $$;
SQL
if ! runuser -u postgres -- psql -Atc "SELECT 1 FROM pg_database WHERE datname = 'fabula_test'" | grep -q 1; then
  runuser -u postgres -- createdb -O fabula fabula_test >&2
fi
echo "$result $version"
