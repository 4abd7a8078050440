import Fluent
import FluentSQL
import Foundation
import TreEmCore
import Vapor

/// Reporting rounds: opening one from a plan's reporting requirement, who sees it, and how
/// complete and timely each level is.
enum ReportRounds {
    /// The levels that report: those with a People's Committee (villages do not).
    static let reportingLevels: Set<AdministrativeLevel> = [.province, .district, .commune]

    struct OpenInput: Content {
        var planID: UUID?
        var formCode: String?
        var deadline: CalendarDay?
        var asOf: CalendarDay?
        var title: String?
    }

    // MARK: reading

    /// Rounds in which the user's unit or a unit below it reports.
    static func visibleRounds(for user: CurrentUser, on db: Database) async throws -> [ReportRoundModel] {
        let query = ReportRoundModel.query(on: db).with(\.$form).with(\.$root)
        if !user.seesEverything {
            let root = user.unitID ?? UUID()
            query.filter(
                .sql(
                    embed: """
                        \(ident: "id") IN (SELECT r.\(ident: "round_id") FROM \(ident: ReportModel.schema) r JOIN \(ident: UnitScopeModel.schema) s \
                        ON s.\(ident: "descendant_id") = r.\(ident: "unit_id") WHERE s.\(ident: "ancestor_id") = \(bind: root))
                        """))
        }
        return try await query.sort(\.$year, .descending).sort(\.$openedAt, .descending).all()
    }

    static func round(id: UUID, for user: CurrentUser, on db: Database) async throws -> ReportRoundModel? {
        guard
            let round = try await ReportRoundModel.query(on: db).filter(\.$id == id).with(\.$form).with(\.$root).first()
        else { return nil }
        if user.seesEverything { return round }
        let visible =
            try await ReportModel.query(on: db).filter(\.$round.$id == id)
            .filter(UnitScopeModel.filter("unit_id", below: user.unitID ?? UUID())).first() != nil
        return visible ? round : nil
    }

    /// The round's reports of the units the user may see, from the root down.
    static func reports(
        in round: ReportRoundModel, for user: CurrentUser, on db: Database
    ) async throws -> [ReportModel] {
        let query = ReportModel.query(on: db).filter(\.$round.$id == (try round.requireID())).with(\.$unit).with(
            \.$reviewer)
        if !user.seesEverything { query.filter(UnitScopeModel.filter("unit_id", below: user.unitID ?? UUID())) }
        return try await query.sort(\.$depth).all()
    }

    /// The reporting round opened from `plan`, if any.
    static func round(of plan: PlanModel, on db: Database) async throws -> ReportRoundModel? {
        try await ReportRoundModel.query(on: db).filter(\.$plan.$id == plan.requireID()).first()
    }

    /// The unit a round is viewed from: `code` (valid on `day`, in the person's scope), else
    /// their own unit when the round's root is above them, else the root. Nil: not theirs to see.
    static func viewedUnit(
        of round: ReportRoundModel, code: String?, asOf day: CalendarDay, for user: CurrentUser,
        on db: Database
    ) async throws -> UnitModel? {
        if let code, !code.isEmpty {
            return try await UnitDirectory.unit(code: code, asOf: day, for: user, on: db)
        }
        if !user.seesEverything, let id = user.unitID, let own = try await UnitModel.find(id, on: db),
            try await !UnitDirectory.canSee(unitID: round.$root.id, user: user, on: db)
        {
            return own
        }
        return round.root
    }

    // MARK: opening

