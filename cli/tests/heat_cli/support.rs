//! Running the binary against a store in a temporary directory.

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

use serde_json::Value;

pub const SAMPLE: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/src/demo/sample.json");
/// The sample's window: two weeks in Berlin across the 25-hour day.
pub const WINDOW: [&str; 6] = [
    "--from",
    "2026-10-19",
    "--to",
    "2026-11-02",
    "--tz",
    "Europe/Berlin",
];

pub struct Run {
    pub code: i32,
    pub stdout: String,
    pub stderr: String,
}

impl Run {
    pub fn json(&self) -> Value {
        assert_eq!(self.code, 0, "stderr: {}", self.stderr);
        serde_json::from_str(&self.stdout).unwrap_or_else(|e| panic!("not JSON ({e}): {}", self.stdout))
    }

    /// Asserts a failure with one line on stderr, and returns that line.
    pub fn one_line_error(&self, code: i32) -> &str {
        assert_eq!(
            self.code, code,
            "stdout: {}\nstderr: {}",
            self.stdout, self.stderr
        );
        let lines: Vec<_> = self.stderr.lines().collect();
        assert_eq!(lines.len(), 1, "stderr: {}", self.stderr);
        assert!(lines[0].starts_with("heat: "), "{}", lines[0]);
        assert!(self.stdout.is_empty(), "stdout: {}", self.stdout);
        lines[0]
    }
}

pub fn heat(args: &[&str]) -> Run {
    heat_with_stdin(args, "")
}

pub fn heat_with_stdin(args: &[&str], stdin: &str) -> Run {
    use std::io::Write;
    let mut child = Command::new(env!("CARGO_BIN_EXE_heat"))
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("the heat binary runs");
    // A command that fails before reading stdin closes the pipe: not an error here.
    let _ = child
        .stdin
        .take()
        .expect("piped stdin")
        .write_all(stdin.as_bytes());
    let output = child.wait_with_output().expect("heat finishes");
    Run {
        code: output
            .status
            .code()
            .expect("heat exits normally, not by a signal"),
        stdout: String::from_utf8(output.stdout).expect("stdout is UTF-8"),
        stderr: String::from_utf8(output.stderr).expect("stderr is UTF-8"),
    }
}

/// A temporary directory holding one store file.
pub struct Store {
    dir: tempfile::TempDir,
}

impl Store {
    pub fn new() -> Self {
        Store {
            dir: tempfile::tempdir().expect("a temporary directory"),
        }
    }

    pub fn db(&self) -> PathBuf {
        self.dir.path().join("heat.db")
    }

    pub fn file(&self, name: &str, contents: &str) -> PathBuf {
        let path = self.dir.path().join(name);
        std::fs::write(&path, contents).expect("write a test file");
        path
    }

    pub fn path(&self, name: &str) -> PathBuf {
        self.dir.path().join(name)
    }

    /// `heat <command> --db … --scope me <window> <extra…>`.
    pub fn run(&self, command: &str, extra: &[&str]) -> Run {
        self.run_in_scope(command, "me", extra)
    }

    pub fn run_in_scope(&self, command: &str, scope: &str, extra: &[&str]) -> Run {
        let db = self.db();
        let mut args = vec![
            command,
            "--db",
            db.to_str().expect("UTF-8 temp path"),
            "--scope",
            scope,
        ];
        args.extend(WINDOW);
        args.extend(extra);
        heat(&args)
    }

    /// `heat sync … --events - --json` with `stdin` as the events.
    pub fn sync_stdin(&self, stdin: &str) -> Run {
        let db = self.db();
        let mut args = vec![
            "sync",
            "--db",
            db.to_str().expect("UTF-8 temp path"),
            "--scope",
            "me",
        ];
        args.extend(WINDOW);
        args.extend(["--events", "-", "--json"]);
        heat_with_stdin(&args, stdin)
    }

    pub fn sync(&self, events: &Path) -> Run {
        self.run(
            "sync",
            &["--events", events.to_str().expect("UTF-8 path"), "--json"],
        )
    }

    /// The bytes of the store file and of its write-ahead log, if any.
    pub fn bytes(&self) -> (Vec<u8>, Option<Vec<u8>>) {
        let db = self.db();
        let wal = PathBuf::from(format!("{}-wal", db.display()));
        (
            std::fs::read(&db).expect("the store file exists"),
            std::fs::read(wal).ok(),
        )
    }
}

/// One timed event in the event JSON format.
pub fn event(id: &str, start: &str, end: &str) -> String {
    format!(
        r#"{{"id": "{id}", "calendarId": "work", "title": "SECRET-TITLE", "start": "{start}", "end": "{end}"}}"#
    )
}

pub fn events_file(events: &[String]) -> String {
    format!(r#"{{"events": [{}]}}"#, events.join(", "))
}
