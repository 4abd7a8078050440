import Foundation

/// One cell of a report: an indicator's total or one part of its breakdown.
public struct ValueKey: Hashable, Codable, Sendable, Comparable {
    public var indicator: String
    public var part: IndicatorPart

    public init(_ indicator: String, _ part: IndicatorPart = .total) {
        self.indicator = indicator
        self.part = part
    }

    public static func < (lhs: Self, rhs: Self) -> Bool {
        (lhs.indicator, lhs.part) < (rhs.indicator, rhs.part)
    }
}

/// A figure as stored: a number (yes/no as 1/0) or a text.
public enum ReportValue: Hashable, Sendable {
    case number(Double)
    case text(String)

    public var number: Double? {
        if case .number(let value) = self { return value }
        return nil
    }
}

/// A problem with a report's figures, named by indicator and cell.
public struct ReportProblem: Hashable, Sendable {
    public enum Severity: String, Sendable { case error, warning }
    public var severity: Severity
    public var key: ValueKey
    public var message: Bilingual

    public init(_ severity: Severity, _ key: ValueKey, _ message: Bilingual) {
        self.severity = severity
        self.key = key
        self.message = message
    }
}

/// Reads what an officer typed into a form, cell by cell.
public enum ReportInput {
    /// Parses every non-empty input of an entered indicator. A cell that cannot be read is
    /// reported (and left out of the values), naming the indicator and the cell.
    public static func read(
        _ inputs: [ValueKey: String], form: ReportForm
    ) -> (values: [ValueKey: ReportValue?], problems: [ReportProblem]) {
        var values: [ValueKey: ReportValue?] = [:]
        var problems: [ReportProblem] = []
        for (key, raw) in inputs.sorted(by: { $0.key < $1.key }) {
            guard let indicator = form.indicator(key.indicator), indicator.isEntered, indicator.parts.contains(key.part)
            else {
                problems.append(
                    ReportProblem(
                        .error, key,
                        Bilingual(
                            vi: "Biểu mẫu không có ô \(key.indicator) \(key.part.label.vi).",
                            en: "The form has no cell \(key.indicator) \(key.part.label.en).")))
                continue
            }
            let text = VietnameseText.clean(raw)
            if text.isEmpty {
                values[key] = .some(nil)
                continue
            }
            if let tooLong = TextLimit.comment.problem(
                text,
                field: Bilingual(
                    vi: cellName(indicator, key.part, .vi),
                    en: cellName(indicator, key.part, .en)))
            {
                problems.append(ReportProblem(.error, key, tooLong))
                continue
            }
            switch parse(text, as: indicator.type) {
            case .success(let value): values[key] = value
            case .failure(let reason):
                problems.append(
                    ReportProblem(
                        .error, key,
                        Bilingual(
                            vi: "\(cellName(indicator, key.part, .vi)): \"\(text)\" \(reason.vi)",
                            en: "\(cellName(indicator, key.part, .en)): \"\(text)\" \(reason.en)")))
            }
        }
        return (values, problems)
    }

    public static func cellName(_ indicator: Indicator, _ part: IndicatorPart, _ language: Language) -> String {
        let name = language == .vi ? indicator.name : (indicator.nameEnglish ?? indicator.name)
        return part == .total ? name : "\(name) (\(part.label.text(language)))"
    }

    static func parse(_ text: String, as type: IndicatorValueType) -> Result<ReportValue, Reason> {
        switch type {
        case .text:
            return text.count > 2000
                ? .failure(Reason(vi: "dài quá 2.000 ký tự.", en: "is longer than 2,000 characters."))
                : .success(.text(text))
        case .yesNo:
            switch VietnameseText.fold(text) {
            case "co", "x", "1", "yes", "true", "da to chuc", "roi": return .success(.number(1))
            case "khong", "0", "no", "false", "chua": return .success(.number(0))
            default:
                return .failure(
                    Reason(vi: "phải là \"có\" hoặc \"không\".", en: "must be \"có\" (yes) or \"không\" (no)."))
            }
        case .integer, .money, .decimal, .percent:
            let trimmed = type == .percent && text.hasSuffix("%") ? String(text.dropLast()) : text
            guard let number = VietnameseNumber.parse(trimmed) else {
                return .failure(Reason(vi: "không phải là số.", en: "is not a number."))
            }
            if (type == .integer || type == .money) && number != number.rounded() {
                return .failure(Reason(vi: "phải là số nguyên.", en: "must be a whole number."))
            }
            if abs(number) > 1e15 {
                return .failure(Reason(vi: "lớn quá mức cho phép.", en: "is too large."))
            }
            return .success(.number(number))
        }
    }

    struct Reason: Error {
        var vi: String
        var en: String
    }
}
