//! Input validation: every event and scope is checked before anything is
//! read or written, and a rejected input names its field and event id.

use crate::error::InvalidInput;
use crate::limits::{MAX_ID_BYTES, MAX_INSTANT_MS, MAX_TEXT_BYTES, MIN_INSTANT_MS};

use super::MS_PER_DAY;
use super::event::{EventTime, SourceEvent};
use super::local_time::{Zone, days_from_date, parse_date};

/// Local midnight lies within this distance of UTC midnight in every zone
/// (offsets span -12:00 to +14:00; historic local mean times a little more).
const ZONE_OFFSET_MARGIN_MS: i64 = 26 * 3_600_000;

/// An event's time in a form that needs no more parsing.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Span {
    Timed {
        start_ms: i64,
        end_ms: i64,
    },
    /// Days since 1970-01-01, end exclusive.
    AllDay {
        start_day: i64,
        end_day: i64,
    },
}

impl Span {
    /// The absolute interval this span occupies when seen from `zone`.
    pub fn resolve(self, zone: &Zone) -> (i64, i64) {
        match self {
            Span::Timed { start_ms, end_ms } => (start_ms, end_ms),
            Span::AllDay { start_day, end_day } => {
                let start = zone.day_start_ms(super::date_from_days(start_day));
                let end = if end_day == start_day {
                    start
                } else {
                    zone.day_start_ms(super::date_from_days(end_day))
                };
                (start, end)
            }
        }
    }

    /// Bounds that contain `resolve(zone)` for every zone, for index scans.
    pub fn bounds(self) -> (i64, i64) {
        match self {
            Span::Timed { start_ms, end_ms } => (start_ms, end_ms),
            Span::AllDay { start_day, end_day } => (
                start_day * MS_PER_DAY - ZONE_OFFSET_MARGIN_MS,
                end_day * MS_PER_DAY + ZONE_OFFSET_MARGIN_MS,
            ),
        }
    }

    /// Half-open overlap with `[from_ms, to_ms)`; a zero-length span at `t`
    /// overlaps when `from_ms <= t < to_ms`.
    pub fn overlaps(self, zone: &Zone, from_ms: i64, to_ms: i64) -> bool {
        let (start, end) = self.resolve(zone);
        interval_overlaps(start, end, from_ms, to_ms)
    }
}

/// The overlap rule (`docs/contract.md` "Windows and overlap"), for already
/// resolved intervals.
pub fn interval_overlaps(start: i64, end: i64, from_ms: i64, to_ms: i64) -> bool {
    if start == end {
        from_ms <= start && start < to_ms
    } else {
        start < to_ms && end > from_ms
    }
}

/// An event that passed validation, with its span parsed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct CheckedEvent<'a> {
    pub event: &'a SourceEvent,
    pub span: Span,
}

pub fn check_scope(scope: &str) -> Result<(), InvalidInput> {
    check_identifier(scope, "scope")
}

pub fn check_event(event: &SourceEvent) -> Result<CheckedEvent<'_>, InvalidInput> {
    check_identifier(&event.id, "id")?;
    let in_event = |e: InvalidInput| e.of_event(&event.id);
    check_identifier(&event.calendar_id, "calendarId").map_err(in_event)?;
    check_text(&event.title, "title").map_err(in_event)?;
    if let Some(location) = &event.location {
        check_text(location, "location").map_err(in_event)?;
    }
    let span = check_time(&event.time).map_err(in_event)?;
    Ok(CheckedEvent { event, span })
}

fn check_identifier(value: &str, field: &str) -> Result<(), InvalidInput> {
    if value.is_empty() {
        return Err(InvalidInput::new(field, "must not be empty"));
    }
    if value.len() > MAX_ID_BYTES {
        return Err(InvalidInput::new(
            field,
            format!("longer than {MAX_ID_BYTES} bytes"),
        ));
    }
    if value.contains('\0') {
        return Err(InvalidInput::new(field, "contains a NUL character"));
    }
    Ok(())
}

