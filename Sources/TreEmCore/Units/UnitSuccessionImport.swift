/// Reads `predecessor_code,successor_code,date`: one row per link; a merger is several rows
/// with one successor, a split several rows with one predecessor. The predecessor is the
/// version of its code that was valid the day before `date`, the successor the one valid on it.
public enum UnitSuccessionImport {
    public static let header = ["predecessor_code", "successor_code", "date"]

    public struct Link: Sendable, Hashable {
        public var predecessor: UnitKey?
        public var successor: UnitKey?
        public var date: CalendarDay
    }

    public static func parse(csv text: String, known units: [UnitRecord]) throws(ImportRejected) -> [Link] {
        let dataRows = try CSVReader.rows(in: text, header: header)
        var byCode: [String: [UnitRecord]] = [:]
        for unit in units { byCode[unit.code, default: []].append(unit) }
        var problems: [ImportProblem] = []
        var links: [Link] = []
        for record in dataRows {
            let f = record.fields.map(VietnameseText.clean)
            guard f.count == 3 else {
                problems.append(
                    ImportProblem(
                        line: record.line, field: nil,
                        message: Bilingual(
                            vi: "cần 3 cột, có \(f.count)", en: "expected 3 columns, found \(f.count)")))
                continue
            }
            guard let date = CalendarDay(iso: f[2]) else {
                problems.append(
                    ImportProblem(
                        line: record.line, field: "date",
                        message: Bilingual(
                            vi: "ngày \"\(f[2])\" không hợp lệ (dạng YYYY-MM-DD)",
                            en: "date \"\(f[2])\" is not valid (YYYY-MM-DD)")))
                continue
            }
            let before = date.adding(days: -1)
            let predecessor = byCode[f[0], default: []].first { $0.validity.contains(before) }
            let successor = byCode[f[1], default: []].first { $0.validity.contains(date) }
            if predecessor == nil {
                problems.append(
                    ImportProblem(
                        line: record.line, field: "predecessor_code",
                        message: Bilingual(
                            vi: "không có đơn vị mã \(f[0]) còn hiệu lực ngày \(before.vietnameseShort)",
                            en: "no unit with code \(f[0]) valid on \(before.iso)")))
            }
            if successor == nil {
                problems.append(
                    ImportProblem(
                        line: record.line, field: "successor_code",
                        message: Bilingual(
                            vi: "không có đơn vị mã \(f[1]) có hiệu lực ngày \(date.vietnameseShort)",
                            en: "no unit with code \(f[1]) valid on \(date.iso)")))
            }
            links.append(
                Link(predecessor: predecessor.map(UnitKey.init), successor: successor.map(UnitKey.init), date: date))
        }
        guard problems.isEmpty else { throw ImportRejected(problems: problems) }
        return links
    }
}
