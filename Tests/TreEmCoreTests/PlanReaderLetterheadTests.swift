import Foundation
import Testing

@testable import TreEmCore

/// What a reader of a copy would check first: who issued it, its number, place and date, its
/// title, kind, theme and period, and how many parts and assignments came through.
struct CopyExpectation: Sendable, CustomStringConvertible {
    var name: String
    var issuer: String
    var number: String?
    var place: String
    var issuedOn: ImportedPlan.IssuedOn
    var title: String
    var theme: String?
    var period: ImportedPlan.Period?
    var bases: Int
    var sections: Int
    var assignments: [String]
    var tasks: Int
    var reportingDeadline: String?
    var signer: String
    /// The parts the reading must name as uncertain, and no others.
    var uncertain: [String] = []

    var description: String { name }
}

@Suite("Reading plan documents: letterheads as copies bring them")
struct PlanReaderLetterheadTests {
    static let copies: [CopyExpectation] = [
        // A web page: menus and related documents first, the letterhead as table rows between
        // bars with the motto's last word on its own line, no "KẾ HOẠCH" line, a title in capitals
        // with "VÌ TRẺ EM" quoted, theme and period inside the opening sentence.
        CopyExpectation(
            name: "web-nam-son-2019", issuer: "Ủy ban nhân dân tỉnh Nam Sơn", number: "71/KH-UBND", place: "Nam Sơn",
            issuedOn: .init(year: 2019, month: 5, day: 20), title: "TRIỂN KHAI THÁNG HÀNH ĐỘNG “VÌ TRẺ EM” NĂM 2019",
            theme: "Mỗi ngôi nhà là một nơi an toàn cho trẻ em",
            period: .init(start: "2019-06-01", end: "2019-06-30"), bases: 2, sections: 3,
            assignments: [
                "Sở Lao động - Thương binh và Xã hội", "Sở Giáo dục và Đào tạo", "Sở Y tế",
                "Đoàn Thanh niên Cộng sản Hồ Chí Minh tỉnh", "Ủy ban nhân dân các huyện, thành phố",
            ], tasks: 6, reportingDeadline: "2019-07-15", signer: "Lê Minh Hòa"),
        // A web page whose cells broke over lines ("CỘNG" alone, rules, bars on lines of their
        // own), a title with “Vì trẻ em” quoted, the period "từ ngày 01/6 đến ngày 30/6" without
        // years and the theme in a second paragraph of the opening.
        CopyExpectation(
            name: "web-thanh-lam-2023", issuer: "Ủy ban nhân dân huyện Thanh Lâm", number: "96/KH-UBND",
            place: "Thanh Lâm", issuedOn: .init(year: 2023, month: 5, day: 8),
            title: "Tổ chức Tháng hành động “Vì trẻ em” huyện Thanh Lâm năm 2023",
            theme: "Trẻ em được lắng nghe, gia đình cùng bảo vệ",
            period: .init(start: "2023-06-01", end: "2023-06-30"), bases: 1, sections: 2,
            assignments: [
                "Phòng Lao động - Thương binh và Xã hội", "Phòng Giáo dục và Đào tạo",
                "Trung tâm Văn hóa - Thể thao huyện", "Hội Liên hiệp Phụ nữ huyện",
            ], tasks: 4, reportingDeadline: "2023-07-05", signer: "Đỗ Văn Khang"),
        // A scan's text: columns merged into single lines, "Trang 1" glued to the first word,
        // misread accents and a misread letter (NAN), " /KH-UBND", a hard-wrapped body with a
        // page break inside the reporting sentence.
        CopyExpectation(
            name: "scan-an-phu-2025", issuer: "Ủy ban nhân dân xã An Phú", number: "27/KH-UBND", place: "Ân Phú",
            issuedOn: .init(year: 2025, month: 5, day: 14),
            title: "Tổ chức Tháng hành động vì trẻ em xã An Phú năm 2025",
            theme: "Mùa hè an toàn, vui khỏe cho mọi trẻ em",
            period: .init(start: "2025-06-01", end: "2025-06-30"), bases: 1, sections: 2,
            assignments: ["Công chức Văn hóa - Xã hội", "Trạm Y tế xã", "Công an xã"], tasks: 3,
            reportingDeadline: "2025-07-03", signer: "Phạm Thị Lan", uncertain: ["place"]),
        // A scanner's file name glued to "UỶ BAN", the old "HOÀ", en dashes in the motto, and
        // letters for digits in the number ("l5") and the day ("3O").
        CopyExpectation(
            name: "scan-hoa-binh-2024", issuer: "Ủy ban nhân dân phường Hòa Bình", number: "15/KH-UBND",
            place: "Hòa Bình", issuedOn: .init(year: 2024, month: 4, day: 30),
            title: "Triển khai Tháng hành động vì trẻ em phường Hòa Bình năm 2024",
            theme: "Gia đình gắn kết, trẻ em bình an", period: .init(start: "2024-06-01", end: "2024-06-30"),
            bases: 1, sections: 1, assignments: ["Công chức Văn hóa - Xã hội", "Trạm Y tế phường"], tasks: 2,
            reportingDeadline: nil, signer: "Vũ Đình Tâm", uncertain: ["number", "issuedOn"]),
    ]

