import Fluent
import FluentSQL
import Foundation
import TreEmCore
import Vapor

/// Plans a user may read and change, and their life cycle. Reading: the plans of the user's
/// unit and the units below it (drafts included), and the issued plans of the units above it.
/// Changing: officers and administrators, for plans of units in their scope.
enum PlanDirectory {
    static func visiblePlans(for user: CurrentUser, on db: Database) async throws -> [PlanModel] {
        let query = PlanModel.query(on: db).with(\.$issuer)
        if !user.seesEverything {
            let root = user.unitID ?? UUID()
            query.group(.or) {
                $0.filter(UnitScopeModel.filter("issuer_unit_id", below: root))
                    .group(.and) {
                        $0.filter(\.$status != .draft)
                            .filter(UnitScopeModel.filter("issuer_unit_id", above: root))
                    }
            }
        }
        return try await query.sort(\.$year, .descending).sort(\.$createdAt, .descending).all()
    }

    /// The issued plans of the units above the user's (and plans from outside kept by it) of this
    /// year or later that the unit has not yet derived its own plan from — what the home page
    /// lists as "kế hoạch cấp trên chờ kế hoạch của đơn vị".
    static func awaitingOwnPlan(
        for user: CurrentUser, today: CalendarDay, on db: Database
    ) async throws
        -> [PlanModel]
    {
        guard let unitID = user.unitID, user.role >= .officer else { return [] }
        let candidates = try await PlanModel.query(on: db).with(\.$issuer).filter(\.$status == .issued)
            .filter(\.$year >= today.year)
            .group(.or) {
                $0.filter(UnitScopeModel.filter("issuer_unit_id", above: unitID))
                    .group(.and) { $0.filter(\.$isExternal == true).filter(\.$issuer.$id == unitID) }
            }
            .all()
            .filter { $0.$issuer.id != unitID || $0.isExternal }
        guard !candidates.isEmpty else { return [] }
        let answered = try await PlanModel.query(on: db).filter(\.$issuer.$id == unitID)
            .filter(\.$isExternal == false).filter(\.$status != .withdrawn)
            .filter(\.$parentPlan.$id ~~ candidates.compactMap(\.id)).all()
        let derivedFrom = Set(answered.compactMap { $0.$parentPlan.id })
        return candidates.filter { plan in plan.id.map { !derivedFrom.contains($0) } ?? false }
            .sorted { ($0.year, $0.title) < ($1.year, $1.title) }
    }

    /// The unit's plans that look like the same document as one being imported: the same number
    /// in the same year, or with no number, the same title in the same year. Saving it again would
    /// make a second copy, so the import page says it is already there.
    static func sameDocument(
        number: String?, title: String?, year: Int, keptBy unitID: UUID, on db: Database
    ) async throws -> [PlanModel] {
        let plans = try await PlanModel.query(on: db).filter(\.$issuer.$id == unitID).filter(\.$year == year)
            .filter(\.$status != .withdrawn).all()
        let number = number.map(VietnameseText.clean).flatMap { $0.isEmpty ? nil : $0 }
        if let number {
            let folded = VietnameseText.fold(number).filter { !$0.isWhitespace }
            return plans.filter { ($0.number).map { VietnameseText.fold($0).filter { !$0.isWhitespace } } == folded }
        }
        guard let title = title.map(VietnameseText.fold), !title.isEmpty else { return [] }
        return plans.filter { VietnameseText.fold($0.title) == title }
    }

    /// The plan, or nil when it does not exist or the user may not read it.
    static func plan(id: UUID, for user: CurrentUser, on db: Database) async throws -> PlanModel? {
        guard let plan = try await PlanModel.query(on: db).filter(\.$id == id).with(\.$issuer).first() else {
            return nil
        }
        if user.seesEverything { return plan }
        guard let root = user.unitID else { return nil }
        if try await UnitDirectory.canSee(unitID: plan.$issuer.id, user: user, on: db) { return plan }
        // Issued plans flow down: a unit reads what the units above it issued.
        if plan.status.isPublishedDownward,
            try await UnitScopeModel.query(on: db).filter(\.$ancestorID == plan.$issuer.id).filter(
                \.$descendantID == root
            ).first() != nil
        {
            return plan
        }
        return nil
    }

    static func canEdit(_ plan: PlanModel, user: CurrentUser, on db: Database) async throws -> Bool {
        guard AccessPolicy.allowsSomewhere(user.role, .writePlan),
            try await UnitDirectory.canSee(unitID: plan.$issuer.id, user: user, on: db)
        else { return false }
        return AccessPolicy.allows(
            user.role, .writePlan, relations: UnitDirectory.relations(of: plan.$issuer.id, to: user))
    }

