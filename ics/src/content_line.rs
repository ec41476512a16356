//! RFC 5545 §3.1 content lines: unfolding, and `NAME;PARAM=v,"v":value`.
//!
//! Written here rather than taken from a parser crate (ADR 0005): every
//! fault must name the *physical* line and the property, and must never echo
//! a value (a SUMMARY is personal data); unfolding must keep the whitespace
//! at a fold, which is part of the text.
//!
//! Lenient (ADR 0014): whitespace around a property or parameter name, or
//! around an unquoted parameter value, is removed with a warning; a line
//! with a malformed parameter is kept, marked, for the component to decide
//! (fatal on a property the importer reads, ignored elsewhere); a line that
//! is not a content line at all is a [`BrokenLine`] at its place in the
//! file, marked when it could be part of a property the engine needs.

use crate::broken_line::could_be_needed;
use crate::report::Fault;

/// One unfolded content line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ContentLine {
    /// 1-based physical line where the content line starts.
    pub line: usize,
    /// Upper-cased property name (`DTSTART`, `X-WR-CALNAME`).
    pub name: String,
    pub params: Vec<Param>,
    /// The raw value, still escaped (empty when `malformed`).
    pub value: String,
    /// Why the parameters could not be read (then `value` is unknown).
    pub malformed: Option<&'static str>,
    /// Whitespace around a name or an unquoted parameter value was removed.
    pub spaced: bool,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Param {
    /// Upper-cased parameter name (`TZID`).
    pub name: String,
    /// Values with their quotes removed.
    pub values: Vec<String>,
}

impl ContentLine {
    /// The first value of parameter `name`, if present.
    pub fn param(&self, name: &str) -> Option<&str> {
        self.params
            .iter()
            .find(|p| p.name == name)
            .and_then(|p| p.values.first())
            .map(String::as_str)
    }

    /// A fault of this line's property, naming the line and the property.
    pub fn fault(&self, reason: impl std::fmt::Display) -> Fault {
        Fault::new(self.line, format!("{}: {reason}", self.name))
    }
}

/// A line that is not a content line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BrokenLine {
    pub fault: Fault,
    /// It could be part of a property the engine needs (`broken_line`).
    pub could_be_needed: bool,
}

/// Splits `text` into unfolded content lines (blank lines skipped), each
/// either read or broken.
pub fn content_lines(text: &str) -> Vec<Result<ContentLine, BrokenLine>> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let mut logical: Vec<(usize, String)> = Vec::new();
    let mut out = Vec::new();
    for (index, physical) in text.split('\n').enumerate() {
        let physical = physical.strip_suffix('\r').unwrap_or(physical);
        match physical.as_bytes().first() {
            None => {}
            Some(b' ' | b'\t') => match logical.last_mut() {
                Some((_, current)) => current.push_str(&physical[1..]),
                None => out.push(Err(BrokenLine {
                    fault: Fault::new(index + 1, "a folded continuation with no line before it"),
                    could_be_needed: false,
                })),
            },
            Some(_) => logical.push((index + 1, physical.to_owned())),
        }
    }
    let mut previous: Option<ContentLine> = None;
    for (line, text) in logical {
        match parse_line(line, &text) {
            Ok(read) => {
                previous = Some(read.clone());
                out.push(Ok(read));
            }
            Err(fault) => out.push(Err(BrokenLine {
                fault,
                could_be_needed: could_be_needed(previous.as_ref(), &text),
            })),
        }
    }
    out
}

fn is_name(name: &str) -> bool {
    !name.is_empty() && name.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-')
}

fn parse_line(line: usize, text: &str) -> Result<ContentLine, Fault> {
    let name_end = text.find([';', ':']).unwrap_or(text.len());
    let raw_name = &text[..name_end];
    let trimmed = raw_name.trim();
    if !is_name(trimmed) {
        return Err(Fault::new(
            line,
            "not a content line: expected a property name (letters, digits, '-') before ':'",
        ));
    }
    let name = trimmed.to_ascii_uppercase();
    let mut spaced = trimmed.len() != raw_name.len();
    let mut rest = &text[name_end..];
    let mut params = Vec::new();
    while let Some(after) = rest.strip_prefix(';') {
        match parse_param(after) {
            Ok((param, remainder, had_space)) => {
                spaced |= had_space;
                params.push(param);
                rest = remainder;
            }
            Err(reason) => {
                return Ok(ContentLine {
                    line,
                    name,
                    params,
                    value: String::new(),
                    malformed: Some(reason),
                    spaced,
                });
            }
        }
    }
    let Some(value) = rest.strip_prefix(':') else {
        // The name is not echoed: the line may be the rest of a title.
        return Err(Fault::new(line, "not a content line: no ':' before the value"));
    };
    Ok(ContentLine {
        line,
        name,
        params,
        value: value.to_owned(),
        malformed: None,
        spaced,
    })
}

