import Fluent
import FluentSQL
import Foundation
import TreEmCore
import Vapor

/// A report's figures were refused: every problem, named by indicator.
struct ReportRejected: Error {
    var headline: Bilingual
    var messages: [Bilingual]
}

/// Filling, submitting and reviewing one unit's report. The unit's officers fill and submit it;
/// the officers of the unit above approve or return it; nobody approves their own unit's report.
enum ReportEditing {
    static func report(id: UUID, for user: CurrentUser, on db: Database) async throws -> ReportModel? {
        guard
            let report = try await ReportModel.query(on: db).filter(\.$id == id).with(\.$unit).with(\.$reviewer)
                .with(\.$round, { $0.with(\.$form).with(\.$root) }).first()
        else { return nil }
        guard try await UnitDirectory.canSee(unitID: report.$unit.id, user: user, on: db) else { return nil }
        return report
    }

    /// The reports the user's unit has to fill (draft or returned, by deadline) and those waiting
    /// for it to review (by the day they were sent).
    static func due(
        for user: CurrentUser, on db: Database
    ) async throws -> (toFill: [ReportModel], toReview: [ReportModel]) {
        guard let unitID = user.unitID, AccessPolicy.allowsSomewhere(user.role, .fillReport) else { return ([], []) }
        let fill = try await ReportModel.query(on: db).filter(\.$unit.$id == unitID).filter(
            \.$status ~~ [.draft, .returned]
        )
        .with(\.$round).with(\.$unit).sort(\.$deadline).all()
        let review = try await ReportModel.query(on: db).filter(\.$reviewer.$id == unitID).filter(
            \.$status == .submitted
        )
        .with(\.$round).with(\.$unit).sort(\.$submittedAt).all()
        return (fill, review)
    }

    /// The reports of the units `report`'s unit reviews in the same round, by unit name.
    static func lowerReports(of report: ReportModel, on db: Database) async throws -> [ReportModel] {
        try await ReportModel.query(on: db).filter(\.$round.$id == report.$round.id)
            .filter(\.$reviewer.$id == report.$unit.id).with(\.$unit).with(\.$round).all()
            .sortedVietnamese { $0.unit.name }
    }

    static func canEdit(_ report: ReportModel, user: CurrentUser) -> Bool {
        user.unitID == report.$unit.id && AccessPolicy.allows(user.role, .fillReport, .ownUnit)
    }

    static func canReview(_ report: ReportModel, user: CurrentUser) -> Bool {
        report.$reviewer.id != nil && user.unitID == report.$reviewer.id
            && AccessPolicy.allows(user.role, .reviewReport, .reviewingUnit)
    }

    static func values(of report: ReportModel, on db: Database) async throws -> [ValueKey: ReportValue] {
        let rows = try await ReportValueModel.query(on: db).filter(\.$report.$id == report.requireID()).all()
        var values: [ValueKey: ReportValue] = [:]
        for row in rows { if let value = row.value { values[row.key] = value } }
        return values
    }

    /// How a stored value is shown in the form (and compared with what the form showed).
    static func display(_ value: ReportValue?, type: IndicatorValueType) -> String {
        switch value {
        case nil: ""
        case .text(let text): text
        case .number(let number):
            type == .yesNo
                ? (number >= 1 ? "có" : "không")
                : VietnameseNumber.format(number, fractionDigits: type == .integer || type == .money ? 0 : 2)
        }
    }

    /// One edited cell: the new text, and what the form showed when the officer opened it (nil: do not check).
    struct Change {
        var shown: String?
        var value: String
    }

    /// The written parts of a report.
    enum Narrative: String, CaseIterable {
        case results, difficulties, proposals, explanation

        var label: Bilingual {
            switch self {
            case .results: Bilingual(vi: "Kết quả thực hiện", en: "Results")
            case .difficulties: Bilingual(vi: "Khó khăn, vướng mắc", en: "Difficulties")
            case .proposals: Bilingual(vi: "Đề xuất, kiến nghị", en: "Proposals")
            case .explanation: Bilingual(vi: "Giải trình số liệu", en: "Explanation of figures")
            }
        }

        func value(of report: ReportModel) -> String {
            switch self {
            case .results: report.results
            case .difficulties: report.difficulties
            case .proposals: report.proposals
            case .explanation: report.explanation
            }
        }

