@testable import FlowStateHeat
import FlowStateHeatTestSupport
import Foundation

/// A deterministic model of the iOS app lifecycle around the sync, running
/// the real scheduling layer (`SyncLifecycle`, `SyncCoordinator`,
/// `HeldRun`, `BackgroundTaskRun`, background time, `PushSync`,
/// `StoreVersionWatcher`) and the Rust sync job over a fake EventKit on a
/// real store file. iOS's side is kept here, each rule from Apple's
/// documentation:
///
/// - **Launch and registration**: launch handlers are registered before
///   the end of launch, once per identifier; a second registration or one
///   after launch raises an exception ("BGTaskScheduler.register(
///   forTaskWithIdentifier:using:launchHandler:)": "Registration of all
///   launch handlers must be complete before the end of
///   applicationDidFinishLaunching(_:)").
/// - **One pending request per identifier**: `submit` replaces a pending
///   request of the same identifier (`BGTaskScheduler.submit(_:)`: "Submitting
///   a task request for an unexecuted task that's already in the queue
///   replaces the previous task request").
/// - **Background tasks**: iOS launches a pending request when the app is
///   not in the foreground (starting the process if needed); the
///   expiration handler may come before the full time
///   (`BGTask.expirationHandler`: "may be called before the background
///   process uses the full amount of its allocated time"); the task must be
///   completed by the time the handler returns, or the app may be killed
///   (`setTaskCompleted(success:)`: "Not calling setTaskCompleted(success:)
///   before the time for the task expires may result in the system killing
///   your app"); a task completed twice is a violation here.
/// - **Background time**: `beginBackgroundTask` gives the app up to
///   `backgroundTimeAllowance` after it entered the background; the handler
///   is called "synchronously on the main thread, blocking the app's
///   suspension momentarily", and a task not ended in it gets the app
///   terminated ("Failure to end the task explicitly will result in the
///   termination of the app", `beginBackgroundTask(expirationHandler:)`).
///   After the time is up it returns `.invalid`.
/// - **Silent pushes**: "Your app has up to 30 seconds of wall-clock time to
///   process the notification and call the specified completion handler
///   block" (`application(_:didReceiveRemoteNotification:fetchCompletionHandler:)`);
///   later, the app is killed. Called twice is a violation here.
/// - **Suspension**: an app in the background with no background task, no
///   background time and no push in progress is suspended at once (the
///   strictest reading of "shortly"), and an app suspended while it holds
///   the store file open or locked in the App Group container is killed
///   with `0xdead10cc` ("Understanding the Exception Types in a Crash
///   Report": "the operating system terminated the app because it held on
///   to a file lock or SQLite database lock during suspension"). A
///   suspended app runs nothing (timers wait) and may be terminated.
@MainActor
final class LifecycleModel {
    static let identifier = "app.flowstate.heat.refresh"
    static let pushDeadline: TimeInterval = 30
    static let backgroundTimeAllowance: TimeInterval = 30
    /// How long iOS lets an expiration handler run (a few seconds; the
    /// model allows less than iOS is reported to).
    static let handlerAllowance: TimeInterval = 3

    enum AppState: String {
        case notRunning, active, background, suspended
    }

    struct BackgroundTask {
        let expiresAt: TimeInterval
        var expirationHandler: (@Sendable () -> Void)?
        var completions: [Bool] = []
        var expired = false
        /// The first run that started after the launch: the task's own.
        var ownRun: Int?
        /// Open: keeps the app running until completed.
        var isOpen: Bool { completions.isEmpty && !(expired && expirationHandler == nil) }
    }

    struct Grant {
        let id: Int
        let handler: @MainActor @Sendable () -> Void
        var ended = false
    }

    struct Push {
        let deadline: TimeInterval
        var results: [PushFetchResult] = []
    }

    /// The app's object graph, alive from launch to death.
    final class Process {
        let execution: SimulatedExecution
        let lifecycle: SyncLifecycle<ModelSync, ModelGranter>
        var watcher: StoreVersionWatcher?
        var launchHandler: (@Sendable (any BackgroundTaskHandle) -> Void)?
        var launching = true
        var registrations = 0
        var versionsSeen: [StoreVersion] = []

        init(execution: SimulatedExecution, lifecycle: SyncLifecycle<ModelSync, ModelGranter>) {
            self.execution = execution
            self.lifecycle = lifecycle
        }
    }

    let clock = SimulatedClock()
    let calendar: FakeEventStore
    let storePath: String
    let signal = ModelChangeSignal()
    /// The durations of the next runs (scenario control); random or 1 s after.
    var runDurations: [TimeInterval] = []
    var randomRunDuration: (() -> TimeInterval)?
    var cancelLatency: TimeInterval = 0.05

