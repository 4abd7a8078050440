import Foundation

/// Loại kế hoạch.
public enum PlanKind: String, CaseIterable, Codable, Sendable {
    /// Kế hoạch công tác trẻ em năm.
    case annualChildWork
    /// Kế hoạch Tháng hành động vì trẻ em (1–30 June; Luật Trẻ em 2016, Điều 11).
    case actionMonth
    case other

    public func label(_ language: Language) -> String {
        switch (self, language) {
        case (.annualChildWork, .vi): "Công tác trẻ em năm"
        case (.actionMonth, .vi): "Tháng hành động vì trẻ em"
        case (.other, .vi): "Khác"
        case (.annualChildWork, .en): "Yearly children's work"
        case (.actionMonth, .en): "Action Month for Children"
        case (.other, .en): "Other"
        }
    }
}

/// A date as drafts write it: "ngày tháng 5 năm 2026" leaves the day (and maybe the month)
/// blank until the document is signed.
public struct PartialDate: Codable, Hashable, Sendable {
    public var year: Int
    public var month: Int?
    public var day: Int?

    public init(year: Int, month: Int? = nil, day: Int? = nil) {
        self.year = year
        self.month = month
        self.day = day
    }

    public init(_ day: CalendarDay) {
        self.init(year: day.year, month: day.month, day: day.day)
    }

    /// The full day, when every part is known and the day exists.
    public var calendarDay: CalendarDay? {
        guard let month, let day else { return nil }
        return CalendarDay(year: year, month: month, day: day)
    }

    /// "ngày 15 tháng 4 năm 2024", blanks kept for the parts not yet known. Nghị định 30/2020:
    /// days below 10 and months 1–2 take a leading zero.
    public var vietnamese: String {
        let d = day.map { $0 < 10 ? "0\($0)" : "\($0)" } ?? "\u{00A0}\u{00A0}\u{00A0}\u{00A0}"
        let m = month.map { $0 < 3 ? "0\($0)" : "\($0)" } ?? "\u{00A0}\u{00A0}\u{00A0}\u{00A0}"
        return "ngày \(d) tháng \(m) năm \(year)"
    }
}

/// Căn cứ: a law, a dispatch or a plan the plan implements. A parent plan inside TreEm is a link.
public struct PlanBasis: Codable, Hashable, Sendable {
    public var text: String
    /// The TreEm plan this basis names, when it is one.
    public var planID: String?

    public init(text: String, planID: String? = nil) {
        self.text = text
        self.planID = planID
    }
}

/// Mục tiêu, optionally with a number: "100% trẻ em sinh ra trong năm được cấp thẻ BHYT".
public struct PlanTarget: Codable, Hashable, Sendable {
    public var text: String
    /// The percentage or count the target names, when it names one.
    public var value: Double?
    public var unit: String?

    public init(text: String, value: Double? = nil, unit: String? = nil) {
        self.text = text
        self.value = value
        self.unit = unit
    }

    /// Reads the first "N%" of a target's text: "Phấn đấu 90% trẻ em khuyết tật…" → 90.
    public static func parsing(_ text: String) -> PlanTarget {
        let clean = VietnameseText.clean(text)
        if let match = clean.firstMatch(of: /(\d+(?:[.,]\d+)?)\s*%/) {
            return PlanTarget(text: clean, value: Double(match.1.replacingOccurrences(of: ",", with: ".")), unit: "%")
        }
        return PlanTarget(text: clean)
    }
}

public struct DateRange: Codable, Hashable, Sendable {
    public var start: CalendarDay
    public var end: CalendarDay

    public init(start: CalendarDay, end: CalendarDay) {
        self.start = start
        self.end = end
    }
}

/// A piece of the plan's body: a heading with what falls under it, a paragraph or a bullet.
public struct ContentNode: Codable, Hashable, Sendable {
    public enum Kind: String, Codable, Sendable {
        case heading
        case paragraph
        case bullet
    }

    public var kind: Kind
    public var text: String
    public var children: [ContentNode]

    public init(_ kind: Kind, _ text: String, children: [ContentNode] = []) {
        self.kind = kind
        self.text = text
        self.children = children
    }

    public static func heading(_ text: String, _ children: [ContentNode]) -> ContentNode {
        ContentNode(.heading, text, children: children)
    }

    public static func paragraph(_ text: String) -> ContentNode { ContentNode(.paragraph, text) }

    public static func bullet(_ text: String, _ children: [ContentNode] = []) -> ContentNode {
        ContentNode(.bullet, text, children: children)
    }
}

/// Chủ trì / phối hợp.
public enum AgencyRole: String, CaseIterable, Codable, Sendable {
    case lead
    case coordinate

    public func label(_ language: Language) -> String {
        switch (self, language) {
        case (.lead, .vi): "Chủ trì"
        case (.coordinate, .vi): "Phối hợp"
        case (.lead, .en): "Lead"
        case (.coordinate, .en): "Coordinate"
        }
    }
}

