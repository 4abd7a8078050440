import Fluent
import Foundation
import TreEmCore
import Vapor

/// Agencies of the units a user may see.
enum AgencyDirectory {
    static func agencies(ofUnit unitID: UUID, on db: Database) async throws -> [AgencyModel] {
        try await AgencyModel.query(on: db).filter(\.$unit.$id == unitID).all()
            .sorted { a, b in
                a.kind.sortRank != b.kind.sortRank
                    ? a.kind.sortRank < b.kind.sortRank : VietnameseText.precedes(a.name, b.name)
            }
    }

    /// The agency, or nil when it does not exist or lies outside the user's scope.
    static func agency(id: UUID, for user: CurrentUser, on db: Database) async throws -> AgencyModel? {
        guard let agency = try await AgencyModel.find(id, on: db),
            try await UnitDirectory.canSee(unitID: agency.$unit.id, user: user, on: db)
        else { return nil }
        return agency
    }

    struct Input {
        var name: String
        var kind: String
        var isActive: Bool = true
    }

    static func validated(_ input: Input) throws -> (String, AgencyKind) {
        let name = VietnameseText.clean(input.name)
        guard !name.isEmpty else {
            throw UserFacingError(
                .badRequest, Bilingual(vi: "Thiếu tên cơ quan.", en: "The agency name is missing."), field: "name")
        }
        guard name.count <= 300 else {
            throw UserFacingError(
                .badRequest,
                Bilingual(
                    vi: "Tên cơ quan quá dài (tối đa 300 ký tự).",
                    en: "The agency name is too long (300 characters at most)."), field: "name")
        }
        guard let kind = AgencyKind(rawValue: input.kind) else {
            throw UserFacingError(
                .badRequest,
                Bilingual(
                    vi: "Loại cơ quan \"\(input.kind)\" không hợp lệ.",
                    en: "Agency kind \"\(input.kind)\" is not valid."), field: "kind")
        }
        return (name, kind)
    }

    /// The names of the agency's members, in Vietnamese name order.
    static func memberNames(of agency: AgencyModel, on db: Database) async throws -> [String] {
        try await UserModel.query(on: db).filter(\.$agency.$id == agency.requireID()).all()
            .map(\.displayName).sorted(by: VietnameseText.personNamePrecedes)
    }

    static func requireAdministrator(_ user: CurrentUser) throws {
        guard AccessPolicy.allowsSomewhere(user.role, .manageAgencies) else {
            throw UserFacingError(
                .forbidden,
                Bilingual(
                    vi: "Chỉ quản trị viên mới được thêm hoặc sửa cơ quan.",
                    en: "Only administrators add or change agencies."))
        }
    }

    static func create(_ input: Input, inUnit unit: UnitModel, by acting: Acting) async throws -> AgencyModel {
        let user = acting.user
        try requireAdministrator(user)
        let (name, kind) = try validated(input)
        let agency = AgencyModel(unitID: try unit.requireID(), name: name, kind: kind)
        try await acting.db.transaction { tx in
            try await agency.create(on: tx)
            try await acting.audit(
                .agencyCreated, recordType: "agency", recordID: agency.id?.uuidString, unitID: unit.id,
                summary: "Thêm cơ quan \(name) (\(kind.label(.vi))) vào \(unit.name)", on: tx)
        }
        return agency
    }

    static func update(_ agency: AgencyModel, with input: Input, by acting: Acting) async throws {
        let user = acting.user
        try requireAdministrator(user)
        let (name, kind) = try validated(input)
        var changes: [String] = []
        if agency.name != name { changes.append("tên: \(agency.name) → \(name)") }
        if agency.kind != kind { changes.append("loại: \(agency.kind.label(.vi)) → \(kind.label(.vi))") }
        if agency.isActive != input.isActive { changes.append(input.isActive ? "hoạt động lại" : "ngừng hoạt động") }
        let summary = "Sửa cơ quan \(name): \(changes.isEmpty ? "không đổi" : changes.joined(separator: "; "))"
        agency.rename(name)
        agency.kind = kind
        agency.isActive = input.isActive
        try await acting.db.transaction { tx in
            try await agency.save(on: tx)
            try await acting.audit(
                .agencyUpdated, recordType: "agency", recordID: agency.id?.uuidString, unitID: agency.$unit.id,
                summary: summary, on: tx)
        }
    }
}

extension AgencyKind {
    /// The committee first, its offices next, then services, then mass organisations.
    var sortRank: Int {
        if self == .peoplesCommittee { return 0 }
        if isMassOrganisation { return 3 }
        if self == .school || self == .villageHead { return 2 }
        return 1
    }
}
