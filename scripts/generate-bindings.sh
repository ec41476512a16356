#!/usr/bin/env bash
# Builds the heat-ffi library and generates its Swift and Kotlin bindings
# (UniFFI library mode) into target/bindings/. Generated code is not committed.
#
#   scripts/generate-bindings.sh [--release] [--android [--with-ics]] [--target TRIPLE] [--test-seams]
#
#   --release  build and read the release library instead of the debug one
#   --android  Kotlin only, with bindings/uniffi-android.toml merged over
#              bindings/uniffi.toml (android = true), into target/bindings/android/,
#              from the phone build android/scripts/build-jni-libs.sh ships
#              (--no-default-features): bindings and .so must export the same
#              functions, or the checksum check fails when the app loads it
#   --with-ics with --android: the phone build with the iCalendar importer
#   --target   build and read the library of that Rust target (e.g.
#              aarch64-apple-ios, for ios/scripts/build-xcframework.sh)
#   --test-seams  with the exports only the binding tests call (eventsFromJson,
#              the zone queries); never for an app's library
#
# Bindings are read from the UNSTRIPPED library (libheat_ffi.so, or .dylib on
# macOS and for Apple targets): UniFFI finds the API in metadata symbols that
# stripping removes. The generator is the workspace's own uniffi-bindgen
# (built for the host), so it always matches the uniffi compiled into heat-ffi.
set -Eeuo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
profile=debug
android=0
with_ics=0
target=""
features=()
while [[ $# -gt 0 ]]; do
    case "$1" in
        --release) profile=release ;;
        --android) android=1 ;;
        --with-ics) with_ics=1 ;;
        --test-seams) features=(--features test-seams) ;;
        --target)
            [[ $# -gt 1 ]] || { echo "generate-bindings: --target needs a Rust target triple" >&2; exit 2; }
            target=$2
            shift
            ;;
        -h | --help) sed -n '2,23p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'; exit 0 ;;
        *) echo "generate-bindings: unknown argument: $1 (try --help)" >&2; exit 2 ;;
    esac
    shift
done

cd "$ROOT"
cargo_flags=()
[[ $profile == release ]] && cargo_flags+=(--release)
[[ -n $target ]] && cargo_flags+=(--target "$target")
if ((android)); then
    features+=(--no-default-features)
    ((with_ics)) && features+=(--features ics)
elif ((with_ics)); then
    echo "generate-bindings: --with-ics goes with --android" >&2
    exit 2
fi
cargo build --quiet "${cargo_flags[@]}" "${features[@]}" -p heat-ffi
cargo build --quiet -p uniffi-bindgen

# A dynamic library is a .dylib on Apple platforms and a .so elsewhere.
case "${target:-$(uname -s)}" in
    *-apple-* | Darwin) lib_file=libheat_ffi.dylib ;;
    *) lib_file=libheat_ffi.so ;;
esac
TARGET_DIR="${CARGO_TARGET_DIR:-$ROOT/target}"
LIB="$TARGET_DIR/${target:+$target/}$profile/$lib_file"
BINDGEN="$TARGET_DIR/debug/uniffi-bindgen"
[[ -f $LIB ]] || { echo "generate-bindings: $LIB was not built" >&2; exit 1; }

generate() { # language, out dir, extra generator args...
    local language=$1 out=$2
    shift 2
    rm -rf "$out"
    mkdir -p "$out"
    "$BINDGEN" generate --no-format --language "$language" --out-dir "$out" "$@" "$LIB"
}

# The ARM32 checksum crash of UniFFI 0.31 is fixed in the pinned 0.32.2 by
# masking the native value to 16 bits; refuse bindings that lack the mask
# (e.g. after a uniffi bump) rather than ship them (docs/adr/0002).
check_checksum_mask() {
    local kotlin_dir=$1
    if grep -rq 'uniffi_heat_ffi_checksum_' "$kotlin_dir" \
        && ! grep -rqE '\(lib\.uniffi_heat_ffi_checksum_[a-z_]+\(\) and 0xFFFF\)' "$kotlin_dir"; then
        echo "generate-bindings: the Kotlin checksum checks are not masked to 16 bits;" \
            "see docs/adr/0002-keep-uniffi-api-checksums.md" >&2
        exit 1
    fi
}

if [[ $android == 1 ]]; then
    out="$TARGET_DIR/bindings/android"
    generate kotlin "$out" --config "$ROOT/bindings/uniffi-android.toml"
    check_checksum_mask "$out"
    echo "Android Kotlin bindings: $out"
else
    generate swift "$TARGET_DIR/bindings/swift"
    generate kotlin "$TARGET_DIR/bindings/kotlin"
    check_checksum_mask "$TARGET_DIR/bindings/kotlin"
    echo "Swift bindings:  $TARGET_DIR/bindings/swift"
    echo "Kotlin bindings: $TARGET_DIR/bindings/kotlin"
fi
echo "Library:         $LIB"
