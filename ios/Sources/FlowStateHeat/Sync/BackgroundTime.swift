/// Extra time for a run that may outlive the app's stay in the foreground
/// (UIKit's `beginBackgroundTask`), begun before the run and ended exactly
/// once: when the run ends, or in the expiration handler (an app that does
/// not end its background task when it expires is terminated). A grant of
/// `invalid` (no time left) still runs, and there is nothing to end.
@MainActor
public protocol BackgroundTimeGranting: AnyObject {
    associatedtype Grant: Equatable & Sendable

    var invalidGrant: Grant { get }
    func beginBackgroundTime(expirationHandler: @escaping @MainActor @Sendable () -> Void) -> Grant
    func endBackgroundTime(_ grant: Grant)
}

extension BackgroundTimeGranting {
    /// Runs `body` inside background time; `onExpiry` (cancel the run) is
    /// called when the time is up, before the grant is ended.
    public func withBackgroundTime<T: Sendable>(
        onExpiry: @escaping @Sendable () -> Void,
        _ body: @Sendable () async -> T
    ) async -> T {
        let grant = OpenGrant(self)
        grant.begin {
            onExpiry()
            grant.end()
        }
        let result = await body()
        grant.end()
        return result
    }
}

/// The grant in force, ended at most once.
@MainActor
private final class OpenGrant<Granter: BackgroundTimeGranting> {
    private let granter: Granter
    private var grant: Granter.Grant?

    init(_ granter: Granter) {
        self.granter = granter
    }

    func begin(expirationHandler: @escaping @MainActor @Sendable () -> Void) {
        let begun = granter.beginBackgroundTime(expirationHandler: expirationHandler)
        grant = begun == granter.invalidGrant ? nil : begun
    }

    func end() {
        guard let grant else { return }
        self.grant = nil
        granter.endBackgroundTime(grant)
    }
}
