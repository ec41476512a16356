@testable import FlowStateHeat
import Foundation
import XCTest

/// The sync can never be the reason iOS kills the app: named scenarios
/// (ios/Tests/Lifecycle/*.json) and seeded random schedules on the model of
/// the app lifecycle, invariants checked after every step.
final class LifecycleModelTests: XCTestCase {
    /// Steps per CI run, over `seeds` schedules. LIFECYCLE_SEED=<n> replays one.
    static let steps = 10_000
    static let seeds: [UInt64] = [1, 2, 3, 4, 5]

    func testNamedScenarios() async throws {
        let outcomes = try await Self.runScenarios()
        XCTAssertGreaterThanOrEqual(outcomes.count, 4, "scenarios found in \(LifecycleScenario.directory.path)")
        for (name, failures) in outcomes {
            XCTAssertEqual(failures, [], "scenario \(name):\n" + failures.joined(separator: "\n"))
        }
    }

    func testSeededRandomSchedulesKeepEveryInvariant() async throws {
        let seeds = ProcessInfo.processInfo.environment["LIFECYCLE_SEED"].flatMap(UInt64.init).map { [$0] } ?? Self.seeds
        let stepsPerSeed = Self.steps / seeds.count
        var totals = (steps: 0, runs: 0, launches: 0, tasks: 0, pushes: 0, reads: 0)
        for seed in seeds {
            let result = try await Self.runRandomSchedule(seed: seed, steps: stepsPerSeed)
            totals.steps += stepsPerSeed
            totals.runs += result.runs
            totals.launches += result.launches
            totals.tasks += result.tasks
            totals.pushes += result.pushes
            totals.reads += result.reads
            guard result.failure == nil else {
                XCTFail("seed \(seed) (replay: LIFECYCLE_SEED=\(seed)): \(result.failure ?? "")")
                return
            }
        }
        print("""
            lifecycle model: \(totals.steps) random steps over seeds \(seeds.map(String.init).joined(separator: ",")): \
            \(totals.launches) launches, \(totals.runs) sync runs, \(totals.tasks) background tasks, \(totals.pushes) pushes, \
            \(totals.reads) screen reads; invariants held after every step: never suspended with the store open or \
            locked (0xdead10cc), no kill, every task and push completed exactly once before its deadline, \
            a background task completed when its own run ends (not held by follow-ups), \
            register once before the end of launch, every calendar change followed by a sync by the next launch or \
            wake-up, the screen's change stream reads only while active, resumes on activation and shows each \
            run's result while active
            """)
    }

    @MainActor
    private static func runScenarios() throws -> [(String, [String])] {
        try LifecycleScenario.all().map { ($0.name, try $0.run()) }
    }

    struct RandomResult {
        var runs = 0, launches = 0, tasks = 0, pushes = 0, reads = 0
        var failure: String?
    }

    @MainActor
    private static func runRandomSchedule(seed: UInt64, steps: Int) throws -> RandomResult {
        let model = try LifecycleModel()
        var schedule = RandomSchedule(seed: seed)
        var durations = RandomSchedule(seed: seed ^ 0xD1CE)
        model.randomRunDuration = { durations.runDuration() }
        var result = RandomResult()
        for step in 0..<steps {
            let command = schedule.nextCommand()
            model.apply(command)
            if !model.violations.isEmpty {
                result.failure = "step \(step) (\(command)): \(model.violations.joined(separator: "; "))\n"
                    + model.log.suffix(40).joined(separator: "\n")
                break
            }
        }
        result.runs = model.runsStarted
        result.launches = model.launches
        result.tasks = model.tasks.count
        result.pushes = model.pushes.count
        result.reads = model.reads
        return result
    }
}
