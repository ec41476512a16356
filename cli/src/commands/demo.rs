//! `heat demo`: the engine's story on a bundled calendar, with no arguments
//! and no network. It reconciles the sample into a temporary store, runs
//! the same reconcile again (a visible no-op), moves one event and shows the
//! partial repair, then prints the heat map and the day summaries.

use std::fmt::Write;

use heat_core::{HeatStore, ReconcileOptions, SourceEvent};

use crate::demo;
use crate::failure::Failure;
use crate::local_window::LocalWindow;
use crate::render::{day_table, outcome_text, terminal_map};
use heat_core::ZoneDatabase;

pub fn run() -> Result<String, Failure> {
    let window = LocalWindow::new(&demo::window()?)?;
    let events = demo::sample_events()?;
    let moved = demo::with_moved_event(&events);
    let dir =
        tempfile::tempdir().map_err(|e| Failure::Io(format!("cannot create a temporary directory: {e}")))?;
    let store = HeatStore::open(dir.path().join("demo.sqlite"), ZoneDatabase::bundled())?;
    let sync = |events: &[SourceEvent]| {
        store
            .reconcile_heat(demo::SCOPE, &window.window(), events, ReconcileOptions::default())
            .map(|outcome| indent(&outcome_text::render(&outcome, &window)))
    };

    let mut out = String::new();
    let days = window.days();
    let (first, last) = (days.first().map(|d| d.date), days.last().map(|d| d.date));
    let _ = writeln!(
        out,
        "Heat Engine demo: two weeks of a calendar in {}, {} to {}.\n\
         Temporary store, no network.\n",
        window.zone_name(),
        first
            .map(|d| d.format("%a %d %b").to_string())
            .unwrap_or_default(),
        last.map(|d| d.format("%a %d %b %Y").to_string())
            .unwrap_or_default(),
    );
    let _ = writeln!(
        out,
        "The sample has {} events: stand-ups expanded per occurrence, a double-booked\n\
         hour, tentative, declined, cancelled and free events, a holiday, a two-day\n\
         offsite, an on-call shift across midnight and the clock change (Sun 25 Oct\n\
         has 25 hours), and two events just outside the window.\n",
        events.len()
    );
    let _ = writeln!(out, "1. First sync into an empty store: every day is written.");
    out.push_str(&sync(&events)?);
    let _ = writeln!(
        out,
        "2. The same calendar again: the fingerprints match, nothing is written."
    );
    out.push_str(&sync(&events)?);
    let _ = writeln!(
        out,
        "3. {} moves one hour later: only its day is replaced.",
        moved_event_description(&events)
    );
    out.push_str(&sync(&moved)?);

    let _ = writeln!(out, "\nHeat map after the move");
    out.push_str(&terminal_map::render(
        &store.heat_map(demo::SCOPE, &window.window(), 60)?,
        &window,
    ));
    let _ = writeln!(out, "\nDays");
    out.push_str(&day_table::render(
        &store.day_summaries(demo::SCOPE, &window.window())?,
    ));
    Ok(out)
}

fn moved_event_description(events: &[SourceEvent]) -> String {
    events
        .iter()
        .find(|e| e.id == demo::MOVED_EVENT_ID)
        .map(|e| format!("{:?}", e.title))
        .unwrap_or_else(|| demo::MOVED_EVENT_ID.to_owned())
}

fn indent(text: &str) -> String {
    text.lines().map(|line| format!("   {line}\n")).collect()
}
