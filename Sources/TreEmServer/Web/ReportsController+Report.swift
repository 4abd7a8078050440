import Fluent
import TreEmCore
import Vapor

/// One unit's report: the form to fill, its problems, and the review buttons of the level above.
extension ReportsController {
    struct CellView: Encodable {
        /// The element id the list of refusals at the top links to.
        var id: String
        var name: String
        /// The hidden field carrying the value as the page showed it ("o:…" for "v:…").
        var originalName: String
        var label: String
        var value: String
        var original: String
        var kind: String
        /// Why what the officer typed here was not saved (the typed text is still in `value`).
        var refusal: String?
        /// Nothing entered: shown as "—", never as 0.
        var isBlank: Bool
    }

    /// A refusal at the top of the form, linking to the cell or text it concerns.
    struct LinkedMessage: Encodable {
        var anchor: String
        var message: String
    }

    /// What the officer sent that is shown again: typed text stays in place, refused cells are
    /// marked, and the messages say what happened.
    struct KeptInput {
        var cells: [ValueKey: String] = [:]
        var narratives: [ReportEditing.Narrative: String] = [:]
        var refusals = ReportEditing.Refusals()
        /// Why the report was not sent, or whose figure got in the way.
        var notSent: [String] = []
        var conflicts: [String] = []
    }

    struct IndicatorRow: Encodable {
        var code: String
        var name: String
        var unit: String
        var isSection: Bool
        var computed: String?
        var cells: [CellView]
        /// The figure of the units below, as they sent it.
        var lower: String
        var problems: [String]
    }

    struct NarrativeView: Encodable {
        var name: String
        var label: String
        var value: String
        var original: String
        var refusal: String?
    }

    struct ReportPageView: Encodable {
        var id: String
        var roundID: String
        var roundTitle: String
        var formName: String
        var unitName: String
        var unitCode: String
        var reviewerName: String?
        var deadline: String
        var status: String
        var statusLabel: String
        var timelinessLabel: String
        var isPartial: Bool
        var returnComment: String?
        var version: Int
        var canEdit: Bool
        var canReview: Bool
        /// The reviewing unit may reopen an approved report for correction.
        var canReopen: Bool
        var rows: [IndicatorRow]
        var narratives: [NarrativeView]
        var errors: [String]
        var warnings: [String]
        var hasLower: Bool
        var lower: [ReportRow]
        var lowerPending: Int
        var saved: Bool
        /// "Đã gửi báo cáo lên Ủy ban nhân dân thành phố Hải Phòng", after sending.
        var sentTo: String?
        /// Why the last "send" was refused, shown above the form the officer is still on.
        var notSent: [String]
        /// The cells and texts not saved, each linking to its place in the form.
        var refused: [LinkedMessage]
        var conflicts: [String]
    }

    static func fieldName(_ key: ValueKey) -> String {
        "v:\(key.indicator):\(key.part == .total ? "total" : key.part.rawValue)"
    }

    static func anchor(_ key: ValueKey) -> String {
        "cell-\(key.indicator)-\(key.part == .total ? "total" : key.part.rawValue)"
    }

    static func key(fromField name: String) -> ValueKey? {
        let pieces = name.split(separator: ":", omittingEmptySubsequences: false)
        guard pieces.count == 3, pieces[0] == "v" || pieces[0] == "o" else { return nil }
        let part = pieces[2] == "total" ? IndicatorPart.total : IndicatorPart(rawValue: String(pieces[2]))
        return part.map { ValueKey(String(pieces[1]), $0) }
    }

    @Sendable func show(req: Request) async throws -> Response {
        try await page(req, report: try await req.requestedReport())
    }

