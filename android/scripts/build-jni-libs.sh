#!/usr/bin/env bash
# Cross-compiles heat-ffi (release profile) for the Android ABIs into
# android/src/main/jniLibs/<abi>/libheat_ffi.so, where the Gradle module
# packs them. Generated, never committed.
#
#   ANDROID_NDK_HOME=$ANDROID_HOME/ndk/<r28 or later> android/scripts/build-jni-libs.sh [--with-ics]
#
# The phone build of docs/adr/0017: `--no-default-features`, so no bundled
# zone database (the library registers the device's java.time rules; a
# store opened without them fails loudly instead of using stale bundled
# data) and no iCalendar importer; `--with-ics` adds the importer (feature
# `ics`) for apps that import .ics files. Generate the Kotlin bindings from
# the same build: `scripts/generate-bindings.sh --android [--with-ics]`
# (bindings that export more than the library fail its checksum check at
# load).
#
# Needs, and fails naming the fix when one is missing:
# - the Android NDK r28 or later: its linker aligns ELF segments to 16 KB,
#   which Google Play requires of 64-bit native code (Android 15 devices may
#   use 16 KB pages);
# - cargo-ndk (`cargo install cargo-ndk`);
# - the Rust targets (`rustup target add aarch64-linux-android
#   armv7-linux-androideabi x86_64-linux-android`).
# The result is checked: every library exists and every LOAD segment is
# aligned to 16 KB.
set -Eeuo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
OUT="$ROOT/android/src/main/jniLibs"
MIN_API=26 # the module's minSdk
MIN_NDK_MAJOR=28
PAGE_ALIGN=$((16 * 1024))
ABIS=(arm64-v8a armeabi-v7a x86_64)
TRIPLES=(aarch64-linux-android armv7-linux-androideabi x86_64-linux-android)

fail() {
    echo "build-jni-libs: $*" >&2
    exit 1
}

features=(--no-default-features)
case "${1:-}" in
    "") ;;
    --with-ics) features+=(--features ics) ;;
    *) fail "unknown argument '$1' (the one option is --with-ics)" ;;
esac

ndk="${ANDROID_NDK_HOME:-${ANDROID_NDK_ROOT:-}}"
[[ -n $ndk ]] || fail "ANDROID_NDK_HOME is not set: point it at an Android NDK r$MIN_NDK_MAJOR or later" \
    "(Android Studio installs them under \$ANDROID_HOME/ndk/<version>)"
[[ -f $ndk/source.properties ]] || fail "$ndk is not an Android NDK (it has no source.properties)"
revision="$(sed -n 's/^Pkg\.Revision *= *//p' "$ndk/source.properties")"
[[ $revision =~ ^[0-9]+ ]] || fail "cannot read the NDK version from $ndk/source.properties"
((${revision%%.*} >= MIN_NDK_MAJOR)) \
    || fail "NDK $revision at $ndk is too old: r$MIN_NDK_MAJOR or later is needed for 16 KB page alignment"
command -v cargo-ndk >/dev/null || fail "cargo-ndk is missing: cargo install cargo-ndk"
command -v rustup >/dev/null || fail "rustup is missing: it installs the Android targets of Rust"
installed="$(rustup target list --installed)"
for triple in "${TRIPLES[@]}"; do
    grep -qx "$triple" <<<"$installed" || fail "Rust target $triple is missing: rustup target add ${TRIPLES[*]}"
done
readelf="$(find "$ndk/toolchains/llvm/prebuilt" -path '*/bin/llvm-readelf' -print -quit 2>/dev/null)"
[[ -n $readelf ]] || fail "llvm-readelf not found under $ndk/toolchains/llvm/prebuilt"

export ANDROID_NDK_HOME="$ndk"
cd "$ROOT"
targets=()
for abi in "${ABIS[@]}"; do targets+=(-t "$abi"); done
cargo ndk "${targets[@]}" --platform "$MIN_API" -o "$OUT" build --release --locked -p heat-ffi "${features[@]}"

for abi in "${ABIS[@]}"; do
    lib="$OUT/$abi/libheat_ffi.so"
    [[ -f $lib ]] || fail "$lib was not built"
    aligns="$("$readelf" -lW "$lib" | awk '$1 == "LOAD" { print $NF }')"
    [[ -n $aligns ]] || fail "$lib has no LOAD segment"
    for align in $aligns; do
        ((align >= PAGE_ALIGN)) || fail "$lib has a LOAD segment aligned to $align, below 16 KB"
    done
    echo "$abi: $lib (LOAD segments aligned to 16 KB or more)"
done
