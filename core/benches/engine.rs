//! Criterion benchmarks for day-to-day work on the engine: the demo's
//! two-week calendar (the CLI's bundled sample) reconciled as a no-op and
//! with one event moved, the screen queries, and JSON parsing. The
//! side-by-side figures with baselines come from `heat bench`.

use criterion::{Criterion, criterion_group, criterion_main};
use heat_core::ZoneDatabase;
use heat_core::{EventTime, HeatStore, ReconcileOptions, SourceEvent, events_from_json, window_of_days};

const SAMPLE: &str = include_str!("../../cli/src/demo/sample.json");

fn moved(events: &[SourceEvent]) -> Vec<SourceEvent> {
    let mut events = events.to_vec();
    if let Some(EventTime::Timed { start_ms, end_ms }) = events
        .iter_mut()
        .map(|e| &mut e.time)
        .find(|t| matches!(t, EventTime::Timed { .. }))
    {
        *start_ms += 3_600_000;
        *end_ms += 3_600_000;
    }
    events
}

fn engine(c: &mut Criterion) {
    let events = events_from_json(SAMPLE).expect("the sample parses");
    let other = moved(&events);
    let window =
        window_of_days(&ZoneDatabase::bundled(), "2026-10-19", 14, "Europe/Berlin").expect("valid window");
    let dir = tempfile::tempdir().expect("temp dir");
    let store = HeatStore::open(dir.path().join("bench.db"), ZoneDatabase::bundled()).expect("store opens");
    let options = ReconcileOptions::default();
    store
        .reconcile_heat("s", &window, &events, options)
        .expect("reconciles");

    c.bench_function("reconcile_noop_two_weeks", |b| {
        b.iter(|| {
            store
                .reconcile_heat("s", &window, &events, options)
                .expect("reconciles")
        })
    });
    let mut flip = false;
    c.bench_function("reconcile_one_move_two_weeks", |b| {
        b.iter(|| {
            flip = !flip;
            let input = if flip { &other } else { &events };
            store
                .reconcile_heat("s", &window, input, options)
                .expect("reconciles")
        })
    });
    c.bench_function("heat_map_hourly_two_weeks", |b| {
        b.iter(|| store.heat_map("s", &window, 60).expect("map"))
    });
    c.bench_function("day_summaries_two_weeks", |b| {
        b.iter(|| store.day_summaries("s", &window).expect("summaries"))
    });
    c.bench_function("events_from_json_sample", |b| {
        b.iter(|| events_from_json(std::hint::black_box(SAMPLE)).expect("parses"))
    });
}

criterion_group!(benches, engine);
criterion_main!(benches);
