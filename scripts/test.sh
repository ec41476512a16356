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

stage() {
    local name=$1
    shift
    printf '\n==> %s\n' "$name"
    if "$@"; then
        passed=$((passed + 1))
    else
        failed=$((failed + 1))
        failures+=("$name")
    fi
}

stage "toolchains" scripts/setup-toolchains.sh
stage "rustfmt" cargo fmt --all --check
stage "clippy" cargo clippy --workspace --all-targets -- -D warnings
# Production code only (tests may be long); the threshold is in clippy.toml.
stage "long functions" cargo clippy --workspace --lib --bins -- -D clippy::too_many_lines
stage "rust tests" cargo test --workspace
for suite in scripts/test-kotlin-bindings.sh scripts/test-swift.sh scripts/test-android-jvm.sh \
    scripts/bench-smoke.sh scripts/test-fuzz-smoke.sh; do
    stage "$suite" "$suite"
done

printf '\n==> summary\n'
for name in "${failures[@]}"; do
    printf 'FAILED: %s\n' "$name"
done
echo "stages: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
