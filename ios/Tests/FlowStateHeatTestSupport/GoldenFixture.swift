import FlowStateHeat
import Foundation

/// One of the golden fixtures in the repository's `tests/fixtures/`, shared
/// with the Rust and Kotlin suites: every language must reproduce the
/// hand-computed expectations to the bit.
public struct GoldenFixture {
    public let name: String
    public let scope: String
    public let window: TimeWindow
    public let slotMinutes: Int32
    public let minFreeMinutes: Int32
    public let events: [SourceEvent]
    public let expected: Expected

    public struct Expected: Decodable {
        public let windowDigest: String
        public let ignoredOutsideWindow: Int64
        public let busyMinutes: Double
        public let slots: [Slot]
        public let freeBlocks: [Range]
    }

    public struct Slot: Decodable {
        public let startMs: Int64
        public let heat: Double
    }

    public struct Range: Decodable {
        public let startMs: Int64
        public let endMs: Int64
    }

    /// Every fixture, by file name.
    public static func all() throws -> [GoldenFixture] {
        let directory = try fixturesDirectory()
        let files = try FileManager.default.contentsOfDirectory(atPath: directory.path)
            .filter { $0.hasSuffix(".json") }
            .sorted()
        return try files.map { try GoldenFixture(file: directory.appendingPathComponent($0)) }
    }

    init(file: URL) throws {
        let data = try Data(contentsOf: file)
        // Numbers through JSONDecoder (exact decimal-to-double parsing); the
        // events through the core's own event-JSON parser, like the CLI.
        let header = try JSONDecoder().decode(Header.self, from: data)
        let root = try JSONSerialization.jsonObject(with: data) as? [String: Any]
        guard let source = root?["source"] else { throw FixtureError.missingSource(file.lastPathComponent) }
        let sourceJSON = try JSONSerialization.data(withJSONObject: source)
        name = file.lastPathComponent
        scope = header.scope
        window = TimeWindow(startMs: header.window.startMs, endMs: header.window.endMs, timeZone: header.window.timeZone)
        slotMinutes = header.slotMinutes
        minFreeMinutes = header.minFreeMinutes
        events = try eventsFromJson(json: String(decoding: sourceJSON, as: UTF8.self))
        expected = header.expected
    }

    private struct Header: Decodable {
        let scope: String
        let window: Window
        let slotMinutes: Int32
        let minFreeMinutes: Int32
        let expected: Expected
    }

    private struct Window: Decodable {
        let startMs: Int64
        let endMs: Int64
        let timeZone: String
    }
}

public enum FixtureError: Error {
    case noFixturesDirectory(String)
    case missingSource(String)
}
