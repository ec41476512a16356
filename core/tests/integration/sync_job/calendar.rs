//! A fake device calendar for the job: it answers each read with its events
//! overlapping the range (as EventKit and CalendarContract do), and can be
//! told to deny access, throw, or run a hook (a cancel) inside a read.

use std::cell::RefCell;

use crate::support::zones;
use heat_core::model::{check_event, interval_overlaps};
use heat_core::{CalendarAccess, CalendarRead, CalendarSource, SourceError, SourceEvent, TimeRange};

pub struct FakeCalendar<'a> {
    pub events: Vec<SourceEvent>,
    /// Zone in which all-day events are resolved for the overlap test.
    pub zone: &'a str,
    /// Answers to `access()`, in call order; the last one repeats.
    pub access: Vec<CalendarAccess>,
    /// Read number (0-based) that throws, if any.
    pub throw_at: Option<usize>,
    /// Runs inside read number `.0`, before it answers.
    pub hook: Option<(usize, Box<dyn Fn() + 'a>)>,
    /// What every read reports; 0 makes empty reads unable to empty a window.
    pub calendar_count: u32,
    pub reads: RefCell<Vec<TimeRange>>,
    access_calls: RefCell<usize>,
}

impl<'a> FakeCalendar<'a> {
    pub fn new(events: Vec<SourceEvent>, zone: &'a str) -> Self {
        FakeCalendar {
            events,
            zone,
            access: vec![CalendarAccess::FullAccess],
            throw_at: None,
            hook: None,
            calendar_count: 1,
            reads: RefCell::new(Vec::new()),
            access_calls: RefCell::new(0),
        }
    }

    /// The events a read of `range` answers.
    pub fn overlapping(&self, range: TimeRange) -> Vec<SourceEvent> {
        let zone = zones().zone(self.zone, "zone").unwrap();
        self.events
            .iter()
            .filter(|e| {
                let (start, end) = check_event(e).unwrap().span.resolve(&zone);
                interval_overlaps(start, end, range.start_ms, range.end_ms)
            })
            .cloned()
            .collect()
    }
}

impl CalendarSource for FakeCalendar<'_> {
    fn access(&self) -> Result<CalendarAccess, SourceError> {
        let mut calls = self.access_calls.borrow_mut();
        let answer = self.access[(*calls).min(self.access.len() - 1)];
        *calls += 1;
        Ok(answer)
    }

    fn read(&self, range: TimeRange) -> Result<CalendarRead, SourceError> {
        let n = self.reads.borrow().len();
        self.reads.borrow_mut().push(range);
        if let Some((at, hook)) = &self.hook
            && *at == n
        {
            hook();
        }
        if self.throw_at == Some(n) {
            return Err(SourceError {
                reason: "account syncing".into(),
            });
        }
        Ok(CalendarRead {
            calendar_count: self.calendar_count,
            events: self.overlapping(range),
        })
    }
}
