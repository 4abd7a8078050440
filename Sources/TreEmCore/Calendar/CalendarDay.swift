import Foundation

/// A calendar date without a time of day or a time zone — what Vietnamese documents mean by
/// "ngày 01/7/2025". Validity periods, deadlines and "as of" views all work in whole days.
public struct CalendarDay: Hashable, Comparable, Sendable, CustomStringConvertible, Codable {
    public let year: Int
    public let month: Int
    public let day: Int

    /// Returns nil for a date that does not exist (2025-02-30).
    public init?(year: Int, month: Int, day: Int) {
        guard (1...9999).contains(year), (1...12).contains(month),
            (1...CalendarDay.daysIn(month: month, year: year)).contains(day)
        else { return nil }
        self.year = year
        self.month = month
        self.day = day
    }

    /// Parses the ISO form `YYYY-MM-DD` (exactly ten characters).
    public init?(iso text: String) {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard text.count == 10, parts.count == 3,
            parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
            parts.allSatisfy({ $0.allSatisfy(\.isASCII) && $0.allSatisfy(\.isNumber) }),
            let y = Int(parts[0]), let m = Int(parts[1]), let d = Int(parts[2])
        else { return nil }
        self.init(year: y, month: m, day: d)
    }

    /// `YYYY-MM-DD`; sorts the same way as the days themselves, which is why the database stores it.
    public var iso: String {
        func pad(_ n: Int, _ width: Int) -> String {
            let s = String(n)
            return String(repeating: "0", count: max(0, width - s.count)) + s
        }
        return "\(pad(year, 4))-\(pad(month, 2))-\(pad(day, 2))"
    }

    /// The Vietnamese short form used in documents: `01/7/2025`
    /// (Nghị định 30/2020/NĐ-CP: days below 10 take a leading zero; months 1 and 2 too).
    public var vietnameseShort: String {
        let d = day < 10 ? "0\(day)" : "\(day)"
        let m = month < 3 ? "0\(month)" : "\(month)"
        return "\(d)/\(m)/\(year)"
    }

    public var description: String { iso }

    public static func < (lhs: CalendarDay, rhs: CalendarDay) -> Bool {
        (lhs.year, lhs.month, lhs.day) < (rhs.year, rhs.month, rhs.day)
    }

    public static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    public init(from decoder: Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        guard let value = CalendarDay(iso: text) else {
            throw DecodingError.dataCorrupted(
                .init(
                    codingPath: decoder.codingPath,
                    debugDescription: "Expected a date YYYY-MM-DD, got \(text)"))
        }
        self = value
    }

    public func encode(to encoder: Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(iso)
    }
}

/// A closed interval of days, open at either end when the bound is unknown or still running.
public struct ValidityPeriod: Hashable, Sendable {
    public var from: CalendarDay?
    public var to: CalendarDay?

    public init(from: CalendarDay?, to: CalendarDay?) {
        self.from = from
        self.to = to
    }

    public func contains(_ day: CalendarDay) -> Bool {
        if let from, day < from { return false }
        if let to, day > to { return false }
        return true
    }

    public func overlaps(_ other: ValidityPeriod) -> Bool {
        if let to, let otherFrom = other.from, to < otherFrom { return false }
        if let from, let otherTo = other.to, otherTo < from { return false }
        return true
    }
}

extension CalendarDay {
    /// Days since 1970-01-01 (proleptic Gregorian), for arithmetic.
    public var daysSinceEpoch: Int {
        // Howard Hinnant's days_from_civil.
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let mp = (month + 9) % 12
        let doy = (153 * mp + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146097 + doe - 719468
    }

    public init(daysSinceEpoch z0: Int) {
        let z = z0 + 719468
        let era = (z >= 0 ? z : z - 146096) / 146097
        let doe = z - era * 146097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        let y = yoe + era * 400 + (m <= 2 ? 1 : 0)
        self.init(year: y, month: m, day: d)!
    }

    public func adding(days: Int) -> CalendarDay {
        CalendarDay(daysSinceEpoch: daysSinceEpoch + days)
    }

    /// Vietnam keeps UTC+7 all year, without daylight saving.
    public static let vietnamOffsetSeconds = 7 * 3600

    /// The day in Vietnam at a given instant.
    public init(vietnamTimeOf secondsSince1970: Double) {
        let local = Int((secondsSince1970 + Double(Self.vietnamOffsetSeconds)).rounded(.down))
        self.init(daysSinceEpoch: local >= 0 ? local / 86400 : (local - 86399) / 86400)
    }

    /// The day in Vietnam at a given instant.
    public init(vietnamTimeOf date: Date) {
        self.init(vietnamTimeOf: date.timeIntervalSince1970)
    }

    /// The instant this day begins in Vietnam (00:00 UTC+7), as seconds since 1970.
    public var vietnamStart: Double {
        Double(daysSinceEpoch) * 86_400 - Double(Self.vietnamOffsetSeconds)
    }
}
