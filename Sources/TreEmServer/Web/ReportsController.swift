import Fluent
import TreEmCore
import Vapor

/// The reporting pages: what a unit has to report, a round's dashboard (completeness, live
/// totals, chart, exports) and one unit's report (fill, submit, review).
struct ReportsController {
    func boot(routes: RoutesBuilder) {
        routes.get("reports", use: list)
        routes.get("reports", "national", use: national)
        routes.post("plans", ":id", "round", use: openRound)
        routes.get("reports", "rounds", ":id", use: round)
        routes.post("reports", "rounds", ":id", "remind", use: remind)
        routes.get("reports", "rounds", ":id", "export", ":format", use: export)
        routes.get("reports", ":id", use: show)
        routes.post("reports", ":id", use: save)
        routes.post("reports", ":id", "submit", use: submit)
        routes.post("reports", ":id", "approve", use: approve)
        routes.post("reports", ":id", "return", use: returnReport)
        routes.post("reports", ":id", "reopen", use: reopen)
    }

    // MARK: list

    struct ReportRow: Encodable {
        var id: String
        var roundTitle: String
        var unitName: String
        var deadline: String
        var status: String
        var statusLabel: String
        var timeliness: String
        var timelinessLabel: String
    }

    struct RoundRow: Encodable {
        var id: String
        var title: String
        var rootName: String
        var deadline: String
        var formName: String
    }

    struct ListView: Encodable {
        var toFill: [ReportRow]
        var toReview: [ReportRow]
        var rounds: [RoundRow]
        /// The whole country's page, for the ministry and the system's administrators.
        var national: Bool
    }

    static func reportRow(_ report: ReportModel, now: Date, language: Language) -> ReportRow {
        let timeliness = report.timeliness(now: now)
        return ReportRow(
            id: report.id?.uuidString ?? "", roundTitle: report.$round.value?.title ?? "",
            unitName: report.$unit.value?.name ?? "",
            deadline: report.deadlineDay?.vietnameseShort ?? "—", status: report.status.rawValue,
            statusLabel: report.status.label.text(language), timeliness: timeliness.rawValue,
            timelinessLabel: timeliness.label.text(language))
    }

    /// The reports the user's unit has to fill, and those waiting for it to review.
    static func due(
        for user: CurrentUser, now: Date, language: Language, on db: Database
    ) async throws -> (toFill: [ReportRow], toReview: [ReportRow]) {
        let (fill, review) = try await ReportEditing.due(for: user, on: db)
        return (
            fill.map { reportRow($0, now: now, language: language) },
            review.map { reportRow($0, now: now, language: language) }
        )
    }

    @Sendable func list(req: Request) async throws -> Response {
        let user = try req.currentUser
        let due = try await Self.due(for: user, now: req.now, language: req.language, on: req.db)
        let rounds = try await ReportRounds.visibleRounds(for: user, on: req.db)
        return try await req.page(
            "reports", title: "reports_title",
            ListView(
                toFill: due.toFill, toReview: due.toReview,
                rounds: rounds.map {
                    RoundRow(
                        id: $0.id?.uuidString ?? "", title: $0.title, rootName: $0.root.name,
                        deadline: $0.deadlineDay?.vietnameseShort ?? "", formName: $0.form.name)
                }, national: user.seesEverything))
    }

    @Sendable func openRound(req: Request) async throws -> Response {
        guard let planID = req.parameters.get("id", as: UUID.self) else { throw Abort(.notFound) }
        let round = try await ReportRounds.open(.init(planID: planID), by: try req.acting)
        return req.redirect(to: "/reports/rounds/\(try round.requireID().uuidString)", redirectType: .normal)
    }

    // MARK: round

    struct DirectRow: Encodable {
        var reportID: String
        var unitCode: String
        var unitName: String
        var status: String
        var statusLabel: String
        var timeliness: String
        var timelinessLabel: String
        var deadline: String
        var submittedAt: String
        var isPartial: Bool
        /// "3/5" of the units below it, empty when none.
        var below: String
        var hasBelow: Bool
    }

    struct FigureRow: Encodable {
        var code: String
        var name: String
        var unit: String
        var value: String
        var parts: String
        var target: String
        var isSection: Bool
    }

