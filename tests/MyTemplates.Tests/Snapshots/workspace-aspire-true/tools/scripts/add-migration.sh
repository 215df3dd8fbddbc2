#!/usr/bin/env sh
# Adds an EF Core migration to Core after a model change:  tools/scripts/add-migration.sh AddUserPhone
set -eu
cd "$(dirname "$0")/../.."
if [ $# -ne 1 ]; then
  echo "usage: tools/scripts/add-migration.sh <MigrationName>" >&2
  exit 2
fi
dotnet tool restore
# The migrations live in Core; the API is the start-up project that dotnet ef builds and reads settings from.
dotnet ef migrations add "$1" --project packages/Core/Contoso.Platform.Core/ --startup-project packages/Api/Contoso.Platform.Api/ --output-dir Db/Migrations
