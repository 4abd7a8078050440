import Fluent
import TreEmCore
import Vapor

/// `/api/v1/forms`, `/api/v1/rounds…`, `/api/v1/reports…`, `/api/v1/aggregates`.
struct ReportAPIController {
    func boot(routes: RoutesBuilder) {
        routes.get("forms", use: forms)
        routes.post("forms", use: createForm)
        routes.get("rounds", use: rounds)
        routes.post("rounds", use: openRound)
        routes.get("rounds", ":id", use: round)
        routes.post("rounds", ":id", "remind", use: remind)
        routes.get("reports", use: reports)
        routes.get("reports", ":id", use: report)
        routes.put("reports", ":id", "values", use: saveValues)
        routes.post("reports", ":id", "submit", use: submit)
        routes.post("reports", ":id", "approve", use: approve)
        routes.post("reports", ":id", "return", use: returnReport)
        routes.post("reports", ":id", "reopen", use: reopen)
        routes.get("aggregates", use: aggregates)
    }

    // MARK: DTOs

    struct FormDTO: Content {
        var id: String
        var builtIn: Bool
        var form: ReportForm
    }

    struct RoundDTO: Content {
        var id: String
        var title: String
        var year: Int
        var formCode: String
        var formName: String
        var planID: String?
        var rootUnitCode: String
        var rootUnitName: String
        var asOf: String
        var deadline: String
    }

    struct ReportSummaryDTO: Content {
        var id: String
        var unitCode: String
        var unitName: String
        var reviewerUnitCode: String?
        var depth: Int
        var deadline: String?
        var status: String
        var timeliness: String
        var isPartial: Bool
        var submittedAt: Date?
    }

    struct RoundDetailDTO: Content {
        var round: RoundDTO
        var unitCode: String
        var completeness: Completeness
        var reports: [ReportSummaryDTO]
        var missing: [ReportSummaryDTO]
    }

    struct ValueDTO: Content {
        var indicator: String
        var part: String
        var number: Double?
        var text: String?
    }

    struct ProblemDTO: Content {
        var severity: String
        var indicator: String
        var part: String
        var message: String
    }

    struct ReportDTO: Content {
        var summary: ReportSummaryDTO
        var roundID: String
        var version: Int
        var values: [ValueDTO]
        var results: String
        var difficulties: String
        var proposals: String
        var explanation: String
        var returnComment: String?
        var problems: [ProblemDTO]
        var canEdit: Bool
        var canReview: Bool
    }

    /// A figure as JSON: a number, a string as typed ("1.500.000"), true/false, or null to clear it.
    struct InputValue: Codable {
        var text: String

        init(from decoder: Decoder) throws {
            let container = try decoder.singleValueContainer()
            if container.decodeNil() {
                text = ""
            } else if let bool = try? container.decode(Bool.self) {
                text = bool ? "có" : "không"
            } else if let number = try? container.decode(Double.self) {
                text = VietnameseNumber.plain(number)
            } else {
                text = try container.decode(String.self)
            }
        }

        func encode(to encoder: Encoder) throws {
            var container = encoder.singleValueContainer()
            try container.encode(text)
        }
    }

    struct ValuesInput: Content {
        struct Cell: Codable {
            var indicator: String
            var part: String?
            var value: InputValue
        }
        /// The version read; when given and another save came in between, 409 and nothing saved.
        var version: Int?
        var values: [Cell]?
        var results: String?
        var difficulties: String?
        var proposals: String?
        var explanation: String?
    }

    struct SubmitInput: Content {
        var partial: Bool?
        var explanation: String?
    }

    struct ReturnInput: Content {
        var comment: String
    }

    struct ReopenInput: Content {
        var reason: String
    }

    struct AggregateDTO: Content {
        struct UnitFigures: Content {
            var unitCode: String
            var unitName: String
            var figures: [ValueDTO]
        }
        var round: RoundDTO
        var asOf: String
        var unitCode: String?
        var unitName: String
        var figures: [ValueDTO]
        var children: [UnitFigures]
    }

    struct RemindDTO: Content {
        var reminded: Int
        var units: [String]
        /// Missing units reminded earlier the same day: a unit is reminded at most once a day.
        var alreadyRemindedToday: [String]
    }

    static func dto(_ round: ReportRoundModel) -> RoundDTO {
        RoundDTO(
            id: round.id?.uuidString ?? "", title: round.title, year: round.year, formCode: round.form.code,
            formName: round.form.name,
            planID: round.$plan.id?.uuidString, rootUnitCode: round.root.code, rootUnitName: round.root.name,
            asOf: round.asOf, deadline: round.deadline)
    }

