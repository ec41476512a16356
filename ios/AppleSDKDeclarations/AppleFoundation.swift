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
