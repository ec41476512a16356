//! What the import of an iCalendar file skipped and repaired (docs/ics.md):
//! one summary line for people, the details with `--json`. Reasons name
//! lines and properties, never titles.

use serde_json::{Value, json};

use crate::input::IcsReport;
use heat_ics::IcsIssue;

/// `imported 12, skipped 1, warnings 2`, on its own line.
pub fn text(imported: usize, report: &IcsReport) -> String {
    format!(
        "imported {imported}, skipped {}, warnings {}\n",
        report.skipped.len(),
        report.warnings.len()
    )
}

/// `{"imported": 12, "skipped": [{"line": 40, "uid": "…", "reason": "…"}], "warnings": […]}`.
pub fn json(imported: usize, report: &IcsReport) -> Value {
    json!({
        "imported": imported,
        "skipped": report.skipped.iter().map(issue).collect::<Vec<_>>(),
        "warnings": report.warnings.iter().map(issue).collect::<Vec<_>>(),
    })
}

fn issue(issue: &IcsIssue) -> Value {
    json!({"line": issue.line, "uid": issue.uid, "reason": issue.reason})
}
