#!/usr/bin/env bash
# myapp-workspace benchmark on PostgreSQL (the server scripts/start-postgres.sh starts), published apps:
#  1. the API's POST /users rate (wrk, distinct e-mails; each request also writes a job to the outbox);
#  2. jobs done per second by one worker, then by two, working off that backlog;
#  3. POST /users with two workers running beside it: the API's rate and whether the workers keep up;
#  4. telemetry: the API restarted and one worker, with export off, exporting traces, metrics and logs over
#     OTLP to a receiver that discards them (the apps' own cost), and to the Aspire dashboard (a real receiver
#     on the same cores): POST /users and jobs done per second, side by side;
#  0. first, on an empty outbox (before any load, so that autovacuum after it does not count): the idle
#     load of two workers on the database, transactions per second (pg_stat_database xact_commit +
#     xact_rollback) over 20 s, against the same window with no worker running.
# Prints figures; asserts nothing. Needs wrk (apt-get install -y wrk) and psql.
#   bench/workspace.sh [wrk seconds, default 10]
set -euo pipefail
cd "$(dirname "$0")/.."
seconds="${1:-10}"
connection="$(scripts/start-postgres.sh)"
source bench/common.sh workspace
export DOTNET_ENVIRONMENT=Production ASPNETCORE_ENVIRONMENT=Production

dotnet new myapp-workspace -n Bench.Platform -o "$work/ws" --database postgres --debug:custom-hive "$hive" >/dev/null
dotnet publish "$work/ws/packages/Api/Bench.Platform.Api" -c Release -o "$work/api" >/dev/null
dotnet publish "$work/ws/packages/Worker/Bench.Platform.Worker" -c Release -o "$work/worker" >/dev/null

database="bench_$(date +%s)_$$"
export PGHOST=127.0.0.1 PGPORT=5432 PGUSER=mytemplates PGPASSWORD=mytemplates
sql() { psql -X -A -t -q -v ON_ERROR_STOP=1 -d "$1" -c "$2"; }
sql postgres "CREATE DATABASE $database"
trap 'kill $(jobs -p) 2>/dev/null || true; wait; sql postgres "DROP DATABASE IF EXISTS $database WITH (FORCE)" >/dev/null; rm -rf "$work"' EXIT
export ConnectionStrings__Default="${connection/Database=postgres/Database=$database}"

start_api() {
  (cd "$work/api" && Database__MigrateOnStartup=true exec dotnet Bench.Platform.Api.dll --urls http://127.0.0.1:5401 >>"$work/api.log" 2>&1) &
  api=$!
  until curl -sf http://127.0.0.1:5401/health/ready >/dev/null; do sleep 0.2; done
}
start_api

start_worker() { (cd "$work/worker" && exec dotnet Bench.Platform.Worker.dll >>"$work/worker.log" 2>&1) & }
done_jobs() { sql "$database" "SELECT count(*) FROM jobs WHERE status = 'Done'"; }
all_jobs() { sql "$database" "SELECT count(*) FROM jobs"; }
now() { date +%s.%N; }
post_rate() {
  wrk -t2 -c32 -d"${seconds}s" -s bench/workspace/post_users.lua http://127.0.0.1:5401 \
    | awk '/Requests\/sec/ {print $2} /Non-2xx/ {print "non-2xx responses: " $NF > "/dev/stderr"}'
}
# Jobs per second while the workers work off the backlog: done jobs counted between 10% and 90% of it.
jobs_rate() {
  local total from to t0 d0 t1 d1
  total=$(all_jobs); from=$(( $(done_jobs) + total / 10 )); to=$(( total - total / 10 ))
  until [ "$(done_jobs)" -ge "$from" ]; do sleep 0.05; done; t0=$(now); d0=$(done_jobs)
  until [ "$(done_jobs)" -ge "$to" ]; do sleep 0.05; done; t1=$(now); d1=$(done_jobs)
  until [ "$(done_jobs)" -ge "$total" ]; do sleep 0.2; done
  awk -v d="$((d1 - d0))" -v a="$t0" -v b="$t1" 'BEGIN {printf "%.0f", d / (b - a)}'
}
transactions() { sql "$database" "SELECT xact_commit + xact_rollback FROM pg_stat_database WHERE datname = current_database()"; }
idle_rate() { # transactions per second on the database over 20 s, minus the query that reads the counter
  local before after; before=$(transactions); sleep 20; after=$(transactions)
  awk -v a="$before" -v b="$after" 'BEGIN {printf "%.1f", (b - a - 1) / 20}'
}

start_worker; one=$!; start_worker; two=$!
until [ "$(grep -c 'Worker .* started' "$work/worker.log")" -ge 2 ]; do sleep 0.2; done
sleep 2
idle_two=$(idle_rate)
kill -TERM "$one" "$two"; wait "$one" "$two" || true
idle_none=$(idle_rate)

curl -sf http://127.0.0.1:5401/users -X POST -H 'Content-Type: application/json' -d '{"email":"warm@example.com","name":"Warm"}' >/dev/null
post_rate >/dev/null # warm-up; its jobs are the first backlog
api_rps=$(post_rate)
backlog1=$(( $(all_jobs) - $(done_jobs) ))

start_worker; one=$!
one_rate=$(jobs_rate)
kill -TERM "$one"; wait "$one" || true

post_rate >/dev/null
backlog2=$(( $(all_jobs) - $(done_jobs) ))
start_worker; one=$!; start_worker; two=$!
two_rate=$(jobs_rate)

before=$(done_jobs); t0=$(now)
busy_rps=$(post_rate)
t1=$(now); until [ "$(done_jobs)" -ge "$(all_jobs)" ]; do sleep 0.1; done; t2=$(now)
busy_jobs=$(awk -v d="$(( $(done_jobs) - before ))" -v a="$t0" -v b="$t1" 'BEGIN {printf "%.0f", d / (b - a)}')
lag=$(awk -v a="$t1" -v b="$t2" 'BEGIN {printf "%.1f", b - a}')
kill -TERM "$one" "$two"; wait "$one" "$two" || true

# 4. Telemetry: the API restarted and one worker, three times in a row at about the same table size: export off,
# exporting (default intervals) to a receiver that discards what it gets (bench/webapi/otlp_discard.py: the apps'
# own cost, as in production where the collector runs elsewhere), and to the Aspire dashboard, which stores and
# indexes everything on the same 2 cores as the apps, PostgreSQL and wrk.
dotnet tool install Aspire.Cli --version 13.6.5 --tool-path "$work/aspire" >/dev/null
otlp_port=$((20000 + RANDOM % 20000)); ui_port=$((otlp_port + 1)); otlp_http_port=$((otlp_port + 2)); discard_port=$((otlp_port + 3))
"$work/aspire/aspire" dashboard run --allow-anonymous --non-interactive --nologo --frontend-url "http://127.0.0.1:$ui_port" \
  --otlp-grpc-url "http://127.0.0.1:$otlp_port" --otlp-http-url "http://127.0.0.1:$otlp_http_port" >/dev/null 2>&1 &
python3 bench/webapi/otlp_discard.py "$discard_port" &
for _ in $(seq 1 120); do curl -fs "http://127.0.0.1:$ui_port/api/telemetry/resources" >/dev/null && break; sleep 0.5; done
declare -A tel_rps tel_jobs tel_backlog
for receiver in off discard dashboard; do
  case $receiver in
    off) unset OTEL_EXPORTER_OTLP_ENDPOINT OTEL_EXPORTER_OTLP_PROTOCOL ;;
    discard) export OTEL_EXPORTER_OTLP_ENDPOINT="http://127.0.0.1:$discard_port" OTEL_EXPORTER_OTLP_PROTOCOL=http/protobuf ;;
    dashboard) export OTEL_EXPORTER_OTLP_ENDPOINT="http://127.0.0.1:$otlp_port"; unset OTEL_EXPORTER_OTLP_PROTOCOL ;;
  esac
  kill -TERM "$api"; wait "$api" || true
  start_api
  post_rate >/dev/null # warm-up; its jobs and the measured run's are the backlog
  tel_rps[$receiver]=$(post_rate)
  tel_backlog[$receiver]=$(( $(all_jobs) - $(done_jobs) ))
  start_worker; one=$!
  tel_jobs[$receiver]=$(jobs_rate)
  kill -TERM "$one"; wait "$one" || true
