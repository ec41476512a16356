"""The ICS differential test: for every file of tests/fixtures/ics/, the
occurrences heat-ics imports for a 90-day window must equal those of
recurring_ical_events (an independent RFC 5545 reader), except the
differences listed in docs/ics.md ("Known differences from the oracle"),
each justified there by RFC text. A listed difference that no longer
occurs is an error too, so the list stays true.

    differential.py OCCURRENCES_BINARY FIXTURE_DIR DOCS_ICS_MD

Occurrences are compared as `START..END SUMMARY` in UTC (timed) or as
dates (all-day). The window is UTC, so floating times read as UTC on both
sides. Prints per-file counts; never prints anything but fixture text.
"""

import datetime as dt
import json
import pathlib
import re
import subprocess
import sys
from collections import Counter

import icalendar
import recurring_ical_events

FROM = dt.date(2026, 10, 1)
DAYS = 90
UTC = dt.timezone.utc


def ours(binary, path):
    run = subprocess.run(
        [binary, str(path), FROM.isoformat(), str(DAYS), "UTC"],
        capture_output=True, text=True, check=False,
    )
    if run.returncode != 0:
        raise SystemExit(f"{path.name}: heat-ics failed: {run.stderr.strip()}")
    out = json.loads(run.stdout)
    occurrences = Counter()
    for event in out["events"]:
        if event.get("allDay"):
            key = f'{event["startDate"]}..{event["endDate"]}'
        else:
            key = f'{utc_text(event["start"])}..{utc_text(event["end"])}'
        occurrences[f'{key} {event["title"]}'.strip()] += 1
    return occurrences, len(out["skipped"]), len(out["warnings"])


def utc_text(rfc3339):
    return dt.datetime.fromisoformat(rfc3339.replace("Z", "+00:00")).astimezone(UTC).strftime("%Y-%m-%dT%H:%MZ")


def as_text(value):
    if isinstance(value, dt.datetime):
        if value.tzinfo is None:
            value = value.replace(tzinfo=UTC)  # floating: the window's zone
        return value.astimezone(UTC).strftime("%Y-%m-%dT%H:%MZ")
    return value.isoformat()


REFUSED = "refuses the file"


def oracle(path):
    """The oracle's occurrences, or None when it cannot read the file."""
    try:
        # An iCalendar stream may hold several objects (RFC 5545 §3.4).
        calendars = icalendar.Calendar.from_ical(path.read_bytes(), multiple=True)
    except ValueError:
        return None
    if not calendars:
        return None  # e.g. a truncated file: no complete VCALENDAR
    start = dt.datetime.combine(FROM, dt.time(), UTC)
    end = start + dt.timedelta(days=DAYS)
    occurrences = Counter()
    events = [
        event
        for calendar in calendars
        for event in recurring_ical_events.of(calendar, skip_bad_series=True).between(start, end)
    ]
    for event in events:
        begin = event.decoded("DTSTART")
        if "DTEND" in event:
            finish = event.decoded("DTEND")
        elif "DURATION" in event:
            finish = begin + event.decoded("DURATION")
        elif isinstance(begin, dt.datetime):
            finish = begin
        else:
            finish = begin + dt.timedelta(days=1)
        summary = str(event.get("SUMMARY", ""))
        occurrences[f"{as_text(begin)}..{as_text(finish)} {summary}".strip()] += 1
    return occurrences


ROW = re.compile(r"^\|\s*`([^`]+\.ics)`\s*\|\s*(ours|oracle)\s*\|\s*([^|]+?)\s*\|")


def known_differences(docs):
    """(file, side, occurrence) rows of the table in docs/ics.md."""
    known = Counter()
    for line in pathlib.Path(docs).read_text(encoding="utf-8").splitlines():
        match = ROW.match(line)
        if match:
            known[match.groups()] += 1
    return known


def main():
    binary, fixtures, docs = sys.argv[1:4]
    known = known_differences(docs)
    seen = Counter()
    failures = []
    files = sorted(pathlib.Path(fixtures).glob("*.ics"))
    if not files:
        raise SystemExit(f"no .ics files in {fixtures}")
    compared = 0
    for path in files:
        mine, skipped, warnings = ours(binary, path)
        theirs = oracle(path)
        if theirs is None:
            # Nothing to compare with: the refusal itself must be listed.
            key = (path.name, "oracle", REFUSED)
            if known[key]:
                seen[key] += 1
            else:
                failures.append(f"{path.name}: the oracle refuses the file")
            print(f"{path.name}: {sum(mine.values())} ours, oracle refuses the file")
            continue
        compared += sum(mine.values())
        for side, extra in (("ours", mine - theirs), ("oracle", theirs - mine)):
            for occurrence, count in extra.items():
                for _ in range(count):
                    key = (path.name, side, occurrence)
                    if seen[key] < known[key]:
                        seen[key] += 1
                    else:
                        failures.append(f"{path.name}: only in {side}: {occurrence}")
        print(f"{path.name}: {sum(mine.values())} ours, {sum(theirs.values())} oracle, "
              f"{skipped} skipped, {warnings} warnings", flush=True)
    for key, count in (known - seen).items():
        failures.append(f"{key[0]}: listed difference no longer occurs ({key[1]}): {key[2]}")
    print(f"{len(files)} files, {compared} occurrences of ours compared, "
          f"{sum(seen.values())} listed differences")
    if failures:
        print("\n".join(["FAILED:"] + failures))
        sys.exit(1)


if __name__ == "__main__":
    main()