    /// Opens the round of `plan`'s reporting requirement: one expected report for the plan's
    /// issuer and for every reporting unit below it as the hierarchy stood on `asOf`.
    static func open(_ input: OpenInput, by acting: Acting) async throws -> ReportRoundModel {
        let user = acting.user
        guard let planID = input.planID, let plan = try await PlanDirectory.plan(id: planID, for: user, on: acting.db)
        else {
            throw UserFacingError(
                .notFound, Bilingual(vi: "Không tìm thấy kế hoạch.", en: "Plan not found."), field: "planID")
        }
        guard
            AccessPolicy.allows(
                user.role, .openReportRound, relations: UnitDirectory.relations(of: plan.$issuer.id, to: user))
        else {
            throw UserFacingError(
                .forbidden,
                Bilingual(
                    vi: "Chỉ cán bộ của đơn vị ban hành kế hoạch mới mở được đợt báo cáo.",
                    en: "Only officers of the issuing unit can open its reporting round."))
        }
        guard plan.status == .issued || plan.status == .superseded else {
            throw UserFacingError(
                .badRequest,
                Bilingual(
                    vi: "Kế hoạch chưa ban hành: chỉ mở đợt báo cáo cho kế hoạch đã ban hành.",
                    en: "The plan is not issued; rounds are opened for issued plans only."), field: "planID")
        }
        let document = try plan.document()
        let forms = try await ReportFormModel.query(on: acting.db).all()
        let formModel: ReportFormModel?
        if let code = input.formCode, !code.isEmpty {
            formModel = forms.first { $0.code == code }
        } else {
            // The current edition of the built-in form of that kind, else any form of the kind.
            let current = forms.filter { $0.replacedBy == nil }
            formModel =
                current.first { $0.planKind == plan.kind && $0.isBuiltIn } ?? current.first { $0.planKind == plan.kind }
        }
        guard let formModel else {
            throw UserFacingError(
                .badRequest,
                Bilingual(
                    vi: "Chưa có biểu mẫu báo cáo cho loại kế hoạch này; chọn một biểu mẫu.",
                    en: "No report form for this kind of plan; choose one."), field: "formCode")
        }
        guard let root = try await UnitModel.find(plan.$issuer.id, on: acting.db) else { throw Abort(.notFound) }
        let deadline =
            input.deadline ?? document.reporting?.deadline
            ?? ReportRules.actionMonthDeadline(year: plan.year, reportingTo: root.level)
        let asOf = input.asOf ?? document.period?.end ?? CalendarDay(year: plan.year, month: 6, day: 30)!
        guard root.isValid(on: asOf) else {
            throw UserFacingError(
                .badRequest,
                Bilingual(
                    vi: "\(root.name) không tồn tại vào ngày \(asOf.vietnameseShort); chọn ngày khác.",
                    en: "\(root.name) did not exist on \(asOf.iso); choose another day."), field: "asOf")
        }
        let title =
            VietnameseText.clean(input.title ?? "").isEmpty
            ? "Báo cáo \(PlanComposition.lowercasedFirst(formModel.name)) năm \(plan.year)"
            : VietnameseText.clean(input.title ?? "")
        return try await acting.db.transaction { tx in
            let round = try await create(
                plan: plan, form: formModel, root: root, title: title, deadline: deadline, asOf: asOf,
                openedBy: user.id, at: acting.now, on: tx)
            try await acting.audit(
                .reportRoundOpened, recordType: "report_round", recordID: round.id?.uuidString, unitID: root.id,
                summary: "Mở đợt \"\(round.title)\", hạn \(deadline.vietnameseShort)", on: tx)
            return round
        }
    }

    /// Writes the round and its expected reports (in the caller's transaction); refuses a round
    /// that would make a unit report twice for one form and year.
    static func create(
        plan: PlanModel, form: ReportFormModel, root: UnitModel, title: String, deadline: CalendarDay,
        asOf: CalendarDay, openedBy: UUID?, at now: Date, on db: Database
    ) async throws -> ReportRoundModel {
        let formID = try form.requireID()
        let units = try await expectedUnits(below: root, asOf: asOf, on: db)
        let derivedDeadlines = try await derivedPlanDeadlines(
            year: plan.year, kind: plan.kind, units: units.map(\.unit), on: db)
        // A unit reports once per form and year: a round of the level above or below may already cover it.
        let clash = try await ReportModel.query(on: db).join(
            ReportRoundModel.self, on: \ReportModel.$round.$id == \ReportRoundModel.$id
        )
        .filter(ReportRoundModel.self, \.$form.$id == formID).filter(ReportRoundModel.self, \.$year == plan.year)
        .filter(\.$unit.$id ~~ units.compactMap(\.unit.id)).with(\.$unit).first()
        if let clash {
            throw UserFacingError(
                .conflict,
                Bilingual(
                    vi:
                        "\(clash.unit.name) đã có báo cáo \(PlanComposition.lowercasedFirst(form.name)) năm \(plan.year) trong một đợt khác; không mở trùng.",
                    en: "\(clash.unit.name) already reports \(form.name) for \(plan.year) in another round."))
        }
        let round = ReportRoundModel()
        round.$form.id = formID
        round.$plan.id = try plan.requireID()
        round.$root.id = try root.requireID()
        round.year = plan.year
        round.title = title
        round.asOf = asOf.iso
        round.deadline = deadline.iso
        round.openedBy = openedBy
        round.openedAt = now
        try await round.create(on: db)
        for expected in units {
            let report = ReportModel()
            report.$round.id = try round.requireID()
            report.$unit.id = try expected.unit.requireID()
            report.$reviewer.id = expected.reviewer
            report.depth = expected.depth
            if expected.depth > 0 {
                report.deadline =
                    (expected.depth == 1
                    ? deadline
                    : expected.reviewer.flatMap { derivedDeadlines[$0] }
                        ?? ReportRules.deadline(rootDeadline: deadline, depth: expected.depth)).iso
            }
            report.status = .draft
            report.version = 0
            report.isPartial = false
            report.results = ""
            report.difficulties = ""
            report.proposals = ""
            report.explanation = ""
            try await report.create(on: db)
        }
        return round
    }

