import Foundation
import Testing
@testable import TreEmCore

@Suite("Report figures")
struct ReportFigureTests {
    @Test("Numbers are read the way Vietnamese officers write them", arguments: [
        ("1.500.000", 1_500_000.0), ("1 500 000", 1_500_000), ("1,500,000", 1_500_000), ("12,5", 12.5), ("12.5", 12.5),
        ("1.500", 1500), ("42", 42), ("-3", -3), ("1.500,75", 1500.75), ("0", 0),
    ])
    func numbers(text: String, expected: Double) {
        #expect(VietnameseNumber.parse(text) == expected)
    }

    @Test("Things that are not numbers are not read as numbers", arguments: ["ba mươi", "1.50.0", "12,", ".5", "", "1e5", "12,5,3"])
    func notNumbers(text: String) {
        #expect(VietnameseNumber.parse(text) == nil)
    }

    @Test("Figures are written back with dots between thousands and a decimal comma")
    func formatting() {
        #expect(VietnameseNumber.format(1_500_000) == "1.500.000")
        #expect(VietnameseNumber.format(12.5, fractionDigits: 1) == "12,5")
        #expect(VietnameseNumber.display(87.5, type: .percent) == "87,5%")
        #expect(VietnameseNumber.display(1, type: .yesNo) == "Có")
    }

    @Test("Typed cells are read by type; a bad one names the indicator and the cell")
    func input() {
        let form = ReportForm.actionMonthResults
        let (values, problems) = ReportInput.read([
            ValueKey("AM-QUA-TRE"): "10", ValueKey("AM-QUA-TRE", .female): "4", ValueKey("AM-TIEN-NS"): "3.500.000",
            ValueKey("AM-PHAT-DONG"): "Có", ValueKey("AM-LOP-BOI"): "2,5", ValueKey("AM-HOC-BOI"): "",
        ], form: form)
        #expect(values[ValueKey("AM-QUA-TRE")] == .some(.number(10)))
        #expect(values[ValueKey("AM-TIEN-NS")] == .some(.number(3_500_000)))
        #expect(values[ValueKey("AM-PHAT-DONG")] == .some(.number(1)))
        #expect(values[ValueKey("AM-HOC-BOI")] == .some(nil), "an emptied cell clears the figure")
        #expect(problems.map(\.message.vi) == ["Số lớp dạy bơi, an toàn trong môi trường nước: \"2,5\" phải là số nguyên."])
        let unknown = ReportInput.read([ValueKey("KHONG-CO"): "1"], form: form).problems
        #expect(unknown.first?.message.vi.contains("Biểu mẫu không có ô KHONG-CO") == true)
    }
}

@Suite("Report validation")
struct ReportValidationTests {
    let form = ReportForm.actionMonthResults

    func problems(_ values: [ValueKey: Double], lastYear: [ValueKey: Double] = [:]) -> [ReportProblem] {
        ReportValidation.problems(values.mapValues { .number($0) }, form: form, lastYear: lastYear)
    }

    @Test("Negative figures, parts above their whole and drownings above incidents are errors")
    func errors() {
        let found = problems([ValueKey("AM-QUA-DS"): 55, ValueKey("AM-QUA-TRE"): 60, ValueKey("AM-DUOI-NUOC"): 1,
                              ValueKey("AM-DUOI-NUOC-TU-VONG"): 2, ValueKey("AM-TT-SU-KIEN"): -1])
        #expect(found.allSatisfy { $0.severity == .error })
        let messages = found.map(\.message.vi)
        #expect(messages.contains("Số trẻ em được thăm hỏi, tặng quà (60) lớn hơn Số trẻ em có hoàn cảnh đặc biệt, khó khăn trong danh sách được rà soát (55)."))
        #expect(messages.contains("Số trẻ em tử vong do đuối nước (2) lớn hơn Số vụ đuối nước trẻ em (1)."))
        #expect(messages.contains("Số buổi, sự kiện truyền thông: không được là số âm (-1)."))
        #expect(found.count == 3)
    }

