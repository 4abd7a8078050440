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
