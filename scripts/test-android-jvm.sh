#!/usr/bin/env bash
# Checks the Android library on Linux, without the Android SDK, in stages:
#
#   1. API stubs: scripts/android-api-stubs.py turns the Android classes the
#      adapters import (and their supertypes) from the `chaquopy-stubs-android`
#      type stubs at the module's compileSdk (read from
#      android/build.gradle.kts; another level is refused) into Java sources, compiled with
#      javac, with the class kinds and `@Deprecated` of the same level's API
#      signature file (android/api-check/android-<compileSdk>-api.txt); the
#      WorkManager stand-ins (android/api-check/workmanager, copied from
#      WorkManager's published API signatures) are compiled on top.
#   2. Adapters: every file of android/src/main (adapters included), with the
#      JVM copy of the generated bindings, compiled with `kotlinc -Werror`
#      against those stubs; then again with the Android flavour of the
#      bindings (`android = true`: `android.os.Build`, `SystemCleaner`,
#      `@RequiresApi`, whose stand-in is android/api-check/annotation), the
#      copy the Gradle build compiles.
#   3. Must-fail: each case of android/api-check/must-fail.txt is one adapter
#      (or Android bindings) line replaced by a plausible wrong one; each copy
#      must be rejected by the compiler, with the expected error, or the stubs
#      are too lenient.
#   4. JVM tests: android/src/test (JUnit 5) against the host build of
#      heat-ffi, on real store files; among them the model of WorkManager
#      and the app's process, whose random lifecycles print their step count
#      and invariants, and the named scenarios of
#      android/src/test/resources/lifecycle (on the classpath).
#
#   scripts/test-android-jvm.sh
#
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
for tool in KOTLINC KOTLIN_LIB JNA_JAR JUNIT_API_JAR JUNIT_CONSOLE_JAR ANDROID_STUBS_PYTHON ANDROID_API_STUBS; do
    [[ -n ${!tool:-} && -e ${!tool} ]] || fail "$tool is not set or does not exist (${!tool:-unset}): run scripts/setup-toolchains.sh"
done

cd "$ROOT"
compile_sdk=$(sed -n 's/^ *compileSdk = \([0-9]*\)$/\1/p' android/build.gradle.kts)
[[ -n $compile_sdk ]] || fail "no compileSdk in android/build.gradle.kts"
API_STUBS_DIR="$HEAT_TOOLCHAINS/android-stubs-$compile_sdk"
ls -d "$API_STUBS_DIR"/chaquopy_stubs_android-"$compile_sdk".*.dist-info >/dev/null 2>&1 \
    || fail "no Android API $compile_sdk stubs (compileSdk) in $API_STUBS_DIR: run scripts/setup-toolchains.sh"
API_FACTS="android/api-check/android-$compile_sdk-api.txt"
[[ -f $API_FACTS ]] || fail "no $API_FACTS: copy the API $compile_sdk class and @Deprecated lines into it (see android-35-api.txt)"
kotlin_version=$(sed -n 's/^kotlinVersion=//p' android/gradle.properties)
"$KOTLINC" -version 2>&1 | grep -q "kotlinc-jvm $kotlin_version " \
    || fail "kotlinc is not $kotlin_version (android/gradle.properties): run scripts/setup-toolchains.sh"

# The Android flavour first: it is generated from the phone build (no
# default features), and the host build after it is the library the JVM
# tests load with the host bindings.
scripts/generate-bindings.sh --android >/dev/null
scripts/generate-bindings.sh >/dev/null
TARGET_DIR="${CARGO_TARGET_DIR:-$ROOT/target}"
BINDINGS="$TARGET_DIR/bindings/kotlin"
ANDROID_BINDINGS="$TARGET_DIR/bindings/android"
LIB_DIR="$TARGET_DIR/debug"
OUT="$TARGET_DIR/android-jvm-test"
# The Android flavour must export what the phone library exports: no importer.
grep -q 'importIcs' "$BINDINGS/app/flowstate/heat/heat_ffi.kt" \
    || fail "the host bindings lack importIcs: the check below would prove nothing"
