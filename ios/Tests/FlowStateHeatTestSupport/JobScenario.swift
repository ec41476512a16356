import FlowStateHeat
import Foundation

/// One golden sync-job scenario of `tests/fixtures/sync_jobs/`, shared with
/// the Rust and Kotlin suites: a plan, then runs of one `SyncJob` on one
/// file, each with what the source answers and what must come out.
public struct JobScenario: Decodable {
    public var name = ""
    public let description: String
    public let plan: Plan
    public let runs: [Run]

    private enum CodingKeys: String, CodingKey {
        case description, plan, runs
    }

    public struct Plan: Decodable {
        public let scope: String
        public let timeZone: String
        public let today: String
        public let pastDays: Int32
        public let futureDays: Int32
        public let windowDays: Int32
        public let budgetMillis: Int64

        public var syncPlan: SyncPlan {
            SyncPlan(
                scope: scope, timeZone: timeZone, today: today, pastDays: pastDays, futureDays: futureDays,
                windowDays: windowDays, budgetMillis: budgetMillis
            )
        }
    }

    public struct Run: Decodable {
        public let access: [String]
        public let reads: [Read]
        public let expect: Expect
    }

    /// An answer to `read()`: a result, or something to throw.
    public enum Read: Decodable {
        case events(calendarCount: Int32, events: [RawEvent])
        case unavailable(reason: String)
        case otherError

        private enum CodingKeys: String, CodingKey {
            case `throw`, reason, calendarCount, events
        }

        public init(from decoder: any Decoder) throws {
            let object = try decoder.container(keyedBy: CodingKeys.self)
            switch try object.decodeIfPresent(String.self, forKey: .throw) {
            case nil:
                self = .events(
                    calendarCount: try object.decode(Int32.self, forKey: .calendarCount),
                    events: try object.decode([RawEvent].self, forKey: .events)
                )
            case "unavailable":
                self = .unavailable(reason: try object.decode(String.self, forKey: .reason))
            case "other":
                self = .otherError
            case let other?:
                throw DecodingError.dataCorruptedError(forKey: .throw, in: object, debugDescription: "unknown throw \(other)")
            }
        }
    }

    /// An event as the platform would hand it over: not validated here, so
    /// odd events reach the job as they are.
    public struct RawEvent: Decodable {
        let id: String
        let calendarId: String
        let title: String
        let titleRepeat: Int?
        let location: String?
        let startMs: Int64?
        let endMs: Int64?
        let startDate: String?
        let endDate: String?
        let availability: String?
        let status: String?
        let participation: String?

        public func sourceEvent() throws -> SourceEvent {
            let time: EventTime
            if let startMs, let endMs {
                time = .timed(startMs: startMs, endMs: endMs)
            } else if let startDate, let endDate {
                time = .allDay(startDate: startDate, endDate: endDate)
            } else {
                throw ScenarioError.noTime(id)
            }
            return SourceEvent(
                id: id, calendarId: calendarId, title: String(repeating: title, count: titleRepeat ?? 1),
                location: location, time: time,
                availability: try Self.value(availability ?? "busy", ["busy": .busy, "tentative": .tentative, "free": .free, "unavailable": .unavailable]),
                status: try Self.value(status ?? "confirmed", ["confirmed": .confirmed, "tentative": .tentative, "cancelled": .cancelled]),
                participation: try Self.value(
                    participation ?? "none",
                    ["none": .none, "accepted": .accepted, "tentative": .tentative, "needsAction": .needsAction, "declined": .declined]
                )
            )
        }

        private static func value<T>(_ name: String, _ values: [String: T]) throws -> T {
            guard let value = values[name] else { throw ScenarioError.unknownValue(name) }
            return value
        }
    }

    public struct Expect: Decodable {
        public let readRanges: [Range]
        public let summary: Summary
        public let stored: Stored?
    }

    public struct Range: Decodable, Equatable {
        public let startMs: Int64
        public let endMs: Int64

        public init(startMs: Int64, endMs: Int64) {
            self.startMs = startMs
            self.endMs = endMs
        }
    }

