#!/usr/bin/env bash
# The ICS differential test (docs/ics.md): heat-ics against
# recurring_ical_events, an independent RFC 5545 reader from the Python
# package index, over every file of tests/fixtures/ics/ for a 90-day window.
# Differences must be listed in docs/ics.md with the RFC text that justifies
# ours. Needs the venv of scripts/setup-toolchains.sh; fails (never skips)
# when it is missing.
set -euo pipefail
cd "$(dirname "$0")/.."

HEAT_TOOLCHAINS="${HEAT_TOOLCHAINS:-/opt/flowstate-toolchains}"
python="$HEAT_TOOLCHAINS/python/bin/python"
[[ -x $python ]] || { echo "no Python venv at $HEAT_TOOLCHAINS/python: run scripts/setup-toolchains.sh" >&2; exit 1; }
"$python" -c 'import recurring_ical_events' \
    || { echo "recurring_ical_events is missing: run scripts/setup-toolchains.sh" >&2; exit 1; }

cargo build --quiet -p heat-ics --example ics_occurrences
binary="${CARGO_TARGET_DIR:-target}/debug/examples/ics_occurrences"
"$python" scripts/ics-oracle/differential.py "$binary" tests/fixtures/ics docs/ics.md