! grep -q 'importIcs' "$ANDROID_BINDINGS/app/flowstate/heat/heat_ffi.kt" \
    || fail "the Android bindings export importIcs, which the phone library (build-jni-libs.sh) does not"
echo "==> Android bindings generated from the phone build (no importIcs; the host bindings have it)"
rm -rf "$OUT"
mkdir -p "$OUT/api-java" "$OUT/api" "$OUT/main" "$OUT/main-android" "$OUT/test" "$OUT/must-fail"

runtime_cp="$KOTLIN_LIB/kotlin-stdlib.jar:$KOTLIN_LIB/kotlinx-coroutines-core-jvm.jar:$JNA_JAR"
annotations_jar="$KOTLIN_LIB/annotations-13.0.jar"
test_cp="$KOTLIN_LIB/kotlin-test.jar:$KOTLIN_LIB/kotlin-test-junit5.jar"

echo "==> API stubs: Android API $compile_sdk = compileSdk ($(basename "$API_STUBS_DIR"/chaquopy_stubs_android-*.dist-info .dist-info)) + WorkManager"
"$ANDROID_STUBS_PYTHON" scripts/android-api-stubs.py "$API_STUBS_DIR/android-stubs" "$API_FACTS" "$OUT/api-java" android/src/main/kotlin "$ANDROID_BINDINGS"
mapfile -t api_sources < <(find "$OUT/api-java" -name '*.java' | sort)
javac -nowarn -d "$OUT/api" -cp "$annotations_jar" "${api_sources[@]}"
"$KOTLINC" -Werror -jvm-target 17 -cp "$OUT/api:$runtime_cp" -d "$OUT/api" android/api-check/workmanager android/api-check/annotation
api_cp="$OUT/api:$annotations_jar"

mapfile -t main_sources < <(find "$BINDINGS" android/src/main/kotlin -name '*.kt' | sort)
echo "==> adapters: android/src/main (${#main_sources[@]} files, bindings included) with kotlinc -Werror against the API stubs"
"$KOTLINC" -Werror -jvm-target 17 -cp "$api_cp:$runtime_cp" -d "$OUT/main" "${main_sources[@]}"
mapfile -t android_sources < <(find "$ANDROID_BINDINGS" android/src/main/kotlin -name '*.kt' | sort)
echo "==> adapters with the Android flavour of the bindings (android = true): ${#android_sources[@]} files, kotlinc -Werror"
"$KOTLINC" -Werror -jvm-target 17 -cp "$api_cp:$runtime_cp" -d "$OUT/main-android" "${android_sources[@]}"

echo "==> must-fail: wrong copies of adapter and Android bindings lines, each rejected by the compiler"
android/api-check/run-must-fail.sh "$OUT/must-fail" "$OUT/main" "$ANDROID_BINDINGS" "$OUT/main-android" "$api_cp:$runtime_cp"

# The lifecycle scenarios are read with the cross-language suite's JSON reader.
mapfile -t test_sources < <(find android/src/test/kotlin -name '*.kt' | sort; echo tests/kotlin/src/app/flowstate/heat/tests/Json.kt)
(( ${#test_sources[@]} > 0 )) || fail "no test sources under android/src/test/kotlin"
echo "==> JVM tests: compiling android/src/test (${#test_sources[@]} files)"
"$KOTLINC" -Werror -jvm-target 17 -cp "$OUT/main:$api_cp:$runtime_cp:$test_cp:$JUNIT_API_JAR" -d "$OUT/test" "${test_sources[@]}"

echo "==> JVM tests: running"
java -Djna.library.path="$LIB_DIR" -jar "$JUNIT_CONSOLE_JAR" \
    --disable-banner --disable-ansi-colors --fail-if-no-tests --details=tree \
    --class-path "$OUT/test:android/src/test/resources:$OUT/main:$api_cp:$runtime_cp:$test_cp" \
    --scan-class-path "$OUT/test"
