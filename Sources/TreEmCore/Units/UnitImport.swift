/// Identifies one version of a unit: its code and the day it started to be valid.
public struct UnitKey: Hashable, Sendable, CustomStringConvertible {
    public var code: String
    public var validFrom: CalendarDay?

    public init(code: String, validFrom: CalendarDay?) {
        self.code = code
        self.validFrom = validFrom
    }

    public init(_ unit: UnitRecord) {
        self.init(code: unit.code, validFrom: unit.validFrom)
    }

    public var description: String { validFrom.map { "\(code)@\($0.iso)" } ?? code }
}

/// One thing wrong with one line of an imported file.
public struct ImportProblem: Error, Hashable, Sendable {
    public var line: Int
    public var field: String?
    public var message: Bilingual

    public init(line: Int, field: String?, message: Bilingual) {
        self.line = line
        self.field = field
        self.message = message
    }

    /// A row with the wrong number of columns.
    public static func columnCount(line: Int, expected: Int, found: Int) -> ImportProblem {
        ImportProblem(
            line: line, field: nil,
            message: Bilingual(
                vi: "cần \(expected) cột, có \(found)", en: "expected \(expected) columns, found \(found)"))
    }

    /// "Dòng 4, cột parent_code: …" — where, then what.
    public func text(_ language: Language) -> String {
        let place: String
        switch (language, field) {
        case (.vi, let field?): place = "Dòng \(line), cột \(field)"
        case (.vi, nil): place = "Dòng \(line)"
        case (.en, let field?): place = "Line \(line), column \(field)"
        case (.en, nil): place = "Line \(line)"
        }
        return "\(place): \(message.text(language))"
    }
}

/// The whole file was refused; `problems` names every bad line, in file order.
public struct ImportRejected: Error, Sendable {
    public var problems: [ImportProblem]

    public init(problems: [ImportProblem]) {
        self.problems = problems.sorted { ($0.line, $0.field ?? "") < ($1.line, $1.field ?? "") }
    }

    public func report(_ language: Language) -> String {
        let head =
            language == .vi
            ? "Tệp bị từ chối, không có dòng nào được nhập (\(problems.count) lỗi):"
            : "The file was rejected and nothing was imported (\(problems.count) problems):"
        return ([head] + problems.map { "  " + $0.text(language) }).joined(separator: "\n")
    }
}

/// A validated unit import: what to add and what to change, parents resolved to the exact version.
public struct UnitImportPlan: Sendable {
    public struct Row: Sendable {
        public var unit: UnitRecord
        public var parent: UnitKey?
        public var line: Int
    }

    /// New versions, every parent before its children.
    public var inserts: [Row]
    /// Rows whose code and start date match a stored version: name, parent or end date changed.
    public var updates: [Row]
    /// Rows identical to what is stored.
    public var unchangedCount: Int
}

/// Reads `code,name,level,parent_code,valid_from,valid_to` and checks every row against the
/// rest of the file and against the units already stored. Either every row is good and a plan
/// comes back, or nothing is imported and every bad line is named.
public enum UnitImport {
    public static let header = ["code", "name", "level", "parent_code", "valid_from", "valid_to"]

