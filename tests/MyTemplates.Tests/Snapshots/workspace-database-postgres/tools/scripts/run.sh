#!/usr/bin/env bash
# Runs the API and N workers (default 1) from source until Ctrl+C, which stops them all:
#   tools/scripts/run.sh [workers]
set -euo pipefail
cd "$(dirname "$0")/../.."
workers="${1:-1}"
dotnet build --nologo --verbosity quiet
trap 'kill $(jobs -p) 2>/dev/null; wait' EXIT
dotnet run --no-build --project packages/Api/Contoso.Platform.Api/ &
for _ in $(seq "$workers"); do
  dotnet run --no-build --project packages/Worker/Contoso.Platform.Worker/ &
done
wait
