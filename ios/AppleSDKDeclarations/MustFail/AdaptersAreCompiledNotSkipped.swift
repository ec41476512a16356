// expect: invalid redeclaration of 'EventKitStoreClient'
// expect: invalid redeclaration of 'HeatSync'
// expect: invalid redeclaration of 'SharedStoreLocation'
// expect: invalid redeclaration of 'SystemBackgroundTasks'
// expect: invalid redeclaration of 'DarwinStoreChangeSignal'
// expect: invalid redeclaration of 'SyncLog'
// expect: invalid redeclaration of 'invalidGrant'
// Proves that every Apple/ file's `#if canImport(...)` branch is live
// against the SDK declarations: redeclaring what each one declares clashes.
import UIKit

struct EventKitStoreClient {}
struct HeatSync {}
struct SharedStoreLocation {}
struct SystemBackgroundTasks {}
struct DarwinStoreChangeSignal {}
struct SyncLog {}
extension UIApplication {
    var invalidGrant: Int { 0 }
}