    @Test("The parts of a breakdown add up to the total")
    func breakdowns() {
        #expect(problems([ValueKey("AM-QUA-TRE"): 10, ValueKey("AM-QUA-TRE", .male): 6, ValueKey("AM-QUA-TRE", .female): 4]).isEmpty)
        let wrong = problems([ValueKey("AM-QUA-TRE"): 10, ValueKey("AM-QUA-TRE", .male): 6, ValueKey("AM-QUA-TRE", .female): 5])
        #expect(wrong.map(\.message.vi) == ["Số trẻ em được thăm hỏi, tặng quà: cộng theo giới tính được 11, khác tổng số 10."])
        // One part given is fine as long as it does not pass the total.
        #expect(problems([ValueKey("AM-QUA-TRE"): 10, ValueKey("AM-QUA-TRE", .age0to5): 3]).isEmpty)
        #expect(problems([ValueKey("AM-QUA-TRE"): 10, ValueKey("AM-QUA-TRE", .age0to5): 13]).count == 1)
    }

    @Test("A figure far from last year's is a warning, not an error; small numbers are not")
    func lastYear() {
        let far = problems([ValueKey("AM-TT-SU-KIEN"): 40], lastYear: [ValueKey("AM-TT-SU-KIEN"): 5])
        #expect(far.map(\.severity) == [.warning])
        #expect(far.first?.message.vi.contains("khác xa năm trước (5)") == true)
        #expect(problems([ValueKey("AM-DUOI-NUOC"): 2], lastYear: [ValueKey("AM-DUOI-NUOC"): 0]).isEmpty)
        #expect(problems([ValueKey("AM-TT-SU-KIEN"): 12], lastYear: [ValueKey("AM-TT-SU-KIEN"): 10]).isEmpty)
    }

    @Test("Warnings need an explanation, errors always block, lower units must be approved unless partial")
    func submission() {
        let warning = ReportProblem(.warning, ValueKey("AM-TT-SU-KIEN"), Bilingual(vi: "w", en: "w"))
        #expect(ReportRules.submissionRefusal(status: .draft, problems: [warning], warningComment: "", lowerNotApproved: [], partial: false).count == 1)
        #expect(ReportRules.submissionRefusal(status: .draft, problems: [warning], warningComment: "Năm nay có thêm kinh phí.",
                                              lowerNotApproved: [], partial: false).isEmpty)
        #expect(ReportRules.submissionRefusal(status: .returned, problems: [], warningComment: nil, lowerNotApproved: ["Xã A"], partial: false)
            .first?.vi.contains("Còn 1 đơn vị cấp dưới chưa được duyệt báo cáo (Xã A)") == true)
        #expect(ReportRules.submissionRefusal(status: .draft, problems: [], warningComment: nil, lowerNotApproved: ["Xã A"], partial: true).isEmpty)
        #expect(ReportRules.submissionRefusal(status: .approved, problems: [], warningComment: nil, lowerNotApproved: [], partial: false)
            .first?.vi == "Báo cáo đã được duyệt; số liệu đã khóa.")
    }

    @Test("Both shipped forms hang together")
    func builtInForms() {
        for form in ReportForm.builtIn { #expect(form.problems().isEmpty, "\(form.code)") }
        var broken = ReportForm.annualChildWork
        broken.sections[0].indicators[1].partOf = "KHONG-CO"
        #expect(broken.problems().map(\.vi) == ["Chỉ tiêu CT-HCDB-TRO-GIUP là một phần của KHONG-CO, nhưng biểu mẫu không có chỉ tiêu đó."])
    }
}

@Suite("Timeliness and totals")
struct ReportTimelinessTests {
    func instant(_ iso: String) -> Date { ISO8601DateFormatter().date(from: iso)! }

