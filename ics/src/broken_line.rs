//! A line inside a component that is not a content line (RFC 5545 §3.1):
//! most often a fold that lost its leading space, so that the line is the
//! rest of the property before it (exports cut long `ORGANIZER`,
//! `X-APPLE-STRUCTURED-LOCATION` or `SUMMARY` lines this way). It costs
//! only itself, ignored with a warning, unless it could be part of a
//! property the engine reads for an event's times, identity, status or
//! availability: then the event is skipped, as a guess at that property
//! could move, add or hide a meeting.

use crate::content_line::ContentLine;
use crate::values::{parse_date, parse_date_time};
use crate::vevent::READ_FOR_TIMES;

/// What the engine reads of an event besides its times and identity
/// ([`READ_FOR_TIMES`]), title and attendees.
const ALSO_NEEDED: [&str; 4] = ["STATUS", "TRANSP", "SEQUENCE", "X-MICROSOFT-CDO-BUSYSTATUS"];

fn needed() -> impl Iterator<Item = &'static str> {
    READ_FOR_TIMES.into_iter().chain(ALSO_NEEDED)
}

/// Properties holding one DATE or DATE-TIME: once the value is complete,
/// nothing can follow it, so the next line cannot be the rest of it.
const SINGLE_DATE: [&str; 3] = ["DTSTART", "DTEND", "RECURRENCE-ID"];

/// Whether the broken line `text`, found after the content line `previous`,
/// could be part of a needed property: it starts with the name of one (a
/// line that lost its `:`), or it follows one whose value could go on.
pub fn could_be_needed(previous: Option<&ContentLine>, text: &str) -> bool {
    let head = text.trim_start().as_bytes();
    let names_one = needed()
        .any(|name| head.len() >= name.len() && head[..name.len()].eq_ignore_ascii_case(name.as_bytes()));
    names_one || previous.is_some_and(could_go_on)
}

fn could_go_on(previous: &ContentLine) -> bool {
    let name = previous.name.as_str();
    if !needed().any(|needed| needed == name) {
        return false;
    }
    let value = previous.value.trim();
    let complete = parse_date(value).is_some() || parse_date_time(value).is_some();
    !(SINGLE_DATE.contains(&name) && complete)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::content_line::content_lines;

    fn line(text: &str) -> ContentLine {
        content_lines(text).remove(0).unwrap()
    }

    #[test]
    fn a_line_after_a_property_the_engine_does_not_need_costs_only_itself() {
        for before in [
            "ORGANIZER;CN=A:mailto:a@exam",
            "SUMMARY:Design review with the",
            "X-APPLE-TRAVEL:1",
        ] {
            assert!(!could_be_needed(Some(&line(before)), "ple.org"), "{before}");
        }
        assert!(!could_be_needed(None, "product team"));
    }

    #[test]
    fn a_line_that_could_belong_to_a_needed_property_costs_the_event() {
        for before in [
            "RRULE:FREQ=WEEKLY;BYDAY=MO",
            "EXDATE:20261012T090000Z",
            "UID:040000008200E00074C5B7101A82E008",
            "STATUS:CANCEL",
            "DURATION:PT1H",
            "DTSTART;TZID=Europe/Berlin:20261012T09",
        ] {
            assert!(could_be_needed(Some(&line(before)), "0000"), "{before}");
        }
        assert!(could_be_needed(
            Some(&line("SUMMARY:a")),
            "DTSTART 20261012T090000Z"
        ));
        assert!(could_be_needed(Some(&line("SUMMARY:a")), "rrule FREQ=DAILY"));
    }

    #[test]
    fn nothing_continues_a_complete_date_or_date_time() {
        assert!(!could_be_needed(
            Some(&line("DTSTART:20261130T090000Z")),
            "Secret meeting"
        ));
        assert!(!could_be_needed(
            Some(&line("DTEND;VALUE=DATE:20261201")),
            "Secret meeting"
        ));
    }
}
