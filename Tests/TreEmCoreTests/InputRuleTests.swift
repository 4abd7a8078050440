import Foundation
import Testing

@testable import TreEmCore

@Suite("The same rules for every input")
struct InputRuleTests {
    @Test("A CSV that is not UTF-8 is refused naming line and column, not stored with U+FFFD")
    func csvNotUTF8() throws {
        let bytes = Array("code,name\n10804,Kim Th".utf8) + [0xE0, 0x6E, 0x68] + Array("\n".utf8)
        do {
            _ = try CSVReader.text(of: bytes)
            Issue.record("a Windows-1258 byte was accepted")
        } catch {
            #expect(error.problems.count == 1)
            #expect(error.report(.vi).contains("Dòng 2"))
            #expect(error.report(.vi).contains("cột 13"))
            #expect(error.report(.en).contains("CSV UTF-8"))
        }
        #expect(try CSVReader.text(of: Array("a,b\n".utf8)) == "a,b\n")
    }

    @Test("Free text has limits with a message naming the field")
    func limits() throws {
        #expect(
            TextLimit.comment.problem(String(repeating: "a", count: 5_000), field: Bilingual(vi: "Lý do", en: "Reason"))
                == nil)
        let problem = try #require(
            TextLimit.comment.problem(String(repeating: "a", count: 5_001), field: Bilingual(vi: "Lý do", en: "Reason"))
        )
        #expect(problem.vi.contains("“Lý do” dài 5.001 ký tự"))
        #expect(problem.vi.contains("5.000"))
    }

    @Test("Figures that no Int64 holds are written plainly and never trap")
    func hugeFigures() {
        #expect(VietnameseNumber.parse("9".padding(toLength: 400, withPad: "9", startingAt: 0)) == nil)
        #expect(VietnameseNumber.parse("99999999999999999999") == nil)
        #expect(VietnameseNumber.parse("1.500.000") == 1_500_000)
        for value in [Double.infinity, -.infinity, .nan, 1e300, -9.3e18, Double(Int64.max)] {
            _ = VietnameseNumber.format(value, fractionDigits: 2)
            _ = VietnameseNumber.plain(value)
        }
        #expect(VietnameseNumber.format(1_500_000) == "1.500.000")
    }

    @Test("Random and crafted CSV bytes are refused or read, quickly")
    func csvFuzz() {
        var rng = SplitMix64(state: 7)
        // Sizes that take a few tenths of a second in a debug build: enough to show the time
        // grows with the input and no faster, with room for a loaded machine.
        let crafted: [[UInt8]] = [
            Array(("\"" + String(repeating: "a", count: 400_000)).utf8),  // an unclosed quote
            Array(String(repeating: ",", count: 200_000).utf8),  // 200,000 empty columns
            Array(String(repeating: "\"\"", count: 100_000).utf8),  // quote pairs
            Array(String(repeating: "a,\"b\"\"c\"\n", count: 40_000).utf8),
            [0xEF, 0xBB, 0xBF] + Array(String(repeating: "\r\n", count: 100_000).utf8),
        ]
        var cases = crafted
        for _ in 0..<200 {
            cases.append(
                (0..<Int.random(in: 0..<3000, using: &rng)).map { _ in UInt8.random(in: 0...255, using: &rng) })
        }
        for bytes in cases {
            let start = Date()
            if let text = try? CSVReader.text(of: bytes) {
                _ = try? CSVReader.records(in: text)
                _ = try? UnitImport.plan(csv: text, existing: [])
                _ = try? ReportFormImport.parse(csv: text, code: "X", name: "X", planKind: nil)
            }
            #expect(Date().timeIntervalSince(start) < runawaySeconds, "a CSV case of \(bytes.count) bytes was slow")
        }
    }
}
