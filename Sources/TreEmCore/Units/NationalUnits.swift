import Foundation

/// A successor link between two unit versions. When a unit was divided between several
/// successors, exactly one of them is the default: the unit's own figures from before the
/// change are counted under it (and only it), so they are never counted twice.
public struct UnitSuccessionLink: Hashable, Sendable {
    public var predecessor: UnitKey
    public var successor: UnitKey
    public var date: CalendarDay
    public var isDefault: Bool

    public init(predecessor: UnitKey, successor: UnitKey, date: CalendarDay, isDefault: Bool) {
        self.predecessor = predecessor
        self.successor = successor
        self.date = date
        self.isDefault = isDefault
    }
}

/// Unit versions with their successor links, as one set to load.
public struct UnitSet: Sendable {
    public var units: [UnitRecord]
    public var links: [UnitSuccessionLink]
    /// The line of the file each version came from, for naming it in an error.
    public var lines: [UnitKey: Int]

    public init(units: [UnitRecord], links: [UnitSuccessionLink], lines: [UnitKey: Int] = [:]) {
        self.units = units
        self.links = links
        self.lines = lines
    }

    /// The versions valid on `day`, optionally of one level.
    public func units(validOn day: CalendarDay, level: AdministrativeLevel? = nil) -> [UnitRecord] {
        units.filter { $0.validity.contains(day) && (level == nil || $0.level == level) }
    }

    /// Only the given provinces (any version of their codes), the units below them — all of
    /// them, or only those whose code is in `only` — and the links between what is kept: a
    /// small, real part of the country for tests and the demo. Links leaving the part are dropped.
    public func restricted(toProvinces codes: Set<String>, only: Set<String>? = nil) -> UnitSet {
        var versionsByCode: [String: [UnitRecord]] = [:]
        for unit in units { versionsByCode[unit.code, default: []].append(unit) }
        var kept = Set(units.filter { $0.level == .province && codes.contains($0.code) }.map(UnitKey.init))
        // A child is kept when the version of its parent it hangs under is; levels go top down.
        for level in [AdministrativeLevel.district, .commune, .village] {
            for unit in units where unit.level == level {
                guard let parentCode = unit.parentCode else { continue }
                let parent = versionsByCode[parentCode, default: []].first { parent in
                    if let from = unit.validFrom { return parent.validity.contains(from) }
                    return parent.validFrom == nil
                }
                if let parent, kept.contains(UnitKey(parent)), only?.contains(unit.code) ?? true {
                    kept.insert(UnitKey(unit))
                }
            }
        }
        return UnitSet(
            units: units.filter { kept.contains(UnitKey($0)) },
            links: links.filter { kept.contains($0.predecessor) && kept.contains($0.successor) },
            lines: lines.filter { kept.contains($0.key) })
    }
}

/// The whole country: every province, district and commune before the 2025 reform and after
/// it, with the successions between them. `Resources/vietnam-units.csv` is made by
/// `scripts/dev/national-units.py` from the open dataset of the `vietnamadminunits` package
/// (MIT; the file's header names the version and carries the licence).
///
/// Format: `code,name,level,parent_code,valid_from,valid_to,successors`; `successors` lists
/// the codes a unit became the day after `valid_to`, separated by `;`, the default one marked
/// `*` when there are several. Lines starting with `#` are comments.
public enum NationalUnits {
    /// The reform's first day: Nghị quyết 202/2025/QH15 (provinces) and the Standing
    /// Committee's resolutions on communes took effect on 1 July 2025.
    public static let reformDay = CalendarDay(year: 2025, month: 7, day: 1)!

    public static let header = ["code", "name", "level", "parent_code", "valid_from", "valid_to", "successors"]

    /// The bundled file, read and checked once per process (every test's demo starts from it).
    public static func bundled() throws -> UnitSet {
        try bundledSet.get()
    }

    private static let bundledSet: Result<UnitSet, ImportRejected> = Result { () throws(ImportRejected) in
        try readBundled()
    }

    private static func readBundled() throws(ImportRejected) -> UnitSet {
        guard let url = bundledFile else {
            throw ImportRejected(problems: [
                ImportProblem(
                    line: 0, field: nil,
                    message: Bilingual(
                        vi: "thiếu tệp danh mục đơn vị hành chính vietnam-units.csv",
                        en: "the national units file vietnam-units.csv is missing"))
            ])
        }
        guard let text = try? String(contentsOf: url, encoding: .utf8) else {
            throw ImportRejected(problems: [
                ImportProblem(
                    line: 0, field: nil,
                    message: Bilingual(
                        vi: "không đọc được tệp vietnam-units.csv (UTF-8)", en: "cannot read vietnam-units.csv (UTF-8)")
                )
            ])
        }
        return try parse(text)
    }

    public static var bundledFile: URL? {
        Bundle.module.url(forResource: "vietnam-units", withExtension: "csv", subdirectory: "Resources")
            ?? Bundle.module.url(forResource: "vietnam-units", withExtension: "csv")
    }

