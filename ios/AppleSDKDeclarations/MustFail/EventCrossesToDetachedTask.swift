// expect: risks causing data races
// An EKEvent belongs to the thread that fetched it: handing one to another
// task must not compile (the adapter copies values instead).
import EventKit

func titleElsewhere(_ event: EKEvent) async -> String? {
    await Task.detached { event.title }.value
}
