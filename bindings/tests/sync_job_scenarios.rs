//! The golden sync-job scenarios of `tests/fixtures/sync_jobs/`, driven
//! through the bindings' Rust surface exactly as the Kotlin and Swift
//! binding tests drive them through the generated code: a scripted
//! `CalendarSource`, the same plan and runs, the same expected summary,
//! read ranges and stored events. Three languages, one policy.

use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};

use heat_ffi::ZoneDatabase;
use heat_ffi::{
    Availability, CalendarAccess, CalendarRead, CalendarSource, EventStatus, EventTime, HeatStore,
    Participation, SourceError, SourceEvent, StoreProblem, SyncCancellation, SyncDisposition, SyncJob,
    SyncPlan, SyncStop, SyncSummary, TimeRange, TimeWindow,
};
use serde_json::Value;

/// Answers `access()` and `read()` from a run's script, recording the ranges read.
struct ScriptedSource {
    access: Vec<CalendarAccess>,
    reads: Vec<Value>,
    calls: Mutex<(usize, Vec<TimeRange>)>,
    access_calls: Mutex<usize>,
}

impl ScriptedSource {
    fn new(run: &Value) -> Self {
        ScriptedSource {
            access: run["access"].as_array().unwrap().iter().map(access).collect(),
            reads: run["reads"].as_array().unwrap().clone(),
            calls: Mutex::new((0, Vec::new())),
            access_calls: Mutex::new(0),
        }
    }

    fn ranges(&self) -> Vec<TimeRange> {
        self.calls.lock().unwrap().1.clone()
    }
}

impl CalendarSource for ScriptedSource {
    fn access(&self) -> Result<CalendarAccess, SourceError> {
        let mut n = self.access_calls.lock().unwrap();
        let answer = self.access[(*n).min(self.access.len() - 1)];
        *n += 1;
        Ok(answer)
    }

    fn read(&self, range: TimeRange) -> Result<CalendarRead, SourceError> {
        let mut calls = self.calls.lock().unwrap();
        let answer = self
            .reads
            .get(calls.0)
            .expect("the job read more often than scripted")
            .clone();
        calls.0 += 1;
        calls.1.push(range);
        match answer["throw"].as_str() {
            Some("unavailable") => Err(SourceError::Unavailable {
                reason: answer["reason"].as_str().unwrap().into(),
            }),
            // What a Kotlin or Swift exception of the app's own type arrives as.
            Some("other") => {
                Err(uniffi::UnexpectedUniFFICallbackError::new("IllegalStateException: x").into())
            }
            Some(other) => panic!("unknown throw {other}"),
            None => Ok(CalendarRead {
                calendar_count: i32::try_from(answer["calendarCount"].as_i64().unwrap()).unwrap(),
                events: answer["events"].as_array().unwrap().iter().map(event).collect(),
            }),
        }
    }
}

fn access(value: &Value) -> CalendarAccess {
    match value.as_str().unwrap() {
        "fullAccess" => CalendarAccess::FullAccess,
        "writeOnly" => CalendarAccess::WriteOnly,
        "denied" => CalendarAccess::Denied,
        "restricted" => CalendarAccess::Restricted,
        "notDetermined" => CalendarAccess::NotDetermined,
        other => panic!("unknown access {other}"),
    }
}

/// The raw event of a fixture, unvalidated: odd events must reach the job.
fn event(e: &Value) -> SourceEvent {
    let text = |key: &str| e[key].as_str().map(str::to_owned);
    let repeat = e["titleRepeat"].as_u64().unwrap_or(1) as usize;
    let time = match e["startMs"].as_i64() {
        Some(start_ms) => EventTime::Timed {
            start_ms,
            end_ms: e["endMs"].as_i64().unwrap(),
        },
        None => EventTime::AllDay {
            start_date: text("startDate").unwrap(),
            end_date: text("endDate").unwrap(),
        },
    };
    SourceEvent {
        id: text("id").unwrap(),
        calendar_id: text("calendarId").unwrap(),
        title: text("title").unwrap().repeat(repeat),
        location: text("location"),
        time,
        availability: match text("availability").as_deref() {
            None | Some("busy") => Availability::Busy,
            Some("tentative") => Availability::Tentative,
            Some("free") => Availability::Free,
            Some("unavailable") => Availability::Unavailable,
            Some(other) => panic!("unknown availability {other}"),
        },
        status: match text("status").as_deref() {
            None | Some("confirmed") => EventStatus::Confirmed,
            Some("tentative") => EventStatus::Tentative,
            Some("cancelled") => EventStatus::Cancelled,
            Some(other) => panic!("unknown status {other}"),
        },
        participation: match text("participation").as_deref() {
            None | Some("none") => Participation::None,
            Some("accepted") => Participation::Accepted,
            Some("tentative") => Participation::Tentative,
            Some("needsAction") => Participation::NeedsAction,
            Some("declined") => Participation::Declined,
            Some(other) => panic!("unknown participation {other}"),
        },
    }
}

fn plan(p: &Value) -> SyncPlan {
    let int = |key: &str| i32::try_from(p[key].as_i64().unwrap()).unwrap();
    SyncPlan {
        scope: p["scope"].as_str().unwrap().into(),
        time_zone: p["timeZone"].as_str().unwrap().into(),
        today: p["today"].as_str().unwrap().into(),
        past_days: int("pastDays"),
        future_days: int("futureDays"),
        window_days: int("windowDays"),
        budget_millis: p["budgetMillis"].as_i64().unwrap(),
    }
}

fn range(v: &Value) -> TimeRange {
    TimeRange {
        start_ms: v["startMs"].as_i64().unwrap(),
        end_ms: v["endMs"].as_i64().unwrap(),
    }
}

