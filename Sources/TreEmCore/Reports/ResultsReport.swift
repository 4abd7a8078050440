import Foundation

/// Báo cáo kết quả: what a unit sends up at the end of a round, composed as an administrative
/// document (Nghị định 30/2020/NĐ-CP; "BC" is the report's abbreviation in its number) with the
/// aggregated figures in a table and the units' own words, ready for the officer to edit and sign.
public struct ResultsReport: Sendable {
    public struct UnitText: Sendable {
        public var unitName: String
        public var results: String
        public var difficulties: String
        public var proposals: String

        public init(unitName: String, results: String, difficulties: String, proposals: String) {
            self.unitName = unitName
            self.results = results
            self.difficulties = difficulties
            self.proposals = proposals
        }
    }

    /// "ỦY BAN NHÂN DÂN\nHUYỆN KIM THÀNH".
    public var issuerName: String
    public var superiorName: String?
    public var place: String
    public var date: CalendarDay
    /// "Kế hoạch số 94/KH-UBND ngày 15/4/2024 của UBND tỉnh Hải Dương": what the report answers.
    public var planReference: String?
    public var form: ReportForm
    public var year: Int
    public var unitName: String
    public var figures: [ValueKey: Double]
    public var completeness: Completeness?
    public var missingUnits: [String]
    public var own: UnitText
    public var lower: [UnitText]
    public var reportTo: String?

    public init(
        issuerName: String, superiorName: String? = nil, place: String, date: CalendarDay, planReference: String?,
        form: ReportForm, year: Int, unitName: String, figures: [ValueKey: Double], completeness: Completeness?,
        missingUnits: [String], own: UnitText, lower: [UnitText], reportTo: String?
    ) {
        self.issuerName = issuerName
        self.superiorName = superiorName
        self.place = place
        self.date = date
        self.planReference = planReference
        self.form = form
        self.year = year
        self.unitName = unitName
        self.figures = figures
        self.completeness = completeness
        self.missingUnits = missingUnits
        self.own = own
        self.lower = lower
        self.reportTo = reportTo
    }

    public var title: String {
        let name =
            form.name.hasPrefix("Kết quả")
            ? String(form.name.dropFirst("Kết quả".count)).trimmingCharacters(in: .whitespaces) : form.name
        return "Kết quả \(name) năm \(year)"
    }

    /// The figures as table rows: STT, indicator, unit of measure, result, target.
    public func figureTable() -> [[String]] {
        var rows: [[String]] = [["STT", "Chỉ tiêu", "Đơn vị tính", "Kết quả", "Chỉ tiêu kế hoạch"]]
        var number = 0
        for section in form.sections {
            rows.append(["", section.title, "", "", ""])
            for indicator in section.indicators where indicator.type.isNumeric {
                number += 1
                let value =
                    figures[ValueKey(indicator.code)].map { VietnameseNumber.display($0, type: indicator.type) } ?? "—"
                rows.append([
                    "\(number)", indicator.name, indicator.unit, value,
                    indicator.target.map { VietnameseNumber.display($0, type: indicator.type) } ?? "",
                ])
                for part in indicator.breakdowns.flatMap(\.parts) {
                    guard let partValue = figures[ValueKey(indicator.code, part)] else { continue }
                    rows.append([
                        "", "- \(part.label.vi)", indicator.unit,
                        VietnameseNumber.display(partValue, type: indicator.type), "",
                    ])
                }
            }
        }
        return rows
    }

