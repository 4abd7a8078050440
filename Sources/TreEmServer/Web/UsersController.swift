import Fluent
import TreEmCore
import Vapor

/// User administration for system and unit administrators, within their scope.
struct UsersController {
    func boot(routes: RoutesBuilder) {
        routes.get("users", use: list)
        routes.get("users", "new", use: newForm)
        routes.post("users", use: create)
        routes.get("users", ":id", use: edit)
        routes.post("users", ":id", use: update)
        routes.post("users", ":id", "reset-password", use: resetPassword)
    }

    private func requireAdministrator(_ req: Request) throws -> CurrentUser {
        let user = try req.currentUser
        guard user.role.isAdministrator else { throw Abort(.notFound) }
        return user
    }

    struct UserRow: Encodable {
        var id: String
        var username: String
        var displayName: String
        var roleLabel: String
        var unitName: String
        var agencyName: String?
        var isActive: Bool
        var mustChangePassword: Bool
    }

    struct ListView: Encodable {
        var users: [UserRow]
    }

    @Sendable func list(req: Request) async throws -> Response {
        let caller = try requireAdministrator(req)
        let users = try await UserDirectory.visibleUsers(for: caller, on: req.db)
        let rows = users.map { user in
            UserRow(
                id: user.id?.uuidString ?? "", username: user.username, displayName: user.displayName,
                roleLabel: user.role.label(req.language), unitName: user.unit?.name ?? req.text("home_whole_country"),
                agencyName: user.agency?.name, isActive: user.isActive, mustChangePassword: user.mustChangePassword)
        }
        return try await req.page("users", title: "users_title", ListView(users: rows))
    }

    struct FormView: Encodable {
        var isNew: Bool
        var id: String?
        var username: String
        var displayName: String
        var email: String
        var isActive: Bool
        var isSelf: Bool
        var roles: [SelectOption]
        var units: [UnitOption]
        /// More units than a list can hold (the whole country): the unit is typed by its code,
        /// with the provinces offered as suggestions.
        var unitByCode: Bool
        var unitCode: String
        var agencies: [SelectOption]
        var error: String?
        var errorField: String?
        var oneTimePassword: String?
    }

    /// Above this many units a `<select>` is no longer something to choose from.
    static let unitListLimit = 300

    /// A unit to choose; its code lets the page fetch the unit's agencies when it is chosen.
    struct UnitOption: Encodable {
        var value: String
        var code: String
        var label: String
        var selected: Bool
    }

    /// The choices an administrator has: roles up to their own, units in their scope (valid today).
    private func formView(
        _ req: Request, user: UserModel?, input: UserDirectory.Input?, error: UserFacingError?,
        oneTimePassword: String? = nil, typedUnitCode: String? = nil
    ) async throws -> FormView {
        let caller = try req.currentUser
        let today = req.today
        let visible = try await UnitDirectory.visibleUnits(for: caller, asOf: today, on: req.db)
            .filter { $0.level != .village }
        let unitByCode = visible.count > Self.unitListLimit
        let units =
            unitByCode
            ? UnitTree.rows(visible.filter { $0.level == .province }, language: req.language)
            : UnitTree.rows(visible, language: req.language)
        let selectedRole = input?.role ?? user?.role.rawValue ?? Role.officer.rawValue
        // The unit the form shows chosen, and whose agencies it lists: what was sent, the user's
        // own (none: the whole country), or for a new user the administrator's unit — else the
        // first in the list, which is what the browser shows chosen.
        let selectedUnit: String? =
            if let input { input.unitID?.uuidString } else if let user { user.$unit.id?.uuidString } else {
                caller.unitID?.uuidString ?? units.first?.id
            }
        let selectedAgency = input?.agencyID?.uuidString ?? user?.$agency.id?.uuidString
        var unitCode = typedUnitCode ?? ""
        if typedUnitCode == nil {
            if let id = selectedUnit.flatMap(UUID.init(uuidString:)) {
                unitCode = try await UnitModel.find(id, on: req.db)?.code ?? ""
            } else if user != nil {
                unitCode = Self.wholeCountryCode
            }
        }
        var agencies: [SelectOption] = []
        if let unitID = selectedUnit.flatMap(UUID.init(uuidString:)) {
            agencies = try await AgencyDirectory.agencies(ofUnit: unitID, on: req.db, now: req.now).map {
                SelectOption(
                    value: $0.id?.uuidString ?? "", label: $0.name, selected: $0.id?.uuidString == selectedAgency)
            }
        }
        let nbsp = "\u{00A0}\u{00A0}\u{00A0}"
        return FormView(
            isNew: user == nil, id: user?.id?.uuidString,
            username: input?.username ?? user?.username ?? "",
            displayName: input?.displayName ?? user?.displayName ?? "",
            email: input?.email ?? user?.email ?? "",
            isActive: input?.isActive ?? user?.isActive ?? true,
            isSelf: user?.id == caller.id,
            roles: caller.role.grantableRoles.filter { $0 != .systemAdministrator || caller.administersSystem }.map {
                SelectOption(value: $0.rawValue, label: $0.label(req.language), selected: $0.rawValue == selectedRole)
            },
            // A system administrator may also make a whole-country account (the ministry's).
            units: (caller.administersSystem
                ? [
                    UnitOption(
                        value: "", code: "", label: req.text("users_whole_country"), selected: selectedUnit == nil)
                ]
                : [])
                + units.map {
                    UnitOption(
                        value: $0.id, code: $0.code,
                        label: unitByCode ? $0.name : String(repeating: nbsp, count: $0.depth) + $0.name,
                        selected: $0.id == selectedUnit)
                },
            unitByCode: unitByCode, unitCode: unitCode,
            agencies: agencies, error: error?.message.text(req.language), errorField: error?.field,
            oneTimePassword: oneTimePassword)
    }

