#!/usr/bin/env bash
# FFI cost from Kotlin: builds the release library, generates the JVM
# bindings from it, compiles bindings/bench/FfiCost.kt and runs it. Prints
#   - the median time of a 10,000-event no-op reconcileHeat seen from Kotlin
#     and inside Rust, and their ratio;
#   - the median time of the sync job's no-op run over that quarter in 7-day
#     windows with a Kotlin CalendarSource, and its ratio to `heat bench`'s
#     sync_job_noop (the same job with a Rust source).
# Needs scripts/setup-toolchains.sh first.
set -Eeuo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
ENV_SH="${HEAT_TOOLCHAINS:-/opt/flowstate-toolchains}/env.sh"
[[ -f $ENV_SH ]] || { echo "bench-ffi-kotlin: run scripts/setup-toolchains.sh first" >&2; exit 1; }
# shellcheck source=/dev/null
source "$ENV_SH"

"$ROOT/scripts/generate-bindings.sh" --release
TARGET_DIR="${CARGO_TARGET_DIR:-$ROOT/target}"
OUT="$TARGET_DIR/kotlin-ffi-bench"
rm -rf "$OUT" && mkdir -p "$OUT"
"$KOTLINC" -Werror -jvm-target 17 -cp "$JNA_JAR" -include-runtime -d "$OUT/bench.jar" \
    "$TARGET_DIR/bindings/kotlin" "$ROOT/android/src/main/kotlin/app/flowstate/heat/time" \
    "$ROOT/bindings/bench/FfiCost.kt" 2>&1
java -Djna.library.path="$TARGET_DIR/release" -cp "$OUT/bench.jar:$JNA_JAR" FfiCostKt | tee "$OUT/kotlin.txt"

cd "$ROOT"
cargo build --release -q -p heat-cli
"$TARGET_DIR/release/heat" bench --json >"$OUT/heat-bench.json"
python3 - "$OUT/kotlin.txt" "$OUT/heat-bench.json" <<'PY'
import json, re, sys
kotlin = float(re.search(r"ffi_sync_job_noop .*kotlinMedianMicros=(\d+)", open(sys.argv[1]).read()).group(1))
workloads = json.load(open(sys.argv[2]))["workloads"]
if "sync_job_noop" not in workloads:
    sys.exit("bench-ffi-kotlin: `heat bench` has no sync_job_noop workload to compare with")
rust = workloads["sync_job_noop"]["medianMicros"]
print(f"sync_job_noop kotlinMedianMicros={kotlin:.0f} rustMedianMicros={rust:.0f} ratio={kotlin / rust:.2f}")
PY