    @Test("Each copy reads its letterhead, title, theme, period and parts", arguments: copies)
    func copy(_ expected: CopyExpectation) throws {
        let reading = PlanReader.readDetailed(try ImportFixtures.copy(expected.name))
        let plan = reading.plan
        #expect(plan.kind == "actionMonth")
        #expect(plan.issuer == expected.issuer)
        #expect(plan.number == expected.number)
        #expect(plan.place == expected.place)
        #expect(plan.issuedOn == expected.issuedOn)
        #expect(plan.title == expected.title)
        #expect(plan.theme == expected.theme)
        #expect(plan.period == expected.period)
        #expect(plan.bases.count == expected.bases)
        #expect(reading.extras.sections.filter { $0.kind == .heading }.count == expected.sections)
        #expect(plan.assignments.map(\.agency) == expected.assignments)
        #expect(plan.assignments.flatMap(\.tasks).count == expected.tasks)
        #expect(plan.reporting?.deadline == expected.reportingDeadline)
        #expect(plan.signature?.name == expected.signer)
        #expect(reading.uncertain.map(\.part) == expected.uncertain)
    }

    @Test("The web site's own lines before the letterhead are not read as the plan's")
    func siteLinesIgnored() throws {
        let reading = PlanReader.readDetailed(try ImportFixtures.copy("web-nam-son-2019"))
        // "Số hiệu: 71/KH-UBND" and the related documents come before the letterhead (lines 1–15).
        let number = try #require(reading.trace.first { $0.part == "number" })
        #expect(number.firstLine == 16)
        #expect(reading.plan.bases.map(\.type) == ["Luật", "Công văn"])
        #expect(reading.extras.basisCitations.first == "Luật Trẻ em năm 2016")
    }

    @Test("A misread accent in the place is named, with both spellings")
    func placeDoubt() throws {
        let reading = PlanReader.readDetailed(try ImportFixtures.copy("scan-an-phu-2025"))
        let doubt = try #require(reading.uncertain.first { $0.part == "place" })
        #expect(doubt.note.vi.contains("Ân Phú") && doubt.note.vi.contains("An Phú"))
        #expect(doubt.note.en.contains("Ân Phú"))
    }

    static let bareCommittee = """
        Cổng thông tin điện tử | Văn bản
        ỦY BAN NHÂN DÂN | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM |
        Số: 2207/KH-UBND | Thành phố Đông Hải, ngày 09 tháng 5 năm 2017 |
        KẾ HOẠCH
        TRIỂN KHAI THÁNG HÀNH ĐỘNG VÌ TRẺ EM NĂM 2017
        Năm 2017, Thành phố tiếp tục chỉ đạo thực hiện Luật Trẻ em; Tháng hành động vì trẻ em năm 2017 diễn ra từ ngày 01/6 đến ngày 30/6 với chủ đề “Lắng nghe trẻ em nói”.
        I. MỤC ĐÍCH, YÊU CẦU
        - Mọi trẻ em được vui chơi an toàn trong dịp hè.
        """

    @Test("A copy that lost the committee's unit takes it from a place that names its level, and says so")
    func issuerFromPlace() {
        let reading = PlanReader.readDetailed(Self.bareCommittee)
        #expect(reading.plan.issuer == "Ủy ban nhân dân thành phố Đông Hải")
        #expect(reading.plan.number == "2207/KH-UBND")
        #expect(reading.plan.place == "Thành phố Đông Hải")
        #expect(reading.plan.title == "TRIỂN KHAI THÁNG HÀNH ĐỘNG VÌ TRẺ EM NĂM 2017")
        #expect(reading.plan.kind == "actionMonth")
        #expect(reading.plan.period == ImportedPlan.Period(start: "2017-06-01", end: "2017-06-30"))
        #expect(reading.plan.theme == "Lắng nghe trẻ em nói")
        #expect(reading.uncertain.map(\.part) == ["issuer"])
    }

