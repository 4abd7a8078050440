import Foundation

// The opening sentence and the documents it cites as bases.
extension PlanReader {
    nonisolated(unsafe) static let basisPattern =
        /(Kế hoạch|Công văn|Luật|Chỉ thị|Quyết định|Nghị định|Thông tư|Hướng dẫn|Nghị quyết)(?:\s+số\s+([0-9][^\s,;]*))?(?:\s+ngày\s+(\d{1,2})\s*(?:\/|tháng)\s*(\d{1,2})\s*(?:\/|năm)\s*(\d{4}))?(?:\s+của\s+([^,;(]+?))?(?=\s+(?:về|triển khai|thực hiện|hướng dẫn|ban hành|xây dựng|năm \d{4})\b|[,;(]|$)/
    nonisolated(unsafe) static let pattern2 = /Luật\s+\p{Lu}[^;,]*?(?=[;,]|$)/

    /// The sentence that cites the bases: "Thực hiện Kế hoạch số …", "Căn cứ Luật …".
    static func looksLikeOpening(_ text: String) -> Bool {
        guard text.first?.isUppercase == true else { return false }
        let folded = VietnameseText.fold(text)
        return ["can cu ", "thuc hien ", "trien khai ", "thi hanh ", "nham "].contains { folded.hasPrefix($0) }
            && (text.includes(" số ") || folded.includes("luat ") || text.includes(";") || text.count > 150)
    }

    static func bases(in opening: String) -> [(basis: ImportedPlan.Basis, citation: String)] {
        // A law is cited by its name ("Luật Trẻ em năm 2016"), without number or issuer.
        var laws: [(Range<String.Index>, ImportedPlan.Basis)] = opening.matches(of: Self.pattern2).map {
            ($0.range, ImportedPlan.Basis(type: "Luật", number: nil, date: nil, issuer: nil))
        }
        let pattern = Self.basisPattern
        for match in opening.matches(of: pattern) {
            let type = String(match.1)
            // "… xây dựng Kế hoạch triển khai …" names the plan being written, not a basis.
            if match.2 == nil, match.3 == nil, match.6 == nil, type != "Luật" { continue }
            var date: String?
            if let d = match.3.flatMap({ Int($0) }), let m = match.4.flatMap({ Int($0) }),
                let y = match.5.flatMap({ Int($0) }),
                let day = CalendarDay(year: y, month: m, day: d)
            {
                date = day.iso
            }
            if type == "Luật", laws.contains(where: { $0.0.overlaps(match.range) }) { continue }
            laws.append(
                (
                    match.range,
                    ImportedPlan.Basis(
                        type: type, number: match.2.map(String.init), date: date,
                        issuer: match.6.map { expandCommittee(clean(String($0))) })
                ))
        }
        return laws.sorted { $0.0.lowerBound < $1.0.lowerBound }.map { (range, basis) in
            (basis, clean(String(opening[range])))
        }
    }

    static func expandCommittee(_ text: String) -> String {
        text.hasPrefix("UBND ") ? "Ủy ban nhân dân " + text.dropFirst(5) : text
    }
}
