import Foundation

/// A named scenario (ios/Tests/Lifecycle/<name>.json): steps, then what
/// must hold at the end besides the invariants, which are checked after
/// every step. Format in ios/README.md.
struct LifecycleScenario: Decodable {
    struct Expectations: Decodable {
        /// `setTaskCompleted(success:)` calls, per launched task.
        var taskCompletions: [[Bool]]?
        /// Fetch results, per push ("newData", "noData", "failed").
        var pushResults: [[String]]?
        var runsStarted: Int?
        var state: String?
        /// Store change signals posted (runs that changed a window).
        var changeSignals: Int?
    }

    let name: String
    let why: String
    let steps: [String]
    let expect: Expectations

    static var directory: URL {
        URL(fileURLWithPath: #filePath)  // ios/Tests/FlowStateHeatTests/Lifecycle/LifecycleScenario.swift
            .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Lifecycle", isDirectory: true)
    }

    static func all() throws -> [LifecycleScenario] {
        let files = try FileManager.default.contentsOfDirectory(at: directory, includingPropertiesForKeys: nil)
            .filter { $0.pathExtension == "json" }
            .sorted { $0.lastPathComponent < $1.lastPathComponent }
        return try files.map { try JSONDecoder().decode(LifecycleScenario.self, from: Data(contentsOf: $0)) }
    }

    /// Runs the scenario; returns what failed (empty when it passed).
    @MainActor
    func run() throws -> [String] {
        let model = try LifecycleModel()
        for step in steps {
            model.apply(try LifecycleCommand(step))
        }
        var failures = model.violations
        if let expected = expect.taskCompletions, expected != model.tasks.map(\.completions) {
            failures.append("task completions \(model.tasks.map(\.completions)), expected \(expected)")
        }
        let pushResults = model.pushes.map { $0.results.map(\.rawValue) }
        if let expected = expect.pushResults, expected != pushResults {
            failures.append("push results \(pushResults), expected \(expected)")
        }
        if let expected = expect.runsStarted, expected != model.runsStarted {
            failures.append("runs started \(model.runsStarted), expected \(expected)")
        }
        if let expected = expect.state, expected != model.state.rawValue {
            failures.append("state \(model.state.rawValue), expected \(expected)")
        }
        if let expected = expect.changeSignals, expected != model.signal.posts {
            failures.append("change signals \(model.signal.posts), expected \(expected)")
        }
        return failures.isEmpty ? [] : failures + ["log:"] + model.log
    }
}
