# Shared by the benchmarks (sourced, run from the repository root): a private work folder, this
# checkout's template pack installed into an isolated template cache there, and small helpers.
#   source bench/common.sh <name>     sets $work and $hive; the work folder is removed on exit
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
work="$(mktemp -d "/tmp/mytemplates-bench-$1.XXXXXX")"
hive="$work/hive"
trap 'kill $(jobs -p) 2>/dev/null || true; rm -rf "$work"' EXIT

dotnet pack src/MyTemplates -c Release -o "$work/nupkg" >/dev/null
dotnet new install "$(ls "$work"/nupkg/MyTemplates.*.nupkg)" --debug:custom-hive "$hive" >/dev/null

# The median of numbers on standard input, one a line.
median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }

# a / b, printed as a ratio such as 2.15x.
ratio() { awk -v a="$1" -v b="$2" 'BEGIN {printf "%.2fx", b ? a / b : 0}'; }