    private(set) var state = AppState.notRunning
    private(set) var process: Process?
    private(set) var log: [String] = []
    private(set) var violations: [String] = []
    var tasks: [BackgroundTask] = []
    private(set) var grants: [Grant] = []
    private(set) var pushes: [Push] = []
    private(set) var pendingRequests: [String: TimeInterval] = [:]
    private(set) var runsStarted = 0
    private(set) var runsEnded = 0
    private(set) var launches = 0
    private(set) var reads = 0
    private var backgroundSince: TimeInterval?
    /// Calendar changes not yet followed by a run that started after them.
    private var changesOwed: [TimeInterval] = []
    private var nextChange = 0
    private let directory: TemporaryDirectory
    private var nextGrant = 0

    init() throws {
        directory = try TemporaryDirectory()
        storePath = directory.path("heat.db")
        calendar = FakeEventStore(
            status: .fullAccess, calendars: [CalendarInfo(identifier: "work", type: .exchange)], occurrences: []
        )
    }

    var openTasks: Int { tasks.filter(\.isOpen).count }
    var openGrants: Int { grants.filter { !$0.ended }.count }
    var openPushes: Int { pushes.filter(\.results.isEmpty).count }
    var isRunInFlight: Bool { process?.execution.isRunInFlight ?? false }

    // MARK: - Steps

    /// The user opens the app (launching it if it is not running).
    func open() {
        note("open (\(state.rawValue))")
        if state == .notRunning {
            launch()
        }
        guard state != .active else { return }
        let readsBefore = reads
        state = .active
        backgroundSince = nil
        process?.lifecycle.becameActive()
        if process?.watcher == nil, let process {
            process.watcher = StoreVersionWatcher(
                read: { [storePath] in HeatStore.readVersion(path: storePath, scope: "device") },
                signal: signal, execution: process.execution, activity: process.lifecycle.activity
            ) { [weak process] version in process?.versionsSeen.append(version) }
        }
        if reads == readsBefore {
            violate("the screen's change stream did not resume (no read) when the app became active")
        }
        checkLaunchSynced()
    }

    /// The user leaves the app (home screen, another app).
    func leave() {
        note("leave (\(state.rawValue))")
        guard state == .active, let process else { return }
        process.lifecycle.willResignActive()
        state = .background
        backgroundSince = clock.now
        process.lifecycle.didEnterBackground()
        settle()
    }

    /// iOS runs the pending background refresh, if any, expiring it after
    /// `expiresAfter` seconds unless completed first.
    func refresh(expiresAfter: TimeInterval) {
        note("refresh (\(state.rawValue), expires after \(expiresAfter) s)")
        guard state != .active, pendingRequests.removeValue(forKey: Self.identifier) != nil else {
            note("  no pending request, or the app is in front: nothing launched")
            return
        }
        wakeInBackground()
        guard let handler = process?.launchHandler else {
            violate("a background task was launched with no launch handler registered")
            return
        }
        tasks.append(BackgroundTask(expiresAt: clock.now + expiresAfter))
        handler(ModelTaskHandle(self, id: tasks.count - 1))
        checkLaunchSynced()
        settle()
    }

    /// A silent push arrives.
    func push() {
        note("push (\(state.rawValue))")
        wakeInBackground()
        pushes.append(Push(deadline: clock.now + Self.pushDeadline))
        let index = pushes.count - 1
        process?.lifecycle.remoteNotificationReceived { result in
            MainActor.assumeIsolated { self.completePush(index, result) }
        }
        checkLaunchSynced()
        settle()
    }

    /// An event is added to the device calendar (by the user, or a server
    /// sync); `EKEventStoreChanged` reaches the app if it is running.
    func calendarChange() {
        nextChange += 1
        let day = TimeInterval(nextChange % 30) * 86_400
        let start = today.addingTimeInterval(day + 3_600)
        calendar.occurrences.append(CalendarOccurrence(
            calendarItemIdentifier: "change-\(nextChange)", calendarIdentifier: "work", title: "Change \(nextChange)",
            startDate: start, endDate: start.addingTimeInterval(1_800)
        ))
        changesOwed.append(clock.now)
        note("calendar change \(nextChange) (\(state.rawValue))")
        deliverStoreChanged()
    }

    /// The user grants or revokes calendar access in Settings.
    func setAccess(granted: Bool) {
        note(granted ? "access granted" : "access revoked")
        calendar.setStatus(granted ? .fullAccess : .denied)
        changesOwed.append(clock.now)
        deliverStoreChanged()
    }

