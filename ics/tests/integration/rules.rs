//! One test per ICS import rule (`docs/contract.md` "iCalendar import", ADR
//! 0005, `docs/ics.md`), each on a small hand-made calendar, each failing if
//! its rule breaks.

use std::collections::HashSet;
use std::time::Instant;

use crate::support::{start_key, utc_minute};
use heat_core::ZoneDatabase;
use heat_core::{
    Availability, EventStatus, EventTime, Participation, SourceEvent, TimeWindow, window_of_days,
};
use heat_ics::{IcsIssue, events_from_ics, import_ics};

/// A VCALENDAR around `events` (VEVENT bodies, `|`-separated lines).
fn calendar(events: &[&str]) -> String {
    let mut text = String::from("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Heat//Tests//EN\r\n");
    for body in events {
        text.push_str("BEGIN:VEVENT\r\n");
        for line in body.split('|') {
            text.push_str(line.trim());
            text.push_str("\r\n");
        }
        text.push_str("END:VEVENT\r\n");
    }
    text.push_str("END:VCALENDAR\r\n");
    text
}

fn days(start: &str, n: u32, zone: &str) -> TimeWindow {
    window_of_days(&ZoneDatabase::bundled(), start, n, zone).unwrap()
}

fn import(events: &[&str], window: &TimeWindow) -> Vec<SourceEvent> {
    import_as(events, window, None)
}

fn import_as(events: &[&str], window: &TimeWindow, me: Option<&str>) -> Vec<SourceEvent> {
    let mut out = events_from_ics(&calendar(events), window, me).unwrap();
    out.sort_by_key(|e| start_key(&e.time));
    out
}

/// The one skipped component of a calendar of `events` (no event imported).
fn skipped(events: &[&str], window: &TimeWindow) -> IcsIssue {
    let import = import_ics(&calendar(events), window, None).unwrap();
    assert!(import.events.is_empty(), "{:?}", import.events);
    match <[IcsIssue; 1]>::try_from(import.skipped) {
        Ok([issue]) => issue,
        Err(all) => panic!("expected one skipped component, got {all:?}"),
    }
}

/// `start..end` of every event, in UTC.
fn spans(events: &[SourceEvent]) -> Vec<String> {
    events
        .iter()
        .map(|e| match &e.time {
            EventTime::Timed { start_ms, end_ms } => {
                format!("{}..{}", utc_minute(*start_ms), utc_minute(*end_ms))
            }
            EventTime::AllDay { start_date, end_date } => format!("{start_date}..{end_date}"),
        })
        .collect()
}

fn ids(events: &[SourceEvent]) -> Vec<&str> {
    events.iter().map(|e| e.id.as_str()).collect()
}

// ---- RRULE parts -------------------------------------------------------

#[test]
fn count_limits_the_number_of_occurrences() {
    let events = import(
        &["UID:c|DTSTART:20261102T090000Z|DTEND:20261102T100000Z|RRULE:FREQ=DAILY;COUNT=3"],
        &days("2026-11-01", 30, "UTC"),
    );
    assert_eq!(
        spans(&events),
        [
            "2026-11-02T09:00Z..2026-11-02T10:00Z",
            "2026-11-03T09:00Z..2026-11-03T10:00Z",
            "2026-11-04T09:00Z..2026-11-04T10:00Z"
        ]
    );
}

#[test]
fn until_is_inclusive_and_ends_the_series() {
    let events = import(
        &["UID:u|DTSTART;TZID=Europe/Berlin:20261102T090000|RRULE:FREQ=WEEKLY;UNTIL=20261116T080000Z"],
        &days("2026-11-01", 60, "Europe/Berlin"),
    );
    assert_eq!(
        ids(&events),
        [
            "u@2026-11-02T08:00:00Z",
            "u@2026-11-09T08:00:00Z",
            "u@2026-11-16T08:00:00Z"
        ]
    );
}

#[test]
fn byday_picks_weekdays_and_ordinal_weekdays() {
    let window = days("2026-11-01", 30, "UTC");
    let weekdays = import(
        &["UID:w|DTSTART:20261102T090000Z|RRULE:FREQ=WEEKLY;BYDAY=MO,WE,FR;COUNT=6"],
        &window,
    );
    let dates: Vec<_> = spans(&weekdays).iter().map(|s| s[..10].to_owned()).collect();
    assert_eq!(
        dates,
        [
            "2026-11-02",
            "2026-11-04",
            "2026-11-06",
            "2026-11-09",
            "2026-11-11",
            "2026-11-13"
        ]
    );
    let last_friday = import(
        &["UID:l|DTSTART:20261030T160000Z|RRULE:FREQ=MONTHLY;BYDAY=-1FR"],
        &days("2026-11-01", 90, "UTC"),
    );
    assert_eq!(
        ids(&last_friday),
        [
            "l@2026-11-27T16:00:00Z",
            "l@2026-12-25T16:00:00Z",
            "l@2027-01-29T16:00:00Z"
        ]
    );
}

