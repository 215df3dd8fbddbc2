#!/usr/bin/env bash
# myapp-pipeline benchmark: a generated users CSV (about 1.5% invalid rows) into SQLite by the generated
# app, by the same rules in Python (csv module, sqlite3 executemany in batches of 10,000) and by the
# sqlite3 shell's `.import` (which validates nothing) into a new table and into one keyed by id like the
# app's; then into PostgreSQL (the server scripts/start-postgres.sh starts) by the --database postgres
# app, by the same rules in Python with psycopg2 (execute_values, page_size=10000, a transaction per
# batch of 10,000; Debian's python3-psycopg2, installed here if missing) and by `psql \copy` into an
# unkeyed table (no validation, no upsert: the physical limit). Each database also runs the app's own
# statements by itself, from a table already holding the app's clean rows: the same batches of 10,000, the
# same upsert (PostgreSQL: the same temporary staging table and INSERT … SELECT … ORDER BY id ON CONFLICT),
# one transaction a batch, with no CSV, no validation and no client work: the floor of the app's design on
# this machine. Then three copies of the PostgreSQL app at once, each over a third of the file, into one
# table (how a load grows past one machine), against one copy over the whole file: rows per second in all.
# And the SQLite app with its telemetry exported to a real OTLP receiver (the Aspire dashboard, standalone),
# against the same app with OTEL_EXPORTER_OTLP_ENDPOINT unset.
# Rounds are interleaved so that all of
# them see the same machine. Prints wall time and peak memory side by side; asserts nothing. Then peak
# memory for a five times larger file, to show it does not grow with the input.
#   bench/pipeline.sh [rows, default 1000000] [rounds, default 3]
set -euo pipefail
cd "$(dirname "$0")/.."
rows="${1:-1000000}"
rounds="${2:-3}"
source bench/common.sh pipeline
dotnet new myapp-pipeline -n Bench.Etl -o "$work/etl" --debug:custom-hive "$hive" >/dev/null
dotnet publish "$work/etl/src/Bench.Etl" -c Release -o "$work/app" >/dev/null
dotnet new myapp-pipeline -n Bench.Etl -o "$work/etl-pg" --database postgres --debug:custom-hive "$hive" >/dev/null
dotnet publish "$work/etl-pg/src/Bench.Etl" -c Release -o "$work/app-pg" >/dev/null
/usr/bin/python3 -c 'import psycopg2' 2>/dev/null || { apt-get update -qq >/dev/null; apt-get install -y -qq python3-psycopg2 >/dev/null; }
pg_npgsql="$(scripts/start-postgres.sh 2>/dev/null)" # Host=127.0.0.1;Port=5432;Username=…;Password=…;Database=postgres
export PGOPTIONS="-c client_min_messages=warning" # no NOTICE for a DROP … IF EXISTS
pg_user=$(sed -E 's/.*Username=([^;]*).*/\1/' <<<"$pg_npgsql"); export PGPASSWORD=$(sed -E 's/.*Password=([^;]*).*/\1/' <<<"$pg_npgsql")
psql_in() { psql -X -q -h 127.0.0.1 -U "$pg_user" -d "$1" -v ON_ERROR_STOP=1 "${@:2}"; }
# Databases named for this run only, so that no other run's (or role's) connections stand in a DROP's way; dropped on exit.
db_prefix="bench_$$"
# WITH (FORCE) ends this role's sessions, but PostgreSQL 15 refuses it while an autovacuum worker (not ours to
# end) is in the database after a big load; a plain DROP cancels autovacuum, so each is tried in turn.
fresh_db() {
  for _ in 1 2 3 4 5; do
    psql_in postgres -c "DROP DATABASE IF EXISTS $1 WITH (FORCE)" >/dev/null 2>&1 || psql_in postgres -c "DROP DATABASE IF EXISTS $1" >/dev/null 2>&1 || { sleep 1; continue; }
    psql_in postgres -c "CREATE DATABASE $1" >/dev/null; return
  done
  echo "could not drop database $1" >&2; return 1
}
drop_dbs() {
  for db in $(psql_in postgres -At -c "SELECT datname FROM pg_database WHERE datname LIKE '${db_prefix}\_%'"); do
    psql_in postgres -c "DROP DATABASE IF EXISTS $db WITH (FORCE)" >/dev/null || true
  done
}
trap 'kill $(jobs -p) 2>/dev/null || true; drop_dbs; rm -rf "$work"' EXIT