    public func composition() -> PlanComposition {
        var body: [PlanComposition.Block] = []
        let issuer = issuerName.split(whereSeparator: \.isNewline).map { VietnameseText.clean(String($0)) }
        let issuerPhrase = PlanComposition.titleCase(issuer.joined(separator: " "))
        body.append(
            .paragraph(
                (planReference.map { "Thực hiện \($0), " } ?? "") + "\(issuerPhrase) báo cáo kết quả thực hiện như sau:"
            ))
        body.append(.heading(level: 0, label: "I.", text: "KẾT QUẢ THỰC HIỆN"))
        if let completeness, completeness.expected > 0 {
            body.append(.heading(level: 1, label: "1.", text: "Tình hình báo cáo của các đơn vị"))
            var sentence =
                "\(completeness.submitted)/\(completeness.expected) đơn vị đã gửi báo cáo (\(completeness.onTime) đúng hạn, \(completeness.late) muộn)"
            sentence += missingUnits.isEmpty ? "." : "; chưa gửi: \(missingUnits.joined(separator: ", "))."
            body.append(.paragraph(sentence))
        }
        let figuresNumber = completeness == nil ? "1." : "2."
        body.append(.heading(level: 1, label: figuresNumber, text: "Kết quả các chỉ tiêu"))
        body.append(.table(figureTable()))
        let highlights = lower.filter { !$0.results.isEmpty }
        if !own.results.isEmpty || !highlights.isEmpty {
            body.append(.heading(level: 1, label: completeness == nil ? "2." : "3.", text: "Kết quả nổi bật"))
            body += paragraphs(own.results)
            body += highlights.map { .bullet("\($0.unitName): \(VietnameseText.clean($0.results))", depth: 0) }
        }
        body.append(.heading(level: 0, label: "II.", text: "KHÓ KHĂN, VƯỚNG MẮC"))
        body += section(own: own.difficulties, lower: lower.map { ($0.unitName, $0.difficulties) })
        body.append(.heading(level: 0, label: "III.", text: "ĐỀ XUẤT, KIẾN NGHỊ"))
        body += section(own: own.proposals, lower: lower.map { ($0.unitName, $0.proposals) })
        body.append(.paragraph("Trên đây là báo cáo \(PlanComposition.lowercasedFirst(title)) của \(issuerPhrase)./."))
        return PlanComposition(
            superiorName: superiorName?.uppercased(), issuerLines: issuer.map { $0.uppercased() },
            numberLine: "Số:      /BC-UBND",
            placeAndDate:
                "\(place), ngày \(String(format: "%02d", date.day)) tháng \(date.month < 3 ? String(format: "%02d", date.month) : String(date.month)) năm \(date.year)",
            documentType: "BÁO CÁO", title: title, body: body,
            recipients: (reportTo.map { ["- \($0);"] } ?? []) + ["- Lưu: VT."],
            signatureLines: ["TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH"], signerName: "")
    }

    private func paragraphs(_ text: String) -> [PlanComposition.Block] {
        text.split(whereSeparator: \.isNewline).map { VietnameseText.clean(String($0)) }.filter { !$0.isEmpty }.map {
            .paragraph($0)
        }
    }

    private func section(own: String, lower: [(String, String)]) -> [PlanComposition.Block] {
        let blocks =
            paragraphs(own)
            + lower.filter { !$0.1.isEmpty }.map { .bullet("\($0.0): \(VietnameseText.clean($0.1))", depth: 0) }
        return blocks.isEmpty ? [.paragraph("Không có.")] : blocks
    }
}

/// The aggregated figures of a unit and of each unit below it, for a spreadsheet: one row per
/// indicator (and breakdown part), one column per unit.
public enum ResultsSpreadsheet {
    public static func table(
        form: ReportForm, title: String, unitName: String, asOf: CalendarDay,
        total: [ValueKey: Double], children: [(name: String, figures: [ValueKey: Double])]
    ) -> Spreadsheet {
        var sheet = Spreadsheet(sheetName: "Tổng hợp")
        sheet.append([.text(title)], bold: true)
        sheet.append([.text("Đơn vị: \(unitName) · theo đơn vị hành chính ngày \(asOf.vietnameseShort)")])
        sheet.append([])
        sheet.append(
            [.text("Mã"), .text("Chỉ tiêu"), .text("Đơn vị tính"), .text(unitName)] + children.map { .text($0.name) },
            bold: true)
        for section in form.sections {
            sheet.append([.empty, .text(section.title)], bold: true)
            for indicator in section.indicators where indicator.type.isNumeric {
                for part in indicator.parts {
                    let key = ValueKey(indicator.code, part)
                    guard part == .total || total[key] != nil else { continue }
                    let name = part == .total ? indicator.name : "  \(part.label.vi)"
                    let cells: [Spreadsheet.Cell] =
                        [total[key].map { .number($0) } ?? .empty]
                        + children.map { $0.figures[key].map { .number($0) } ?? .empty }
                    sheet.append(
                        [.text(part == .total ? indicator.code : ""), .text(name), .text(indicator.unit)] + cells)
                }
            }
        }
        sheet.columnWidths = [18, 60, 12] + Array(repeating: 16, count: children.count + 1)
        return sheet
    }
}