#[test]
fn bymonthday_skips_months_without_that_day() {
    let events = import(
        &["UID:m|DTSTART:20260131T120000Z|RRULE:FREQ=MONTHLY;BYMONTHDAY=31"],
        &days("2026-02-01", 200, "UTC"),
    );
    let dates: Vec<_> = spans(&events).iter().map(|s| s[..10].to_owned()).collect();
    assert_eq!(dates, ["2026-03-31", "2026-05-31", "2026-07-31"]);
}

#[test]
fn rdate_adds_and_exdate_removes_occurrences() {
    let events = import(
        &[
            "UID:r|DTSTART:20261102T090000Z|DURATION:PT30M|RRULE:FREQ=DAILY;COUNT=3\
           |RDATE:20261110T150000Z|EXDATE:20261103T090000Z",
        ],
        &days("2026-11-01", 30, "UTC"),
    );
    assert_eq!(
        ids(&events),
        [
            "r@2026-11-02T09:00:00Z",
            "r@2026-11-04T09:00:00Z",
            "r@2026-11-10T15:00:00Z"
        ]
    );
}

#[test]
fn a_date_only_exdate_excludes_that_days_occurrence_on_the_series_clock() {
    // Google: a 09:00 New York series whose EXDATE names only the day.
    let events = import(
        &[
            "UID:g|DTSTART;TZID=America/New_York:20261102T090000|DURATION:PT30M|RRULE:FREQ=DAILY;COUNT=3\
           |EXDATE;VALUE=DATE:20261103",
        ],
        &days("2026-11-01", 7, "Asia/Tokyo"),
    );
    assert_eq!(ids(&events), ["g@2026-11-02T14:00:00Z", "g@2026-11-04T14:00:00Z"]);
}

#[test]
fn an_rdate_period_lasts_the_period_not_the_series_length() {
    let events = import(
        &[
            "UID:p|DTSTART:20261102T090000Z|DURATION:PT30M|RDATE;VALUE=PERIOD:20261105T140000Z/20261105T170000Z,\
           20261106T080000Z/PT2H",
        ],
        &days("2026-11-01", 30, "UTC"),
    );
    assert_eq!(
        spans(&events),
        [
            "2026-11-02T09:00Z..2026-11-02T09:30Z",
            "2026-11-05T14:00Z..2026-11-05T17:00Z",
            "2026-11-06T08:00Z..2026-11-06T10:00Z"
        ]
    );
}

#[test]
fn exdates_and_rdates_may_mix_dates_and_date_times() {
    // An all-day series: a DATE-TIME EXDATE removes its date.
    let all_day = import(
        &[
            "UID:a|DTSTART;VALUE=DATE:20261102|RRULE:FREQ=DAILY;COUNT=3|EXDATE:20261103T000000|RDATE;VALUE=DATE:20261110",
        ],
        &days("2026-11-01", 30, "UTC"),
    );
    assert_eq!(ids(&all_day), ["a@2026-11-02", "a@2026-11-04", "a@2026-11-10"]);
    // A timed series: DATE-TIME and DATE values in one EXDATE list.
    let timed = import(
        &["UID:t|DTSTART:20261102T000000Z|RRULE:FREQ=DAILY;COUNT=4|EXDATE:20261103T000000Z,20261104"],
        &days("2026-11-01", 30, "UTC"),
    );
    assert_eq!(ids(&timed), ["t@2026-11-02T00:00:00Z", "t@2026-11-05T00:00:00Z"]);
}

// ---- RECURRENCE-ID overrides ----------------------------------------------

const WEEKLY: &str = "UID:s|SUMMARY:Series|DTSTART:20261102T090000Z|DTEND:20261102T100000Z|RRULE:FREQ=WEEKLY";

