import Foundation
import Testing

@testable import TreEmCore

@Suite("The reader survives damaged documents")
struct PlanReaderFuzzTests {
    static let garbage: [String] = [
        "", "\u{0000}", "\u{FEFF}", "####", "**", "- ", "+ ", "1.", "IV.", "Số:", "Nơi nhận:", "TM.",
        "ngày tháng năm", "“", "”", "(qua", "trước ngày 99/99/9999", String(repeating: "a", count: 5000),
        "\u{0301}\u{0301}", "Đề nghị :", "8.1.", "KẾ HOẠCH", "%", "http://<>", "\r", "\t\t",
    ]

    static func mutate(_ lines: [String], _ rng: inout SplitMix64) -> [String] {
        var lines = lines
        for _ in 0..<Int.random(in: 1...4, using: &rng) {
            guard !lines.isEmpty else { lines = ["x"]; continue }
            let a = Int.random(in: 0..<lines.count, using: &rng)
            let b = Int.random(in: a..<lines.count, using: &rng)
            switch Int.random(in: 0..<5, using: &rng) {
            case 0: lines.removeSubrange(a...b)
            case 1: lines.insert(contentsOf: lines[a...b], at: Int.random(in: 0...lines.count, using: &rng))
            case 2: lines[a...b].shuffle(using: &rng)
            case 3: lines.insert(garbage.randomElement(using: &rng)!, at: a)
            default:
                let line = lines[a]
                let cut = Int.random(in: 0...line.count, using: &rng)
                lines[a] = String(line.prefix(cut)) + (garbage.randomElement(using: &rng) ?? "")
            }
        }
        return lines
    }

    @Test("Cut, repeated, shuffled and garbled seeds always give an answer, quickly", arguments: ImportFixtures.seeds)
    func mutatedSeeds(_ seed: String) throws {
        let lines = try ImportFixtures.source(seed).components(separatedBy: "\n")
        var rng = SplitMix64(state: UInt64(abs(seed.hashValue % 1000)) + 7)
        var slowest = 0.0
        for _ in 0..<60 {
            let text = Self.mutate(lines, &rng).joined(separator: "\n")
            let start = Date()
            let plan = PlanReader.read(text)
            slowest = max(slowest, Date().timeIntervalSince(start))
            #expect(["actionMonth", "annualChildWork", "other"].contains(plan.kind))
            // Whatever was read re-encodes to the canonical JSON.
            _ = try JSONEncoder().encode(plan)
        }
        // A generous bound: the benchmark measures speed; this only catches runaway loops.
        #expect(slowest < runawaySeconds, "slowest mutation took \(slowest) s")
    }

    @Test("Random and damaged DOCX bytes are refused or read, never a crash")
    func damagedDOCX() throws {
        var plan = try PlanFixtures.kimThanh2026
        plan.number = "45/KH-UBND"
        let original = PlanDOCX.render(plan)
        var rng = SplitMix64(state: 42)
        for round in 0..<200 {
            var bytes = original
            switch round % 3 {
            case 0: bytes = Array(bytes.prefix(Int.random(in: 0..<bytes.count, using: &rng)))
            case 1:
                for _ in 0..<8 {
                    bytes[Int.random(in: 0..<bytes.count, using: &rng)] = UInt8.random(in: 0...255, using: &rng)
                }
            default:
                bytes = (0..<Int.random(in: 0..<2000, using: &rng)).map { _ in UInt8.random(in: 0...255, using: &rng) }
            }
            _ = try? DOCXText.text(of: bytes)
            _ = try? ZipReader.names(bytes)
            _ = EvidenceKind.detect(bytes)
        }
        #expect(try DOCXText.text(of: original).contains("Triển khai Tháng hành động vì trẻ em năm 2026"))
    }

    // MARK: Structure-aware DOCX variants

    static let numbers = [
        "0", "1", "2", "3", "8", "9", "42", "32767", "32768", "2000000000", "9223372036854775807",
        "-9223372036854775808", "-1", "99999999999999999999999", "", "x", "\u{0663}",
    ]
    static let formats = [
        "decimal", "lowerLetter", "upperLetter", "upperRoman", "lowerRoman", "bullet", "none", "ordinal", "",
    ]
    static let levelTexts = [
        "%1.", "%1)", "%1.%2.", "%1.%2.%3.%4.%5.%6.%7.%8.%9.", String(repeating: "%9%1", count: 300), "",
        "&lt;%1&gt;", "Điều %1:", "%10%0%%",
    ]
    static let fragments = [
        "<w:r><w:t>chữ</w:t></w:r>", "<w:r><w:tab/></w:r>", "<w:r><w:br/></w:r>", "<w:p/>",
        "<w:r><w:t xml:space=\"preserve\"> &amp; &#7841; </w:t></w:r>", "<w:r><w:br w:type=\"page\"/></w:r>",
        "<w:tabs><w:tab w:val=\"left\"/></w:tabs>", "<![CDATA[<w:p>]]>", "<?pi x?>",
        "<w:p><w:r><w:t>a</w:t></w:r><w:p><w:r><w:t>hộp</w:t></w:r></w:p></w:p>",
    ]
    static let malformed = ["<w:p>", "</w:p>", "<w:t>", "</w:t>", "&undefined;", "&#x0;", "<w:p a=1>", "<", "]]>"]

