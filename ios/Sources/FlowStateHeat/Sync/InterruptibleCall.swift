import Foundation

/// Runs a blocking store call on a background queue (never on the caller's
/// thread, which may be the main one) and turns cancellation of the awaiting
/// task into `interrupt()`.
///
/// A single `interrupt()` only stops a call that has already started in
/// Rust; one landing while Swift is still converting a large argument would
/// be lost and the call would run to the end. So once cancelled, the call is
/// interrupted again every few milliseconds until it returns. Throws
/// `CancellationError` without running `body` when the task is already
/// cancelled. Both closures are released before this returns, so a store
/// they capture is closed as soon as its owner lets go of it.
func interruptibleCall<T: Sendable>(
    interrupt: @escaping @Sendable () -> Void,
    _ body: @escaping @Sendable () throws -> T
) async throws -> T {
    try Task.checkCancellation()
    let call = BlockingCall(body: body, interrupt: interrupt)
    return try await withTaskCancellationHandler {
        try await withCheckedThrowingContinuation { continuation in
            DispatchQueue.global(qos: .utility).async {
                continuation.resume(with: call.run())
            }
        }
    } onCancel: {
        call.cancel()
    }
}

/// One call and its interrupter.
private final class BlockingCall<T>: @unchecked Sendable {
    private static var period: TimeInterval { 0.005 }

    // Guards every stored property below.
    private let condition = NSCondition()
    private var body: (() throws -> T)?
    private var interrupt: (() -> Void)?
    private var finished = false
    private var repeating = false

    init(body: @escaping () throws -> T, interrupt: @escaping () -> Void) {
        self.body = body
        self.interrupt = interrupt
    }

    /// Runs the body, once: a second call finds it gone.
    func run() -> Result<T, any Error> {
        guard let body = takeBody() else { return .failure(CancellationError()) }
        let result = Result { try body() }
        finish()
        return result
    }

    func cancel() {
        condition.lock()
        defer { condition.unlock() }
        guard !finished, !repeating else { return }
        repeating = true
        DispatchQueue.global(qos: .userInitiated).async { self.repeatInterrupts() }
    }

    private func takeBody() -> (() throws -> T)? {
        condition.lock()
        defer { condition.unlock() }
        let taken = body
        body = nil
        return taken
    }

    /// Stops the interrupter and waits until it has let go, so that no
    /// interrupt can reach a later call.
    private func finish() {
        condition.lock()
        defer { condition.unlock() }
        finished = true
        interrupt = nil
        condition.broadcast()
        while repeating {
            condition.wait()
        }
    }

    private func repeatInterrupts() {
        condition.lock()
        defer { condition.unlock() }
        while !finished {
            interrupt?()
            _ = condition.wait(until: Date().addingTimeInterval(Self.period))
        }
        repeating = false
        condition.broadcast()
    }
}