#[test]
fn a_moved_occurrence_replaces_the_original_and_keeps_its_id() {
    let events = import(
        &[
            WEEKLY,
            "UID:s|RECURRENCE-ID:20261109T090000Z|SUMMARY:Moved|DTSTART:20261110T140000Z|DTEND:20261110T150000Z",
        ],
        &days("2026-11-01", 14, "UTC"),
    );
    assert_eq!(
        spans(&events),
        [
            "2026-11-02T09:00Z..2026-11-02T10:00Z",
            "2026-11-10T14:00Z..2026-11-10T15:00Z"
        ]
    );
    assert_eq!(ids(&events)[1], "s@2026-11-09T09:00:00Z");
    assert_eq!(events[1].title, "Moved");
}

#[test]
fn an_override_of_an_excluded_occurrence_is_not_shown() {
    // By its exact start, or (a timed series) by a date-only EXDATE of its day.
    for exdate in ["EXDATE:20261109T090000Z", "EXDATE;VALUE=DATE:20261109"] {
        let events = import(
            &[
                &format!("{WEEKLY}|{exdate}"),
                "UID:s|RECURRENCE-ID:20261109T090000Z|SUMMARY:Moved|DTSTART:20261110T140000Z|DTEND:20261110T150000Z",
            ],
            &days("2026-11-01", 14, "UTC"),
        );
        assert_eq!(ids(&events), ["s@2026-11-02T09:00:00Z"], "{exdate}");
    }
}

#[test]
fn an_override_as_new_as_its_series_stays_where_the_series_no_longer_goes() {
    let events = import(
        &[
            "UID:s|SEQUENCE:2|DTSTART:20261102T090000Z|DTEND:20261102T100000Z|RRULE:FREQ=WEEKLY;COUNT=1",
            "UID:s|SEQUENCE:2|RECURRENCE-ID:20261109T090000Z|DTSTART:20261110T140000Z|DTEND:20261110T150000Z",
        ],
        &days("2026-11-01", 14, "UTC"),
    );
    assert_eq!(ids(&events), ["s@2026-11-02T09:00:00Z", "s@2026-11-09T09:00:00Z"]);
}

#[test]
fn many_older_overrides_of_a_long_series_cost_no_expansion_outside_the_window() {
    // A daily series since 2000 (SEQUENCE 2) with 3,000 older overrides of
    // past days (SEQUENCE 1, as Confluence writes them): checking each one
    // from DTSTART would step through ~28 million occurrences.
    let mut events =
        vec!["UID:d|SEQUENCE:2|DTSTART:20000101T090000Z|DURATION:PT15M|RRULE:FREQ=DAILY".to_owned()];
    let first = chrono::NaiveDate::from_ymd_opt(2010, 1, 1).unwrap();
    for day in first.iter_days().take(3_000) {
        let d = day.format("%Y%m%d");
        events.push(format!(
            "UID:d|SEQUENCE:1|RECURRENCE-ID:{d}T090000Z|DTSTART:{d}T100000Z|DURATION:PT15M"
        ));
    }
    let refs: Vec<&str> = events.iter().map(String::as_str).collect();
    let import = import_ics(&calendar(&refs), &days("2026-11-02", 2, "UTC"), None).unwrap();
    assert!(
        import.skipped.is_empty() && import.warnings.is_empty(),
        "{:?}",
        import.skipped
    );
    assert_eq!(
        ids(&import.events),
        ["d@2026-11-02T09:00:00Z", "d@2026-11-03T09:00:00Z"]
    );
}

#[test]
fn a_cancelled_occurrence_stays_as_cancelled() {
    let events = import(
        &[
            WEEKLY,
            "UID:s|RECURRENCE-ID:20261109T090000Z|STATUS:CANCELLED|DTSTART:20261109T090000Z|DTEND:20261109T100000Z",
        ],
        &days("2026-11-01", 14, "UTC"),
    );
    let statuses: Vec<_> = events.iter().map(|e| (e.id.as_str(), e.status)).collect();
    assert_eq!(
        statuses,
        [
            ("s@2026-11-02T09:00:00Z", EventStatus::Confirmed),
            ("s@2026-11-09T09:00:00Z", EventStatus::Cancelled)
        ]
    );
}

#[test]
fn an_occurrence_moved_out_of_the_window_disappears_from_it() {
    let events = import(
        &[
            WEEKLY,
            "UID:s|RECURRENCE-ID:20261109T090000Z|DTSTART:20261201T090000Z|DTEND:20261201T100000Z",
        ],
        &days("2026-11-01", 14, "UTC"),
    );
    assert_eq!(ids(&events), ["s@2026-11-02T09:00:00Z"]);
}