    /// iOS terminates the suspended app (memory pressure).
    func terminate() {
        note("terminate (\(state.rawValue))")
        guard state == .suspended else { return }
        endProcess()
    }

    /// Time passes: timers, run ends, expirations, deadlines, suspension.
    func advance(_ seconds: TimeInterval) {
        let until = clock.now + seconds
        note("advance \(seconds) s")
        while let due = nextDue(), due <= until {
            fire(at: due)
            settle()
        }
        clock.now = max(clock.now, until)
        settle()
    }

    // MARK: - iOS's books (called by the model adapters)

    func register(_ identifier: String, _ handler: @escaping @Sendable (any BackgroundTaskHandle) -> Void) -> Bool {
        guard let process else { return false }
        process.registrations += 1
        if !process.launching {
            violate("register(forTaskWithIdentifier:) after the end of launch: NSInternalInconsistencyException")
        }
        if process.registrations > 1 {
            violate("a second registration of \(identifier): NSInternalInconsistencyException")
        }
        process.launchHandler = handler
        return identifier == Self.identifier
    }

    func submit(_ identifier: String, earliestIn: TimeInterval) {
        pendingRequests[identifier] = clock.now + earliestIn  // replaces a pending one
    }

    func beginBackgroundTime(_ handler: @escaping @MainActor @Sendable () -> Void) -> Int {
        if let backgroundSince, clock.now >= backgroundSince + Self.backgroundTimeAllowance {
            return 0
        }
        guard state == .active || state == .background else { return 0 }
        nextGrant += 1
        grants.append(Grant(id: nextGrant, handler: handler))
        return nextGrant
    }

    func endBackgroundTime(_ id: Int) {
        guard let index = grants.firstIndex(where: { $0.id == id }) else {
            violate("endBackgroundTask with an identifier never granted")
            return
        }
        if grants[index].ended {
            violate("endBackgroundTask twice for one grant")
        }
        grants[index].ended = true
    }

    func completeTask(_ id: Int, success: Bool) {
        tasks[id].completions.append(success)
        note("  task \(id) completed, success: \(success)")
        if tasks[id].completions.count > 1 {
            violate("setTaskCompleted called \(tasks[id].completions.count) times for task \(id)")
        }
        if clock.now > tasks[id].expiresAt + Self.handlerAllowance {
            violate("task \(id) completed after its time")
        }
    }

    private func completePush(_ index: Int, _ result: PushFetchResult) {
        pushes[index].results.append(result)
        note("  push \(index) completed: \(result.rawValue)")
        if pushes[index].results.count > 1 {
            violate("the fetch completion handler of push \(index) was called twice")
        }
        if clock.now > pushes[index].deadline {
            violate("push \(index) completed after its 30 s")
        }
    }

    // MARK: - Mechanics

    private func launch() {
        launches += 1
        let execution = SimulatedExecution(clock: clock)
        execution.cancelLatency = cancelLatency
        execution.runDuration = { [unowned self] in
            runDurations.isEmpty ? (randomRunDuration?() ?? 1) : runDurations.removeFirst()
        }
        execution.onRunStarted = { [unowned self] in
            runsStarted += 1
            changesOwed = []
            for index in tasks.indices where tasks[index].ownRun == nil && tasks[index].isOpen {
                tasks[index].ownRun = runsStarted
            }
            note("  run \(runsStarted) started")
        }
        execution.onRunReturned = { [unowned self] in
            runsEnded += 1
            for (index, task) in tasks.enumerated() where task.isOpen && !task.expired && (task.ownRun ?? .max) <= runsEnded {
                violate("task \(index) still open after its own run (\(task.ownRun ?? 0)) ended: held by follow-ups")
            }
            if state == .active, let seen = self.process?.versionsSeen.last,
                seen != HeatStore.readVersion(path: storePath, scope: "device")
            {
                violate("the screen still shows \(seen) after a run while the app is active")
            }
        }
        execution.onRead = { [unowned self] in
            reads += 1
            if state != .active {
                violate("the screen read the store while the app was \(state.rawValue)")
            }
        }
        let source = EventKitCalendarSource(client: calendar, deviceTimeZone: { berlin })
        let heatSync = DeviceCalendarSync(storePath: storePath, scope: "device", source: source, zones: bundledZones, deviceTimeZone: { berlin }, now: { today })
        let lifecycle = SyncLifecycle(
            identifier: Self.identifier, sync: ModelSync(heatSync: heatSync, execution: execution), execution: execution,
            scheduler: ModelScheduler(self), granter: ModelGranter(self), source: source, changeSignal: signal,
            onRunEnded: { [unowned self] summary in
                MainActor.assumeIsolated { note("  run ended: \(summary.stop), changed: \(summary.changedAnyWindow)") }
            },
            onScheduleError: { _ in }
        )
        let process = Process(execution: execution, lifecycle: lifecycle)
        self.process = process
        note("  launch \(launches)")
        lifecycle.didFinishLaunching()
        process.launching = false
    }

