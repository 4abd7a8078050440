import Foundation

/// Where a unit's report stands in its round.
public enum ReportStatus: String, Codable, Sendable, CaseIterable {
    /// Đang soạn: expected, perhaps partly filled.
    case draft
    /// Đã gửi: waiting for the level above.
    case submitted
    /// Bị trả lại: the level above asked for corrections.
    case returned
    /// Đã duyệt: the figures are locked.
    case approved

    /// Submitted figures count in the totals at once ("so far"); drafts and returned reports do not.
    public var isCounted: Bool { self == .submitted || self == .approved }
    public var isEditable: Bool { self == .draft || self == .returned }

    public var label: Bilingual {
        switch self {
        case .draft: Bilingual(vi: "Đang soạn", en: "Draft")
        case .submitted: Bilingual(vi: "Đã gửi, chờ duyệt", en: "Submitted")
        case .returned: Bilingual(vi: "Bị trả lại", en: "Returned")
        case .approved: Bilingual(vi: "Đã duyệt", en: "Approved")
        }
    }
}

/// On time, late, or still awaited.
public enum ReportTimeliness: String, Codable, Sendable {
    case onTime, late, pending, overdue

    public var label: Bilingual {
        switch self {
        case .onTime: Bilingual(vi: "Đúng hạn", en: "On time")
        case .late: Bilingual(vi: "Nộp muộn", en: "Late")
        case .pending: Bilingual(vi: "Chưa nộp", en: "Not yet submitted")
        case .overdue: Bilingual(vi: "Quá hạn, chưa nộp", en: "Overdue, missing")
        }
    }
}

public enum ReportRules {
    /// A deadline is a day in Vietnam (UTC+7, no summer time): a report sent at 23:59 on that
    /// day is on time, one sent at 00:00 the next day is late. Plans write "trước ngày 10/7" and
    /// officers read it as "by 10/7"; TreEm keeps the day they see.
    public static func timeliness(deadline: CalendarDay?, submittedAt: Date?, now: Date) -> ReportTimeliness {
        if let submittedAt {
            guard let deadline else { return .onTime }
            return CalendarDay(vietnamTimeOf: submittedAt) <= deadline ? .onTime : .late
        }
        guard let deadline else { return .pending }
        return CalendarDay(vietnamTimeOf: now) > deadline ? .overdue : .pending
    }

    /// The timeliness of a report in `status`: only a report that stands sent (submitted or
    /// approved) has been sent; a returned one is awaited again.
    public static func timeliness(
        status: ReportStatus, deadline: CalendarDay?, submittedAt: Date?, now: Date
    ) -> ReportTimeliness {
        timeliness(deadline: deadline, submittedAt: status.isCounted ? submittedAt : nil, now: now)
    }

    /// The deadline of a unit `depth` levels below the round's root when its own level's plan
    /// sets none: each level reports ten days before the one above it, as Thông tư
    /// 28/2019/TT-BLĐTBXH, Điều 5 spaces them (commune 10/7, district 20/7, province 31/7).
    public static func deadline(rootDeadline: CalendarDay, depth: Int) -> CalendarDay {
        rootDeadline.adding(days: -10 * max(0, depth - 1))
    }

    /// Thông tư 28/2019/TT-BLĐTBXH, Điều 5, when a plan states no date: to a district before 10/7,
    /// to a province before 20/7 (communes report to the province straight since July 2025).
    public static func actionMonthDeadline(year: Int, reportingTo level: AdministrativeLevel) -> CalendarDay {
        CalendarDay(year: year, month: 7, day: level == .district ? 10 : level == .province ? 20 : 31)!
    }

    /// Why a report cannot be submitted, or nothing.
    /// - Parameters:
    ///   - problems: the validation of its figures.
    ///   - warningComment: the officer's comment confirming figures that raised a warning.
    ///   - lowerNotApproved: names of the lower units whose reports are not approved yet.
    ///   - partial: the officer submits a partial figure on purpose.
    public static func submissionRefusal(
        status: ReportStatus, problems: [ReportProblem], warningComment: String?,
        lowerNotApproved: [String], partial: Bool
    ) -> [Bilingual] {
        guard status.isEditable else {
            return [
                status == .approved
                    ? Bilingual(
                        vi: "Báo cáo đã được duyệt; số liệu đã khóa.",
                        en: "The report is approved; its figures are locked.")
                    : Bilingual(vi: "Báo cáo đã được gửi rồi.", en: "The report has already been submitted.")
            ]
        }
        var refusals = problems.filter { $0.severity == .error }.map(\.message)
        let warnings = problems.filter { $0.severity == .warning }
        if !warnings.isEmpty, VietnameseText.clean(warningComment ?? "").isEmpty {
            refusals.append(
                Bilingual(
                    vi: "Có số liệu cần xác nhận: ghi lý do vào ô \"Giải trình số liệu\" rồi gửi lại.",
                    en: "Some figures need confirming: explain them under \"Explanation\" and submit again."))
            // Each figure to confirm, so the officer knows what to explain.
            refusals += warnings.map(\.message)
        }
        if !lowerNotApproved.isEmpty, !partial {
            let names = lowerNotApproved.prefix(8).joined(separator: ", ") + (lowerNotApproved.count > 8 ? "…" : "")
            refusals.append(
                Bilingual(
                    vi:
                        "Còn \(lowerNotApproved.count) đơn vị cấp dưới chưa được duyệt báo cáo (\(names)). Chọn \"Gửi số liệu chưa đầy đủ\" nếu vẫn muốn gửi.",
                    en:
                        "\(lowerNotApproved.count) lower units' reports are not approved yet (\(names)). Choose \"Submit partial figures\" to send anyway."
                ))
        }
        return refusals
    }
}

/// Expected / submitted / approved / on time / late / missing for a set of reports.
public struct Completeness: Codable, Sendable, Equatable {
    public var expected = 0
    public var submitted = 0
    public var approved = 0
    public var onTime = 0
    public var late = 0
    /// Not submitted (drafts and returned reports).
    public var missing = 0
    /// Missing after the deadline.
    public var overdue = 0

    public init() {}

    public mutating func add(status: ReportStatus, deadline: CalendarDay?, submittedAt: Date?, now: Date) {
        expected += 1
        if status.isCounted { submitted += 1 } else { missing += 1 }
        if status == .approved { approved += 1 }
        switch ReportRules.timeliness(status: status, deadline: deadline, submittedAt: submittedAt, now: now) {
        case .onTime: onTime += 1
        case .late: late += 1
        case .overdue: overdue += 1
        case .pending: break
        }
    }

    /// Adds another set of reports' counts (another province's, for the country).
    public mutating func merge(_ other: Completeness) {
        expected += other.expected
        submitted += other.submitted
        approved += other.approved
        onTime += other.onTime
        late += other.late
        missing += other.missing
        overdue += other.overdue
    }

    /// Share submitted, 0–100.
    public var submittedPercent: Double { expected == 0 ? 0 : Double(submitted) * 100 / Double(expected) }
}
