import FlowStateHeat
import FlowStateHeatTestSupport
import XCTest

/// The runner against a fake calendar and a real store file.
final class HeatSyncRunnerTests: XCTestCase {
    private var directory: TemporaryDirectory!
    private var store: HeatStore!
    private var source: FakeCalendarSource!
    private let farAway = today.addingTimeInterval(3_600)
    /// The six weeks the default plan covers.
    private var horizon: TimeWindow!

    override func setUpWithError() throws {
        directory = try TemporaryDirectory()
        store = try HeatStore.open(path: directory.path("heat.db"))
        source = FakeCalendarSource(sixWeeksOfCalendar())
        horizon = try windowOfDays(startDate: "2026-11-30", days: 42, timeZone: "Europe/Berlin")
    }

    override func tearDown() {
        store = nil
        source = nil
        directory = nil
    }

    private func runner(store: (any WindowReconciler)? = nil, clock: FakeClock? = nil) -> HeatSyncRunner {
        let clock = clock ?? FakeClock(today)
        return HeatSyncRunner(
            store: store ?? self.store, source: source, scope: "device", timeZone: berlin, clock: { clock.now() }
        )
    }

    private func storedEvents() throws -> [SourceEvent] {
        try store.events(scope: "device", window: horizon)
    }

    /// A first full run; returns what it stored.
    private func seed() async throws -> [SourceEvent] {
        let summary = await runner().run(deadline: farAway)
        guard case .finished = summary.stopReason else {
            XCTFail("seeding stopped: \(summary.stopReason)")
            return []
        }
        return try storedEvents()
    }

    func testTheFirstRunSyncsTheComingWeekThenTheFollowingWeeksInOrder() async throws {
        let summary = await runner().run(deadline: farAway)

        guard case .finished = summary.stopReason else { return XCTFail("stopped: \(summary.stopReason)") }
        XCTAssertTrue(summary.succeeded)
        let windows = summary.windows.map(\.window)
        XCTAssertEqual(windows.count, 6)
        XCTAssertEqual(windows.first, try windowOfDays(startDate: "2026-11-30", days: 7, timeZone: "Europe/Berlin"))
        for (earlier, later) in zip(windows, windows.dropFirst()) {
            XCTAssertEqual(later.startMs, earlier.endMs, "windows follow each other without a gap")
        }
        XCTAssertEqual(windows.last?.endMs, horizon.endMs)
        XCTAssertEqual(source.reads.map { $0.start.epochMilliseconds }, windows.map(\.startMs))
        XCTAssertEqual(source.reads.map { $0.end.epochMilliseconds }, windows.map(\.endMs))

        XCTAssertTrue(summary.windows.allSatisfy { $0.outcome.changed })
        let expected = Set(sixWeeksOfCalendar().map { SourceEvent($0, deviceTimeZone: berlin) })
        XCTAssertEqual(Set(try storedEvents()), expected)
        XCTAssertEqual(summary.windows.map(\.outcome.eventsInserted).reduce(0, +), Int64(expected.count))
    }

    func testASecondRunChangesNothing() async throws {
        let stored = try await seed()

        let summary = await runner().run(deadline: farAway)

        guard case .finished = summary.stopReason else { return XCTFail("stopped: \(summary.stopReason)") }
        XCTAssertEqual(summary.windows.count, 6)
        XCTAssertFalse(summary.changed)
        XCTAssertEqual(summary.changedRanges, [])
        XCTAssertEqual(summary.daysReplaced, 0)
        XCTAssertEqual(try storedEvents(), stored)
    }

    func testAMovedMeetingReplacesOnlyItsDay() async throws {
        _ = try await seed()
        var calendar = sixWeeksOfCalendar()
        let index = try XCTUnwrap(calendar.firstIndex { $0.calendarItemIdentifier == "meeting-3" })
        calendar[index].startDate = berlinTime(2026, 12, 3, 11)
        calendar[index].endDate = berlinTime(2026, 12, 3, 12)
        source.occurrences = calendar

        let summary = await runner().run(deadline: farAway)

        XCTAssertTrue(summary.changed)
        XCTAssertEqual(summary.daysReplaced, 1)
        XCTAssertEqual(summary.changedRanges, [
            TimeRange(
                startMs: berlinTime(2026, 12, 3).epochMilliseconds, endMs: berlinTime(2026, 12, 4).epochMilliseconds
            ),
        ])
        let moved = try storedEvents().first { $0.id == "meeting-3" }
        XCTAssertEqual(
            moved?.time,
            .timed(startMs: berlinTime(2026, 12, 3, 11).epochMilliseconds, endMs: berlinTime(2026, 12, 3, 12).epochMilliseconds)
        )
    }

