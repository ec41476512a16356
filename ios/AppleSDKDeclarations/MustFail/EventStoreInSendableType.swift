// expect: non-sendable type 'EKEventStore'
// EKEventStore is not Sendable: a Sendable type may not simply hold one.
import EventKit

final class SharedCalendar: Sendable {
    let eventStore = EKEventStore()
}
