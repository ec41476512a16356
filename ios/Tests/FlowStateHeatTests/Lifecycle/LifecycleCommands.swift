import Foundation

/// One step of a schedule, as written in the JSON scenarios
/// (ios/Tests/Lifecycle/*.json) and drawn by the random schedules; the
/// vocabulary is documented in ios/README.md ("The lifecycle model").
enum LifecycleCommand: Equatable, CustomStringConvertible {
    case open, leave, push, change, revoke, grant, terminate
    case refresh(expiresAfter: TimeInterval)
    case burst(count: Int, every: TimeInterval)
    case advance(TimeInterval)
    /// The durations of the next runs, in seconds.
    case runs([TimeInterval])

    init(_ text: String) throws {
        let words = text.split(separator: " ").map(String.init)
        let numbers = words.dropFirst().compactMap(Double.init)
        guard numbers.count == words.count - 1 else { throw Unreadable(text: text) }
        switch (words.first, numbers.count) {
        case ("open", 0): self = .open
        case ("leave", 0): self = .leave
        case ("push", 0): self = .push
        case ("change", 0): self = .change
        case ("revoke", 0): self = .revoke
        case ("grant", 0): self = .grant
        case ("terminate", 0): self = .terminate
        case ("refresh", 1): self = .refresh(expiresAfter: numbers[0])
        case ("burst", 2): self = .burst(count: Int(numbers[0]), every: numbers[1])
        case ("advance", 1): self = .advance(numbers[0])
        case ("runs", _) where !numbers.isEmpty: self = .runs(numbers)
        default: throw Unreadable(text: text)
        }
    }

    var description: String {
        switch self {
        case .open: "open"
        case .leave: "leave"
        case .push: "push"
        case .change: "change"
        case .revoke: "revoke"
        case .grant: "grant"
        case .terminate: "terminate"
        case .refresh(let expiresAfter): "refresh \(expiresAfter)"
        case .burst(let count, let every): "burst \(count) \(every)"
        case .advance(let seconds): "advance \(seconds)"
        case .runs(let durations): "runs " + durations.map { "\($0)" }.joined(separator: " ")
        }
    }

    struct Unreadable: Error, CustomStringConvertible {
        let text: String
        var description: String { "not a lifecycle command: \"\(text)\"" }
    }
}

extension LifecycleModel {
    func apply(_ command: LifecycleCommand) {
        switch command {
        case .open: open()
        case .leave: leave()
        case .push: push()
        case .change: calendarChange()
        case .revoke: setAccess(granted: false)
        case .grant: setAccess(granted: true)
        case .terminate: terminate()
        case .refresh(let expiresAfter): refresh(expiresAfter: expiresAfter)
        case .burst(let count, let every):
            for _ in 0..<count {
                calendarChange()
                advance(every)
            }
        case .advance(let seconds): advance(seconds)
        case .runs(let durations): runDurations = durations
        }
    }
}
