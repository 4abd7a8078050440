import Fluent
import Foundation
import TreEmCore
import Vapor

/// Who acts, on which database, from where and when: what every service that reads for a
/// person or changes something takes instead of an HTTP request, so that a command, a
/// background job or a test can call it too (`Request.acting` builds one for a page or the API).
struct Acting {
    var user: CurrentUser
    var db: Database
    /// The client's address, for the audit log.
    var address: String
    var now: Date
    /// Settings, thread pools and the password hasher of the running application.
    var treem: TreEmEnvironment
    /// Starts sending the e-mail a change queued, once its transaction has committed.
    var deliverMail: @Sendable () -> Void

    var today: CalendarDay { CalendarDay(vietnamTimeOf: now) }

    var stamp: AuditLog.Stamp {
        AuditLog.Stamp(actor: .init(id: user.id, username: user.username), address: address, at: now)
    }

    /// Writes the audit entry of what this person did, in `db` (a transaction) when given.
    func audit(
        _ action: AuditLog.Action, recordType: String? = nil, recordID: String? = nil, unitID: UUID? = nil,
        summary: String, on db: Database? = nil
    ) async throws {
        try await AuditLog.record(
            action, stamp, recordType: recordType, recordID: recordID, unitID: unitID, summary: summary,
            on: db ?? self.db)
    }
}

extension Request {
    /// The signed-in person acting through this request.
    var acting: Acting {
        get throws {
            let app = application
            return Acting(
                user: try currentUser, db: db, address: clientAddress, now: now, treem: app.treem,
                deliverMail: { MailOutbox.kick(app) })
        }
    }
}
