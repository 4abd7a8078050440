import Foundation
import Vapor

/// Where TreEm's templates (`Resources/Views`) and public files (`Public/`) are. Vapor looks in
/// the working directory, so `treem serve` started from any other folder rendered no page at
/// all. When the working directory does not hold them, the folders above the executable are
/// searched: a checkout (`.build/…/debug/treem`) or an install that keeps the binary beside them.
enum InstallDirectory {
    static let marker = "Resources/Views/layout.leaf"

    static func locate(workingDirectory: String, executable: String?) -> String? {
        let files = FileManager.default
        if files.fileExists(atPath: (workingDirectory as NSString).appendingPathComponent(marker)) { return nil }
        guard let executable else { return nil }
        var folder = URL(fileURLWithPath: executable).resolvingSymlinksInPath().deletingLastPathComponent()
        for _ in 0..<8 {
            if files.fileExists(atPath: folder.appendingPathComponent(marker).path) { return folder.path + "/" }
            let parent = folder.deletingLastPathComponent()
            if parent.path == folder.path { break }
            folder = parent
        }
        return nil
    }

    /// Points the application at the folder holding the templates when it is not the working one.
    static func adopt(_ app: Application) {
        if let root = locate(workingDirectory: app.directory.workingDirectory, executable: Bundle.main.executablePath) {
            app.directory = DirectoryConfiguration(workingDirectory: root)
        }
    }
}
