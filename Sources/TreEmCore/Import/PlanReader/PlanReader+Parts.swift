import Foundation

// The Roman-numbered parts of the body: purposes, requirements, targets, theme, period, sections.
extension PlanReader {
    nonisolated(unsafe) static let pattern4 = /[“"](.+?)[”"]/
    nonisolated(unsafe) static let pattern5 =
        /[Tt]ừ\s+(?:ngày\s+)?(\d{1,2})\/(\d{1,2})(?:\/(\d{4}))?\s+(?:đến|-)\s+(?:hết\s+)?(?:ngày\s+)?(\d{1,2})\/(\d{1,2})\/(\d{4})/
    nonisolated(unsafe) static let pattern6 = /(\d+(?:[.,]\d+)?)\s*%/

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
}
