import Fluent
import Foundation
import TreEmCore
import Vapor

/// Agencies of the units a user may see.
enum AgencyDirectory {
    /// The unit's agencies. A province, district or commune that has none yet gets its level's
    /// usual agencies the first time they are asked for (`AgencyTemplate`, as of `now` within the
    /// unit's validity), so the national list needs no agency rows until a unit is used.
    static func agencies(ofUnit unitID: UUID, on db: Database, now: Date = Date()) async throws -> [AgencyModel] {
        var agencies = try await AgencyModel.query(on: db).filter(\.$unit.$id == unitID).all()
        if agencies.isEmpty, let unit = try await UnitModel.find(unitID, on: db) {
            agencies = try await createFromTemplate(for: unit, now: now, on: db)
        }
        return agencies.sorted { a, b in
            a.kind.sortRank != b.kind.sortRank
                ? a.kind.sortRank < b.kind.sortRank : VietnameseText.precedes(a.name, b.name)
        }
    }

    private static func createFromTemplate(
        for unit: UnitModel, now: Date, on db: Database
    ) async throws
        -> [AgencyModel]
    {
        let template = AgencyTemplate.agencies(
            level: unit.level, unitName: unit.name, validity: unit.validity, today: CalendarDay(vietnamTimeOf: now))
        guard !template.isEmpty else { return [] }
        let unitID = try unit.requireID()
        return try await db.transaction { tx in
            // Another request may have done it meanwhile: then theirs stand.
            let existing = try await AgencyModel.query(on: tx).filter(\.$unit.$id == unitID).all()
            guard existing.isEmpty else { return existing }
            let agencies = template.map { entry in
                let agency = AgencyModel(unitID: unitID, name: entry.name, kind: entry.kind)
                agency.isActive = entry.isCurrent
                return agency
            }
            try await agencies.create(on: tx)
            try await AuditLog.record(
                .agencyCreated, by: .system, recordType: "unit", recordID: unit.code, unitID: unitID,
                summary: "Tạo \(agencies.count) cơ quan thường có của \(unit.name) khi danh sách được dùng lần đầu",
                address: "local", at: now, on: tx)
            return agencies
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
