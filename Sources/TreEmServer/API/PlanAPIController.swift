import Fluent
import TreEmCore
import Vapor

/// `/api/v1/plans…` and `/api/v1/year-themes`.
struct PlanAPIController {
    func boot(routes: RoutesBuilder) {
        routes.get("plans", use: list)
        routes.post("plans", use: create)
        routes.get("plans", ":id", use: show)
        routes.put("plans", ":id", use: update)
        routes.post("plans", ":id", "issue", use: issue)
        routes.post("plans", ":id", "derive", use: derive)
        routes.post("plans", ":id", "supersede", use: supersede)
        routes.post("plans", ":id", "withdraw", use: withdraw)
        routes.get("plans", ":id", "document", use: document)
        routes.post("plans", "import", use: importDocument)
        routes.get("year-themes", use: yearThemes)
        routes.put("year-themes", ":year", use: saveYearTheme)
    }

    struct PlanSummary: Content {
        var id: String
        var status: String
        var kind: String
        var year: Int
        var number: String?
        var title: String
        var issuerUnitCode: String
        var issuerUnitName: String
        var parentPlanID: String?
        var version: Int
    }

    struct PlanDTO: Content {
        var id: String
        var status: String
        var version: Int
        var issuerUnitCode: String
        var parentPlanID: String?
        var supersedesID: String?
        var canEdit: Bool
        var isExternal: Bool
        var document: PlanDocument
        var derivedPlans: [PlanSummary]
        var unitsWithoutDerivedPlan: [String]
    }

    static func summary(_ plan: PlanModel) -> PlanSummary {
        PlanSummary(
            id: plan.id?.uuidString ?? "", status: plan.status.rawValue, kind: plan.kind.rawValue, year: plan.year,
            number: plan.number, title: plan.title, issuerUnitCode: plan.$issuer.value?.code ?? "",
            issuerUnitName: plan.$issuer.value?.name ?? "", parentPlanID: plan.$parentPlan.id?.uuidString,
            version: plan.version)
    }

    private func dto(_ plan: PlanModel, req: Request) async throws -> PlanDTO {
        let user = try req.currentUser
        if plan.$issuer.value == nil { try await plan.$issuer.load(on: req.db) }
        let cascade = try await PlanDirectory.cascade(of: plan, for: user, on: req.db)
        return PlanDTO(
            id: plan.id?.uuidString ?? "", status: plan.status.rawValue, version: plan.version,
            issuerUnitCode: plan.issuer.code, parentPlanID: plan.$parentPlan.id?.uuidString,
            supersedesID: plan.$supersedes.id?.uuidString,
            canEdit: try await PlanDirectory.canEdit(plan, user: user, on: req.db) && plan.status.isEditable,
            isExternal: plan.isExternal,
            document: try plan.document(), derivedPlans: cascade.derived.map(Self.summary),
            unitsWithoutDerivedPlan: cascade.missing.map(\.code))
    }

    /// The unit a request names by code (valid today, in the caller's scope), or the caller's own.
    static func unit(code: String?, for user: CurrentUser, req: Request) async throws -> UnitModel {
        let today = req.today
        let unit: UnitModel?
        if let code {
            unit = try await UnitDirectory.unit(code: code, asOf: today, for: user, on: req.db)
        } else if let own = user.unitID {
            unit = try await UnitModel.find(own, on: req.db)
        } else {
            unit = nil
        }
        guard let unit else {
            throw UserFacingError(
                .badRequest,
                Bilingual(vi: "Không tìm thấy đơn vị \(code ?? "").", en: "Unit \(code ?? "") was not found."),
                field: "unitCode")
        }
        return unit
    }

    @Sendable func list(req: Request) async throws -> [PlanSummary] {
        try await PlanDirectory.visiblePlans(for: try req.currentUser, on: req.db).map(Self.summary)
    }

    struct CreateBody: Content {
        /// The issuing unit; the caller's own unit when left out.
        var unitCode: String?
        var document: PlanDocument
        /// True for a plan of another body (the province's, the ministry's) kept to derive from.
        var external: Bool?
    }

    @Sendable func create(req: Request) async throws -> Response {
        let user = try req.currentUser
        let body = try req.content.decode(CreateBody.self)
        let unit = try await Self.unit(code: body.unitCode, for: user, req: req)
        let plan = try await PlanDirectory.create(
            body.document, issuer: unit, external: body.external ?? false, by: try req.acting)
        return try await dto(plan, req: req).encodeResponse(status: .created, for: req)
    }

    @Sendable func show(req: Request) async throws -> PlanDTO {
        try await dto(try await req.requestedPlan(), req: req)
    }

    struct UpdateBody: Content {
        var document: PlanDocument
    }

