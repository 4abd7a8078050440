import Fluent
import TreEmCore
import Vapor

/// `/api/v1`: everything the web interface shows, as JSON, for bearer tokens. Out-of-scope
/// records answer 404 exactly like records that do not exist.
struct APIController {
    func bootPublic(routes: RoutesBuilder) {
        routes.post("auth", "token", use: issueToken)
        routes.get("openapi.json", use: openAPI)
    }

    func bootSignedIn(routes: RoutesBuilder) {
        routes.delete("auth", "token", use: revokeToken)
        routes.get("me", use: me)
        routes.post("me", "password", use: changePassword)
        routes.get("units", use: units)
        routes.get("units", ":code", use: unit)
        routes.get("units", ":code", "agencies", use: agencies)
        routes.post("units", ":code", "agencies", use: createAgency)
        routes.get("agencies", ":id", use: agency)
        routes.patch("agencies", ":id", use: updateAgency)
        routes.get("users", use: users)
        routes.post("users", use: createUser)
        routes.get("users", ":id", use: user)
        routes.patch("users", ":id", use: updateUser)
        routes.get("audit", use: audit)
    }

    // MARK: DTOs

    struct TokenRequest: Content {
        var username: String
        var password: String
    }

    struct TokenResponse: Content {
        var token: String
        var mustChangePassword: Bool
        var idleTimeoutSeconds: Int
    }

    struct UnitDTO: Content {
        var code: String
        var name: String
        var level: String
        var parentCode: String?
        var validFrom: String?
        var validTo: String?
    }

    /// One page of `GET /api/v1/units?limit=…`: the units and how many there are in all.
    struct UnitPageDTO: Content {
        var total: Int
        var limit: Int
        var offset: Int
        var units: [UnitDTO]
    }

    /// A unit with the units it was formed from and those it became.
    struct UnitDetailDTO: Content {
        var code: String
        var name: String
        var level: String
        var parentCode: String?
        var validFrom: String?
        var validTo: String?
        var predecessors: [SuccessionDTO]
        var successors: [SuccessionDTO]
    }

    /// The other side of a succession, with its validity. `isDefault` is false when a divided
    /// unit's figures are counted under another of its successors.
    struct SuccessionDTO: Content {
        var code: String
        var name: String
        var level: String
        var validFrom: String?
        var validTo: String?
        var effectiveOn: String
        var isDefault: Bool
    }

    struct AgencyDTO: Content {
        var id: String
        var unitCode: String
        var name: String
        var kind: String
        var kindLabel: String
        var isMassOrganisation: Bool
        var isActive: Bool
    }

    struct MeDTO: Content {
        var id: String
        var username: String
        var displayName: String
        var role: String
        var unit: UnitDTO?
        var agencyID: String?
        var mustChangePassword: Bool
    }

    struct UserDTO: Content {
        var id: String
        var username: String
        var displayName: String
        var email: String?
        var role: String
        var unitCode: String?
        var agencyID: String?
        var isActive: Bool
        var mustChangePassword: Bool
    }

    struct CreatedUserDTO: Content {
        var user: UserDTO
        var oneTimePassword: String
    }

    // MARK: auth

    @Sendable func issueToken(req: Request) async throws -> TokenResponse {
        let body = try req.content.decode(TokenRequest.self)
        switch try await Accounts.signIn(username: body.username, password: body.password, kind: .api, in: req.accounts)
        {
        case .signedIn(let token, let user, _):
            return TokenResponse(
                token: token, mustChangePassword: user.mustChangePassword,
                idleTimeoutSeconds: Int(req.application.treem.settings.idleTimeout))
        case .wrongCredentials:
            throw UserFacingError(
                .unauthorized,
                Bilingual(vi: "Tên đăng nhập hoặc mật khẩu không đúng.", en: "Wrong username or password."))
        case .throttled(let seconds):
            throw UserFacingError(.tooManyRequests, Accounts.throttledMessage(seconds))
        }
    }

    @Sendable func revokeToken(req: Request) async throws -> HTTPStatus {
        let user = try req.currentUser
        try await Accounts.endSession(user, on: req.db)
        try await req.audit(
            .signOut, recordType: "user", recordID: user.id.uuidString, unitID: user.unitID,
            summary: "Thu hồi mã truy cập API")
        return .noContent
    }