    struct ExpectedUnit {
        var unit: UnitModel
        var reviewer: UUID?
        var depth: Int
    }

    /// The root and every reporting unit below it on `day`, each with the unit it reports to.
    static func expectedUnits(
        below root: UnitModel, asOf day: CalendarDay, on db: Database
    ) async throws -> [ExpectedUnit] {
        let rootID = try root.requireID()
        let all = try await UnitModel.query(on: db).filter(UnitScopeModel.filter("id", below: rootID)).all()
            .filter { $0.isValid(on: day) && reportingLevels.contains($0.level) }
        let children = Dictionary(grouping: all.filter { $0.$parent.id != nil }, by: { $0.$parent.id! })
        var result = [ExpectedUnit(unit: root, reviewer: nil, depth: 0)]
        var frontier = [(rootID, 0)]
        while let (parentID, depth) = frontier.popLast() {
            for child in children[parentID] ?? [] {
                guard let id = child.id else { continue }
                result.append(ExpectedUnit(unit: child, reviewer: parentID, depth: depth + 1))
                frontier.append((id, depth + 1))
            }
        }
        return result
    }

    /// A unit's own plan of the same kind and year may set the deadline for the units reporting
    /// to it ("các phường báo cáo trước ngày 01/7/2024").
    static func derivedPlanDeadlines(
        year: Int, kind: PlanKind, units: [UnitModel], on db: Database
    ) async throws -> [UUID: CalendarDay] {
        let ids = units.compactMap(\.id)
        guard !ids.isEmpty else { return [:] }
        let plans = try await PlanModel.query(on: db).filter(\.$year == year).filter(\.$kind == kind)
            .filter(\.$status == .issued).filter(\.$issuer.$id ~~ ids).all()
        var deadlines: [UUID: CalendarDay] = [:]
        for plan in plans {
            if let deadline = try plan.document().reporting?.deadline { deadlines[plan.$issuer.id] = deadline }
        }
        return deadlines
    }

    // MARK: completeness

    struct UnitProgress {
        var report: ReportModel
        var timeliness: ReportTimeliness
        /// Completeness of the units below this one.
        var below: Completeness
    }

    struct Overview {
        /// The viewed unit's own report in the round, if it has one.
        var own: ReportModel?
        var completeness: Completeness
        /// The reports of the units that report to the viewed unit, each with its own lower units' completeness.
        var direct: [UnitProgress]
        /// Every report below the viewed unit that is not submitted.
        var missing: [ReportModel]
    }

    /// Completeness below `unit` in `round`: counted over every report of a unit below it (its
    /// own report is not counted: it is the one waiting for them).
    static func overview(
        _ round: ReportRoundModel, below unit: UnitModel, now: Date, on db: Database
    ) async throws -> Overview {
        let unitID = try unit.requireID()
        let roundID = try round.requireID()
        let reports = try await ReportModel.query(on: db).filter(\.$round.$id == roundID)
            .filter(UnitScopeModel.filter("unit_id", below: unitID)).with(\.$unit).all()
        let own = reports.first { $0.$unit.id == unitID }
        let below = reports.filter { $0.$unit.id != unitID && $0.depth > (own?.depth ?? -1) }
        var total = Completeness()
        for report in below {
            total.add(status: report.status, deadline: report.deadlineDay, submittedAt: report.submittedAt, now: now)
        }
        // Each direct reporter's own lower units, from the reviewer links.
        let byReviewer = Dictionary(grouping: below.filter { $0.$reviewer.id != nil }, by: { $0.$reviewer.id! })
        func completeness(under id: UUID) -> Completeness {
            var result = Completeness()
            var stack = byReviewer[id] ?? []
            while let next = stack.popLast() {
                result.add(status: next.status, deadline: next.deadlineDay, submittedAt: next.submittedAt, now: now)
                stack += byReviewer[next.$unit.id] ?? []
            }
            return result
        }
        let direct = (byReviewer[unitID] ?? []).sortedVietnamese { $0.unit.name }
            .map {
                UnitProgress(report: $0, timeliness: $0.timeliness(now: now), below: completeness(under: $0.$unit.id))
            }
        let missing = below.filter { !$0.status.isCounted }
            .map { (VietnameseText.collationKey($0.unit.name), $0) }
            .sorted { $0.1.depth != $1.1.depth ? $0.1.depth < $1.1.depth : $0.0.lexicographicallyPrecedes($1.0) }
            .map(\.1)
        return Overview(own: own, completeness: total, direct: direct, missing: missing)
    }
}
