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

    /// Points the application at the folder holding the templates when it is not the working
    /// one: `TREEM_RESOURCES` when set (`Settings` checked that it holds them), else the search above.
    static func adopt(_ app: Application, configured: String?) {
        if let configured {
            app.directory = DirectoryConfiguration(
                workingDirectory: configured.hasSuffix("/") ? configured : configured + "/")
        } else if let root = locate(
            workingDirectory: app.directory.workingDirectory, executable: Bundle.main.executablePath)
        {
            app.directory = DirectoryConfiguration(workingDirectory: root)
        }
    }

    /// The files every page needs, relative to the resources folder.
    static let needed = [marker, "Public/css/treem.css"]

    static func missing(in folder: String) -> [String] {
        needed.filter { !FileManager.default.fileExists(atPath: (folder as NSString).appendingPathComponent($0)) }
    }
}

/// Why `treem serve` cannot show pages from where it was started, or nil. Without the templates
/// every page would be a plain-text error, so the server refuses to start and says what is
/// missing and how to point it there.
public func missingResources(_ app: Application) -> String? {
    let folder = app.directory.workingDirectory
    let missing = InstallDirectory.missing(in: folder).joined(separator: ", ")
    guard !missing.isEmpty else { return nil }
    return """
        Không tìm thấy giao diện của TreEm (\(missing)) trong \(folder) hay các thư mục chứa chương trình. \
        Chạy treem từ thư mục mã nguồn, hoặc đặt TREEM_RESOURCES là thư mục chứa Resources/ và Public/.
        TreEm's templates and static files (\(missing)) are neither in \(folder) nor above the executable. \
        Run treem from its checkout, or set TREEM_RESOURCES to the folder holding Resources/ and Public/.
        """
}