#[test]
fn an_occurrence_moved_into_the_window_appears_in_it() {
    let events = import(
        &[
            WEEKLY,
            "UID:s|RECURRENCE-ID:20261207T090000Z|DTSTART:20261103T070000Z|DTEND:20261103T080000Z",
        ],
        &days("2026-11-01", 7, "UTC"),
    );
    assert_eq!(ids(&events), ["s@2026-11-02T09:00:00Z", "s@2026-12-07T09:00:00Z"]);
    assert_eq!(spans(&events)[1], "2026-11-03T07:00Z..2026-11-03T08:00Z");
}

#[test]
fn this_and_future_shifts_and_changes_every_later_occurrence() {
    let events = import(
        &[
            WEEKLY,
            "UID:s|RECURRENCE-ID;RANGE=THISANDFUTURE:20261116T090000Z|SUMMARY:Later\
             |DTSTART:20261116T110000Z|DTEND:20261116T113000Z",
        ],
        &days("2026-11-01", 28, "UTC"),
    );
    assert_eq!(
        spans(&events),
        [
            "2026-11-02T09:00Z..2026-11-02T10:00Z",
            "2026-11-09T09:00Z..2026-11-09T10:00Z",
            "2026-11-16T11:00Z..2026-11-16T11:30Z",
            "2026-11-23T11:00Z..2026-11-23T11:30Z"
        ]
    );
    let titles: Vec<_> = events.iter().map(|e| e.title.as_str()).collect();
    assert_eq!(titles, ["Series", "Series", "Later", "Later"]);
    assert_eq!(ids(&events)[3], "s@2026-11-23T09:00:00Z");
}

// ---- Zones ------------------------------------------------------------------

#[test]
fn weekly_local_time_stays_put_across_dst_in_berlin_and_new_york() {
    for (zone, expected) in [
        (
            "Europe/Berlin",
            ["2026-10-19T07:00Z", "2026-10-26T08:00Z", "2026-11-02T08:00Z"],
        ),
        (
            "America/New_York",
            ["2026-10-19T13:00Z", "2026-10-26T13:00Z", "2026-11-02T14:00Z"],
        ),
    ] {
        let series = format!("UID:d|DTSTART;TZID={zone}:20261005T090000|DURATION:PT1H|RRULE:FREQ=WEEKLY");
        let events = import(&[&series], &days("2026-10-19", 21, zone));
        let starts: Vec<_> = spans(&events).iter().map(|s| s[..17].to_owned()).collect();
        assert_eq!(starts, expected, "{zone}");
        // The end follows the start (a one-hour meeting stays one hour).
        assert!(events.iter().all(
            |e| matches!(e.time, EventTime::Timed { start_ms, end_ms } if end_ms - start_ms == 3_600_000)
        ));
    }
}

#[test]
fn windows_zone_names_map_to_their_iana_zones() {
    let window = days("2026-11-02", 1, "UTC");
    for (tzid, utc_start) in [
        ("W. Europe Standard Time", "2026-11-02T08:00Z"),
        ("Romance Standard Time", "2026-11-02T08:00Z"),
        ("GMT Standard Time", "2026-11-02T09:00Z"),
        ("Eastern Standard Time", "2026-11-02T14:00Z"),
        ("Pacific Standard Time", "2026-11-02T17:00Z"),
        ("Tokyo Standard Time", "2026-11-02T00:00Z"),
        ("AUS Eastern Standard Time", "2026-11-01T22:00Z"),
        ("India Standard Time", "2026-11-02T03:30Z"),
    ] {
        let event = format!("UID:x|DTSTART;TZID=\"{tzid}\":20261102T090000");
        let window = if utc_start.starts_with("2026-11-01") {
            days("2026-11-01", 2, "UTC")
        } else {
            window.clone()
        };
        let events = import(&[&event], &window);
        assert_eq!(spans(&events), [format!("{utc_start}..{utc_start}")], "{tzid}");
    }
}

/// A calendar whose one VTIMEZONE (TZID "Custom") has `observances`, and a
/// weekly 09:00 series in it.
fn custom_zone_calendar(observances: &str) -> String {
    format!(
        "BEGIN:VCALENDAR\r\nBEGIN:VTIMEZONE\r\nTZID:Custom\r\n{observances}END:VTIMEZONE\r\n\
         BEGIN:VEVENT\r\nUID:f\r\nDTSTART;TZID=Custom:20261019T090000\r\nRRULE:FREQ=WEEKLY\r\n\
         END:VEVENT\r\nEND:VCALENDAR\r\n"
    )
}

fn observance(kind: &str, start: &str, from: &str, to: &str, rule: &str) -> String {
    format!(
        "BEGIN:{kind}\r\nDTSTART:{start}\r\nTZOFFSETFROM:{from}\r\nTZOFFSETTO:{to}\r\n{rule}END:{kind}\r\n"
    )
}