    static func requireEditable(_ plan: PlanModel, user: CurrentUser, on db: Database) async throws {
        guard try await canEdit(plan, user: user, on: db) else {
            throw UserFacingError(
                .forbidden,
                Bilingual(
                    vi: "Bạn chỉ được xem kế hoạch này, không được sửa.",
                    en: "You may read this plan but not change it."))
        }
    }

    static func validateDraft(_ document: PlanDocument) throws {
        let problems = PlanRules.draftProblems(document)
        if !problems.isEmpty { throw PlanRejected(problems: problems) }
    }

    // MARK: life cycle

    /// A draft of `issuer`, or with `external` the copy of another body's issued plan that
    /// `issuer` received: it is stored as issued (it cannot change) and can be derived from.
    static func create(
        _ document: PlanDocument, issuer: UnitModel, parentPlanID: UUID? = nil, external: Bool = false,
        by acting: Acting
    ) async throws -> PlanModel {
        let user = acting.user
        guard
            AccessPolicy.allows(
                user.role, .writePlan, relations: UnitDirectory.relations(of: try issuer.requireID(), to: user))
        else {
            throw UserFacingError(
                .forbidden,
                Bilingual(
                    vi: "Chỉ cán bộ hoặc quản trị viên mới lập kế hoạch.",
                    en: "Only officers and administrators write plans."))
        }
        return try await insert(
            document, issuer: issuer, parentPlanID: parentPlanID, external: external,
            actor: .init(id: user.id, username: user.username), address: acting.address, now: acting.now, on: acting.db)
    }

    /// Stores a new plan in one transaction with its audit entry; shared by the web, the API and
    /// `treem import-plan --save`.
    static func insert(
        _ document: PlanDocument, issuer: UnitModel, parentPlanID: UUID?, external: Bool,
        actor: AuditLog.Actor, address: String, now: Date, on db: Database
    ) async throws -> PlanModel {
        var document = document
        if !external { document.number = nil }
        try validateDraft(document)
        let plan = try PlanModel(issuerUnitID: try issuer.requireID(), document: document, createdBy: actor.id)
        plan.$parentPlan.id = parentPlanID
        plan.isExternal = external
        if external { plan.status = .issued }
        let summary =
            external
            ? "Lưu kế hoạch bên ngoài \"\(document.title)\" (\(document.issuerName.replacingOccurrences(of: "\n", with: " "))) cho \(issuer.name)"
            : "Tạo dự thảo kế hoạch \"\(document.title)\" của \(issuer.name)"
        try await db.transaction { tx in
            try await plan.create(on: tx)
            try await AuditLog.record(
                .planCreated, by: actor, recordType: "plan", recordID: plan.id?.uuidString, unitID: issuer.id,
                summary: summary, address: address, at: now, on: tx)
        }
        return plan
    }

    static func update(_ plan: PlanModel, with document: PlanDocument, by acting: Acting) async throws {
        try await requireEditable(plan, user: acting.user, on: acting.db)
        guard plan.status.isEditable else {
            throw UserFacingError(
                .conflict,
                Bilingual(
                    vi: "Kế hoạch đã ban hành không được sửa. Hãy tạo phiên bản thay thế để đính chính.",
                    en: "An issued plan cannot be changed. Create a superseding version to correct it."))
        }
        try validateDraft(document)
        try plan.setDocument(document)
        try await acting.db.transaction { tx in
            try await plan.save(on: tx)
            try await acting.audit(
                .planUpdated, recordType: "plan", recordID: plan.id?.uuidString, unitID: plan.$issuer.id,
                summary: "Sửa dự thảo kế hoạch \"\(document.title)\"", on: tx)
        }
    }

    struct IssueInput {
        var number: String?
        var issueDate: CalendarDay?
        var signerName: String?
    }

    static func issue(_ plan: PlanModel, _ input: IssueInput, by acting: Acting) async throws {
        try await requireEditable(plan, user: acting.user, on: acting.db)
        guard plan.status == .draft else {
            throw UserFacingError(
                .conflict, Bilingual(vi: "Chỉ dự thảo mới được ban hành.", en: "Only a draft can be issued."))
        }
        var document = try plan.document()
        if let number = input.number.map(VietnameseText.clean), !number.isEmpty { document.number = number }
        if let day = input.issueDate { document.issueDate = PartialDate(day) }
        if let name = input.signerName.map(VietnameseText.clean), !name.isEmpty {
            if document.signature == nil {
                document.signature = Signature(name: name)
            } else {
                document.signature?.name = name
            }
        }
        let problems = PlanRules.issueProblems(document)
        guard problems.isEmpty else { throw PlanRejected(problems: problems) }
        try plan.setDocument(document)
        plan.status = .issued
        let summary = "Ban hành kế hoạch số \(document.number ?? "") \"\(document.title)\""
        let issued = document
        let settings = acting.treem.settings
        try await acting.db.transaction { tx in
            try await plan.save(on: tx)
            // Every assignment becomes tracked tasks, in the same transaction as the issue.
            try await TaskDirectory.createTasks(for: plan, document: issued, at: acting.now, settings: settings, on: tx)
            if let previousID = plan.$supersedes.id, let previous = try await PlanModel.find(previousID, on: tx),
                previous.status == .issued
            {
                previous.status = .superseded
                try await previous.save(on: tx)
            }
            try await acting.audit(
                .planIssued, recordType: "plan", recordID: plan.id?.uuidString, unitID: plan.$issuer.id,
                summary: summary, on: tx)
        }
        acting.deliverMail()
    }