    @Sendable func me(req: Request) async throws -> MeDTO {
        let user = try req.currentUser
        var unit: UnitDTO?
        if let unitID = user.unitID, let model = try await UnitModel.find(unitID, on: req.db) {
            unit = try await dto(model, on: req.db)
        }
        return MeDTO(
            id: user.id.uuidString, username: user.username, displayName: user.displayName, role: user.role.rawValue,
            unit: unit, agencyID: user.agencyID?.uuidString, mustChangePassword: user.mustChangePassword)
    }

    struct PasswordBody: Content {
        var currentPassword: String
        var newPassword: String
    }

    @Sendable func changePassword(req: Request) async throws -> HTTPStatus {
        let body = try req.content.decode(PasswordBody.self)
        try await Accounts.changePassword(
            user: try req.currentUser, currentPassword: body.currentPassword,
            newPassword: body.newPassword, confirmation: body.newPassword, in: req.accounts)
        return .noContent
    }

    // MARK: units and agencies

    private func dto(_ unit: UnitModel, parentCodes: [UUID: String]) -> UnitDTO {
        UnitDTO(
            code: unit.code, name: unit.name, level: unit.level.rawValue,
            parentCode: unit.$parent.id.flatMap { parentCodes[$0] }, validFrom: unit.validFrom, validTo: unit.validTo)
    }

    private func dto(_ unit: UnitModel, on db: Database) async throws -> UnitDTO {
        var codes: [UUID: String] = [:]
        if let parentID = unit.$parent.id, let parent = try await UnitModel.find(parentID, on: db) {
            codes[parentID] = parent.code
        }
        return dto(unit, parentCodes: codes)
    }

    /// `GET /api/v1/units?asOf&level`: every unit in scope that day (an array), or with `limit`
    /// (and `offset`) one page with the `total`.
    @Sendable func units(req: Request) async throws -> Response {
        let user = try req.currentUser
        let day = try UnitsController.day(req)
        var level: AdministrativeLevel?
        if let text: String = req.query["level"], !text.isEmpty {
            guard let value = AdministrativeLevel(rawValue: text) else {
                throw UserFacingError(
                    .badRequest,
                    Bilingual(
                        vi: "Cấp \"\(text)\" không hợp lệ; dùng province, district, commune hoặc village.",
                        en: "Level \"\(text)\" is not valid; use province, district, commune or village."),
                    field: "level")
            }
            level = value
        }
        if req.query[String.self, at: "limit"] != nil || req.query[String.self, at: "offset"] != nil {
            let limit = try Self.count(req, "limit", default: 100, range: 1...1000)
            let offset = try Self.count(req, "offset", default: 0, range: 0...Int(Int32.max))
            let page = try await UnitDirectory.page(
                for: user, asOf: day, level: level, limit: limit, offset: offset, on: req.db)
            let codes = try await parentCodes(of: page.units, on: req.db)
            return try await UnitPageDTO(
                total: page.total, limit: limit, offset: offset,
                units: page.units.map { dto($0, parentCodes: codes) }
            ).encodeResponse(for: req)
        }
        let units: [UnitModel]
        if let level {
            units = try await UnitDirectory.visibleUnits(for: user, asOf: day, level: level, on: req.db)
        } else {
            let all = try await UnitDirectory.visibleUnits(for: user, asOf: day, on: req.db)
            let byID = Dictionary(
                uniqueKeysWithValues: all.compactMap { unit in unit.id.map { ($0.uuidString, unit) } })
            units = UnitTree.rows(all, language: .vi).compactMap { byID[$0.id] }
        }
        let codes = try await parentCodes(of: units, on: req.db)
        return try await units.map { dto($0, parentCodes: codes) }.encodeResponse(for: req)
    }

    /// A whole number from the query, within `range`, or a 400 that names the parameter.
    private static func count(_ req: Request, _ name: String, default value: Int, range: ClosedRange<Int>) throws -> Int
    {
        guard let text = req.query[String.self, at: name] else { return value }
        guard let number = Int(text), range.contains(number) else {
            throw UserFacingError(
                .badRequest,
                Bilingual(
                    vi: "\(name) phải là số nguyên từ \(range.lowerBound) đến \(range.upperBound).",
                    en: "\(name) must be a whole number from \(range.lowerBound) to \(range.upperBound)."),
                field: name)
        }
        return number
    }

