import Fluent
import Foundation
import TreEmCore
import Vapor

/// People a user may see and manage: those whose unit lies in their scope.
enum UserDirectory {
    static func visibleUsers(for user: CurrentUser, on db: Database) async throws -> [UserModel] {
        let query = UserModel.query(on: db).with(\.$unit).with(\.$agency)
        if !user.administersSystem {
            guard let root = user.unitID else { return [] }
            query.join(UnitScopeModel.self, on: \UnitScopeModel.$descendantID == \UserModel.$unit.$id)
                .filter(UnitScopeModel.self, \.$ancestorID == root)
        }
        return try await query.all()
            .sorted { VietnameseText.personNamePrecedes($0.displayName, $1.displayName) }
    }

    /// The user with `id`, or nil when they do not exist or lie outside the caller's scope.
    static func user(id: UUID, for caller: CurrentUser, on db: Database) async throws -> UserModel? {
        guard let user = try await UserModel.query(on: db).filter(\.$id == id).with(\.$unit).with(\.$agency).first()
        else { return nil }
        if caller.administersSystem || user.id == caller.id { return user }
        guard let unitID = user.$unit.id, try await UnitDirectory.canSee(unitID: unitID, user: caller, on: db) else {
            return nil
        }
        return user
    }

    struct Input {
        var username: String?
        var displayName: String
        var role: String
        var unitID: UUID?
        var agencyID: UUID?
        var isActive: Bool = true
        var email: String? = nil
    }

    /// A plain check: one "@", a dot in the domain, no spaces. Blank clears the address.
    static func validEmail(_ raw: String?) throws -> String? {
        let email = VietnameseText.clean(raw ?? "")
        guard !email.isEmpty else { return nil }
        let parts = email.split(separator: "@")
        guard parts.count == 2, parts[1].contains("."), !email.contains(" "), email.count <= 200 else {
            throw UserFacingError(
                .badRequest,
                Bilingual(
                    vi: "Địa chỉ thư điện tử \"\(email)\" không hợp lệ.",
                    en: "E-mail address \"\(email)\" is not valid."), field: "email")
        }
        return email.lowercased()
    }

    /// Checks a proposed role, unit and agency; returns the resolved values.
    private static func resolve(
        _ input: Input, target: UserModel?, by acting: Acting
    ) async throws -> (Role, UnitModel?, AgencyModel?) {
        let caller = acting.user
        guard let role = Role(rawValue: input.role) else {
            throw UserFacingError(
                .badRequest,
                Bilingual(vi: "Vai trò \"\(input.role)\" không hợp lệ.", en: "Role \"\(input.role)\" is not valid."),
                field: "role")
        }
        var unit: UnitModel?
        if let unitID = input.unitID {
            // A unit outside the caller's scope is refused exactly like one that does not exist.
            guard let found = try await UnitDirectory.unit(id: unitID, for: caller, on: acting.db) else {
                throw UserFacingError(
                    .badRequest, Bilingual(vi: "Không tìm thấy đơn vị đã chọn.", en: "The chosen unit was not found."),
                    field: "unit")
            }
            unit = found
        }
        var agency: AgencyModel?
        if let agencyID = input.agencyID {
            agency = try await AgencyDirectory.agency(id: agencyID, for: caller, on: acting.db)
            if agency == nil {
                throw UserFacingError(
                    .badRequest,
                    Bilingual(vi: "Không tìm thấy cơ quan đã chọn.", en: "The chosen agency was not found."),
                    field: "agency")
            }
        }
        let changesScope =
            target.map {
                $0.$unit.id != input.unitID || $0.$agency.id != input.agencyID || $0.isActive != input.isActive
            } ?? true
        let refusal = UserAdministration.checkAssignment(
            by: .init(userID: caller.id.uuidString, role: caller.role),
            targetID: target?.id?.uuidString, targetCurrentRole: target?.role,
            role: role, changesScope: changesScope, hasUnit: unit != nil,
            agencyBelongsToUnit: agency.map { $0.$unit.id == unit?.id })
        if let refusal {
            let field: String? =
                switch refusal {
                case .roleAboveYours: "role"
                case .agencyRequired, .agencyNotInUnit: "agency"
                case .unitRequired: "unit"
                default: nil
                }
            throw UserFacingError(.forbidden, refusal.message, field: field)
        }
        // Only a system administrator with no unit sees the whole country; no one else is made one.
        if role == .systemAdministrator, !caller.administersSystem {
            throw UserFacingError(.forbidden, UserAdministration.Refusal.roleAboveYours(role).message, field: "role")
        }
        return (role, unit, agency)
    }