    /// A correction: a new draft version; issuing it supersedes the issued plan, which stays readable.
    static func supersede(_ plan: PlanModel, by acting: Acting) async throws -> PlanModel {
        let user = acting.user
        try await requireEditable(plan, user: user, on: acting.db)
        guard plan.status == .issued, !plan.isExternal else {
            throw UserFacingError(
                .conflict,
                Bilingual(
                    vi: "Chỉ kế hoạch do đơn vị ban hành và đang có hiệu lực mới được thay thế.",
                    en: "Only an issued plan of this unit can be superseded."))
        }
        var document = try plan.document()
        document.number = nil
        document.issueDate = PartialDate(year: document.issueDate.year, month: document.issueDate.month)
        let draft = try PlanModel(issuerUnitID: plan.$issuer.id, document: document, createdBy: user.id)
        draft.$parentPlan.id = plan.$parentPlan.id
        draft.$supersedes.id = plan.id
        draft.version = plan.version + 1
        try await acting.db.transaction { tx in
            try await draft.create(on: tx)
            try await acting.audit(
                .planCreated, recordType: "plan", recordID: draft.id?.uuidString, unitID: plan.$issuer.id,
                summary: "Tạo phiên bản \(draft.version) thay thế kế hoạch số \(plan.number ?? "")", on: tx)
        }
        return draft
    }

    static func withdraw(_ plan: PlanModel, by acting: Acting) async throws {
        try await requireEditable(plan, user: acting.user, on: acting.db)
        guard plan.status == .issued, !plan.isExternal else {
            throw UserFacingError(
                .conflict,
                Bilingual(
                    vi: "Chỉ kế hoạch do đơn vị ban hành và đang có hiệu lực mới được thu hồi.",
                    en: "Only an issued plan of this unit can be withdrawn."))
        }
        plan.status = .withdrawn
        try await acting.db.transaction { tx in
            try await plan.save(on: tx)
            try await acting.audit(
                .planWithdrawn, recordType: "plan", recordID: plan.id?.uuidString, unitID: plan.$issuer.id,
                summary: "Thu hồi kế hoạch số \(plan.number ?? "")", on: tx)
        }
    }

    // MARK: cascade

    /// Creates the draft of `unit` implementing `parent`. The unit must lie below the parent's
    /// issuer and inside the user's scope.
    static func derive(
        _ parent: PlanModel, for unit: UnitModel, leadDays: Int, by acting: Acting
    ) async throws -> PlanModel {
        let user = acting.user
        let unitID = try unit.requireID()
        // A plan of TreEm is derived by the units below its issuer; a plan from outside TreEm
        // by the unit that received it.
        let allowed: Bool
        if parent.isExternal {
            allowed = unitID == parent.$issuer.id
        } else {
            let link = try await UnitScopeModel.query(on: acting.db)
                .filter(\.$ancestorID == parent.$issuer.id).filter(\.$descendantID == unitID).first()
            allowed = unitID != parent.$issuer.id && link != nil
        }
        guard allowed, try await UnitDirectory.canSee(unitID: unitID, user: user, on: acting.db) else {
            throw UserFacingError(
                .badRequest,
                Bilingual(
                    vi: "\(unit.name) không trực thuộc đơn vị ban hành kế hoạch này (hoặc ngoài phạm vi của bạn).",
                    en: "\(unit.name) is not below the unit that issued this plan (or is outside your scope)."),
                field: "unitCode")
        }
        guard (0...60).contains(leadDays) else {
            throw UserFacingError(
                .badRequest,
                Bilingual(vi: "Số ngày báo cáo trước phải từ 0 đến 60.", en: "The lead time must be 0–60 days."),
                field: "leadDays")
        }
        let parentDocument = try parent.document()
        let issuer = try await UnitModel.find(parent.$issuer.id, on: acting.db)
        let naming = UnitNaming(unit.name)
        let issuerShortName: String
        if !parent.isExternal, let issuer {
            issuerShortName = UnitNaming(issuer.name).committeeShort
        } else {
            issuerShortName = PlanCascade.shortName(ofIssuer: parentDocument.issuerName)
        }
        let agencies = try await AgencyDirectory.agencies(ofUnit: unitID, on: acting.db, now: acting.now).filter(
            \.isActive
        ).map {
            AgencyReference(id: $0.id?.uuidString ?? "", name: $0.name, kind: $0.kind)
        }
        let derived = PlanCascade.derive(
            from: parentDocument,
            reference: .init(
                planID: parent.id?.uuidString, number: parentDocument.number,
                issueDate: parentDocument.issueDate.calendarDay,
                issuerShortName: issuerShortName),
            for: .init(
                issuerName: naming.committeeLetterhead, place: naming.proper, unitName: naming.inSentence,
                level: unit.level, agencies: agencies),
            today: acting.today, leadDays: leadDays)
        return try await create(derived, issuer: unit, parentPlanID: parent.id, by: acting)
    }

