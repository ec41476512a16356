#if canImport(os)
import os

/// Each run's ending in the unified log, subsystem `app.flowstate.heat`,
/// category `sync` (README, "Logs"). The line is the Rust
/// `SyncSummary.logLine` — stop, disposition, windows, counts, duration;
/// never titles, locations or ids — so it is logged public.
public enum SyncLog {
    public static let subsystem = "app.flowstate.heat"
    public static let category = "sync"
    private static let logger = Logger(subsystem: subsystem, category: category)

    public static func record(_ report: some SyncReport) {
        logger.notice("\(report.logLine, privacy: .public)")
    }
}
#endif
