#!/usr/bin/env bash
# myapp-cli benchmark: start-up (--help) of the generated tool against a `dotnet new console` hello
# world, JIT and Native AOT, and `process` over a large text file against GNU wc, in one run.
# Prints figures side by side; asserts nothing. Needs the pack installed in a hive (done here) and clang.
#   bench/cli.sh [size-in-MB, default 150]
set -euo pipefail
cd "$(dirname "$0")/.."
size_mb="${1:-150}"
source bench/common.sh cli
linker=(); command -v clang >/dev/null || linker=(-p:CppCompilerAndLinker=clang-14)

dotnet new myapp-cli -n Bench.Tool -o "$work/tool" --aot true --debug:custom-hive "$hive" >/dev/null
dotnet new console -n Hello -o "$work/hello" >/dev/null
sed -i 's#</PropertyGroup>#<InvariantGlobalization>true</InvariantGlobalization></PropertyGroup>#' "$work/hello/Hello.csproj"

for app in tool/src/Bench.Tool/Bench.Tool.csproj hello/Hello.csproj; do
  name=$(basename "$(dirname "$work/$app")")
  dotnet publish "$work/$app" -c Release -o "$work/jit-$name" -p:PublishAot=false >/dev/null
  dotnet publish "$work/$app" -c Release -r linux-x64 -o "$work/aot-$name" -p:PublishAot=true "${linker[@]}" >/dev/null
done

# Median wall time in milliseconds of N runs of a command.
median_ms() {
  local n=$1; shift
  for _ in $(seq 1 "$n"); do
    local start end
    start=$(date +%s%N); "$@" >/dev/null 2>&1; end=$(date +%s%N)
    echo $(( (end - start) / 1000000 ))
  done | median
}

echo "start-up, median of 21 runs (ms)"
printf '  %-28s %8s %8s %8s\n' "" "app" "hello" "ratio"
for kind in jit aot; do
  if [ $kind = jit ]; then app=("$work/jit-Bench.Tool/bench-tool" --help); hello=("$work/jit-hello/Hello");
  else app=("$work/aot-Bench.Tool/bench-tool" --help); hello=("$work/aot-hello/Hello"); fi
  a=$(median_ms 21 "${app[@]}"); h=$(median_ms 21 "${hello[@]}")
  printf '  %-28s %8s %8s %8s\n' "$kind: bench-tool --help" "$a" "$h" "$(ratio "$a" "$h")"
done

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
for kind in jit aot; do
  read -r s kb < <(measure "$work/$kind-Bench.Tool/bench-tool" process "$work/big.txt" --format json)
  printf '  %-28s %6s s %8s MB peak   (wc: %s s, %s MB peak)\n' "$kind: bench-tool process" "$s" "$((kb / 1024))" "$wc_s" "$((wc_kb / 1024))"
done
echo "  counts agree with wc: $( [ "$(LC_ALL=C.UTF-8 wc -l -w -c < "$work/big.txt" | awk '{print $1, $2, $3}')" = "$("$work/aot-Bench.Tool/bench-tool" process - --format json < "$work/big.txt" | python3 -c 'import json,sys; t=json.load(sys.stdin)["total"]; print(t["lines"], t["words"], t["bytes"])')" ] && echo yes || echo NO)"
