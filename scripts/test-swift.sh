#!/usr/bin/env bash
# Runs every Swift test on Linux: the binding tests and the iOS package's
# sync-layer tests, as `swift build` + `swift test` of
# ios/ inside the Debian trixie Swift root made by setup-toolchains.sh.
#
#   scripts/test-swift.sh
#
# 1. scripts/generate-bindings.sh builds heat-ffi (debug) and generates the
#    Swift bindings into target/bindings/swift/;
# 2. a copy of ios/ gets the package inputs the repository does not hold:
#    the generated FlowStateHeat.swift, the FFI header and module map, and
#    libheat_ffi.a; tests/fixtures/ sits beside it as in the repository;
# 3. scripts/swift-chroot.sh runs swift build and swift test on that copy.
#
# Prints the XCTest count; fails when the toolchain is missing, a build or a
# test fails, or no test ran.
set -Eeuo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
die() { printf 'test-swift: ERROR: %s\n' "$*" >&2; exit 1; }

env_sh="${HEAT_TOOLCHAINS:-/opt/flowstate-toolchains}/env.sh"
[[ -f $env_sh ]] || die "$env_sh is missing: run scripts/setup-toolchains.sh first"
# shellcheck source=/dev/null
source "$env_sh"
[[ -n ${SWIFT_ROOT:-} && -d $SWIFT_ROOT ]] || die "SWIFT_ROOT from $env_sh is not a directory"

"$ROOT/scripts/generate-bindings.sh" >&2

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
cp -R "$ROOT/ios/Package.swift" "$ROOT/ios/Sources" "$ROOT/ios/Tests" "$package/"
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
    swift build --package-path ios
    swift test --package-path ios --disable-swift-testing
' 2>&1 | tee "$log" || status=$?

# XCTest ends with the "All tests" suite: "Executed N tests, with F failures ...".
summary=$(grep -E "^[[:space:]]*Executed [0-9]+ tests?, with [0-9]+ failures?" "$log" | tail -n1 || true)
[[ $status -eq 0 ]] || die "swift build/test failed (exit $status; log: $log)"
[[ -n $summary ]] || die "no XCTest summary in the output (log: $log)"
executed=$(sed -E 's/^[[:space:]]*Executed ([0-9]+) tests?.*/\1/' <<<"$summary")
[[ $executed -gt 0 ]] || die "XCTest ran no tests"
echo "Swift (XCTest):${summary}"