    static func summary(_ report: ReportModel, now: Date) -> ReportSummaryDTO {
        ReportSummaryDTO(
            id: report.id?.uuidString ?? "", unitCode: report.unit.code, unitName: report.unit.name,
            reviewerUnitCode: report.$reviewer.value??.code, depth: report.depth, deadline: report.deadline,
            status: report.status.rawValue, timeliness: report.timeliness(now: now).rawValue,
            isPartial: report.isPartial, submittedAt: report.submittedAt)
    }

    static func figures(_ figures: [ValueKey: Double]) -> [ValueDTO] {
        figures.sorted { $0.key < $1.key }.map {
            ValueDTO(indicator: $0.key.indicator, part: $0.key.part.rawValue, number: $0.value, text: nil)
        }
    }

    // MARK: forms

    @Sendable func forms(req: Request) async throws -> [FormDTO] {
        _ = try req.currentUser
        return try await ReportForms.all(on: req.db).map {
            FormDTO(id: $0.id?.uuidString ?? "", builtIn: $0.isBuiltIn, form: try $0.form())
        }
    }

    @Sendable func createForm(req: Request) async throws -> Response {
        let form = try req.content.decode(ReportForm.self)
        let model = try await ReportForms.create(form, by: try req.acting)
        return try await FormDTO(id: model.id?.uuidString ?? "", builtIn: false, form: try model.form()).encodeResponse(
            status: .created, for: req)
    }

    // MARK: rounds

    @Sendable func rounds(req: Request) async throws -> [RoundDTO] {
        try await ReportRounds.visibleRounds(for: try req.currentUser, on: req.db).map(Self.dto)
    }

    @Sendable func openRound(req: Request) async throws -> Response {
        let input = try req.content.decode(ReportRounds.OpenInput.self)
        let round = try await ReportRounds.open(input, by: try req.acting)
        try await round.$form.load(on: req.db)
        try await round.$root.load(on: req.db)
        return try await Self.dto(round).encodeResponse(status: .created, for: req)
    }

    @Sendable func round(req: Request) async throws -> RoundDetailDTO {
        let round = try await req.requestedRound()
        let unit = try await req.viewedUnit(of: round, code: req.query["unit"], asOf: round.asOfDay)
        let overview = try await ReportRounds.overview(round, below: unit, now: req.now, on: req.db)
        return RoundDetailDTO(
            round: Self.dto(round), unitCode: unit.code, completeness: overview.completeness,
            reports: overview.direct.map { Self.summary($0.report, now: req.now) },
            missing: overview.missing.map { Self.summary($0, now: req.now) })
    }

    @Sendable func remind(req: Request) async throws -> RemindDTO {
        let round = try await req.requestedRound()
        let unit = try await req.viewedUnit(of: round, code: req.query["unit"], asOf: round.asOfDay)
        let reminded = try await ReportReminders.remind(round, below: unit, by: try req.acting)
        return RemindDTO(reminded: reminded.people, units: reminded.units, alreadyRemindedToday: reminded.alreadyToday)
    }

    // MARK: reports

    @Sendable func reports(req: Request) async throws -> [ReportSummaryDTO] {
        let user = try req.currentUser
        guard let roundID = req.query[UUID.self, at: "round"],
            let round = try await ReportRounds.round(id: roundID, for: user, on: req.db)
        else { throw Abort(.notFound) }
        return try await ReportRounds.reports(in: round, for: user, on: req.db).map { Self.summary($0, now: req.now) }
    }

    func detail(_ report: ReportModel, req: Request) async throws -> ReportDTO {
        let user = try req.currentUser
        let values = try await ReportEditing.values(of: report, on: req.db)
        let problems = try await ReportEditing.problems(of: report, values: values, on: req.db)
        return ReportDTO(
            summary: Self.summary(report, now: req.now), roundID: report.$round.id.uuidString, version: report.version,
            values: values.sorted { $0.key < $1.key }.map { key, value in
                var text: String?
                if case .text(let written) = value { text = written }
                return ValueDTO(indicator: key.indicator, part: key.part.rawValue, number: value.number, text: text)
            },
            results: report.results, difficulties: report.difficulties, proposals: report.proposals,
            explanation: report.explanation, returnComment: report.returnComment,
            problems: problems.map {
                ProblemDTO(
                    severity: $0.severity.rawValue, indicator: $0.key.indicator,
                    part: $0.key.part.rawValue, message: $0.message.text(req.language))
            },
            canEdit: ReportEditing.canEdit(report, user: user) && report.status.isEditable,
            canReview: ReportEditing.canReview(report, user: user) && report.status == .submitted)
    }

