import Foundation

/// How a figure is written and checked.
public enum IndicatorValueType: String, Codable, Sendable, CaseIterable {
    /// Số nguyên: children, events, classes.
    case integer
    /// Tiền (đồng): whole đồng, no decimals.
    case money
    case decimal
    /// Tỷ lệ %: 0 to 100.
    case percent
    /// Có / không: counted as 1 / 0, so a sum tells how many units did it.
    case yesNo
    /// A short text, never added up.
    case text

    public var isNumeric: Bool { self != .text }

    public var label: Bilingual {
        switch self {
        case .integer: Bilingual(vi: "Số nguyên", en: "Whole number")
        case .money: Bilingual(vi: "Tiền (đồng)", en: "Money (đồng)")
        case .decimal: Bilingual(vi: "Số thập phân", en: "Decimal")
        case .percent: Bilingual(vi: "Tỷ lệ (%)", en: "Percent")
        case .yesNo: Bilingual(vi: "Có/không", en: "Yes/no")
        case .text: Bilingual(vi: "Chữ", en: "Text")
        }
    }
}

/// How the figures of several units make the figure of the unit above them.
public enum IndicatorAggregation: String, Codable, Sendable, CaseIterable {
    case sum, average, none
}

/// A breakdown (phân tổ) an indicator may ask for besides its total.
public enum IndicatorBreakdown: String, Codable, Sendable, CaseIterable {
    /// Giới tính.
    case sex
    /// Nhóm tuổi 0–5, 6–10, 11–15 (a child is under 16: Luật Trẻ em 2016, Điều 1).
    case ageGroup

    public var parts: [IndicatorPart] {
        switch self {
        case .sex: [.male, .female]
        case .ageGroup: [.age0to5, .age6to10, .age11to15]
        }
    }

    public var label: Bilingual {
        switch self {
        case .sex: Bilingual(vi: "giới tính", en: "sex")
        case .ageGroup: Bilingual(vi: "nhóm tuổi", en: "age group")
        }
    }
}

/// Which cell of an indicator a value fills: the total or one part of a breakdown.
public enum IndicatorPart: String, Codable, Sendable, CaseIterable, Comparable {
    case total = ""
    case male, female
    case age0to5 = "age0_5", age6to10 = "age6_10", age11to15 = "age11_15"

    public var label: Bilingual {
        switch self {
        case .total: Bilingual(vi: "Tổng số", en: "Total")
        case .male: Bilingual(vi: "Nam", en: "Boys")
        case .female: Bilingual(vi: "Nữ", en: "Girls")
        case .age0to5: Bilingual(vi: "0–5 tuổi", en: "0–5 years")
        case .age6to10: Bilingual(vi: "6–10 tuổi", en: "6–10 years")
        case .age11to15: Bilingual(vi: "11–15 tuổi", en: "11–15 years")
        }
    }

    private var order: Int { Self.allCases.firstIndex(of: self) ?? 0 }
    public static func < (lhs: Self, rhs: Self) -> Bool { lhs.order < rhs.order }
}

/// How a part stands to its whole (`Indicator.partOf`).
public enum PartRule: String, Codable, Sendable, Hashable {
    /// "Trong đó": a subset of the same things counted the same way, so it cannot be more than
    /// the whole. More is an error that blocks sending.
    case subset
    /// Usually within the whole but not necessarily, so more is a warning the officer confirms
    /// with a comment.
    case usuallyWithin
}

/// Chỉ tiêu: one figure a report asks for.
public struct Indicator: Codable, Sendable, Hashable {
    /// Short and stable ("AM-QUA-TE"); values are stored under it.
    public var code: String
    public var name: String
    public var nameEnglish: String?
    /// Đơn vị tính: "trẻ em", "đồng", "cuộc", "%".
    public var unit: String
    public var type: IndicatorValueType
    public var aggregation: IndicatorAggregation
    public var breakdowns: [IndicatorBreakdown]
    /// The indicator this one is a part of; `partRule` says how strictly.
    public var partOf: String?
    /// How strictly this indicator stays within `partOf`; nil in forms stored before the rule
    /// existed, which `rule(within:)` then reads from the names and units.
    public var partRule: PartRule?
    /// A target the plan sets (100 %, 90 %): drawn as a line on the charts.
    public var target: Double?
    /// The name in the national indicator set (Thông tư 13/2021/TT-BLĐTBXH) when it is one of them.
    public var nationalName: String?
    /// A share computed from two other indicators rather than typed in: at every level it is the
    /// sum of the numerators over the sum of the denominators, never an average of shares.
    public var ratio: IndicatorRatio?

    public init(
        code: String, name: String, nameEnglish: String? = nil, unit: String, type: IndicatorValueType,
        aggregation: IndicatorAggregation? = nil, breakdowns: [IndicatorBreakdown] = [], partOf: String? = nil,
        partRule: PartRule? = nil, target: Double? = nil, nationalName: String? = nil, ratio: IndicatorRatio? = nil
    ) {
        self.code = code
        self.name = name
        self.nameEnglish = nameEnglish
        self.unit = unit
        self.type = type
        self.aggregation = aggregation ?? (type == .text ? .none : type == .percent ? .average : .sum)
        self.breakdowns = breakdowns
        self.partOf = partOf
        self.partRule = partRule
        self.target = target
        self.nationalName = nationalName
        self.ratio = ratio
    }

