//! RFC 5545 §3.1 content lines: unfolding, and `NAME;PARAM=v,"v":value`.
//!
//! Written here rather than taken from a parser crate (ADR 0005): every
//! error must name the *physical* line and the property, and must never echo
//! a value (a SUMMARY is personal data); unfolding must keep the whitespace
//! at a fold, which is part of the text.

use crate::error::InvalidInput;

/// One unfolded content line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ContentLine {
    /// 1-based physical line where the content line starts.
    pub line: usize,
    /// Upper-cased property name (`DTSTART`, `X-WR-CALNAME`).
    pub name: String,
    pub params: Vec<Param>,
    /// The raw value, still escaped.
    pub value: String,
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

    /// An error about this line's property, naming the line.
    pub fn error(&self, reason: impl std::fmt::Display) -> InvalidInput {
        InvalidInput::new(self.name.as_str(), format!("line {}: {reason}", self.line))
    }
}

/// Splits `text` into unfolded content lines; blank lines are skipped.
pub fn content_lines(text: &str) -> Result<Vec<ContentLine>, InvalidInput> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let mut logical: Vec<(usize, String)> = Vec::new();
    for (index, physical) in text.split('\n').enumerate() {
        let physical = physical.strip_suffix('\r').unwrap_or(physical);
        match physical.as_bytes().first() {
            None => {}
            Some(b' ' | b'\t') => match logical.last_mut() {
                Some((_, current)) => current.push_str(&physical[1..]),
                None => return Err(syntax(index + 1, "a folded continuation with no line before it")),
            },
            Some(_) => logical.push((index + 1, physical.to_owned())),
        }
    }
    logical
        .into_iter()
        .map(|(line, text)| parse_line(line, &text))
        .collect()
}

fn syntax(line: usize, reason: &str) -> InvalidInput {
    InvalidInput::new("ics", format!("line {line}: {reason}"))
}

fn parse_line(line: usize, text: &str) -> Result<ContentLine, InvalidInput> {
    let name_end = text.find([';', ':']).unwrap_or(text.len());
    let name = &text[..name_end];
    if name.is_empty() || !name.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-') {
        return Err(syntax(
            line,
            "expected a property name (letters, digits, '-') before ':'",
        ));
    }
    let name = name.to_ascii_uppercase();
    let mut rest = &text[name_end..];
    let mut params = Vec::new();
    while let Some(after) = rest.strip_prefix(';') {
        let (param, remainder) = parse_param(after).map_err(|reason| {
            InvalidInput::new(
                name.as_str(),
                format!("line {line}: malformed parameter: {reason}"),
            )
        })?;
        params.push(param);
        rest = remainder;
    }
    let Some(value) = rest.strip_prefix(':') else {
        return Err(InvalidInput::new(
            name.as_str(),
            format!("line {line}: missing ':' before the value"),
        ));
    };
    Ok(ContentLine {
        line,
        name,
        params,
        value: value.to_owned(),
    })
}

/// Parses `NAME=v1,"v2"` up to (not including) the next `;` or `:`.
fn parse_param(text: &str) -> Result<(Param, &str), &'static str> {
    let eq = text.find('=').ok_or("expected NAME=value")?;
    let name = &text[..eq];
    if name.is_empty() || !name.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-') {
        return Err("expected a parameter name before '='");
    }
    let mut rest = &text[eq + 1..];
    let mut values = Vec::new();
    loop {
        if let Some(quoted) = rest.strip_prefix('"') {
            let close = quoted.find('"').ok_or("unclosed quote")?;
            values.push(quoted[..close].to_owned());
            rest = &quoted[close + 1..];
        } else {
            let end = rest.find([',', ';', ':']).unwrap_or(rest.len());
            values.push(rest[..end].to_owned());
            rest = &rest[end..];
        }
        match rest.as_bytes().first() {
            Some(b',') => rest = &rest[1..],
            Some(b';' | b':') => break,
            _ => return Err("expected ',', ';' or ':' after a parameter value"),
        }
    }
    Ok((
        Param {
            name: name.to_ascii_uppercase(),
            values,
        },
        rest,
    ))
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

    #[test]
    fn unfolds_keeping_the_space_before_a_fold_and_counts_physical_lines() {
        let lines = content_lines("BEGIN:VEVENT\r\nSUMMARY:Team \r\n meeting\r\n\r\nUID:a\r\n").unwrap();
        assert_eq!(lines[1].value, "Team meeting");
        assert_eq!((lines[2].line, lines[2].name.as_str()), (5, "UID"));
    }

    #[test]
    fn parses_quoted_and_listed_parameters() {
        let lines =
            content_lines("attendee;partstat=ACCEPTED;MEMBER=\"mailto:a:b\",x;CN=A:mailto:me@x.org").unwrap();
        let line = &lines[0];
        assert_eq!(line.name, "ATTENDEE");
        assert_eq!(line.param("PARTSTAT"), Some("ACCEPTED"));
        assert_eq!(line.params[1].values, ["mailto:a:b", "x"]);
        assert_eq!(line.value, "mailto:me@x.org");
    }

    #[test]
    fn malformed_lines_name_the_line_and_never_echo_the_value() {
        let cases = [
            ("UID:a\nSUMMARY Secret dinner\n", "ics", "line 2"),
            (
                "UID:a\nDTSTART;TZID=\"Europe/Berlin:20260101T000000\n",
                "DTSTART",
                "line 2",
            ),
            ("UID:a\n\nDTSTART;TZID:x\n", "DTSTART", "line 3"),
            (" folded first\n", "ics", "line 1"),
        ];
        for (text, field, line) in cases {
            let err = content_lines(text).unwrap_err();
            assert_eq!(err.field, field, "{text}");
            assert!(err.reason.starts_with(line), "{err}");
            assert!(!err.to_string().contains("Secret"));
        }
    }

    #[test]
    fn text_unescaping() {
        assert_eq!(unescape_text(r"a\, b\; c\\d\ne"), "a, b; c\\d\ne");
    }
}
