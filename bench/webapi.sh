#!/usr/bin/env bash
# myapp-webapi benchmark, against two baselines published the same way and measured in the same run:
# bench/webapi/baseline (a plain single-file EF Core + SQLite minimal API: CreateBuilder, a pooled
# DbContext, EnsureCreated, the EF Core health check) and `dotnet new webapi`:
#  1. cold start: process start to the first 200 on /health/ready (SQLite, a new database file, so
#     creation and migration are included) vs the baseline's /health/ready and /weatherforecast; median of N;
#  2. requests per second for GET /users/{id} (ours and the baseline's) vs GET /weatherforecast,
#     wrk on loopback, after a warm-up; and ours again exporting its telemetry over OTLP against
#     OTEL_EXPORTER_OTLP_ENDPOINT unset (the other figures), to two receivers: one that discards what it gets
#     (bench/webapi/otlp_discard.py: the app's own cost, the goal's figure, as in production where the collector
#     runs elsewhere) and a real one, the Aspire dashboard standalone, which stores and indexes every span on
#     the same 2 cores as the app and wrk (reported beside it, so that its share shows);
#     and ours with every edge setting on (forwarded headers, CORS for the requesting origin, a rate limit
#     that is not reached, HSTS and nosniff on the forwarded https) against all off, both sent the same
#     proxy headers (X-Forwarded-For/-Proto, a public Host, an Origin);
#  3. 10,000 concurrent POST /users with distinct e-mails: status codes and rows in the table.
# Prints figures side by side; asserts nothing. Needs wrk (apt-get install -y wrk) and sqlite3.
#   bench/webapi.sh [cold-start rounds, default 7] [wrk seconds, default 10]
set -euo pipefail
cd "$(dirname "$0")/.."
rounds="${1:-7}"
seconds="${2:-10}"
source bench/common.sh webapi
export ASPNETCORE_ENVIRONMENT=Production Logging__LogLevel__Default=Warning
ulimit -n 20000

dotnet new myapp-webapi -n Bench.Api -o "$work/api" --debug:custom-hive "$hive" >/dev/null
dotnet new webapi -n Weather -o "$work/weather" >/dev/null
cp -r bench/webapi/baseline "$work/plain" # outside this repository, so none of its build settings apply
dotnet publish "$work/api/src/Bench.Api" -c Release -o "$work/api-out" >/dev/null
dotnet publish "$work/plain" -c Release -o "$work/plain-out" >/dev/null
dotnet publish "$work/weather" -c Release -o "$work/weather-out" >/dev/null

