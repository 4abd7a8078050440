import Fluent
import Foundation
import NIOConcurrencyHelpers
import Vapor

/// Sends the queued e-mail. A message is queued in the transaction that made its notification and
/// sent after that transaction commits; when the SMTP server refuses or cannot be reached the
/// message waits 5, 10, 20, 40 then 80 minutes before the next try, and after six failures it is
/// left in the outbox with the last error for an administrator to see.
enum MailOutbox {
    static let maxAttempts = 6
    static let firstRetry: TimeInterval = 5 * 60

    /// Queues the messages in `db` (the caller's transaction) when e-mail is configured.
    static func enqueue(_ messages: [Mailer.Message], at now: Date, settings: Settings, on db: Database) async throws {
        guard Mailer(url: settings.smtpURL) != nil else { return }
        for message in messages {
            try await OutgoingMailModel(message, at: now).create(on: db)
        }
    }

    /// Starts sending what is due without making the caller wait. Shutting the application down
    /// waits for it (see `MailDeliveryDrain`).
    static func kick(_ app: Application) {
        let gate = app.treem.mailDelivery
        gate.enter()
        Task.detached {
            _ = await deliverDue(app)
            gate.leave()
        }
    }

    struct Outcome: Equatable {
        var sent = 0
        var failed = 0
    }

    /// Sends every message whose time has come. Only one delivery runs at a time per application,
    /// so a message is never sent twice by two overlapping calls; a call that finds one running
    /// asks it to look again when it is done, so mail queued meanwhile is not left waiting.
    @discardableResult
    static func deliverDue(_ app: Application) async -> Outcome {
        let gate = app.treem.mailDelivery
        guard let mailer = Mailer(url: app.treem.settings.smtpURL), gate.begin() else { return Outcome() }
        // Counted while it runs, however it was started, so that shutting down waits for it
        // before the database closes (`MailDeliveryDrain`).
        gate.enter()
        defer { gate.leave() }
        var outcome = Outcome()
        repeat {
            let pass = await deliverOnce(app, mailer: mailer)
            outcome.sent += pass.sent
            outcome.failed += pass.failed
        } while gate.endUnlessAskedAgain() == false
        return outcome
    }

    private static func deliverOnce(_ app: Application, mailer: Mailer) async -> Outcome {
        var outcome = Outcome()
        do {
            let now = app.treem.now()
            let due = try await OutgoingMailModel.query(on: app.db).filter(\.$sentAt == nil)
                .filter(\.$attempts < maxAttempts).filter(\.$nextAttemptAt <= now)
                .sort(\.$createdAt).limit(200).all()
            for mail in due {
                do {
                    let message = mail.message
                    try await app.threadPool.runIfActive { try mailer.send(message, date: now) }
                    mail.sentAt = app.treem.now()
                    mail.lastError = nil
                    outcome.sent += 1
                } catch {
                    mail.lastError = String(describing: error).prefix(500).description
                    mail.nextAttemptAt = now.addingTimeInterval(firstRetry * pow(2, Double(mail.attempts)))
                    outcome.failed += 1
                    app.logger.warning("E-mail to \(mail.recipient) failed (attempt \(mail.attempts + 1)): \(error)")
                }
                mail.attempts += 1
                try await mail.save(on: app.db)
            }
        } catch {
            app.logger.warning("Mail outbox could not be read: \(error)")
        }
        return outcome
    }
}

/// Whether a delivery is running in this application, and how many were started and have not ended.
final class MailDeliveryGate: Sendable {
    private let running = NIOLockedValueBox(false)
    private let started = NIOLockedValueBox(0)

    func enter() { started.withLockedValue { $0 += 1 } }
    func leave() { started.withLockedValue { $0 -= 1 } }
    var inFlight: Int { started.withLockedValue { $0 } }

    private let askedAgain = NIOLockedValueBox(false)

    /// True when the caller may deliver; false when a delivery is running (which is then asked to look again).
    func begin() -> Bool {
        running.withLockedValue { busy in
            if busy {
                askedAgain.withLockedValue { $0 = true }
                return false
            }
            busy = true
            return true
        }
    }

    /// Ends the delivery, unless another call asked for one more pass meanwhile (then false).
    func endUnlessAskedAgain() -> Bool {
        running.withLockedValue { busy in
            let again = askedAgain.withLockedValue { value in
                defer { value = false }
                return value
            }
            if again { return false }
            busy = false
            return true
        }
    }
}

/// Lets a delivery started by a request finish before the database closes on shutdown (at most 30 s:
/// curl gives up on a server after that).
struct MailDeliveryDrain: LifecycleHandler {
    func shutdownAsync(_ application: Application) async {
        let gate = application.treem.mailDelivery
        let deadline = Date().addingTimeInterval(30)
        while gate.inFlight > 0, Date() < deadline {
            try? await Task.sleep(for: .milliseconds(20))
        }
    }
}