#[test]
fn a_files_own_vtimezone_is_evaluated_from_its_rules() {
    let window = days("2026-10-19", 14, "UTC");
    let starts = |text: &str| -> Vec<String> {
        let import = import_ics(text, &window, None).unwrap();
        assert!(
            import.warnings.is_empty() && import.skipped.is_empty(),
            "{import:?}"
        );
        spans(&import.events).iter().map(|s| s[..17].to_owned()).collect()
    };
    let fixed = custom_zone_calendar(&observance("STANDARD", "19700101T000000", "+0300", "+0300", ""));
    assert_eq!(starts(&fixed), ["2026-10-19T06:00Z", "2026-10-26T06:00Z"]);

    // Outlook's "Customized Time Zone": Central European rules, no known name.
    let yearly = |month: u32| format!("RRULE:FREQ=YEARLY;INTERVAL=1;BYDAY=-1SU;BYMONTH={month}\r\n");
    let central = observance("STANDARD", "16010101T030000", "+0200", "+0100", &yearly(10))
        + &observance("DAYLIGHT", "16010101T020000", "+0100", "+0200", &yearly(3));
    assert_eq!(
        starts(&custom_zone_calendar(&central)),
        ["2026-10-19T07:00Z", "2026-10-26T08:00Z"]
    );

    // Rules no IANA zone follows (+04:15 / +03:15): read as written.
    let odd = observance("STANDARD", "16010101T030000", "+0415", "+0315", &yearly(10))
        + &observance("DAYLIGHT", "16010101T020000", "+0315", "+0415", &yearly(3));
    assert_eq!(
        starts(&custom_zone_calendar(&odd)),
        ["2026-10-19T04:45Z", "2026-10-26T05:45Z"]
    );
}

#[test]
fn floating_times_are_read_in_the_window_zone() {
    let event = ["UID:fl|DTSTART:20261102T090000|DTEND:20261102T100000|RRULE:FREQ=DAILY;COUNT=2"];
    let tokyo = import(&event, &days("2026-11-02", 2, "Asia/Tokyo"));
    assert_eq!(spans(&tokyo)[0], "2026-11-02T00:00Z..2026-11-02T01:00Z");
    let berlin = import(&event, &days("2026-11-02", 2, "Europe/Berlin"));
    assert_eq!(spans(&berlin)[0], "2026-11-02T08:00Z..2026-11-02T09:00Z");
    // Ids of floating occurrences name the wall time, so they do not change with the zone.
    assert_eq!(ids(&tokyo), ids(&berlin));
    assert_eq!(ids(&tokyo)[0], "fl@2026-11-02T09:00:00");
}

#[test]
fn floating_times_are_read_on_x_wr_timezone_when_the_calendar_names_one() {
    let text = calendar(&[
        "UID:fl|DTSTART:20261102T090000|DTEND:20261102T100000|RRULE:FREQ=DAILY;COUNT=2|EXDATE:20261103T090000",
    ])
    .replace("VERSION:2.0\r\n", "VERSION:2.0\r\nX-WR-TIMEZONE:America/Chicago\r\n");
    for zone in ["Asia/Tokyo", "UTC"] {
        let import = import_ics(&text, &days("2026-11-01", 4, zone), None).unwrap();
        assert_eq!(
            spans(&import.events),
            ["2026-11-02T15:00Z..2026-11-02T16:00Z"],
            "{zone}"
        );
        assert!(import.warnings.is_empty(), "{import:?}");
    }
}

#[test]
fn a_vtimezone_observance_starting_on_a_date_starts_at_its_midnight() {
    let window = days("2026-10-19", 14, "UTC");
    let yearly = |month: u32| format!("RRULE:FREQ=YEARLY;BYDAY=-1SU;BYMONTH={month}\r\n");
    let central = observance("STANDARD", "19701025", "+0200", "+0100", &yearly(10))
        + &observance("DAYLIGHT", "19700329", "+0100", "+0200", &yearly(3));
    let import = import_ics(&custom_zone_calendar(&central), &window, None).unwrap();
    assert!(import.warnings.is_empty(), "{import:?}");
    let starts: Vec<String> = spans(&import.events).iter().map(|s| s[..17].to_owned()).collect();
    assert_eq!(starts, ["2026-10-19T07:00Z", "2026-10-26T08:00Z"]);
}

// ---- Dates and lengths -------------------------------------------------------

