#!/usr/bin/env bash
# myapp-cli benchmark: start-up (--help) of a generated tool against a plainly published `dotnet new console`
# hello world, 15 alternating runs each, medians: the app published as its README says (framework-dependent,
# ReadyToRun), the same without ReadyToRun (what it was before), the installed .NET tool (a platform-neutral
# package: JIT only), and Native AOT (--aot true) against a native hello world; then `process` over a large
# text file against GNU wc. Prints figures side by side; asserts nothing. Needs the pack installed in a hive
# (done here) and clang.
#   bench/cli.sh [size-in-MB, default 150]
set -euo pipefail
cd "$(dirname "$0")/.."
size_mb="${1:-150}"
runs=15
source bench/common.sh cli
linker=(); command -v clang >/dev/null || linker=(-p:CppCompilerAndLinker=clang-14)

dotnet new myapp-cli -n Bench.Tool -o "$work/tool" --debug:custom-hive "$hive" >/dev/null
dotnet new myapp-cli -n Bench.Native -o "$work/native" --aot true --debug:custom-hive "$hive" >/dev/null
dotnet new console -n Hello -o "$work/hello" >/dev/null
# The app is built with invariant globalization; so is the hello world, so that neither loads ICU and the other not.
sed -i 's#</PropertyGroup>#<InvariantGlobalization>true</InvariantGlobalization></PropertyGroup>#' "$work/hello/Hello.csproj"

dotnet publish "$work/tool/src/Bench.Tool" -c Release -o "$work/r2r" >/dev/null
dotnet publish "$work/tool/src/Bench.Tool" -c Release -o "$work/jit" -p:PublishReadyToRun=false >/dev/null
dotnet pack "$work/tool/src/Bench.Tool" -c Release -o "$work/nupkg" >/dev/null
dotnet tool install Bench.Tool --tool-path "$work/tools" --add-source "$work/nupkg" >/dev/null
dotnet publish "$work/native/src/Bench.Native" -c Release -r linux-x64 -o "$work/aot" "${linker[@]}" >/dev/null
dotnet publish "$work/hello" -c Release -o "$work/hello-jit" >/dev/null
dotnet publish "$work/hello" -c Release -r linux-x64 -o "$work/hello-aot" -p:PublishAot=true "${linker[@]}" >/dev/null

# Wall time in milliseconds of one run.
ms() {
  local start end
  start=$(date +%s%N); "$@" >/dev/null 2>&1; end=$(date +%s%N)
  echo $(( (end - start) / 1000000 ))
}

# Prints the app's median, the hello world's median and their ratio, from runs that alternate between the two,
# so that whatever else the machine does weighs on both alike.
#   compare <label> <hello executable> <app command...>
compare() {
  local label=$1 hello=$2; shift 2
  : >"$work/a.ms"; : >"$work/h.ms"
  for _ in $(seq 1 "$runs"); do
    ms "$@" >>"$work/a.ms"
    ms "$hello" >>"$work/h.ms"
  done
  local a h
  a=$(median <"$work/a.ms"); h=$(median <"$work/h.ms")
  printf '  %-46s %8s %8s %8s\n' "$label" "$a" "$h" "$(ratio "$a" "$h")"
}

echo "start-up, median of $runs alternating runs (ms)"
printf '  %-46s %8s %8s %8s\n' "" "app" "hello" "ratio"
compare "published, ReadyToRun: bench-tool --help" "$work/hello-jit/Hello" "$work/r2r/bench-tool" --help
compare "published, JIT only: bench-tool --help" "$work/hello-jit/Hello" "$work/jit/bench-tool" --help
compare ".NET tool (JIT only): bench-tool --help" "$work/hello-jit/Hello" "$work/tools/bench-tool" --help
compare "Native AOT: bench-native --help" "$work/hello-aot/Hello" "$work/aot/bench-native" --help

echo "process over a ${size_mb} MB UTF-8 text file"
python3 - "$work/big.txt" "$size_mb" <<'PY'
import sys, random
random.seed(1)
words = ["alpha", "beta", "gamma", "delta", "Grüße", "日本語", "über", "naïve", "x", "—", "tab\tsep", "😀"]
target = int(sys.argv[2]) * 1024 * 1024
with open(sys.argv[1], "w", encoding="utf-8") as f:
    written = 0
    while written < target:
        line = " ".join(random.choice(words) for _ in range(12)) + "\n"
        f.write(line)
        written += len(line.encode())
PY
measure() { /usr/bin/time -f "%e %M" "$@" 2>&1 >/dev/null | tail -n 1; }
read -r wc_s wc_kb < <(LC_ALL=C.UTF-8 measure wc -l -w -c "$work/big.txt")
for app in r2r/bench-tool aot/bench-native; do
  read -r s kb < <(measure "$work/$app" process "$work/big.txt" --format json)
  printf '  %-28s %6s s %8s MB peak   (wc: %s s, %s MB peak)\n' "$app process" "$s" "$((kb / 1024))" "$wc_s" "$((wc_kb / 1024))"
done
echo "  counts agree with wc: $( [ "$(LC_ALL=C.UTF-8 wc -l -w -c < "$work/big.txt" | awk '{print $1, $2, $3}')" = "$("$work/aot/bench-native" process - --format json < "$work/big.txt" | python3 -c 'import json,sys; t=json.load(sys.stdin)["total"]; print(t["lines"], t["words"], t["bytes"])')" ] && echo yes || echo NO)"
