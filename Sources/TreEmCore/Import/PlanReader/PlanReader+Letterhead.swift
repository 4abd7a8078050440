import Foundation

// The letterhead: the issuing committee, "Số: …", "Place, ngày … tháng … năm …", however the
// two columns of its table reached the text — stacked, one row a line with cells between "|"
// (Word tables and web pages), or merged into single lines by a PDF or a scan.
extension PlanReader {
    nonisolated(unsafe) static let pattern1 = /^(.+?),\s*ngày\s*(\d{1,2})?\s*tháng\s*(\d{1,2})?\s*năm\s*(\d{4})/
    /// The plan's own clause "…, UBND xã X xây dựng …"; "UBND" starts a word, not the end of "94/KH-UBND".
    nonisolated(unsafe) static let pattern3 =
        /(?:^|[\s,;(])(?:Ủy ban nhân dân|UBND)\s+(.+?)\s+(?:xây dựng|ban hành|triển khai|thực hiện)\s/

    /// "KẾ HOẠCH" in capitals, alone or before the title; a scan's misread accent still counts.
    static func isDocumentType(_ text: String) -> Bool {
        if text == "KẾ HOẠCH" || text.hasPrefix("KẾ HOẠCH ") { return true }
        guard text.hasPrefix("K"), text.utf8.count >= 8 else { return false }
        let head = String(text.prefix(8))
        return head == head.uppercased() && VietnameseText.fold(head) == "ke hoach"
            && (text.count == 8 || text.dropFirst(8).first == " ")
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

    /// What the letterhead gave, and where it ends.
    struct Letterhead {
        /// The unit as printed under "ỦY BAN NHÂN DÂN" ("XÃ KIM THÀNH"); nil when the copy lost it.
        var unit: String?
        var committeeLine: Int?
        /// "" for a blank number ("Số: /KH-UBND").
        var number: String?
        var numberLine: Int?
        var place: String?
        var issuedOn: ImportedPlan.IssuedOn?
        var dateLine: Int?
        /// The first logical line after the letterhead.
        var end: Int
        var doubts: [Uncertain] = []
    }

    /// The letterhead, when the document has one: found by the national name, the committee's
    /// name in capitals, or (for the bare bodies of the seeds) a number or date line near the top.
    /// Lines before it (a web site's menus and lists of related documents) are left out.
    static func letterhead(_ lines: [Line]) -> Letterhead? {
        guard let start = letterheadStart(lines) else { return nil }
        var end = start
        var sawNumber = false
        var sawDate = false
        while end < lines.count, end < start + 16 {
            let text = lines[end].text
            if isDocumentType(text) || romanHeading(text) != nil || looksLikeOpening(text) || text.count > 240 {
                break
            }
            let probe = HeaderText(lines: [lines[end]], from: end)
            let national = probe.mentionsNationalName || probe.isPieceOfNationalName
            // After the date only the rest of its table row can follow; after the number, a line in
            // capitals that is not the national name is the title of a plan without "KẾ HOẠCH".
            if sawDate, !isRowRemainder(text) { break }
            if sawNumber, !national, isCapitalisedTitle(text), probe.committeeHeads.isEmpty { break }
            if probe.number != nil { sawNumber = true }
            if probe.date != nil { sawDate = true }
            end += 1
        }
        guard end > start else { return nil }
        let header = HeaderText(lines: Array(lines[start..<end]), from: start)
        var result = Letterhead(end: end)
        if let number = header.number {
            result.number = number.value
            result.numberLine = number.line
            if number.repaired {
                result.doubts.append(
                    doubt(
                        "number", vi: "Số ký hiệu đọc từ bản quét, có chữ dễ nhầm với số: \(number.value)",
                        en: "The number was read from a scan with letters that look like digits: \(number.value)"))
            }
        } else if header.mentionsNumberWord {
            result.doubts.append(
                doubt(
                    "number", vi: "Có dòng \"Số:\" nhưng không đọc được số ký hiệu",
                    en: "There is a \"Số:\" line but its number could not be read"))
        }
        if let date = header.date {
            result.place = date.place
            result.issuedOn = date.issuedOn
            result.dateLine = date.line
            result.doubts += date.doubts
        }
        if let committee = header.committee {
            result.committeeLine = committee.line
            result.unit = committee.unit
            if committee.damaged, let unit = committee.unit {
                result.doubts.append(
                    doubt(
                        "issuer", vi: "Tên cơ quan ban hành đọc từ dòng bị lỗi chữ: \(unit)",
                        en: "The issuer was read from a damaged line: \(unit)"))
            }
        }
        if let place = result.place, let unit = result.unit {
            // The place names the unit itself (Nghị định 30/2020, Phụ lục I): a difference in
            // accents only is a misread letter in one of them.
            let unitName = unit.split(separator: " ").drop { levelWords.contains(String($0).lowercased()) }
                .joined(separator: " ")
            let titled = PlanComposition.titleCase("X " + unitName).dropFirst(2)
            if VietnameseText.fold(place) == VietnameseText.fold(String(titled)), place != String(titled) {
                result.doubts.append(
                    doubt(
                        "place", vi: "Địa danh \"\(place)\" khác tên đơn vị \"\(titled)\" ở dấu: kiểm tra lại",
                        en: "The place \"\(place)\" differs from the unit's name \"\(titled)\" in its accents: check it"
                    ))
            }
        }
        return result
    }

    static func letterheadStart(_ lines: [Line]) -> Int? {
        var fallback: Int?
        for (index, line) in lines.enumerated() {
            let text = line.text
            if romanHeading(text) != nil || isRecipientsHeading(text) || looksLikeOpening(text) || index >= 400 {
                break
            }
            guard text.count <= 240, !text.hasPrefix("TM.") else { continue }
            let probe = HeaderText(lines: [line], from: index)
            if probe.mentionsNationalName || probe.committeeHeads.contains(where: \.capitals) { return index }
            if fallback == nil, index < 12, numberLine(text) != nil || (text.count < 100 && dateLine(text) != nil) {
                fallback = index
            }
        }
        return fallback
    }

    /// The end of a table row after its date: bars, rules, or the last word of a broken line.
    static func isRowRemainder(_ text: String) -> Bool {
        let letters = text.filter(\.isLetter)
        return letters.isEmpty || (text.contains("|") && text.split(separator: " ").count <= 3)
    }

    static func isCapitalisedTitle(_ text: String) -> Bool {
        let letters = text.filter(\.isLetter)
        return letters.count >= 12 && letters == letters.uppercased() && text.split(separator: " ").count >= 3
            && !text.contains("|") && numberLine(text) == nil
    }

    static func doubt(_ part: String, vi: String, en: String) -> Uncertain {
        Uncertain(part: part, note: Bilingual(vi: vi, en: en))
    }

    static let levelWords = ["thành phố", "tỉnh", "quận", "huyện", "thị xã", "thị trấn", "phường", "xã", "đặc khu"]
    static let levelFirstWords: Set<String> = ["thành", "tỉnh", "quận", "huyện", "thị", "phường", "xã", "đặc", "tp."]

    static func issuer(opening: String, letterhead: String?, title: String, place: String? = nil) -> String? {
        var unit: String?
        if let letterhead {
            unit = PlanComposition.titleCase("X " + letterhead).dropFirst(2).description
        } else {
            let matches = opening.matches(of: Self.pattern3)
            unit = matches.last.map { clean(String($0.1)) }
        }
        guard var unit, !unit.isEmpty else { return nil }
        let titleIsCapitals = title == title.uppercased()
        let foldedTitle = VietnameseText.fold(title)
        if levelWords.contains(unit.lowercased()) {
            // "Ủy ban nhân dân tỉnh ban hành…": the unit's name is in the title, else it is the place.
            if let range = title.range(of: unit, options: .caseInsensitive) {
                let after = title[range.upperBound...].split(separator: " ")
                let name =
                    titleIsCapitals
                    ? Array(after.prefix { !stopWords.contains(VietnameseText.fold(String($0))) }.prefix(4))
                    : Array(after.prefix { word in word.first?.isUppercase == true })
                if !name.isEmpty {
                    let words = name.joined(separator: " ")
                    unit =
                        unit.lowercased() + " "
                        + (titleIsCapitals ? String(PlanComposition.titleCase("X " + words).dropFirst(2)) : words)
                    return "Ủy ban nhân dân " + unit
                }
            }
            if let place, !place.isEmpty, !levelFirstWords.contains(String(place.lowercased().prefix { $0 != " " })) {
                unit = unit.lowercased() + " " + place
            }
        } else if !titleIsCapitals, let range = foldedTitle.range(of: VietnameseText.fold(unit)) {
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

    /// Words that end a unit's name inside a title in capitals ("… TỈNH LAI CHÂU NĂM 2024").
    static let stopWords: Set<String> = ["nam", "giai", "trong", "tren", "den", "va", "ve", "dot", "thang", "6"]

    /// The committee from the place alone ("Thành phố Hồ Chí Minh, ngày …" under a bare
    /// "ỦY BAN NHÂN DÂN"): only when the place names its level, or the title names the level before it.
    static func issuer(place: String, title: String) -> String? {
        let lowered = place.lowercased()
        if let level = levelWords.first(where: { lowered.hasPrefix($0 + " ") }) {
            return "Ủy ban nhân dân " + level + place.dropFirst(level.count)
        }
        let foldedTitle = VietnameseText.fold(title)
        let foldedPlace = VietnameseText.fold(place)
        for level in levelWords where foldedTitle.includes(VietnameseText.fold(level) + " " + foldedPlace) {
            return "Ủy ban nhân dân " + level + " " + place
        }
        return nil
    }
}
