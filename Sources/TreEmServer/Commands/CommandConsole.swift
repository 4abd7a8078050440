import Foundation
import Vapor

/// The terminal for `treem` commands: results on standard output, errors and warnings on
/// standard error, so that `treem import-plan f.docx --json > plan.json` never writes an error
/// into the JSON file. ConsoleKit itself writes everything to standard output.
public final class CommandConsole: Console {
    private let terminal = Terminal()
    /// Everything to standard error (the log), or only what is styled as an error or a warning.
    private let everythingToStandardError: Bool

    public init(everythingToStandardError: Bool = false) {
        self.everythingToStandardError = everythingToStandardError
    }

    public var size: (width: Int, height: Int) { terminal.size }

    public var userInfo: [AnySendableHashable: any Sendable] {
        get { terminal.userInfo }
        set { terminal.userInfo = newValue }
    }

    public func input(isSecure: Bool) -> String { terminal.input(isSecure: isSecure) }

    public func output(_ text: ConsoleText, newLine: Bool) {
        let isProblem = text.fragments.contains { fragment in
            switch fragment.style.color {
            case .red?, .yellow?, .brightRed?, .brightYellow?: true
            default: false
            }
        }
        if everythingToStandardError || isProblem {
            FileHandle.standardError.write(Data((text.description + (newLine ? "\n" : "")).utf8))
        } else {
            terminal.output(text, newLine: newLine)
        }
    }

    public func clear(_ type: ConsoleClear) { terminal.clear(type) }

    public func report(error: String, newLine: Bool) {
        FileHandle.standardError.write(Data((error + (newLine ? "\n" : "")).utf8))
    }

    /// What `treem --help` says before the list of commands.
    public static let exitStatuses = """
        Trạng thái thoát (exit status): 0 thành công (success); 1 lỗi khi chạy, ví dụ cơ sở dữ liệu \
        (failure while running, e.g. the database); 2 dữ liệu vào sai: tệp, tham số hoặc cấu hình \
        (bad input: a file, an argument or the configuration).
        Kết quả ra stdout, thông báo và lỗi ra stderr (results on stdout; messages and errors on stderr).
        """
}

/// A failed command: what went wrong, for standard error, and the exit status (`exitStatuses`).
struct CommandFailure: Error, CustomStringConvertible {
    var description: String
    /// 2 for bad input (a file, an argument), 1 otherwise.
    var status: Int32 = 2
}

/// Writes a command's failure to standard error and gives its exit status: a `CommandFailure`
/// as its plain message, anything else through the log.
public func report(_ error: Error, on app: Application) -> Int32 {
    if let failure = error as? CommandFailure {
        FileHandle.standardError.write(Data((failure.description + "\n").utf8))
        return failure.status
    }
    if let commandError = error as? CommandError {
        FileHandle.standardError.write(Data("Lệnh hoặc tham số sai (bad command or argument): \(commandError)\n".utf8))
        return 2
    }
    app.logger.report(error: error)
    return 1
}
