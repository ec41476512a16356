@testable import FlowStateHeat
import Foundation

// The model's side of the abstractions the Apple adapters implement on the
// device: each forwards to `LifecycleModel`, which keeps iOS's books.
// Everything runs on the main thread in the model, so the nonisolated entry
// points assume the main actor.

/// The Rust sync job over the fake EventKit, on a real store file; the
/// model times the run (it holds the store from start to end).
struct ModelSync: BlockingSync {
    let heatSync: DeviceCalendarSync
    let execution: SimulatedExecution

    func makeCancellation() -> ModelCancellation {
        ModelCancellation(inner: heatSync.makeCancellation(), execution: execution)
    }

    func run(cancellation: ModelCancellation) -> SyncSummary {
        heatSync.run(cancellation: cancellation.inner)
    }
}

struct ModelCancellation: RunCancelling {
    let inner: SyncCancellation
    let execution: SimulatedExecution

    func cancel() {
        inner.cancel()
        execution.runCancelled()
    }

    func isCancelled() -> Bool {
        inner.isCancelled()
    }
}

final class ModelGranter: BackgroundTimeGranting, @unchecked Sendable {
    unowned let model: LifecycleModel

    init(_ model: LifecycleModel) {
        self.model = model
    }

    var invalidGrant: Int { 0 }

    @MainActor
    func beginBackgroundTime(expirationHandler: @escaping @MainActor @Sendable () -> Void) -> Int {
        model.beginBackgroundTime(expirationHandler)
    }

    func endBackgroundTime(_ grant: Int) {
        MainActor.assumeIsolated { model.endBackgroundTime(grant) }
    }
}

final class ModelScheduler: BackgroundTaskScheduling, @unchecked Sendable {
    unowned let model: LifecycleModel

    init(_ model: LifecycleModel) {
        self.model = model
    }

    func register(identifier: String, launchHandler: @escaping @Sendable (any BackgroundTaskHandle) -> Void) -> Bool {
        MainActor.assumeIsolated { model.register(identifier, launchHandler) }
    }

    func submit(identifier: String, earliestIn: TimeInterval) throws {
        MainActor.assumeIsolated { model.submit(identifier, earliestIn: earliestIn) }
    }
}

final class ModelTaskHandle: BackgroundTaskHandle, @unchecked Sendable {
    unowned let model: LifecycleModel
    let id: Int

    init(_ model: LifecycleModel, id: Int) {
        self.model = model
        self.id = id
    }

    func setExpirationHandler(_ handler: @escaping @Sendable () -> Void) {
        MainActor.assumeIsolated { model.tasks[id].expirationHandler = handler }
    }

    func setTaskCompleted(success: Bool) {
        MainActor.assumeIsolated { model.completeTask(id, success: success) }
    }
}

/// A Darwin notification: delivered to every observer of the device.
final class ModelChangeSignal: StoreChangeSignal, @unchecked Sendable {
    private var observers: [Int: @MainActor @Sendable () -> Void] = [:]
    private var nextID = 0
    private(set) var posts = 0

    func post() {
        posts += 1
        let current = observers.values
        MainActor.assumeIsolated { current.forEach { $0() } }
    }

    func observe(_ handler: @escaping @MainActor @Sendable () -> Void) -> any ScheduledAction {
        nextID += 1
        observers[nextID] = handler
        return ModelObservation(id: nextID, signal: self)
    }

    func remove(_ id: Int) {
        observers[id] = nil
    }

    /// The process died: its observers with it.
    func removeAll() {
        observers = [:]
    }
}

private struct ModelObservation: ScheduledAction, @unchecked Sendable {
    let id: Int
    let signal: ModelChangeSignal

    func cancel() {
        signal.remove(id)
    }
}