        func set(_ text: String, on report: ReportModel) {
            switch self {
            case .results: report.results = text
            case .difficulties: report.difficulties = text
            case .proposals: report.proposals = text
            case .explanation: report.explanation = text
            }
        }
    }

    /// What to do with the cells that are fine when others in the same save are refused.
    enum WhenRefused {
        /// Save nothing (the API: a client sends a whole change and resends it whole).
        case saveNothing
        /// Save the rest (the web form: the officer keeps what was right and corrects the rest).
        case saveTheRest
    }

    /// The cells and written parts a save refused, each with its reason; empty when all was saved.
    struct Refusals {
        var cells: [ReportProblem] = []
        var narratives: [Narrative: Bilingual] = [:]
        var isEmpty: Bool { cells.isEmpty && narratives.isEmpty }
        var messages: [Bilingual] {
            cells.map(\.message) + narratives.sorted { $0.key.rawValue < $1.key.rawValue }.map(\.value)
        }
    }

    /// Saves a draft. Only the cells the officer changed are written; when another officer has
    /// saved a different value in one of them since the form was opened, nothing is saved and
    /// the message names the indicator and both values — nobody's figure is lost silently.
    /// A cell that cannot be read (or a text too long) is refused with its reason; with
    /// `.saveTheRest` the other changes are saved and the refusals returned.
    @discardableResult
    static func save(
        _ report: ReportModel, changes: [ValueKey: Change], narratives: [Narrative: Change], expectedVersion: Int?,
        whenRefused: WhenRefused = .saveNothing, by acting: Acting
    ) async throws -> Refusals {
        let user = acting.user
        guard canEdit(report, user: user) else {
            throw UserFacingError(
                .forbidden,
                Bilingual(
                    vi: "Chỉ cán bộ của \(report.unit.name) được sửa báo cáo này.",
                    en: "Only officers of \(report.unit.name) can change this report."))
        }
        try requireEditable(report)
        let form = try report.round.form.form()
        var (readable, unreadable) = ReportInput.read(changes.mapValues(\.value), form: form)
        var refusals = Refusals()
        refusals.cells = unreadable + ReportValidation.outOfRange(readable.compactMapValues { $0 }, form: form)
        for (field, change) in narratives {
            if let tooLong = TextLimit.narrative.problem(change.value, field: field.label) {
                refusals.narratives[field] = tooLong
            }
        }
        if !refusals.isEmpty {
            if whenRefused == .saveNothing {
                throw ReportRejected(
                    headline: Bilingual(vi: "Số liệu chưa hợp lệ, chưa lưu:", en: "Figures not valid, nothing saved:"),
                    messages: refusals.messages)
            }
            for problem in refusals.cells { readable[problem.key] = nil }
        }
        let parsed = readable
        let changes = changes.filter { parsed.keys.contains($0.key) }
        let narratives = narratives.filter { refusals.narratives[$0.key] == nil }
        guard !changes.isEmpty || !narratives.isEmpty else { return refusals }
        let now = acting.now
        try await acting.db.transaction { tx in
            // Read the report again inside the transaction: the version decides who saved last.
            guard let current = try await ReportModel.find(report.requireID(), on: tx) else { throw Abort(.notFound) }
            try requireEditable(current)
            if let expectedVersion, expectedVersion != current.version {
                throw UserFacingError(
                    .conflict,
                    Bilingual(
                        vi:
                            "Báo cáo vừa được người khác lưu (phiên bản \(current.version), bạn đang sửa phiên bản \(expectedVersion)). Tải lại rồi nhập lại.",
                        en:
                            "Someone else saved the report meanwhile (version \(current.version); yours was \(expectedVersion)). Reload and enter again."
                    ))
            }
            let rows = try await ReportValueModel.query(on: tx).filter(\.$report.$id == current.requireID()).all()
            let stored = Dictionary(uniqueKeysWithValues: rows.map { ($0.key, $0) })
            var conflicts: [Bilingual] = []
            for (key, change) in changes.sorted(by: { $0.key < $1.key }) {
                guard let indicator = form.indicator(key.indicator), let shown = change.shown else { continue }
                let now = display(stored[key]?.value, type: indicator.type)
                // A conflict: the officer changed the cell, someone else changed it too, and to something else.
                let typed = VietnameseText.clean(change.value)
                if typed != VietnameseText.clean(shown), now != VietnameseText.clean(shown),
                    !sameFigure(typed, now, type: indicator.type)
                {
                    let cell = { (l: Language) in ReportInput.cellName(indicator, key.part, l) }
                    conflicts.append(
                        Bilingual(
                            vi:
                                "\(cell(.vi)): người khác vừa lưu \"\(now)\"; giá trị của bạn \"\(change.value)\" chưa được lưu.",
                            en:
                                "\(cell(.en)): someone else just saved \"\(now)\"; your value \"\(change.value)\" was not saved."
                        ))
                }
            }
            for (field, change) in narratives.sorted(by: { $0.key.rawValue < $1.key.rawValue }) {
                guard let shown = change.shown.map(VietnameseText.cleanParagraphs) else { continue }
                let stored = field.value(of: current)
                if VietnameseText.cleanParagraphs(change.value) != shown, stored != shown {
                    conflicts.append(
                        Bilingual(
                            vi: "\(field.label.vi): người khác vừa sửa phần này; phần bạn viết chưa được lưu.",
                            en: "\(field.label.en): someone else just changed it; your text was not saved."))
                }
            }
            if !conflicts.isEmpty {
                throw ReportConflict(messages: conflicts)
            }
            for (key, value) in parsed {
                // Unchanged cells are left alone, so a colleague's figure in them survives.
                if let change = changes[key], let shown = change.shown,
                    VietnameseText.clean(change.value) == VietnameseText.clean(shown)
                {
                    continue
                }
                try await write(value, key: key, report: current, existing: stored[key], at: now, by: user.id, on: tx)
            }
            for (field, change) in narratives {
                let text = VietnameseText.cleanParagraphs(change.value)
                if text != change.shown.map(VietnameseText.cleanParagraphs) { field.set(text, on: current) }
            }
            current.version += 1
            current.updatedAt = now
            try await current.save(on: tx)
            report.version = current.version
            try await acting.audit(
                .reportSaved, recordType: "report", recordID: current.id?.uuidString, unitID: current.$unit.id,
                summary: "Lưu báo cáo \(report.round.title) của \(report.unit.name): \(parsed.count) ô", on: tx)
        }
        return refusals
    }

