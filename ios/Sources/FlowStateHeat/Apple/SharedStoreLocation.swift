#if canImport(UIKit)
import Foundation

/// Where the store file lives: the App Group container, so widgets and
/// other extensions of the app read the same file.
///
/// The folder is protected `completeUntilFirstUserAuthentication`: after
/// the first unlock since boot a background task can open the file while
/// the phone is locked (with `complete` it could not). Files created in the
/// folder, including SQLite's `-wal` and `-shm`, inherit the class.
public enum SharedStoreLocation {
    public struct NoAppGroupContainer: Error {
        public let appGroup: String
    }

    public static func storeURL(appGroup: String, fileName: String = "flowstate-heat.sqlite") throws -> URL {
        let files = FileManager.default
        guard let container = files.containerURL(forSecurityApplicationGroupIdentifier: appGroup) else {
            throw NoAppGroupContainer(appGroup: appGroup)
        }
        let folder = container.appendingPathComponent("FlowStateHeat", isDirectory: true)
        let protection: [FileAttributeKey: Any] = [.protectionKey: FileProtectionType.completeUntilFirstUserAuthentication]
        try files.createDirectory(at: folder, withIntermediateDirectories: true, attributes: protection)
        // createDirectory leaves the class of an existing folder alone.
        try files.setAttributes(protection, ofItemAtPath: folder.path)
        return folder.appendingPathComponent(fileName, isDirectory: false)
    }
}
#endif