# The OTLP receiver for the telemetry-on runs (the trap in common.sh stops it).
dotnet tool install Aspire.Cli --version 13.6.5 --tool-path "$work/aspire" >/dev/null
otlp_port=$((20000 + RANDOM % 20000)); ui_port=$((otlp_port + 1)); otlp_http_port=$((otlp_port + 2))
"$work/aspire/aspire" dashboard run --allow-anonymous --non-interactive --nologo --frontend-url "http://127.0.0.1:$ui_port" \
  --otlp-grpc-url "http://127.0.0.1:$otlp_port" --otlp-http-url "http://127.0.0.1:$otlp_http_port" >/dev/null 2>&1 &
for _ in $(seq 1 120); do curl -fs "http://127.0.0.1:$ui_port/api/telemetry/resources" >/dev/null && break; sleep 0.5; done

python3 bench/pipeline/generate_users.py "$rows" "$work/users.csv"
python3 bench/pipeline/generate_users.py "$((rows * 5))" "$work/users-x5.csv"

# Wall seconds and peak resident memory (MB) of one command, its output discarded. Each starts after a
# `sync`, so that the ~100 MB the run before left in the page cache is not written back during this one.
measure() { sync; /usr/bin/time -f "%e %M" "$@" 2>&1 >/dev/null | tail -n 1 | awk '{printf "%s %d\n", $1, $2 / 1024}'; }
run_app() { rm -f "$work"/app.db*; ConnectionStrings__Default="Data Source=$work/app.db" measure "$work/app/Bench.Etl" --input "$1" --rejects "$work/app.rejected.csv"; }
run_app_otel() {
  rm -f "$work"/app.db*
  OTEL_EXPORTER_OTLP_ENDPOINT="http://127.0.0.1:$otlp_port" ConnectionStrings__Default="Data Source=$work/app.db" \
    measure "$work/app/Bench.Etl" --input "$1" --rejects "$work/app.rejected.csv"
}
run_python() { rm -f "$work"/py.db*; measure python3 bench/pipeline/baseline.py "$work/users.csv" "$work/py.db" "$work/py.rejected.csv"; }
run_import() { rm -f "$work"/import.db*; measure sqlite3 "$work/import.db" ".import --csv $work/users.csv users"; }
# The same import into a table keyed by id as the app's is (plus the file's fifth column, which the app drops):
# the storage work of the primary key without the app's validation or upsert (a repeated id is an error, not kept).
run_import_keyed() {
  rm -f "$work"/import-keyed.db*
  sqlite3 "$work/import-keyed.db" "CREATE TABLE users (id TEXT PRIMARY KEY NOT NULL, email TEXT NOT NULL, name TEXT NOT NULL, created_at TEXT NOT NULL, source TEXT);"
  # Each repeated id's failed insert is reported, and the last one sets the exit code: neither is a failure here.
  measure sh -c 'sqlite3 "$1" ".import --csv --skip 1 $2 users" 2>/dev/null; exit 0' sh "$work/import-keyed.db" "$work/users.csv"
}

