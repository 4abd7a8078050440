import Foundation
import TreEmCore
import Vapor

/// Sends notification e-mail through the SMTP server of `TREEM_SMTP_URL`
/// (`smtp://user:password@host:port?from=treem@example.gov.vn`, `smtps://` for TLS). The
/// conversation is left to Debian's curl, which speaks SMTP, STARTTLS and authentication.
struct Mailer: Sendable {
    let url: URL
    let from: String

    struct Message: Sendable {
        var to: String
        var subject: String
        var body: String
    }

    init?(url text: String?) {
        guard let text, !text.isEmpty, let url = URL(string: text), ["smtp", "smtps"].contains(url.scheme ?? ""),
            url.host != nil
        else {
            return nil
        }
        self.url = url
        let query = URLComponents(url: url, resolvingAgainstBaseURL: false)?.queryItems ?? []
        from = query.first { $0.name == "from" }?.value ?? "treem@localhost"
    }

    /// The message in RFC 5322 form, UTF-8 subject encoded per RFC 2047.
    static func rfc5322(_ message: Message, from: String, date: Date) -> String {
        let subject = "=?UTF-8?B?" + Data(message.subject.utf8).base64EncodedString() + "?="
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.dateFormat = "EEE, dd MMM yyyy HH:mm:ss Z"
        return [
            "From: TreEm <\(from)>", "To: <\(message.to)>", "Subject: \(subject)",
            "Date: \(formatter.string(from: date))",
            "MIME-Version: 1.0", "Content-Type: text/plain; charset=UTF-8", "Content-Transfer-Encoding: 8bit", "",
            message.body.replacingOccurrences(of: "\n.", with: "\n.."), "",
        ].joined(separator: "\r\n")
    }

    func send(_ message: Message, date: Date) throws {
        var components = URLComponents(url: url, resolvingAgainstBaseURL: false)!
        let user = components.user
        let password = components.password
        components.user = nil
        components.password = nil
        components.query = nil
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/curl")
        var arguments = [
            "--silent", "--show-error", "--max-time", "30", "--url", components.string ?? "",
            "--mail-from", from, "--mail-rcpt", message.to, "--upload-file", "-",
        ]
        if let user { arguments += ["--user", "\(user):\(password ?? "")"] }
        if url.scheme == "smtp", user != nil { arguments.append("--ssl") }  // STARTTLS when offered
        process.arguments = arguments
        let input = Pipe()
        let errors = Pipe()
        process.standardInput = input
        process.standardError = errors
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        input.fileHandleForWriting.write(Data(Self.rfc5322(message, from: from, date: date).utf8))
        try input.fileHandleForWriting.close()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            let reason = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            throw Settings.Invalid(description: "SMTP: \(reason.trimmingCharacters(in: .whitespacesAndNewlines))")
        }
    }
}