    /// "1.500.000" and "1500000" are the same figure.
    static func sameFigure(_ a: String, _ b: String, type: IndicatorValueType) -> Bool {
        if a == b { return true }
        guard type.isNumeric, type != .yesNo, let x = VietnameseNumber.parse(a), let y = VietnameseNumber.parse(b)
        else { return false }
        return x == y
    }

    private static func write(
        _ value: ReportValue?, key: ValueKey, report: ReportModel, existing: ReportValueModel?,
        at now: Date, by userID: UUID, on db: Database
    ) async throws {
        guard let value else {
            try await existing?.delete(on: db)
            return
        }
        let row = existing ?? ReportValueModel()
        if existing == nil {
            row.$report.id = try report.requireID()
            row.roundID = report.$round.id
            row.unitID = report.$unit.id
            row.indicator = key.indicator
            row.part = key.part.rawValue
            row.counted = false
        }
        switch value {
        case .number(let number):
            row.number = number
            row.text = nil
        case .text(let text):
            row.number = nil
            row.text = text
        }
        row.updatedAt = now
        row.updatedBy = userID
        try await row.save(on: db)
    }

    static func requireEditable(_ report: ReportModel) throws {
        switch report.status {
        case .draft, .returned: return
        case .submitted:
            throw UserFacingError(
                .conflict,
                Bilingual(
                    vi: "Báo cáo đã gửi lên cấp trên; không sửa được nữa trừ khi bị trả lại.",
                    en: "The report has been submitted; it can be changed only if it is returned."))
        case .approved:
            throw UserFacingError(
                .conflict,
                Bilingual(
                    vi: "Báo cáo đã được duyệt; số liệu đã khóa.",
                    en: "The report is approved; its figures are locked."))
        }
    }

    /// The same unit's figures a year earlier: last year's rounds of the same form, over every
    /// unit in this unit's scope (so a commune formed by a merger compares with its predecessors).
    static func lastYear(of report: ReportModel, on db: Database) async throws -> [ValueKey: Double] {
        // Last year's rounds may have used an earlier edition of the same form.
        let editions = ReportFormModel.edition(
            of: report.round.form, among: try await ReportFormModel.query(on: db).all()
        ).compactMap(\.id)
        let rounds = try await ReportRoundModel.query(on: db).filter(\.$form.$id ~~ editions)
            .filter(\.$year == report.round.year - 1).all().compactMap(\.id)
        guard !rounds.isEmpty else { return [:] }
        let sums = try await ReportAggregates.sums(rounds: rounds, units: [report.$unit.id], on: db)
        return Aggregation.figures(sums[report.$unit.id] ?? [:], form: try report.round.form.form())
    }