run_app_pg() { fresh_db ${db_prefix}_app; ConnectionStrings__Default="${pg_npgsql/Database=postgres/Database=${db_prefix}_app}" measure "$work/app-pg/Bench.Etl" --input "$1" --rejects "$work/app-pg.rejected.csv"; }
run_python_pg() {
  fresh_db ${db_prefix}_py
  measure /usr/bin/python3 bench/pipeline/baseline_postgres.py "$work/users.csv" "host=127.0.0.1 user=$pg_user password=$PGPASSWORD dbname=${db_prefix}_py" "$work/py-pg.rejected.csv"
}
run_copy_pg() {
  fresh_db ${db_prefix}_copy
  psql_in ${db_prefix}_copy -c "CREATE TABLE users (id text, email text, name text, created_at text, source text)"
  measure psql -X -q -h 127.0.0.1 -U "$pg_user" -d ${db_prefix}_copy -c "\\copy users FROM '$work/users.csv' WITH (FORMAT csv, HEADER true)"
}

# The app's statements without the app: its clean rows (from a first app run, in load order, numbered) are
# upserted in batches of 10,000, a transaction each, by sqlite3 and by the PostgreSQL server alone.
prepare_floors() {
  run_app "$work/users.csv" >/dev/null
  sqlite3 "$work/clean.db" "ATTACH '$work/app.db' AS app; CREATE TABLE clean AS SELECT rowid AS n, id, email, name, created_at FROM app.users; CREATE INDEX clean_n ON clean (n);"
  clean_rows=$(sqlite3 "$work/clean.db" "SELECT count(*) FROM clean")
  upsert_set='email = excluded.email, name = excluded.name, created_at = excluded.created_at'
  {
    echo "PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL; ATTACH '$work/clean.db' AS clean;"
    echo 'CREATE TABLE users (id TEXT NOT NULL, email TEXT NOT NULL, name TEXT NOT NULL, created_at TEXT NOT NULL, PRIMARY KEY (id));'
    for low in $(seq 0 10000 "$((clean_rows - 1))"); do
      echo "BEGIN; INSERT INTO users SELECT id, email, name, created_at FROM clean.clean WHERE n > $low AND n <= $((low + 10000)) ON CONFLICT (id) DO UPDATE SET $upsert_set; COMMIT;"
    done
  } >"$work/floor-sqlite.sql"

  run_app_pg "$work/users.csv" >/dev/null
  fresh_db ${db_prefix}_floor
  psql_in ${db_prefix}_floor -c "CREATE TABLE clean (n bigint, id text, email text, name text, created_at timestamptz)"
  psql_in ${db_prefix}_app -c "\\copy (SELECT row_number() OVER (ORDER BY ctid), id, email, name, created_at FROM users) TO '$work/clean.pg' WITH (FORMAT binary)"
  psql_in ${db_prefix}_floor -c "\\copy clean FROM '$work/clean.pg' WITH (FORMAT binary)" -c "CREATE INDEX ON clean (n)" -c "ANALYZE clean"
  {
    for low in $(seq 0 10000 "$((clean_rows - 1))"); do
      echo "BEGIN; CREATE TEMP TABLE users_staging (LIKE users) ON COMMIT DROP;"
      echo "INSERT INTO users_staging SELECT id, email, name, created_at FROM clean WHERE n > $low AND n <= $((low + 10000));"
      echo "INSERT INTO users SELECT * FROM users_staging ORDER BY id ON CONFLICT (id) DO UPDATE SET $upsert_set; COMMIT;"
    done
  } >"$work/floor-pg.sql"
}
run_floor_sqlite() { rm -f "$work"/floor.db*; measure sqlite3 "$work/floor.db" ".read $work/floor-sqlite.sql"; }
run_floor_pg() {
  psql_in ${db_prefix}_floor -c "DROP TABLE IF EXISTS users" -c "CREATE TABLE users (id text PRIMARY KEY, email text NOT NULL, name text NOT NULL, created_at timestamptz NOT NULL)"
  measure psql -X -q -h 127.0.0.1 -U "$pg_user" -d ${db_prefix}_floor -v ON_ERROR_STOP=1 -f "$work/floor-pg.sql"
}