    @Test("A report sent at 23:59 Hanoi time on the deadline is on time; at 00:00 the next day it is late")
    func deadlineEdge() {
        let deadline = CalendarDay(year: 2024, month: 7, day: 10)!
        #expect(ReportRules.timeliness(deadline: deadline, submittedAt: instant("2024-07-10T23:59:59+07:00"), now: .now) == .onTime)
        #expect(ReportRules.timeliness(deadline: deadline, submittedAt: instant("2024-07-10T17:00:00Z"), now: .now) == .late)
        #expect(ReportRules.timeliness(deadline: deadline, submittedAt: nil, now: instant("2024-07-10T16:59:59Z")) == .pending)
        #expect(ReportRules.timeliness(deadline: deadline, submittedAt: nil, now: instant("2024-07-11T00:00:00+07:00")) == .overdue)
    }

    @Test("Completeness counts expected, submitted, approved, on time, late, missing and overdue")
    func completeness() {
        let deadline = CalendarDay(year: 2024, month: 7, day: 10)
        let now = instant("2024-07-15T09:00:00+07:00")
        var c = Completeness()
        c.add(status: .approved, deadline: deadline, submittedAt: instant("2024-07-09T09:00:00+07:00"), now: now)
        c.add(status: .submitted, deadline: deadline, submittedAt: instant("2024-07-12T09:00:00+07:00"), now: now)
        c.add(status: .returned, deadline: deadline, submittedAt: instant("2024-07-08T09:00:00+07:00"), now: now)
        c.add(status: .draft, deadline: CalendarDay(year: 2024, month: 7, day: 20), submittedAt: nil, now: now)
        #expect(c.expected == 4)
        #expect(c.submitted == 2)
        #expect(c.approved == 1)
        #expect(c.onTime == 1)
        #expect(c.late == 1)
        #expect(c.missing == 2)
        #expect(c.overdue == 1, "the returned one is missing after its deadline; the draft still has time")
    }

    @Test("Deadlines step down ten days a level (Thông tư 28/2019, Điều 5)")
    func deadlines() {
        let root = CalendarDay(year: 2024, month: 7, day: 20)!
        #expect(ReportRules.deadline(rootDeadline: root, depth: 1) == root)
        #expect(ReportRules.deadline(rootDeadline: root, depth: 2).iso == "2024-07-10")
        #expect(ReportRules.actionMonthDeadline(year: 2024, reportingTo: .district).iso == "2024-07-10")
        #expect(ReportRules.actionMonthDeadline(year: 2026, reportingTo: .province).iso == "2026-07-20")
    }

    @Test("Shares are computed from the added-up parts, never averaged")
    func ratios() {
        let form = ReportForm.annualChildWork
        let figures = Aggregation.figures([ValueKey("CT-HCDB"): CellSum(sum: 10 + 90, count: 2),
                                           ValueKey("CT-HCDB-TRO-GIUP"): CellSum(sum: 10 + 45, count: 2)], form: form)
        // 100% of 10 and 50% of 90 is 55%, not the 75% an average of shares would say.
        #expect(figures[ValueKey("CT-HCDB-TY-LE")] == 55)
    }
}

