// SDK-faithful declarations of the part of BackgroundTasks that
// Sources/FlowStateHeat/Apple/ uses, from Apple's documented Swift
// signatures. None of these classes is Sendable and the handlers are plain
// (non-@Sendable) closures, as in the SDK: a BGTask captured by a `Task` or a
// `@Sendable` closure does not compile in Swift 6 mode. Never run.
import Dispatch
import Foundation

open class BGTaskScheduler: NSObject {
    open class var shared: BGTaskScheduler { placeholder() }

    /// Must be called before the end of `application(_:didFinishLaunchingWithOptions:)`,
    /// once per identifier listed in `BGTaskSchedulerPermittedIdentifiers`
    /// (a second registration raises an exception). `queue` nil: a default
    /// background queue runs the launch handler.
    open func register(
        forTaskWithIdentifier identifier: String,
        using queue: DispatchQueue?,
        launchHandler: @escaping (BGTask) -> Void
    ) -> Bool { placeholder() }

    /// Throws `BGTaskScheduler.Error` (`.unavailable` on the Simulator and
    /// when Background App Refresh is off, `.tooManyPendingTaskRequests`,
    /// `.notPermitted`).
    open func submit(_ taskRequest: BGTaskRequest) throws {}

    open func cancel(taskRequestWithIdentifier identifier: String) {}
}

extension BGTaskScheduler {
    /// `NS_ERROR_ENUM(BGTaskSchedulerErrorDomain)`, imported as a nested
    /// error struct with a `Code` enum.
    public struct Error: CustomNSError, Hashable, Sendable {
        public enum Code: Int, Sendable {
            case unavailable = 1
            case tooManyPendingTaskRequests = 2
            case notPermitted = 3
        }

        public let code: Code
        public static var errorDomain: String { "BGTaskSchedulerErrorDomain" }
        public var errorCode: Int { code.rawValue }
        public static var unavailable: Code { .unavailable }
        public static var tooManyPendingTaskRequests: Code { .tooManyPendingTaskRequests }
        public static var notPermitted: Code { .notPermitted }
    }
}

open class BGTask: NSObject {
    open var identifier: String { placeholder() }
    /// Called shortly before the task's time expires; the system sets it to
    /// nil after it ran. Without one, the task is marked failed.
    open var expirationHandler: (() -> Void)?
    open func setTaskCompleted(success: Bool) {}
}

open class BGAppRefreshTask: BGTask {}

open class BGTaskRequest: NSObject {
    open var identifier: String { placeholder() }
    open var earliestBeginDate: Date?
}

open class BGAppRefreshTaskRequest: BGTaskRequest {
    public init(identifier: String) {}
}

func placeholder<T>() -> T {
    fatalError("SDK declaration for type-checking only")
}
