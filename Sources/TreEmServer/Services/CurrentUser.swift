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

    /// Bound to no unit: the whole country. A system administrator, or an officer or viewer of
    /// the ministry (since 1/3/2025 Bộ Y tế, Cục Bà mẹ và Trẻ em, holds children's work), who
    /// reads every unit's plans, tasks and reports but writes none of them (`AccessPolicy` gives
    /// officers nothing on `.everyUnit`). Everyone else sees their unit's closure.
    var seesEverything: Bool { unitID == nil && Role.nationalRoles.contains(role) }
    /// The system's own administration (unit import, every account) stays with administrators.
    var administersSystem: Bool { role == .systemAdministrator && unitID == nil }
    /// The ministry sets each year's Action Month theme: its officers and the system's administrators.
    var setsYearThemes: Bool { seesEverything && role >= .officer }

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
