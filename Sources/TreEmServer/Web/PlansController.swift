import Fluent
import TreEmCore
import Vapor

/// Plan pages: list, write, edit, issue, derive for a lower unit, supersede, withdraw, print, download.
struct PlansController {
    func boot(routes: RoutesBuilder) {
        routes.get("plans", use: list)
        routes.get("plans", "new", use: newForm)
        routes.post("plans", use: create)
        routes.get("plans", ":id", use: show)
        routes.get("plans", ":id", "edit", use: editForm)
        routes.post("plans", ":id", "edit", use: update)
        routes.post("plans", ":id", "issue", use: issue)
        routes.post("plans", ":id", "derive", use: derive)
        routes.post("plans", ":id", "supersede", use: supersede)
        routes.post("plans", ":id", "withdraw", use: withdraw)
        routes.get("plans", ":id", "print", use: printView)
        routes.get("plans", ":id", "document", use: download)
        routes.get("year-themes", use: yearThemes)
        routes.post("year-themes", use: saveYearTheme)
    }

    // MARK: list

    struct Row: Encodable {
        var id: String
        var year: Int
        var number: String
        var title: String
        var issuer: String
        var status: String
        var statusLabel: String
        var kindLabel: String
    }

    struct ListView: Encodable {
        var rows: [Row]
        var canWrite: Bool
        var years: [Int]
    }

    @Sendable func list(req: Request) async throws -> Response {
        let user = try req.currentUser
        let plans = try await PlanDirectory.visiblePlans(for: user, on: req.db)
        let rows = plans.map { plan in
            Row(
                id: plan.id?.uuidString ?? "", year: plan.year, number: plan.number ?? "—", title: plan.title,
                issuer: plan.$issuer.value?.name ?? "", status: plan.status.rawValue,
                statusLabel: plan.status.label(req.language),
                kindLabel: plan.kind.label(req.language))
        }
        let year = req.today.year
        return try await req.page(
            "plans", title: "plans_title",
            ListView(rows: rows, canWrite: user.role >= .officer && user.unitID != nil, years: [year, year + 1]))
    }

    // MARK: form

    struct FormView: Encodable {
        var action: String
        var isNew: Bool
        var form: PlanForm
        var kinds: [SelectOption]
        var authorities: [SelectOption]
        var agencyNames: [String]
        var error: String?
        var problems: [String]
        var errorFields: [String]
    }

    func formView(
        _ req: Request, action: String, isNew: Bool, form: PlanForm, issuerUnitID: UUID?,
        error: String? = nil, problems: [String] = [], fields: [String] = []
    ) async throws -> FormView {
        let agencies =
            try await issuerUnitID.asyncMap { try await AgencyDirectory.agencies(ofUnit: $0, on: req.db) } ?? []
        let authorityLabels: [SigningAuthority: String] = [
            .direct: "— (ký trực tiếp)", .deputy: "KT. (cấp phó ký thay)", .acting: "Q. (quyền)",
            .byOrder: "TL. (thừa lệnh)",
            .byAuthorisation: "TUQ. (thừa ủy quyền)",
        ]
        return FormView(
            action: action, isNew: isNew, form: form,
            kinds: PlanKind.allCases.map {
                .init(value: $0.rawValue, label: $0.label(req.language), selected: $0.rawValue == form.kind)
            },
            authorities: SigningAuthority.allCases.map {
                .init(
                    value: $0.rawValue, label: authorityLabels[$0] ?? $0.rawValue,
                    selected: $0.rawValue == form.signature_authority)
            },
            agencyNames: agencies.filter(\.isActive).map { ($0.kind.isMassOrganisation ? "Đề nghị " : "") + $0.name },
            error: error, problems: problems, errorFields: fields)
    }

    private func knownAgencies(_ unitID: UUID, on db: Database) async throws -> [AgencyReference] {
        try await AgencyDirectory.agencies(ofUnit: unitID, on: db).map {
            AgencyReference(id: $0.id?.uuidString ?? "", name: $0.name, kind: $0.kind)
        }
    }

