// SDK-faithful declarations of the UIApplication background-time calls that
// Sources/FlowStateHeat/Apple/ uses, from Apple's documented Swift
// signatures: `UIApplication` is `@MainActor` (so are its methods), the
// expiration handler is `@MainActor @Sendable`, the identifier is a Sendable
// struct with `.invalid`. Never run.
import Foundation

@MainActor
open class UIResponder: NSObject {}

@MainActor
open class UIApplication: UIResponder {
    open class var shared: UIApplication { placeholder() }

    /// Returns `.invalid` when no background time is granted. The handler runs
    /// on the main actor shortly before the time is up; it must end the task
    /// (`endBackgroundTask`), or the app is terminated.
    open func beginBackgroundTask(
        withName taskName: String?,
        expirationHandler handler: (@MainActor @Sendable () -> Void)? = nil
    ) -> UIBackgroundTaskIdentifier { placeholder() }

    open func beginBackgroundTask(
        expirationHandler handler: (@MainActor @Sendable () -> Void)? = nil
    ) -> UIBackgroundTaskIdentifier { placeholder() }

    /// "This method can be safely called on a non-main thread"
    /// (`endBackgroundTask(_:)`); `nonisolated` in the current SDK.
    nonisolated open func endBackgroundTask(_ identifier: UIBackgroundTaskIdentifier) {}

    nonisolated public static let didBecomeActiveNotification = Notification.Name("UIApplicationDidBecomeActiveNotification")
    nonisolated public static let willResignActiveNotification = Notification.Name("UIApplicationWillResignActiveNotification")
    nonisolated public static let didEnterBackgroundNotification = Notification.Name("UIApplicationDidEnterBackgroundNotification")

    open var backgroundTimeRemaining: TimeInterval { placeholder() }
}

public struct UIBackgroundTaskIdentifier: RawRepresentable, Hashable, Sendable {
    public var rawValue: Int
    public init(rawValue: Int) { self.rawValue = rawValue }
    public static let invalid = UIBackgroundTaskIdentifier(rawValue: 0)
}

/// `NS_ENUM(NSUInteger, UIBackgroundFetchResult)`.
public enum UIBackgroundFetchResult: UInt, Sendable {
    case newData = 0
    case noData = 1
    case failed = 2
}

func placeholder<T>() -> T {
    fatalError("SDK declaration for type-checking only")
}