done
exported=$(curl -fs "http://127.0.0.1:$ui_port/api/telemetry/resources" | grep -o '"name":"[^"]*"' | tr '\n' ' ')
unset OTEL_EXPORTER_OTLP_ENDPOINT OTEL_EXPORTER_OTLP_PROTOCOL

echo "myapp-workspace on PostgreSQL $(sql postgres 'SHOW server_version'), published (Release, ReadyToRun), on $(nproc) cores"
printf '  %-66s %8s\n' "POST /users per second (wrk -t2 -c32 -d${seconds}s), no worker running" "$api_rps"
printf '  %-66s %8s\n' "jobs done per second, one worker ($backlog1 jobs waiting)" "$one_rate"
printf '  %-66s %8s   ratio %s\n' "jobs done per second, two workers ($backlog2 jobs waiting)" "$two_rate" "$(ratio "$two_rate" "$one_rate")"
printf '  %-66s %8s\n' "POST /users per second with two workers running" "$busy_rps"
printf '  %-66s %8s   (last job done %s s after the last POST)\n' "jobs done per second meanwhile" "$busy_jobs" "$lag"
printf '  %-66s %8s\n' "idle: database transactions per second, two workers (poll: 1 s)" "$idle_two"
printf '  %-66s %8s\n' "idle: database transactions per second, no worker" "$idle_none"
echo "telemetry, API restarted and one worker each time (goal for the apps' own cost: at least 0.85x)"
printf '  %-66s %8s\n' "POST /users per second, export off" "${tel_rps[off]}"
printf '  %-66s %8s   ratio %s\n' "POST /users per second, exporting (receiver discards)" "${tel_rps[discard]}" "$(ratio "${tel_rps[discard]}" "${tel_rps[off]}")"
printf '  %-66s %8s   ratio %s\n' "POST /users per second, exporting to the Aspire dashboard" "${tel_rps[dashboard]}" "$(ratio "${tel_rps[dashboard]}" "${tel_rps[off]}")"
printf '  %-66s %8s\n' "jobs done per second, one worker, export off (${tel_backlog[off]} waiting)" "${tel_jobs[off]}"
printf '  %-66s %8s   ratio %s\n' "jobs done per second, exporting (receiver discards; ${tel_backlog[discard]} waiting)" "${tel_jobs[discard]}" "$(ratio "${tel_jobs[discard]}" "${tel_jobs[off]}")"
printf '  %-66s %8s   ratio %s\n' "jobs done per second, exporting to the dashboard (${tel_backlog[dashboard]} waiting)" "${tel_jobs[dashboard]}" "$(ratio "${tel_jobs[dashboard]}" "${tel_jobs[off]}")"
printf '  %-66s %s\n' "resources at the receiver" "$exported"
