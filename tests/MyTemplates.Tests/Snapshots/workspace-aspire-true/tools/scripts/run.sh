#!/usr/bin/env bash
# Runs the API and N workers (default 1) from source until Ctrl+C, which stops them all. Each line
# of output starts with the process that wrote it (api, worker-1, worker-2, ...).
#   tools/scripts/run.sh [workers]
#   PORT=5090 tools/scripts/run.sh    the API on another port than its launch profile's 5080
set -euo pipefail
cd "$(dirname "$0")/../.."
workers="${1:-1}"

# Starts a process in the background, its output and errors prefixed line by line with its name.
start() {
  local name="$1"
  shift
  "$@" > >(while IFS= read -r line; do printf '%-8s | %s\n' "$name" "$line"; done) 2>&1 &
}

dotnet build --nologo --verbosity quiet
trap 'kill $(jobs -p) 2>/dev/null; wait' EXIT
start api dotnet run --no-build --project packages/Api/Contoso.Platform.Api/ -- ${PORT:+--urls "http://localhost:$PORT"}
for worker in $(seq "$workers"); do
  start "worker-$worker" dotnet run --no-build --project packages/Worker/Contoso.Platform.Worker/
done
wait
