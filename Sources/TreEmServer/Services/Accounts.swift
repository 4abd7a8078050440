import Fluent
import Foundation
import TreEmCore
import Vapor

/// What sign-in and password changes need from the running app: the database, bcrypt on its
/// own pool, the clock and who is asking. A command or a test builds one without HTTP.
struct AccountContext {
    var db: Database
    var hasher: PasswordHasher
    /// A hash of a random string, checked when the username is unknown so that the answer
    /// takes as long as for a real account.
    var dummyHash: String
    var idleTimeout: TimeInterval
    var address: String
    var now: Date
}

extension Request {
    var accounts: AccountContext {
        let treem = application.treem
        return AccountContext(
            db: db, hasher: treem.passwordHasher, dummyHash: treem.dummyPasswordHash,
            idleTimeout: treem.settings.idleTimeout, address: clientAddress, now: now)
    }
}

/// Sign-in, sessions and passwords.
enum Accounts {
    static let sessionCookie = "treem_session"

    enum SignInResult {
        case signedIn(token: String, user: UserModel, session: SessionModel)
        case wrongCredentials
        case throttled(waitSeconds: Int)
    }

    /// Claims a password attempt before the slow bcrypt check: the attempt is written as a
    /// failure first and only then are the recent failures counted, so of many concurrent
    /// attempts at most `LoginThrottle.maxFailures` see room (each counts every attempt whose
    /// claim was written before its own). Returns the claim, or the seconds to wait.
    private static func claimAttempt(
        username: String, in context: AccountContext
    ) async throws
        -> Result<LoginAttemptModel, ThrottledAttempt>
    {
        let claim = LoginAttemptModel(username: username, address: context.address, succeeded: false, at: context.now)
        try await claim.create(on: context.db)
        let since = context.now.addingTimeInterval(-LoginThrottle.window)
        let earlier = try await LoginAttemptModel.query(on: context.db)
            .filter(\.$succeeded == false)
            .filter(\.$attemptedAt >= since)
            .filter(\.$id != claim.requireID())
            .group(.or) { $0.filter(\.$username == username).filter(\.$address == context.address) }
            .all()
        let times = earlier.map(\.attemptedAt.timeIntervalSince1970)
        if let wait = LoginThrottle.waitSeconds(failures: times, now: context.now.timeIntervalSince1970) {
            // A refused attempt is not itself a failure: the wait does not grow while someone keeps trying.
            try await claim.delete(on: context.db)
            try await AuditLog.record(
                .signInThrottled, by: .init(id: nil, username: username), recordType: "user",
                summary: "Đăng nhập bị tạm khóa sau \(LoginThrottle.maxFailures) lần sai",
                address: context.address, at: context.now, on: context.db)
            return .failure(ThrottledAttempt(waitSeconds: Int(wait.rounded(.up))))
        }
        return .success(claim)
    }

    struct ThrottledAttempt: Error {
        var waitSeconds: Int
    }

    /// Checks a password on the bcrypt pool; when the pool is full the claim is withdrawn (the
    /// person did nothing wrong) and the caller answers 429.
    private static func verify(
        _ password: String, hash: String, claim: LoginAttemptModel, in context: AccountContext
    ) async throws -> Bool {
        do {
            return try await context.hasher.verify(password, hash: hash)
        } catch let busy as BoundedWork.Busy {
            try await claim.delete(on: context.db)
            throw busy
        }
    }

    static func signIn(
        username rawUsername: String, password: String, kind: SessionModel.Kind,
        in context: AccountContext
    ) async throws -> SignInResult {
        let username = VietnameseText.clean(rawUsername).lowercased()
        let claim: LoginAttemptModel
        switch try await claimAttempt(username: username, in: context) {
        case .success(let claimed): claim = claimed
        case .failure(let throttled): return .throttled(waitSeconds: throttled.waitSeconds)
        }
        let address = context.address
        let now = context.now
        let user = try await UserModel.query(on: context.db).filter(\.$username == username).first()
        // Verify even for an unknown user, so timing does not reveal which usernames exist.
        let matches = try await verify(
            password, hash: user?.passwordHash ?? context.dummyHash, claim: claim, in: context)
        guard let user, matches, user.isActive else {
            try await AuditLog.record(
                .signInFailed, by: .init(id: user?.id, username: username), recordType: "user",
                recordID: user?.id?.uuidString, unitID: user?.$unit.id,
                summary: "Đăng nhập sai", address: address, at: now, on: context.db)
            return .wrongCredentials
        }
        let token = Tokens.random()
        let session = SessionModel(
            tokenHash: Tokens.hash(token), userID: try user.requireID(), kind: kind,
            csrfToken: Tokens.random(), now: now)
        let idleCutoff = now.addingTimeInterval(-context.idleTimeout)
        try await context.db.transaction { tx in
            // Sessions idle past the timeout are dead; clear them out while we are writing anyway.
            try await SessionModel.query(on: tx).filter(\.$lastSeenAt < idleCutoff).delete()
            try await session.create(on: tx)
            claim.succeeded = true
            try await claim.save(on: tx)
            try await AuditLog.record(
                kind == .web ? .signIn : .tokenIssued, by: .init(id: user.id, username: user.username),
                recordType: "user", recordID: user.id?.uuidString, unitID: user.$unit.id,
                summary: kind == .web ? "Đăng nhập" : "Cấp mã truy cập API",
                address: address, at: now, on: tx)
        }
        return .signedIn(token: token, user: user, session: session)
    }

