// The Apple-only Foundation API that Sources/FlowStateHeat/Apple/ uses and
// swift-corelibs-foundation lacks, declared as in Apple's SDK. The check
// script imports this module implicitly (as if it were part of Foundation).
import Foundation

extension FileManager {
    /// nil when the App Group is not in the app's entitlements.
    public func containerURL(forSecurityApplicationGroupIdentifier groupIdentifier: String) -> URL? {
        fatalError("SDK declaration for type-checking only")
    }
}

// <notify.h> (Darwin notifications), imported through Foundation on Apple
// platforms: names are C strings, tokens Int32, status 0 (NOTIFY_STATUS_OK)
// on success.
public typealias notify_handler_t = @convention(block) (Int32) -> Void

public func notify_post(_ name: UnsafePointer<CChar>!) -> UInt32 {
    fatalError("SDK declaration for type-checking only")
}

public func notify_register_dispatch(
    _ name: UnsafePointer<CChar>!,
    _ out_token: UnsafeMutablePointer<Int32>!,
    _ queue: DispatchQueue!,
    _ handler: @escaping notify_handler_t
) -> UInt32 {
    fatalError("SDK declaration for type-checking only")
}

public func notify_cancel(_ token: Int32) -> UInt32 {
    fatalError("SDK declaration for type-checking only")
}
