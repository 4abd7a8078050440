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
            problems.append(PlanProblem(field: "title", message: Bilingual(vi: "Thiếu trích yếu (tên kế hoạch).", en: "The title is missing.")))
        }
        if VietnameseText.clean(plan.issuerName).isEmpty {
            problems.append(PlanProblem(field: "issuerName", message: Bilingual(vi: "Thiếu tên cơ quan ban hành.", en: "The issuing body is missing.")))
        }
        if let period = plan.period, period.end < period.start {
            problems.append(PlanProblem(field: "period", message: Bilingual(
                vi: "Thời gian thực hiện kết thúc (\(period.end.vietnameseShort)) trước khi bắt đầu (\(period.start.vietnameseShort)).",
                en: "The period ends (\(period.end.iso)) before it starts (\(period.start.iso)).")))
        }
        if let reporting = plan.reporting, let period = plan.period, reporting.deadline < period.start {
            problems.append(PlanProblem(field: "reporting.deadline", message: Bilingual(
                vi: "Hạn báo cáo \(reporting.deadline.vietnameseShort) trước khi bắt đầu thực hiện (\(period.start.vietnameseShort)).",
                en: "The report deadline \(reporting.deadline.iso) is before the period starts (\(period.start.iso)).")))
        }
        if let month = plan.issueDate.month, !(1...12).contains(month) {
            problems.append(PlanProblem(field: "issueDate", message: Bilingual(vi: "Tháng ban hành \(month) không hợp lệ.", en: "Month \(month) is not valid.")))
        } else if plan.issueDate.day != nil, plan.issueDate.calendarDay == nil {
            problems.append(PlanProblem(field: "issueDate", message: Bilingual(vi: "Ngày ban hành không có thật.", en: "The date of issue does not exist.")))
        }
        for (index, assignment) in plan.assignments.enumerated() {
            // Mass organisations are not under the committee's command: it may only request.
            if assignment.mode == .assign, assignment.agencyKind?.isMassOrganisation == true {
                problems.append(PlanProblem(field: "assignments[\(index)].mode", message: Bilingual(
                    vi: "\(assignment.agencyName) là tổ chức chính trị - xã hội: chỉ được \"đề nghị\", không được \"giao\" nhiệm vụ.",
                    en: "\(assignment.agencyName) is a mass organisation: its tasks can only be requested, not assigned.")))
            }
            if VietnameseText.clean(assignment.agencyName).isEmpty {
                problems.append(PlanProblem(field: "assignments[\(index)].agencyName", message: Bilingual(
                    vi: "Nhiệm vụ thứ \(index + 1) chưa ghi cơ quan thực hiện.", en: "Assignment \(index + 1) names no agency.")))
            }
        }
        return problems
    }

    /// Problems that keep a plan from being issued: a number, a full date and a signer are required.
    public static func issueProblems(_ plan: PlanDocument) -> [PlanProblem] {
        var problems = draftProblems(plan)
        let number = VietnameseText.clean(plan.number ?? "")
        if number.isEmpty {
            problems.append(PlanProblem(field: "number", message: Bilingual(vi: "Cần số và ký hiệu văn bản (ví dụ 94/KH-UBND) để ban hành.",
                                                                       en: "A number (e.g. 94/KH-UBND) is required to issue.")))
        } else if number.firstMatch(of: /^\d+\/KH-[\p{L}\d.&-]+$/) == nil {
            problems.append(PlanProblem(field: "number", message: Bilingual(
                vi: "Số \"\(number)\" không đúng dạng số/KH-cơ quan (ví dụ 94/KH-UBND).",
                en: "Number \"\(number)\" is not of the form N/KH-BODY (e.g. 94/KH-UBND).")))
        }
        if plan.issueDate.calendarDay == nil {
            problems.append(PlanProblem(field: "issueDate", message: Bilingual(vi: "Cần đủ ngày, tháng, năm ban hành.",
                                                                          en: "A full date of issue is required.")))
        }
        if VietnameseText.clean(plan.signature?.name ?? "").isEmpty {
            problems.append(PlanProblem(field: "signature.name", message: Bilingual(vi: "Cần người ký để ban hành.",
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