    /// Resolves a session token, ending it when it has been idle too long.
    static func user(
        forToken token: String, kind: SessionModel.Kind, idleTimeout: TimeInterval, now: Date,
        on db: Database
    ) async throws -> CurrentUser? {
        guard
            let session = try await SessionModel.query(on: db)
                .filter(\.$tokenHash == Tokens.hash(token)).filter(\.$kind == kind)
                .with(\.$user).first()
        else { return nil }
        if now.timeIntervalSince(session.lastSeenAt) > idleTimeout || !session.user.isActive {
            try await session.delete(on: db)
            return nil
        }
        // Touch at most once a minute: fewer writes, same effect on a one-hour timeout.
        if now.timeIntervalSince(session.lastSeenAt) > 60 {
            session.lastSeenAt = now
            try await session.save(on: db)
        }
        return try CurrentUser(user: session.user, session: session)
    }

    /// Signs out: the session (or API token) of `user` ends.
    static func endSession(_ user: CurrentUser, on db: Database) async throws {
        try await SessionModel.query(on: db).filter(\SessionModel.$id == user.sessionID).delete()
    }

    static func hash(_ password: String, app: Application) async throws -> String {
        try await app.treem.passwordHasher.hash(password)
    }

    static func throttledMessage(_ seconds: Int) -> Bilingual {
        let minutes = max(1, (seconds + 59) / 60)
        return Bilingual(
            vi: "Nhập sai mật khẩu quá \(LoginThrottle.maxFailures) lần. Hãy chờ \(minutes) phút rồi thử lại.",
            en: "More than \(LoginThrottle.maxFailures) wrong passwords. Wait \(minutes) minutes and try again.")
    }

    /// Changes the user's own password after checking the current one. A wrong current password
    /// counts as a failed sign-in: a stolen session cannot be used to guess the password.
    static func changePassword(
        user current: CurrentUser, currentPassword: String, newPassword: String,
        confirmation: String, in context: AccountContext
    ) async throws {
        guard let user = try await UserModel.find(current.id, on: context.db) else { throw Abort(.notFound) }
        let claim: LoginAttemptModel
        switch try await claimAttempt(username: user.username, in: context) {
        case .success(let claimed): claim = claimed
        case .failure(let throttled):
            throw UserFacingError(.tooManyRequests, throttledMessage(throttled.waitSeconds), field: "current_password")
        }
        guard try await verify(currentPassword, hash: user.passwordHash, claim: claim, in: context) else {
            try await AuditLog.record(
                .signInFailed, by: .init(id: user.id, username: user.username), recordType: "user",
                recordID: user.id?.uuidString, unitID: user.$unit.id,
                summary: "Đổi mật khẩu: mật khẩu hiện tại sai", address: context.address, at: context.now,
                on: context.db)
            throw UserFacingError(
                .badRequest, Bilingual(vi: "Mật khẩu hiện tại không đúng.", en: "The current password is wrong."),
                field: "current_password")
        }
        claim.succeeded = true
        try await claim.save(on: context.db)
        guard newPassword == confirmation else {
            throw UserFacingError(
                .badRequest, Bilingual(vi: "Mật khẩu nhập lại không khớp.", en: "The two new passwords differ."),
                field: "confirmation")
        }
        if newPassword == currentPassword {
            throw UserFacingError(
                .badRequest,
                Bilingual(
                    vi: "Mật khẩu mới phải khác mật khẩu hiện tại.",
                    en: "The new password must differ from the current one."),
                field: "new_password")
        }
        if let problem = PasswordPolicy.problem(password: newPassword, username: user.username) {
            throw UserFacingError(.badRequest, problem, field: "new_password")
        }
        user.passwordHash = try await context.hasher.hash(newPassword)
        user.mustChangePassword = false
        try await context.db.transaction { tx in
            try await user.save(on: tx)
            // Other sessions of this user end: whoever knew the old password is signed out.
            try await SessionModel.query(on: tx).filter(\.$user.$id == current.id)
                .filter(\.$id != current.sessionID).delete()
            try await AuditLog.record(
                .passwordChanged, by: .init(id: current.id, username: current.username), recordType: "user",
                recordID: current.id.uuidString, unitID: user.$unit.id, summary: "Đổi mật khẩu",
                address: context.address, at: context.now, on: tx)
        }
    }
}
