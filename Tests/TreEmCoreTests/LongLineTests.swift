import Foundation
import Testing

@testable import TreEmCore

@Suite("The plan reader on the longest lines a file may have")
struct LongLineTests {
    /// Lines at the 10,000-character limit the server allows, shaped to make the reader's
    /// per-line patterns work hardest (long runs before a lookahead, repeated keywords).
    static let lines: [String] = [
        "Căn cứ Kế hoạch của " + String(repeating: "ủy ban ", count: 1_400),
        "Căn cứ Kế hoạch số 1 ngày 1 tháng 1 năm 2024 của " + String(repeating: "a", count: 9_900),
        "<http://" + String(repeating: "a", count: 9_950),
        "1." + String(repeating: " ", count: 9_990),
        "- " + String(repeating: "Đề nghị ", count: 1_240),
        String(repeating: "trước ngày ", count: 900),
        String(repeating: "Kế hoạch ", count: 1_100),
        "Số: " + String(repeating: "1/", count: 4_990),
        String(repeating: "(", count: 9_990),
    ]

    @Test("Each adversarial line is read within a second, debug build included", arguments: lines.indices)
    func readsQuickly(_ index: Int) {
        let text = "KẾ HOẠCH\nTriển khai Tháng hành động vì trẻ em\n" + Self.lines[index] + "\nNơi nhận:\n- Như trên;"
        let start = Date()
        _ = PlanReader.readDetailed(text)
        let seconds = Date().timeIntervalSince(start)
        #expect(seconds < runawaySeconds, "line \(index) took \(seconds) s")
    }
}
