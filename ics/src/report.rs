//! What an import could not use, and what it repaired: the importer is
//! lenient (a file is refused only when nothing in it is iCalendar), so a
//! caller learns from this report which components were skipped and which
//! faults were repaired, each with its physical line.
//!
//! Reasons name properties, parameters, rule parts and `TZID`s, never a
//! value of `SUMMARY`, `LOCATION` or `DESCRIPTION` (personal data).

/// One skipped component or one repaired fault.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct IcsIssue {
    /// 1-based physical line of the fault (or of the component's `BEGIN`).
    pub line: usize,
    /// The component's `UID`, when it has one.
    pub uid: Option<String>,
    pub reason: String,
}

/// A fault at a line, before it is known which component's `UID` it concerns.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Fault {
    pub line: usize,
    pub reason: String,
}

impl Fault {
    pub fn new(line: usize, reason: impl Into<String>) -> Self {
        Fault {
            line,
            reason: reason.into(),
        }
    }

    pub fn of(self, uid: Option<&str>) -> IcsIssue {
        IcsIssue {
            line: self.line,
            uid: uid.map(str::to_owned),
            reason: self.reason,
        }
    }
}

/// The skipped components and repaired faults of one import, in file order.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct Report {
    pub skipped: Vec<IcsIssue>,
    pub warnings: Vec<IcsIssue>,
}

impl Report {
    pub fn skip(&mut self, fault: Fault, uid: Option<&str>) {
        self.skipped.push(fault.of(uid));
    }

    pub fn warn(&mut self, fault: Fault, uid: Option<&str>) {
        self.warnings.push(fault.of(uid));
    }

    /// Both lists by line, so that the report reads like the file.
    pub fn sorted(mut self) -> Self {
        self.skipped.sort_by_key(|i| i.line);
        self.warnings.sort_by_key(|i| i.line);
        self
    }
}
