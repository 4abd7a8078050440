import Foundation
import Testing

@testable import TreEmCore

@Suite("Plans: rules, cascade and official documents")
struct PlanTests {
    @Test("The Kim Thành 2026 seed renders to DOCX whose text holds every part of the plan")
    func docxHasEveryPart() throws {
        var plan = try PlanFixtures.kimThanh2026
        plan.number = "45/KH-UBND"
        plan.issueDate = PartialDate(year: 2026, month: 5, day: 8)
        let bytes = PlanDOCX.render(plan)
        let parts = try ZipReader.entries(bytes)
        for part in ["[Content_Types].xml", "_rels/.rels", "word/document.xml", "word/styles.xml", "word/header2.xml"] {
            #expect(parts[part] != nil, "missing \(part)")
        }
        let xml = String(decoding: try #require(parts["word/document.xml"]), as: UTF8.self)
        // Read back as an upload would be: the paragraphs' text with their list numbering.
        let text = try DOCXText.text(of: bytes)
        let expected = [
            "ỦY BAN NHÂN DÂN", "XÃ KIM THÀNH", "Số: 45/KH-UBND", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
            "Độc lập - Tự do - Hạnh phúc",
            "Kim Thành, ngày 08 tháng 5 năm 2026", "KẾ HOẠCH", "Triển khai Tháng hành động vì trẻ em năm 2026",
            "Thực hiện Kế hoạch số 157/KH-UBND ngày 30/4/2026 của UBND thành phố Hải Phòng",
            "I. MỤC ĐÍCH, YÊU CẦU", "1. Mục đích", "2. Yêu cầu", "II. NỘI DUNG",
            "- Thời gian: Từ ngày 01/6/2026 đến hết ngày 30/6/2026.",
            "- Phạm vi triển khai: Trên địa bàn xã Kim Thành.",
            "- Chủ đề: “Trẻ em hạnh phúc, an toàn, vững bước trong kỷ nguyên số”.",
            "2. Tổ chức phát động và hoạt động truyền thông", "III. KINH PHÍ THỰC HIỆN", "(31.500.000 đồng)",
            "IV. TỔ CHỨC THỰC HIỆN", "1. Phòng Văn hóa - Xã hội xã", "4. Trạm Y tế xã", "7. Đề nghị UBMTTQ Việt Nam xã",
            "V. CHẾ ĐỘ BÁO CÁO", "trước ngày 05/7/2026", "Nơi nhận:", "- UBND thành phố Hải Phòng;", "- Lưu: VT, VHXX.",
            "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH", "Nguyễn Văn Tình", "KHẨU HIỆU TUYÊN TRUYỀN",
        ]
        for part in expected {
            #expect(text.contains(part), "DOCX text lacks \(part)")
        }
        // Nghị định 30: A4, Times New Roman, no page number on page 1, appendix on a new page.
        #expect(xml.contains("<w:pgSz w:w=\"11906\" w:h=\"16838\"/>"))
        #expect(xml.contains("<w:titlePg/>"))
        #expect(xml.contains("<w:br w:type=\"page\"/>"))
        let styles = String(decoding: try #require(parts["word/styles.xml"]), as: UTF8.self)
        #expect(styles.contains("w:ascii=\"Times New Roman\""))
        #expect(PlanDOCX.render(plan) == bytes, "the same plan gives the same bytes")
    }

    @Test("A draft keeps the blanks of its number and date")
    func draftBlanks() throws {
        let composition = PlanComposition(try PlanFixtures.kimThanh2026)
        #expect(composition.numberLine.hasSuffix("/KH-UBND"))
        #expect(composition.numberLine.allSatisfy { !$0.isNumber })
        #expect(composition.placeAndDate.hasPrefix("Kim Thành, ngày "))
        #expect(composition.placeAndDate.hasSuffix("tháng 5 năm 2026"))
        #expect(PlanComposition.displayNumber("5/KH-UBND") == "05/KH-UBND")
    }

    @Test("The HTML print view and the Markdown export carry the same parts, escaped")
    func htmlAndMarkdown() throws {
        var plan = try PlanFixtures.laiChau2024
        plan.recipients.append("Trường <Tiểu học> & THCS")
        let html = PlanHTML.render(plan)
        #expect(html.contains("<p class=\"doctype\">KẾ HOẠCH</p>"))
        #expect(html.contains("TM. ỦY BAN NHÂN DÂN"))
        #expect(html.contains("Tổng Thanh Hải"))
        #expect(html.contains("Trường &lt;Tiểu học&gt; &amp; THCS"))
        #expect(html.contains("class=\"appendix\""))
        let markdown = PlanMarkdown.render(plan)
        #expect(markdown.contains("# KẾ HOẠCH"))
        #expect(markdown.contains("## III. TỔ CHỨC THỰC HIỆN"))
        #expect(markdown.contains("### 2. Sở Giáo dục và Đào tạo"))
        #expect(markdown.contains("**Tổng Thanh Hải**"))
    }

    @Test("Issuing needs a number, a full date and a signer; each problem names its field")
    func issueRules() throws {
        let draft = try PlanFixtures.kimThanh2026
        #expect(PlanRules.draftProblems(draft).isEmpty)
        var plan = draft
        plan.signature?.name = ""
        let fields = Set(PlanRules.issueProblems(plan).map(\.field))
        #expect(fields == ["number", "issueDate", "signature.name"])
        plan.number = "45/KH-UBND"
        plan.issueDate = PartialDate(year: 2026, month: 5, day: 8)
        plan.signature?.name = "Nguyễn Văn Tình"
        #expect(PlanRules.issueProblems(plan).isEmpty)
        plan.number = "bốn lăm"
        #expect(PlanRules.issueProblems(plan).map(\.field) == ["number"])
    }

    @Test("Bad plans are refused with Vietnamese messages: period, deadline, assigning a mass organisation")
    func draftRules() throws {
        var plan = try PlanFixtures.kimThanh2026
        plan.period = DateRange(start: CalendarDay(iso: "2026-06-30")!, end: CalendarDay(iso: "2026-06-01")!)
        plan.reporting?.deadline = CalendarDay(iso: "2026-05-20")!
        plan.assignments[6].mode = .assign
        let problems = PlanRules.draftProblems(plan)
        #expect(problems.map(\.field) == ["period", "reporting.deadline", "assignments[6].mode"])
        #expect(problems[0].message.vi.contains("kết thúc (30/6/2026) trước khi bắt đầu (01/6/2026)") == false)
        #expect(problems[0].message.vi.contains("kết thúc (01/6/2026) trước khi bắt đầu (30/6/2026)"))
        #expect(problems[2].message.vi.contains("chỉ được \"đề nghị\""))
    }

    @Test("Deriving a commune's plan: basis, theme, slogans, earlier deadline, agencies by kind")
    func cascade() throws {
        let city = try PlanFixtures.laiChau2024
        let agencies: [AgencyReference] = [
            .init(id: "ubnd", name: "Ủy ban nhân dân xã Ba Tơ", kind: .peoplesCommittee),
            .init(id: "vhxh", name: "Phòng Văn hóa - Xã hội xã Ba Tơ", kind: .cultureSocialOffice),
            .init(id: "tyt", name: "Trạm Y tế xã Ba Tơ", kind: .healthStation),
            .init(id: "ca", name: "Công an xã Ba Tơ", kind: .police),
            .init(id: "mn", name: "Trường Mầm non Ba Tơ", kind: .school),
            .init(id: "th", name: "Trường Tiểu học Ba Tơ", kind: .school),
            .init(id: "mt", name: "Ủy ban MTTQ Việt Nam xã Ba Tơ", kind: .fatherlandFront),
        ]
        let derived = PlanCascade.derive(
            from: city,
            reference: .init(
                planID: "P1", number: "97/KH-UBND", issueDate: CalendarDay(iso: "2024-04-10"),
                issuerShortName: "UBND tỉnh Lai Châu"),
            for: .init(
                issuerName: "ỦY BAN NHÂN DÂN\nXÃ BA TƠ", place: "Ba Tơ", unitName: "xã Ba Tơ", level: .commune,
                agencies: agencies),
            today: CalendarDay(iso: "2024-04-20")!)
        #expect(derived.bases.first?.planID == "P1")
        #expect(
            derived.bases.first?.text.hasPrefix(
                "Kế hoạch số 97/KH-UBND ngày 10/4/2024 của UBND tỉnh Lai Châu về việc triển khai") == true)
        #expect(derived.theme == city.theme)
        #expect(derived.period == city.period)
        #expect(derived.appendices == city.appendices)
        #expect(derived.scope == "Trên địa bàn xã Ba Tơ.")
        #expect(derived.reporting?.deadline.iso == "2024-07-10")
        // The commune's agencies report to its own committee, which reports on to the province.
        #expect(derived.reporting?.reportTo == "Ủy ban nhân dân xã")
        #expect(derived.reporting?.via == "Phòng Văn hóa - Xã hội")
        #expect(derived.reporting?.forwardTo == "UBND tỉnh Lai Châu (qua Sở Lao động - Thương binh và Xã hội)")
        #expect(derived.number == nil)
        #expect(derived.title == "Triển khai Tháng hành động vì trẻ em xã Ba Tơ năm 2024")

        let byAgency = Dictionary(grouping: derived.assignments, by: { $0.agencyID ?? $0.agencyName })
        // Sở Y tế → Trạm Y tế; Công an tỉnh → Công an xã; Sở GD&ĐT → every school; Sở LĐTBXH → Phòng VH-XH.
        let healthTasks = city.assignments.first { $0.agencyKind == .healthOffice }!.tasks
        #expect(byAgency["tyt"]?.first?.tasks.map(\.derivedFromTaskID) == healthTasks.map(\.id))
        #expect(byAgency["ca"] != nil)
        #expect(byAgency["mn"] != nil && byAgency["th"] != nil)
        #expect(byAgency["vhxh"] != nil)
        #expect(byAgency["mt"]?.first?.mode == .request)
        // Departments with no counterpart in a commune stay for the officer to place.
        #expect(byAgency["Bộ Chỉ huy Biên phòng tỉnh, Bộ Chỉ huy quân sự tỉnh"] != nil)
        #expect(PlanRules.draftProblems(derived).isEmpty)
        // Derived task ids are new; every derived task points at a parent task.
        let parentIDs = Set(city.assignments.flatMap(\.tasks).map(\.id))
        let derivedTasks = derived.assignments.flatMap(\.tasks)
        #expect(derivedTasks.allSatisfy { $0.derivedFromTaskID.map(parentIDs.contains) == true })
        #expect(Set(derivedTasks.map(\.id)).isDisjoint(with: parentIDs))
    }

    @Test("The outline the form uses reads headings, bullets and sub-bullets, and writes them back")
    func outline() {
        let text = """
            1. Truyền thông
            - Treo băng rôn
            + tại trụ sở
            Đoạn văn.
            2. Hoạt động hè
            a) Bơi an toàn
            - Dạy bơi
            """
        let nodes = PlanOutline.read(text)
        #expect(nodes.count == 2)
        #expect(
            nodes[0]
                == .heading(
                    "Truyền thông", [.bullet("Treo băng rôn", [.bullet("tại trụ sở")]), .paragraph("Đoạn văn.")]))
        #expect(nodes[1].children == [.heading("Bơi an toàn", [.bullet("Dạy bơi")])])
        #expect(PlanOutline.read(PlanOutline.write(nodes)) == nodes)
        #expect(PlanOutline.roman(4) == "IV")
        #expect(PlanOutline.letter(5) == "đ")
    }

