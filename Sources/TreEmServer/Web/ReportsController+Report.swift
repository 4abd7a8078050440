import Fluent
import TreEmCore
import Vapor

/// One unit's report: the form to fill, its problems, and the review buttons of the level above.
extension ReportsController {
    struct CellView: Encodable {
        var name: String
        /// The hidden field carrying the value as the page showed it ("o:…" for "v:…").
        var originalName: String
        var label: String
        var value: String
        var original: String
        var kind: String
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
        var rows: [IndicatorRow]
        var narratives: [NarrativeView]
        var errors: [String]
        var warnings: [String]
        var hasLower: Bool
        var lower: [ReportRow]
        var lowerPending: Int
        var saved: Bool
        /// Why the last "send" was refused, shown above the form the officer is still on.
        var notSent: [String]
    }

    static func fieldName(_ key: ValueKey) -> String {
        "v:\(key.indicator):\(key.part == .total ? "total" : key.part.rawValue)"
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
        _ req: Request, report: ReportModel, notSent: [String] = [], status: HTTPResponseStatus = .ok
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
                        let shown = ReportEditing.display(values[key], type: indicator.type)
                        return CellView(
                            name: Self.fieldName(key), originalName: "o" + Self.fieldName(key).dropFirst(),
                            label: part.label.text(language), value: shown, original: shown,
                            kind: indicator.type == .yesNo ? "yesno" : indicator.type == .text ? "text" : "number")
                    } : []
                let computed =
                    indicator.isEntered
                    ? nil
                    : ownFigures[ValueKey(indicator.code)].map { VietnameseNumber.display($0, type: indicator.type) }
                        ?? "—"
                let lower =
                    lowerFigures[ValueKey(indicator.code)].map { VietnameseNumber.display($0, type: indicator.type) }
                    ?? ""
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
                rows: rows,
                narratives: ReportEditing.Narrative.allCases.map {
                    NarrativeView(name: $0.rawValue, label: $0.label.text(language), value: $0.value(of: report))
                },
                errors: problems.filter { $0.severity == .error }.map { $0.message.text(language) },
                warnings: problems.filter { $0.severity == .warning }.map { $0.message.text(language) },
                hasLower: !lowerReports.isEmpty,
                lower: lowerReports.map { Self.reportRow($0, now: req.now, language: language) },
                lowerPending: lowerReports.filter { $0.status != .approved }.count,
                saved: req.query["saved"] == "1" || !notSent.isEmpty, notSent: notSent), status: status)
    }

    @Sendable func save(req: Request) async throws -> Response {
        let report = try await req.requestedReport()
        let form = try req.content.decode([String: String].self)
        var changes: [ValueKey: ReportEditing.Change] = [:]
        for (name, value) in form where name.hasPrefix("v:") {
            guard let key = Self.key(fromField: name) else { continue }
            changes[key] = ReportEditing.Change(shown: form["o" + name.dropFirst()] ?? "", value: value)
        }
        var narratives: [ReportEditing.Narrative: ReportEditing.Change] = [:]
        for field in ReportEditing.Narrative.allCases {
            if let text = form[field.rawValue] {
                narratives[field] = ReportEditing.Change(shown: form["o:" + field.rawValue], value: text)
            }
        }
        try await ReportEditing.save(
            report, changes: changes, narratives: narratives, expectedVersion: nil, by: try req.acting)
        if form["then"] == "submit" {
            do {
                try await ReportEditing.submit(
                    report, partial: form["partial"] == "on", explanation: nil, by: try req.acting)
            } catch let refused as ReportRejected {
                // The figures are saved; the officer stays on the form with the reasons above it.
                let fresh = try await req.requestedReport()
                return try await page(
                    req, report: fresh, notSent: refused.messages.map { $0.text(req.language) },
                    status: .unprocessableEntity)
            }
        }
        return req.redirect(to: "/reports/\(report.id!.uuidString)?saved=1", redirectType: .normal)
    }

    @Sendable func submit(req: Request) async throws -> Response {
        let report = try await req.requestedReport()
        let form = try req.content.decode([String: String].self)
        try await ReportEditing.submit(
            report, partial: form["partial"] == "on", explanation: form["explanation"], by: try req.acting)
        return req.redirect(to: "/reports/\(report.id!.uuidString)", redirectType: .normal)
    }

    @Sendable func approve(req: Request) async throws -> Response {
        let report = try await req.requestedReport()
        try await ReportEditing.approve(report, by: try req.acting)
        return req.redirect(to: "/reports/\(report.id!.uuidString)", redirectType: .normal)
    }

    @Sendable func returnReport(req: Request) async throws -> Response {
        let report = try await req.requestedReport()
        let form = try req.content.decode([String: String].self)
        try await ReportEditing.returnForCorrection(report, comment: form["comment"] ?? "", by: try req.acting)
        return req.redirect(to: "/reports/\(report.id!.uuidString)", redirectType: .normal)
    }
}