    /// The app is launched or resumed in the background (a task, a push).
    private func wakeInBackground() {
        switch state {
        case .notRunning:
            launch()
            state = .background
            backgroundSince = clock.now
        case .suspended:
            state = .background
            backgroundSince = clock.now
        case .active, .background:
            break
        }
    }

    private func deliverStoreChanged() {
        guard state == .active || state == .background else { return }
        process?.lifecycle.calendarChanged()
        settle()
    }

    /// A launch starts a sync at once: every change from before it is covered.
    private func checkLaunchSynced() {
        if !changesOwed.isEmpty, !(process?.execution.isRunInFlight ?? false) {
            violate("\(changesOwed.count) calendar change(s) not followed by a sync after a launch or wake-up")
        }
    }

    private func nextDue() -> TimeInterval? {
        var due: [TimeInterval] = []
        if state == .active || state == .background, let next = process?.execution.nextDue {
            due.append(next)
        }
        due += tasks.filter { $0.isOpen && !$0.expired }.map(\.expiresAt)
        due += pushes.filter(\.results.isEmpty).map(\.deadline)
        if state == .background, let backgroundSince, openGrants > 0 {
            due.append(backgroundSince + Self.backgroundTimeAllowance)
        }
        return due.min()
    }

    private func fire(at due: TimeInterval) {
        clock.now = max(clock.now, due)
        if let index = tasks.firstIndex(where: { $0.isOpen && !$0.expired && $0.expiresAt <= due }) {
            expireTask(index)
        } else if let index = pushes.firstIndex(where: { $0.results.isEmpty && $0.deadline <= due }) {
            kill("push \(index) not completed within 30 s")
        } else if state == .background, let backgroundSince, openGrants > 0,
            backgroundSince + Self.backgroundTimeAllowance <= due
        {
            expireBackgroundTime()
        } else {
            _ = process?.execution.fireNext(upTo: due)
        }
    }

    private func expireTask(_ index: Int) {
        tasks[index].expired = true
        note("  task \(index) expires")
        guard let handler = tasks[index].expirationHandler else { return }
        let began = clock.now
        handler()
        if clock.now - began > Self.handlerAllowance {
            kill("task \(index)'s expiration handler ran \(clock.now - began) s")
        } else if tasks[index].completions.isEmpty {
            kill("task \(index) not completed after its expiration handler")
        }
    }

    private func expireBackgroundTime() {
        note("  background time expires")
        for grant in grants where !grant.ended {
            let began = clock.now
            grant.handler()
            guard process != nil else { return }
            if clock.now - began > Self.handlerAllowance {
                kill("background time's expiration handler ran \(clock.now - began) s")
                return
            }
            if let index = grants.firstIndex(where: { $0.id == grant.id }), !grants[index].ended {
                kill("background task not ended in its expiration handler")
                return
            }
        }
    }

    /// Suspends the app once nothing keeps it running in the background.
    private func settle() {
        guard state == .background, openTasks == 0, openGrants == 0, openPushes == 0 else { return }
        if isRunInFlight {
            kill("0xdead10cc: suspended while the sync run had the store file open")
            return
        }
        note("  suspended")
        state = .suspended
    }

    private func kill(_ reason: String) {
        violate("killed: \(reason)")
        endProcess()
    }

    private func endProcess() {
        note("  process ends")
        process?.watcher?.stop()
        signal.removeAll()
        process = nil
        state = .notRunning
        backgroundSince = nil
        grants = grants.map { var grant = $0; grant.ended = true; return grant }
        tasks = tasks.map { var task = $0; if task.isOpen { task.expired = true; task.expirationHandler = nil }; return task }
        pushes = pushes.map { var push = $0; if push.results.isEmpty { push.results = [.failed] }; return push }
    }

    private func violate(_ rule: String) {
        violations.append("t=\(String(format: "%.2f", clock.now)) \(rule)")
        note("  VIOLATION: \(rule)")
    }

    func note(_ line: String) {
        log.append("t=\(String(format: "%.2f", clock.now)) \(line)")
    }
}
