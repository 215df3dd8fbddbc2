#!/usr/bin/env bash
# Accepts reviewed snapshot changes: replaces each verified snapshot with the received copy that a
# failing snapshot test wrote beside it. Review the test's diff first.
#   scripts/accept-snapshots.sh                 accept every received snapshot
#   scripts/accept-snapshots.sh webapi-default  accept the named scenarios only
set -euo pipefail
snapshots="$(cd "$(dirname "$0")/.." && pwd)/tests/MyTemplates.Tests/Snapshots"
if [ $# -eq 0 ]; then
  mapfile -t scenarios < <(find "$snapshots" -maxdepth 1 -type d -name '*.received' -printf '%f\n' | sed 's/\.received$//' | sort)
else
  scenarios=("$@")
fi
[ ${#scenarios[@]} -gt 0 ] || { echo "No received snapshots to accept."; exit 0; }
for scenario in "${scenarios[@]}"; do
  received="$snapshots/$scenario.received"
  [ -d "$received" ] || { echo "No received snapshot for '$scenario' ($received)." >&2; exit 1; }
  rm -rf "${snapshots:?}/$scenario"
  mv "$received" "$snapshots/$scenario"
  echo "accepted $scenario"
done
