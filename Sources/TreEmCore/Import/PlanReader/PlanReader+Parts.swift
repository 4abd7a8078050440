import Foundation

// The Roman-numbered parts of the body: purposes, requirements, targets, theme, period, sections.
extension PlanReader {
    nonisolated(unsafe) static let pattern4 = /[“"](.+?)[”"]/
    nonisolated(unsafe) static let pattern5 =
        /[Tt]ừ\s+(?:ngày\s+)?(\d{1,2})\/(\d{1,2})(?:\/(\d{4}))?\s+(?:đến|-)\s+(?:hết\s+)?(?:ngày\s+)?(\d{1,2})\/(\d{1,2})\/(\d{4})/
    nonisolated(unsafe) static let pattern6 = /(\d+(?:[.,]\d+)?)\s*%/
    /// A period inside a sentence: "bắt đầu từ 01/6/2017 - 30/6/2017", "từ ngày 01/6 đến ngày 30/6".
    nonisolated(unsafe) static let periodInSentence =
        /[Tt]ừ\s+(?:ngày\s+)?(\d{1,2})\/(\d{1,2})(?:\/(\d{4}))?\s*(?:đến|-|–)\s*(?:hết\s+)?(?:ngày\s+)?(\d{1,2})\/(\d{1,2})(?:\/(\d{4}))?/
    nonisolated(unsafe) static let yearInTitle = /năm\s+(\d{4})/

    enum PartKind { case aims, content, funding, assignments, reporting }

    struct Part {
        var kind: PartKind
        var title: String
        var lines: [Line]
    }

    static func splitParts(_ body: [Line]) -> [Part] {
        var parts: [Part] = []
        for line in body {
            if let (_, title) = romanHeading(line.text) {
                let folded = VietnameseText.fold(title)
                let kind: PartKind =
                    folded.includes("to chuc thuc hien") || folded.includes("phan cong")
                    ? .assignments
                    : folded.includes("bao cao")
                        ? .reporting
                        : folded.includes("kinh phi")
                            ? .funding
                            : folded.includes("muc dich") || folded.includes("muc tieu") || folded.includes("yeu cau")
                                ? .aims
                                : .content
                parts.append(Part(kind: kind, title: title, lines: []))
            } else if !parts.isEmpty {
                parts[parts.count - 1].lines.append(line)
            }
        }
        return parts
    }

    /// Purposes and requirements of the aims part, by their sub-headings ("1. Mục đích", "2. Yêu cầu").
    static func aims(in lines: [Line]) -> ([String], [String]) {
        var purposes: [String] = []
        var requirements: [String] = []
        var inRequirements = false
        for line in lines {
            if let (_, heading) = numberedItem(line.text), heading.count < 40 {
                inRequirements = VietnameseText.fold(heading).hasPrefix("yeu cau")
                continue
            }
            let text = withoutBullet(line.text)
            if inRequirements { requirements.append(text) } else { purposes.append(text) }
        }
        return (purposes, requirements)
    }

    static func theme(in body: [Line]) -> (String, Line)? {
        for line in body
        where (line.text.includes("“") || line.text.includes("\"")) && VietnameseText.fold(line.text).includes("chu de")
        {
            if let match = line.text.firstMatch(of: Self.pattern4) {
                return (clean(String(match.1)).trimmingCharacters(in: CharacterSet(charactersIn: ".,")), line)
            }
        }
        return nil
    }

    static func period(in body: [Line]) -> (ImportedPlan.Period, Line)? {
        for line in body where line.text.includes("gian") && VietnameseText.fold(line.text).includes("thoi gian") {
            guard let match = line.text.firstMatch(of: Self.pattern5),
                let endYear = Int(match.6),
                let end = CalendarDay(year: endYear, month: Int(match.5) ?? 0, day: Int(match.4) ?? 0),
                let start = CalendarDay(
                    year: match.3.flatMap { Int($0) } ?? endYear, month: Int(match.2) ?? 0, day: Int(match.1) ?? 0)
            else { continue }
            return (ImportedPlan.Period(start: start.iso, end: end.iso), line)
        }
        return nil
    }

    static func targets(in lines: [Line], partTitle: String) -> [ImportedPlan.Target] {
        var result: [ImportedPlan.Target] = []
        let foldedPart = VietnameseText.fold(partTitle)
        var underTargetHeading = foldedPart.hasPrefix("muc tieu") || foldedPart.hasPrefix("chi tieu")
        for line in lines {
            if let (_, heading) = numberedItem(line.text), heading.count < 40 {
                let folded = VietnameseText.fold(heading)
                underTargetHeading = folded.hasPrefix("muc tieu") || folded.hasPrefix("chi tieu")
                continue
            }
            let text = withoutBullet(line.text)
            let percent =
                !text.includes("%")
                ? nil
                : text.firstMatch(of: Self.pattern6).flatMap { Double($0.1.replacingOccurrences(of: ",", with: ".")) }
            if percent != nil || underTargetHeading {
                result.append(ImportedPlan.Target(text: text, percent: percent))
            }
        }
        return result
    }

