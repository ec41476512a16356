#!/usr/bin/env bash
# The whole test suite, on a fresh machine (run as root: it installs the
# toolchains the binding suites need). Every stage runs even when an earlier
# one fails, so one run shows everything that is wrong; the exit status is
# non-zero if any stage failed.
set -uo pipefail
cd "$(dirname "$0")/.." || exit 1

passed=0
failed=0
failures=()
timings=()
suite_started=$SECONDS

stage() {
    local name=$1
    shift
    printf '\n==> %s\n' "$name"
    local started=$SECONDS verdict=ok
    if "$@"; then
        passed=$((passed + 1))
    else
        failed=$((failed + 1))
        failures+=("$name")
        verdict=FAILED
    fi
    local took=$((SECONDS - started))
    timings+=("$(printf '%5d s  %-6s %s' "$took" "$verdict" "$name")")
    printf '<== %s: %s in %d s\n' "$name" "$verdict" "$took"
}

stage "toolchains" scripts/setup-toolchains.sh
stage "rustfmt" cargo fmt --all --check
# heat-ffi's test seams (exports only the binding tests call) are checked too.
stage "clippy" cargo clippy --workspace --all-targets --features heat-ffi/test-seams -- -D warnings
# Production code only (tests may be long); the threshold is in clippy.toml.
stage "long functions" cargo clippy --workspace --lib --bins -- -D clippy::too_many_lines
stage "rust tests" cargo test --workspace --features heat-ffi/test-seams
# The phone build: no bundled zone database, the device's rules (docs/time-zones.md).
stage "phone build (no bundled zone rules)" cargo clippy -p heat-core -p heat-ffi --no-default-features -- -D warnings
# What an app ships must not carry the test seams' JSON parser, the bundled
# zone database or the importer (docs/adr/0017; README "Performance").
stage "phone library dependencies" bash -c \
    '! cargo tree -p heat-ffi --no-default-features -e normal | grep -E "serde_json|chrono-tz|heat-ics|rrule|regex"' 
stage "ics differential" scripts/test-ics-differential.sh
for suite in scripts/test-kotlin-bindings.sh scripts/test-swift.sh scripts/test-android-jvm.sh \
    scripts/bench-smoke.sh scripts/test-fuzz-smoke.sh; do
    stage "$suite" "$suite"
done

printf '\n==> summary (stage times)\n'
printf '%s\n' "${timings[@]}"
printf '%5d s  total\n' $((SECONDS - suite_started))
for name in "${failures[@]}"; do
    printf 'FAILED: %s\n' "$name"
done
echo "stages: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
