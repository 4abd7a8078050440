import Foundation
import Testing

@testable import TreEmCore

extension CraftedDOCX {
    /// A table whose rows hold cells of paragraphs, as Word writes a letterhead or a table of tasks.
    static func table(_ rows: [[[String]]]) -> String {
        "<w:tbl><w:tblPr><w:tblW w:w=\"9000\" w:type=\"dxa\"/></w:tblPr>"
            + rows.map { row in
                "<w:tr>" + row.map { cell in "<w:tc>" + cell.map { paragraph($0) }.joined() + "</w:tc>" }.joined()
                    + "</w:tr>"
            }.joined() + "</w:tbl>"
    }
}

@Suite("Reading plan documents: Word files with a letterhead table")
struct PlanReaderDOCXTests {
    static let letterhead = CraftedDOCX.table([
        [
            ["ỦY BAN NHÂN DÂN", "THỊ XÃ BÌNH LÂM", ""],
            ["CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc", ""],
        ],
        [["Số: 58/KH-UBND"], ["Bình Lâm, ngày 22 tháng 4 năm 2024"]],
    ])

    static let tasks = CraftedDOCX.table([
        [["STT"], ["Nội dung"], ["Đơn vị chủ trì"]],
        [["1"], ["Lễ phát động Tháng hành động"], ["Phòng Văn hóa và Thông tin"]],
        [["2"], ["Thăm, tặng quà trẻ em", "có hoàn cảnh đặc biệt"], ["Phòng Lao động - Thương binh và Xã hội"]],
    ])

    static let signature = CraftedDOCX.table([
        [
            ["Nơi nhận:", "- UBND tỉnh;", "- Lưu: VT."],
            ["TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH", "Trịnh Văn Bảo"],
        ]
    ])

    static var body: String {
        letterhead
            + [
                "KẾ HOẠCH", "Triển khai Tháng hành động vì trẻ em thị xã Bình Lâm năm 2024",
                "Thực hiện Kế hoạch số 41/KH-UBND ngày 10/4/2024 của UBND tỉnh về Tháng hành động vì trẻ em năm 2024, Ủy ban nhân dân thị xã xây dựng Kế hoạch như sau:",
                "I. MỤC ĐÍCH, YÊU CẦU", "- Mọi trẻ em có một mùa hè an toàn.", "II. NỘI DUNG",
                "1. Chủ đề: “Trẻ em được bảo vệ ở mọi nơi”.", "2. Thời gian: Từ ngày 01/6/2024 đến ngày 30/6/2024.",
                "3. Các hoạt động chính",
            ].map { CraftedDOCX.paragraph($0) }.joined() + tasks
            + [
                "III. TỔ CHỨC THỰC HIỆN", "1. Phòng Lao động - Thương binh và Xã hội",
                "- Chủ trì, theo dõi việc thực hiện Kế hoạch.", "2. Phòng Văn hóa và Thông tin",
                "- Tuyên truyền trên cổng thông tin điện tử thị xã.",
            ].map { CraftedDOCX.paragraph($0) }.joined() + signature
    }

    @Test("The letterhead table gives one line per row; other tables keep a line per paragraph")
    func lines() throws {
        let text = try DOCXText.text(of: CraftedDOCX.docx(document: CraftedDOCX.document(Self.body), deflated: true))
        let lines = text.components(separatedBy: "\n")
        #expect(
            Array(lines.prefix(2)) == [
                "ỦY BAN NHÂN DÂN THỊ XÃ BÌNH LÂM | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM Độc lập - Tự do - Hạnh phúc",
                "Số: 58/KH-UBND | Bình Lâm, ngày 22 tháng 4 năm 2024",
            ])
        #expect(lines.contains("Thăm, tặng quà trẻ em") && lines.contains("có hoàn cảnh đặc biệt"))
        #expect(lines.contains("Đơn vị chủ trì"))
        #expect(!lines.contains { $0.contains(" | ") && $0.contains("STT") })
        // The signature table has "ỦY BAN NHÂN DÂN" but is no letterhead: its lines stay apart.
        #expect(
            lines.suffix(7) == [
                "Nơi nhận:", "- UBND tỉnh;", "- Lưu: VT.", "TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH",
                "Trịnh Văn Bảo",
            ])
    }

    @Test("A Word plan with a letterhead table reads its issuer, number, place, date and parts")
    func plan() throws {
        let text = try DOCXText.text(of: CraftedDOCX.docx(document: CraftedDOCX.document(Self.body), deflated: false))
        let reading = PlanReader.readDetailed(text)
        let plan = reading.plan
        #expect(plan.issuer == "Ủy ban nhân dân thị xã Bình Lâm")
        #expect(plan.number == "58/KH-UBND")
        #expect(plan.place == "Bình Lâm")
        #expect(plan.issuedOn == ImportedPlan.IssuedOn(year: 2024, month: 4, day: 22))
        #expect(plan.title == "Triển khai Tháng hành động vì trẻ em thị xã Bình Lâm năm 2024")
        #expect(plan.kind == "actionMonth")
        #expect(plan.theme == "Trẻ em được bảo vệ ở mọi nơi")
        #expect(plan.period == ImportedPlan.Period(start: "2024-06-01", end: "2024-06-30"))
        #expect(
            plan.assignments.map(\.agency) == ["Phòng Lao động - Thương binh và Xã hội", "Phòng Văn hóa và Thông tin"])
        #expect(reading.extras.sections.map(\.text) == ["Các hoạt động chính"])
        #expect(plan.signature?.name == "Trịnh Văn Bảo")
        #expect(plan.recipients == ["UBND tỉnh", "Lưu: VT"])
        #expect(reading.uncertain.isEmpty)
    }
}
