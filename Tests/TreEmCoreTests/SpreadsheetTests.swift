import Foundation
import Testing

@testable import TreEmCore

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
