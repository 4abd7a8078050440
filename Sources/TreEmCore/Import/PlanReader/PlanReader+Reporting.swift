import Foundation

// The reporting deadline, to whom and through whom.
extension PlanReader {
    nonisolated(unsafe) static let pattern8 = /trước\s+ngày\s+(\d{1,2})\/(\d{1,2})\/(\d{4})/
    nonisolated(unsafe) static let pattern9 = /\(\s*qua\s+([^)]+)\)/
    nonisolated(unsafe) static let pattern10 = /\(\s*qua\s+[^)]+\)/

    static func reporting(parts: [Part], body: [Line]) -> (ImportedPlan.Reporting, Line)? {
        var candidates: [Line] = []
        if let part = parts.first(where: { $0.kind == .reporting }) { candidates += part.lines }
        // A "Chế độ báo cáo" section inside another part.
        var inSection = false
        for line in body {
            if let (_, heading) = numberedItem(line.text) {
                inSection = VietnameseText.fold(heading).hasPrefix("che do bao cao")
                continue
            }
            if romanHeading(line.text) != nil { inSection = false }
            if inSection { candidates.append(line) }
        }
        candidates += body.filter { $0.text.includes("trước") && VietnameseText.fold($0.text).includes("bao cao") }
        for line in candidates {
            let text = line.text
            guard text.includes("trước"), let date = text.firstMatch(of: Self.pattern8),
                let deadline = CalendarDay(year: Int(date.3) ?? 0, month: Int(date.2) ?? 0, day: Int(date.1) ?? 0)
            else { continue }
            let before = String(text[..<date.range.lowerBound])
            var to: String?
            var via: String?
            if let qua = before.firstMatch(of: Self.pattern9) { via = clean(String(qua.1)) }
            let withoutVia = before.replacing(Self.pattern10, with: "")
            if let range = withoutVia.range(of: " về ", options: .backwards) {
                to = clean(String(withoutVia[range.upperBound...])).trimmingCharacters(
                    in: CharacterSet(charactersIn: ",;"))
            }
            return (ImportedPlan.Reporting(deadline: deadline.iso, to: to?.isEmpty == true ? nil : to, via: via), line)
        }
        return nil
    }
}
