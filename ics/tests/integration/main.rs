//! The iCalendar importer's integration tests, in one binary: files shaped
//! like real exports, the import report, damaged and hostile files, and the
//! RFC 5545 rules one by one.

mod exports;
mod report;
mod robustness;
mod rules;
mod support;
