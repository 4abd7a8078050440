import Foundation
import TreEmCore
import Vapor

/// The plan edit form: every part of a plan as text fields in the shape officers write them.
struct PlanForm: Content {
    var kind: String = PlanKind.actionMonth.rawValue
    /// "1" for a plan of another body, kept to derive from (its number is then part of the form).
    var external: String = ""
    var number: String = ""
    var superior_name: String = ""
    var issuer_name: String = ""
    var place: String = ""
    var issue_day: String = ""
    var issue_month: String = ""
    var issue_year: String = ""
    var title: String = ""
    var bases: String = ""
    var preamble: String = ""
    var purposes: String = ""
    var requirements: String = ""
    var targets: String = ""
    var theme: String = ""
    var period_start: String = ""
    var period_end: String = ""
    var scope: String = ""
    var sections: String = ""
    var funding_budget: String = ""
    var funding_mobilized: String = ""
    var assignments: String = ""
    var reporting_deadline: String = ""
    var reporting_to: String = ""
    var reporting_via: String = ""
    /// Where the unit's own results go next ("UBND thành phố Hải Phòng (qua Sở Y tế)").
    var reporting_forward: String = ""
    var reporting_text: String = ""
    /// "on" when the officer has checked the tasks copied from the plan above that were marked.
    var tasks_checked: String = ""
    var closing: String = ""
    var recipients: String = ""
    var signature_on_behalf_of: String = ""
    var signature_authority: String = SigningAuthority.deputy.rawValue
    var signature_head: String = ""
    var signature_position: String = ""
    var signature_name: String = ""
    var appendix_title: String = ""
    var appendix_items: String = ""

    init() {}

    /// The form from posted fields; a field the browser left out counts as empty.
    static func decode(_ req: Request) throws -> PlanForm {
        let posted = try req.content.decode([String: String].self)
        var fields = try JSONDecoder().decode([String: String].self, from: JSONEncoder().encode(PlanForm()))
        for key in fields.keys { if let value = posted[key] { fields[key] = value } }
        return try JSONDecoder().decode(PlanForm.self, from: JSONEncoder().encode(fields))
    }

    init(_ plan: PlanDocument) {
        kind = plan.kind.rawValue
        number = plan.number ?? ""
        superior_name = plan.superiorName ?? ""
        issuer_name = plan.issuerName
        place = plan.place
        issue_day = plan.issueDate.day.map(String.init) ?? ""
        issue_month = plan.issueDate.month.map(String.init) ?? ""
        issue_year = String(plan.issueDate.year)
        title = plan.title
        bases = plan.bases.map(\.text).joined(separator: "\n")
        preamble = plan.preamble ?? ""
        purposes = plan.purposes.joined(separator: "\n")
        requirements = plan.requirements.joined(separator: "\n")
        targets = plan.targets.map(\.text).joined(separator: "\n")
        theme = plan.theme ?? ""
        period_start = plan.period?.start.iso ?? ""
        period_end = plan.period?.end.iso ?? ""
        scope = plan.scope ?? ""
        sections = PlanOutline.write(plan.sections)
        funding_budget = PlanText.writeFunding(plan.funding, source: .stateBudget)
        funding_mobilized = PlanText.writeFunding(plan.funding, source: .mobilized)
        assignments = PlanText.writeAssignments(plan.assignments)
        reporting_deadline = plan.reporting?.deadline.iso ?? ""
        reporting_to = plan.reporting?.reportTo ?? ""
        reporting_via = plan.reporting?.via ?? ""
        reporting_forward = plan.reporting?.forwardTo ?? ""
        reporting_text = plan.reporting?.text ?? ""
        closing = plan.closing ?? ""
        recipients = plan.recipients.joined(separator: "\n")
        signature_on_behalf_of = plan.signature?.onBehalfOf ?? ""
        signature_authority = plan.signature?.authority.rawValue ?? SigningAuthority.deputy.rawValue
        signature_head = plan.signature?.headTitle ?? ""
        signature_position = plan.signature?.position ?? ""
        signature_name = plan.signature?.name ?? ""
        appendix_title = plan.appendices.first?.title ?? ""
        appendix_items = plan.appendices.first?.items.joined(separator: "\n") ?? ""
    }