/// Giao (to the committee's own agencies) / đề nghị (of mass organisations, which it cannot order).
public enum AssignmentMode: String, CaseIterable, Codable, Sendable {
    case assign
    case request

    public func label(_ language: Language) -> String {
        switch (self, language) {
        case (.assign, .vi): "Giao"
        case (.request, .vi): "Đề nghị"
        case (.assign, .en): "Assign"
        case (.request, .en): "Request"
        }
    }
}

/// One task of an assignment. `id` is stable across edits so that tasks derived in a lower
/// unit's plan can point back at it.
public struct PlanTask: Codable, Hashable, Sendable {
    public var id: String
    public var text: String
    /// The task of the parent plan this one implements.
    public var derivedFromTaskID: String?
    public var dueDate: CalendarDay?
    /// What the officer must check before issuing, for a task copied from a parent plan whose
    /// text still names the parent's dates or level ("Kiểm tra ngày 15/6/2026 trong nhiệm vụ: đó
    /// là ngày của kế hoạch cấp trên."). Nil when nothing needs checking; omitted from the JSON
    /// then, so plans stored before it existed decode unchanged.
    public var reviewNote: String?

    public init(
        id: String = UUID().uuidString, text: String, derivedFromTaskID: String? = nil, dueDate: CalendarDay? = nil,
        reviewNote: String? = nil
    ) {
        self.id = id
        self.text = text
        self.derivedFromTaskID = derivedFromTaskID
        self.dueDate = dueDate
        self.reviewNote = reviewNote
    }
}

/// Nhiệm vụ của một cơ quan in "Tổ chức thực hiện".
public struct PlanAssignment: Codable, Hashable, Sendable {
    /// The TreEm agency, when the plan names one of the issuer's agencies.
    public var agencyID: String?
    /// The name as the document prints it ("Phòng Văn hóa - Xã hội xã", "Các trường học trên địa bàn").
    public var agencyName: String
    public var agencyKind: AgencyKind?
    public var role: AgencyRole
    public var mode: AssignmentMode
    public var tasks: [PlanTask]

    public init(
        agencyID: String? = nil, agencyName: String, agencyKind: AgencyKind? = nil,
        role: AgencyRole = .lead, mode: AssignmentMode = .assign, tasks: [PlanTask]
    ) {
        self.agencyID = agencyID
        self.agencyName = agencyName
        self.agencyKind = agencyKind
        self.role = role
        self.mode = mode
        self.tasks = tasks
    }
}

/// Nguồn kinh phí.
public enum FundingSource: String, CaseIterable, Codable, Sendable {
    case stateBudget
    case mobilized
    case other

    public func label(_ language: Language) -> String {
        switch (self, language) {
        case (.stateBudget, .vi): "Ngân sách nhà nước"
        case (.mobilized, .vi): "Xã hội hóa, vận động"
        case (.other, .vi): "Nguồn khác"
        case (.stateBudget, .en): "State budget"
        case (.mobilized, .en): "Mobilised resources"
        case (.other, .en): "Other"
        }
    }
}

public struct PlanFunding: Codable, Hashable, Sendable {
    public var source: FundingSource
    public var text: String
    /// In đồng, when the plan states an amount.
    public var amount: Int?

    public init(source: FundingSource, text: String, amount: Int? = nil) {
        self.source = source
        self.text = text
        self.amount = amount
    }
}

/// Chế độ báo cáo: by when, to whom, through which agency, and where the results go next.
public struct ReportingRequirement: Codable, Hashable, Sendable {
    public var deadline: CalendarDay
    /// The body the plan's agencies report to: "Ủy ban nhân dân xã", "UBND tỉnh".
    public var reportTo: String
    /// Its standing office, as the sentence names it: "Phòng Văn hóa - Xã hội".
    public var via: String?
    public var text: String?
    /// The level above, to which the issuer passes the results on: "UBND thành phố Hải Phòng
    /// (qua Sở Y tế)". Seeds 000 and 003 close their reporting sentence with it ("… để tổng hợp
    /// báo cáo Sở Lao động - Thương binh và Xã hội theo quy định"). Optional and omitted when nil,
    /// so older stored plans decode unchanged.
    public var forwardTo: String?

    public init(
        deadline: CalendarDay, reportTo: String, via: String? = nil, text: String? = nil, forwardTo: String? = nil
    ) {
        self.deadline = deadline
        self.reportTo = reportTo
        self.via = via
        self.text = text
        self.forwardTo = forwardTo
    }
}

/// Thẩm quyền ký (Nghị định 30/2020/NĐ-CP, Điều 13): TM. on behalf of a collective body,
/// KT. a deputy signing for the head, Q. acting head, TL. by order, TUQ. by authorisation.
public enum SigningAuthority: String, CaseIterable, Codable, Sendable {
    case direct
    case deputy
    case acting
    case byOrder
    case byAuthorisation

    public var prefix: String? {
        switch self {
        case .direct: nil
        case .deputy: "KT."
        case .acting: "Q."
        case .byOrder: "TL."
        case .byAuthorisation: "TUQ."
        }
    }
}

