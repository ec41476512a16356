//! The `BEGIN:`/`END:` tree of an iCalendar file, built leniently.
//!
//! Structure faults never refuse the file (ADR 0014): a fault inside a
//! component (a component never closed because the download was cut,
//! nesting too deep, a line that is not a content line and could be part of
//! a property the engine needs) is kept on that component so that the
//! importer skips and reports it; any other broken line is ignored with a
//! warning; a misspelled `END:` closes the
//! open component with a warning; stray lines outside `VCALENDAR` are
//! ignored with a warning. Only a file without any `BEGIN:VCALENDAR` is
//! refused: nothing in it is iCalendar.

use heat_core::error::InvalidInput;

use crate::content_line::{BrokenLine, ContentLine};
use crate::report::Fault;

/// Deeper nesting than any real calendar (VCALENDAR > VEVENT > VALARM).
const MAX_DEPTH: usize = 8;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Component {
    /// Upper-cased component name (`VEVENT`).
    pub name: String,
    /// Line of its `BEGIN`.
    pub line: usize,
    pub properties: Vec<ContentLine>,
    pub children: Vec<Component>,
    /// Faults that make the component unreadable (it is skipped).
    pub faults: Vec<Fault>,
    /// Faults repaired or ignored inside it (reported with its `UID`).
    pub warnings: Vec<Fault>,
}

impl Component {
    fn new(name: String, line: usize) -> Self {
        Component {
            name,
            line,
            properties: Vec::new(),
            children: Vec::new(),
            faults: Vec::new(),
            warnings: Vec::new(),
        }
    }

    /// The first readable property `name` (a line with malformed
    /// parameters has no value to read).
    pub fn property(&self, name: &str) -> Option<&ContentLine> {
        self.properties
            .iter()
            .find(|p| p.name == name && p.malformed.is_none())
    }

    pub fn properties_named<'a>(&'a self, name: &'a str) -> impl Iterator<Item = &'a ContentLine> {
        self.properties
            .iter()
            .filter(move |p| p.name == name && p.malformed.is_none())
    }

    /// The children named `name`, in file order.
    pub fn children_named<'a>(&'a self, name: &'a str) -> impl Iterator<Item = &'a Component> {
        self.children.iter().filter(move |c| c.name == name)
    }

    /// This component and all below it.
    pub fn descendants(&self) -> Box<dyn Iterator<Item = &Component> + '_> {
        Box::new(std::iter::once(self).chain(self.children.iter().flat_map(Component::descendants)))
    }
}

/// The calendars of a file, and the faults found outside any component.
#[derive(Debug)]
pub struct Tree {
    /// The top-level `VCALENDAR`s.
    pub calendars: Vec<Component>,
    pub warnings: Vec<Fault>,
}

/// Builds the tree; refuses only a file with no `BEGIN:VCALENDAR`.
pub fn components(lines: Vec<Result<ContentLine, BrokenLine>>) -> Result<Tree, InvalidInput> {
    let mut builder = Builder::default();
    for line in lines {
        match line {
            Err(broken) => builder.broken(broken),
            Ok(line) if line.name == "BEGIN" && line.malformed.is_none() => builder.begin(&line),
            Ok(line) if line.name == "END" && line.malformed.is_none() => builder.end(&line),
            Ok(line) => builder.property(line),
        }
    }
    builder.finish()
}

#[derive(Default)]
struct Builder {
    roots: Vec<Component>,
    open: Vec<Component>,
    /// `BEGIN`s below the depth limit still open (their lines are ignored).
    too_deep: usize,
    warnings: Vec<Fault>,
}

impl Builder {
    /// A line that is not a content line: fatal for the component it is in
    /// when it could be part of a property the engine needs, else (and
    /// always outside components and directly in the calendar) ignored.
    fn broken(&mut self, broken: BrokenLine) {
        let BrokenLine {
            fault,
            could_be_needed,
        } = broken;
        let ignored = Fault::new(fault.line, format!("{}; the line is ignored", fault.reason));
        match self.open.len() {
            0 | 1 => self.warnings.push(ignored),
            _ if could_be_needed => self.innermost().faults.push(fault),
            _ => self.warn(ignored),
        }
    }

    fn innermost(&mut self) -> &mut Component {
        self.open.last_mut().expect("called with a component open")
    }

    /// A repaired fault: the event it is in reports it with its `UID`;
    /// elsewhere it is the file's.
    fn warn(&mut self, fault: Fault) {
        match self.open.get_mut(1) {
            Some(event) if event.name == "VEVENT" => event.warnings.push(fault),
            _ => self.warnings.push(fault),
        }
    }

    fn begin(&mut self, line: &ContentLine) {
        if self.too_deep > 0 || self.open.len() == MAX_DEPTH {
            if self.too_deep == 0 {
                // Fatal for the component under the calendar that holds it.
                let fault = line.fault(format!("components nested deeper than {MAX_DEPTH}"));
                self.open[1].faults.push(fault);
            }
            self.too_deep += 1;
            return;
        }
        let name = component_name(line);
        let mut component = Component::new(name.clone().unwrap_or_default(), line.line);
        if name.is_none() {
            component.faults.push(line.fault("expected a component name"));
        }
        self.open.push(component);
    }