    /// A new plan of the user's unit, with the year library's theme and slogans and the
    /// committee's letterhead already filled in.
    @Sendable func newForm(req: Request) async throws -> Response {
        let user = try req.currentUser
        guard user.role >= .officer, let unitID = user.unitID, let unit = try await UnitModel.find(unitID, on: req.db)
        else {
            throw Abort(.notFound)
        }
        let today = req.today
        let year: Int = req.query["year"] ?? today.year
        let kind = PlanKind(rawValue: req.query["kind"] ?? "") ?? .actionMonth
        let external = req.query["external"] == "1"
        let naming = UnitNaming(unit.name)
        let theme = try await YearThemeDirectory.theme(year: year, on: req.db)
        var document = PlanDocument(
            kind: kind, issuerName: naming.committeeLetterhead, place: naming.proper,
            issueDate: PartialDate(year: year, month: year == today.year ? today.month : nil),
            title: kind == .actionMonth
                ? "Triển khai Tháng hành động vì trẻ em \(naming.inSentence) năm \(year)"
                : "Thực hiện công tác trẻ em \(naming.inSentence) năm \(year)",
            theme: kind == .actionMonth ? theme?.theme : nil, scope: "Trên địa bàn \(naming.inSentence).",
            recipients: ["Lưu: VT"], signature: Signature(name: ""))
        if kind == .actionMonth {
            // Luật Trẻ em 2016, Điều 11: the Action Month is June.
            document.period = DateRange(
                start: CalendarDay(year: year, month: 6, day: 1)!, end: CalendarDay(year: year, month: 6, day: 30)!)
            if let slogans = theme?.slogans, !slogans.isEmpty {
                document.appendices = [PlanAppendix(title: "Khẩu hiệu tuyên truyền", items: slogans)]
            }
        }
        var form = PlanForm(document)
        if external {
            // Another body's plan: its letterhead, place and signer are the officer's to copy in.
            form.external = "1"
            form.issuer_name = ""
            form.place = ""
            form.title = ""
            form.scope = ""
            form.issue_month = ""
            form.recipients = ""
        }
        return try await req.page(
            "plan_form", title: external ? "plans_new_external" : "plans_new",
            try await formView(req, action: "/plans", isNew: true, form: form, issuerUnitID: external ? nil : unitID))
    }

    @Sendable func create(req: Request) async throws -> Response {
        let user = try req.currentUser
        guard user.role >= .officer, let unitID = user.unitID, let unit = try await UnitModel.find(unitID, on: req.db)
        else {
            throw Abort(.notFound)
        }
        let form = try PlanForm.decode(req)
        do {
            let external = form.external == "1"
            let document = try form.document(
                agencies: external ? [] : try await knownAgencies(unitID, on: req.db), previous: nil)
            let plan = try await PlanDirectory.create(document, issuer: unit, external: external, by: try req.acting)
            return req.redirect(to: "/plans/\(plan.id?.uuidString ?? "")")
        } catch {
            return try await formError(req, error, action: "/plans", isNew: true, form: form, issuerUnitID: unitID)
        }
    }

    private func formError(
        _ req: Request, _ error: Error, action: String, isNew: Bool, form: PlanForm, issuerUnitID: UUID
    ) async throws -> Response {
        let view: FormView
        let status: HTTPResponseStatus
        switch error {
        case let rejected as PlanRejected:
            view = try await formView(
                req, action: action, isNew: isNew, form: form, issuerUnitID: issuerUnitID,
                error: req.text("plans_invalid"), problems: rejected.problems.map { $0.message.text(req.language) },
                fields: rejected.problems.map(\.field))
            status = .unprocessableEntity
        case let failure as UserFacingError:
            view = try await formView(
                req, action: action, isNew: isNew, form: form, issuerUnitID: issuerUnitID,
                error: failure.message.text(req.language), fields: failure.field.map { [$0] } ?? [])
            status = failure.status
        default:
            throw error
        }
        return try await req.page("plan_form", title: isNew ? "plans_new" : "plans_edit", view, status: status)
    }

