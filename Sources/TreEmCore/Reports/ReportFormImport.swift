/// A form written in a spreadsheet, one indicator a line:
/// `section,code,name,unit,type,breakdowns,part_of,target`. `type` is integer, money, decimal,
/// percent, yesNo or text (or the Vietnamese "số nguyên", "tiền", "thập phân", "tỷ lệ",
/// "có/không", "chữ"); `breakdowns` is empty, "sex", "ageGroup" or "sex ageGroup"
/// ("giới tính", "nhóm tuổi"). Sections follow the order they first appear in.
public enum ReportFormImport {
    public static let header = ["section", "code", "name", "unit", "type", "breakdowns", "part_of", "target"]

    static let typeWords: [String: IndicatorValueType] = [
        "so nguyen": .integer, "tien": .money, "tien (dong)": .money, "thap phan": .decimal, "so thap phan": .decimal,
        "ty le": .percent, "%": .percent, "co/khong": .yesNo, "chu": .text,
    ]

    public static func parse(
        csv text: String, code: String, name: String, planKind: PlanKind?
    ) throws(ImportRejected) -> ReportForm {
        let records = try CSVReader.rows(in: text, header: header)
        var problems: [ImportProblem] = []
        var sections: [ReportForm.Section] = []
        var seen: [String: Int] = [:]
        for record in records {
            let f = record.fields.map(VietnameseText.clean)
            if f.allSatisfy(\.isEmpty) { continue }
            guard f.count == header.count else {
                problems.append(.columnCount(line: record.line, expected: header.count, found: f.count))
                continue
            }
            func problem(_ field: String, _ vi: String, _ en: String) {
                problems.append(ImportProblem(line: record.line, field: field, message: Bilingual(vi: vi, en: en)))
            }
            if f[0].isEmpty { problem("section", "thiếu tên phần", "the section is missing") }
            let indicatorCode = f[1].uppercased()
            if indicatorCode.isEmpty || indicatorCode.count > 40 || indicatorCode.contains(" ") {
                problem(
                    "code", "mã \"\(f[1])\" không hợp lệ (1–40 ký tự, không dấu cách)",
                    "code \"\(f[1])\" is not valid (1–40 characters, no spaces)")
            } else if let first = seen[indicatorCode] {
                problem(
                    "code", "mã \(indicatorCode) trùng với dòng \(first)", "code \(indicatorCode) repeats line \(first)"
                )
            } else {
                seen[indicatorCode] = record.line
            }
            if f[2].isEmpty { problem("name", "thiếu tên chỉ tiêu", "the indicator's name is missing") }
            if f[3].isEmpty { problem("unit", "thiếu đơn vị tính", "the unit of measure is missing") }
            let type = IndicatorValueType(rawValue: f[4]) ?? typeWords[VietnameseText.fold(f[4])]
            if type == nil {
                problem(
                    "type", "kiểu \"\(f[4])\" không có; dùng: integer, money, decimal, percent, yesNo, text",
                    "type \"\(f[4])\" is unknown; use integer, money, decimal, percent, yesNo, text")
            }
            var breakdowns: [IndicatorBreakdown] = []
            for word in VietnameseText.fold(f[5]).replacingOccurrences(of: "gioi tinh", with: "sex")
                .replacingOccurrences(of: "nhom tuoi", with: "agegroup").split(whereSeparator: {
                    $0 == " " || $0 == ";" || $0 == ","
                })
            {
                switch word {
                case "sex": breakdowns.append(.sex)
                case "agegroup": breakdowns.append(.ageGroup)
                default:
                    problem(
                        "breakdowns", "phân tổ \"\(f[5])\" không đọc được; dùng: sex (giới tính), ageGroup (nhóm tuổi)",
                        "breakdowns \"\(f[5])\" cannot be read; use sex, ageGroup")
                }
            }
            var target: Double?
            if !f[7].isEmpty {
                target = VietnameseNumber.parse(f[7].hasSuffix("%") ? String(f[7].dropLast()) : f[7])
                if target == nil { problem("target", "\"\(f[7])\" không phải là số", "\"\(f[7])\" is not a number") }
            }
            guard let type else { continue }
            let indicator = Indicator(
                code: indicatorCode, name: f[2], unit: f[3], type: type, breakdowns: breakdowns,
                partOf: f[6].isEmpty ? nil : f[6].uppercased(), target: target)
            if let index = sections.firstIndex(where: { $0.title == f[0] }) {
                sections[index].indicators.append(indicator)
            } else {
                sections.append(ReportForm.Section(title: f[0], indicators: [indicator]))
            }
        }
        let form = ReportForm(
            code: VietnameseText.clean(code).uppercased(), name: VietnameseText.clean(name), planKind: planKind,
            sections: sections)
        if problems.isEmpty {
            // What only the whole form can tell: a part of an indicator that is not there.
            for indicator in form.indicators {
                if let whole = indicator.partOf, form.indicator(whole) == nil || whole == indicator.code {
                    problems.append(
                        ImportProblem(
                            line: seen[indicator.code] ?? 1, field: "part_of",
                            message: Bilingual(
                                vi: "chỉ tiêu \(whole) không có trong biểu mẫu",
                                en: "indicator \(whole) is not in the form")))
                }
            }
            if form.indicators.isEmpty {
                problems.append(
                    ImportProblem(
                        line: 1, field: nil,
                        message: Bilingual(vi: "tệp không có chỉ tiêu nào", en: "the file has no indicators")))
            }
        }
        guard problems.isEmpty else { throw ImportRejected(problems: problems) }
        return form
    }
}