    struct RoundView: Encodable {
        var id: String
        var title: String
        var formName: String
        var rootName: String
        var deadline: String
        var roundAsOf: String
        var asOf: String
        var unitCode: String
        var unitName: String
        var parentCode: String?
        var parentName: String?
        var completeness: CompletenessView
        var submittedPercent: String
        var direct: [DirectRow]
        var missing: [ReportRow]
        var canRemind: Bool
        var figures: [FigureRow]
        var indicators: [SelectOption]
        var chart: String
        var chartTitle: String
        var ownReportID: String?
        var exportQuery: String
        var reminded: String?
        /// Units left alone because they were already reminded today.
        var remindedEarlier: String?
        /// Units divided between several of the children, whose figures count in one only.
        var dividedNotes: [String] = []
    }

    static func viewing(_ req: Request, round: ReportRoundModel) async throws -> (unit: UnitModel, asOf: CalendarDay) {
        let asOf: CalendarDay
        if let text: String = req.query["asOf"], !text.isEmpty {
            guard let day = CalendarDay(iso: text) else {
                throw UserFacingError(
                    .badRequest, Bilingual(vi: "Ngày xem phải có dạng YYYY-MM-DD.", en: "The day must be YYYY-MM-DD."),
                    field: "asOf")
            }
            asOf = day
        } else {
            asOf = round.asOfDay
        }
        let unit = try await req.viewedUnit(of: round, code: req.query["unit"], asOf: asOf)
        return (unit, asOf)
    }

    @Sendable func round(req: Request) async throws -> Response {
        let user = try req.currentUser
        let round = try await req.requestedRound()
        let (unit, asOf) = try await Self.viewing(req, round: round)
        let form = try round.form.form()
        let language = req.language
        let overview = try await ReportRounds.overview(round, below: unit, now: req.now, on: req.db)
        let level = try await ReportAggregates.level(round: round, unit: unit, asOf: asOf, on: req.db)
        let chosen =
            form.indicators.first { $0.code == (req.query["indicator"] as String?) && $0.type.isNumeric }
            ?? form.indicators.first { $0.type.isNumeric }
        var parent: UnitModel?
        if let parentID = unit.$parent.id, try await UnitDirectory.canSee(unitID: parentID, user: user, on: req.db) {
            parent = try await UnitModel.find(parentID, on: req.db)
        }
        let chart =
            chosen.map { indicator in
                BarChart(
                    title: indicator.name,
                    bars: level.children.map {
                        .init(label: $0.unit.name, value: $0.figures[ValueKey(indicator.code)])
                    },
                    target: indicator.target, valueType: indicator.type
                ).html()
            } ?? ""
        let completeness = overview.completeness
        return try await req.page(
            "report_round", title: round.title,
            RoundView(
                id: round.id?.uuidString ?? "", title: round.title, formName: round.form.name,
                rootName: round.root.name,
                deadline: round.deadlineDay?.vietnameseShort ?? "", roundAsOf: round.asOf, asOf: asOf.iso,
                unitCode: unit.code, unitName: unit.name, parentCode: parent?.code, parentName: parent?.name,
                completeness: CompletenessView(completeness),
                submittedPercent: VietnameseNumber.format(completeness.submittedPercent, fractionDigits: 0) + "%",
                direct: overview.direct.map { progress in
                    let report = progress.report
                    return DirectRow(
                        reportID: report.id?.uuidString ?? "", unitCode: report.unit.code, unitName: report.unit.name,
                        status: report.status.rawValue, statusLabel: report.status.label.text(language),
                        timeliness: progress.timeliness.rawValue,
                        timelinessLabel: progress.timeliness.label.text(language),
                        deadline: report.deadlineDay?.vietnameseShort ?? "—",
                        submittedAt: report.submittedAt.map {
                            CalendarDay(vietnamTimeOf: $0.timeIntervalSince1970).vietnameseShort
                        } ?? "",
                        isPartial: report.isPartial,
                        below: progress.below.expected > 0
                            ? "\(progress.below.submitted)/\(progress.below.expected)" : "",
                        hasBelow: progress.below.expected > 0)
                },
                missing: overview.missing.map { Self.reportRow($0, now: req.now, language: language) },
                canRemind: AccessPolicy.allows(
                    user.role, .remindUnits, relations: UnitDirectory.relations(of: try unit.requireID(), to: user))
                    && !overview.missing.isEmpty,
                figures: Self.figureRows(form, figures: level.figures, language: language),
                indicators: form.indicators.filter { $0.type.isNumeric }.map {
                    SelectOption(value: $0.code, label: $0.name, selected: $0.code == chosen?.code)
                },
                chart: chart, chartTitle: chosen?.name ?? "", ownReportID: overview.own?.id?.uuidString,
                exportQuery: "unit=\(unit.code)&asOf=\(asOf.iso)",
                reminded: req.query["reminded"].flatMap { Int($0) }.map(String.init),
                remindedEarlier: req.query["remindedEarlier"].flatMap { Int($0) }.flatMap { $0 > 0 ? String($0) : nil },
                dividedNotes: level.divided.map { $0.note.text(language) })
        )
    }

