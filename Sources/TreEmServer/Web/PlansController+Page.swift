import Fluent
import TreEmCore
import Vapor

/// The plan page and what is done from it: issue, derive, supersede, withdraw, print, download.
extension PlansController {
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
        /// The letterhead as the print view and the DOCX lay it out: committee and number on the
        /// left, the national name, motto, place and date on the right.
        var headLeft: [String]
        var numberLine: String
        var nationalName: String
        var motto: String
        var placeAndDate: String
        /// "Nơi nhận:" and its lines on the left, the signature on the right.
        var recipients: [String]
        var signature: [String]
        var reviewNotes: [String]
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
            let below = try await UnitDirectory.unitIDs(below: plan.$issuer.id, on: req.db)
            deriveUnits = visible.filter {
                // A plan from outside TreEm is implemented by the unit that keeps it.
                plan.isExternal
                    ? $0.id == plan.$issuer.id
                    : below.contains($0.id ?? UUID()) && $0.id != plan.$issuer.id && $0.level != .village
            }
            .sortedVietnamese { $0.name }
            .map { .init(value: $0.code, label: $0.name, selected: $0.id == user.unitID) }
        }
        let round = try await ReportRounds.round(of: plan, on: req.db)
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
            headLeft: (composition.superiorName.map { [$0] } ?? []) + composition.issuerLines,
            numberLine: composition.numberLine, nationalName: PlanComposition.nationalName,
            motto: PlanComposition.motto, placeAndDate: composition.placeAndDate,
            recipients: composition.recipients, signature: composition.signatureLines + [composition.signerName],
            reviewNotes: plan.status.isEditable ? PlanForm.reviewNotes(document) : [],
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
}
