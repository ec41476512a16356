#!/usr/bin/env bash
# Builds FlowStateHeatFFI.xcframework, the Rust core for the Swift package,
# and copies the generated Swift bindings into the package. macOS + Xcode only.
#
#   ios/scripts/build-xcframework.sh
#
# 1. cargo build --release of heat-ffi for aarch64-apple-ios (devices),
#    aarch64-apple-ios-sim and x86_64-apple-ios (simulators);
# 2. lipo merges the two simulator slices into one fat library (an
#    XCFramework holds one library per platform variant);
# 3. scripts/generate-bindings.sh --release --target aarch64-apple-ios (the
#    workspace's uniffi-bindgen, same uniffi as the library) generates
#    FlowStateHeat.swift, FlowStateHeatFFI.h and the module map from the
#    unstripped device library, with the names in bindings/uniffi.toml; the
#    module map is installed as a plain `module.modulemap` (a `framework
#    module` does not resolve for a library XCFramework);
# 4. xcodebuild -create-xcframework writes ios/FlowStateHeatFFI.xcframework,
#    and FlowStateHeat.swift goes to ios/Sources/FlowStateHeat/Generated/.
# Both outputs are gitignored: rebuild them from the Rust sources.
#
# Needs: macOS, Xcode (xcodebuild, lipo via xcrun), rustup with the three
# targets (rustup target add aarch64-apple-ios aarch64-apple-ios-sim x86_64-apple-ios).
# Environment: IPHONEOS_DEPLOYMENT_TARGET (default 15.0, as in Package.swift).
set -Eeuo pipefail

die() { printf 'build-xcframework: ERROR: %s\n' "$*" >&2; exit 1; }
trap 'die "command failed (line $LINENO): $BASH_COMMAND"' ERR

[[ $(uname -s) == Darwin ]] || die "needs macOS with Xcode (this is $(uname -s)); on Linux run scripts/test-swift.sh"

IOS_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
ROOT="$(cd "$IOS_DIR/.." && pwd)"
LIB_NAME=libheat_ffi.a
FFI_MODULE=FlowStateHeatFFI      # bindings/uniffi.toml: ffi_module_name
SWIFT_MODULE=FlowStateHeat       # bindings/uniffi.toml: module_name
DEVICE_TARGET=aarch64-apple-ios
SIMULATOR_TARGETS=(aarch64-apple-ios-sim x86_64-apple-ios)
export IPHONEOS_DEPLOYMENT_TARGET="${IPHONEOS_DEPLOYMENT_TARGET:-15.0}"

for tool in cargo rustup xcodebuild xcrun; do
    command -v "$tool" >/dev/null || die "$tool not found (install Xcode and rustup)"
done
xcrun --find lipo >/dev/null 2>&1 || die "lipo not found: run xcode-select --install or select Xcode with xcode-select -s"
for key in ffi_module_name module_name; do
    grep -Eq "^$key = \"(${FFI_MODULE}|${SWIFT_MODULE})\"" "$ROOT/bindings/uniffi.toml" \
        || die "bindings/uniffi.toml no longer sets $key as this script expects; update the names here"
done
installed=$(rustup target list --installed)
for target in "$DEVICE_TARGET" "${SIMULATOR_TARGETS[@]}"; do
    grep -qx "$target" <<<"$installed" \
        || die "Rust target $target missing: rustup target add $DEVICE_TARGET ${SIMULATOR_TARGETS[*]}"
done

cd "$ROOT"
target_dir="${CARGO_TARGET_DIR:-$ROOT/target}"
for target in "$DEVICE_TARGET" "${SIMULATOR_TARGETS[@]}"; do
    echo "==> cargo build --release -p heat-ffi --target $target"
    cargo build --release --locked -p heat-ffi --lib --target "$target"
    [[ -f $target_dir/$target/release/$LIB_NAME ]] || die "$target_dir/$target/release/$LIB_NAME was not built"
done

work="$target_dir/xcframework"
rm -rf "$work"
mkdir -p "$work/simulator" "$work/headers"

echo "==> lipo: one simulator library for arm64 + x86_64"
sim_libs=()
for target in "${SIMULATOR_TARGETS[@]}"; do
    sim_libs+=("$target_dir/$target/release/$LIB_NAME")
done
xcrun lipo -create "${sim_libs[@]}" -output "$work/simulator/$LIB_NAME"
xcrun lipo -info "$work/simulator/$LIB_NAME"

echo "==> scripts/generate-bindings.sh: Swift bindings, header and module map"
# Library mode reads the API from the metadata symbols of the unstripped
# library (release keeps symbols: strip = "none" in Cargo.toml).
"$ROOT/scripts/generate-bindings.sh" --release --target "$DEVICE_TARGET"
swift_dir="$target_dir/bindings/swift"
for generated in "$SWIFT_MODULE.swift" "$FFI_MODULE.h" "$FFI_MODULE.modulemap"; do
    [[ -f $swift_dir/$generated ]] || die "scripts/generate-bindings.sh did not write $generated"
done
grep -q "^framework module" "$swift_dir/$FFI_MODULE.modulemap" \
    && die "the generated module map is a framework module; a library XCFramework needs a plain one"
cp "$swift_dir/$FFI_MODULE.h" "$work/headers/"
cp "$swift_dir/$FFI_MODULE.modulemap" "$work/headers/module.modulemap"

echo "==> xcodebuild -create-xcframework"
output="$IOS_DIR/$FFI_MODULE.xcframework"
rm -rf "$output"
xcodebuild -create-xcframework \
    -library "$target_dir/$DEVICE_TARGET/release/$LIB_NAME" -headers "$work/headers" \
    -library "$work/simulator/$LIB_NAME" -headers "$work/headers" \
    -output "$output"

generated_dir="$IOS_DIR/Sources/$SWIFT_MODULE/Generated"
mkdir -p "$generated_dir"
cp "$swift_dir/$SWIFT_MODULE.swift" "$generated_dir/"

echo "XCFramework:     $output"
echo "Swift bindings:  $generated_dir/$SWIFT_MODULE.swift"
