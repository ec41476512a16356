import Foundation

/// Tells a screen when to reload, reading the store only while the app is
/// active: an app suspended during a read of the App Group file is killed
/// (`0xdead10cc`), and reads in the background only cost battery. While
/// active it reads once at once, then after every `StoreChangeSignal` (a
/// run that changed something), and every `fallbackInterval` seconds in
/// case a signal was missed (a run in another process). When the app
/// resigns active the timer is cancelled and no read starts; on return the
/// current version is read again. Each read opens the file read-only off
/// the main thread and lets it go.
@MainActor
public final class StoreVersionWatcher {
    /// A missed signal costs at most this long.
    public static let fallbackInterval: TimeInterval = 60

    private let read: @Sendable () -> StoreVersion?
    private let execution: any SyncExecution
    private let activity: AppActivity
    private let fallbackInterval: TimeInterval
    private let onChange: @MainActor (StoreVersion) -> Void
    private var last: StoreVersion?
    private var poll: (any ScheduledAction)?
    private var signalObservation: (any ScheduledAction)?
    private var activityObservation: Int?

    public init(
        read: @escaping @Sendable () -> StoreVersion?,
        signal: any StoreChangeSignal,
        execution: any SyncExecution,
        activity: AppActivity,
        fallbackInterval: TimeInterval = fallbackInterval,
        onChange: @escaping @MainActor (StoreVersion) -> Void
    ) {
        self.read = read
        self.execution = execution
        self.activity = activity
        self.fallbackInterval = fallbackInterval
        self.onChange = onChange
        signalObservation = signal.observe { [weak self] in self?.signalled() }
        activityObservation = activity.observe { [weak self] active in self?.activityChanged(active) }
    }

    /// Stops for good (the screen went away).
    public func stop() {
        poll?.cancel()
        poll = nil
        signalObservation?.cancel()
        signalObservation = nil
        if let activityObservation {
            activity.removeObserver(activityObservation)
        }
        activityObservation = nil
    }

    /// A store change was signalled (the Darwin notification's handler).
    public func signalled() {
        guard activity.isActive, activityObservation != nil else { return }
        readNow()
    }

    private func activityChanged(_ active: Bool) {
        poll?.cancel()
        poll = nil
        if active {
            readNow()
        }
    }

    private func readNow() {
        execution.startRead(read) { [weak self] version in self?.deliver(version) }
        poll?.cancel()
        poll = execution.schedule(after: fallbackInterval) { [weak self] in self?.signalled() }
    }

    private func deliver(_ version: StoreVersion?) {
        guard let version, version != last, activityObservation != nil else { return }
        last = version
        onChange(version)
    }
}

extension HeatStore {
    /// The store's version, from one read-only open that is let go at once;
    /// nil while the file does not exist yet or cannot be read.
    public static func readVersion(path: String, scope: String, zones: ZoneDatabase = .device) -> StoreVersion? {
        try? HeatStore.openReadOnly(path: path, zones: zones).version(scope: scope)
    }
}