    /// A DOCX built from parts, then damaged at the XML level and at the ZIP level, each step
    /// chosen by the generator: numbering values from the plausible to the absurd, unclosed and
    /// nested tags, DTDs, stray bytes, stored or deflated entries, flipped and cut bytes.
    static func variant(_ rng: inout SplitMix64) throws -> [UInt8] {
        func pick(_ values: [String]) -> String { values[Int.random(in: 0..<values.count, using: &rng)] }
        func chance(_ n: Int) -> Bool { Int.random(in: 0..<n, using: &rng) == 0 }
        var levels = ""
        for _ in 0..<Int.random(in: 0...10, using: &rng) {
            levels += CraftedDOCX.level(
                pick(numbers), format: pick(formats), text: pick(levelTexts), start: chance(2) ? pick(numbers) : nil)
        }
        var body = ""
        for _ in 0..<Int.random(in: 0...80, using: &rng) {
            body +=
                chance(200)
                ? pick(malformed)
                : chance(4)
                    ? pick(fragments)
                    : CraftedDOCX.paragraph(
                        "mục", numID: chance(4) ? nil : pick(numbers), level: chance(3) ? nil : pick(numbers))
        }
        var document = Array(CraftedDOCX.document(body).utf8)
        var numbering = Array(CraftedDOCX.numbering(levels, numIDs: 1...3).utf8)
        func damage(_ xml: inout [UInt8]) {
            let at = Int.random(in: 0...xml.count, using: &rng)
            switch Int.random(in: 0..<16, using: &rng) {
            case 0: xml = Array(xml.prefix(at))
            case 1:
                xml.insert(
                    contentsOf: Array(String(repeating: "<w:p>", count: Int.random(in: 1...3_000, using: &rng)).utf8),
                    at: at)
            case 2:
                xml.insert(
                    contentsOf: Array(#"<!DOCTYPE d [<!ENTITY a "&#60;w:p&#62;">]>"#.utf8), at: chance(2) ? 0 : at)
            case 3:
                for _ in 0..<Int.random(in: 1...6, using: &rng) where !xml.isEmpty {
                    xml[Int.random(in: 0..<xml.count, using: &rng)] = UInt8.random(in: 0...255, using: &rng)
                }
            case 4:
                let depth = Int.random(in: 1...20_000, using: &rng)
                xml.insert(
                    contentsOf: Array(
                        (String(repeating: "<w:sdt>", count: depth) + String(repeating: "</w:sdt>", count: depth)).utf8),
                    at: at)
            case 5:
                xml = Array(String(decoding: xml, as: UTF8.self).utf16).flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }
            default: break
            }
        }
        damage(&document)
        if chance(3) { damage(&numbering) }
        var parts = [("[Content_Types].xml", Array("<Types/>".utf8)), ("word/document.xml", document)]
        if !chance(4) { parts.append(("word/numbering.xml", numbering)) }
        if chance(3) { parts.shuffle(using: &rng) }
        var bytes = chance(2) ? CraftedDOCX.stored(parts) : try CraftedDOCX.deflated(parts)
        switch Int.random(in: 0..<10, using: &rng) {
        case 0:
            for _ in 0..<Int.random(in: 1...6, using: &rng) {
                bytes[Int.random(in: 0..<bytes.count, using: &rng)] ^= UInt8(1) << UInt8.random(in: 0...7, using: &rng)
            }
        case 1: bytes = Array(bytes.prefix(Int.random(in: 0..<bytes.count, using: &rng)))
        case 2:
            // A 32-bit field near the end — the central directory — set to anything.
            let at = Int.random(in: max(0, bytes.count - 200)..<max(1, bytes.count - 4), using: &rng)
            for k in 0..<4 where at + k < bytes.count { bytes[at + k] = UInt8.random(in: 0...255, using: &rng) }
        default: break
        }
        return bytes
    }

    @Test("Structure-aware DOCX variants (numbering, nesting, DTDs, damage) are refused or read, quickly")
    func structuredDOCX() throws {
        var rng = SplitMix64(state: 2026)
        var slowest = 0.0
        var read = 0
        var refused = 0
        for _ in 0..<500 {
            let bytes = try Self.variant(&rng)
            let start = Date()
            do throws(DOCXText.Failure) {
                let text = try DOCXText.text(of: bytes)
                read += 1
                // No line is long: every label is bounded, whatever the numbering said.
                #expect(text.split(separator: "\n").allSatisfy { $0.count <= DOCXText.maximumLabelLength + 100 })
            } catch {
                refused += 1
            }
            _ = EvidenceKind.detect(bytes)
            slowest = max(slowest, Date().timeIntervalSince(start))
        }
        // A generous bound: the benchmark measures speed; this only catches runaways.
        #expect(slowest < runawaySeconds, "slowest variant took \(slowest) s")
        #expect(read > 50 && refused > 50, "read \(read), refused \(refused)")
    }
}
