import Foundation

/// Which state of the store file a screen shows: `storeId` changes when a
/// damaged file was rebuilt, `changeCount` with every sync that changed the
/// scope (docs/contract.md, "Sync job": reading for screens).
public struct StoreVersion: Equatable, Sendable {
    public let storeId: String
    public let changeCount: UInt64
}

extension HeatStore {
    /// The store's versions as they change, for a screen or widget to reload
    /// on: the current one first, then each new one, checked every
    /// `interval` seconds. Each check opens the file read-only on a queue of
    /// its own and lets it go at once, so no lock on the App Group file is
    /// held between checks (an app suspended holding one is killed). Nothing
    /// is yielded while the file does not exist yet or cannot be read; the
    /// stream ends when the consumer stops iterating.
    public static func versions(path: String, scope: String, interval: TimeInterval = 1) -> AsyncStream<StoreVersion> {
        AsyncStream { continuation in
            let poller = Task.detached {
                var last: StoreVersion?
                while !Task.isCancelled {
                    if let version = await readVersion(path: path, scope: scope), version != last {
                        last = version
                        continuation.yield(version)
                    }
                    try? await Task.sleep(nanoseconds: UInt64(interval * 1_000_000_000))
                }
                continuation.finish()
            }
            continuation.onTermination = { _ in poller.cancel() }
        }
    }

    private static let readQueue = DispatchQueue(label: "app.flowstate.heat.read", qos: .utility)

    /// One read-only open, off the cooperative thread pool.
    private static func readVersion(path: String, scope: String) async -> StoreVersion? {
        await withCheckedContinuation { continuation in
            readQueue.async {
                let version = try? HeatStore.openReadOnly(path: path).version(scope: scope)
                continuation.resume(returning: version)
            }
        }
    }

    func version(scope: String) throws -> StoreVersion {
        StoreVersion(storeId: try storeId(), changeCount: try changeCount(scope: scope))
    }
}