/// The signature block: "TM. ỦY BAN NHÂN DÂN / KT. CHỦ TỊCH / PHÓ CHỦ TỊCH / Nguyễn Văn Tình".
public struct Signature: Codable, Hashable, Sendable {
    /// The collective body signed for ("ỦY BAN NHÂN DÂN"), printed after "TM.".
    public var onBehalfOf: String?
    public var authority: SigningAuthority
    /// The head the signer stands in for ("CHỦ TỊCH"), printed after KT./Q./TL./TUQ.
    public var headTitle: String?
    /// The signer's own position ("PHÓ CHỦ TỊCH").
    public var position: String
    public var name: String

    public init(
        onBehalfOf: String? = "ỦY BAN NHÂN DÂN", authority: SigningAuthority = .deputy,
        headTitle: String? = "CHỦ TỊCH", position: String = "PHÓ CHỦ TỊCH", name: String
    ) {
        self.onBehalfOf = onBehalfOf
        self.authority = authority
        self.headTitle = headTitle
        self.position = position
        self.name = name
    }

    /// The capitalised lines above the name, as printed.
    public var titleLines: [String] {
        var lines: [String] = []
        if let body = onBehalfOf, !body.isEmpty { lines.append("TM. " + body.uppercased()) }
        switch authority {
        case .direct:
            lines.append(position.uppercased())
        case .acting:
            // An acting head signs as "Q. CHỦ TỊCH"; that is the whole title.
            lines.append("Q. " + (headTitle ?? position).uppercased())
        case .deputy, .byOrder, .byAuthorisation:
            if let prefix = authority.prefix, let head = headTitle, !head.isEmpty {
                lines.append(prefix + " " + head.uppercased())
            }
            lines.append(position.uppercased())
        }
        return lines
    }
}

/// Phụ lục, e.g. the slogans (khẩu hiệu tuyên truyền).
public struct PlanAppendix: Codable, Hashable, Sendable {
    public var title: String
    public var items: [String]

    public init(title: String, items: [String]) {
        self.title = title
        self.items = items
    }
}

/// Kế hoạch: every part the seed plans have, as data. Rendering turns it into the official
/// document (Nghị định 30/2020/NĐ-CP); nothing here is layout.
public struct PlanDocument: Codable, Hashable, Sendable {
    public var kind: PlanKind
    /// The superior body above the issuer, printed upright above it (blank for People's Committees).
    public var superiorName: String?
    /// The issuing body as printed: "ỦY BAN NHÂN DÂN\nXÃ KIM THÀNH".
    public var issuerName: String
    /// Số và ký hiệu: "94/KH-UBND"; blank while drafting.
    public var number: String?
    /// Địa danh: "Kim Thành".
    public var place: String
    public var issueDate: PartialDate
    /// Trích yếu.
    public var title: String
    public var bases: [PlanBasis]
    /// The sentence that introduces the plan after its bases ("Ủy ban nhân dân xã … xây dựng Kế hoạch … như sau:").
    public var preamble: String?
    public var purposes: [String]
    public var requirements: [String]
    public var targets: [PlanTarget]
    public var theme: String?
    public var period: DateRange?
    public var scope: String?
    public var sections: [ContentNode]
    public var funding: [PlanFunding]
    public var assignments: [PlanAssignment]
    public var reporting: ReportingRequirement?
    /// The closing sentence ("Trên đây là Kế hoạch …./.").
    public var closing: String?
    public var recipients: [String]
    public var signature: Signature?
    public var appendices: [PlanAppendix]

    public init(
        kind: PlanKind, superiorName: String? = nil, issuerName: String, number: String? = nil,
        place: String, issueDate: PartialDate, title: String, bases: [PlanBasis] = [], preamble: String? = nil,
        purposes: [String] = [], requirements: [String] = [], targets: [PlanTarget] = [],
        theme: String? = nil, period: DateRange? = nil, scope: String? = nil, sections: [ContentNode] = [],
        funding: [PlanFunding] = [], assignments: [PlanAssignment] = [], reporting: ReportingRequirement? = nil,
        closing: String? = nil, recipients: [String] = [], signature: Signature? = nil, appendices: [PlanAppendix] = []
    ) {
        self.kind = kind
        self.superiorName = superiorName
        self.issuerName = issuerName
        self.number = number
        self.place = place
        self.issueDate = issueDate
        self.title = title
        self.bases = bases
        self.preamble = preamble
        self.purposes = purposes
        self.requirements = requirements
        self.targets = targets
        self.theme = theme
        self.period = period
        self.scope = scope
        self.sections = sections
        self.funding = funding
        self.assignments = assignments
        self.reporting = reporting
        self.closing = closing
        self.recipients = recipients
        self.signature = signature
        self.appendices = appendices
    }

    /// The year the plan is for: its period's, else its date's.
    public var year: Int { period?.start.year ?? issueDate.year }
}
