import FlowStateHeat
import Foundation

let berlin = TimeZone(identifier: "Europe/Berlin")!

/// An instant given as a Berlin wall-clock time.
func berlinTime(_ year: Int, _ month: Int, _ day: Int, _ hour: Int = 0, _ minute: Int = 0, _ second: Int = 0) -> Date {
    wallClock(year, month, day, hour, minute, second, in: berlin)
}

func wallClock(_ year: Int, _ month: Int, _ day: Int, _ hour: Int, _ minute: Int, _ second: Int, in zone: TimeZone) -> Date {
    var calendar = Calendar(identifier: .gregorian)
    calendar.timeZone = zone
    let parts = DateComponents(year: year, month: month, day: day, hour: hour, minute: minute, second: second)
    return calendar.date(from: parts)!
}

/// "Today" in the runner tests: Monday 2026-11-30, 10:00 in Berlin.
let today = berlinTime(2026, 11, 30, 10)

/// Six weeks of a working calendar from 2026-11-30, as EventKit would list
/// it: a recurring stand-up every weekday, one single meeting a day, a
/// declined meeting on Wednesdays, and Christmas as an all-day event.
func sixWeeksOfCalendar() -> [CalendarOccurrence] {
    var calendar = Calendar(identifier: .gregorian)
    calendar.timeZone = berlin
    var occurrences: [CalendarOccurrence] = []
    for offset in 0..<42 {
        let date = calendar.date(byAdding: .day, value: offset, to: berlinTime(2026, 11, 30, 12))!
        let weekday = calendar.component(.weekday, from: date)  // 1 = Sunday
        guard (2...6).contains(weekday) else { continue }
        let y = calendar.component(.year, from: date), m = calendar.component(.month, from: date)
        let d = calendar.component(.day, from: date)
        occurrences.append(CalendarOccurrence(
            calendarItemIdentifier: "standup", calendarIdentifier: "work", title: "Stand-up",
            startDate: berlinTime(y, m, d, 9), endDate: berlinTime(y, m, d, 9, 15), hasRecurrenceRules: true
        ))
        occurrences.append(CalendarOccurrence(
            calendarItemIdentifier: "meeting-\(offset)", calendarIdentifier: "work", title: "Meeting \(offset)",
            location: "Room \(offset % 4)",
            startDate: berlinTime(y, m, d, 14), endDate: berlinTime(y, m, d, 15), participantStatus: .accepted
        ))
        if weekday == 4 {
            occurrences.append(CalendarOccurrence(
                calendarItemIdentifier: "declined-\(offset)", calendarIdentifier: "work", title: "Optional",
                startDate: berlinTime(y, m, d, 16), endDate: berlinTime(y, m, d, 17), participantStatus: .declined
            ))
        }
    }
    occurrences.append(CalendarOccurrence(
        calendarItemIdentifier: "christmas", calendarIdentifier: "holidays", title: "Christmas",
        startDate: berlinTime(2026, 12, 25), endDate: berlinTime(2026, 12, 25, 23, 59, 59),
        isAllDay: true, availability: .free
    ))
    return occurrences
}