    /// The problems of the report as it stands (its `values`, when already read): errors block
    /// submission, warnings need an explanation.
    static func problems(
        of report: ReportModel, values: [ValueKey: ReportValue]? = nil, on db: Database
    ) async throws -> [ReportProblem] {
        let figures: [ValueKey: ReportValue]
        if let values { figures = values } else { figures = try await self.values(of: report, on: db) }
        return ReportValidation.problems(
            figures, form: try report.round.form.form(), lastYear: try await lastYear(of: report, on: db))
    }

    static func lowerNotApproved(_ report: ReportModel, on db: Database) async throws -> [String] {
        try await ReportModel.query(on: db).filter(\.$round.$id == report.$round.id).filter(
            \.$reviewer.$id == report.$unit.id
        )
        .filter(\.$status != .approved).with(\.$unit).all().map(\.unit.name).sortedVietnamese { $0 }
    }

    static func submit(_ report: ReportModel, partial: Bool, explanation: String?, by acting: Acting) async throws {
        let user = acting.user
        guard canEdit(report, user: user) else {
            throw UserFacingError(
                .forbidden,
                Bilingual(
                    vi: "Chỉ cán bộ của \(report.unit.name) được gửi báo cáo này.",
                    en: "Only officers of \(report.unit.name) can submit this report."))
        }
        if let explanation {
            if let tooLong = TextLimit.narrative.problem(explanation, field: Narrative.explanation.label) {
                throw UserFacingError(.badRequest, tooLong, field: "explanation")
            }
            report.explanation = VietnameseText.cleanParagraphs(explanation)
        }
        let problems = try await problems(of: report, on: acting.db)
        let lower = try await lowerNotApproved(report, on: acting.db)
        let refusals = ReportRules.submissionRefusal(
            status: report.status, problems: problems, warningComment: report.explanation,
            lowerNotApproved: lower, partial: partial)
        if !refusals.isEmpty {
            if !report.status.isEditable { throw UserFacingError(.conflict, refusals[0]) }
            throw ReportRejected(
                headline: Bilingual(vi: "Chưa gửi được báo cáo:", en: "The report was not submitted:"),
                messages: refusals)
        }
        let now = acting.now
        try await acting.db.transaction { tx in
            guard let current = try await ReportModel.find(report.requireID(), on: tx), current.status.isEditable else {
                throw UserFacingError(
                    .conflict, Bilingual(vi: "Báo cáo đã được gửi rồi.", en: "The report has already been submitted."))
            }
            current.status = .submitted
            current.isPartial = partial && !lower.isEmpty
            current.explanation = report.explanation
            current.submittedAt = now
            current.submittedBy = user.id
            current.returnComment = nil
            current.version += 1
            current.updatedAt = now
            try await current.save(on: tx)
            try await setCounted(true, report: current, on: tx)
            // The reviewing unit learns that a report waits for it.
            _ = try await ReportReminders.tell(
                [
                    (
                        current,
                        "\(report.unit.name) đã gửi báo cáo \(report.round.title)\(current.isPartial ? " (số liệu chưa đầy đủ)" : ""), chờ duyệt."
                    )
                ], kind: .reportArrived, settings: acting.treem.settings, at: now, audience: .reviewingUnit, on: tx)
            try await acting.audit(
                .reportSubmitted, recordType: "report", recordID: current.id?.uuidString, unitID: current.$unit.id,
                summary:
                    "Gửi báo cáo \(report.round.title) của \(report.unit.name)\(current.isPartial ? " (số liệu chưa đầy đủ)" : "")",
                on: tx)
            report.status = current.status
            report.isPartial = current.isPartial
            report.submittedAt = now
        }
        acting.deliverMail()
    }

    /// Submitted figures count in the totals; returned ones stop counting until sent again.
    static func setCounted(_ counted: Bool, report: ReportModel, on db: Database) async throws {
        try await ReportValueModel.query(on: db).filter(\.$report.$id == report.requireID()).set(
            \.$counted, to: counted
        ).update()
    }
}

/// Two officers changed the same cells of one draft.
struct ReportConflict: Error {
    var messages: [Bilingual]
}