    /// The theme stated inside a sentence of the opening: "… với chủ đề “…”".
    static func theme(inSentences lines: [Line]) -> (String, Line)? {
        for line in lines where line.text.includes("“") || line.text.includes("\"") {
            let text = line.text
            guard let keyword = text.range(of: "chủ đề", options: .caseInsensitive) else { continue }
            let after = text[keyword.upperBound...].prefix(40)
            guard let open = after.firstIndex(where: { $0 == "“" || $0 == "\"" }) else { continue }
            let rest = text[text.index(after: open)...]
            guard let close = rest.firstIndex(where: { $0 == "”" || $0 == "\"" }) else { continue }
            let value = clean(String(rest[..<close])).trimmingCharacters(in: CharacterSet(charactersIn: ".,"))
            if !value.isEmpty { return (value, line) }
        }
        return nil
    }

    static func yearOf(title: String) -> Int? {
        title.lowercased().firstMatch(of: Self.yearInTitle).flatMap { Int($0.1) }
    }

    /// The period inside a sentence of the opening, or of a "Thời gian" line without the years,
    /// when no "Thời gian" line states it in full; a date without a year takes the plan's. A period inside a basis citation is the parent plan's and is skipped:
    /// in the opening only what follows the plan's own clause ("…, UBND xã X xây dựng …") counts.
    static func period(inSentences lines: [Line], year: Int?) -> (ImportedPlan.Period, Line)? {
        for line in lines where line.text.includes("/") {
            let text = line.text
            guard let match = text.firstMatch(of: Self.periodInSentence) else { continue }
            if looksLikeOpening(text) {
                guard let own = text.matches(of: Self.pattern3).last, own.range.upperBound <= match.range.lowerBound
                else { continue }
            }
            guard let endYear = match.6.flatMap({ Int($0) }) ?? year,
                let end = CalendarDay(year: endYear, month: Int(match.5) ?? 0, day: Int(match.4) ?? 0),
                let start = CalendarDay(
                    year: match.3.flatMap { Int($0) } ?? endYear, month: Int(match.2) ?? 0, day: Int(match.1) ?? 0),
                start <= end
            else { continue }
            return (ImportedPlan.Period(start: start.iso, end: end.iso), line)
        }
        return nil
    }

    /// "Phạm vi triển khai: Trên địa bàn xã Kim Thành." as a line, bullet or numbered heading.
    static func scope(in body: [Line]) -> (String, Line)? {
        for line in body where line.text.count < 400 {
            var text = withoutBullet(line.text)
            if let (_, rest) = numberedItem(text) { text = rest }
            guard VietnameseText.fold(String(text.prefix(8))).hasPrefix("pham vi"), let colon = text.firstIndex(of: ":")
            else { continue }
            let value = clean(String(text[text.index(after: colon)...]))
            if !value.isEmpty { return (value, line) }
        }
        return nil
    }

    /// The lines of a content part without its sections that only state what the plan carries
    /// as fields: "1. Thời gian, phạm vi, chủ đề" whose every line gave the period, scope or
    /// theme; "Thông điệp, khẩu hiệu" whose items are the plan's slogans; "Chế độ báo cáo" that
    /// gave the reporting (its words are kept in `reportingText`).
    static func sectionsNotCarried(
        _ lines: [Line], fieldLines: Set<Int>, slogans: [String], reportingLine: Line?, reportingText: inout [String]
    ) -> [Line] {
        var sections: [[Line]] = []
        for line in lines {
            if PlanOutline.numberedHeading(line.text) != nil || sections.isEmpty {
                sections.append([line])
            } else {
                sections[sections.count - 1].append(line)
            }
        }
        let fieldHeadings = ["thoi gian", "pham vi", "chu de"]
        let sloganSet = Set(slogans.map { VietnameseText.fold($0) })
        var kept: [Line] = []
        for section in sections {
            guard let first = section.first, let heading = PlanOutline.numberedHeading(first.text) else {
                kept += section
                continue
            }
            let folded = VietnameseText.fold(heading)
            let isField: (Line) -> Bool = { fieldLines.contains($0.first) }
            if isField(first) || fieldHeadings.contains(where: { folded.hasPrefix($0) }),
                section.dropFirst().allSatisfy(isField), section.contains(where: isField)
            {
                continue
            }
            if folded.includes("khau hieu"), section.count > 1,
                section.dropFirst().allSatisfy({ sloganSet.contains(VietnameseText.fold(withoutBullet($0.text))) })
            {
                continue
            }
            if folded.hasPrefix("che do bao cao"), let reportingLine,
                section.contains(where: { $0.first == reportingLine.first })
            {
                reportingText += section.dropFirst().map(\.text)
                continue
            }
            kept += section
        }
        return kept
    }
}