    /// The codes of the units' parents. A parent outside the caller's scope is still named by
    /// code: the caller knows where their unit sits.
    private func parentCodes(of units: [UnitModel], on db: Database) async throws -> [UUID: String] {
        var codes = Dictionary(
            units.compactMap { unit in unit.id.map { ($0, unit.code) } }, uniquingKeysWith: { a, _ in a })
        let missing = Array(Set(units.compactMap { $0.$parent.id }).subtracting(codes.keys))
        if !missing.isEmpty {
            for parent in try await UnitDirectory.units(ids: missing, on: db) {
                if let id = parent.id { codes[id] = parent.code }
            }
        }
        return codes
    }

    private func findUnit(_ req: Request) async throws -> UnitModel {
        let user = try req.currentUser
        let day = try UnitsController.day(req)
        guard
            let unit = try await UnitDirectory.unit(
                code: req.parameters.get("code") ?? "", asOf: day, for: user, on: req.db)
        else {
            throw Abort(.notFound)
        }
        return unit
    }

    @Sendable func unit(req: Request) async throws -> UnitDetailDTO {
        let unit = try await findUnit(req)
        let base = try await dto(unit, on: req.db)
        let (before, after) = try await UnitDirectory.visibleSuccessions(of: unit, for: try req.currentUser, on: req.db)
        func succession(_ other: UnitModel, _ link: UnitSuccessionModel) -> SuccessionDTO {
            SuccessionDTO(
                code: other.code, name: other.name, level: other.level.rawValue, validFrom: other.validFrom,
                validTo: other.validTo, effectiveOn: link.effectiveOn, isDefault: link.isDefault)
        }
        return UnitDetailDTO(
            code: base.code, name: base.name, level: base.level, parentCode: base.parentCode,
            validFrom: base.validFrom, validTo: base.validTo,
            predecessors: before.map { succession($0.predecessor, $0) }.sorted { $0.code < $1.code },
            successors: after.map { succession($0.successor, $0) }.sorted { $0.code < $1.code })
    }

    private func dto(_ agency: AgencyModel, unitCode: String) -> AgencyDTO {
        AgencyDTO(
            id: agency.id?.uuidString ?? "", unitCode: unitCode, name: agency.name, kind: agency.kind.rawValue,
            kindLabel: agency.kind.label(.vi), isMassOrganisation: agency.kind.isMassOrganisation,
            isActive: agency.isActive)
    }

    @Sendable func agencies(req: Request) async throws -> [AgencyDTO] {
        let unit = try await findUnit(req)
        return try await AgencyDirectory.agencies(ofUnit: try unit.requireID(), on: req.db, now: req.now).map {
            dto($0, unitCode: unit.code)
        }
    }

    struct AgencyBody: Content {
        var name: String
        var kind: String
        var isActive: Bool?
    }

    @Sendable func createAgency(req: Request) async throws -> Response {
        let unit = try await findUnit(req)
        let body = try req.content.decode(AgencyBody.self)
        let agency = try await AgencyDirectory.create(
            .init(name: body.name, kind: body.kind), inUnit: unit, by: try req.acting)
        return try await dto(agency, unitCode: unit.code).encodeResponse(status: .created, for: req)
    }

    private func findAgency(_ req: Request) async throws -> AgencyModel {
        guard let id = req.parameters.get("id", as: UUID.self),
            let agency = try await AgencyDirectory.agency(id: id, for: try req.currentUser, on: req.db)
        else { throw Abort(.notFound) }
        return agency
    }

    @Sendable func agency(req: Request) async throws -> AgencyDTO {
        let agency = try await findAgency(req)
        let unit = try await UnitModel.find(agency.$unit.id, on: req.db)
        return dto(agency, unitCode: unit?.code ?? "")
    }