    /// How this indicator is checked against `whole` (its `partOf`): the stated rule, or for a
    /// form stored without one, what its wording says. Things counted in different units
    /// (children and incidents: one drowning can take three pupils) are not compared at all; a
    /// part written "Trong đó: …", or named as the whole further qualified ("Số trẻ em khuyết tật
    /// được tiếp cận dịch vụ" of "Số trẻ em khuyết tật"), counts a subset of the same things; any
    /// other part is only usually within its whole (children given gifts and the reviewed list:
    /// gifts also go to pupils "vượt khó học giỏi", poor children, police officers' children).
    public func rule(within whole: Indicator) -> PartRule? {
        if let partRule { return partRule }
        guard VietnameseText.fold(unit) == VietnameseText.fold(whole.unit) else { return nil }
        let name = VietnameseText.fold(self.name)
        if name.hasPrefix("trong do") || name.hasPrefix(VietnameseText.fold(whole.name) + " ") { return .subset }
        return .usuallyWithin
    }

    /// Whether an officer types this figure in (a ratio is computed).
    public var isEntered: Bool { ratio == nil }

    /// The cells of this indicator: its total, then each breakdown's parts.
    public var parts: [IndicatorPart] { [.total] + breakdowns.flatMap(\.parts) }
}

/// numerator / denominator × 100.
public struct IndicatorRatio: Codable, Sendable, Hashable {
    public var numerator: String
    public var denominator: String
    /// What the quotient is multiplied by: 100 for a share in % (nil, as forms stored before it
    /// existed mean), 1 for an amount per item (đồng per gift package).
    public var multiplier: Double?

    public init(numerator: String, denominator: String, multiplier: Double? = nil) {
        self.numerator = numerator
        self.denominator = denominator
        self.multiplier = multiplier
    }
}

/// Biểu mẫu báo cáo: the indicators of one kind of report, in sections, and its written parts.
public struct ReportForm: Codable, Sendable, Hashable {
    public struct Section: Codable, Sendable, Hashable {
        public var title: String
        public var indicators: [Indicator]

        public init(title: String, indicators: [Indicator]) {
            self.title = title
            self.indicators = indicators
        }
    }

    public var code: String
    public var name: String
    public var nameEnglish: String?
    /// The kind of plan whose reporting requirement opens rounds of this form.
    public var planKind: PlanKind?
    public var sections: [Section]

    public init(code: String, name: String, nameEnglish: String? = nil, planKind: PlanKind?, sections: [Section]) {
        self.code = code
        self.name = name
        self.nameEnglish = nameEnglish
        self.planKind = planKind
        self.sections = sections
    }

    public var indicators: [Indicator] { sections.flatMap(\.indicators) }

    public func indicator(_ code: String) -> Indicator? { indicators.first { $0.code == code } }

    /// A form an administrator wrote must hang together before it is used.
    public func problems() -> [Bilingual] {
        var problems: [Bilingual] = []
        if VietnameseText.clean(name).isEmpty {
            problems.append(Bilingual(vi: "Biểu mẫu chưa có tên.", en: "The form has no name."))
        }
        if indicators.isEmpty {
            problems.append(Bilingual(vi: "Biểu mẫu chưa có chỉ tiêu nào.", en: "The form has no indicators."))
        }
        var seen: Set<String> = []
        for indicator in indicators {
            if indicator.code.isEmpty || indicator.code.count > 40
                || indicator.code.contains(where: { $0.isWhitespace })
            {
                problems.append(
                    Bilingual(
                        vi: "Mã chỉ tiêu \"\(indicator.code)\" không hợp lệ (1–40 ký tự, không có dấu cách).",
                        en: "Indicator code \"\(indicator.code)\" is not valid (1–40 characters, no spaces)."))
            }
            if !seen.insert(indicator.code).inserted {
                problems.append(
                    Bilingual(
                        vi: "Mã chỉ tiêu \(indicator.code) bị trùng.",
                        en: "Indicator code \(indicator.code) appears twice."))
            }
            if VietnameseText.clean(indicator.name).isEmpty {
                problems.append(
                    Bilingual(
                        vi: "Chỉ tiêu \(indicator.code) chưa có tên.", en: "Indicator \(indicator.code) has no name."))
            }
            if indicator.type == .text, indicator.aggregation != .none {
                problems.append(
                    Bilingual(
                        vi: "Chỉ tiêu \(indicator.code) là chữ nên không cộng được.",
                        en: "Indicator \(indicator.code) is text and cannot be added up."))
            }
        }
        for indicator in indicators {
            if let ratio = indicator.ratio {
                for code in [ratio.numerator, ratio.denominator]
                where self.indicator(code)?.isEntered != true || self.indicator(code)?.type.isNumeric != true {
                    problems.append(
                        Bilingual(
                            vi:
                                "Tỷ lệ \(indicator.code) tính từ \(code), nhưng biểu mẫu không có chỉ tiêu số nhập tay đó.",
                            en: "Ratio \(indicator.code) uses \(code), which is not an entered number in the form."))
                }
            }
            guard let whole = indicator.partOf else { continue }
            if !seen.contains(whole) || whole == indicator.code {
                problems.append(
                    Bilingual(
                        vi: "Chỉ tiêu \(indicator.code) là một phần của \(whole), nhưng biểu mẫu không có chỉ tiêu đó.",
                        en: "Indicator \(indicator.code) is part of \(whole), which the form does not have."))
            }
        }
        return problems
    }
}