    /// As `summary_json` in bindings/tests/sync_job_scenarios.rs writes it:
    /// the stop's name with its one detail (`access`, `reason`, `problem` or
    /// `field`), the counts, and the disposition.
    public struct Summary: Decodable, Equatable {
        public let stop: String
        public let access: String?
        public let reason: String?
        public let problem: String?
        public let field: String?
        public let windows: [Window]
        public let windowsGuarded: Int64
        public let windowsOversized: Int64
        public let eventsTruncated: Int64
        public let eventsSkipped: Int64
        public let duplicatesDropped: Int64
        public let storeRebuilt: Bool
        public let disposition: String

        public init(_ summary: SyncSummary) {
            var access: String?, reason: String?, problem: String?, field: String?
            switch summary.stop {
            case .completed: stop = "completed"
            case .budgetSpent: stop = "budgetSpent"
            case .cancelled: stop = "cancelled"
            case .alreadyRunning: stop = "alreadyRunning"
            case .accessNotGranted(let granted):
                stop = "accessNotGranted"
                access = JobScenario.name(of: granted)
            case .sourceFailed(let sourceReason):
                stop = "sourceFailed"
                reason = sourceReason
            case .storeFailed(let storeProblem, _):
                stop = "storeFailed"
                problem = Self.name(of: storeProblem)
            case .invalidPlan(let planField, _):
                stop = "invalidPlan"
                field = planField
            }
            (self.access, self.reason, self.problem, self.field) = (access, reason, problem, field)
            windows = summary.windows.map { sync in
                Window(
                    startMs: sync.window.startMs, endMs: sync.window.endMs, changed: sync.outcome.changed,
                    eventsInserted: sync.outcome.eventsInserted, eventsDeleted: sync.outcome.eventsDeleted,
                    eventsUnchanged: sync.outcome.eventsUnchanged
                )
            }
            windowsGuarded = summary.windowsGuarded
            windowsOversized = summary.windowsOversized
            eventsTruncated = summary.eventsTruncated
            eventsSkipped = summary.eventsSkipped
            duplicatesDropped = summary.duplicatesDropped
            storeRebuilt = summary.storeRebuilt
            disposition = Self.name(of: summary.disposition)
        }

        static func name(of problem: StoreProblem) -> String {
            switch problem {
            case .busy: return "busy"
            case .diskFull: return "diskFull"
            case .ioError: return "ioError"
            case .newerVersion: return "newerVersion"
            case .foreignFile: return "foreignFile"
            case .damagedAgain: return "damagedAgain"
            case .fileReplaced: return "fileReplaced"
            case .engineBug: return "engineBug"
            }
        }

        static func name(of disposition: SyncDisposition) -> String {
            switch disposition {
            case .done: return "done"
            case .retryLater: return "retryLater"
            case .needsUser: return "needsUser"
            case .giveUp: return "giveUp"
            }
        }
    }

    public struct Window: Decodable, Equatable {
        public let startMs: Int64
        public let endMs: Int64
        public let changed: Bool
        public let eventsInserted: Int64
        public let eventsDeleted: Int64
        public let eventsUnchanged: Int64
    }

    public struct Stored: Decodable {
        public let window: Range
        public let events: [StoredEvent]
    }

    public struct StoredEvent: Decodable, Equatable {
        public let id: String
        public let titleBytes: Int

        public init(id: String, titleBytes: Int) {
            self.id = id
            self.titleBytes = titleBytes
        }
    }

    public static func access(named name: String) throws -> CalendarAccess {
        let all: [CalendarAccess] = [.fullAccess, .writeOnly, .denied, .restricted, .notDetermined]
        guard let access = all.first(where: { self.name(of: $0) == name }) else { throw ScenarioError.unknownValue(name) }
        return access
    }

    static func name(of access: CalendarAccess) -> String {
        switch access {
        case .fullAccess: return "fullAccess"
        case .writeOnly: return "writeOnly"
        case .denied: return "denied"
        case .restricted: return "restricted"
        case .notDetermined: return "notDetermined"
        }
    }

    /// Every scenario, by file name.
    public static func all() throws -> [JobScenario] {
        let directory = try fixturesDirectory().appendingPathComponent("sync_jobs", isDirectory: true)
        let files = try FileManager.default.contentsOfDirectory(atPath: directory.path).filter { $0.hasSuffix(".json") }.sorted()
        return try files.map { file in
            var scenario = try JSONDecoder().decode(JobScenario.self, from: Data(contentsOf: directory.appendingPathComponent(file)))
            scenario.name = file
            return scenario
        }
    }
}

public enum ScenarioError: Error {
    case noTime(String)
    case unknownValue(String)
}