    func page(
        _ req: Request, report: ReportModel, kept: KeptInput = KeptInput(), status: HTTPResponseStatus = .ok
    ) async throws -> Response {
        let user = try req.currentUser
        let form = try report.round.form.form()
        let language = req.language
        let values = try await ReportEditing.values(of: report, on: req.db)
        let problems = try await ReportEditing.problems(of: report, values: values, on: req.db)
        let lowerReports = try await ReportEditing.lowerReports(of: report, on: req.db)
        var lowerFigures: [ValueKey: Double] = [:]
        if !lowerReports.isEmpty {
            let sums = try await ReportAggregates.sums(
                rounds: [report.$round.id], units: lowerReports.map(\.$unit.id), on: req.db)
            lowerFigures = Aggregation.figures(ReportAggregates.combined(sums.values), form: form)
        }
        let ownFigures = Aggregation.figures(of: values, form: form)
        let problemsByIndicator = Dictionary(grouping: problems, by: \.key.indicator)
        let refusedCells = Dictionary(
            kept.refusals.cells.map { ($0.key, $0.message.text(language)) }, uniquingKeysWith: { $0 + " " + $1 })
        var rows: [IndicatorRow] = []
        for section in form.sections {
            rows.append(
                IndicatorRow(
                    code: "", name: section.title, unit: "", isSection: true, computed: nil, cells: [], lower: "",
                    problems: []))
            for indicator in section.indicators {
                let cells =
                    indicator.isEntered
                    ? indicator.parts.map { part -> CellView in
                        let key = ValueKey(indicator.code, part)
                        let stored = ReportEditing.display(values[key], type: indicator.type)
                        let value = kept.cells[key] ?? stored
                        return CellView(
                            id: Self.anchor(key), name: Self.fieldName(key),
                            originalName: "o" + Self.fieldName(key).dropFirst(),
                            label: part.label.text(language), value: value, original: stored,
                            kind: indicator.type == .yesNo ? "yesno" : indicator.type == .text ? "text" : "number",
                            refusal: refusedCells[key], isBlank: VietnameseText.clean(value).isEmpty)
                    } : []
                let computed =
                    indicator.isEntered
                    ? nil
                    : ownFigures[ValueKey(indicator.code)].map { VietnameseNumber.display($0, type: indicator.type) }
                        ?? "—"
                let lower =
                    lowerFigures[ValueKey(indicator.code)].map { VietnameseNumber.display($0, type: indicator.type) }
                    ?? "—"
                rows.append(
                    IndicatorRow(
                        code: indicator.code,
                        name: language == .vi ? indicator.name : (indicator.nameEnglish ?? indicator.name),
                        unit: indicator.unit, isSection: false, computed: computed, cells: cells, lower: lower,
                        problems: (problemsByIndicator[indicator.code] ?? []).map { $0.message.text(language) }))
            }
        }
        let timeliness = report.timeliness(now: req.now)
        return try await req.page(
            "report", title: "\(report.round.title) — \(report.unit.name)",
            ReportPageView(
                id: report.id?.uuidString ?? "", roundID: report.$round.id.uuidString, roundTitle: report.round.title,
                formName: report.round.form.name,
                unitName: report.unit.name, unitCode: report.unit.code, reviewerName: report.reviewer?.name,
                deadline: report.deadlineDay?.vietnameseShort ?? "—", status: report.status.rawValue,
                statusLabel: report.status.label.text(language),
                timelinessLabel: timeliness.label.text(language), isPartial: report.isPartial,
                returnComment: report.returnComment,
                version: report.version, canEdit: ReportEditing.canEdit(report, user: user) && report.status.isEditable,
                canReview: ReportEditing.canReview(report, user: user) && report.status == .submitted,
                canReopen: ReportEditing.canReview(report, user: user) && report.status == .approved,
                rows: rows,
                narratives: ReportEditing.Narrative.allCases.map {
                    NarrativeView(
                        name: $0.rawValue, label: $0.label.text(language),
                        value: kept.narratives[$0] ?? $0.value(of: report), original: $0.value(of: report),
                        refusal: kept.refusals.narratives[$0]?.text(language))
                },
                errors: problems.filter { $0.severity == .error }.map { $0.message.text(language) },
                warnings: problems.filter { $0.severity == .warning }.map { $0.message.text(language) },
                hasLower: !lowerReports.isEmpty,
                lower: lowerReports.map { Self.reportRow($0, now: req.now, language: language) },
                lowerPending: lowerReports.filter { $0.status != .approved }.count,
                saved: req.query["saved"] == "1" || (!kept.notSent.isEmpty && kept.refusals.isEmpty),
                sentTo: req.query["sent"] == "1" && report.status == .submitted
                    ? report.reviewer.map { UnitNaming($0.name).committee } : nil,
                notSent: kept.notSent,
                refused: kept.refusals.cells.map {
                    LinkedMessage(anchor: Self.anchor($0.key), message: $0.message.text(language))
                }
                    + kept.refusals.narratives.sorted { $0.key.rawValue < $1.key.rawValue }.map {
                        LinkedMessage(anchor: "n-\($0.key.rawValue)", message: $0.value.text(language))
                    },
                conflicts: kept.conflicts), status: status)
    }