    /// Creates a user with a one-time password and returns it (shown once, never stored in clear).
    static func create(_ input: Input, by acting: Acting) async throws -> (UserModel, String) {
        let username = VietnameseText.clean(input.username ?? "").lowercased()
        guard username.count >= 3, username.count <= 64,
            username.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || "._-".contains($0)) })
        else {
            throw UserFacingError(
                .badRequest,
                Bilingual(
                    vi: "Tên đăng nhập gồm 3–64 ký tự: chữ không dấu, số, dấu chấm, gạch dưới hoặc gạch ngang.",
                    en: "A username has 3–64 characters: ASCII letters, digits, dot, underscore or hyphen."),
                field: "username")
        }
        let displayName = try validDisplayName(input.displayName)
        if try await UserModel.query(on: acting.db).filter(\.$username == username).first() != nil {
            throw UserFacingError(
                .conflict,
                Bilingual(vi: "Tên đăng nhập \(username) đã có người dùng.", en: "The username \(username) is taken."),
                field: "username")
        }
        let (role, unit, agency) = try await resolve(input, target: nil, by: acting)
        let email = try validEmail(input.email)
        let password = PasswordPolicy.oneTimePassword()
        let user = UserModel(
            username: username, displayName: displayName,
            passwordHash: try await acting.treem.passwordHasher.hash(password),
            role: role, unitID: unit?.id, agencyID: agency?.id, mustChangePassword: true)
        user.email = email
        try await acting.db.transaction { tx in
            try await user.create(on: tx)
            try await acting.audit(
                .userCreated, recordType: "user", recordID: user.id?.uuidString, unitID: unit?.id,
                summary: "Tạo người dùng \(username) (\(role.label(.vi))\(unit.map { ", \($0.name)" } ?? ""))", on: tx)
        }
        return (user, password)
    }

    /// A full name, cleaned; present and within `TextLimit.name`.
    static func validDisplayName(_ raw: String) throws -> String {
        let displayName = VietnameseText.clean(raw)
        guard !displayName.isEmpty else {
            throw UserFacingError(
                .badRequest, Bilingual(vi: "Thiếu họ và tên.", en: "The full name is missing."), field: "display_name")
        }
        if let tooLong = TextLimit.name.problem(displayName, field: Bilingual(vi: "Họ và tên", en: "Full name")) {
            throw UserFacingError(.badRequest, tooLong, field: "display_name")
        }
        return displayName
    }

    static func update(_ user: UserModel, with input: Input, by acting: Acting) async throws {
        let (role, unit, agency) = try await resolve(input, target: user, by: acting)
        let displayName = try validDisplayName(input.displayName)
        let email = try validEmail(input.email)
        var changes: [String] = []
        if user.email != email { changes.append("thư điện tử → \(email ?? "không")") }
        if user.role != role { changes.append("vai trò \(user.role.label(.vi)) → \(role.label(.vi))") }
        if user.$unit.id != unit?.id { changes.append("đơn vị → \(unit?.name ?? "không")") }
        if user.$agency.id != agency?.id { changes.append("cơ quan → \(agency?.name ?? "không")") }
        if user.isActive != input.isActive { changes.append(input.isActive ? "mở khóa" : "khóa tài khoản") }
        if user.displayName != displayName { changes.append("họ tên → \(displayName)") }
        let summary =
            "Sửa người dùng \(user.username): \(changes.isEmpty ? "không đổi" : changes.joined(separator: "; "))"
        user.displayName = displayName
        user.email = email
        user.role = role
        user.$unit.id = unit?.id
        user.$agency.id = agency?.id
        user.isActive = input.isActive
        try await acting.db.transaction { tx in
            try await user.save(on: tx)
            if !input.isActive {
                try await SessionModel.query(on: tx).filter(\.$user.$id == user.requireID()).delete()
            }
            try await acting.audit(
                .userUpdated, recordType: "user", recordID: user.id?.uuidString, unitID: unit?.id,
                summary: summary, on: tx)
        }
    }

    static func resetPassword(_ user: UserModel, by acting: Acting) async throws -> String {
        let caller = acting.user
        guard caller.role.isAdministrator else { throw UserAdministration.Refusal.notAnAdministrator.asError }
        guard user.role <= caller.role else { throw UserAdministration.Refusal.targetAboveYou.asError }
        let password = PasswordPolicy.oneTimePassword()
        user.passwordHash = try await acting.treem.passwordHasher.hash(password)
        user.mustChangePassword = true
        try await acting.db.transaction { tx in
            try await user.save(on: tx)
            try await SessionModel.query(on: tx).filter(\.$user.$id == user.requireID()).delete()
            try await acting.audit(
                .passwordReset, recordType: "user", recordID: user.id?.uuidString, unitID: user.$unit.id,
                summary: "Cấp mật khẩu dùng một lần mới cho \(user.username)", on: tx)
        }
        return password
    }
}

extension UserAdministration.Refusal {
    var asError: UserFacingError { UserFacingError(.forbidden, message) }
}
