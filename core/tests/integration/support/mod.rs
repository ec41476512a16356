//! Helpers shared by the core's integration tests.

pub mod bad_input;
pub mod model;

use std::path::{Path, PathBuf};

use heat_core::{Availability, EventStatus, EventTime, Participation, SourceEvent, TimeWindow, ZoneDatabase};

pub const MINUTE: i64 = 60_000;
pub const HOUR: i64 = 60 * MINUTE;
pub const DAY: i64 = 24 * HOUR;
/// 2026-11-30T08:00Z, a Monday: the instant the tests' calendars start from.
pub const T0: i64 = 1_796_025_600_000;

/// The zone rules of the tests: the bundled IANA database, handed to each
/// store, job and window (no process-wide registration).
pub fn zones() -> ZoneDatabase {
    ZoneDatabase::bundled()
}

pub fn timed(id: &str, start_ms: i64, end_ms: i64) -> SourceEvent {
    SourceEvent {
        id: id.into(),
        calendar_id: "work".into(),
        title: format!("Title of {id}"),
        location: None,
        time: EventTime::Timed { start_ms, end_ms },
        availability: Availability::Busy,
        status: EventStatus::Confirmed,
        participation: Participation::None,
    }
}

pub fn all_day(id: &str, start_date: &str, end_date: &str) -> SourceEvent {
    SourceEvent {
        time: EventTime::AllDay {
            start_date: start_date.into(),
            end_date: end_date.into(),
        },
        ..timed(id, 0, 0)
    }
}

pub fn window(start_ms: i64, end_ms: i64, zone: &str) -> TimeWindow {
    TimeWindow {
        start_ms,
        end_ms,
        time_zone: zone.into(),
    }
}

/// Epoch ms of an RFC 3339 text.
pub fn at(text: &str) -> i64 {
    chrono::DateTime::parse_from_rfc3339(text)
        .unwrap()
        .timestamp_millis()
}

pub struct TempStore {
    pub dir: tempfile::TempDir,
    pub path: PathBuf,
}

pub fn temp_store() -> TempStore {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("heat.db");
    TempStore { dir, path }
}

/// Every byte of the store's files (main, -wal, -shm if present).
pub fn file_bytes(path: &Path) -> Vec<(String, Vec<u8>)> {
    ["", "-wal"]
        .iter()
        .filter_map(|suffix| {
            let p = PathBuf::from(format!("{}{suffix}", path.display()));
            std::fs::read(&p).ok().map(|b| (suffix.to_string(), b))
        })
        .collect()
}

/// Every row of every table, as text: equal dumps mean equal stores.
pub fn dump(path: &Path) -> Vec<String> {
    let conn = rusqlite::Connection::open(path).unwrap();
    let tables: Vec<String> = conn
        .prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")
        .unwrap()
        .query_map([], |r| r.get(0))
        .unwrap()
        .map(Result::unwrap)
        .collect();
    let mut out = Vec::new();
    for table in tables {
        let mut stmt = conn.prepare(&format!("SELECT * FROM {table}")).unwrap();
        let columns = stmt.column_count();
        let mut rows = stmt.query([]).unwrap();
        let mut lines = Vec::new();
        while let Some(row) = rows.next().unwrap() {
            let values: Vec<String> = (0..columns)
                .map(|i| format!("{:?}", row.get_ref(i).unwrap()))
                .collect();
            lines.push(format!("{table}: {}", values.join(" | ")));
        }
        lines.sort();
        out.extend(lines);
    }
    out
}
