import Foundation
import Testing
@testable import TreEmCore

/// A small deterministic generator, so a failing mutation can be replayed from its seed.
struct SplitMix64: RandomNumberGenerator {
    var state: UInt64
    mutating func next() -> UInt64 {
        state &+= 0x9E3779B97F4A7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58476D1CE4E5B9
        z = (z ^ (z >> 27)) &* 0x94D049BB133111EB
        return z ^ (z >> 31)
    }
}

@Suite("The reader survives damaged documents")
struct PlanReaderFuzzTests {
    static let garbage: [String] = ["", "\u{0000}", "\u{FEFF}", "####", "**", "- ", "+ ", "1.", "IV.", "Số:", "Nơi nhận:", "TM.",
                                    "ngày tháng năm", "“", "”", "(qua", "trước ngày 99/99/9999", String(repeating: "a", count: 5000),
                                    "\u{0301}\u{0301}", "Đề nghị :", "8.1.", "KẾ HOẠCH", "%", "http://<>", "\r", "\t\t"]

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
        #expect(slowest < 2, "slowest mutation took \(slowest) s")
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
            case 1: for _ in 0..<8 { bytes[Int.random(in: 0..<bytes.count, using: &rng)] = UInt8.random(in: 0...255, using: &rng) }
            default: bytes = (0..<Int.random(in: 0..<2000, using: &rng)).map { _ in UInt8.random(in: 0...255, using: &rng) }
            }
            _ = try? DOCXText.text(of: bytes)
            _ = try? Inflate.decompress(bytes, limit: 1 << 20)
        }
        #expect(try DOCXText.text(of: original).contains("Triển khai Tháng hành động vì trẻ em năm 2026"))
    }
}
