#!/usr/bin/env bash
# Runs the Kotlin binding tests (tests/kotlin) on the JVM: generates the
# bindings from the debug library (with heat-ffi's test seams), compiles
# them with the tests (-Werror), and runs JUnit 5 with JNA loading
# target/debug/libheat_ffi.so.
#
#   scripts/test-kotlin-bindings.sh
#
# Needs the toolchains of scripts/setup-toolchains.sh. Exits non-zero when a
# toolchain is missing, compilation fails, or any test fails.
set -Eeuo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
ENV_SH="${HEAT_TOOLCHAINS:-/opt/flowstate-toolchains}/env.sh"
die() { printf 'test-kotlin-bindings: ERROR: %s\n' "$*" >&2; exit 1; }

[[ -f $ENV_SH ]] || die "$ENV_SH not found: run scripts/setup-toolchains.sh (as root) first"
# shellcheck source=/dev/null
source "$ENV_SH"
for var in KOTLINC KOTLIN_LIB JNA_JAR JUNIT_API_JAR JUNIT_CONSOLE_JAR; do
    [[ -n ${!var:-} && -e ${!var} ]] || die "$var is unset or missing in $ENV_SH: run scripts/setup-toolchains.sh"
done

# With the test seams: the tests call eventsFromJson and the zone queries.
"$ROOT/scripts/generate-bindings.sh" --test-seams
TARGET_DIR="${CARGO_TARGET_DIR:-$ROOT/target}"
OUT="$TARGET_DIR/kotlin-tests"
rm -rf "$OUT"
mkdir -p "$OUT/classes"

echo "==> kotlinc -Werror (generated bindings + the host zone rules + tests/kotlin)"
# No warning suppression is needed with Kotlin 2.4 and UniFFI 0.32.2: the
# generated code compiles clean under -Werror.
"$KOTLINC" -Werror -jvm-target 17 \
    -cp "$JNA_JAR:$JUNIT_API_JAR:$KOTLIN_LIB/kotlin-test.jar" \
    -d "$OUT/classes" \
    "$TARGET_DIR/bindings/kotlin" "$ROOT/android/src/main/kotlin/app/flowstate/heat/time" "$ROOT/tests/kotlin/src"

echo "==> JUnit 5"
status=0
java -Djna.library.path="$TARGET_DIR/debug" \
    -Dflowstate.fixtures="$ROOT/tests/fixtures" \
    -jar "$JUNIT_CONSOLE_JAR" \
    --disable-banner --disable-ansi-colors --details=tree --fail-if-no-tests \
    --class-path "$OUT/classes:$KOTLIN_LIB/kotlin-stdlib.jar:$KOTLIN_LIB/kotlin-test.jar:$JNA_JAR" \
    --scan-classpath "$OUT/classes" | tee "$OUT/junit.txt" || status=$?

count() { grep -oE "[0-9]+ tests $1" "$OUT/junit.txt" | grep -oE '^[0-9]+' || echo 0; }
# The plain closing line CI reads ("N passed, N failed").
echo "kotlin: $(count successful) passed, $(count failed) failed"
exit "$status"
