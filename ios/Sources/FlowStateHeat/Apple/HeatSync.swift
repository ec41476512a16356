#if canImport(BackgroundTasks) && canImport(EventKit) && canImport(UIKit)
import BackgroundTasks
import EventKit
import Foundation
import UIKit

/// The calendar sync as iOS runs it: forwards the system's callbacks to
/// `SyncLifecycle`, where every decision is (and is tested on the model of
/// the app lifecycle). Nothing here decides anything.
///
///     // application(_:didFinishLaunchingWithOptions:), before it returns, once:
///     heatSync.register()
///     heatSync.observeChanges()
///     // application(_:didReceiveRemoteNotification:fetchCompletionHandler:):
///     heatSync.didReceiveRemoteNotification(fetchCompletionHandler: completionHandler)
///
/// App only: extensions (widgets) have no background tasks and no
/// `UIApplication`; they read the store (see the README).
@available(iOSApplicationExtension, unavailable)
@MainActor
public final class HeatSync<Sync: BlockingSync> {
    public let lifecycle: SyncLifecycle<Sync, UIApplication>
    private let observers = NotificationObservers()

    /// - Parameters:
    ///   - identifier: listed under `BGTaskSchedulerPermittedIdentifiers`.
    ///   - changeSignal: e.g. `DarwinStoreChangeSignal(name: "group.app.flowstate.heat-changed")`.
    ///   - onSync: after every run (already logged, `SyncLog`), on an arbitrary thread.
    ///   - onScheduleError: the next background run could not be requested.
    public init(
        identifier: String,
        sync: Sync,
        source: EventKitCalendarSource,
        changeSignal: any StoreChangeSignal,
        refreshInterval: TimeInterval = 3_600,
        onSync: @escaping @Sendable (Sync.Summary) -> Void,
        onScheduleError: @escaping @Sendable (any Error) -> Void
    ) {
        lifecycle = SyncLifecycle(
            identifier: identifier, sync: sync, execution: DispatchSyncExecution(), scheduler: SystemBackgroundTasks(),
            granter: UIApplication.shared, source: source, changeSignal: changeSignal, refreshInterval: refreshInterval,
            onRunEnded: { summary in
                SyncLog.record(summary)
                onSync(summary)
            },
            onScheduleError: onScheduleError
        )
    }

    /// Registers the launch handler: exactly once, before the app finishes
    /// launching. False when the identifier is not permitted.
    @discardableResult
    public func register() -> Bool {
        lifecycle.didFinishLaunching()
    }

    /// Forwards `EKEventStoreChanged`, time-zone changes and the app's
    /// activity to the lifecycle.
    public func observeChanges() {
        let forwards: [(Notification.Name, @MainActor (SyncLifecycle<Sync, UIApplication>) -> Void)] = [
            (.EKEventStoreChanged, { $0.calendarChanged() }),
            (.NSSystemTimeZoneDidChange, { $0.timeZoneChanged() }),
            (UIApplication.didBecomeActiveNotification, { $0.becameActive() }),
            (UIApplication.willResignActiveNotification, { $0.willResignActive() }),
            (UIApplication.didEnterBackgroundNotification, { $0.didEnterBackground() }),
        ]
        let center = NotificationCenter.default
        for (name, forward) in forwards {
            observers.add(center.addObserver(forName: name, object: nil, queue: .main) { [weak self] _ in
                MainActor.assumeIsolated {
                    guard let self else { return }
                    forward(self.lifecycle)
                }
            })
        }
    }

    /// From `application(_:didReceiveRemoteNotification:fetchCompletionHandler:)`
    /// for a silent push: the handler is called exactly once, on the main
    /// thread, within the push's time.
    public func didReceiveRemoteNotification(fetchCompletionHandler completion: @escaping (UIBackgroundFetchResult) -> Void) {
        let handler = FetchCompletion(completion)
        lifecycle.remoteNotificationReceived { result in handler.call(result) }
    }
}

/// Notification observers, removed with their owner.
private final class NotificationObservers: Sendable {
    private let tokens = Locked<[any NSObjectProtocol]>([])

    func add(_ token: any NSObjectProtocol) {
        tokens.withValue { $0.append(token) }
    }

    deinit {
        tokens.withValue { $0 }.forEach(NotificationCenter.default.removeObserver)
    }
}

/// UIKit's fetch completion handler (not Sendable), called on the main queue.
private final class FetchCompletion: @unchecked Sendable {
    private let completion: (UIBackgroundFetchResult) -> Void

    init(_ completion: @escaping (UIBackgroundFetchResult) -> Void) {
        self.completion = completion
    }

    func call(_ result: PushFetchResult) {
        DispatchQueue.main.async {
            switch result {
            case .newData: self.completion(.newData)
            case .noData: self.completion(.noData)
            case .failed: self.completion(.failed)
            }
        }
    }
}
#endif