    @Sendable func editForm(req: Request) async throws -> Response {
        let plan = try await req.requestedPlan()
        try await PlanDirectory.requireEditable(plan, user: try req.currentUser, on: req.db)
        guard plan.status.isEditable else { return req.redirect(to: "/plans/\(plan.id?.uuidString ?? "")") }
        return try await req.page(
            "plan_form", title: "plans_edit",
            try await formView(
                req, action: "/plans/\(plan.id?.uuidString ?? "")/edit", isNew: false,
                form: PlanForm(try plan.document()), issuerUnitID: plan.$issuer.id))
    }

    @Sendable func update(req: Request) async throws -> Response {
        let plan = try await req.requestedPlan()
        let form = try PlanForm.decode(req)
        let action = "/plans/\(plan.id?.uuidString ?? "")/edit"
        do {
            let document = try form.document(
                agencies: try await knownAgencies(plan.$issuer.id, on: req.db), previous: try plan.document())
            try await PlanDirectory.update(plan, with: document, by: try req.acting)
            return req.redirect(to: "/plans/\(plan.id?.uuidString ?? "")")
        } catch {
            return try await formError(
                req, error, action: action, isNew: false, form: form, issuerUnitID: plan.$issuer.id)
        }
    }

    // MARK: the plan page

    struct PreviewBlock: Encodable {
        var kind: String
        var text: String
    }

    struct Link: Encodable {
        var id: String
        var title: String
        var number: String
        var unit: String
        var statusLabel: String
    }

    struct PlanView: Encodable {
        var id: String
        var title: String
        var number: String?
        var status: String
        var statusLabel: String
        var kindLabel: String
        var issuer: String
        var issuerCode: String
        var version: Int
        var canEdit: Bool
        var canIssue: Bool
        var canChangeIssued: Bool
        var canDerive: Bool
        var isExternal: Bool
        var parent: Link?
        var supersedes: Link?
        var derived: [Link]
        var missing: [SelectOption]
        var deriveUnits: [SelectOption]
        var preview: [PreviewBlock]
        var head: [String]
        var foot: [String]
        var issueNumber: String
        var issueDate: String
        var signerName: String
        var error: String?
        var problems: [String]
        /// The reporting round opened from this plan, or whether the user may open one.
        var roundID: String?
        var canOpenRound: Bool
    }

    private func link(_ plan: PlanModel, _ language: Language) -> Link {
        Link(
            id: plan.id?.uuidString ?? "", title: plan.title, number: plan.number ?? "—",
            unit: plan.$issuer.value?.name ?? "", statusLabel: plan.status.label(language))
    }

