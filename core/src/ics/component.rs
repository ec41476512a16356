//! The `BEGIN:`/`END:` tree of an iCalendar file.
//!
//! A truncated download (a `BEGIN` never closed) is refused rather than read
//! as far as it goes: a half-read calendar would silently drop events.

use crate::error::InvalidInput;

use super::content_line::ContentLine;

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
}

impl Component {
    pub fn property(&self, name: &str) -> Option<&ContentLine> {
        self.properties.iter().find(|p| p.name == name)
    }

    pub fn properties_named<'a>(&'a self, name: &'a str) -> impl Iterator<Item = &'a ContentLine> {
        self.properties.iter().filter(move |p| p.name == name)
    }

    /// The children named `name`, in file order.
    pub fn children_named<'a>(&'a self, name: &'a str) -> impl Iterator<Item = &'a Component> {
        self.children.iter().filter(move |c| c.name == name)
    }
}

/// Builds the top-level components (normally one or more `VCALENDAR`s).
pub fn components(lines: Vec<ContentLine>) -> Result<Vec<Component>, InvalidInput> {
    let mut roots = Vec::new();
    let mut open: Vec<Component> = Vec::new();
    for line in lines {
        match line.name.as_str() {
            "BEGIN" => {
                if open.len() == MAX_DEPTH {
                    return Err(line.error(format!("components nested deeper than {MAX_DEPTH}")));
                }
                open.push(Component {
                    name: component_name(&line)?,
                    line: line.line,
                    properties: Vec::new(),
                    children: Vec::new(),
                });
            }
            "END" => {
                let name = component_name(&line)?;
                let Some(done) = open.pop() else {
                    return Err(line.error(format!("END:{name} without a matching BEGIN")));
                };
                if done.name != name {
                    return Err(line.error(format!(
                        "END:{name} does not close BEGIN:{} at line {}",
                        done.name, done.line
                    )));
                }
                match open.last_mut() {
                    Some(parent) => parent.children.push(done),
                    None => roots.push(done),
                }
            }
            _ => match open.last_mut() {
                Some(current) => current.properties.push(line),
                None => return Err(line.error("property outside BEGIN:VCALENDAR ... END:VCALENDAR")),
            },
        }
    }
    if let Some(unclosed) = open.last() {
        return Err(InvalidInput::new(
            "END",
            format!(
                "BEGIN:{} at line {} is never closed (truncated file?)",
                unclosed.name, unclosed.line
            ),
        ));
    }
    if !roots.iter().any(|c| c.name == "VCALENDAR") {
        return Err(InvalidInput::new(
            "BEGIN",
            "no BEGIN:VCALENDAR: not an iCalendar file",
        ));
    }
    Ok(roots)
}

/// Component names are tokens; anything else is reported, not echoed.
fn component_name(line: &ContentLine) -> Result<String, InvalidInput> {
    let name = line.value.trim();
    let is_token =
        !name.is_empty() && name.len() <= 64 && name.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-');
    if !is_token {
        return Err(line.error("expected a component name"));
    }
    Ok(name.to_ascii_uppercase())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ics::content_line::content_lines;

    fn tree(text: &str) -> Result<Vec<Component>, InvalidInput> {
        components(content_lines(text)?)
    }

    #[test]
    fn nests_components_case_insensitively() {
        let roots = tree(
            "BEGIN:VCALENDAR\nbegin:vevent\nUID:a\nBEGIN:VALARM\nEND:VALARM\nEND:VEVENT\nEND:VCALENDAR\n",
        )
        .unwrap();
        let event = &roots[0].children[0];
        assert_eq!((event.name.as_str(), event.line), ("VEVENT", 2));
        assert_eq!(event.property("UID").unwrap().value, "a");
        assert_eq!(event.children[0].name, "VALARM");
    }

    #[test]
    fn structural_errors_name_their_lines() {
        let err = tree("BEGIN:VCALENDAR\nBEGIN:VEVENT\nUID:a\n").unwrap_err();
        assert!(
            err.reason.contains("line 2") && err.reason.contains("never closed"),
            "{err}"
        );
        let err = tree("BEGIN:VCALENDAR\nBEGIN:VEVENT\nEND:VCALENDAR\n").unwrap_err();
        assert!(
            err.reason.starts_with("line 3:") && err.reason.contains("line 2"),
            "{err}"
        );
        let err = tree("SUMMARY:Secret\n").unwrap_err();
        assert_eq!(err.field, "SUMMARY");
        assert!(!err.to_string().contains("Secret"));
        assert_eq!(tree("BEGIN:VCARD\nEND:VCARD\n").unwrap_err().field, "BEGIN");
    }
}