#[test]
fn value_date_is_all_day_and_an_all_day_series_expands_by_dates() {
    let window = days("2026-11-01", 30, "Europe/Berlin");
    let single = import(&["UID:a|DTSTART;VALUE=DATE:20261105"], &window);
    assert_eq!(spans(&single), ["2026-11-05..2026-11-06"]);
    assert_eq!(ids(&single), ["a"]);
    let trip = import(
        &["UID:t|DTSTART;VALUE=DATE:20261110|DTEND;VALUE=DATE:20261113"],
        &window,
    );
    assert_eq!(spans(&trip), ["2026-11-10..2026-11-13"]);
    let weekly = import(
        &["UID:w|DTSTART;VALUE=DATE:20261102|DTEND;VALUE=DATE:20261103|RRULE:FREQ=WEEKLY;UNTIL=20261116"],
        &window,
    );
    assert_eq!(
        spans(&weekly),
        [
            "2026-11-02..2026-11-03",
            "2026-11-09..2026-11-10",
            "2026-11-16..2026-11-17"
        ]
    );
    assert_eq!(ids(&weekly), ["w@2026-11-02", "w@2026-11-09", "w@2026-11-16"]);
}

#[test]
fn duration_sets_the_length_and_days_are_nominal_across_dst() {
    let window = days("2026-10-24", 3, "Europe/Berlin");
    let short = import(
        &["UID:p|DTSTART;TZID=Europe/Berlin:20261024T090000|DURATION:PT45M"],
        &window,
    );
    assert_eq!(spans(&short), ["2026-10-24T07:00Z..2026-10-24T07:45Z"]);
    // P1D from 09:00 CEST ends at 09:00 CET the next day: 25 elapsed hours.
    let day = import(
        &["UID:q|DTSTART;TZID=Europe/Berlin:20261024T090000|DURATION:P1D"],
        &window,
    );
    assert_eq!(spans(&day), ["2026-10-24T07:00Z..2026-10-25T08:00Z"]);
    // A DTEND gives an exact length: 25 hours stay 25 hours for every occurrence.
    let exact = import(
        &[
            "UID:e|DTSTART;TZID=Europe/Berlin:20261024T090000|DTEND;TZID=Europe/Berlin:20261025T090000\
           |RRULE:FREQ=DAILY;COUNT=2",
        ],
        &window,
    );
    assert_eq!(
        spans(&exact),
        [
            "2026-10-24T07:00Z..2026-10-25T08:00Z",
            "2026-10-25T08:00Z..2026-10-26T09:00Z"
        ]
    );
}

// ---- Heat-relevant fields ------------------------------------------------------

#[test]
fn transparent_events_are_free() {
    let window = days("2026-11-02", 1, "UTC");
    let events = import(
        &[
            "UID:t|DTSTART:20261102T090000Z|TRANSP:TRANSPARENT",
            "UID:o|DTSTART:20261102T100000Z|TRANSP:OPAQUE",
        ],
        &window,
    );
    let availability: Vec<_> = events.iter().map(|e| e.availability).collect();
    assert_eq!(availability, [Availability::Free, Availability::Busy]);
}

#[test]
fn status_maps_tentative_confirmed_and_cancelled() {
    let window = days("2026-11-02", 1, "UTC");
    let events = import(
        &[
            "UID:1|DTSTART:20261102T090000Z|STATUS:TENTATIVE",
            "UID:2|DTSTART:20261102T100000Z|STATUS:CONFIRMED",
            "UID:3|DTSTART:20261102T110000Z|STATUS:CANCELLED",
            "UID:4|DTSTART:20261102T120000Z",
        ],
        &window,
    );
    let statuses: Vec<_> = events.iter().map(|e| e.status).collect();
    assert_eq!(
        statuses,
        [
            EventStatus::Tentative,
            EventStatus::Confirmed,
            EventStatus::Cancelled,
            EventStatus::Confirmed
        ]
    );
}

