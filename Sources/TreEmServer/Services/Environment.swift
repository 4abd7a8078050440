import Foundation
import Vapor

/// What the app was started with: settings and a clock that tests can move.
struct TreEmEnvironment: Sendable {
    var settings: Settings
    var now: @Sendable () -> Date
    /// A hash of a random string at the configured cost, verified against when a username is
    /// unknown so that the answer takes as long as for a real account.
    var dummyPasswordHash: String
    /// Lets one e-mail delivery run at a time.
    let mailDelivery = MailDeliveryGate()
}

extension Application {
    private struct TreEmKey: StorageKey { typealias Value = TreEmEnvironment }

    var treem: TreEmEnvironment {
        get {
            guard let value = storage[TreEmKey.self] else { fatalError("configure(_:) has not run") }
            return value
        }
        set { storage[TreEmKey.self] = newValue }
    }
}

extension Request {
    var now: Date { application.treem.now() }

    /// The client's address, for the audit log and sign-in throttling.
    var clientAddress: String {
        if application.treem.settings.behindProxy, let forwarded = headers.forwarded.first?.for ?? headers.first(name: .xForwardedFor) {
            let first = forwarded.split(separator: ",").first.map { $0.trimmingCharacters(in: .whitespaces) } ?? ""
            if !first.isEmpty { return first }
        }
        return remoteAddress?.ipAddress ?? "unknown"
    }
}

enum Tokens {
    /// 32 random bytes, URL-safe base64: a session cookie, an API token or a CSRF token.
    static func random() -> String {
        Data([UInt8].random(count: 32)).base64EncodedString()
            .replacingOccurrences(of: "+", with: "-")
            .replacingOccurrences(of: "/", with: "_")
            .replacingOccurrences(of: "=", with: "")
    }

    static func hash(_ token: String) -> String {
        SHA256.hash(data: Data(token.utf8)).hex
    }
}
