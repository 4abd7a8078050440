import Fluent
import Foundation
import TreEmCore

/// A person who signs in. Scoped to one unit (none only for system administrators) and
/// optionally to one agency of it.
final class UserModel: Model, @unchecked Sendable {
    static let schema = "users"

    @ID(key: .id) var id: UUID?
    @Field(key: "username") var username: String
    @Field(key: "display_name") var displayName: String
    @Field(key: "password_hash") var passwordHash: String
    @Field(key: "role") var role: Role
    @OptionalParent(key: "unit_id") var unit: UnitModel?
    @OptionalParent(key: "agency_id") var agency: AgencyModel?
    /// Set for a one-time password: the first sign-in must choose a new one.
    @Field(key: "must_change_password") var mustChangePassword: Bool
    @Field(key: "is_active") var isActive: Bool
    /// For notifications by e-mail, when the server has `TREEM_SMTP_URL`.
    @OptionalField(key: "email") var email: String?
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?

    init() {}

    init(
        id: UUID? = nil, username: String, displayName: String, passwordHash: String, role: Role,
        unitID: UUID?, agencyID: UUID?, mustChangePassword: Bool
    ) {
        self.id = id
        self.username = username
        self.displayName = displayName
        self.passwordHash = passwordHash
        self.role = role
        $unit.id = unitID
        $agency.id = agencyID
        self.mustChangePassword = mustChangePassword
        isActive = true
    }
}

/// A signed-in session, for the browser (cookie) or the API (bearer token). Only a hash of the
/// token is stored, so a copy of the database does not let anyone sign in.
final class SessionModel: Model, @unchecked Sendable {
    static let schema = "user_sessions"

    enum Kind: String, Codable { case web, api }

    @ID(key: .id) var id: UUID?
    @Field(key: "token_hash") var tokenHash: String
    @Parent(key: "user_id") var user: UserModel
    @Field(key: "kind") var kind: Kind
    /// The synchronizer token every form of this session must send back.
    @Field(key: "csrf_token") var csrfToken: String
    @Field(key: "created_at") var createdAt: Date
    @Field(key: "last_seen_at") var lastSeenAt: Date

    init() {}

    init(tokenHash: String, userID: UUID, kind: Kind, csrfToken: String, now: Date) {
        self.tokenHash = tokenHash
        $user.id = userID
        self.kind = kind
        self.csrfToken = csrfToken
        createdAt = now
        lastSeenAt = now
    }
}

/// One sign-in attempt, kept to throttle guessing across every server process.
final class LoginAttemptModel: Model, @unchecked Sendable {
    static let schema = "login_attempts"

    @ID(key: .id) var id: UUID?
    @Field(key: "username") var username: String
    @Field(key: "address") var address: String
    @Field(key: "succeeded") var succeeded: Bool
    @Field(key: "attempted_at") var attemptedAt: Date

    init() {}

    init(username: String, address: String, succeeded: Bool, at: Date) {
        self.username = username
        self.address = address
        self.succeeded = succeeded
        attemptedAt = at
    }
}

/// Nhật ký — one line of the append-only audit log.
final class AuditEntryModel: Model, @unchecked Sendable {
    static let schema = "audit_entries"

    @ID(key: .id) var id: UUID?
    @Field(key: "occurred_at") var occurredAt: Date
    @OptionalField(key: "actor_id") var actorID: UUID?
    @Field(key: "actor_username") var actorUsername: String
    @Field(key: "action") var action: String
    @OptionalField(key: "record_type") var recordType: String?
    @OptionalField(key: "record_id") var recordID: String?
    /// The unit the record belongs to, so a unit administrator sees the entries of their scope.
    @OptionalField(key: "unit_id") var unitID: UUID?
    @Field(key: "summary") var summary: String
    @Field(key: "address") var address: String

    init() {}
}
