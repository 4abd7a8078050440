import Foundation
import Testing

@testable import TreEmCore

@Suite("Report figures")
struct ReportFigureTests {
    @Test(
        "Numbers are read the way Vietnamese officers write them",
        arguments: [
            ("1.500.000", 1_500_000.0), ("1 500 000", 1_500_000), ("1,500,000", 1_500_000), ("12,5", 12.5),
            ("12.5", 12.5),
            ("1.500", 1500), ("42", 42), ("-3", -3), ("1.500,75", 1500.75), ("0", 0),
        ])
    func numbers(text: String, expected: Double) {
        #expect(VietnameseNumber.parse(text) == expected)
    }

    @Test(
        "Things that are not numbers are not read as numbers",
        arguments: ["ba mươi", "1.50.0", "12,", ".5", "", "1e5", "12,5,3"])
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
        let (values, problems) = ReportInput.read(
            [
                ValueKey("AM-QUA-TRE"): "10", ValueKey("AM-QUA-TRE", .female): "4", ValueKey("AM-TIEN-NS"): "3.500.000",
                ValueKey("AM-PHAT-DONG"): "Có", ValueKey("AM-LOP-BOI"): "2,5", ValueKey("AM-HOC-BOI"): "",
            ], form: form)
        #expect(values[ValueKey("AM-QUA-TRE")] == .some(.number(10)))
        #expect(values[ValueKey("AM-TIEN-NS")] == .some(.number(3_500_000)))
        #expect(values[ValueKey("AM-PHAT-DONG")] == .some(.number(1)))
        #expect(values[ValueKey("AM-HOC-BOI")] == .some(nil), "an emptied cell clears the figure")
        #expect(
            problems.map(\.message.vi) == ["Số lớp dạy bơi, an toàn trong môi trường nước: \"2,5\" phải là số nguyên."])
        let unknown = ReportInput.read([ValueKey("KHONG-CO"): "1"], form: form).problems
        #expect(unknown.first?.message.vi.contains("Biểu mẫu không có ô KHONG-CO") == true)
    }
}