#[test]
fn participation_is_my_own_partstat_matched_case_insensitively() {
    let window = days("2026-11-02", 1, "UTC");
    let event = "UID:p|DTSTART:20261102T090000Z\
                 |ATTENDEE;PARTSTAT=ACCEPTED:mailto:boss@example.org\
                 |ATTENDEE;CN=Me;PARTSTAT=DECLINED:MAILTO:Me@Example.ORG";
    let mine = |me: Option<&str>| import_as(&[event], &window, me)[0].participation;
    assert_eq!(mine(Some("me@example.org")), Participation::Declined);
    assert_eq!(mine(Some("mailto:ME@example.org")), Participation::Declined);
    assert_eq!(mine(Some("boss@example.org")), Participation::Accepted);
    assert_eq!(mine(Some("someone@else.org")), Participation::None);
    assert_eq!(mine(None), Participation::None);
    let others = [
        ("TENTATIVE", Participation::Tentative),
        ("NEEDS-ACTION", Participation::NeedsAction),
    ];
    for (partstat, expected) in others {
        let event = format!("UID:q|DTSTART:20261102T090000Z|ATTENDEE;PARTSTAT={partstat}:mailto:me@x.org");
        assert_eq!(
            import_as(&[&event], &window, Some("me@x.org"))[0].participation,
            expected
        );
    }
}

// ---- Ids, window, bounds ----------------------------------------------------------

#[test]
fn ids_are_stable_across_runs_and_unique_per_occurrence() {
    let window = days("2026-11-01", 60, "Europe/Berlin");
    let file = [
        "UID:one-off|DTSTART:20261103T090000Z",
        "UID:series|DTSTART;TZID=Europe/Berlin:20261102T090000|RRULE:FREQ=DAILY;BYHOUR=9,15",
        "UID:days|DTSTART;VALUE=DATE:20261102|RRULE:FREQ=WEEKLY",
    ];
    let first = import(&file, &window);
    let second = import(&file, &window);
    assert_eq!(first, second);
    let unique: HashSet<_> = first.iter().map(|e| e.id.as_str()).collect();
    assert_eq!(unique.len(), first.len());
    assert!(unique.contains("one-off"));
    assert!(unique.contains("series@2026-11-02T08:00:00Z") && unique.contains("series@2026-11-02T14:00:00Z"));
    assert!(unique.contains("days@2026-11-09"));
}

#[test]
fn only_occurrences_overlapping_the_window_are_returned() {
    let events = import(
        &[
            "UID:before|DTSTART:20261031T220000Z|DTEND:20261101T000000Z",
            "UID:straddles|DTSTART:20261031T230000Z|DTEND:20261101T010000Z",
            "UID:after|DTSTART:20261102T000000Z",
            "UID:s|DTSTART:20261024T220000Z|DTEND:20261025T010000Z|RRULE:FREQ=WEEKLY",
        ],
        &days("2026-11-01", 1, "UTC"),
    );
    assert_eq!(ids(&events), ["s@2026-10-31T22:00:00Z", "straddles"]);
}

#[test]
fn a_runaway_rule_is_skipped_quickly_instead_of_hanging() {
    let started = Instant::now();
    let issue = skipped(
        &["UID:r|DTSTART:20000101T000000Z|RRULE:FREQ=SECONDLY"],
        &days("2026-11-01", 7, "UTC"),
    );
    assert_eq!((issue.line, issue.uid.as_deref()), (4, Some("r")));
    assert!(issue.reason.starts_with("RRULE: "), "{issue:?}");
    let issue = skipped(
        &["UID:m|DTSTART:20261101T000000Z|RRULE:FREQ=MINUTELY"],
        &days("2026-11-01", 365, "UTC"),
    );
    assert!(
        issue.reason.contains("200000") || issue.reason.contains("250000"),
        "{issue:?}"
    );
    assert!(started.elapsed().as_secs() < 60, "took {:?}", started.elapsed());
}

#[test]
fn the_highest_sequence_of_a_duplicated_event_wins() {
    let events = import(
        &[
            "UID:d|SEQUENCE:2|SUMMARY:New|DTSTART:20261102T100000Z",
            "UID:d|SEQUENCE:1|SUMMARY:Old|DTSTART:20261102T090000Z",
        ],
        &days("2026-11-02", 1, "UTC"),
    );
    assert_eq!(events.len(), 1);
    assert_eq!(events[0].title, "New");
}

#[test]
fn of_copies_with_the_same_sequence_the_latest_dtstamp_wins_wherever_it_is() {
    let events = import(
        &[
            "UID:d|SEQUENCE:1|DTSTAMP:20261020T000000Z|SUMMARY:Newer|DTSTART:20261102T100000Z",
            "UID:d|SEQUENCE:1|DTSTAMP:20261001T000000Z|SUMMARY:Older|DTSTART:20261102T090000Z",
        ],
        &days("2026-11-02", 1, "UTC"),
    );
    assert_eq!(events.len(), 1);
    assert_eq!(events[0].title, "Newer");
}