# Three copies at once, each over a third of the rows (every third line, so each part has its share of invalid and
# repeated rows), into one new database; wall time of the whole, from the first start to the last exit.
split_parts() {
  for part in 0 1 2; do
    awk -v part="$part" 'NR == 1 || (NR - 2) % 3 == part' "$work/users.csv" >"$work/part-$part.csv"
  done
}
run_three_pg() {
  fresh_db ${db_prefix}_three
  local connection="${pg_npgsql/Database=postgres/Database=${db_prefix}_three}"
  sync
  /usr/bin/time -f "%e" bash -c '
    pids=()
    for part in 0 1 2; do
      ConnectionStrings__Default="$2" "$1/app-pg/Bench.Etl" --input "$1/part-$part.csv" --rejects "$1/part-$part.rejected.csv" >/dev/null 2>&1 &
      pids+=($!)
    done
    failed=0; for pid in "${pids[@]}"; do wait "$pid" || failed=1; done; exit $failed' bash "$work" "$connection" 2>&1 | tail -n 1
}

prepare_floors
split_parts

for _ in $(seq 1 "$rounds"); do
  run_app "$work/users.csv" >>"$work/app.times"
  run_app_otel "$work/users.csv" >>"$work/app-otel.times"
  run_python >>"$work/python.times"
  run_import >>"$work/import.times"
  run_import_keyed >>"$work/import-keyed.times"
  run_floor_sqlite >>"$work/floor-sqlite.times"
  run_app_pg "$work/users.csv" >>"$work/app-pg.times"
  run_python_pg >>"$work/python-pg.times"
  run_copy_pg >>"$work/copy-pg.times"
  run_floor_pg >>"$work/floor-pg.times"
  run_three_pg >>"$work/three-pg.times"
done

app_s=$(cut -d' ' -f1 "$work/app.times" | median); app_mb=$(cut -d' ' -f2 "$work/app.times" | sort -n | tail -n 1)
py_s=$(cut -d' ' -f1 "$work/python.times" | median); py_mb=$(cut -d' ' -f2 "$work/python.times" | sort -n | tail -n 1)
imp_s=$(cut -d' ' -f1 "$work/import.times" | median); imp_mb=$(cut -d' ' -f2 "$work/import.times" | sort -n | tail -n 1)
key_s=$(cut -d' ' -f1 "$work/import-keyed.times" | median); key_mb=$(cut -d' ' -f2 "$work/import-keyed.times" | sort -n | tail -n 1)
flo_s=$(cut -d' ' -f1 "$work/floor-sqlite.times" | median)

echo "$rows rows into SQLite, median wall time of $rounds interleaved rounds, highest peak memory"
printf '  %-44s %8s s %6s MB\n' "generated app (Bench.Etl)" "$app_s" "$app_mb"
otel_s=$(cut -d' ' -f1 "$work/app-otel.times" | median); otel_mb=$(cut -d' ' -f2 "$work/app-otel.times" | sort -n | tail -n 1)
printf '  %-44s %8s s %6s MB   takes %s the time of telemetry off (goal: at most 1.1x)\n' "  the same, exporting telemetry over OTLP" "$otel_s" "$otel_mb" "$(ratio "$otel_s" "$app_s")"
printf '  %-44s %8s s %6s MB   app is %s faster (goal: at least 1.8x)\n' "Python csv + sqlite3 executemany (baseline.py)" "$py_s" "$py_mb" "$(ratio "$py_s" "$app_s")"
printf '  %-44s %8s s %6s MB   app takes %s its time (aim: at most 1x)\n' "sqlite3 .import, no validation" "$imp_s" "$imp_mb" "$(ratio "$app_s" "$imp_s")"
printf '  %-44s %8s s %6s MB   app takes %s its time\n' "  the same into a table keyed by id" "$key_s" "$key_mb" "$(ratio "$app_s" "$key_s")"
printf '  %-44s %8s s\n' "the app's upserts alone, by sqlite3" "$flo_s"