    static func figureRows(_ form: ReportForm, figures: [ValueKey: Double], language: Language) -> [FigureRow] {
        var rows: [FigureRow] = []
        for section in form.sections {
            rows.append(
                FigureRow(code: "", name: section.title, unit: "", value: "", parts: "", target: "", isSection: true))
            for indicator in section.indicators where indicator.type.isNumeric {
                let parts = indicator.breakdowns.flatMap(\.parts).compactMap { part -> String? in
                    figures[ValueKey(indicator.code, part)].map {
                        "\(part.label.text(language)) \(VietnameseNumber.display($0, type: indicator.type))"
                    }
                }.joined(separator: " · ")
                rows.append(
                    FigureRow(
                        code: indicator.code,
                        name: language == .vi ? indicator.name : (indicator.nameEnglish ?? indicator.name),
                        unit: indicator.unit,
                        value: figures[ValueKey(indicator.code)].map {
                            VietnameseNumber.display($0, type: indicator.type)
                        } ?? "—",
                        parts: parts,
                        target: indicator.target.map { VietnameseNumber.display($0, type: indicator.type) } ?? "",
                        isSection: false))
            }
        }
        return rows
    }

    @Sendable func remind(req: Request) async throws -> Response {
        let round = try await req.requestedRound()
        let (unit, asOf) = try await Self.viewing(req, round: round)
        let reminded = try await ReportReminders.remind(round, below: unit, by: try req.acting)
        return req.redirect(
            to:
                "/reports/rounds/\(round.id!.uuidString)?unit=\(unit.code)&asOf=\(asOf.iso)&reminded=\(reminded.units.count)"
                + "&remindedEarlier=\(reminded.alreadyToday.count)",
            redirectType: .normal)
    }

    // MARK: exports

    @Sendable func export(req: Request) async throws -> Response {
        let round = try await req.requestedRound()
        let (unit, asOf) = try await Self.viewing(req, round: round)
        let level = try await ReportAggregates.level(round: round, unit: unit, asOf: asOf, on: req.db)
        let form = try round.form.form()
        let format = req.parameters.get("format") ?? ""
        let base = "bao-cao-\(round.year)-\(unit.code)"
        guard ["xlsx", "csv", "docx"].contains(format) else { throw Abort(.notFound) }
        try await AuditLog.record(
            .reportExported, req.auditStamp, recordType: "report_round", recordID: round.id?.uuidString,
            unitID: unit.id, summary: "Xuất \(round.title) — \(unit.name) (\(format))", on: req.db)
        switch format {
        case "xlsx", "csv":
            let sheet = ResultsSpreadsheet.table(
                form: form, title: round.title, unitName: unit.name, asOf: asOf, total: level.figures,
                children: level.children.map { (name: $0.unit.name, figures: $0.figures) })
            let bytes = format == "xlsx" ? sheet.xlsx() : sheet.csv()
            let type =
                format == "xlsx"
                ? "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" : "text/csv; charset=utf-8"
            return .download(bytes, contentType: type, fileName: "\(base).\(format)")
        case "docx":
            let document = try await ResultsDocument.compose(
                round: round, unit: unit, asOf: asOf, level: level, by: try req.acting)
            return .download(
                PlanDOCX.render(document.composition()),
                contentType: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
                fileName: "\(base).docx")
        default:
            throw Abort(.notFound)
        }
    }
}

/// A round's counts as a page shows them: grouped the Vietnamese way ("3.321 báo cáo").
struct CompletenessView: Encodable {
    var expected: String
    var submitted: String
    var approved: String
    var onTime: String
    var late: String
    var missing: String
    var overdue: String
    var overdueCount: Int

    init(_ counts: Completeness) {
        func shown(_ value: Int) -> String { VietnameseNumber.format(Double(value)) }
        expected = shown(counts.expected)
        submitted = shown(counts.submitted)
        approved = shown(counts.approved)
        onTime = shown(counts.onTime)
        late = shown(counts.late)
        missing = shown(counts.missing)
        overdue = shown(counts.overdue)
        overdueCount = counts.overdue
    }
}
