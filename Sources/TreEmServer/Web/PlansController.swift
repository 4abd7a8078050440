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
        /// A system administrator (no unit) is told who writes plans instead of seeing no button.
        var explainWriters: Bool
        var years: [Int]
    }

    static func row(_ plan: PlanModel, language: Language) -> Row {
        Row(
            id: plan.id?.uuidString ?? "", year: plan.year, number: plan.number ?? "—", title: plan.title,
            issuer: plan.$issuer.value?.name ?? "", status: plan.status.rawValue,
            statusLabel: plan.status.label(language),
            kindLabel: plan.kind.label(language))
    }

    @Sendable func list(req: Request) async throws -> Response {
        let user = try req.currentUser
        let plans = try await PlanDirectory.visiblePlans(for: user, on: req.db)
        let rows = plans.map { Self.row($0, language: req.language) }
        let year = req.today.year
        return try await req.page(
            "plans", title: "plans_title",
            ListView(
                rows: rows, canWrite: user.role >= .officer && user.unitID != nil,
                explainWriters: user.role.isAdministrator && user.unitID == nil, years: [year, year + 1]))
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
        /// Copied tasks marked for the officer to check (a date or level word of the plan above).
        var reviewNotes: [String]
    }

    func formView(
        _ req: Request, action: String, isNew: Bool, form: PlanForm, issuerUnitID: UUID?,
        error: String? = nil, problems: [String] = [], fields: [String] = [], reviewNotes: [String] = []
    ) async throws -> FormView {
        let agencies =
            try await issuerUnitID.asyncMap { try await AgencyDirectory.agencies(ofUnit: $0, on: req.db, now: req.now) }
            ?? []
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
            error: error, problems: problems, errorFields: fields, reviewNotes: reviewNotes)
    }

    private func knownAgencies(_ unitID: UUID, on db: Database, now: Date) async throws -> [AgencyReference] {
        try await AgencyDirectory.agencies(ofUnit: unitID, on: db, now: now).map {
            AgencyReference(id: $0.id?.uuidString ?? "", name: $0.name, kind: $0.kind)
        }
    }

    /// A new plan of the user's unit, with the year library's theme and slogans and the
    /// committee's letterhead already filled in.
    @Sendable func newForm(req: Request) async throws -> Response {
        let user = try req.currentUser
        guard user.role >= .officer, let unitID = user.unitID, let unit = try await UnitModel.find(unitID, on: req.db)
        else {
            return try await req.plansAreWrittenByOfficers()
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
                agencies: external ? [] : try await knownAgencies(unitID, on: req.db, now: req.now), previous: nil)
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
                form: PlanForm(try plan.document()), issuerUnitID: plan.$issuer.id,
                reviewNotes: PlanForm.reviewNotes(try plan.document())))
    }

    @Sendable func update(req: Request) async throws -> Response {
        let plan = try await req.requestedPlan()
        let form = try PlanForm.decode(req)
        let action = "/plans/\(plan.id?.uuidString ?? "")/edit"
        do {
            let document = try form.document(
                agencies: try await knownAgencies(plan.$issuer.id, on: req.db, now: req.now),
                previous: try plan.document())
            try await PlanDirectory.update(plan, with: document, by: try req.acting)
            return req.redirect(to: "/plans/\(plan.id?.uuidString ?? "")")
        } catch {
            return try await formError(
                req, error, action: action, isNew: false, form: form, issuerUnitID: plan.$issuer.id)
        }
    }
}

extension Request {
    /// What a user who cannot write plans (a system administrator has no unit) sees on the
    /// plan-writing pages: who writes them and how to add such a person, rather than a 404.
    func plansAreWrittenByOfficers() async throws -> Response {
        struct View: Encodable { var canAddUser: Bool }
        return try await page(
            "plans_by_officers", title: "plans_by_officers_title",
            View(canAddUser: try currentUser.role.isAdministrator))
    }
}