    func testWithoutFullAccessNothingIsReadAndNoStoredEventIsDeleted() async throws {
        let stored = try await seed()
        XCTAssertFalse(stored.isEmpty)
        // EventKit answers without access as if the calendar were empty.
        source.occurrences = []
        for access in [CalendarAccess.denied, .writeOnly, .restricted, .notDetermined] {
            source.accessState = access
            let readsBefore = source.reads.count

            let summary = await runner().run(deadline: farAway)

            guard case .accessNotGranted(let reported) = summary.stopReason else {
                return XCTFail("\(access): stopped with \(summary.stopReason)")
            }
            XCTAssertEqual(reported, access)
            XCTAssertFalse(summary.succeeded)
            XCTAssertTrue(summary.windows.isEmpty, "\(access)")
            XCTAssertEqual(source.reads.count, readsBefore, "\(access): nothing may be read")
            XCTAssertEqual(try storedEvents(), stored, "\(access): stored events must survive")
        }
    }

    func testAPermissionRevokedDuringTheReadWritesNothing() async throws {
        let stored = try await seed()
        source.occurrences = []
        source.accessAfterRead = .denied

        let summary = await runner().run(deadline: farAway)

        guard case .accessNotGranted(.denied) = summary.stopReason else { return XCTFail("stopped: \(summary.stopReason)") }
        XCTAssertTrue(summary.windows.isEmpty)
        XCTAssertEqual(try storedEvents(), stored)
    }

    func testAFailedReadStopsTheRunAndKeepsTheStore() async throws {
        let stored = try await seed()
        source.occurrences = []
        source.failure = URLError(.resourceUnavailable)

        let summary = await runner().run(deadline: farAway)

        guard case .sourceFailed(let error) = summary.stopReason else { return XCTFail("stopped: \(summary.stopReason)") }
        XCTAssertEqual((error as? URLError)?.code, .resourceUnavailable)
        XCTAssertTrue(summary.windows.isEmpty)
        XCTAssertEqual(try storedEvents(), stored)
    }

    func testNoCalendarAtAllIsNotAnEmptyCalendar() async throws {
        let stored = try await seed()
        source.occurrences = []
        source.calendarCount = 0

        let summary = await runner().run(deadline: farAway)

        guard case .coreFailed(HeatError.EmptySourceRefused) = summary.stopReason else {
            return XCTFail("stopped: \(summary.stopReason)")
        }
        XCTAssertEqual(try storedEvents(), stored)
    }

    func testAReadableEmptyCalendarEmptiesTheStore() async throws {
        let stored = try await seed()
        source.occurrences = []

        let summary = await runner().run(deadline: farAway)

        guard case .finished = summary.stopReason else { return XCTFail("stopped: \(summary.stopReason)") }
        XCTAssertEqual(summary.windows.map(\.outcome.eventsDeleted).reduce(0, +), Int64(stored.count))
        XCTAssertEqual(try storedEvents(), [])
    }

    func testCancellationDuringAReconcileLeavesTheStoreUnchanged() async throws {
        let stored = try await seed()
        let lastSync = try store.lastSync(scope: "device")
        // A week so full that its reconcile is still running when the cancel lands.
        source.occurrences = (0..<40_000).map { n in
            let start = today.addingTimeInterval(Double(n) * 15)
            return CalendarOccurrence(
                calendarItemIdentifier: "busy-\(n)", calendarIdentifier: "work", title: "Busy",
                startDate: start, endDate: start.addingTimeInterval(1_800)
            )
        }
        let observed = ObservedStore(store)
        let runner = runner(store: observed)
        let run = Task { await runner.run(deadline: farAway) }
        await observed.reconcileStarted()
        run.cancel()

        let summary = await run.value

        guard case .cancelled = summary.stopReason else { return XCTFail("stopped: \(summary.stopReason)") }
        XCTAssertTrue(summary.windows.isEmpty)
        XCTAssertEqual(observed.reconcileCount, 1, "no window after the cancelled one")
        XCTAssertEqual(try storedEvents(), stored)
        XCTAssertEqual(try store.lastSync(scope: "device")?.windowDigest, lastSync?.windowDigest)

        // The interrupt does not outlive the cancelled run.
        source.occurrences = sixWeeksOfCalendar()
        let next = await self.runner().run(deadline: farAway)
        guard case .finished = next.stopReason else { return XCTFail("stopped: \(next.stopReason)") }
    }

