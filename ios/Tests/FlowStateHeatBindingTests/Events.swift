import FlowStateHeat

/// Builders for the binding tests' events and windows.
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
