import FlowStateHeat
import FlowStateHeatTestSupport

/// Builders for the binding tests' events, windows and plans.
let minute: Int64 = 60_000
let hour: Int64 = 60 * minute
let day: Int64 = 24 * hour
/// 2026-11-30T00:00:00Z.
let monday: Int64 = 1_795_996_800_000

func timed(
    _ id: String,
    start: Int64,
    end: Int64,
    title: String = "Meeting",
    availability: Availability = .busy,
    participation: Participation = .none
) -> SourceEvent {
    SourceEvent(
        id: id,
        calendarId: "work",
        title: title,
        location: nil,
        time: .timed(startMs: start, endMs: end),
        availability: availability,
        status: .confirmed,
        participation: participation
    )
}

func allDay(_ id: String, from startDate: String, to endDate: String) -> SourceEvent {
    SourceEvent(
        id: id,
        calendarId: "holidays",
        title: "Holiday",
        location: nil,
        time: .allDay(startDate: startDate, endDate: endDate),
        availability: .busy,
        status: .confirmed,
        participation: .none
    )
}

func utcWindow(from start: Int64, days: Int64) -> TimeWindow {
    TimeWindow(startMs: start, endMs: start + days * day, timeZone: "UTC")
}

/// The contract's plan (`defaultSyncPlan`) cut to two 7-day windows from
/// 2026-11-30 in Berlin, for scope "device".
func twoWeekPlan() -> SyncPlan {
    var plan = defaultSyncPlan(scope: "device", timeZone: "Europe/Berlin", today: "2026-11-30")
    plan.pastDays = 0
    plan.futureDays = 14
    return plan
}

/// `twoWeekPlan()`'s days: Berlin midnight of 2026-11-30 to that of 2026-12-14.
let berlinFortnight = TimeWindow(startMs: monday - hour, endMs: monday - hour + 14 * day, timeZone: "Europe/Berlin")

/// The events of scope "device" over `berlinFortnight` in the store at `path`.
func storedFortnight(_ path: String) throws -> [SourceEvent] {
    try HeatStore.openReadOnly(path: path, zones: bundledZones).events(scope: "device", window: berlinFortnight)
}