    /// The dataset's version, from the file's header (`vietnamadminunits 1.0.4`).
    public static func version(of text: String) -> String? {
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            guard line.hasPrefix("#") else { break }
            if let range = line.range(of: "vietnamadminunits ") {
                let rest = line[range.upperBound...]
                return "vietnamadminunits " + rest.prefix { !$0.isWhitespace }
            }
        }
        return nil
    }

    /// Reads the file. Every bad line is named; a successor that is not in the file is an error.
    public static func parse(_ text: String) throws(ImportRejected) -> UnitSet {
        var problems: [ImportProblem] = []
        var units: [UnitRecord] = []
        var lines: [UnitKey: Int] = [:]
        var successorFields: [(line: Int, unit: UnitRecord, field: String)] = []
        var sawHeader = false
        var lineNumber = 0
        for rawLine in text.split(separator: "\n", omittingEmptySubsequences: false) {
            lineNumber += 1
            let line = rawLine.hasSuffix("\r") ? rawLine.dropLast() : rawLine
            if line.isEmpty || line.hasPrefix("#") { continue }
            let fields = line.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
            if !sawHeader {
                sawHeader = true
                if fields != header {
                    problems.append(
                        ImportProblem(
                            line: lineNumber, field: nil,
                            message: Bilingual(
                                vi: "dòng tiêu đề phải là \(header.joined(separator: ","))",
                                en: "the header must be \(header.joined(separator: ","))")))
                    break
                }
                continue
            }
            guard fields.count == header.count else {
                problems.append(.columnCount(line: lineNumber, expected: header.count, found: fields.count))
                continue
            }
            guard let unit = record(fields, line: lineNumber, problems: &problems) else { continue }
            units.append(unit)
            lines[UnitKey(unit)] = lineNumber
            if !fields[6].isEmpty { successorFields.append((lineNumber, unit, fields[6])) }
        }
        if !sawHeader {
            problems.append(
                ImportProblem(line: 1, field: nil, message: Bilingual(vi: "tệp trống", en: "the file is empty")))
        }

        var versionsByCode: [String: [UnitRecord]] = [:]
        for unit in units { versionsByCode[unit.code, default: []].append(unit) }
        var links: [UnitSuccessionLink] = []
        for (line, unit, field) in successorFields {
            func refuse(_ vi: String, _ en: String) {
                problems.append(ImportProblem(line: line, field: "successors", message: Bilingual(vi: vi, en: en)))
            }
            guard let end = unit.validTo else {
                refuse(
                    "đơn vị không có ngày hết hiệu lực thì không có đơn vị kế thừa",
                    "a unit with no valid_to has no successors")
                continue
            }
            let day = end.adding(days: 1)
            let entries = field.split(separator: ";").map(String.init)
            let marked = entries.filter { $0.hasSuffix("*") }.count
            if entries.count > 1, marked != 1 {
                refuse(
                    "đơn vị chia cho nhiều đơn vị phải đánh dấu đúng một đơn vị mặc định (*)",
                    "a divided unit must mark exactly one default successor (*)")
                continue
            }
            for entry in entries {
                let code = entry.hasSuffix("*") ? String(entry.dropLast()) : entry
                guard let successor = versionsByCode[code, default: []].first(where: { $0.validity.contains(day) })
                else {
                    refuse(
                        "không có đơn vị mã \(code) có hiệu lực ngày \(day.vietnameseShort)",
                        "no unit with code \(code) valid on \(day.iso)")
                    continue
                }
                links.append(
                    UnitSuccessionLink(
                        predecessor: UnitKey(unit), successor: UnitKey(successor), date: day,
                        isDefault: entries.count == 1 || entry.hasSuffix("*")))
            }
        }
        guard problems.isEmpty else { throw ImportRejected(problems: problems) }
        return UnitSet(units: units, links: links, lines: lines)
    }

    private static func record(_ fields: [String], line: Int, problems: inout [ImportProblem]) -> UnitRecord? {
        var ok = true
        func problem(_ field: String, _ vi: String, _ en: String) {
            problems.append(ImportProblem(line: line, field: field, message: Bilingual(vi: vi, en: en)))
            ok = false
        }
        if fields[0].isEmpty { problem("code", "thiếu mã đơn vị", "the unit code is missing") }
        if fields[1].isEmpty { problem("name", "thiếu tên đơn vị", "the unit name is missing") }
        let level = AdministrativeLevel(rawValue: fields[2])
        if level == nil { problem("level", "cấp \"\(fields[2])\" không hợp lệ", "level \"\(fields[2])\" is not valid") }
        var days: [CalendarDay?] = []
        for (index, name) in [(4, "valid_from"), (5, "valid_to")] {
            if fields[index].isEmpty {
                days.append(nil)
            } else if let day = CalendarDay(iso: fields[index]) {
                days.append(day)
            } else {
                problem(name, "ngày \"\(fields[index])\" không hợp lệ", "date \"\(fields[index])\" is not valid")
                days.append(nil)
            }
        }
        guard ok, let level else { return nil }
        return UnitRecord(
            code: fields[0], name: fields[1], level: level, parentCode: fields[3].isEmpty ? nil : fields[3],
            validFrom: days[0], validTo: days[1])
    }
}