/// The summary in the fixture's words, to compare with `expect.summary`.
fn summary_json(s: &SyncSummary) -> Value {
    let mut json = serde_json::json!({
        "windows": s.windows.iter().map(|w| serde_json::json!({
            "startMs": w.window.start_ms, "endMs": w.window.end_ms, "changed": w.outcome.changed,
            "eventsInserted": w.outcome.events_inserted, "eventsDeleted": w.outcome.events_deleted,
            "eventsUnchanged": w.outcome.events_unchanged,
        })).collect::<Vec<_>>(),
        "windowsGuarded": s.windows_guarded, "windowsOversized": s.windows_oversized,
        "eventsTruncated": s.events_truncated,
        "eventsSkipped": s.events_skipped, "duplicatesDropped": s.duplicates_dropped,
        "storeRebuilt": s.store_rebuilt,
        "disposition": match s.disposition {
            SyncDisposition::Done => "done",
            SyncDisposition::RetryLater => "retryLater",
            SyncDisposition::NeedsUser => "needsUser",
            SyncDisposition::GiveUp => "giveUp",
        },
    });
    let (stop, extra) = match &s.stop {
        SyncStop::Completed => ("completed", None),
        SyncStop::BudgetSpent => ("budgetSpent", None),
        SyncStop::Cancelled => ("cancelled", None),
        SyncStop::AlreadyRunning => ("alreadyRunning", None),
        SyncStop::AccessNotGranted { access } => {
            let name = match access {
                CalendarAccess::FullAccess => "fullAccess",
                CalendarAccess::WriteOnly => "writeOnly",
                CalendarAccess::Denied => "denied",
                CalendarAccess::Restricted => "restricted",
                CalendarAccess::NotDetermined => "notDetermined",
            };
            ("accessNotGranted", Some(("access", name.to_owned())))
        }
        SyncStop::SourceFailed { reason } => ("sourceFailed", Some(("reason", reason.clone()))),
        SyncStop::StoreFailed { problem, .. } => {
            ("storeFailed", Some(("problem", problem_name(*problem).into())))
        }
        SyncStop::InvalidPlan { field, .. } => ("invalidPlan", Some(("field", field.clone()))),
    };
    json["stop"] = stop.into();
    if let Some((key, value)) = extra {
        json[key] = value.into();
    }
    json
}

fn problem_name(problem: StoreProblem) -> &'static str {
    match problem {
        StoreProblem::Busy => "busy",
        StoreProblem::DiskFull => "diskFull",
        StoreProblem::IoError => "ioError",
        StoreProblem::NewerVersion => "newerVersion",
        StoreProblem::ForeignFile => "foreignFile",
        StoreProblem::DamagedAgain => "damagedAgain",
        StoreProblem::FileReplaced => "fileReplaced",
        StoreProblem::EngineBug => "engineBug",
    }
}

fn stored_json(path: &Path, scope: &str, zone: &str, expected: &Value) -> Value {
    let window = range(&expected["window"]);
    let store = HeatStore::open_read_only(path.display().to_string(), ZoneDatabase::bundled()).unwrap();
    let window = TimeWindow {
        start_ms: window.start_ms,
        end_ms: window.end_ms,
        time_zone: zone.into(),
    };
    let mut events = store.events(scope.into(), window).unwrap();
    events.sort_by(|a, b| a.id.cmp(&b.id));
    let events: Vec<Value> = events
        .iter()
        .zip(
            expected["events"]
                .as_array()
                .unwrap()
                .iter()
                .chain(std::iter::repeat(&Value::Null)),
        )
        .map(|(e, want)| {
            let mut json = serde_json::json!({"id": e.id, "titleBytes": e.title.len()});
            if want.get("title").is_some() {
                json["title"] = e.title.clone().into();
            }
            json
        })
        .collect();
    serde_json::json!({"window": expected["window"], "events": events})
}

fn run_scenario(file: &Path) {
    let name = file.file_stem().unwrap().to_string_lossy().into_owned();
    let scenario: Value = serde_json::from_str(&std::fs::read_to_string(file).unwrap()).unwrap();
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("heat.db");
    let plan = plan(&scenario["plan"]);
    let job = SyncJob::new(path.display().to_string(), ZoneDatabase::bundled());
    for (i, run) in scenario["runs"].as_array().unwrap().iter().enumerate() {
        let source = Arc::new(ScriptedSource::new(run));
        let summary = job.run(plan.clone(), source.clone(), SyncCancellation::new());
        let expect = &run["expect"];
        let at = format!("{name}, run {}", i + 1);
        let ranges: Vec<TimeRange> = expect["readRanges"]
            .as_array()
            .unwrap()
            .iter()
            .map(range)
            .collect();
        assert_eq!(source.ranges(), ranges, "{at}: read ranges");
        assert_eq!(summary_json(&summary), expect["summary"], "{at}: summary");
        if !expect["stored"].is_null() {
            let stored = stored_json(&path, &plan.scope, &plan.time_zone, &expect["stored"]);
            assert_eq!(stored, expect["stored"], "{at}: stored events");
        }
    }
}

fn scenario_files() -> Vec<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../tests/fixtures/sync_jobs");
    let mut files: Vec<PathBuf> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|entry| entry.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "json"))
        .collect();
    files.sort();
    files
}

#[test]
fn every_golden_scenario_gives_the_expected_summary_reads_and_store() {
    let files = scenario_files();
    assert!(files.len() >= 8, "scenarios missing: {files:?}");
    for file in files {
        run_scenario(&file);
    }
}
