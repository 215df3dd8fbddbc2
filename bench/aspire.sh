#!/usr/bin/env bash
# myapp-webapi --aspire: start-up under the Aspire AppHost against the API alone, same run, same build.
# Both are started as a user would, with `dotnet run --no-build` of a Debug build (SQLite, the database
# already migrated by a first run): the API alone on its own, then the AppHost (dashboard, orchestrator,
# then the API it starts). Times from the command's start to the first 200 on the API's /health/ready;
# the AppHost is stopped with SIGTERM to its process and the script waits until no process of the run is
# left. Interleaved rounds; prints the medians side by side; asserts nothing.
#   bench/aspire.sh [rounds, default 5]
set -euo pipefail
cd "$(dirname "$0")/.."
rounds="${1:-5}"
source bench/common.sh aspire

dotnet new myapp-webapi -n Bench.Api -o "$work/sln" --aspire true --debug:custom-hive "$hive" >/dev/null
dotnet build "$work/sln/src/Bench.Api.AppHost" >/dev/null

# Milliseconds from now until $1 answers 200 (at most 120 s).
until_ready() {
  local start=$EPOCHREALTIME
  for _ in $(seq 1 24000); do
    if [ "$(curl -s -o /dev/null -w '%{http_code}' "$1" || true)" = 200 ]; then
      awk -v a="$start" -v b="$EPOCHREALTIME" 'BEGIN {printf "%d\n", (b - a) * 1000}'
      return
    fi
    sleep 0.005
  done
  echo "no 200 from $1 in 120 s" >&2; return 1
}

# Stops what `dotnet run` (pid $1) started: SIGTERM to the app it runs, then waits for both.
stop_run() {
  local child
  child=$(pgrep -P "$1" || true)
  kill -TERM ${child:-$1} 2>/dev/null || true
  wait "$1" 2>/dev/null || true
  while pgrep -f "$work/sln" >/dev/null; do sleep 0.2; done # the orchestrator and the API it ran
}

export ASPNETCORE_ENVIRONMENT=Development DOTNET_ENVIRONMENT=Development Logging__LogLevel__Default=Warning
for round in $(seq 0 "$rounds"); do
  ASPNETCORE_URLS=http://127.0.0.1:5321 dotnet run --no-build --no-launch-profile --project "$work/sln/src/Bench.Api" >/dev/null 2>&1 &
  api_pid=$!
  api_ms=$(until_ready http://127.0.0.1:5321/health/ready)
  stop_run "$api_pid"

  ASPNETCORE_URLS=http://127.0.0.1:5322 ASPIRE_DASHBOARD_OTLP_ENDPOINT_URL=http://127.0.0.1:5323 ASPIRE_ALLOW_UNSECURED_TRANSPORT=true \
    dotnet run --no-build --no-launch-profile --project "$work/sln/src/Bench.Api.AppHost" >/dev/null 2>&1 &
  host_pid=$!
  host_ms=$(until_ready http://localhost:5080/health/ready) # the API's endpoint from its launch profile
  stop_run "$host_pid"

  # Round 0 creates and migrates the database: left out.
  [ "$round" -gt 0 ] && { echo "$api_ms" >>"$work/api.ms"; echo "$host_ms" >>"$work/host.ms"; }
done
api_ms=$(median <"$work/api.ms"); host_ms=$(median <"$work/host.ms")
echo "dotnet run to the API's first 200 on /health/ready, median of $rounds (ms)"
printf '  %-28s %6s\n' "API alone" "$api_ms" "under the Aspire AppHost" "$host_ms"
echo "  AppHost / API alone: $(ratio "$host_ms" "$api_ms")"
