import Foundation
import TreEmCore
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
    /// Threads for bcrypt and for reading uploads, each with a bound on what may wait.
    let pools = WorkPools()

    var passwordHasher: PasswordHasher { PasswordHasher(work: pools.passwords, cost: settings.bcryptCost) }
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
    /// Today in Vietnam, by the application's clock.
    var today: CalendarDay { CalendarDay(vietnamTimeOf: now) }

    /// The client's address, for the audit log and sign-in throttling (`ClientAddress` says
    /// which `X-Forwarded-For` entry is believed behind a proxy).
    var clientAddress: String {
        let settings = application.treem.settings
        return ClientAddress.resolve(
            peer: remoteAddress?.ipAddress, forwardedFor: headers[.xForwardedFor],
            behindProxy: settings.behindProxy, trusted: settings.trustedProxies)
    }
}