    /// The plan the form describes. `previous` keeps what the form does not show (task ids and
    /// their links to parent tasks, basis links, further appendices).
    func document(agencies: [AgencyReference], previous: PlanDocument?) throws -> PlanDocument {
        func day(_ text: String, field: String, label: Bilingual) throws -> CalendarDay? {
            let clean = VietnameseText.clean(text)
            guard !clean.isEmpty else { return nil }
            guard let value = CalendarDay(iso: clean) else {
                throw UserFacingError(
                    .badRequest,
                    Bilingual(
                        vi: "\(label.vi): ngày \"\(clean)\" không hợp lệ.",
                        en: "\(label.en): \"\(clean)\" is not a date."), field: field)
            }
            return value
        }
        func integer(_ text: String, field: String, range: ClosedRange<Int>, label: Bilingual) throws -> Int? {
            let clean = VietnameseText.clean(text)
            guard !clean.isEmpty else { return nil }
            guard let value = Int(clean), range.contains(value) else {
                throw UserFacingError(
                    .badRequest,
                    Bilingual(
                        vi: "\(label.vi) \"\(clean)\" không hợp lệ.", en: "\(label.en) \"\(clean)\" is not valid."),
                    field: field)
            }
            return value
        }
        func optional(_ text: String) -> String? {
            let clean = VietnameseText.clean(text)
            return clean.isEmpty ? nil : clean
        }
        guard let kind = PlanKind(rawValue: kind) else {
            throw UserFacingError(
                .badRequest, Bilingual(vi: "Loại kế hoạch không hợp lệ.", en: "The plan kind is not valid."),
                field: "kind")
        }
        guard
            let year = try integer(
                issue_year, field: "issue_year", range: 2000...2100,
                label: Bilingual(vi: "Năm ban hành", en: "Year of issue"))
        else {
            throw UserFacingError(
                .badRequest, Bilingual(vi: "Cần năm ban hành.", en: "The year of issue is required."),
                field: "issue_year")
        }
        let start = try day(
            period_start, field: "period_start", label: Bilingual(vi: "Thời gian bắt đầu", en: "Period start"))
        let end = try day(period_end, field: "period_end", label: Bilingual(vi: "Thời gian kết thúc", en: "Period end"))
        if (start == nil) != (end == nil) {
            throw UserFacingError(
                .badRequest,
                Bilingual(vi: "Cần cả ngày bắt đầu và ngày kết thúc.", en: "Both period dates are needed."),
                field: "period_end")
        }
        let deadline = try day(
            reporting_deadline, field: "reporting_deadline", label: Bilingual(vi: "Hạn báo cáo", en: "Report deadline"))
        if deadline != nil, optional(reporting_to) == nil {
            throw UserFacingError(
                .badRequest, Bilingual(vi: "Cần ghi nơi nhận báo cáo.", en: "Say to whom the report goes."),
                field: "reporting_to")
        }
        let previousBases = previous?.bases ?? []
        var appendices = Array(previous?.appendices.dropFirst() ?? [])
        if let title = optional(appendix_title) {
            appendices.insert(PlanAppendix(title: title, items: PlanText.lines(appendix_items)), at: 0)
        }
        var signature: Signature?
        if optional(signature_position) != nil || optional(signature_name) != nil {
            signature = Signature(
                onBehalfOf: optional(signature_on_behalf_of),
                authority: SigningAuthority(rawValue: signature_authority) ?? .deputy,
                headTitle: optional(signature_head), position: VietnameseText.clean(signature_position),
                name: VietnameseText.clean(signature_name))
        }
        return PlanDocument(
            kind: kind, superiorName: optional(superior_name),
            issuerName: issuer_name.split(whereSeparator: \.isNewline).map { VietnameseText.clean(String($0)) }.filter {
                !$0.isEmpty
            }.joined(separator: "\n"),
            number: external == "1" ? optional(self.number) : previous?.number, place: VietnameseText.clean(place),
            issueDate: PartialDate(
                year: year,
                month: try integer(
                    issue_month, field: "issue_month", range: 1...12, label: Bilingual(vi: "Tháng", en: "Month")),
                day: try integer(issue_day, field: "issue_day", range: 1...31, label: Bilingual(vi: "Ngày", en: "Day"))),
            title: VietnameseText.clean(title),
            bases: PlanText.lines(bases).map { text in
                PlanBasis(text: text, planID: previousBases.first { $0.text == text }?.planID)
            },
            preamble: optional(preamble),
            purposes: PlanText.lines(purposes), requirements: PlanText.lines(requirements),
            targets: PlanText.lines(targets).map(PlanTarget.parsing),
            theme: optional(theme), period: start.flatMap { s in end.map { DateRange(start: s, end: $0) } },
            scope: optional(scope),
            sections: PlanOutline.read(sections),
            funding: PlanText.readFunding(funding_budget, source: .stateBudget)
                + PlanText.readFunding(funding_mobilized, source: .mobilized),
            assignments: checkedAssignments(
                PlanText.readAssignments(assignments, agencies: agencies, previous: previous?.assignments ?? [])),
            reporting: deadline.map {
                ReportingRequirement(
                    deadline: $0, reportTo: VietnameseText.clean(reporting_to),
                    via: optional(reporting_via), text: optional(reporting_text),
                    forwardTo: optional(reporting_forward))
            },
            closing: optional(closing), recipients: PlanText.lines(recipients), signature: signature,
            appendices: appendices)
    }

    /// A derived plan's copied tasks may carry a note on what to check (a date or level word of
    /// the plan above); once the officer says they checked them, the notes go.
    private func checkedAssignments(_ assignments: [PlanAssignment]) -> [PlanAssignment] {
        guard tasks_checked == "on" else { return assignments }
        return assignments.map { assignment in
            var checked = assignment
            for index in checked.tasks.indices { checked.tasks[index].reviewNote = nil }
            return checked
        }
    }

    /// The notes on copied tasks still to check, each with the start of its task.
    static func reviewNotes(_ plan: PlanDocument) -> [String] {
        plan.assignments.flatMap { assignment in
            assignment.tasks.compactMap { task in
                task.reviewNote.map {
                    "\(assignment.agencyName): “\(VietnameseText.shortened(task.text, to: 80))” — \($0)"
                }
            }
        }
    }
}
