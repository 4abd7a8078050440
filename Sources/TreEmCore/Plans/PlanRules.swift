/// What makes a plan acceptable, and what issuing it requires. Each problem names the field,
/// so a form can put the message next to it.
public struct PlanProblem: Hashable, Sendable, Error {
    public var field: String
    public var message: Bilingual

    public init(field: String, message: Bilingual) {
        self.field = field
        self.message = message
    }
}

public struct PlanRejected: Error, Sendable {
    public var problems: [PlanProblem]

    public init(problems: [PlanProblem]) {
        self.problems = problems
    }

    public func text(_ language: Language) -> String {
        problems.map { $0.message.text(language) }.joined(separator: " ")
    }
}

public enum PlanRules {
    /// Problems that make a plan wrong even as a draft.
    public static func draftProblems(_ plan: PlanDocument) -> [PlanProblem] {
        var problems: [PlanProblem] = []
        if VietnameseText.clean(plan.title).isEmpty {
            problems.append(
                PlanProblem(
                    field: "title",
                    message: Bilingual(vi: "Thiếu trích yếu (tên kế hoạch).", en: "The title is missing.")))
        }
        if VietnameseText.clean(plan.issuerName).isEmpty {
            problems.append(
                PlanProblem(
                    field: "issuerName",
                    message: Bilingual(vi: "Thiếu tên cơ quan ban hành.", en: "The issuing body is missing.")))
        }
        if let period = plan.period, period.end < period.start {
            problems.append(
                PlanProblem(
                    field: "period",
                    message: Bilingual(
                        vi:
                            "Thời gian thực hiện kết thúc (\(period.end.vietnameseShort)) trước khi bắt đầu (\(period.start.vietnameseShort)).",
                        en: "The period ends (\(period.end.iso)) before it starts (\(period.start.iso)).")))
        }
        if let reporting = plan.reporting, let period = plan.period, reporting.deadline < period.start {
            problems.append(
                PlanProblem(
                    field: "reporting.deadline",
                    message: Bilingual(
                        vi:
                            "Hạn báo cáo \(reporting.deadline.vietnameseShort) trước khi bắt đầu thực hiện (\(period.start.vietnameseShort)).",
                        en:
                            "The report deadline \(reporting.deadline.iso) is before the period starts (\(period.start.iso))."
                    )))
        }
        if let month = plan.issueDate.month, !(1...12).contains(month) {
            problems.append(
                PlanProblem(
                    field: "issueDate",
                    message: Bilingual(vi: "Tháng ban hành \(month) không hợp lệ.", en: "Month \(month) is not valid."))
            )
        } else if plan.issueDate.day != nil, plan.issueDate.calendarDay == nil {
            problems.append(
                PlanProblem(
                    field: "issueDate",
                    message: Bilingual(vi: "Ngày ban hành không có thật.", en: "The date of issue does not exist.")))
        }
        for (index, assignment) in plan.assignments.enumerated() {
            // Mass organisations are not under the committee's command: it may only request.
            if assignment.mode == .assign, assignment.agencyKind?.isMassOrganisation == true {
                problems.append(
                    PlanProblem(
                        field: "assignments[\(index)].mode",
                        message: Bilingual(
                            vi:
                                "\(assignment.agencyName) là tổ chức chính trị - xã hội: chỉ được \"đề nghị\", không được \"giao\" nhiệm vụ.",
                            en:
                                "\(assignment.agencyName) is a mass organisation: its tasks can only be requested, not assigned."
                        )))
            }
            if VietnameseText.clean(assignment.agencyName).isEmpty {
                problems.append(
                    PlanProblem(
                        field: "assignments[\(index)].agencyName",
                        message: Bilingual(
                            vi: "Nhiệm vụ thứ \(index + 1) chưa ghi cơ quan thực hiện.",
                            en: "Assignment \(index + 1) names no agency.")))
            }
        }
        problems += lengthProblems(plan)
        return problems
    }

