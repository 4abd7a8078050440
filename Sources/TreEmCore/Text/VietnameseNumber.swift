import Foundation

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
            body.first?.isNumber == true, body.last?.isNumber == true
        else { return nil }
        let dots = body.filter { $0 == "." }.count
        let commas = body.filter { $0 == "," }.count
        let normalised: String
        if dots > 0 && commas > 0 {
            // Whichever comes last is the decimal mark: "1.500,5" or "1,500.5".
            let lastDot = body.lastIndex(of: ".")!
            let lastComma = body.lastIndex(of: ",")!
            let (group, decimal): (Character, Character) = lastComma > lastDot ? (".", ",") : (",", ".")
            guard body.filter({ $0 == decimal }).count == 1,
                isGrouped(String(body[..<(decimal == "," ? lastComma : lastDot)]), by: group)
            else { return nil }
            normalised = body.replacingOccurrences(of: String(group), with: "").replacingOccurrences(
                of: String(decimal), with: ".")
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
        guard groups.count > 1, let first = groups.first, (1...3).contains(first.count) else {
            return groups.count == 1
        }
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

extension VietnameseNumber {
    /// A whole number as typed ("1.500.000", "42"), or nil with nothing typed; a fraction or
    /// text is refused with a message naming the field.
    public static func wholeNumber(_ text: String?, field: Bilingual) throws(WholeNumberRefused) -> Int64? {
        let clean = VietnameseText.clean(text ?? "")
        guard !clean.isEmpty else { return nil }
        guard let value = parse(clean) else {
            throw WholeNumberRefused(
                message: Bilingual(
                    vi: "\(field.vi): \"\(clean)\" không phải là số.", en: "\(field.en): \"\(clean)\" is not a number.")
            )
        }
        guard value == value.rounded() else {
            throw WholeNumberRefused(
                message: Bilingual(
                    vi: "\(field.vi): \"\(clean)\" phải là số nguyên.",
                    en: "\(field.en): \"\(clean)\" must be a whole number."))
        }
        return Int64(value)
    }

    public struct WholeNumberRefused: Error, Sendable {
        public var message: Bilingual
    }
}