@Suite("Spreadsheets")
struct SpreadsheetTests {
    @Test("Text that a spreadsheet would run as a formula is neutralised, in XLSX and CSV")
    func neutralised() throws {
        var sheet = Spreadsheet(sheetName: "Tổng hợp: 2024")
        sheet.append([.text("Đơn vị"), .text("Số trẻ em")], bold: true)
        sheet.append([.text("=HYPERLINK(\"http://x\")"), .number(42)])
        sheet.append([.text("+1"), .number(-3)])
        sheet.append([.text("@SUM(A1)"), .number(1_500_000)])
        let csv = String(decoding: sheet.csv(), as: UTF8.self)
        #expect(csv.contains("\"'=HYPERLINK(\"\"http://x\"\")\",42"))
        #expect(csv.contains("'+1,-3"))
        let zip = try ZipReader.entries(sheet.xlsx())
        let xml = String(decoding: try #require(zip["xl/worksheets/sheet1.xml"]), as: UTF8.self)
        #expect(xml.contains("<t xml:space=\"preserve\">'=HYPERLINK(&quot;http://x&quot;)</t>"))
        #expect(xml.contains("<t xml:space=\"preserve\">'@SUM(A1)</t>"))
        #expect(xml.contains("<c r=\"B4\" s=\"2\"><v>1500000</v></c>"))
        #expect(!xml.contains("<f>"))
        let workbook = String(decoding: try #require(zip["xl/workbook.xml"]), as: UTF8.self)
        #expect(workbook.contains("name=\"Tổng hợp 2024\""), "a colon is not allowed in a sheet name")
    }
}

@Suite("Charts")
struct BarChartTests {
    @Test("Each unit gets a bar as long as its share of the largest; a target is a dashed line with its value")
    func bars() {
        let chart = BarChart(title: "Tỷ lệ <trẻ em>", bars: [.init(label: "Xã Kim Thành", value: 100), .init(label: "Xã Phú Thái", value: 50),
                                                              .init(label: "Xã Hà Bắc", value: nil)],
                             target: 90, valueType: .percent)
        let svg = chart.svg()
        #expect(svg.contains("<title>Tỷ lệ &lt;trẻ em&gt;</title>"))
        #expect(svg.contains("width=\"380.0\""), "100% fills the bar area")
        #expect(svg.contains("width=\"190.0\""), "50% fills half of it")
        #expect(svg.contains("chưa có số liệu"))
        #expect(svg.contains("stroke-dasharray") && svg.contains("Chỉ tiêu 90%"))
        #expect(!svg.contains("style="))
    }
}

@Suite("Forms from a spreadsheet")
struct ReportFormImportTests {
    @Test("A form written one indicator a line is read with its sections, types, breakdowns and parts")
    func reads() throws {
        let csv = """
            section,code,name,unit,type,breakdowns,part_of,target
            1. Trẻ em,TE-DS,Số trẻ em trong danh sách,trẻ em,số nguyên,giới tính,,
            1. Trẻ em,te-qua,Số trẻ em được tặng quà,trẻ em,integer,sex ageGroup,TE-DS,
            2. Kinh phí,KP,Kinh phí,đồng,tiền,,,
            2. Kinh phí,TL,Tỷ lệ xã có điểm vui chơi,%,tỷ lệ,,,"90%"
            """
        let form = try ReportFormImport.parse(csv: csv, code: "mau-1", name: "Mẫu thử", planKind: .other)
        #expect(form.code == "MAU-1")
        #expect(form.sections.map(\.title) == ["1. Trẻ em", "2. Kinh phí"])
        #expect(form.indicator("TE-QUA")?.partOf == "TE-DS")
        #expect(form.indicator("TE-QUA")?.breakdowns == [.sex, .ageGroup])
        #expect(form.indicator("KP")?.type == .money)
        #expect(form.indicator("TL")?.target == 90)
        #expect(form.indicator("TL")?.aggregation == .average)
        #expect(form.problems().isEmpty)
    }

    @Test("Every bad line is named with its column; nothing is half-read")
    func rejects() {
        let csv = """
            section,code,name,unit,type,breakdowns,part_of,target
            A,X1,Một,cái,integer,,,
            A,X1,Hai,cái,số đếm,tuổi,,
            A,X3,,cái,integer,,KHONG,abc
            """
        #expect(throws: ImportRejected.self) { try ReportFormImport.parse(csv: csv, code: "M", name: "M", planKind: nil) }
        do {
            _ = try ReportFormImport.parse(csv: csv, code: "M", name: "M", planKind: nil)
        } catch {
            let text = error.report(.vi)
            #expect(text.contains("Dòng 3, cột code: mã X1 trùng với dòng 2"))
            #expect(text.contains("Dòng 3, cột type: kiểu \"số đếm\" không có"))
            #expect(text.contains("Dòng 3, cột breakdowns: phân tổ \"tuổi\" không đọc được"))
            #expect(text.contains("Dòng 4, cột name: thiếu tên chỉ tiêu"))
            #expect(text.contains("Dòng 4, cột target: \"abc\" không phải là số"))
        }
    }
}
