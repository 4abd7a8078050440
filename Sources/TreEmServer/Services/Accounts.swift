import Fluent
import Foundation
import TreEmCore
import Vapor

/// The signed-in person as every handler sees them.
struct CurrentUser: Authenticatable, Sendable {
    var id: UUID
    var username: String
    var displayName: String
    var role: Role
    var unitID: UUID?
    var agencyID: UUID?
    var mustChangePassword: Bool
    var sessionID: UUID
    var csrfToken: String

    /// System administrators see every unit; everyone else sees their unit's closure.
    var seesEverything: Bool { role == .systemAdministrator && unitID == nil }

    init(user: UserModel, session: SessionModel) throws {
        id = try user.requireID()
        username = user.username
        displayName = user.displayName
        role = user.role
        unitID = user.$unit.id
        agencyID = user.$agency.id
        mustChangePassword = user.mustChangePassword
        sessionID = try session.requireID()
        csrfToken = session.csrfToken
    }
}

/// A failure with a message for the person, in both languages; `field` names the form field.
struct UserFacingError: Error, AbortError {
    var status: HTTPResponseStatus
    var message: Bilingual
    var field: String?

    init(_ status: HTTPResponseStatus = .badRequest, _ message: Bilingual, field: String? = nil) {
        self.status = status
        self.message = message
        self.field = field
    }

    var reason: String { message.vi }
}

/// Sign-in, sessions and passwords.
enum Accounts {
    static let sessionCookie = "treem_session"

    enum SignInResult {
        case signedIn(token: String, user: UserModel, session: SessionModel)
        case wrongCredentials
        case throttled(waitSeconds: Int)
    }

    static func signIn(username rawUsername: String, password: String, kind: SessionModel.Kind,
                       request req: Request) async throws -> SignInResult {
        let username = VietnameseText.clean(rawUsername).lowercased()
        let address = req.clientAddress
        let now = req.now
        let since = now.addingTimeInterval(-LoginThrottle.window)
        let failures = try await LoginAttemptModel.query(on: req.db)
            .filter(\.$succeeded == false)
            .filter(\.$attemptedAt >= since)
            .group(.or) { $0.filter(\.$username == username).filter(\.$address == address) }
            .all()
        let times = failures.map(\.attemptedAt.timeIntervalSince1970)
        if let wait = LoginThrottle.waitSeconds(failures: times, now: now.timeIntervalSince1970) {
            try await AuditLog.record(.signInThrottled, by: .init(id: nil, username: username), recordType: "user",
                                      summary: "Đăng nhập bị tạm khóa sau \(LoginThrottle.maxFailures) lần sai",
                                      address: address, at: now, on: req.db)
            return .throttled(waitSeconds: Int(wait.rounded(.up)))
        }
        let user = try await UserModel.query(on: req.db).filter(\.$username == username).first()
        let hash = user?.passwordHash ?? req.application.treem.dummyPasswordHash
        // Verify even for an unknown user, so timing does not reveal which usernames exist.
        let matches = try await req.password.async.verify(password, created: hash).get()
        guard let user, matches, user.isActive else {
            try await LoginAttemptModel(username: username, address: address, succeeded: false, at: now).create(on: req.db)
            try await AuditLog.record(.signInFailed, by: .init(id: user?.id, username: username), recordType: "user",
                                      recordID: user?.id?.uuidString, unitID: user?.$unit.id,
                                      summary: "Đăng nhập sai", address: address, at: now, on: req.db)
            return .wrongCredentials
        }
        let token = Tokens.random()
        let session = SessionModel(tokenHash: Tokens.hash(token), userID: try user.requireID(), kind: kind,
                                   csrfToken: Tokens.random(), now: now)
        let idleCutoff = now.addingTimeInterval(-req.application.treem.settings.idleTimeout)
        try await req.db.transaction { tx in
            // Sessions idle past the timeout are dead; clear them out while we are writing anyway.
            try await SessionModel.query(on: tx).filter(\.$lastSeenAt < idleCutoff).delete()
            try await session.create(on: tx)
            try await LoginAttemptModel(username: username, address: address, succeeded: true, at: now).create(on: tx)
            try await AuditLog.record(kind == .web ? .signIn : .tokenIssued, by: .init(id: user.id, username: user.username),
                                      recordType: "user", recordID: user.id?.uuidString, unitID: user.$unit.id,
                                      summary: kind == .web ? "Đăng nhập" : "Cấp mã truy cập API",
                                      address: address, at: now, on: tx)
        }
        return .signedIn(token: token, user: user, session: session)
    }


    /// Resolves a session token, ending it when it has been idle too long.
    static func user(forToken token: String, kind: SessionModel.Kind, request req: Request) async throws -> CurrentUser? {
        guard let session = try await SessionModel.query(on: req.db)
            .filter(\.$tokenHash == Tokens.hash(token)).filter(\.$kind == kind)
            .with(\.$user).first()
        else { return nil }
        let now = req.now
        if now.timeIntervalSince(session.lastSeenAt) > req.application.treem.settings.idleTimeout || !session.user.isActive {
            try await session.delete(on: req.db)
            return nil
        }
        // Touch at most once a minute: fewer writes, same effect on a one-hour timeout.
        if now.timeIntervalSince(session.lastSeenAt) > 60 {
            session.lastSeenAt = now
            try await session.save(on: req.db)
        }
        return try CurrentUser(user: session.user, session: session)
    }

    static func hash(_ password: String, app: Application) async throws -> String {
        try await app.password.async.hash(password).get()
    }

    /// Changes the user's own password after checking the current one.
    static func changePassword(user current: CurrentUser, currentPassword: String, newPassword: String,
                               confirmation: String, request req: Request) async throws {
        guard let user = try await UserModel.find(current.id, on: req.db) else { throw Abort(.notFound) }
        guard try await req.password.async.verify(currentPassword, created: user.passwordHash).get() else {
            throw UserFacingError(.badRequest, Bilingual(vi: "Mật khẩu hiện tại không đúng.", en: "The current password is wrong."),
                                  field: "current_password")
        }
        guard newPassword == confirmation else {
            throw UserFacingError(.badRequest, Bilingual(vi: "Mật khẩu nhập lại không khớp.", en: "The two new passwords differ."),
                                  field: "confirmation")
        }
        if newPassword == currentPassword {
            throw UserFacingError(.badRequest, Bilingual(vi: "Mật khẩu mới phải khác mật khẩu hiện tại.",
                                                         en: "The new password must differ from the current one."),
                                  field: "new_password")
        }
        if let problem = PasswordPolicy.problem(password: newPassword, username: user.username) {
            throw UserFacingError(.badRequest, problem, field: "new_password")
        }
        user.passwordHash = try await req.password.async.hash(newPassword).get()
        user.mustChangePassword = false
        try await req.db.transaction { tx in
            try await user.save(on: tx)
            // Other sessions of this user end: whoever knew the old password is signed out.
            try await SessionModel.query(on: tx).filter(\.$user.$id == current.id)
                .filter(\.$id != current.sessionID).delete()
            try await req.audit(.passwordChanged, recordType: "user", recordID: current.id.uuidString,
                                unitID: user.$unit.id, summary: "Đổi mật khẩu", on: tx)
        }
    }
}