/// Parses `NAME=v1,"v2"` up to (not including) the next `;` or `:`; also
/// says whether whitespace had to be trimmed.
fn parse_param(text: &str) -> Result<(Param, &str, bool), &'static str> {
    let eq = text.find(['=', ':', ';']).filter(|&i| text.as_bytes()[i] == b'=');
    let eq = eq.ok_or("malformed parameter: expected NAME=value")?;
    let raw_name = &text[..eq];
    let name = raw_name.trim();
    if !is_name(name) {
        return Err("malformed parameter: expected a parameter name before '='");
    }
    let mut spaced = name.len() != raw_name.len();
    let mut rest = &text[eq + 1..];
    let mut values = Vec::new();
    loop {
        let unspaced = rest.trim_start_matches([' ', '\t']);
        if let Some(quoted) = unspaced.strip_prefix('"') {
            spaced |= unspaced.len() != rest.len();
            let close = quoted.find('"').ok_or("malformed parameter: unclosed quote")?;
            values.push(quoted[..close].to_owned());
            rest = &quoted[close + 1..];
            let after = rest.trim_start_matches([' ', '\t']);
            spaced |= after.len() != rest.len();
            rest = after;
        } else {
            let end = rest.find([',', ';', ':', '"']).unwrap_or(rest.len());
            let value = rest[..end].trim();
            spaced |= value.len() != rest[..end].len();
            values.push(value.to_owned());
            rest = &rest[end..];
        }
        match rest.as_bytes().first() {
            Some(b',') => rest = &rest[1..],
            Some(b';' | b':') => break,
            _ => return Err("malformed parameter: expected ',', ';' or ':' after a parameter value"),
        }
    }
    let param = Param {
        name: name.to_ascii_uppercase(),
        values,
    };
    Ok((param, rest, spaced))
}

/// Undoes TEXT escaping (`\\`, `\;`, `\,`, `\n`).
pub fn unescape_text(value: &str) -> String {
    let mut out = String::with_capacity(value.len());
    let mut chars = value.chars();
    while let Some(c) = chars.next() {
        if c != '\\' {
            out.push(c);
            continue;
        }
        match chars.next() {
            Some('n' | 'N') => out.push('\n'),
            Some(other) => out.push(other),
            None => out.push('\\'),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(text: &str) -> Vec<ContentLine> {
        content_lines(text).into_iter().map(Result::unwrap).collect()
    }

    #[test]
    fn unfolds_keeping_the_space_before_a_fold_and_counts_physical_lines() {
        let lines = read("BEGIN:VEVENT\r\nSUMMARY:Team \r\n meeting\r\n\r\nUID:a\r\n");
        assert_eq!(lines[1].value, "Team meeting");
        assert_eq!((lines[2].line, lines[2].name.as_str()), (5, "UID"));
    }

    #[test]
    fn parses_quoted_and_listed_parameters() {
        let lines = read("attendee;partstat=ACCEPTED;MEMBER=\"mailto:a:b\",x;CN=A:mailto:me@x.org");
        let line = &lines[0];
        assert_eq!(line.name, "ATTENDEE");
        assert_eq!(line.param("PARTSTAT"), Some("ACCEPTED"));
        assert_eq!(line.params[1].values, ["mailto:a:b", "x"]);
        assert_eq!(line.value, "mailto:me@x.org");
        assert_eq!(line.malformed, None);
    }

    #[test]
    fn whitespace_around_names_and_parameters_is_removed_and_marked() {
        let read = read("DTSTART ; TZID = Europe/Berlin :20260101T090000\nUID:a\n");
        let line = &read[0];
        assert_eq!(
            (line.name.as_str(), line.param("TZID")),
            ("DTSTART", Some("Europe/Berlin"))
        );
        assert_eq!(line.value, "20260101T090000");
        assert!(line.spaced && !read[1].spaced);
    }

    #[test]
    fn malformed_parameters_are_marked_and_other_faults_name_their_line() {
        let read = content_lines("UID:a\nORGANIZER;CN=\"Secret:mailto:x@y\nSUMMARY Secret dinner\n folded\n");
        assert_eq!(
            read[1].as_ref().unwrap().malformed,
            Some("malformed parameter: unclosed quote")
        );
        let fault = &read[2].as_ref().unwrap_err().fault;
        assert_eq!(fault.line, 3);
        assert!(!fault.reason.contains("Secret"));
        let first = content_lines(" folded first\n");
        assert_eq!(first[0].as_ref().unwrap_err().fault.line, 1);
        let nameless = content_lines("SUMMARY:a\nBob\n");
        assert!(!nameless[1].as_ref().unwrap_err().fault.reason.contains("Bob"));
    }

    #[test]
    fn text_unescaping() {
        assert_eq!(unescape_text(r"a\, b\; c\\d\ne"), "a, b; c\\d\ne");
    }
}
