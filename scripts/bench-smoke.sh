#!/usr/bin/env bash
# CI smoke run of the benchmarks: `heat bench --quick --json` must finish and
# print every workload and ratio docs/performance.md quotes. It checks shape,
# not speed: timings on a shared CI machine are no verdict (the figures in the
# docs come from full runs of `heat bench`).
set -Eeuo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
cargo build --release -q -p heat-cli
out="${CARGO_TARGET_DIR:-target}/bench-quick.json"
start=$(date +%s)
./target/release/heat bench --quick --json > "$out"
echo "heat bench --quick --json took $(( $(date +%s) - start )) s; figures in $out"
python3 - "$out" <<'PY'
import json, sys
report = json.load(open(sys.argv[1]))
workloads = ["noop_week", "one_move_week", "cold_fill_quarter", "noop_quarter",
             "naive_replace", "crud_diff", "hash_only", "sqlite_bulk_insert",
             "sync_job_noop", "cancel_latency"]
fields = ["medianMicros", "minMicros", "maxMicros", "rowsWritten", "events"]
missing = [f"{w}.{f}" for w in workloads for f in fields if f not in report["workloads"].get(w, {})]
ratios = ["noop_week/hash_only", "naive_replace/noop_quarter", "crud_diff/noop_quarter",
          "cold_fill_quarter/sqlite_bulk_insert", "sync_job_noop/noop_quarter"]
missing += [r for r in ratios if r not in report["ratios"]]
if any(report["workloads"][w]["rowsWritten"] != 0 for w in ["noop_week", "noop_quarter", "sync_job_noop"]):
    missing.append("no-op workloads must write no rows")
if missing:
    sys.exit("bench smoke: missing or wrong: " + ", ".join(missing))
for name, value in report["ratios"].items():
    print(f"  {name:40} {value}")
print("bench smoke: 1 passed, 0 failed")
PY