    fn end(&mut self, line: &ContentLine) {
        if self.too_deep > 0 {
            self.too_deep -= 1;
            return;
        }
        let name = component_name(line);
        let Some(top) = self.open.last() else {
            self.warnings
                .push(line.fault("END without a matching BEGIN; ignored"));
            return;
        };
        if name.as_deref() == Some(top.name.as_str()) {
            self.close();
            return;
        }
        if let Some(depth) = self.open.iter().rposition(|c| Some(&c.name) == name.as_ref()) {
            // END of an outer component: the inner ones were never closed.
            while self.open.len() > depth + 1 {
                let inner = self.innermost();
                let fault = line.fault(format!(
                    "BEGIN:{} at line {} is closed by this END of an outer component",
                    inner.name, inner.line
                ));
                inner.faults.push(fault);
                self.close();
            }
            self.close();
        } else if self.open.len() == 1 {
            self.warnings
                .push(line.fault("END of a component that is not open; ignored"));
        } else {
            // A misspelled END (`END:VTOD`) of the innermost component.
            let fault = line.fault(format!("taken as END:{} (the open component)", top.name));
            self.warn(fault);
            self.close();
        }
    }

    fn property(&mut self, line: ContentLine) {
        match self.open.last_mut() {
            _ if self.too_deep > 0 => {}
            None => self
                .warnings
                .push(line.fault("property outside BEGIN:VCALENDAR ... END:VCALENDAR; ignored")),
            Some(current) => {
                let spaced = line.spaced;
                let fault = line.fault("whitespace around a property or parameter name removed");
                current.properties.push(line);
                if spaced {
                    self.warn(fault);
                }
            }
        }
    }

    fn close(&mut self) {
        let Some(done) = self.open.pop() else { return };
        match self.open.last_mut() {
            Some(parent) => parent.children.push(done),
            None => self.roots.push(done),
        }
    }

    fn finish(mut self) -> Result<Tree, InvalidInput> {
        while let Some(unclosed) = self.open.last() {
            let fault = Fault::new(
                unclosed.line,
                format!("BEGIN:{} is never closed (truncated file?)", unclosed.name),
            );
            if self.open.len() == 1 {
                self.warnings.push(fault);
            } else {
                self.innermost().faults.push(fault);
            }
            self.close();
        }
        let (calendars, others): (Vec<_>, Vec<_>) =
            self.roots.into_iter().partition(|c| c.name == "VCALENDAR");
        if calendars.is_empty() {
            return Err(InvalidInput::new(
                "BEGIN",
                "no BEGIN:VCALENDAR: not an iCalendar file",
            ));
        }
        self.warnings.extend(
            others
                .iter()
                .map(|c| Fault::new(c.line, format!("BEGIN:{} outside VCALENDAR; ignored", c.name))),
        );
        Ok(Tree {
            calendars,
            warnings: self.warnings,
        })
    }
}

/// Component names are tokens; anything else is reported, not echoed.
fn component_name(line: &ContentLine) -> Option<String> {
    let name = line.value.trim();
    let is_token =
        !name.is_empty() && name.len() <= 64 && name.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-');
    is_token.then(|| name.to_ascii_uppercase())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::content_line::content_lines;

    fn tree(text: &str) -> Result<Tree, InvalidInput> {
        components(content_lines(text))
    }

    #[test]
    fn nests_components_case_insensitively() {
        let roots = tree(
            "BEGIN:VCALENDAR\nbegin:vevent\nUID:a\nBEGIN:VALARM\nEND:VALARM\nEND:VEVENT\nEND:VCALENDAR\n",
        )
        .unwrap()
        .calendars;
        let event = &roots[0].children[0];
        assert_eq!((event.name.as_str(), event.line), ("VEVENT", 2));
        assert_eq!(event.property("UID").unwrap().value, "a");
        assert_eq!(event.children[0].name, "VALARM");
        assert!(event.faults.is_empty() && event.warnings.is_empty());
    }

    #[test]
    fn structural_faults_stay_on_their_component_and_name_their_lines() {
        let truncated = tree("BEGIN:VCALENDAR\nBEGIN:VEVENT\nUID:a\n").unwrap();
        let event = &truncated.calendars[0].children[0];
        assert_eq!(event.faults[0].line, 2);
        assert!(
            event.faults[0].reason.contains("never closed"),
            "{:?}",
            event.faults
        );
        assert_eq!(truncated.warnings[0].line, 1);

        let cut = tree("BEGIN:VCALENDAR\nBEGIN:VEVENT\nEND:VCALENDAR\n").unwrap();
        assert_eq!(cut.calendars[0].children[0].faults[0].line, 3);

        let misspelled =
            tree("BEGIN:VCALENDAR\nBEGIN:VTODO\nEND:VTOD\nBEGIN:VEVENT\nEND:VEVENT\nEND:VCALENDAR\n")
                .unwrap();
        assert_eq!(misspelled.calendars[0].children.len(), 2);
        assert_eq!(misspelled.warnings[0].line, 3);

        let stray = tree("BEGIN:VCALENDAR\nEND:VCALENDAR\nSUMMARY:Secret\n").unwrap();
        assert_eq!(stray.warnings[0].line, 3);
        assert!(!stray.warnings[0].reason.contains("Secret"));
    }

    #[test]
    fn only_a_file_without_a_calendar_is_refused() {
        assert_eq!(tree("BEGIN:VCARD\nEND:VCARD\n").unwrap_err().field, "BEGIN");
        assert_eq!(tree("SUMMARY:Secret\n").unwrap_err().field, "BEGIN");
    }
}
