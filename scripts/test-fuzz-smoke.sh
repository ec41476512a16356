#!/usr/bin/env bash
# Fuzz smoke run (docs/reliability.md, "Fuzzing"): builds the cargo-fuzz
# targets in fuzz/ with the stable toolchain and runs each one for a few
# seconds, seeded with the fixture files in tests/fixtures. Fails on a crash,
# a hang, or a missing tool (it never skips).
#
# cargo-fuzz passes nightly-only flags (sancov instrumentation, and
# -Zsanitizer=address unless told otherwise); RUSTC_BOOTSTRAP=1 lets the
# stable compiler accept them. The smoke run builds without ASan (the core
# has no unsafe code, and ASan slows the reconcile target 30-fold); debug
# assertions and overflow checks stay on. The documented long runs are in
# docs/reliability.md. FUZZ_SECONDS sets the time per target; new inputs go
# to fuzz/corpus/<target> (not committed).
set -euo pipefail
cd "$(dirname "$0")/.."

seconds=${FUZZ_SECONDS:-8}
command -v cargo-fuzz >/dev/null \
    || { echo "cargo-fuzz is missing: cargo install cargo-fuzz --locked" >&2; exit 1; }
export RUSTC_BOOTSTRAP=1

# The reconcile target keeps its store under $TMPDIR: on tmpfs when there
# is one, and removed afterwards.
TMPDIR=$(mktemp -d -p "$([ -d /dev/shm ] && echo /dev/shm || echo "${TMPDIR:-/tmp}")")
export TMPDIR
trap 'rm -rf "$TMPDIR"' EXIT

cd fuzz
build=(--sanitizer none --target-dir target/no-sanitizer)
cargo fuzz build "${build[@]}"
targets=(event_json reconcile ics)
declare -A seeds=([event_json]=../tests/fixtures [reconcile]="" [ics]=../tests/fixtures/ics)
for target in "${targets[@]}"; do
    mkdir -p "corpus/$target"
    log=$(mktemp)
    echo "==> fuzz $target for ${seconds}s"
    # shellcheck disable=SC2086 # the seed directory is one word or none
    if ! cargo fuzz run "${build[@]}" "$target" "corpus/$target" ${seeds[$target]} -- \
        -max_total_time="$seconds" -timeout=10 -print_final_stats=1 >"$log" 2>&1; then
        tail -n 60 "$log"
        echo "fuzz target $target failed (crash input in fuzz/artifacts/$target)" >&2
        exit 1
    fi
    runs=$(grep -o 'stat::number_of_executed_units: *[0-9]*' "$log" | grep -o '[0-9]*$')
    echo "    $runs executions, no crash"
    rm -f "$log"
done