    private func render(
        _ req: Request, _ plan: PlanModel, error: String? = nil, problems: [String] = [],
        status: HTTPResponseStatus = .ok
    ) async throws -> Response {
        let user = try req.currentUser
        if plan.$issuer.value == nil { try await plan.$issuer.load(on: req.db) }
        let document = try plan.document()
        let canEdit = try await PlanDirectory.canEdit(plan, user: user, on: req.db)
        let cascade = try await PlanDirectory.cascade(of: plan, for: user, on: req.db)
        for derived in cascade.derived where derived.$issuer.value == nil { try await derived.$issuer.load(on: req.db) }
        var supersedes: Link?
        if let previousID = plan.$supersedes.id,
            let previous = try await PlanDirectory.plan(id: previousID, for: user, on: req.db)
        {
            supersedes = link(previous, req.language)
        }
        // Units the user may derive a plan for: below the issuer, in the user's scope, valid now.
        let today = req.today
        var deriveUnits: [SelectOption] = []
        if user.role >= .officer, plan.status == .issued {
            let visible = try await UnitDirectory.visibleUnits(for: user, asOf: today, on: req.db)
            let below = Set(
                try await UnitScopeModel.query(on: req.db).filter(\.$ancestorID == plan.$issuer.id).all().map(
                    \.descendantID))
            deriveUnits = visible.filter {
                // A plan from outside TreEm is implemented by the unit that keeps it.
                plan.isExternal
                    ? $0.id == plan.$issuer.id
                    : below.contains($0.id ?? UUID()) && $0.id != plan.$issuer.id && $0.level != .village
            }
            .sortedVietnamese { $0.name }
            .map { .init(value: $0.code, label: $0.name, selected: $0.id == user.unitID) }
        }
        let round = try await ReportRoundModel.query(on: req.db).filter(\.$plan.$id == plan.requireID()).first()
        let composition = PlanComposition(document)
        let preview: [PreviewBlock] = composition.body.map { block in
            switch block {
            case .heading(let level, let label, let text): PreviewBlock(kind: "h\(level)", text: "\(label) \(text)")
            case .paragraph(let text): PreviewBlock(kind: "p", text: text)
            case .bullet(let text, let depth):
                PreviewBlock(kind: depth > 0 ? "sub" : "li", text: (depth > 0 ? "+ " : "- ") + text)
            case .table(let rows):
                PreviewBlock(kind: "p", text: rows.map { $0.joined(separator: " | ") }.joined(separator: "\n"))
            }
        }
        let view = PlanView(
            id: plan.id?.uuidString ?? "", title: plan.title, number: plan.number, status: plan.status.rawValue,
            statusLabel: plan.status.label(req.language), kindLabel: plan.kind.label(req.language),
            issuer: plan.issuer.name, issuerCode: plan.issuer.code, version: plan.version,
            canEdit: canEdit && plan.status.isEditable, canIssue: canEdit && plan.status == .draft,
            canChangeIssued: canEdit && plan.status == .issued && !plan.isExternal, canDerive: !deriveUnits.isEmpty,
            isExternal: plan.isExternal,
            parent: cascade.parent.map { link($0, req.language) }, supersedes: supersedes,
            derived: cascade.derived.map { link($0, req.language) },
            missing: cascade.missing.map { .init(value: $0.code, label: $0.name, selected: false) },
            deriveUnits: deriveUnits, preview: preview,
            head: (composition.superiorName.map { [$0] } ?? []) + composition.issuerLines + [
                composition.numberLine, composition.placeAndDate,
            ],
            foot: composition.recipients + [""] + composition.signatureLines + [composition.signerName],
            issueNumber: document.number ?? "", issueDate: document.issueDate.calendarDay?.iso ?? today.iso,
            signerName: document.signature?.name ?? "", error: error, problems: problems,
            roundID: round?.id?.uuidString,
            canOpenRound: round == nil && plan.status == .issued && !plan.isExternal && user.role >= .officer
                && user.unitID == plan.$issuer.id)
        return try await req.page("plan", title: plan.title, view, status: status)
    }

    @Sendable func show(req: Request) async throws -> Response {
        try await render(req, try await req.requestedPlan())
    }

    struct IssueForm: Content {
        var number: String?
        var issue_date: String?
        var signer_name: String?
    }

    @Sendable func issue(req: Request) async throws -> Response {
        let plan = try await req.requestedPlan()
        let form = try req.content.decode(IssueForm.self)
        do {
            var day: CalendarDay?
            if let text = form.issue_date.map(VietnameseText.clean), !text.isEmpty {
                guard let value = CalendarDay(iso: text) else {
                    throw UserFacingError(
                        .badRequest,
                        Bilingual(vi: "Ngày ban hành \"\(text)\" không hợp lệ.", en: "Date \"\(text)\" is not valid."),
                        field: "issue_date")
                }
                day = value
            }
            try await PlanDirectory.issue(
                plan, .init(number: form.number, issueDate: day, signerName: form.signer_name), by: try req.acting)
            return req.redirect(to: "/plans/\(plan.id?.uuidString ?? "")")
        } catch let rejected as PlanRejected {
            return try await render(
                req, plan, error: req.text("plans_cannot_issue"),
                problems: rejected.problems.map { $0.message.text(req.language) }, status: .unprocessableEntity)
        } catch let failure as UserFacingError {
            return try await render(req, plan, error: failure.message.text(req.language), status: failure.status)
        }
    }

    struct DeriveForm: Content {
        var unit: String
        var lead_days: String?
    }

