#!/usr/bin/env bash
# Installs this checkout as a release would be installed: packs the templates (MyTemplates) and the update
# tool (MyTemplates.Update) into a local feed, artifacts/feed, and installs both from it, replacing earlier
# installs. Then `dotnet new myapp-webapi …` works, and `mytemplates update --source artifacts/feed` finds
# this version. Safe to run again.
set -euo pipefail
cd "$(dirname "$0")/.."
feed="$PWD/artifacts/feed"
rm -rf "$feed"
dotnet pack src/MyTemplates -c Release -o "$feed"
dotnet pack src/MyTemplates.Update -c Release -o "$feed"
package="$(ls "$feed"/MyTemplates.[0-9]*.nupkg)"
version="$(basename "$package" .nupkg)"
version="${version#MyTemplates.}"
dotnet new uninstall MyTemplates >/dev/null 2>&1 || true
dotnet new install "$package"
dotnet tool uninstall --global MyTemplates.Update >/dev/null 2>&1 || true
dotnet tool install --global MyTemplates.Update --version "$version" --add-source "$feed"
echo "Installed MyTemplates $version and the mytemplates tool from the local feed $feed."