    /// Saves the form; "Gửi báo cáo" then sends it. Whatever is refused — a cell that is not a
    /// number, a colleague's newer figure, a rule that blocks sending — the form comes back with
    /// everything the officer typed still in it, and the cells that could be saved are saved.
    @Sendable func save(req: Request) async throws -> Response {
        let report = try await req.requestedReport()
        let form = try req.content.decode([String: String].self)
        var changes: [ValueKey: ReportEditing.Change] = [:]
        var kept = KeptInput()
        for (name, value) in form where name.hasPrefix("v:") {
            guard let key = Self.key(fromField: name) else { continue }
            changes[key] = ReportEditing.Change(shown: form["o" + name.dropFirst()] ?? "", value: value)
            kept.cells[key] = value
        }
        var narratives: [ReportEditing.Narrative: ReportEditing.Change] = [:]
        for field in ReportEditing.Narrative.allCases {
            if let text = form[field.rawValue] {
                narratives[field] = ReportEditing.Change(shown: form["o:" + field.rawValue], value: text)
                kept.narratives[field] = text
            }
        }
        let acting = try req.acting
        do {
            kept.refusals = try await ReportEditing.save(
                report, changes: changes, narratives: narratives, expectedVersion: nil, whenRefused: .saveTheRest,
                by: acting)
        } catch let conflict as ReportConflict {
            kept.conflicts = conflict.messages.map { $0.text(req.language) }
            return try await page(req, report: try await req.requestedReport(), kept: kept, status: .conflict)
        }
        if !kept.refusals.isEmpty {
            // Saved cells now show what is stored; refused ones keep the officer's text beside the reason.
            kept.cells = kept.cells.filter { key, _ in kept.refusals.cells.contains { $0.key == key } }
            kept.narratives = kept.narratives.filter { kept.refusals.narratives[$0.key] != nil }
            return try await page(
                req, report: try await req.requestedReport(), kept: kept, status: .unprocessableEntity)
        }
        if form["then"] == "submit" {
            do {
                try await ReportEditing.submit(
                    report, partial: form["partial"] == "on", explanation: nil, by: acting)
            } catch let refused as ReportRejected {
                // The figures are saved; the officer stays on the form with the reasons above it.
                return try await page(
                    req, report: try await req.requestedReport(),
                    kept: KeptInput(notSent: refused.messages.map { $0.text(req.language) }),
                    status: .unprocessableEntity)
            }
            return req.redirect(to: "/reports/\(try report.requireID().uuidString)?sent=1", redirectType: .normal)
        }
        return req.redirect(to: "/reports/\(try report.requireID().uuidString)?saved=1", redirectType: .normal)
    }

    @Sendable func submit(req: Request) async throws -> Response {
        let report = try await req.requestedReport()
        let form = try req.content.decode([String: String].self)
        try await ReportEditing.submit(
            report, partial: form["partial"] == "on", explanation: form["explanation"], by: try req.acting)
        return req.redirect(to: "/reports/\(try report.requireID().uuidString)?sent=1", redirectType: .normal)
    }

    @Sendable func approve(req: Request) async throws -> Response {
        let report = try await req.requestedReport()
        try await ReportEditing.approve(report, by: try req.acting)
        return req.redirect(to: "/reports/\(try report.requireID().uuidString)", redirectType: .normal)
    }

    @Sendable func reopen(req: Request) async throws -> Response {
        let report = try await req.requestedReport()
        let form = try req.content.decode([String: String].self)
        try await ReportEditing.reopen(report, reason: form["reason"] ?? "", by: try req.acting)
        return req.redirect(to: "/reports/\(try report.requireID().uuidString)", redirectType: .normal)
    }

    @Sendable func returnReport(req: Request) async throws -> Response {
        let report = try await req.requestedReport()
        let form = try req.content.decode([String: String].self)
        try await ReportEditing.returnForCorrection(report, comment: form["comment"] ?? "", by: try req.acting)
        return req.redirect(to: "/reports/\(try report.requireID().uuidString)", redirectType: .normal)
    }
}
