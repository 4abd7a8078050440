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

/// Numbers as Vietnamese officers write them: "1.500.000" (dots group thousands), "12,5" (a decimal
/// comma), "1 500 000"; also "1,500,000" and "12.5" when nothing else can be meant.
public enum VietnameseNumber {
    public static func parse(_ text: String) -> Double? {
        var body = VietnameseText.clean(text).replacingOccurrences(of: " ", with: "")
            .replacingOccurrences(of: "\u{00A0}", with: "")
        guard !body.isEmpty else { return nil }
        var sign = 1.0
        if body.hasPrefix("-") || body.hasPrefix("−") {
            sign = -1
            body.removeFirst()
        }
        guard !body.isEmpty, body.allSatisfy({ $0.isASCII && ($0.isNumber || $0 == "." || $0 == ",") }),
              body.first?.isNumber == true, body.last?.isNumber == true else { return nil }
        let dots = body.filter { $0 == "." }.count
        let commas = body.filter { $0 == "," }.count
        let normalised: String
        if dots > 0 && commas > 0 {
            // Whichever comes last is the decimal mark: "1.500,5" or "1,500.5".
            let lastDot = body.lastIndex(of: ".")!, lastComma = body.lastIndex(of: ",")!
            let (group, decimal): (Character, Character) = lastComma > lastDot ? (".", ",") : (",", ".")
            guard body.filter({ $0 == decimal }).count == 1, isGrouped(String(body[..<(decimal == "," ? lastComma : lastDot)]), by: group) else { return nil }
            normalised = body.replacingOccurrences(of: String(group), with: "").replacingOccurrences(of: String(decimal), with: ".")
        } else if dots + commas == 0 {
            normalised = body
        } else if dots > 0 {
            // Dots group thousands ("1.500.000"); a lone dot not followed by three digits is a decimal point ("12.5").
            if isGrouped(body, by: ".") {
                normalised = body.replacingOccurrences(of: ".", with: "")
            } else if dots == 1 {
                normalised = body
            } else {
                return nil
            }
        } else {
            // A lone comma is the decimal comma ("12,5"); several group thousands ("1,500,000").
            if commas == 1 {
                normalised = body.replacingOccurrences(of: ",", with: ".")
            } else if isGrouped(body, by: ",") {
                normalised = body.replacingOccurrences(of: ",", with: "")
            } else {
                return nil
            }
        }
        // Nothing a commune counts comes near 10^15; past it a Double no longer holds every
        // whole number, and "1e400" digits would be infinite.
        guard let value = Double(normalised), value.isFinite, value < 1e15 else { return nil }
        return value * sign
    }

    private static func isGrouped(_ text: String, by mark: Character) -> Bool {
        let groups = text.split(separator: mark, omittingEmptySubsequences: false)
        guard groups.count > 1, let first = groups.first, (1...3).contains(first.count) else { return groups.count == 1 }
        return groups.dropFirst().allSatisfy { $0.count == 3 }
    }

    /// A number as a machine writes it: "1500000", "12.5" (CSV cells, JSON input read as text).
    public static func plain(_ value: Double) -> String {
        value.isFinite && value == value.rounded() && abs(value) < 1e15 ? String(Int64(value)) : String(value)
    }

    /// "1.500.000", "12,5".
    public static func format(_ value: Double, fractionDigits: Int = 0) -> String {
        // Only numbers a Int64 holds are grouped; anything else is written plainly, never trapped on.
        guard value.isFinite, abs(value) < 1e15, (0...6).contains(fractionDigits) else { return plain(value) }
        let negative = value < 0
        let scale = pow(10, Double(fractionDigits))
        let rounded = (abs(value) * scale).rounded() / scale
        let whole = Int64(rounded.rounded(.down))
        var digits = String(whole)
        var grouped = ""
        while digits.count > 3 {
            grouped = "." + digits.suffix(3) + grouped
            digits.removeLast(3)
        }
        grouped = digits + grouped
        if fractionDigits > 0 {
            let fraction = Int64(((rounded - Double(whole)) * scale).rounded())
            if fraction != 0 {
                var text = String(fraction)
                while text.count < fractionDigits { text = "0" + text }
                while text.hasSuffix("0") { text.removeLast() }
                grouped += "," + text
            }
        }
        return (negative && rounded != 0 ? "-" : "") + grouped
    }

    /// A figure of an indicator as a person reads it.
    public static func display(_ value: Double, type: IndicatorValueType) -> String {
        switch type {
        case .yesNo: value >= 1 ? "Có" : "Không"
        case .percent: format(value, fractionDigits: 1) + "%"
        case .decimal: format(value, fractionDigits: 2)
        case .integer, .money, .text: format(value)
        }
    }
}

/// Reads what an officer typed into a form, cell by cell.
public enum ReportInput {
    /// Parses every non-empty input of an entered indicator. A cell that cannot be read is
    /// reported (and left out of the values), naming the indicator and the cell.
    public static func read(_ inputs: [ValueKey: String], form: ReportForm) -> (values: [ValueKey: ReportValue?], problems: [ReportProblem]) {
        var values: [ValueKey: ReportValue?] = [:]
        var problems: [ReportProblem] = []
        for (key, raw) in inputs.sorted(by: { $0.key < $1.key }) {
            guard let indicator = form.indicator(key.indicator), indicator.isEntered, indicator.parts.contains(key.part) else {
                problems.append(ReportProblem(.error, key, Bilingual(vi: "Biểu mẫu không có ô \(key.indicator) \(key.part.label.vi).",
                                                                     en: "The form has no cell \(key.indicator) \(key.part.label.en).")))
                continue
            }
            let text = VietnameseText.clean(raw)
            if text.isEmpty {
                values[key] = .some(nil)
                continue
            }
            if let tooLong = TextLimit.comment.problem(text, field: Bilingual(vi: cellName(indicator, key.part, .vi),
                                                                             en: cellName(indicator, key.part, .en))) {
                problems.append(ReportProblem(.error, key, tooLong))
                continue
            }
            switch parse(text, as: indicator.type) {
            case .success(let value): values[key] = value
            case .failure(let reason):
                problems.append(ReportProblem(.error, key, Bilingual(
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
            return text.count > 2000 ? .failure(Reason(vi: "dài quá 2.000 ký tự.", en: "is longer than 2,000 characters.")) : .success(.text(text))
        case .yesNo:
            switch VietnameseText.fold(text) {
            case "co", "x", "1", "yes", "true", "da to chuc", "roi": return .success(.number(1))
            case "khong", "0", "no", "false", "chua": return .success(.number(0))
            default: return .failure(Reason(vi: "phải là \"có\" hoặc \"không\".", en: "must be \"có\" (yes) or \"không\" (no)."))
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