api=("$work/api-out/Bench.Api" --urls http://127.0.0.1:5301)
weather=("$work/weather-out/Weather" --urls http://127.0.0.1:5302)
plain=("$work/plain-out/Baseline" --urls http://127.0.0.1:5303)
traced=("$work/api-out/Bench.Api" --urls http://127.0.0.1:5304)
discarded=("$work/api-out/Bench.Api" --urls http://127.0.0.1:5305)
edge=("$work/api-out/Bench.Api" --urls http://127.0.0.1:5306)

# Interleaved rounds, so that whatever else the machine does weighs on all three alike.
for round in $(seq 1 "$rounds"); do
  ConnectionStrings__Default="Data Source=$work/cold-$round.db" python3 bench/webapi/cold_start.py http://127.0.0.1:5301/health/ready "${api[@]}" >>"$work/api.cold"
  ConnectionStrings__Default="Data Source=$work/plain-cold-$round.db" python3 bench/webapi/cold_start.py http://127.0.0.1:5303/health/ready "${plain[@]}" >>"$work/plain.cold"
  python3 bench/webapi/cold_start.py http://127.0.0.1:5302/weatherforecast "${weather[@]}" >>"$work/weather.cold"
done
api_ms=$(median <"$work/api.cold"); plain_ms=$(median <"$work/plain.cold"); weather_ms=$(median <"$work/weather.cold")
echo "cold start to the first 200, median of $rounds (ms)"
printf '  %-58s %6s\n' "myapp-webapi GET /health/ready (new SQLite database)" "$api_ms"
printf '  %-58s %6s   ratio %s (goal: at most 1.2x)\n' "plain EF Core minimal API GET /health/ready (new database)" "$plain_ms" "$(ratio "$api_ms" "$plain_ms")"
printf '  %-58s %6s   ratio %s\n' "dotnet new webapi GET /weatherforecast" "$weather_ms" "$(ratio "$api_ms" "$weather_ms")"

# The OTLP receiver for the telemetry-on instance (the trap in common.sh stops it).
dotnet tool install Aspire.Cli --version 13.6.5 --tool-path "$work/aspire" >/dev/null
otlp_port=$((20000 + RANDOM % 20000)); ui_port=$((otlp_port + 1)); otlp_http_port=$((otlp_port + 2))
"$work/aspire/aspire" dashboard run --allow-anonymous --non-interactive --nologo --frontend-url "http://127.0.0.1:$ui_port" \
  --otlp-grpc-url "http://127.0.0.1:$otlp_port" --otlp-http-url "http://127.0.0.1:$otlp_http_port" >/dev/null 2>&1 &
for _ in $(seq 1 120); do curl -fs "http://127.0.0.1:$ui_port/api/telemetry/resources" >/dev/null && break; sleep 0.5; done
discard_port=$((otlp_port + 3))
python3 bench/webapi/otlp_discard.py "$discard_port" &

# Each app runs in its publish folder: that is its content root, where its appsettings.json is.
(cd "$work/api-out" && ConnectionStrings__Default="Data Source=$work/load.db" exec "${api[@]}" >/dev/null 2>&1) &
(cd "$work/weather-out" && exec "${weather[@]}" >/dev/null 2>&1) &
(cd "$work/plain-out" && ConnectionStrings__Default="Data Source=$work/plain-load.db" exec "${plain[@]}" >/dev/null 2>&1) &
(cd "$work/api-out" && OTEL_EXPORTER_OTLP_ENDPOINT="http://127.0.0.1:$otlp_port" ConnectionStrings__Default="Data Source=$work/traced.db" \
  exec "${traced[@]}" >/dev/null 2>&1) &
(cd "$work/api-out" && OTEL_EXPORTER_OTLP_ENDPOINT="http://127.0.0.1:$discard_port" OTEL_EXPORTER_OTLP_PROTOCOL=http/protobuf \
  ConnectionStrings__Default="Data Source=$work/discarded.db" exec "${discarded[@]}" >/dev/null 2>&1) &
(cd "$work/api-out" && ASPNETCORE_FORWARDEDHEADERS_ENABLED=true Cors__AllowedOrigins__0=https://app.example.com \
  RateLimiting__PermitLimit=1000000000 ConnectionStrings__Default="Data Source=$work/edge.db" exec "${edge[@]}" >/dev/null 2>&1) &
for url in http://127.0.0.1:5301/health/ready http://127.0.0.1:5302/weatherforecast http://127.0.0.1:5303/health/ready http://127.0.0.1:5304/health/ready http://127.0.0.1:5305/health/ready http://127.0.0.1:5306/health/ready; do
  until curl -sf "$url" >/dev/null; do sleep 0.1; done
done
new_user() {
  curl -sf -X POST "$1/users" -H 'Content-Type: application/json' -d '{"email":"bench@example.com","name":"Bench"}' \
    | python3 -c 'import json,sys; print(json.load(sys.stdin)["id"])'
}
id=$(new_user http://127.0.0.1:5301); plain_id=$(new_user http://127.0.0.1:5303); traced_id=$(new_user http://127.0.0.1:5304)
discarded_id=$(new_user http://127.0.0.1:5305); edge_id=$(new_user http://127.0.0.1:5306)
rps() { wrk -t2 -c64 -d"${seconds}s" "${@:2}" "$1" | awk '/Requests\/sec/ {print $2} /Non-2xx/ {print "non-2xx:" $4 > "/dev/stderr"}'; }
# What a proxy in front sends, and a browser's Origin: the same for the edge instance and the plain one.
proxied=(-H "X-Forwarded-For: 203.0.113.7" -H "X-Forwarded-Proto: https" -H "Host: api.example.com" -H "Origin: https://app.example.com")
for url in "http://127.0.0.1:5301/users/$id" "http://127.0.0.1:5303/users/$plain_id" http://127.0.0.1:5302/weatherforecast \
  "http://127.0.0.1:5305/users/$discarded_id" "http://127.0.0.1:5306/users/$edge_id"; do
  rps "$url" >/dev/null # warm-up
done
curl -sf -D - -o /dev/null "http://127.0.0.1:5306/users/$edge_id" "${proxied[@]}" | grep -qi '^strict-transport-security' \
  || { echo "the edge instance sent no HSTS: the bench would not measure what it says" >&2; exit 1; }
# Each comparison in interleaved pairs (off, on, off, on, ...): the machine's drift weighs on both sides alike.
# The median of each side is reported. The dashboard's instance goes last: the dashboard goes on ingesting what
# it received for a while after its run, and would slow whatever was measured next.
pairs=5
for _ in $(seq 1 "$pairs"); do
  rps "http://127.0.0.1:5301/users/$id" >>"$work/api.rps"; rps "http://127.0.0.1:5305/users/$discarded_id" >>"$work/discarded.rps"
done
for _ in $(seq 1 "$pairs"); do
  rps "http://127.0.0.1:5301/users/$id" "${proxied[@]}" >>"$work/edge-off.rps"; rps "http://127.0.0.1:5306/users/$edge_id" "${proxied[@]}" >>"$work/edge.rps"
done
plain_rps=$(rps "http://127.0.0.1:5303/users/$plain_id"); weather_rps=$(rps http://127.0.0.1:5302/weatherforecast)
rps "http://127.0.0.1:5304/users/$traced_id" >/dev/null # warm-up
traced_rps=$(rps "http://127.0.0.1:5304/users/$traced_id")
api_rps=$(median <"$work/api.rps"); discarded_rps=$(median <"$work/discarded.rps")
edge_off_rps=$(median <"$work/edge-off.rps"); edge_rps=$(median <"$work/edge.rps")
echo "requests per second, wrk -t2 -c64 -d${seconds}s on loopback, after a warm-up (median of $pairs interleaved runs where paired)"
printf '  %-58s %10s\n' "myapp-webapi GET /users/{id}" "$api_rps"
printf '  %-58s %10s   ratio %s (goal: at least 1x)\n' "plain EF Core minimal API GET /users/{id}" "$plain_rps" "$(ratio "$api_rps" "$plain_rps")"
printf '  %-58s %10s   ratio %s (goal: at least 0.3x)\n' "dotnet new webapi GET /weatherforecast" "$weather_rps" "$(ratio "$api_rps" "$weather_rps")"
printf '  %-58s %10s   %s the rate of telemetry off (goal: at least 0.85x)\n' "myapp-webapi GET /users/{id}, exporting over OTLP (discarded)" "$discarded_rps" "$(ratio "$discarded_rps" "$api_rps")"
printf '  %-58s %10s   %s the rate of telemetry off (the dashboard shares the cores)\n' "myapp-webapi GET /users/{id}, exporting to the Aspire dashboard" "$traced_rps" "$(ratio "$traced_rps" "$api_rps")"
printf '  %-58s %10s\n' "myapp-webapi GET /users/{id}, proxy headers, edge all off" "$edge_off_rps"
printf '  %-58s %10s   %s the rate of all off (goal: at least 0.9x)\n' "myapp-webapi GET /users/{id}, proxy headers, edge all on" "$edge_rps" "$(ratio "$edge_rps" "$edge_off_rps")"

posts=$(python3 bench/webapi/concurrent_posts.py http://127.0.0.1:5301 10000)
rows=$(sqlite3 "$work/load.db" "SELECT count(*) FROM users WHERE email LIKE 'load-%'")
echo "10,000 concurrent POST /users, distinct e-mails"
echo "  responses: $posts"
echo "  rows in the table: $rows (goal: exactly 10000, and only 201 responses)"
