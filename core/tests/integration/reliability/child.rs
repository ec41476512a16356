//! Running this test binary again as a child process.
//!
//! Each harness that needs a process of its own has an `#[ignore]`d test as
//! its entry point; the parent starts this binary filtered to exactly that
//! test and passes its parameters in environment variables. Run without
//! them (e.g. by `cargo test -- --ignored`) an entry point does nothing.

use std::process::Command;

/// A command running only the entry point `test` (its path in this module,
/// e.g. `kill::victim_process`) of this binary.
pub fn command(test: &str) -> Command {
    let mut cmd = Command::new(std::env::current_exe().expect("the test binary's path"));
    cmd.args(entry_point_args(test));
    cmd
}

/// The same, started through `unshare --mount` so the child may mount file
/// systems (a small tmpfs, a read-only bind) that nobody else sees and that
/// vanish with it. Needs root (or CAP_SYS_ADMIN); there is no fallback.
pub fn command_in_private_mounts(test: &str) -> Command {
    let mut cmd = Command::new("unshare");
    cmd.args(["--mount", "--propagation", "private", "--"]);
    cmd.arg(std::env::current_exe().expect("the test binary's path"));
    cmd.args(entry_point_args(test));
    cmd
}

/// The test harness's arguments that run exactly one ignored entry point.
fn entry_point_args(test: &str) -> [String; 5] {
    [
        format!("reliability::{test}"),
        "--exact".into(),
        "--ignored".into(),
        "--nocapture".into(),
        "--test-threads=1".into(),
    ]
}

/// Lines of the child's output that carry `tag` (the test harness adds its
/// own lines around them), with the tag and what precedes it removed.
pub fn tagged<'a>(output: &'a str, tag: &'a str) -> impl Iterator<Item = &'a str> {
    output
        .lines()
        .filter_map(move |line| line.find(tag).map(|i| line[i + tag.len()..].trim()))
}
