#!/usr/bin/env bash
# Runs every Swift check on Linux, inside the Debian trixie Swift root made by
# setup-toolchains.sh: the Apple-only adapters compiled in Swift 6 mode
# against SDK declarations (ios/scripts/typecheck-apple-adapters.sh, with its
# must-fail cases), then `swift build` + `swift test` of ios/ (the binding
# tests and the platform-neutral layer's tests).
#
#   scripts/test-swift.sh
#
# 1. scripts/generate-bindings.sh --test-seams builds heat-ffi (debug, with the
#    exports only the binding tests call) and generates the
#    Swift bindings into target/bindings/swift/;
# 2. a copy of ios/ gets the package inputs the repository does not hold:
#    the generated FlowStateHeat.swift, the FFI header and module map, and
#    libheat_ffi.a; tests/fixtures/ sits beside it as in the repository;
# 3. scripts/swift-chroot.sh runs the Apple adapter check, swift build and
#    swift test on that copy.
#
# Prints the XCTest count and the lifecycle model's step count and
# invariants; fails when the toolchain is missing, the adapter check, a
# build or a test fails, no test ran, or the lifecycle model did not report.
set -Eeuo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
die() { printf 'test-swift: ERROR: %s\n' "$*" >&2; exit 1; }

env_sh="${HEAT_TOOLCHAINS:-/opt/flowstate-toolchains}/env.sh"
[[ -f $env_sh ]] || die "$env_sh is missing: run scripts/setup-toolchains.sh first"
# shellcheck source=/dev/null
source "$env_sh"
[[ -n ${SWIFT_ROOT:-} && -d $SWIFT_ROOT ]] || die "SWIFT_ROOT from $env_sh is not a directory"

# --test-seams: the binding tests call eventsFromJson and the zone queries.
"$ROOT/scripts/generate-bindings.sh" --test-seams >&2

target_dir="${CARGO_TARGET_DIR:-$ROOT/target}"
generated="$target_dir/bindings/swift"
static_lib="$target_dir/debug/libheat_ffi.a"
for input in "$generated/FlowStateHeat.swift" "$generated/FlowStateHeatFFI.h" \
    "$generated/FlowStateHeatFFI.modulemap" "$static_lib"; do
    [[ -f $input ]] || die "$input was not produced by scripts/generate-bindings.sh"
done

# The staged tree mirrors the repository (ios/ next to tests/fixtures/), so
# the tests find the fixtures the same way in both.
stage="$target_dir/swift-test/flowstate"
package="$stage/ios"
rm -rf "$stage"
mkdir -p "$package" "$stage/tests"
cp -R "$ROOT/ios/Package.swift" "$ROOT/ios/Sources" "$ROOT/ios/Tests" "$ROOT/ios/AppleSDKDeclarations" \
    "$ROOT/ios/scripts" "$package/"
cp -R "$ROOT/tests/fixtures" "$stage/tests/"
# Leftovers of an Apple build in ios/ (gitignored) are replaced, not mixed in.
rm -rf "$package/Sources/FlowStateHeat/Generated" "$package/Sources/FlowStateHeatFFI"
mkdir -p "$package/Sources/FlowStateHeat/Generated" "$package/Sources/FlowStateHeatFFI/lib"
cp "$generated/FlowStateHeat.swift" "$package/Sources/FlowStateHeat/Generated/"
cp "$generated/FlowStateHeatFFI.h" "$package/Sources/FlowStateHeatFFI/"
cp "$generated/FlowStateHeatFFI.modulemap" "$package/Sources/FlowStateHeatFFI/module.modulemap"
cp "$static_lib" "$package/Sources/FlowStateHeatFFI/lib/"

log="$stage.log"
status=0
"$ROOT/scripts/swift-chroot.sh" "$stage" -- /bin/bash -euc '
    swift --version
    (cd ios && bash scripts/typecheck-apple-adapters.sh)
    # Without the generated sources the manifest stops and names the script.
    rm -rf /tmp/no-build-products && cp -R ios /tmp/no-build-products
    rm -rf /tmp/no-build-products/Sources/FlowStateHeat/Generated /tmp/no-build-products/.build
    if message=$(swift package --package-path /tmp/no-build-products dump-package 2>&1); then
        echo "manifest: accepted a package without its build products" >&2; exit 1
    fi
    grep -q "Run scripts/test-swift.sh" <<<"$message" || { echo "$message" >&2; exit 1; }
    echo "manifest: $(grep -o "missing build products.*" <<<"$message" | head -n1)"
    swift build --package-path ios
    swift test --package-path ios --disable-swift-testing
' 2>&1 | tee "$log" || status=$?

# XCTest ends with the "All tests" suite: "Executed N tests, with F failures ...".
grep -q "^apple-adapters: [0-9]* must-fail cases rejected" "$log" || die "the Apple adapter check did not finish (log: $log)"
summary=$(grep -E "^[[:space:]]*Executed [0-9]+ tests?, with [0-9]+ failures?" "$log" | tail -n1 || true)
[[ $status -eq 0 ]] || die "swift build/test failed (exit $status; log: $log)"
[[ -n $summary ]] || die "no XCTest summary in the output (log: $log)"
executed=$(sed -E 's/^[[:space:]]*Executed ([0-9]+) tests?.*/\1/' <<<"$summary")
[[ $executed -gt 0 ]] || die "XCTest ran no tests"
model=$(grep -m1 "^lifecycle model: " "$log" || true)
[[ -n $model ]] || die "the lifecycle model's random schedules did not report (log: $log)"
echo "Swift (XCTest):${summary}"
echo "Swift ${model}"
