#!/usr/bin/env bash
# Packs this checkout, installs the template package (replacing an earlier install), generates a
# web API with `dotnet new myapp-webapi` and runs it on SQLite over plain HTTP. Safe to run again.
set -euo pipefail
cd "$(dirname "$0")/.."
root="$PWD"
port="${PORT:-5080}"
rm -rf artifacts/nupkg artifacts/try
dotnet pack src/MyTemplates -c Release -o artifacts/nupkg
dotnet new uninstall MyTemplates >/dev/null 2>&1 || true
dotnet new install "$(ls artifacts/nupkg/MyTemplates.*.nupkg)"
dotnet new myapp-webapi -n Contoso.Shop -o artifacts/try/Contoso.Shop
cd artifacts/try/Contoso.Shop
echo "Starting on http://127.0.0.1:$port (try: curl http://127.0.0.1:$port/health/ready); Ctrl+C stops it."
exec dotnet run --project src/Contoso.Shop --no-launch-profile -- --urls "http://127.0.0.1:$port" --environment Development