    struct Cascade {
        var parent: PlanModel?
        var derived: [PlanModel]
        /// Units directly below the issuer that have no derived plan yet.
        var missing: [UnitModel]
    }

    static func cascade(of plan: PlanModel, for user: CurrentUser, on db: Database) async throws -> Cascade {
        var parent: PlanModel?
        if let parentID = plan.$parentPlan.id { parent = try await self.plan(id: parentID, for: user, on: db) }
        var derived: [PlanModel] = []
        for child in try await PlanModel.query(on: db).filter(\.$parentPlan.$id == plan.requireID()).with(\.$issuer)
            .all()
        where try await self.plan(id: child.requireID(), for: user, on: db) != nil {
            derived.append(child)
        }
        if plan.isExternal { return Cascade(parent: parent, derived: derived, missing: []) }
        let document = try plan.document()
        let day = document.period?.start ?? CalendarDay(year: document.year, month: 6, day: 1)!
        let below = try await UnitDirectory.children(of: plan.$issuer.id, asOf: day, on: db).filter {
            $0.level != .village
        }
        let done = Set(derived.map { $0.$issuer.id })
        var missing: [UnitModel] = []
        for unit in below where !done.contains(unit.id ?? UUID()) {
            if try await UnitDirectory.canSee(unitID: unit.requireID(), user: user, on: db) { missing.append(unit) }
        }
        return Cascade(parent: parent, derived: derived, missing: missing.sortedVietnamese { $0.name })
    }

    // MARK: documents

    enum Format: String {
        case docx, html, md
    }

    static func render(
        _ document: PlanDocument, as format: Format
    ) -> (bytes: [UInt8], contentType: String, fileExtension: String) {
        switch format {
        case .docx:
            (
                PlanDOCX.render(document), "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
                "docx"
            )
        case .html:
            (Array(PlanHTML.render(document).utf8), "text/html; charset=utf-8", "html")
        case .md:
            (Array(PlanMarkdown.render(document).utf8), "text/markdown; charset=utf-8", "md")
        }
    }

    /// "KH-45-2026-Trien-khai-Thang-hanh-dong.docx": ASCII, readable, safe in a header.
    /// The plan as an official document in the format asked for ("docx" unless named), its
    /// download written to the audit log.
    static func document(
        _ plan: PlanModel, format text: String?, _ stamp: AuditLog.Stamp, on db: Database
    ) async throws
        -> (bytes: [UInt8], contentType: String, fileName: String, inline: Bool)
    {
        let text = text ?? "docx"
        guard let format = Format(rawValue: text) else {
            throw UserFacingError(
                .badRequest,
                Bilingual(
                    vi: "Định dạng \"\(text)\" không hỗ trợ; chọn docx, html hoặc md.",
                    en: "Format \"\(text)\" is not supported; use docx, html or md."), field: "format")
        }
        let (bytes, contentType, ext) = render(try plan.document(), as: format)
        try await AuditLog.record(
            .planDocumentDownloaded, stamp, recordType: "plan", recordID: plan.id?.uuidString,
            unitID: plan.$issuer.id, summary: "Tải văn bản kế hoạch (\(format.rawValue))", on: db)
        return (bytes, contentType, fileName(plan, extension: ext), format == .html)
    }

    static func fileName(_ plan: PlanModel, extension ext: String) -> String {
        let slug = VietnameseText.fold(plan.title).split(whereSeparator: { !$0.isLetter && !$0.isNumber })
            .prefix(8).joined(separator: "-")
        let number = plan.number.map { $0.split(separator: "/").first.map(String.init) ?? "" } ?? "du-thao"
        return "KH-\(number)-\(plan.year)-\(slug).\(ext)"
    }
}
