/// Reads `unit_code,unit_valid_from,name,kind`: the agencies of unit versions.
public enum AgencyImport {
    public static let header = ["unit_code", "unit_valid_from", "name", "kind"]

    public struct Row: Sendable, Hashable {
        public var unit: UnitKey
        public var name: String
        public var kind: AgencyKind
        public var line: Int
    }

    public static func parse(csv text: String, known: Set<UnitKey>) throws(ImportRejected) -> [Row] {
        let dataRows = try CSVReader.rows(in: text, header: header)
        var problems: [ImportProblem] = []
        var rows: [Row] = []
        for record in dataRows {
            let f = record.fields.map(VietnameseText.clean)
            guard f.count == header.count else {
                problems.append(.columnCount(line: record.line, expected: header.count, found: f.count))
                continue
            }
            var validFrom: CalendarDay?
            if !f[1].isEmpty {
                validFrom = CalendarDay(iso: f[1])
                if validFrom == nil {
                    problems.append(
                        ImportProblem(
                            line: record.line, field: "unit_valid_from",
                            message: Bilingual(
                                vi: "ngày \"\(f[1])\" không hợp lệ", en: "date \"\(f[1])\" is not valid")))
                    continue
                }
            }
            let key = UnitKey(code: f[0], validFrom: validFrom)
            if !known.contains(key) {
                problems.append(
                    ImportProblem(
                        line: record.line, field: "unit_code",
                        message: Bilingual(
                            vi: "không có đơn vị \(key)", en: "no unit \(key)")))
            }
            if f[2].isEmpty {
                problems.append(
                    ImportProblem(
                        line: record.line, field: "name",
                        message: Bilingual(vi: "thiếu tên cơ quan", en: "the name is missing")))
            }
            guard let kind = AgencyKind(rawValue: f[3]) else {
                problems.append(
                    ImportProblem(
                        line: record.line, field: "kind",
                        message: Bilingual(
                            vi: "loại cơ quan \"\(f[3])\" không hợp lệ", en: "agency kind \"\(f[3])\" is not valid")))
                continue
            }
            rows.append(Row(unit: key, name: f[2], kind: kind, line: record.line))
        }
        guard problems.isEmpty else { throw ImportRejected(problems: problems) }
        return rows
    }
}