    @Sendable func report(req: Request) async throws -> ReportDTO {
        try await detail(try await req.requestedReport(), req: req)
    }

    @Sendable func saveValues(req: Request) async throws -> ReportDTO {
        let report = try await req.requestedReport()
        let input = try req.content.decode(ValuesInput.self)
        var changes: [ValueKey: ReportEditing.Change] = [:]
        for (index, cell) in (input.values ?? []).enumerated() {
            guard let part = IndicatorPart(rawValue: cell.part ?? "") else {
                throw UserFacingError(
                    .badRequest,
                    Bilingual(
                        vi: "values[\(index)].part: \"\(cell.part ?? "")\" không phải phần tổ hợp lệ.",
                        en: "values[\(index)].part: \"\(cell.part ?? "")\" is not a valid part."),
                    field: "values[\(index)].part")
            }
            changes[ValueKey(cell.indicator, part)] = ReportEditing.Change(shown: nil, value: cell.value.text)
        }
        var narratives: [ReportEditing.Narrative: ReportEditing.Change] = [:]
        for (field, text) in [
            (ReportEditing.Narrative.results, input.results), (.difficulties, input.difficulties),
            (.proposals, input.proposals), (.explanation, input.explanation),
        ] {
            if let text { narratives[field] = ReportEditing.Change(shown: nil, value: text) }
        }
        try await ReportEditing.save(
            report, changes: changes, narratives: narratives, expectedVersion: input.version, by: try req.acting)
        return try await detail(try await req.requestedReport(), req: req)
    }

    @Sendable func submit(req: Request) async throws -> ReportDTO {
        let report = try await req.requestedReport()
        let input = try req.content.decode(SubmitInput.self)
        try await ReportEditing.submit(
            report, partial: input.partial ?? false, explanation: input.explanation, by: try req.acting)
        return try await detail(try await req.requestedReport(), req: req)
    }

    @Sendable func approve(req: Request) async throws -> ReportDTO {
        let report = try await req.requestedReport()
        try await ReportEditing.approve(report, by: try req.acting)
        return try await detail(try await req.requestedReport(), req: req)
    }

    @Sendable func returnReport(req: Request) async throws -> ReportDTO {
        let report = try await req.requestedReport()
        let input = try req.content.decode(ReturnInput.self)
        try await ReportEditing.returnForCorrection(report, comment: input.comment, by: try req.acting)
        return try await detail(try await req.requestedReport(), req: req)
    }

    @Sendable func reopen(req: Request) async throws -> ReportDTO {
        let report = try await req.requestedReport()
        let input = try req.content.decode(ReopenInput.self)
        try await ReportEditing.reopen(report, reason: input.reason, by: try req.acting)
        return try await detail(try await req.requestedReport(), req: req)
    }

    // MARK: aggregates

    @Sendable func aggregates(req: Request) async throws -> AggregateDTO {
        let user = try req.currentUser
        guard let roundID = req.query[UUID.self, at: "round"],
            let round = try await ReportRounds.round(id: roundID, for: user, on: req.db)
        else { throw Abort(.notFound) }
        let asOf =
            try req.query.get(String?.self, at: "asOf").map { text -> CalendarDay in
                guard let day = CalendarDay(iso: text) else {
                    throw UserFacingError(
                        .badRequest,
                        Bilingual(vi: "asOf phải là ngày dạng YYYY-MM-DD.", en: "asOf must be a YYYY-MM-DD date."),
                        field: "asOf")
                }
                return day
            } ?? round.asOfDay
        let code: String? = req.query["unit"]
        let unit: UnitModel?
        if code == nil || code?.isEmpty == true, user.seesEverything {
            unit = nil
        } else {
            unit = try await req.viewedUnit(of: round, code: code, asOf: asOf)
        }
        let level = try await ReportAggregates.level(round: round, unit: unit, asOf: asOf, on: req.db)
        return AggregateDTO(
            round: Self.dto(round), asOf: asOf.iso, unitCode: unit?.code, unitName: unit?.name ?? "Toàn quốc",
            figures: Self.figures(level.figures),
            children: level.children.map {
                .init(unitCode: $0.unit.code, unitName: $0.unit.name, figures: Self.figures($0.figures))
            })
    }
}