fn check_text(value: &str, field: &str) -> Result<(), InvalidInput> {
    if value.len() > MAX_TEXT_BYTES {
        return Err(InvalidInput::new(
            field,
            format!("longer than {MAX_TEXT_BYTES} bytes"),
        ));
    }
    Ok(())
}

fn check_time(time: &EventTime) -> Result<Span, InvalidInput> {
    match time {
        EventTime::Timed { start_ms, end_ms } => {
            for (field, ms) in [("startMs", *start_ms), ("endMs", *end_ms)] {
                if !(MIN_INSTANT_MS..=MAX_INSTANT_MS).contains(&ms) {
                    return Err(InvalidInput::new(field, "outside the years 1900 to 2200"));
                }
            }
            if end_ms < start_ms {
                return Err(InvalidInput::new("endMs", "is before startMs"));
            }
            Ok(Span::Timed {
                start_ms: *start_ms,
                end_ms: *end_ms,
            })
        }
        EventTime::AllDay { start_date, end_date } => {
            let start = days_from_date(parse_date(start_date, "startDate")?);
            let end = days_from_date(parse_date(end_date, "endDate")?);
            let in_range = |days: i64| (MIN_INSTANT_MS..=MAX_INSTANT_MS).contains(&(days * MS_PER_DAY));
            if !in_range(start) {
                return Err(InvalidInput::new("startDate", "outside the years 1900 to 2200"));
            }
            if !in_range(end) {
                return Err(InvalidInput::new("endDate", "outside the years 1900 to 2200"));
            }
            if end < start {
                return Err(InvalidInput::new("endDate", "is before startDate"));
            }
            Ok(Span::AllDay {
                start_day: start,
                end_day: end,
            })
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Availability, EventStatus, Participation};

    fn event(id: &str, time: EventTime) -> SourceEvent {
        SourceEvent {
            id: id.into(),
            calendar_id: "work".into(),
            title: "SECRET-TITLE".into(),
            location: None,
            time,
            availability: Availability::Busy,
            status: EventStatus::Confirmed,
            participation: Participation::None,
        }
    }

    #[test]
    fn errors_name_field_and_id_but_never_the_title() {
        let err = check_event(&event(
            "e1",
            EventTime::Timed {
                start_ms: 10,
                end_ms: 5,
            },
        ))
        .unwrap_err();
        assert_eq!(
            (err.field.as_str(), err.event_id.as_deref()),
            ("endMs", Some("e1"))
        );
        assert!(!err.to_string().contains("SECRET"));
        let err = check_event(&event(
            "",
            EventTime::Timed {
                start_ms: 0,
                end_ms: 0,
            },
        ))
        .unwrap_err();
        assert_eq!(err.field, "id");
        let bad_date = EventTime::AllDay {
            start_date: "2026-13-01".into(),
            end_date: "2026-12-02".into(),
        };
        assert_eq!(
            check_event(&event("e2", bad_date)).unwrap_err().field,
            "startDate"
        );
    }

    #[test]
    fn all_day_spans_resolve_in_the_zone_and_stay_inside_their_bounds() {
        let span = check_event(&event(
            "h",
            EventTime::AllDay {
                start_date: "2026-12-25".into(),
                end_date: "2026-12-26".into(),
            },
        ))
        .unwrap()
        .span;
        for zone in ["Pacific/Kiritimati", "Pacific/Honolulu", "Europe/Berlin", "UTC"] {
            let zone = crate::model::zone_rules::ZoneDatabase::bundled()
                .zone(zone, "tz")
                .unwrap();
            let (start, end) = span.resolve(&zone);
            let (lo, hi) = span.bounds();
            assert!(lo <= start && end <= hi);
            assert_eq!(end - start, MS_PER_DAY);
        }
    }

    #[test]
    fn zero_length_spans_overlap_only_from_inside() {
        assert!(interval_overlaps(5, 5, 5, 10));
        assert!(!interval_overlaps(10, 10, 5, 10));
        assert!(!interval_overlaps(0, 5, 5, 10));
        assert!(interval_overlaps(0, 6, 5, 10));
    }
}
