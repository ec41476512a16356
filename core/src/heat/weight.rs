//! The weight rule: how much one event occupies its time.

use crate::model::{Availability, EventStatus, Participation, SourceEvent};

/// Weight in halves: 0 for cancelled, declined or free events; 1 (0.5) for
/// anything tentative or unanswered; 2 (1.0) for busy or unavailable.
pub fn weight_halves(event: &SourceEvent) -> u8 {
    let ignored = event.status == EventStatus::Cancelled
        || event.participation == Participation::Declined
        || event.availability == Availability::Free;
    let tentative = event.availability == Availability::Tentative
        || event.status == EventStatus::Tentative
        || matches!(
            event.participation,
            Participation::Tentative | Participation::NeedsAction
        );
    match (ignored, tentative) {
        (true, _) => 0,
        (false, true) => 1,
        (false, false) => 2,
    }
}

pub fn weight(event: &SourceEvent) -> f64 {
    f64::from(weight_halves(event)) / 2.0
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::EventTime;

    #[test]
    fn weights_follow_the_spec_table() {
        let base = SourceEvent {
            id: "e".into(),
            calendar_id: "c".into(),
            title: String::new(),
            location: None,
            time: EventTime::Timed {
                start_ms: 0,
                end_ms: 1,
            },
            availability: Availability::Busy,
            status: EventStatus::Confirmed,
            participation: Participation::None,
        };
        let with = |f: &dyn Fn(&mut SourceEvent)| {
            let mut e = base.clone();
            f(&mut e);
            weight(&e)
        };
        assert_eq!(with(&|_| {}), 1.0);
        assert_eq!(with(&|e| e.availability = Availability::Unavailable), 1.0);
        assert_eq!(with(&|e| e.availability = Availability::Tentative), 0.5);
        assert_eq!(with(&|e| e.status = EventStatus::Tentative), 0.5);
        assert_eq!(with(&|e| e.participation = Participation::NeedsAction), 0.5);
        assert_eq!(with(&|e| e.participation = Participation::Tentative), 0.5);
        assert_eq!(with(&|e| e.participation = Participation::Accepted), 1.0);
        assert_eq!(with(&|e| e.participation = Participation::Declined), 0.0);
        assert_eq!(with(&|e| e.status = EventStatus::Cancelled), 0.0);
        assert_eq!(with(&|e| e.availability = Availability::Free), 0.0);
        assert_eq!(
            with(&|e| {
                e.availability = Availability::Tentative;
                e.status = EventStatus::Cancelled
            }),
            0.0
        );
    }
}