    @Test("Targets read their number; signatures print the Nghị định 30 prefixes")
    func targetsAndSignatures() {
        #expect(PlanTarget.parsing("Phấn đấu 90% trẻ em khuyết tật được trợ giúp").value == 90)
        #expect(PlanTarget.parsing("Không có số").value == nil)
        #expect(Signature(name: "A").titleLines == ["TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH"])
        #expect(
            Signature(authority: .direct, headTitle: nil, position: "Chủ tịch", name: "A").titleLines == [
                "TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH",
            ])
        #expect(
            Signature(onBehalfOf: nil, authority: .acting, headTitle: "Chủ tịch", position: "", name: "A").titleLines
                == ["Q. CHỦ TỊCH"])
    }

    @Test("The year library knows the themes from 2017 on")
    func yearThemes() {
        let byYear = Dictionary(uniqueKeysWithValues: YearTheme.builtIn.map { ($0.year, $0) })
        #expect(byYear[2023]?.theme == "Chung tay giảm thiểu tổn hại trẻ em")
        #expect(byYear[2024]?.slogans.count == 12)
        #expect(byYear[2026]?.theme == "Trẻ em hạnh phúc, an toàn, vững bước trong kỷ nguyên số")
    }

    @Test("ZIP entries carry the right CRC-32")
    func crc() {
        #expect(ZipArchive.crc32(Array("123456789".utf8)) == 0xCBF43926)
    }
}