    @Sendable func updateAgency(req: Request) async throws -> AgencyDTO {
        let agency = try await findAgency(req)
        let body = try req.content.decode(AgencyBody.self)
        try await AgencyDirectory.update(
            agency, with: .init(name: body.name, kind: body.kind, isActive: body.isActive ?? agency.isActive),
            by: try req.acting)
        let unit = try await UnitModel.find(agency.$unit.id, on: req.db)
        return dto(agency, unitCode: unit?.code ?? "")
    }

    // MARK: users and audit

    private func dto(_ user: UserModel) -> UserDTO {
        UserDTO(
            id: user.id?.uuidString ?? "", username: user.username, displayName: user.displayName, email: user.email,
            role: user.role.rawValue,
            unitCode: user.unit?.code, agencyID: user.$agency.id?.uuidString, isActive: user.isActive,
            mustChangePassword: user.mustChangePassword)
    }

    private func requireAdministrator(_ req: Request) throws -> CurrentUser {
        let user = try req.currentUser
        guard user.role.isAdministrator else { throw Abort(.notFound) }
        return user
    }

    @Sendable func users(req: Request) async throws -> [UserDTO] {
        try await UserDirectory.visibleUsers(for: try requireAdministrator(req), on: req.db).map(dto)
    }

    private func findUser(_ req: Request) async throws -> UserModel {
        let caller = try requireAdministrator(req)
        guard let id = req.parameters.get("id", as: UUID.self),
            let user = try await UserDirectory.user(id: id, for: caller, on: req.db)
        else { throw Abort(.notFound) }
        return user
    }

    @Sendable func user(req: Request) async throws -> UserDTO {
        dto(try await findUser(req))
    }

    struct UserBody: Content {
        var username: String?
        var displayName: String?
        var role: String?
        var unitCode: String?
        var agencyID: String?
        var isActive: Bool?
        var email: String?
    }

    private func input(_ body: UserBody, existing: UserModel?, req: Request) async throws -> UserDirectory.Input {
        var unitID = existing?.$unit.id
        if let code = body.unitCode {
            let today = req.today
            guard let unit = try await UnitDirectory.unit(code: code, asOf: today, for: try req.currentUser, on: req.db)
            else {
                throw UserFacingError(
                    .badRequest, Bilingual(vi: "Không tìm thấy đơn vị mã \(code).", en: "No unit with code \(code)."),
                    field: "unitCode")
            }
            unitID = unit.id
        }
        return UserDirectory.Input(
            username: body.username ?? existing?.username, displayName: body.displayName ?? existing?.displayName ?? "",
            role: body.role ?? existing?.role.rawValue ?? "", unitID: unitID,
            agencyID: body.agencyID.flatMap(UUID.init(uuidString:))
                ?? (body.unitCode == nil ? existing?.$agency.id : nil),
            isActive: body.isActive ?? existing?.isActive ?? true, email: body.email ?? existing?.email)
    }

    @Sendable func createUser(req: Request) async throws -> Response {
        _ = try requireAdministrator(req)
        let body = try req.content.decode(UserBody.self)
        let (user, password) = try await UserDirectory.create(
            try await input(body, existing: nil, req: req), by: try req.acting)
        try await user.$unit.load(on: req.db)
        return try await CreatedUserDTO(user: dto(user), oneTimePassword: password).encodeResponse(
            status: .created, for: req)
    }

    @Sendable func updateUser(req: Request) async throws -> UserDTO {
        let user = try await findUser(req)
        let body = try req.content.decode(UserBody.self)
        try await UserDirectory.update(user, with: try await input(body, existing: user, req: req), by: try req.acting)
        try await user.$unit.load(on: req.db)
        return dto(user)
    }

    @Sendable func audit(req: Request) async throws -> [AuditLog.EntryRow] {
        let filter = try req.query.decode(AuditLog.Filter.self)
        let entries = try await AuditLog.entries(filter: filter, for: try req.currentUser, on: req.db)
        try await AuditLog.recordView(entries: entries.count, req.auditStamp, on: req.db)
        return entries
    }

    @Sendable func openAPI(req: Request) async throws -> Response {
        var headers = HTTPHeaders()
        headers.contentType = .json
        return Response(status: .ok, headers: headers, body: .init(string: OpenAPIDocument.json))
    }
}
