#!/usr/bin/env bash
# Compiles the Android library's platform-neutral sync layer
# (android/src/main/kotlin/app/flowstate/heat/sync) together with the JVM copy
# of the generated bindings, and runs its JUnit 5 tests
# (android/src/jvmTest/kotlin) on the JVM against the host build of heat-ffi.
#
#   scripts/test-android-jvm.sh
#
# The Android-only adapters (android/src/main/kotlin/app/flowstate/heat/android)
# need the Android SDK: they are not compiled here (see android/README.md).
# Needs the toolchains of scripts/setup-toolchains.sh; a missing one is an error.
set -Eeuo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
TOOLCHAINS_ENV="${HEAT_TOOLCHAINS:-/opt/flowstate-toolchains}/env.sh"

fail() {
    echo "test-android-jvm: $*" >&2
    exit 1
}

[[ -f $TOOLCHAINS_ENV ]] || fail "$TOOLCHAINS_ENV is missing: run scripts/setup-toolchains.sh first"
# shellcheck source=/dev/null
source "$TOOLCHAINS_ENV"
for tool in KOTLINC KOTLIN_LIB JNA_JAR JUNIT_API_JAR JUNIT_CONSOLE_JAR; do
    [[ -n ${!tool:-} && -e ${!tool} ]] || fail "$tool is not set or does not exist (${!tool:-unset}): run scripts/setup-toolchains.sh"
done

cd "$ROOT"
scripts/generate-bindings.sh >/dev/null
TARGET_DIR="${CARGO_TARGET_DIR:-$ROOT/target}"
BINDINGS="$TARGET_DIR/bindings/kotlin"
LIB_DIR="$TARGET_DIR/debug"
OUT="$TARGET_DIR/android-jvm-test"
rm -rf "$OUT"
mkdir -p "$OUT/main" "$OUT/test"

mapfile -t main_sources < <(find "$BINDINGS" android/src/main/kotlin/app/flowstate/heat/sync -name '*.kt' | sort)
mapfile -t test_sources < <(find android/src/jvmTest/kotlin -name '*.kt' | sort)
(( ${#test_sources[@]} > 0 )) || fail "no test sources under android/src/jvmTest/kotlin"

runtime_cp="$KOTLIN_LIB/kotlin-stdlib.jar:$KOTLIN_LIB/kotlinx-coroutines-core-jvm.jar:$JNA_JAR"
test_cp="$KOTLIN_LIB/kotlin-test.jar:$KOTLIN_LIB/kotlin-test-junit5.jar"

echo "Compiling the sync layer with the JVM bindings (${#main_sources[@]} files)"
"$KOTLINC" -Werror -jvm-target 17 -cp "$runtime_cp" -d "$OUT/main" "${main_sources[@]}"

echo "Compiling the tests (${#test_sources[@]} files)"
"$KOTLINC" -Werror -jvm-target 17 -cp "$OUT/main:$runtime_cp:$test_cp:$JUNIT_API_JAR" -d "$OUT/test" "${test_sources[@]}"

echo "Running the tests"
java -Djna.library.path="$LIB_DIR" -jar "$JUNIT_CONSOLE_JAR" \
    --disable-banner --disable-ansi-colors --fail-if-no-tests --details=tree \
    --class-path "$OUT/test:$OUT/main:$runtime_cp:$test_cp" \
    --scan-class-path "$OUT/test"
