import Foundation
import Testing
import ZIPFoundation

@testable import TreEmCore

@Suite("Uploaded Word files cannot crash, hang or exhaust the server")
struct UploadSafetyTests {
    // MARK: What the reader gives for valid documents

    static let listLevels =
        CraftedDOCX.level("0", format: "decimal", text: "%1.")
        + CraftedDOCX.level("1", format: "lowerLetter", text: "%2)")

    static let sampleNumbering =
        #"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"#
        + #"<w:numbering xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">"#
        + #"<w:abstractNum w:abstractNumId="0">"# + listLevels + "</w:abstractNum>"
        + #"<w:abstractNum w:abstractNumId="1">"# + CraftedDOCX.level("0", format: "upperRoman", text: "%1.")
        + "</w:abstractNum>"
        + #"<w:abstractNum w:abstractNumId="2">"# + CraftedDOCX.level("0", format: "bullet", text: "\u{F0B7}")
        + CraftedDOCX.level("1", format: "bullet", text: "o") + "</w:abstractNum>"
        + #"<w:abstractNum w:abstractNumId="3">"# + CraftedDOCX.level("0", format: "decimal", text: "%1.")
        + CraftedDOCX.level("1", format: "decimal", text: "%1.%2.") + "</w:abstractNum>"
        + #"<w:abstractNum w:abstractNumId="4">"#
        + CraftedDOCX.level("0", format: "lowerLetter", text: "%1)", start: "5") + "</w:abstractNum>"
        + (1...5).map { #"<w:num w:numId="\#($0)"><w:abstractNumId w:val="\#($0 - 1)"/></w:num>"# }.joined()
        + "</w:numbering>"

    static let sampleBody = [
        CraftedDOCX.paragraph("KẾ HOẠCH"),
        "<w:p/>",
        CraftedDOCX.paragraph("Mục đích", numID: "1", level: "0"),
        CraftedDOCX.paragraph("Yêu cầu", numID: "1", level: "0"),
        CraftedDOCX.paragraph("chi tiết", numID: "1", level: "1"),
        CraftedDOCX.paragraph("chi tiết nữa", numID: "1", level: "1"),
        CraftedDOCX.paragraph("   ", numID: "1", level: "0"),
        CraftedDOCX.paragraph("Tổ chức", numID: "1"),
        CraftedDOCX.paragraph("Phần một", numID: "2", level: "0"),
        CraftedDOCX.paragraph("gạch", numID: "3", level: "0"),
        CraftedDOCX.paragraph("gạch con", numID: "3", level: "1"),
        CraftedDOCX.paragraph("không số", numID: "0", level: "0"),
        CraftedDOCX.paragraph("chưa định nghĩa", numID: "42", level: "0"),
        CraftedDOCX.paragraph("một", numID: "4", level: "0"),
        CraftedDOCX.paragraph("một một", numID: "4", level: "1"),
        CraftedDOCX.paragraph("một hai", numID: "4", level: "1"),
        CraftedDOCX.paragraph("đ", numID: "5", level: "0"),
        #"<w:p><w:pPr><w:tabs><w:tab w:val="left" w:pos="720"/></w:tabs></w:pPr><w:r><w:t>A</w:t><w:tab/><w:t>B</w:t><w:br/>"#
            + #"<w:t xml:space="preserve">C &amp; &lt;D&gt; &#7841; &#x1EA1; &quot;q&quot;</w:t></w:r></w:p>"#,
        #"<w:p><w:r><w:br w:type="page"/></w:r></w:p>"#,
        #"<w:tbl><w:tr><w:tc><w:p><w:r><w:t>ô 1</w:t></w:r></w:p></w:tc><w:tc><w:p/></w:tc></w:tr></w:tbl>"#,
        #"<w:p><w:hyperlink><w:r><w:t>liên </w:t></w:r></w:hyperlink><w:del><w:r><w:delText>bỏ</w:delText></w:r></w:del><w:ins><w:r><w:t>kết</w:t></w:r></w:ins></w:p>"#,
    ].joined()

    static let sampleText = """
        KẾ HOẠCH

        1. Mục đích
        2. Yêu cầu
        a) chi tiết
        b) chi tiết nữa

        4. Tổ chức
        I. Phần một
        - gạch
        + gạch con
        không số
        - chưa định nghĩa
        1. một
        1.1. một một
        1.2. một hai
        đ) đ
        A B
        C & <D> ạ ạ "q"

        ô 1

        liên kết
        """

    @Test(
        "A document reads the same, line for line, stored (as TreEm writes) or deflated (as Word does)",
        arguments: [false, true])
    func sample(deflated: Bool) throws {
        let bytes = try CraftedDOCX.docx(
            document: CraftedDOCX.document(Self.sampleBody), numbering: Self.sampleNumbering, deflated: deflated)
        #expect(try DOCXText.text(of: bytes) == Self.sampleText)
        #expect(EvidenceKind.detect(bytes) == .docx)
        #expect(try ZipReader.names(bytes) == ["[Content_Types].xml", "word/document.xml", "word/numbering.xml"])
    }

    @Test("A plan written by TreEm reads back deflated as well as stored")
    func planDeflated() throws {
        var plan = try PlanFixtures.kimThanh2026
        plan.number = "45/KH-UBND"
        let stored = PlanDOCX.render(plan)
        let entries = try ZipReader.entries(stored)
        let deflated = try CraftedDOCX.deflated(entries.sorted { $0.key < $1.key }.map { ($0.key, $0.value) })
        #expect(try DOCXText.text(of: deflated) == (try DOCXText.text(of: stored)))
        #expect(try ZipReader.entries(deflated) == entries)
    }

    // MARK: Numbering from the file

    static let hugeStarts = [
        "9223372036854775807", "-9223372036854775808", "2000000000", "99999999999999999999999999", "32768",
    ]

    @Test(
        "List starts far out of range give short labels, never a trap or a megabyte numeral",
        arguments: hugeStarts, ["upperRoman", "lowerRoman", "lowerLetter", "upperLetter", "decimal"])
    func hugeStart(start: String, format: String) throws {
        let numbering = CraftedDOCX.numbering(
            CraftedDOCX.level("0", format: format, text: "%1.", start: start)
                + CraftedDOCX.level("1", format: format, text: "%1.%2.", start: start))
        let body = (0..<200).map { CraftedDOCX.paragraph("mục", numID: "1", level: $0 % 3 == 2 ? "1" : "0") }.joined()
        let text = try timedRead(
            CraftedDOCX.docx(document: CraftedDOCX.document(body), numbering: numbering, deflated: true)
        ).get()
        let lines = text.split(separator: "\n")
        #expect(lines.count == 200)
        #expect(lines.allSatisfy { $0.hasSuffix(" mục") && $0.count <= DOCXText.maximumLabelLength + 4 })
        // Word's own range is 0...32767: anything past it counts from 32767; a negative start is no number.
        #expect(lines.first == (start.hasPrefix("-") ? "1. mục" : "32767. mục") || format != "decimal")
    }

    @Test("Levels past 8, huge or negative, and lvlText full of %1…%9 stay bounded")
    func hugeLevels() throws {
        let placeholders = String(repeating: "%1%2%3%4%5%6%7%8%9", count: 5_000)
        let numbering = CraftedDOCX.numbering(
            CraftedDOCX.level("0", format: "upperRoman", text: placeholders, start: "3999")
                + CraftedDOCX.level("99999999999999999999", format: "decimal", text: "%1.")
                + CraftedDOCX.level("-1", format: "decimal", text: "%1.")
                + CraftedDOCX.level("8", format: "lowerRoman", text: placeholders))
        var body = ""
        for level in ["0", "8", "9", "4294967296", "99999999999999999999", "-1", "x", ""] {
            body += (0..<500).map { _ in CraftedDOCX.paragraph("v", numID: "1", level: level) }.joined()
        }
        let text = try timedRead(
            CraftedDOCX.docx(document: CraftedDOCX.document(body), numbering: numbering, deflated: true)
        ).get()
        let lines = text.split(separator: "\n")
        #expect(lines.count == 4_000)
        #expect(lines.allSatisfy { $0.count <= DOCXText.maximumLabelLength + 3 })
        // lvlText cut to 40 characters, %1 in upper Roman, %2…%9 (no such levels used) as 0, cut again.
        #expect(lines.first == "MMMCMXCIX00000000MMMCMXCIX00000000MMMCMX v")
    }

    @Test("Twenty thousand numbered paragraphs read in time, counted right")
    func manyNumberedParagraphs() throws {
        let numbering = CraftedDOCX.numbering(
            Self.listLevels + CraftedDOCX.level("2", format: "upperRoman", text: "%3."))
        let body = (0..<20_000).map { CraftedDOCX.paragraph("x", numID: "1", level: String($0 % 3)) }.joined()
        let text = try timedRead(
            CraftedDOCX.docx(document: CraftedDOCX.document(body), numbering: numbering, deflated: true)
        ).get()
        let lines = text.split(separator: "\n")
        #expect(lines.count == 20_000)
        #expect(lines.suffix(3) == ["I. x", "6667. x", "a) x"])
    }

    @Test(
        "Roman numerals and letters for any Int: short, never a trap or an endless loop",
        arguments: [Int.min, -1, 0, 1, 4, 3999, 4000, 2_000_000_000, Int.max])
    func outlineLabels(number: Int) {
        let roman = PlanOutline.roman(number)
        #expect(roman.count <= 20)
        #expect((1...3999).contains(number) ? roman.allSatisfy { "IVXLCDM".contains($0) } : roman == String(number))
        #expect(PlanOutline.letter(number).count <= 20)
    }

    // MARK: XML that would hang, trap or expand

    @Test("33,000 unclosed paragraphs are refused in well under a second")
    func unclosedParagraphs() throws {
        let bytes = try CraftedDOCX.docx(document: String(repeating: "<w:p>", count: 33_000), deflated: true)
        #expect(bytes.count < 2_000)
        guard case .failure(.corrupt) = timedRead(bytes) else { Issue.record("not refused"); return }
    }

    @Test("100,000 nested elements and mismatched tags are read or refused, quickly")
    func nestingAndMismatch() throws {
        let deep =
            "<w:p>" + String(repeating: "<w:sdt>", count: 100_000) + "<w:r><w:t>sâu</w:t></w:r>"
            + String(repeating: "</w:sdt>", count: 100_000) + "</w:p>"
        if case .success(let text) = timedRead(
            try CraftedDOCX.docx(document: CraftedDOCX.document(deep), deflated: true))
        {
            #expect(text == "sâu")
        }
        let mismatched = CraftedDOCX.document("<w:p><w:r><w:t>a</w:r></w:t></w:p><w:p><w:t>b</w:p>")
        guard case .failure(.corrupt) = timedRead(try CraftedDOCX.docx(document: mismatched, deflated: false)) else {
            Issue.record("mismatched tags read"); return
        }
    }

    static let laughs =
        #"<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">"#
        + (2...9).map { n in
            "<!ENTITY lol\(n) \"" + String(repeating: "&lol\(n == 2 ? "" : String(n - 1));", count: 10) + "\">"
        }.joined()
        + #"]><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>&lol9;</w:t></w:r></w:p></w:body></w:document>"#

    @Test("A DTD is refused before parsing: entity bombs, external entities, in any part")
    func doctype() throws {
        let external =
            #"<!DOCTYPE d [<!ENTITY x SYSTEM "file:///etc/passwd">]><w:document xmlns:w="w"><w:body><w:p><w:r><w:t>&x;</w:t></w:r></w:p></w:body></w:document>"#
        for document in [Self.laughs, external, "<!doctype html><w:document/>"] {
            #expect(
                timedRead(try CraftedDOCX.docx(document: document, deflated: true))
                    == .failure(.doctypeRefused("word/document.xml")))
        }
        let numbering = #"<?xml version="1.0"?><!DOCTYPE n [<!ENTITY a "%1.">]><w:numbering xmlns:w="w"/>"#
        #expect(
            timedRead(try CraftedDOCX.docx(document: CraftedDOCX.document(""), numbering: numbering, deflated: false))
                == .failure(.doctypeRefused("word/numbering.xml")))
        // A declared encoding the DTD check cannot read (UTF-7's "+ADw-" is "<") is not honoured.
        let utf7 =
            #"<?xml version="1.0" encoding="UTF-7"?>+ADw-!DOCTYPE d +AFs-+ADw-!ENTITY a 'b'+AD4-+AF0-+AD4-+ADw-w:document/+AD4-"#
        guard case .failure = timedRead(try CraftedDOCX.docx(document: utf7, deflated: false)) else {
            Issue.record("UTF-7 read"); return
        }
    }

    @Test("XML that is not UTF-8 is refused (FoundationXML traps on such element names)")
    func notUTF8() throws {
        var document = Array(CraftedDOCX.document("<w:p><w:r><w:t>x</w:t></w:r></w:p>").utf8)
        let name = try #require(document.indices.first { document[$0...].starts(with: Array("<w:p>".utf8)) })
        document.replaceSubrange((name + 1)..<(name + 4), with: [0x77, 0xC3, 0x28])  // <w\xC3(> … an invalid name
        let parts = [("word/document.xml", document)]
        #expect(timedRead(CraftedDOCX.stored(parts)) == .failure(.corrupt("word/document.xml: not UTF-8")))
        let utf16 = Array(CraftedDOCX.document("<w:p/>").utf16).flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }
        guard case .failure(.corrupt) = timedRead(CraftedDOCX.stored([("word/document.xml", [0xFF, 0xFE] + utf16)]))
        else {
            Issue.record("UTF-16 read"); return
        }
        let nul = Array("<w:document><w:body><w:p>\u{0}</w:p></w:body></w:document>".utf8)
        #expect(
            timedRead(CraftedDOCX.stored([("word/document.xml", nul)]))
                == .failure(.corrupt("word/document.xml: NUL byte")))
    }

    // MARK: ZIP containers that would exhaust memory or hang

    @Test("200 MB of zeros in a 1.3 MB entry is refused, whether its size is declared or not")
    func inflationBomb() throws {
        // The generator is right: a small instance inflates to exactly its zeros.
        let few = CraftedDOCX.zeros(count: 1 + 258 * 3 + 5)
        let check = RawZip(entries: [
            .init(name: "z", method: 8, data: few.bytes, crc: few.crc, uncompressedSize: 1 + 258 * 3 + 5)
        ]).bytes
        #expect(try ZipReader.entries(check)["z"] == [UInt8](repeating: 0, count: 1 + 258 * 3 + 5))

        let size = 200 << 20
        // No checksum: inflating stops at the cap long before one could be compared.
        let zeros = CraftedDOCX.zeros(count: size, checksum: false)
        #expect(zeros.bytes.count < 1_400_000)
        func bomb(declaring declared: UInt32) -> [UInt8] {
            RawZip(entries: [
                .init(
                    name: "word/document.xml", method: 8, data: zeros.bytes, crc: zeros.crc, uncompressedSize: declared)
            ]).bytes
        }
        let honest = bomb(declaring: UInt32(size))
        let cap = min(40 << 20, max(honest.count * ZipReader.maximumRatio, ZipReader.minimumInflatedAllowance))
        let megabytes = ZipReader.megabytes(cap)
        // The declared size refuses early; declared just within the cap, inflating stops at the cap.
        #expect(timedRead(honest) == .failure(.tooLarge(megabytes: megabytes)))
        #expect(timedRead(bomb(declaring: UInt32(cap))) == .failure(.tooLarge(megabytes: megabytes)))
        // A smaller budget of bytes is the limit when it is lower.
        #expect(
            timedRead(bomb(declaring: UInt32(cap)), budget: ReadingBudget(maximumInflatedBytes: 1 << 20))
                == .failure(.tooLarge(megabytes: 1)))
        #expect(throws: DOCXText.Failure.tooLarge(megabytes: megabytes)) { try ZipReader.entries(honest) }
    }

    @Test("Only the parts read are inflated, and entries that each fit but together pass the budget are refused")
    func totalBudget() throws {
        let document = Array(CraftedDOCX.document(CraftedDOCX.paragraph("nội dung")).utf8)
        let plain = RawZip.Entry(
            name: "word/document.xml", data: document, crc: ZipArchive.crc32(document),
            uncompressedSize: UInt32(document.count))
        func zeros(_ name: String, megabytes: Int) throws -> RawZip.Entry {
            let zeros = CraftedDOCX.zeros(count: megabytes << 20)
            return .init(
                name: name, method: 8, data: zeros.bytes, crc: zeros.crc, uncompressedSize: UInt32(megabytes << 20))
        }
        // The old reader inflated all six pictures (180 MB); now only word/document.xml is read.
        let picture = RawZip.Entry(
            name: "", method: 8, data: CraftedDOCX.zeros(count: 30 << 20, checksum: false).bytes, crc: 0,
            uncompressedSize: 30 << 20)
        let pictures = RawZip(
            entries: [plain]
                + (0..<6).map { n in
                    var entry = picture; entry.name = "word/media/image\(n).bin"; return entry
                }
        ).bytes
        #expect(timedRead(pictures) == .success("nội dung"))
        // Reading every entry stops where their sum passes the cap, though each fits alone.
        let four = try zeros("", megabytes: 4)
        let entries = RawZip(
            entries: ["a", "b", "c"].map { name in
                var entry = four; entry.name = name; return entry
            }
        ).bytes
        let cap = min(40 << 20, max(entries.count * ZipReader.maximumRatio, ZipReader.minimumInflatedAllowance))
        #expect((4 << 20) <= cap && cap < (8 << 20))
        let start = Date()
        #expect(throws: DOCXText.Failure.tooLarge(megabytes: ZipReader.megabytes(cap))) {
            try ZipReader.entries(entries)
        }
        #expect(Date().timeIntervalSince(start) < runawaySeconds)
        // The numbering counts against the same budget as the document.
        var text = four
        var numbering = four
        (text.name, numbering.name) = ("word/document.xml", "word/numbering.xml")
        let both = RawZip(entries: [text, numbering]).bytes
        let bothCap = min(40 << 20, max(both.count * ZipReader.maximumRatio, ZipReader.minimumInflatedAllowance))
        #expect(timedRead(both) == .failure(.tooLarge(megabytes: ZipReader.megabytes(bothCap))))
    }

    @Test("Declared sizes that lie are not believed")
    func lyingSizes() throws {
        let xml = Array(CraftedDOCX.document(CraftedDOCX.paragraph("thật")).utf8)
        let deflated = try CraftedDOCX.deflate(count: xml.count) { position, n in Data(xml[position..<(position + n)]) }
        func docx(_ change: (inout RawZip.Entry) -> Void) -> [UInt8] {
            var entry = RawZip.Entry(
                name: "word/document.xml", method: 8, data: deflated.bytes, crc: deflated.crc,
                uncompressedSize: UInt32(xml.count))
            change(&entry)
            return RawZip(entries: [entry]).bytes
        }
        #expect(timedRead(docx { _ in }) == .success("thật"))
        let shortfalls: [(inout RawZip.Entry) -> Void] = [
            { $0.uncompressedSize = 10 },  // smaller than it inflates to
            { $0.uncompressedSize = UInt32(xml.count + 1_000_000) },  // larger
            { $0.uncompressedSize = 0xFFFF_FFFF },  // ZIP64 marker without the field
            { $0.compressedSize = UInt32(deflated.bytes.count + 100_000) },  // past the end of the file
            { $0.compressedSize = UInt32(deflated.bytes.count / 2) },  // the stream cut short
            { $0.compressedSize = 0 },
            { $0.crc ^= 1 },
            { $0.localHeaderOffset = 0xFFFF_FFF0 },
            { $0.method = 12 },
            // ZIP64 extra fields claiming 2^64-1 sizes and offset.
            {
                $0.compressedSize = 0xFFFF_FFFF; $0.uncompressedSize = 0xFFFF_FFFF; $0.localHeaderOffset = 0xFFFF_FFFF
                $0.centralExtra = [1, 0, 24, 0] + [UInt8](repeating: 0xFF, count: 24)
            },
            {
                $0.uncompressedSize = 0xFFFF_FFFF; $0.centralExtra = [1, 0, 8, 0, 0x10, 0, 0, 0, 0, 0, 0, 0]
            },
        ]
        for change in shortfalls {
            guard case .failure = timedRead(docx(change)) else { Issue.record("a lying size was believed"); continue }
        }
        let stored = RawZip(entries: [
            .init(
                name: "word/document.xml", data: xml, crc: ZipArchive.crc32(xml),
                uncompressedSize: UInt32(xml.count) + 5)
        ]).bytes
        #expect(timedRead(stored) == .failure(.corrupt("size of word/document.xml")))
    }

    @Test("20,000 entries are refused without reading them, for text and for evidence")
    func manyEntries() throws {
        var zip = ZipArchive()
        zip.add("word/document.xml", CraftedDOCX.document(CraftedDOCX.paragraph("x")))
        for n in 0..<20_000 { zip.add("x/\(n)", []) }
        let bytes = zip.finished()
        #expect(timedRead(bytes) == .failure(.tooManyEntries(ZipReader.maximumEntries)))
        #expect(throws: DOCXText.Failure.tooManyEntries(ZipReader.maximumEntries)) { try ZipReader.names(bytes) }
        #expect(EvidenceKind.detect(bytes) == nil)
    }

    /// Files on which ZIPFoundation's own `Archive` traps or loops forever (see ZipReader).
    static func zip64Offset() -> [UInt8] {
        let extra: [UInt8] = [1, 0, 8, 0] + [UInt8](repeating: 0xFF, count: 8)
        return RawZip(entries: [
            .init(
                name: "word/document.xml", data: [], crc: 0, uncompressedSize: 0,
                centralExtra: extra, localHeaderOffset: 0xFFFF_FFFF)
        ]).bytes
    }

    static func deflateRunningOffTheEnd() -> [UInt8] {
        // A stored deflate block that says 65,535 bytes follow, where only a few do.
        let data: [UInt8] = [0x00, 0xFF, 0xFF, 0x00, 0x00] + Array("<w:document>".utf8)
        return RawZip(entries: [
            .init(name: "word/document.xml", method: 8, data: data, crc: 0, uncompressedSize: 100_000)
        ]).bytes
    }

    @Test("A ZIP64 offset past Int64.max and a deflate stream running off the end are refused")
    func zipFoundationTraps() throws {
        guard case .failure(.corrupt) = timedRead(Self.zip64Offset()) else { Issue.record("ZIP64 offset read"); return }
        #expect(EvidenceKind.detect(Self.zip64Offset()) == nil)
        #expect(
            timedRead(Self.deflateRunningOffTheEnd()) == .failure(.corrupt("word/document.xml: deflate data cut short"))
        )
        #expect(EvidenceKind.detect(Self.deflateRunningOffTheEnd()) == .docx)
    }

    @Test("Every truncation and random bit flips of a deflated DOCX are refused or read, quickly")
    func truncatedAndFlipped() throws {
        let original = try CraftedDOCX.docx(
            document: CraftedDOCX.document(Self.sampleBody), numbering: Self.sampleNumbering, deflated: true)
        var slowest = 0.0
        func attempt(_ bytes: [UInt8]) {
            let start = Date()
            _ = try? DOCXText.text(of: bytes)
            _ = EvidenceKind.detect(bytes)
            slowest = max(slowest, Date().timeIntervalSince(start))
        }
        for length in 0..<original.count { attempt(Array(original.prefix(length))) }
        var rng = SplitMix64(state: 2026)
        for _ in 0..<1_000 {
            var bytes = original
            for _ in 0..<Int.random(in: 1...4, using: &rng) {
                bytes[Int.random(in: 0..<bytes.count, using: &rng)] ^= UInt8(1) << UInt8.random(in: 0...7, using: &rng)
            }
            attempt(bytes)
        }
        #expect(slowest < runawaySeconds, "slowest variant took \(slowest) s")
        #expect(try DOCXText.text(of: original) == Self.sampleText)
    }

    // MARK: The budget

    @Test("A cancelled or expired budget stops reading")
    func budget() throws {
        let bytes = try CraftedDOCX.docx(
            document: CraftedDOCX.document(Self.sampleBody), numbering: Self.sampleNumbering, deflated: true)
        let cancelled = ReadingBudget()
        cancelled.cancel()
        #expect(timedRead(bytes, budget: cancelled) == .failure(.cancelled))
        #expect(timedRead(bytes, budget: ReadingBudget(seconds: 0)) == .failure(.tooSlow(seconds: 0)))
        #expect(timedRead(bytes, budget: ReadingBudget(seconds: .nan)) == .failure(.tooSlow(seconds: 0)))
        #expect(timedRead(bytes, budget: ReadingBudget(seconds: .infinity)) == .success(Self.sampleText))
        #expect(
            DOCXText.Failure.tooSlow(seconds: 5).description
                == "đọc tệp quá lâu: hơn 5 giây (took too long to read: over 5 s)")
    }

    /// A read on a thread of its own (not the cooperative pool, which other tests may keep busy).
    final class BackgroundRead: @unchecked Sendable {
        private let done = DispatchSemaphore(value: 0)
        private var result: Result<Int, DOCXText.Failure>?

        init(_ bytes: [UInt8], budget: ReadingBudget) {
            Thread {
                let lines: Result<Int, DOCXText.Failure>
                do throws(DOCXText.Failure) {
                    lines = .success(try DOCXText.text(of: bytes, budget: budget).split(separator: "\n").count)
                } catch {
                    lines = .failure(error)
                }
                self.result = lines
                self.done.signal()
            }.start()
        }

        /// The number of lines read, or why not; the semaphore orders the write before this read.
        func wait() -> Result<Int, DOCXText.Failure>? {
            done.wait()
            return result
        }
    }

    @Test("Cancelling from another thread, or a deadline, stops a long read part-way")
    func cancelDuringRead() throws {
        // Stored: so repetitive a document deflates past the ratio cap.
        let bytes = try CraftedDOCX.docx(
            document: CraftedDOCX.document(String(repeating: CraftedDOCX.paragraph("một dòng"), count: 60_000)),
            deflated: false)
        let start = Date()
        #expect(try DOCXText.text(of: bytes, budget: ReadingBudget(seconds: 60)).split(separator: "\n").count == 60_000)
        let full = Date().timeIntervalSince(start)

        let budget = ReadingBudget(seconds: 60)
        let reading = BackgroundRead(bytes, budget: budget)
        Thread.sleep(forTimeInterval: 0.05)
        budget.cancel()
        let cancelledAt = Date()
        let result = reading.wait()
        #expect(Date().timeIntervalSince(cancelledAt) < runawaySeconds)
        // A read this long was still going 50 ms in (or had not begun): it stops as cancelled.
        if full > 0.3 { #expect(result == .failure(.cancelled)) }

        let deadline = BackgroundRead(bytes, budget: ReadingBudget(seconds: 0.05)).wait()
        if full > 0.3 { #expect(deadline == .failure(.tooSlow(seconds: 0.05))) }
    }
}
