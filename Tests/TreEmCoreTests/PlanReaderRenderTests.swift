import Foundation
import Testing

@testable import TreEmCore

@Suite("Reading plan documents: an imported plan prints each section once")
struct PlanReaderRenderTests {
    static func rendered(_ seed: String) throws -> [String] {
        let reading = PlanReader.readDetailed(try ImportFixtures.source(seed))
        let document = reading.plan.planDocument(extras: reading.extras, fallbackYear: 2026)
        return PlanMarkdown.render(document).components(separatedBy: "\n")
    }

    /// The numbered headings under each part ("### 1. …"), by part ("## II. NỘI DUNG").
    static func outline(_ lines: [String]) -> [(part: String, headings: [(label: Int?, text: String)])] {
        var parts: [(part: String, headings: [(label: Int?, text: String)])] = []
        for line in lines {
            if line.hasPrefix("## ") {
                parts.append((String(line.dropFirst(3)), []))
            } else if line.hasPrefix("### "), !parts.isEmpty {
                let heading = line.dropFirst(4)
                let label = heading.prefix { $0 != " " }
                parts[parts.count - 1].headings.append(
                    (Int(label.dropLast()), String(heading.dropFirst(label.count + 1))))
            }
        }
        return parts
    }

    @Test("Parts and their sections are numbered without gaps and none repeats", arguments: ImportFixtures.seeds)
    func numbering(_ seed: String) throws {
        let parts = Self.outline(try Self.rendered(seed))
        let numbered = parts.filter { $0.part.first.map { "IVX".contains($0) } ?? false }
        #expect(
            numbered.map { String($0.part.prefix { $0 != "." }) } == numbered.indices.map { PlanOutline.roman($0 + 1) })
        #expect(Set(numbered.map(\.part)).count == numbered.count)
        for part in numbered {
            #expect(part.headings.map(\.label) == part.headings.indices.map { $0 + 1 }, "numbers in \(part.part)")
            let texts = part.headings.map { VietnameseText.fold($0.text) }
            #expect(Set(texts).count == texts.count, "a heading repeats in \(part.part)")
        }
    }

    @Test("Seed 002: time, scope and theme appear once, under one heading")
    func seed002() throws {
        let lines = try Self.rendered("002_70fa31cfd4f9f8fe")
        #expect(lines.filter { $0.hasSuffix("Thời gian, phạm vi, chủ đề") }.count == 1)
        #expect(lines.filter { $0.includes("Phạm vi triển khai: Trên địa bàn xã Kim Thành.") }.count == 1)
        #expect(lines.filter { $0.includes("Chủ đề: “Trẻ em hạnh phúc, an toàn") }.count == 1)
        let content = try #require(Self.outline(lines).first { $0.part.hasSuffix("NỘI DUNG") })
        #expect(content.headings.first?.text == "Thời gian, phạm vi, chủ đề")
        #expect(content.headings.count == 7)
    }

    @Test("Seed 000: its reporting section becomes the reporting part, in its own words, once")
    func seed000() throws {
        let lines = try Self.rendered("000_8a2ec5e1df028a95")
        #expect(lines.filter { VietnameseText.fold($0).includes("che do bao cao") }.count == 1)
        #expect(lines.filter { $0.includes("trước ngày 01/7/2024 để tổng hợp báo cáo Sở Lao động") }.count == 1)
        #expect(lines.filter { $0.includes("Trên địa bàn quận.") }.count == 1)
    }

    @Test("Seed 003: the slogans print once, in their appendix")
    func seed003() throws {
        let lines = try Self.rendered("003_a85a19afab6becd2")
        #expect(lines.filter { $0.includes("Tổng đài 111- Tiếp nhận thông tin mọi lúc") }.count == 1)
    }
}
