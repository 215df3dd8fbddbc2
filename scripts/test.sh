#!/usr/bin/env bash
# Runs every test of the pack: starts PostgreSQL (for the --database postgres scenarios), then the
# xUnit suite, which packs the .nupkg, installs it into an isolated template cache and checks what
# it generates. Extra arguments go to `dotnet test` (e.g. -- --filter-class *SnapshotTests).
set -euo pipefail
cd "$(dirname "$0")/.."
if [ -z "${POSTGRES_TEST_CONNECTION_STRING:-}" ]; then
  POSTGRES_TEST_CONNECTION_STRING="$(scripts/start-postgres.sh)"
  export POSTGRES_TEST_CONNECTION_STRING
fi
# nginx, the reverse proxy the web API's end-to-end tests put in front of the published apps (Debian's nginx-light).
command -v nginx >/dev/null || { apt-get update -qq >/dev/null && apt-get install -y -qq nginx-light >/dev/null; }
# The OpenAPI linters the web API tests run (Redocly CLI and Spectral, pinned in their package-lock.json).
npm ci --prefix tests/openapi-lint --no-audit --no-fund --loglevel=error >/dev/null
# The GitHub workflow validator (action-validator, pinned likewise) for the release workflow and the generated ones.
npm ci --prefix tests/workflow-lint --no-audit --no-fund --loglevel=error >/dev/null
# Child builds must not leave MSBuild nodes or compiler servers holding the test runner's pipes.
export MSBUILDDISABLENODEREUSE=1 DOTNET_CLI_USE_MSBUILD_SERVER=0 UseSharedCompilation=false
export DOTNET_NOLOGO=1 DOTNET_CLI_TELEMETRY_OPTOUT=1
dotnet test --project tests/MyTemplates.Tests/MyTemplates.Tests.csproj "$@"