    /// Every text of the plan within its `TextLimit`, each problem naming the field.
    static func lengthProblems(_ plan: PlanDocument) -> [PlanProblem] {
        var checks: [(field: String, label: Bilingual, text: String, limit: TextLimit)] = [
            ("title", Bilingual(vi: "Trích yếu", en: "Title"), plan.title, .line),
            ("issuerName", Bilingual(vi: "Cơ quan ban hành", en: "Issuing body"), plan.issuerName, .name),
            ("number", Bilingual(vi: "Số, ký hiệu", en: "Number"), plan.number ?? "", .name),
            ("place", Bilingual(vi: "Địa danh", en: "Place"), plan.place, .name),
            ("theme", Bilingual(vi: "Chủ đề", en: "Theme"), plan.theme ?? "", .line),
            ("scope", Bilingual(vi: "Phạm vi", en: "Scope"), plan.scope ?? "", .comment),
            ("preamble", Bilingual(vi: "Mở đầu", en: "Preamble"), plan.preamble ?? "", .comment),
        ]
        for (index, basis) in plan.bases.enumerated() {
            checks.append(
                (
                    "bases[\(index)]", Bilingual(vi: "Căn cứ \(index + 1)", en: "Basis \(index + 1)"), basis.text,
                    .comment
                ))
        }
        for (index, text) in plan.purposes.enumerated() {
            checks.append(
                (
                    "purposes[\(index)]", Bilingual(vi: "Mục đích \(index + 1)", en: "Purpose \(index + 1)"), text,
                    .comment
                ))
        }
        for (index, text) in plan.requirements.enumerated() {
            checks.append(
                (
                    "requirements[\(index)]", Bilingual(vi: "Yêu cầu \(index + 1)", en: "Requirement \(index + 1)"),
                    text, .comment
                ))
        }
        for (index, target) in plan.targets.enumerated() {
            checks.append(
                (
                    "targets[\(index)]", Bilingual(vi: "Chỉ tiêu \(index + 1)", en: "Target \(index + 1)"), target.text,
                    .comment
                ))
        }
        for (index, assignment) in plan.assignments.enumerated() {
            checks.append(
                (
                    "assignments[\(index)].agencyName",
                    Bilingual(vi: "Cơ quan thực hiện \(index + 1)", en: "Agency \(index + 1)"),
                    assignment.agencyName, .name
                ))
            for (taskIndex, task) in assignment.tasks.enumerated() {
                checks.append(
                    (
                        "assignments[\(index)].tasks[\(taskIndex)]",
                        Bilingual(
                            vi: "Nhiệm vụ \(taskIndex + 1) của \(assignment.agencyName.prefix(80))",
                            en: "Task \(taskIndex + 1) of \(assignment.agencyName.prefix(80))"), task.text, .comment
                    ))
            }
        }
        return checks.compactMap { check in
            check.limit.problem(check.text, field: check.label).map { PlanProblem(field: check.field, message: $0) }
        }
    }

    /// Problems that keep a plan from being issued: a number, a full date and a signer are required.
    public static func issueProblems(_ plan: PlanDocument) -> [PlanProblem] {
        var problems = draftProblems(plan)
        let number = VietnameseText.clean(plan.number ?? "")
        if number.isEmpty {
            problems.append(
                PlanProblem(
                    field: "number",
                    message: Bilingual(
                        vi: "Cần số và ký hiệu văn bản (ví dụ 94/KH-UBND) để ban hành.",
                        en: "A number (e.g. 94/KH-UBND) is required to issue.")))
        } else if number.firstMatch(of: /^\d+\/KH-[\p{L}\d.&-]+$/) == nil {
            problems.append(
                PlanProblem(
                    field: "number",
                    message: Bilingual(
                        vi: "Số \"\(number)\" không đúng dạng số/KH-cơ quan (ví dụ 94/KH-UBND).",
                        en: "Number \"\(number)\" is not of the form N/KH-BODY (e.g. 94/KH-UBND).")))
        }
        if plan.issueDate.calendarDay == nil {
            problems.append(
                PlanProblem(
                    field: "issueDate",
                    message: Bilingual(
                        vi: "Cần đủ ngày, tháng, năm ban hành.",
                        en: "A full date of issue is required.")))
        }
        if VietnameseText.clean(plan.signature?.name ?? "").isEmpty {
            problems.append(
                PlanProblem(
                    field: "signature.name",
                    message: Bilingual(
                        vi: "Cần người ký để ban hành.",
                        en: "A signer is required to issue.")))
        }
        return problems
    }
}

/// Trạng thái: draft → issued → superseded or withdrawn. An issued plan never changes; a
/// correction is a new version that supersedes it.
public enum PlanStatus: String, CaseIterable, Codable, Sendable {
    case draft
    case issued
    case superseded
    case withdrawn

    public var isEditable: Bool { self == .draft }
    /// Whether units below the issuer may read it.
    public var isPublishedDownward: Bool { self != .draft }

    public func label(_ language: Language) -> String {
        switch (self, language) {
        case (.draft, .vi): "Dự thảo"
        case (.issued, .vi): "Đã ban hành"
        case (.superseded, .vi): "Đã được thay thế"
        case (.withdrawn, .vi): "Đã thu hồi"
        case (.draft, .en): "Draft"
        case (.issued, .en): "Issued"
        case (.superseded, .en): "Superseded"
        case (.withdrawn, .en): "Withdrawn"
        }
    }
}