same_table=$(cmp -s <(sqlite3 "$work/app.db" "SELECT * FROM users ORDER BY id") <(sqlite3 "$work/py.db" "SELECT * FROM users ORDER BY id") && echo yes || echo NO)
same_rejects=$(cmp -s <(sort "$work/app.rejected.csv") <(sort "$work/py.rejected.csv") && echo yes || echo NO)
echo "  app and baseline agree: table $same_table, reject file $same_rejects ($(sqlite3 "$work/app.db" "SELECT count(*) FROM users") rows, $(($(wc -l <"$work/app.rejected.csv") - 1)) rejected)"

read -r big_s big_mb < <(run_app "$work/users-x5.csv")
echo "$((rows * 5)) rows: generated app $big_s s, peak memory $big_mb MB (vs $app_mb MB for $rows rows; goal: within 10% and at most 200 MB)"

pga_s=$(cut -d' ' -f1 "$work/app-pg.times" | median); pga_mb=$(cut -d' ' -f2 "$work/app-pg.times" | sort -n | tail -n 1)
pgp_s=$(cut -d' ' -f1 "$work/python-pg.times" | median); pgp_mb=$(cut -d' ' -f2 "$work/python-pg.times" | sort -n | tail -n 1)
pgc_s=$(cut -d' ' -f1 "$work/copy-pg.times" | median); pgc_mb=$(cut -d' ' -f2 "$work/copy-pg.times" | sort -n | tail -n 1)
pgf_s=$(cut -d' ' -f1 "$work/floor-pg.times" | median)
echo
echo "$rows rows into PostgreSQL, median wall time of $rounds interleaved rounds, highest peak memory"
printf '  %-44s %8s s %6s MB\n' "generated app --database postgres" "$pga_s" "$pga_mb"
printf '  %-44s %8s s %6s MB   app is %s faster (goal: at least 1.7x)\n' "Python csv + psycopg2 execute_values" "$pgp_s" "$pgp_mb" "$(ratio "$pgp_s" "$pga_s")"
printf '  %-44s %8s s %6s MB   app takes %s its time\n' "psql \\copy into an unkeyed table, no validation" "$pgc_s" "$pgc_mb" "$(ratio "$pga_s" "$pgc_s")"
printf '  %-44s %8s s\n' "the app's merge alone, by the server" "$pgf_s"
three_s=$(cut -d' ' -f1 "$work/three-pg.times" | median)
printf '  %-44s %8s s            %s rows/s in all, against %s rows/s for one copy (%s)\n' "three copies at once, a third of the file each" "$three_s" \
  "$(awk -v r="$rows" -v t="$three_s" 'BEGIN {printf "%.0f", r / t}')" "$(awk -v r="$rows" -v t="$pga_s" 'BEGIN {printf "%.0f", r / t}')" "$(ratio "$pga_s" "$three_s")"
echo "  three copies' table: $(psql_in ${db_prefix}_three -At -c "SELECT count(*) FROM users") rows, one copy's: $(psql_in ${db_prefix}_app -At -c "SELECT count(*) FROM users")"
pg_same=$(cmp -s <(psql_in ${db_prefix}_app -At -c "SELECT id, email, name, created_at FROM users ORDER BY id") <(psql_in ${db_prefix}_py -At -c "SELECT id, email, name, created_at FROM users ORDER BY id") && echo yes || echo NO)
echo "  app and baseline agree: table $pg_same ($(psql_in ${db_prefix}_app -At -c "SELECT count(*) FROM users") rows)"
read -r pgbig_s pgbig_mb < <(run_app_pg "$work/users-x5.csv")
echo "$((rows * 5)) rows: generated app $pgbig_s s, peak memory $pgbig_mb MB (vs $pga_mb MB for $rows rows; goal: within 10% and at most 200 MB)"