#[test]
fn an_override_with_its_own_rrule_stands_for_the_one_occurrence_it_names() {
    let events = import(
        &[
            "UID:o|DTSTART:20261102T090000Z|RRULE:FREQ=WEEKLY;COUNT=3",
            "UID:o|RECURRENCE-ID:20261109T090000Z|DTSTART:20261109T110000Z|RRULE:FREQ=DAILY;COUNT=5",
        ],
        &days("2026-11-01", 30, "UTC"),
    );
    assert_eq!(
        spans(&events).iter().map(|s| &s[..17]).collect::<Vec<_>>(),
        ["2026-11-02T09:00Z", "2026-11-09T11:00Z", "2026-11-16T09:00Z"]
    );
}

// ---- Malformed input ------------------------------------------------------------

#[test]
fn unreadable_events_are_skipped_naming_line_and_property_without_echoing_text() {
    let window = days("2026-11-02", 1, "UTC");
    // Line numbers: 1-3 header, 4 BEGIN:VEVENT, then the body lines.
    let cases: [(&[&str], usize, &str); 3] = [
        (&["UID:a|SUMMARY:Secret|DTSTART:2026-11-02"], 7, "DTSTART: "),
        (
            &["UID:a|SUMMARY:Secret|DTSTART:20261102T090000Z|DURATION:one hour"],
            8,
            "DURATION: ",
        ),
        (
            &["UID:a|SUMMARY Secret|DTSTART:20261102T090000Z"],
            6,
            "not a content line",
        ),
    ];
    for (events, line, reason) in cases {
        let issue = skipped(events, &window);
        assert_eq!((issue.line, issue.uid.as_deref()), (line, Some("a")), "{issue:?}");
        assert!(issue.reason.starts_with(reason), "{issue:?}");
        assert!(!issue.reason.contains("Secret"), "{issue:?}");
    }
    let issue = skipped(&["UID:a|SUMMARY:Secret"], &window);
    assert_eq!(
        (issue.line, issue.reason.as_str()),
        (4, "DTSTART: missing in the VEVENT")
    );
}

#[test]
fn overrides_and_exdates_written_in_another_zone_match_their_occurrences() {
    // Exchange writes some RECURRENCE-IDs and EXDATEs in UTC for a zoned series.
    let events = import(
        &[
            "UID:z|DTSTART;TZID=Europe/Berlin:20261019T090000|DURATION:PT1H|RRULE:FREQ=WEEKLY;COUNT=4\
             |EXDATE:20261026T080000Z",
            "UID:z|RECURRENCE-ID:20261019T070000Z|DTSTART;TZID=Europe/Berlin:20261019T150000|DURATION:PT1H",
        ],
        &days("2026-10-19", 28, "Europe/Berlin"),
    );
    assert_eq!(
        spans(&events),
        [
            "2026-10-19T13:00Z..2026-10-19T14:00Z",
            "2026-11-02T08:00Z..2026-11-02T09:00Z",
            "2026-11-09T08:00Z..2026-11-09T09:00Z"
        ]
    );
    assert_eq!(ids(&events)[0], "z@2026-10-19T07:00:00Z");
}

#[test]
fn a_daily_time_inside_the_spring_gap_is_read_with_the_offset_before_it() {
    // 02:30 does not exist in Berlin on 2026-03-29: that occurrence is 03:30 CEST.
    let events = import(
        &["UID:g|DTSTART;TZID=Europe/Berlin:20260328T023000|RRULE:FREQ=DAILY;COUNT=3"],
        &days("2026-03-28", 3, "Europe/Berlin"),
    );
    let starts: Vec<_> = spans(&events).iter().map(|s| s[..17].to_owned()).collect();
    assert_eq!(
        starts,
        ["2026-03-28T01:30Z", "2026-03-29T01:30Z", "2026-03-30T00:30Z"]
    );
}

#[test]
fn a_large_calendar_of_long_running_series_imports_quickly() {
    let series: Vec<String> = (0..2_000)
        .map(|i| {
            format!(
                "UID:s{i}|DTSTART;TZID=America/New_York:2020{:02}{:02}T{:02}0000|DURATION:PT30M\
                 |RRULE:FREQ=WEEKLY;BYDAY=MO,TH",
                i % 12 + 1,
                i % 28 + 1,
                i % 24
            )
        })
        .collect();
    let refs: Vec<&str> = series.iter().map(String::as_str).collect();
    let started = Instant::now();
    let events = import(&refs, &days("2026-11-02", 7, "America/New_York"));
    assert_eq!(events.len(), 4_000);
    assert!(started.elapsed().as_secs() < 30, "took {:?}", started.elapsed());
}
