use crate::support::heat;

#[test]
fn demo_runs_without_arguments_and_shows_the_no_op_and_the_partial_repair() {
    let run = heat(&["demo"]);
    assert_eq!(run.code, 0, "stderr: {}", run.stderr);
    assert!(run.stderr.is_empty(), "{}", run.stderr);
    let out = &run.stdout;

    let changed: Vec<&str> = out
        .lines()
        .map(str::trim)
        .filter(|l| l.starts_with("changed:"))
        .collect();
    assert_eq!(changed.len(), 3, "{out}");
    assert!(
        changed[0].starts_with("changed: true, inserted 29, deleted 0"),
        "{}",
        changed[0]
    );
    assert!(
        changed[1].starts_with("changed: false, 0 rows written"),
        "{}",
        changed[1]
    );
    assert!(
        changed[2].starts_with("changed: true, inserted 1, deleted 1"),
        "{}",
        changed[2]
    );

    let replaced: Vec<&str> = out
        .lines()
        .map(str::trim)
        .filter(|l| l.starts_with("days replaced:"))
        .collect();
    assert_eq!(
        replaced,
        [
            "days replaced: 14 (Mon 19 Oct 00:00 → Mon 02 Nov 00:00)",
            "days replaced: 1 (Mon 19 Oct 00:00 → Tue 20 Oct 00:00)"
        ]
    );

    // The no-op keeps the first digest; the move changes it.
    let digests: Vec<&str> = out
        .lines()
        .map(str::trim)
        .filter(|l| l.starts_with("window digest"))
        .collect();
    assert_eq!(digests.len(), 3);
    let digest = |line: &str| line.split(['…', ' ']).nth(2).unwrap_or_default().to_owned();
    assert_eq!(digest(digests[0]), digest(digests[1]));
    assert_ne!(digest(digests[1]), digest(digests[2]));

    // The heat map: a row per day, the 25-hour day marked, the double booking shaded, a legend.
    assert!(
        out.lines()
            .any(|l| l.starts_with("Sun 25 Oct") && l.ends_with("25 h day")),
        "{out}"
    );
    assert!(
        out.lines()
            .any(|l| l.starts_with("Tue 20 Oct") && l.contains('█')),
        "{out}"
    );
    assert!(out.contains("█ double-booked"));
    assert!(out.lines().all(|l| l.chars().count() <= 100), "{out}");
    // The day table: the offsite days are busy all day.
    assert!(
        out.lines()
            .any(|l| l.starts_with("Wed 28 Oct") && l.contains("24:00")),
        "{out}"
    );
}
