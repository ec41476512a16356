//! The figures `heat bench` prints: a JSON object for machines, a table for
//! people.

use std::collections::BTreeMap;

use serde_json::{Value, json};

use super::measure::Stats;

#[derive(Debug)]
pub struct ScalingPoint {
    pub events: usize,
    pub cold_fill: Stats,
    pub noop: Stats,
}

#[derive(Debug)]
pub struct Report {
    pub quick: bool,
    workloads: BTreeMap<&'static str, Stats>,
    pub one_move_days_replaced: u32,
    pub scaling: Vec<ScalingPoint>,
    pub peak_rss_bytes: Option<u64>,
    /// Peak RSS of a process whose sync run reads one window at the event
    /// limit (`MAX_EVENTS_PER_CALL`) into an empty store.
    pub peak_rss_event_limit_bytes: Option<u64>,
}

impl Report {
    pub fn new(quick: bool) -> Self {
        Report {
            quick,
            workloads: BTreeMap::new(),
            one_move_days_replaced: 0,
            scaling: Vec::new(),
            peak_rss_bytes: None,
            peak_rss_event_limit_bytes: None,
        }
    }

    pub fn add(&mut self, name: &'static str, stats: Stats) {
        self.workloads.insert(name, stats);
    }

    fn median(&self, name: &str) -> f64 {
        self.workloads.get(name).map_or(f64::NAN, |s| s.median_micros)
    }

    fn ratios(&self) -> Vec<(&'static str, f64, &'static str)> {
        vec![
            (
                "noop_week/hash_only",
                self.median("noop_week") / self.median("hash_only"),
                "<= 3",
            ),
            (
                "naive_replace/noop_quarter",
                self.median("naive_replace") / self.median("noop_quarter"),
                ">= 50",
            ),
            (
                "crud_diff/noop_quarter",
                self.median("crud_diff") / self.median("noop_quarter"),
                ">= 10",
            ),
            (
                "cold_fill_quarter/sqlite_bulk_insert",
                self.median("cold_fill_quarter") / self.median("sqlite_bulk_insert"),
                "<= 1.5",
            ),
            (
                "sync_job_noop/noop_quarter",
                self.median("sync_job_noop") / self.median("noop_quarter"),
                // 13 windows instead of one, plus opening and closing the file.
                "<= 3",
            ),
        ]
    }

    pub fn to_json(&self) -> Value {
        let stats = |s: &Stats| {
            json!({
                "medianMicros": round(s.median_micros),
                "minMicros": round(s.min_micros),
                "maxMicros": round(s.max_micros),
                "rowsWritten": s.rows_written,
                "events": s.events,
            })
        };
        let workloads: serde_json::Map<String, Value> = self
            .workloads
            .iter()
            .map(|(name, s)| ((*name).to_owned(), stats(s)))
            .collect();
        let ratios: serde_json::Map<String, Value> = self
            .ratios()
            .into_iter()
            .map(|(name, value, _)| (name.to_owned(), json!(round(value))))
            .collect();
        let scaling: Vec<Value> = self
            .scaling
            .iter()
            .map(|p| json!({"events": p.events, "coldFill": stats(&p.cold_fill), "noop": stats(&p.noop)}))
            .collect();
        json!({
            "quick": self.quick,
            "workloads": workloads,
            "ratios": ratios,
            "oneMoveWeekDaysReplaced": self.one_move_days_replaced,
            "peakRssBytesColdFillQuarter": self.peak_rss_bytes,
            "peakRssBytesSyncAtEventLimit": self.peak_rss_event_limit_bytes,
            "scaling": scaling,
        })
    }

    pub fn to_text(&self) -> String {
        let mut out =
            String::from("workload              median µs      min µs      max µs  rows written  events\n");
        for (name, s) in &self.workloads {
            out += &format!(
                "{name:<20} {:>11.1} {:>11.1} {:>11.1} {:>13} {:>7}\n",
                s.median_micros, s.min_micros, s.max_micros, s.rows_written, s.events
            );
        }
        out += "\nratio                                     value  target\n";
        for (name, value, target) in self.ratios() {
            out += &format!("{name:<38} {value:>9.2}  {target}\n");
        }
        out += &format!(
            "\none_move_week replaces {} day(s)\n",
            self.one_move_days_replaced
        );
        if let Some(bytes) = self.peak_rss_bytes {
            out += &format!(
                "peak RSS of a process doing cold_fill_quarter: {:.1} MB\n",
                bytes as f64 / 1e6
            );
        }
        if let Some(bytes) = self.peak_rss_event_limit_bytes {
            out += &format!(
                "peak RSS of a process whose sync run reads 200,000 events in one window: {:.1} MB\n",
                bytes as f64 / 1e6
            );
        }
        out += "\nevents     cold fill median µs   no-op median µs\n";
        for p in &self.scaling {
            out += &format!(
                "{:<10} {:>20.1} {:>17.1}\n",
                p.events, p.cold_fill.median_micros, p.noop.median_micros
            );
        }
        out
    }
}

fn round(value: f64) -> f64 {
    (value * 100.0).round() / 100.0
}
