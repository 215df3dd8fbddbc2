#!/usr/bin/env bash
# Starts the machine's PostgreSQL (installed, not running) for the tests, and makes sure the test
# role exists: a login that may create databases, with a password for TCP logins on 127.0.0.1.
# Safe to run again. Prints the connection string the tests use.
set -euo pipefail
role=mytemplates
password=mytemplates
if command -v pg_lsclusters >/dev/null 2>&1; then
  read -r version cluster _ < <(pg_lsclusters --no-header | head -n 1)
  if ! pg_lsclusters --no-header | grep -q online; then
    pg_ctlcluster "$version" "$cluster" start >&2
  fi
fi
for _ in $(seq 1 30); do
  pg_isready -q -h 127.0.0.1 -p 5432 && break
  sleep 1
done
pg_isready -q -h 127.0.0.1 -p 5432 || { echo "PostgreSQL does not answer on 127.0.0.1:5432" >&2; exit 1; }
su postgres -c "psql -X -q -v ON_ERROR_STOP=1" >&2 <<SQL
DO \$\$
BEGIN
  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '$role') THEN
    CREATE ROLE $role LOGIN CREATEDB PASSWORD '$password';
  ELSE
    ALTER ROLE $role LOGIN CREATEDB PASSWORD '$password';
  END IF;
END
\$\$;
SQL
echo "Host=127.0.0.1;Port=5432;Username=$role;Password=$password;Database=postgres"