    static let columnForms: [String] = [
        // One column after the other, the place broken before its last word.
        "ỦY BAN NHÂN DÂN\nHUYỆN SƠN HÀ\n-------\nSố: 64/KH-UBND\nCỘNG\nHÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
            + "Độc lập - Tự do - Hạnh phúc\n---------------\nSơn\nHà, ngày 07 tháng 5 năm 2022",
        // Rows with the cells between tabs.
        "ỦY BAN NHÂN DÂN\tCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nHUYỆN SƠN HÀ\tĐộc lập - Tự do - Hạnh phúc\n"
            + "Số: 64/KH-UBND\tSơn Hà, ngày 07 tháng 5 năm 2022",
    ]

    @Test("Columns one after the other, or rows split by tabs, read the same", arguments: columnForms.indices)
    func columnForm(_ index: Int) {
        let text =
            Self.columnForms[index]
            + "\nKẾ HOẠCH\nTriển khai Tháng hành động vì trẻ em huyện Sơn Hà năm 2022\nI. MỤC ĐÍCH, YÊU CẦU\n- Trẻ em an toàn."
        let reading = PlanReader.readDetailed(text)
        #expect(reading.plan.issuer == "Ủy ban nhân dân huyện Sơn Hà")
        #expect(reading.plan.number == "64/KH-UBND")
        #expect(reading.plan.place == "Sơn Hà")
        #expect(reading.plan.issuedOn == ImportedPlan.IssuedOn(year: 2022, month: 5, day: 7))
        #expect(reading.plan.title == "Triển khai Tháng hành động vì trẻ em huyện Sơn Hà năm 2022")
        #expect(reading.uncertain.isEmpty)
    }

    @Test("A period quoted from the parent plan's citation is not the plan's own")
    func parentPeriodSkipped() {
        let text = """
            Số: 12/KH-UBND
            Kim Sơn, ngày 10 tháng 5 năm 2024
            KẾ HOẠCH
            Hưởng ứng Tháng hành động vì trẻ em năm 2024
            Thực hiện Kế hoạch số 30/KH-UBND ngày 02/5/2024 của UBND huyện về Tháng hành động vì trẻ em (từ ngày 01/6/2024 đến ngày 30/6/2024), UBND xã Kim Sơn xây dựng Kế hoạch như sau:
            I. MỤC ĐÍCH, YÊU CẦU
            - Trẻ em có mùa hè an toàn.
            """
        #expect(PlanReader.read(text).period == nil)
    }

    @Test("A plain text with neither letterhead nor title names what it lacks")
    func missingParts() {
        let reading = PlanReader.readDetailed("Một đoạn văn bản không phải kế hoạch.\nI. NỘI DUNG\n- Nội dung.")
        #expect(Set(reading.uncertain.map(\.part)) == ["issuer", "number", "title"])
        #expect(reading.uncertain.allSatisfy { !$0.note.vi.isEmpty && !$0.note.en.isEmpty })
    }

    /// Letterhead-shaped lines at their worst: hundreds of them before any part heading, each
    /// full of near-misses of the national name, the committee, "Số" and "ngày … tháng … năm".
    static let floods: [String] = [
        Array(repeating: String(repeating: "ỦY BAN NHÂN DÂ ", count: 15), count: 400).joined(separator: "\n"),
        Array(repeating: String(repeating: "Số: 1/ ngày 1 tháng 1 năm ", count: 9), count: 400).joined(separator: "\n"),
        Array(repeating: String(repeating: "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT | ", count: 7), count: 400).joined(
            separator: "\n"),
        "ỦY BAN NHÂN DÂN\n"
            + Array(repeating: String(repeating: "UBND ", count: 47), count: 20).joined(separator: "\n"),
    ]

    @Test("Letterhead-shaped floods are read quickly", arguments: floods.indices)
    func flood(_ index: Int) {
        let start = Date()
        _ = PlanReader.readDetailed(Self.floods[index] + "\nKẾ HOẠCH\nI. NỘI DUNG\n- Nội dung.")
        let seconds = Date().timeIntervalSince(start)
        #expect(seconds < runawaySeconds, "flood \(index) took \(seconds) s")
    }
}