    func testCancellationDuringTheReadReconcilesNothing() async throws {
        let stored = try await seed()
        source.occurrences = []
        source.hangs = true
        let observed = ObservedStore(store)
        let runner = runner(store: observed)
        let readsBefore = source.reads.count
        let run = Task { await runner.run(deadline: farAway) }
        while source.reads.count == readsBefore {
            await Task.yield()
        }
        run.cancel()

        let summary = await run.value

        guard case .cancelled = summary.stopReason else { return XCTFail("stopped: \(summary.stopReason)") }
        XCTAssertEqual(observed.reconcileCount, 0)
        XCTAssertEqual(try storedEvents(), stored)
    }

    func testAWindowThatWouldNotFitBeforeTheDeadlineIsLeftForTheNextRun() async throws {
        let clock = FakeClock(today)
        source.onRead = { @Sendable in clock.advance(by: 10) }

        let summary = await runner(clock: clock).run(deadline: today.addingTimeInterval(25))

        // Window 1 ends at +10 s, window 2 (10 s more) fits by +20 s, window 3 would end at +30 s.
        guard case .deadlineReached = summary.stopReason else { return XCTFail("stopped: \(summary.stopReason)") }
        XCTAssertTrue(summary.succeeded)
        XCTAssertEqual(summary.windows.count, 2)
        XCTAssertEqual(source.reads.count, 2)
    }

    func testTheFirstWindowRunsEvenPastTheDeadline() async throws {
        let summary = await runner().run(deadline: today.addingTimeInterval(-60))

        guard case .deadlineReached = summary.stopReason else { return XCTFail("stopped: \(summary.stopReason)") }
        XCTAssertEqual(summary.windows.count, 1)
    }

    func testSyncOnceClosesTheStoreBeforeItReturns() async throws {
        let path = directory.path("background.db")
        // syncOnce runs on the real clock: an event in the coming hour.
        let soon = Date().addingTimeInterval(3_600)
        let source = FakeCalendarSource([
            CalendarOccurrence(
                calendarItemIdentifier: "soon", calendarIdentifier: "work", title: "Soon",
                startDate: soon, endDate: soon.addingTimeInterval(1_800)
            ),
        ])

        let summary = await HeatSyncRunner.syncOnce(
            storePath: path, scope: "device", source: source, timeZone: berlin, deadline: Date().addingTimeInterval(60)
        )

        guard case .finished = summary.stopReason else { return XCTFail("stopped: \(summary.stopReason)") }
        XCTAssertEqual(summary.windows.map(\.outcome.eventsInserted).reduce(0, +), 1)
        // SQLite folds the WAL back into the file and deletes it when the last
        // connection closes: a WAL still there means the store is still open.
        XCTAssertTrue(FileManager.default.fileExists(atPath: path))
        XCTAssertFalse(FileManager.default.fileExists(atPath: path + "-wal"), "the store is still open")
        let reopened = try HeatStore.open(path: path)
        let stored = try reopened.events(scope: "device", window: summary.windows[0].window)
        XCTAssertEqual(stored.map(\.id), ["soon"])
    }

    func testSyncOnceReportsAStoreThatCannotOpen() async {
        let summary = await HeatSyncRunner.syncOnce(
            storePath: directory.path("missing/folder/heat.db"), scope: "device", source: source, deadline: farAway
        )

        guard case .coreFailed(HeatError.Storage) = summary.stopReason else { return XCTFail("stopped: \(summary.stopReason)") }
        XCTAssertTrue(source.reads.isEmpty)
    }
}