    public static func plan(csv text: String, existing: [UnitRecord]) throws(ImportRejected) -> UnitImportPlan {
        let dataRows = try CSVReader.rows(in: text, header: header)

        var problems: [ImportProblem] = []
        var parsed: [(line: Int, unit: UnitRecord)] = []
        for record in dataRows {
            if let unit = parseRow(record, problems: &problems) { parsed.append((record.line, unit)) }
        }

        // Duplicates: the same code in overlapping periods, within the file.
        var firstLineByCode: [String: [(line: Int, validity: ValidityPeriod)]] = [:]
        for (line, unit) in parsed {
            if let clash = firstLineByCode[unit.code, default: []].first(where: { $0.validity.overlaps(unit.validity) })
            {
                problems.append(
                    ImportProblem(
                        line: line, field: "code",
                        message: Bilingual(
                            vi: "mã \(unit.code) trùng với dòng \(clash.line) trong cùng thời gian hiệu lực",
                            en: "code \(unit.code) duplicates line \(clash.line) in an overlapping period")))
            }
            firstLineByCode[unit.code, default: []].append((line, unit.validity))
        }

        let existingByKey = Dictionary(existing.map { (UnitKey($0), $0) }, uniquingKeysWith: { a, _ in a })
        // Against stored units: a row with a stored code and start date is an update; any other
        // overlap with a stored version of the code is a duplicate.
        for (line, unit) in parsed where existingByKey[UnitKey(unit)] == nil {
            if let clash = existing.first(where: { $0.code == unit.code && $0.validity.overlaps(unit.validity) }) {
                problems.append(
                    ImportProblem(
                        line: line, field: "code",
                        message: Bilingual(
                            vi: "mã \(unit.code) đã có trong hệ thống (\(clash.name)) trong cùng thời gian hiệu lực",
                            en: "code \(unit.code) already exists (\(clash.name)) in an overlapping period")))
            }
        }
        for (line, unit) in parsed {
            if let stored = existingByKey[UnitKey(unit)], stored.level != unit.level {
                problems.append(
                    ImportProblem(
                        line: line, field: "level",
                        message: Bilingual(
                            vi: "không được đổi cấp của đơn vị \(unit.code) đã có (\(stored.level.label(.vi)))",
                            en: "the level of stored unit \(unit.code) cannot change (\(stored.level.label(.en)))")))
            }
        }

        // Parents: the version of the parent code valid on the child's first day, from the file or the store.
        // A row of the file replaces the stored version with the same key.
        let fileUnits = parsed.map(\.unit)
        let fileKeys = Set(fileUnits.map(UnitKey.init))
        var pool: [String: [UnitRecord]] = [:]
        for unit in existing.filter({ !fileKeys.contains(UnitKey($0)) }) + fileUnits {
            pool[unit.code, default: []].append(unit)
        }
        var rows: [UnitImportPlan.Row] = []
        for (line, unit) in parsed {
            var parentKey: UnitKey?
            if let parentCode = unit.parentCode {
                let versions = pool[parentCode, default: []]
                let parent = versions.first { version in
                    if let from = unit.validFrom { return version.validity.contains(from) }
                    return version.validFrom == nil
                }
                if let parent {
                    if !unit.level.allowedParentLevels.contains(parent.level) {
                        problems.append(
                            ImportProblem(
                                line: line, field: "parent_code",
                                message: Bilingual(
                                    vi:
                                        "đơn vị \(unit.level.label(.vi).lowercased()) không thể trực thuộc \(parent.name) (\(parent.level.label(.vi).lowercased()))",
                                    en:
                                        "a \(unit.level.label(.en).lowercased()) unit cannot sit under \(parent.name) (\(parent.level.label(.en).lowercased()))"
                                )))
                    }
                    parentKey = UnitKey(parent)
                } else {
                    let when = unit.validFrom.map { " (còn hiệu lực ngày \($0.vietnameseShort))" } ?? ""
                    let whenEn = unit.validFrom.map { " (valid on \($0.iso))" } ?? ""
                    problems.append(
                        ImportProblem(
                            line: line, field: "parent_code",
                            message: Bilingual(
                                vi: "không tìm thấy đơn vị cấp trên có mã \(parentCode)\(when)",
                                en: "no parent unit with code \(parentCode)\(whenEn)")))
                }
            }
            rows.append(.init(unit: unit, parent: parentKey, line: line))
        }

        guard problems.isEmpty else { throw ImportRejected(problems: problems) }

        var inserts: [UnitImportPlan.Row] = []
        var updates: [UnitImportPlan.Row] = []
        var unchanged = 0
        for row in rows {
            if let stored = existingByKey[UnitKey(row.unit)] {
                if stored == row.unit { unchanged += 1 } else { updates.append(row) }
            } else {
                inserts.append(row)
            }
        }
        inserts.sort { $0.unit.level.rank < $1.unit.level.rank }
        return UnitImportPlan(inserts: inserts, updates: updates, unchangedCount: unchanged)
    }

    private static func parseRow(_ record: CSVRecord, problems: inout [ImportProblem]) -> UnitRecord? {
        let line = record.line
        guard record.fields.count == header.count else {
            problems.append(.columnCount(line: line, expected: header.count, found: record.fields.count))
            return nil
        }
        let f = record.fields.map(VietnameseText.clean)
        var ok = true
        func problem(_ field: String, _ vi: String, _ en: String) {
            problems.append(ImportProblem(line: line, field: field, message: Bilingual(vi: vi, en: en)))
            ok = false
        }
        let code = f[0]
        if code.isEmpty {
            problem("code", "thiếu mã đơn vị", "the unit code is missing")
        } else if !code.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" || $0 == ".") }
        ) {
            problem(
                "code", "mã \"\(code)\" chỉ được gồm chữ số, chữ cái không dấu, '-', '_' hoặc '.'",
                "code \"\(code)\" may only contain digits, ASCII letters, '-', '_' or '.'")
        }
        if f[1].isEmpty { problem("name", "thiếu tên đơn vị", "the unit name is missing") }
        let level = AdministrativeLevel(csvValue: f[2])
        if level == nil {
            problem(
                "level", "cấp \"\(f[2])\" không hợp lệ (province, district, commune, village)",
                "level \"\(f[2])\" is not one of province, district, commune, village")
        }
        let parentCode = f[3].isEmpty ? nil : f[3]
        if let level {
            if level == .province, parentCode != nil {
                problem("parent_code", "đơn vị cấp tỉnh không có cấp trên", "a province has no parent")
            }
            if level != .province, parentCode == nil {
                problem("parent_code", "thiếu mã đơn vị cấp trên", "the parent code is missing")
            }
        }
        var dates: [CalendarDay?] = []
        for (index, field) in [(4, "valid_from"), (5, "valid_to")] {
            if f[index].isEmpty { dates.append(nil); continue }
            if let day = CalendarDay(iso: f[index]) {
                dates.append(day)
            } else {
                problem(
                    field, "ngày \"\(f[index])\" không hợp lệ (dạng YYYY-MM-DD, ví dụ 2025-07-01)",
                    "date \"\(f[index])\" is not valid (use YYYY-MM-DD, e.g. 2025-07-01)")
                dates.append(nil)
            }
        }
        if let from = dates[0], let to = dates[1], to < from {
            problem(
                "valid_to", "ngày hết hiệu lực \(to.iso) trước ngày bắt đầu \(from.iso)",
                "valid_to \(to.iso) is before valid_from \(from.iso)")
        }
        guard ok, let level else { return nil }
        return UnitRecord(
            code: code, name: f[1], level: level, parentCode: parentCode,
            validFrom: dates[0], validTo: dates[1])
    }
}
