import Foundation

// The letterhead: "Số: …", "Place, ngày … tháng … năm …", and the issuing committee.
extension PlanReader {
    nonisolated(unsafe) static let pattern1 = /^(.+?),\s*ngày\s*(\d{1,2})?\s*tháng\s*(\d{1,2})?\s*năm\s*(\d{4})/
    nonisolated(unsafe) static let pattern3 =
        /(?:Ủy ban nhân dân|UBND)\s+(.+?)\s+(?:xây dựng|ban hành|triển khai|thực hiện)\s/

    static func isDocumentType(_ text: String) -> Bool {
        text == "KẾ HOẠCH" || text.hasPrefix("KẾ HOẠCH ")
    }

    /// "Số: 94/KH-UBND" → "94/KH-UBND"; "Số: /KH-UBND" → "".
    static func numberLine(_ text: String) -> String? {
        guard text.hasPrefix("Số") else { return nil }
        var rest = text.dropFirst(2).drop { $0 == " " }
        guard rest.first == ":" || rest.first?.isNumber == true || rest.first == "/" else { return nil }
        if rest.first == ":" { rest = rest.dropFirst().drop { $0 == " " } }
        let value = String(rest.prefix { !$0.isWhitespace })
        return value.hasPrefix("/") || value.first?.isNumber != true
            ? "" : value.trimmingCharacters(in: CharacterSet(charactersIn: ".,;"))
    }

    static func dateLine(_ text: String) -> (String, ImportedPlan.IssuedOn)? {
        guard text.includes("ngày"), text.includes("năm"), let match = text.firstMatch(of: Self.pattern1),
            let year = Int(match.4)
        else { return nil }
        return (
            clean(String(match.1)),
            ImportedPlan.IssuedOn(year: year, month: match.3.flatMap { Int($0) }, day: match.2.flatMap { Int($0) })
        )
    }

    static let levelWords = ["thành phố", "tỉnh", "quận", "huyện", "thị xã", "thị trấn", "phường", "xã", "đặc khu"]

    static func issuer(opening: String, letterhead: String?, title: String) -> String? {
        var unit: String?
        if let letterhead {
            unit = PlanComposition.titleCase("X " + letterhead).dropFirst(2).description
        } else {
            let matches = opening.matches(of: Self.pattern3)
            unit = matches.last.map { clean(String($0.1)) }
        }
        guard var unit, !unit.isEmpty else { return nil }
        let foldedTitle = VietnameseText.fold(title)
        if levelWords.contains(unit.lowercased()) {
            // "Ủy ban nhân dân tỉnh ban hành…": the unit's name is in the title.
            if let range = title.range(of: unit, options: .caseInsensitive) {
                let after = title[range.upperBound...].split(separator: " ")
                let name = after.prefix { word in word.first?.isUppercase == true }
                if !name.isEmpty { unit = unit.lowercased() + " " + name.joined(separator: " ") }
            }
        } else if let range = foldedTitle.range(of: VietnameseText.fold(unit)) {
            // The title's spelling of the same unit wins over the opening's typos.
            let start = foldedTitle.distance(from: foldedTitle.startIndex, to: range.lowerBound)
            let length = VietnameseText.fold(unit).count
            let characters = Array(title)
            if start + length <= characters.count,
                VietnameseText.fold(String(characters[start..<(start + length)])) == VietnameseText.fold(unit)
            {
                unit = String(characters[start..<(start + length)])
            }
        }
        return "Ủy ban nhân dân " + unit
    }
}