    @Sendable func newForm(req: Request) async throws -> Response {
        _ = try requireAdministrator(req)
        return try await req.page(
            "user_form", title: "users_new", try await formView(req, user: nil, input: nil, error: nil))
    }

    struct UserForm: Content {
        var username: String?
        var display_name: String
        var email: String?
        var role: String
        var unit: String?
        /// The unit typed by its code, when the form offers no list (`unitByCode`).
        var unit_code: String?
        var agency: String?
        var is_active: String?
    }

    /// What the command line calls the whole country (`treem user add --unit VN`).
    static let wholeCountryCode = "VN"

    private func input(_ form: UserForm) -> UserDirectory.Input {
        UserDirectory.Input(
            username: form.username, displayName: form.display_name, role: form.role,
            unitID: form.unit.flatMap(UUID.init(uuidString:)), agencyID: form.agency.flatMap(UUID.init(uuidString:)),
            isActive: form.is_active == "on", email: form.email)
    }

    /// The form's values with a typed unit code turned into the unit it names in the caller's
    /// scope today; an unknown code is refused naming it, and `VN` is the whole country.
    private func input(_ form: UserForm, req: Request) async throws -> UserDirectory.Input {
        var values = input(form)
        guard let typed = form.unit_code.map(VietnameseText.clean) else { return values }
        values.unitID = nil
        if typed.uppercased() == Self.wholeCountryCode { return values }
        guard !typed.isEmpty else {
            throw UserFacingError(
                .badRequest,
                Bilingual(
                    vi: "Nhập mã đơn vị (ví dụ 31, 10804), hoặc VN cho tài khoản toàn quốc.",
                    en: "Type the unit's code (e.g. 31, 10804), or VN for a whole-country account."), field: "unit")
        }
        guard
            let unit = try await UnitDirectory.unit(code: typed, asOf: req.today, for: try req.currentUser, on: req.db),
            unit.isValid(on: req.today)
        else {
            throw UserFacingError(
                .badRequest,
                Bilingual(
                    vi:
                        "Không có đơn vị mã \(typed) còn hiệu lực trong phạm vi của bạn. Tra mã ở trang Đơn vị hành chính.",
                    en:
                        "No unit with code \(typed) is valid within your scope today. Look it up under Administrative units."
                ),
                field: "unit")
        }
        values.unitID = unit.id
        return values
    }

    @Sendable func create(req: Request) async throws -> Response {
        _ = try requireAdministrator(req)
        let form = try req.content.decode(UserForm.self)
        var values = input(form)
        values.isActive = true
        do {
            values = try await input(form, req: req)
            values.isActive = true
            let (user, password) = try await UserDirectory.create(values, by: try req.acting)
            return try await req.page(
                "user_form", title: "users_edit",
                try await formView(req, user: user, input: nil, error: nil, oneTimePassword: password))
        } catch let error as UserFacingError {
            return try await req.page(
                "user_form", title: "users_new",
                try await formView(req, user: nil, input: values, error: error, typedUnitCode: form.unit_code),
                status: error.status)
        }
    }

    private func find(_ req: Request) async throws -> UserModel {
        let caller = try requireAdministrator(req)
        guard let id = req.parameters.get("id", as: UUID.self),
            let user = try await UserDirectory.user(id: id, for: caller, on: req.db)
        else { throw Abort(.notFound) }
        return user
    }

    @Sendable func edit(req: Request) async throws -> Response {
        let user = try await find(req)
        return try await req.page(
            "user_form", title: "users_edit", try await formView(req, user: user, input: nil, error: nil))
    }

    @Sendable func update(req: Request) async throws -> Response {
        let user = try await find(req)
        let form = try req.content.decode(UserForm.self)
        var values = input(form)
        do {
            values = try await input(form, req: req)
            try await UserDirectory.update(user, with: values, by: try req.acting)
        } catch let error as UserFacingError {
            return try await req.page(
                "user_form", title: "users_edit",
                try await formView(req, user: user, input: values, error: error, typedUnitCode: form.unit_code),
                status: error.status)
        }
        return req.redirect(to: "/users")
    }

    @Sendable func resetPassword(req: Request) async throws -> Response {
        let user = try await find(req)
        let password = try await UserDirectory.resetPassword(user, by: try req.acting)
        return try await req.page(
            "user_form", title: "users_edit",
            try await formView(req, user: user, input: nil, error: nil, oneTimePassword: password))
    }
}