    @Sendable func derive(req: Request) async throws -> Response {
        let user = try req.currentUser
        let plan = try await req.requestedPlan()
        let form = try req.content.decode(DeriveForm.self)
        let today = req.today
        do {
            guard let unit = try await UnitDirectory.unit(code: form.unit, asOf: today, for: user, on: req.db) else {
                throw UserFacingError(
                    .badRequest, Bilingual(vi: "Không tìm thấy đơn vị đã chọn.", en: "The chosen unit was not found."),
                    field: "unit")
            }
            let leadText = VietnameseText.clean(form.lead_days ?? "")
            guard let lead = leadText.isEmpty ? PlanCascade.defaultLeadDays : Int(leadText) else {
                throw UserFacingError(
                    .badRequest,
                    Bilingual(
                        vi: "Số ngày \"\(leadText)\" không hợp lệ.", en: "\"\(leadText)\" is not a number of days."),
                    field: "lead_days")
            }
            let derived = try await PlanDirectory.derive(plan, for: unit, leadDays: lead, by: try req.acting)
            return req.redirect(to: "/plans/\(derived.id?.uuidString ?? "")")
        } catch let failure as UserFacingError {
            return try await render(req, plan, error: failure.message.text(req.language), status: failure.status)
        }
    }

    @Sendable func supersede(req: Request) async throws -> Response {
        let draft = try await PlanDirectory.supersede(try await req.requestedPlan(), by: try req.acting)
        return req.redirect(to: "/plans/\(draft.id?.uuidString ?? "")/edit")
    }

    @Sendable func withdraw(req: Request) async throws -> Response {
        let plan = try await req.requestedPlan()
        try await PlanDirectory.withdraw(plan, by: try req.acting)
        return req.redirect(to: "/plans/\(plan.id?.uuidString ?? "")")
    }

    @Sendable func printView(req: Request) async throws -> Response {
        let plan = try await req.requestedPlan()
        var headers = HTTPHeaders()
        headers.contentType = .html
        return Response(status: .ok, headers: headers, body: .init(string: PlanHTML.render(try plan.document())))
    }

    @Sendable func download(req: Request) async throws -> Response {
        let document = try await PlanDirectory.document(
            try await req.requestedPlan(), format: req.query["format"], req.auditStamp, on: req.db)
        return .download(
            document.bytes, contentType: document.contentType, fileName: document.fileName, inline: document.inline)
    }

    // MARK: year library

    struct ThemesView: Encodable {
        var themes: [YearTheme]
        var canEdit: Bool
        var nextYear: Int
        var error: String?
    }

    @Sendable func yearThemes(req: Request) async throws -> Response {
        try await renderThemes(req, error: nil)
    }

    private func renderThemes(_ req: Request, error: UserFacingError?) async throws -> Response {
        let themes = try await YearThemeModel.query(on: req.db).sort(\.$year, .descending).all().map(\.value)
        return try await req.page(
            "year_themes", title: "themes_title",
            ThemesView(
                themes: themes, canEdit: try req.currentUser.seesEverything,
                nextYear: (themes.map(\.year).max() ?? 2026) + 1,
                error: error?.message.text(req.language)), status: error?.status ?? .ok)
    }

    struct ThemeForm: Content {
        var year: String
        var theme: String
        var slogans: String?
    }

    @Sendable func saveYearTheme(req: Request) async throws -> Response {
        guard try req.currentUser.seesEverything else { throw Abort(.notFound) }
        let form = try req.content.decode(ThemeForm.self)
        do {
            guard let year = Int(VietnameseText.clean(form.year)), (2000...2100).contains(year) else {
                throw UserFacingError(
                    .badRequest,
                    Bilingual(vi: "Năm \"\(form.year)\" không hợp lệ.", en: "Year \"\(form.year)\" is not valid."),
                    field: "year")
            }
            _ = try await YearThemeDirectory.save(
                YearTheme(year: year, theme: form.theme, slogans: PlanText.lines(form.slogans ?? "")),
                by: try req.acting)
            return req.redirect(to: "/year-themes")
        } catch let failure as UserFacingError {
            return try await renderThemes(req, error: failure)
        }
    }
}