    @Sendable func update(req: Request) async throws -> PlanDTO {
        let plan = try await req.requestedPlan()
        try await PlanDirectory.update(plan, with: try req.content.decode(UpdateBody.self).document, by: try req.acting)
        return try await dto(plan, req: req)
    }

    struct IssueBody: Content {
        var number: String?
        var issueDate: CalendarDay?
        var signerName: String?
    }

    @Sendable func issue(req: Request) async throws -> PlanDTO {
        let plan = try await req.requestedPlan()
        let body = (try? req.content.decode(IssueBody.self)) ?? IssueBody()
        try await PlanDirectory.issue(
            plan, .init(number: body.number, issueDate: body.issueDate, signerName: body.signerName), by: try req.acting
        )
        return try await dto(plan, req: req)
    }

    struct DeriveBody: Content {
        var unitCode: String?
        var leadDays: Int?
    }

    @Sendable func derive(req: Request) async throws -> Response {
        let user = try req.currentUser
        let plan = try await req.requestedPlan()
        let body = (try? req.content.decode(DeriveBody.self)) ?? DeriveBody()
        let unit = try await Self.unit(code: body.unitCode, for: user, req: req)
        let derived = try await PlanDirectory.derive(
            plan, for: unit, leadDays: body.leadDays ?? PlanCascade.defaultLeadDays, by: try req.acting)
        return try await dto(derived, req: req).encodeResponse(status: .created, for: req)
    }

    @Sendable func supersede(req: Request) async throws -> Response {
        let draft = try await PlanDirectory.supersede(try await req.requestedPlan(), by: try req.acting)
        return try await dto(draft, req: req).encodeResponse(status: .created, for: req)
    }

    @Sendable func withdraw(req: Request) async throws -> PlanDTO {
        let plan = try await req.requestedPlan()
        try await PlanDirectory.withdraw(plan, by: try req.acting)
        return try await dto(plan, req: req)
    }

    @Sendable func document(req: Request) async throws -> Response {
        let document = try await PlanDirectory.document(
            try await req.requestedPlan(), format: req.query["format"], req.auditStamp, on: req.db)
        return .download(
            document.bytes, contentType: document.contentType, fileName: document.fileName, inline: document.inline)
    }

    struct ImportResult: Content {
        struct Trace: Content {
            var part: String
            var firstLine: Int
            var lastLine: Int
        }
        var plan: ImportedPlan
        var trace: [Trace]
        var saved: PlanDTO?
    }

    struct ImportUpload: Content {
        var file: File
    }

    /// Reads an uploaded plan document; with `?save=true` stores it for `unitCode` (or the
    /// caller's unit): the unit's own plan as its draft, another body's as an external plan.
    @Sendable func importDocument(req: Request) async throws -> Response {
        let user = try req.currentUser
        let upload = try req.content.decode(ImportUpload.self)
        let reading: PlanReader.Reading
        do {
            reading = try await PlanSourceFile.read(
                Array(buffer: upload.file.data), fileName: upload.file.filename,
                on: req.application.treem.pools.uploads
            ).reading
        } catch let failure as PlanSourceFile.Failure {
            throw UserFacingError(.unprocessableEntity, failure.message, field: "file")
        }
        var saved: PlanDTO?
        if (try? req.query.get(Bool.self, at: "save")) == true {
            let unit = try await Self.unit(code: req.query["unitCode"], for: user, req: req)
            let today = req.today
            let own = reading.plan.isIssued(byCommitteeOf: unit.name)
            let plan = try await PlanDirectory.create(
                reading.plan.planDocument(extras: reading.extras, fallbackYear: today.year),
                issuer: unit, external: !own, by: try req.acting)
            saved = try await dto(plan, req: req)
        }
        let result = ImportResult(
            plan: reading.plan,
            trace: reading.trace.map { .init(part: $0.part, firstLine: $0.firstLine, lastLine: $0.lastLine) },
            saved: saved)
        return try await result.encodeResponse(status: saved == nil ? .ok : .created, for: req)
    }

    @Sendable func yearThemes(req: Request) async throws -> [YearTheme] {
        try await YearThemeDirectory.all(on: req.db)
    }

    struct YearThemeBody: Content {
        var theme: String
        var slogans: [String]?
    }

    @Sendable func saveYearTheme(req: Request) async throws -> YearTheme {
        let user = try req.currentUser
        guard user.setsYearThemes else { throw Abort(.notFound) }
        guard let year = req.parameters.get("year", as: Int.self), (2000...2100).contains(year) else {
            throw UserFacingError(
                .badRequest, Bilingual(vi: "Năm không hợp lệ.", en: "The year is not valid."), field: "year")
        }
        let body = try req.content.decode(YearThemeBody.self)
        return try await YearThemeDirectory.save(
            YearTheme(year: year, theme: body.theme, slogans: body.slogans ?? []), by: try req.acting)
    }
}
