#!/usr/bin/env bash
# myapp-webapi benchmark, against a published `dotnet new webapi` measured in the same run:
#  1. cold start: process start to the first 200 on /health/ready (SQLite, a new database file, so
#     creation and migration are included) vs to the first 200 on /weatherforecast; median of N;
#  2. requests per second for GET /users/{id} vs GET /weatherforecast, wrk on loopback;
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
dotnet publish "$work/api/src/Bench.Api" -c Release -o "$work/api-out" >/dev/null
dotnet publish "$work/weather" -c Release -o "$work/weather-out" >/dev/null

api=("$work/api-out/Bench.Api" --urls http://127.0.0.1:5301)
weather=("$work/weather-out/Weather" --urls http://127.0.0.1:5302)

for round in $(seq 1 "$rounds"); do
  ConnectionStrings__Default="Data Source=$work/cold-$round.db" python3 bench/webapi/cold_start.py http://127.0.0.1:5301/health/ready "${api[@]}" >>"$work/api.cold"
  python3 bench/webapi/cold_start.py http://127.0.0.1:5302/weatherforecast "${weather[@]}" >>"$work/weather.cold"
done
api_ms=$(median <"$work/api.cold"); weather_ms=$(median <"$work/weather.cold")
echo "cold start to the first 200, median of $rounds (ms)"
printf '  %-52s %6s\n' "myapp-webapi GET /health/ready (new SQLite database)" "$api_ms"
printf '  %-52s %6s   ratio %s (goal: at most 2x)\n' "dotnet new webapi GET /weatherforecast" "$weather_ms" "$(ratio "$api_ms" "$weather_ms")"

# Each app runs in its publish folder: that is its content root, where its appsettings.json is.
(cd "$work/api-out" && ConnectionStrings__Default="Data Source=$work/load.db" exec "${api[@]}" >/dev/null 2>&1) &
(cd "$work/weather-out" && exec "${weather[@]}" >/dev/null 2>&1) &
for url in http://127.0.0.1:5301/health/ready http://127.0.0.1:5302/weatherforecast; do
  until curl -sf "$url" >/dev/null; do sleep 0.1; done
done
id=$(curl -sf -X POST http://127.0.0.1:5301/users -H 'Content-Type: application/json' -d '{"email":"bench@example.com","name":"Bench"}' \
  | python3 -c 'import json,sys; print(json.load(sys.stdin)["id"])')
rps() { wrk -t2 -c64 -d"${seconds}s" "$1" | awk '/Requests\/sec/ {print $2} /Non-2xx/ {print "non-2xx:" $4 > "/dev/stderr"}'; }
rps "http://127.0.0.1:5301/users/$id" >/dev/null; rps http://127.0.0.1:5302/weatherforecast >/dev/null # warm-up
api_rps=$(rps "http://127.0.0.1:5301/users/$id"); weather_rps=$(rps http://127.0.0.1:5302/weatherforecast)
echo "requests per second, wrk -t2 -c64 -d${seconds}s on loopback"
printf '  %-52s %10s\n' "myapp-webapi GET /users/{id}" "$api_rps"
printf '  %-52s %10s   ratio %s (goal: at least 0.3x)\n' "dotnet new webapi GET /weatherforecast" "$weather_rps" "$(ratio "$api_rps" "$weather_rps")"

posts=$(python3 bench/webapi/concurrent_posts.py http://127.0.0.1:5301 10000)
rows=$(sqlite3 "$work/load.db" "SELECT count(*) FROM users WHERE email LIKE 'load-%'")
echo "10,000 concurrent POST /users, distinct e-mails"
echo "  responses: $posts"
echo "  rows in the table: $rows (goal: exactly 10000, and only 201 responses)"
