#!/usr/bin/env bash
# FFI cost from Kotlin: builds the release library, generates the JVM
# bindings from it, compiles bindings/bench/FfiCost.kt and runs it. Prints
# the median time of a 10,000-event no-op reconcileHeat seen from Kotlin and
# inside Rust, and their ratio. Needs scripts/setup-toolchains.sh first.
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
    "$TARGET_DIR/bindings/kotlin" "$ROOT/bindings/bench/FfiCost.kt" 2>&1
java -Djna.library.path="$TARGET_DIR/release" -cp "$OUT/bench.jar:$JNA_JAR" FfiCostKt
