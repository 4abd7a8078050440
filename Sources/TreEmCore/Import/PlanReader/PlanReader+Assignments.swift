import Foundation

// "Tổ chức thực hiện": which agency is assigned or requested which tasks.
extension PlanReader {
    /// The organisations an agency label names ("Ủy ban MTTQ quận, Hội Liên hiệp Phụ nữ quận" → two).
    public static func agencyNames(in label: String) -> [String] {
        splitAgencies(label)
    }

    nonisolated(unsafe) static let pattern7 =
        /^[Cc]ác\s+(?:ban\s*,?\s*ngành\s*,?\s*)?(?:đoàn thể|tổ chức chính trị - xã hội)\s+(?=[A-ZĐ])/

    static func assignments(in lines: [Line]) -> [ImportedPlan.Assignment] {
        var result: [ImportedPlan.Assignment] = []
        let usesHeadings = lines.contains { numberedItem($0.text).map { isAgencyLabel($0.1) } ?? false }
        for line in lines {
            let text = line.text
            if isClosing(text) { break }
            if usesHeadings, let (numbers, label) = numberedItem(text), isAgencyLabel(label) {
                // A group heading ("8. Đề nghị … các tổ chức đoàn thể tỉnh") followed by 8.1, 8.2 …
                // is kept only if it gets tasks of its own.
                if numbers.count > 1, let last = result.last, last.tasks.isEmpty, result.count > 0 {
                    result.removeLast()
                }
                result.append(assignment(label: label, firstTask: nil))
                continue
            }
            if !usesHeadings, let first = text.first, "-–•+".contains(first),
                let colon = text.firstIndex(of: ":")
            {
                let label = withoutBullet(String(text[..<colon]))
                if isAgencyLabel(label), label.count <= 160 {
                    let task = clean(String(text[text.index(after: colon)...]))
                    result.append(assignment(label: label, firstTask: task.isEmpty ? nil : task))
                    continue
                }
            }
            guard !result.isEmpty else { continue }
            let task = withoutBullet(text)
            if !task.isEmpty { result[result.count - 1].tasks.append(task) }
        }
        return result
    }

    static func isClosing(_ text: String) -> Bool {
        let folded = VietnameseText.fold(text)
        return folded.hasPrefix("tren day la") || folded.hasPrefix("tren day ke hoach") || text.hasSuffix("./.")
    }

    /// Words that begin the name of an agency, an organisation or a group of them.
    static let organisationStarts = [
        "phong", "so", "bo", "uy ban", "ubnd", "ubmttq", "ub mttq", "mat tran", "doan", "hoi", "lien doan", "cong an",
        "luc luong",
        "tram", "trung tam", "dai", "ban", "truong", "cac", "cong chuc", "can bo", "van hoa", "tu phap", "to dan pho",
        "thon", "khu dan cu", "chi doan", "benh vien", "bo chi huy", "vien kiem sat", "toa an", "kho bac", "bao hiem",
        "chi cuc", "quy", "y te", "giao duc", "nganh", "lao dong", "tai chinh", "kinh te", "tuyen giao", "cong doan",
    ]

    static func isAgencyLabel(_ label: String) -> Bool {
        var folded = VietnameseText.fold(label)
        if folded.hasPrefix("de nghi ") { folded = String(folded.dropFirst(8)) }
        return organisationStarts.contains { folded.hasPrefix($0 + " ") || folded == $0 }
    }

    static let massOrganisationStarts = [
        "uy ban mat tran", "ubmttq", "ub mttq", "mat tran", "doan thanh nien", "doan tn", "hoi ",
        "lien doan lao dong", "chi doan", "cac hoi", "cac to chuc thanh vien", "cac to chuc doan the",
    ]

    static func assignment(label raw: String, firstTask: String?) -> ImportedPlan.Assignment {
        var label = clean(raw).trimmingCharacters(in: CharacterSet(charactersIn: ".:;,"))
        var request = false
        if VietnameseText.fold(label).hasPrefix("de nghi ") {
            request = true
            label = clean(String(label.dropFirst("Đề nghị ".count)))
        }
        let agencies = splitAgencies(label)
        if !request {
            request = agencies.allSatisfy { agency in
                let folded = VietnameseText.fold(agency)
                return massOrganisationStarts.contains { folded.hasPrefix($0) }
            }
        }
        return ImportedPlan.Assignment(
            agency: label, agencies: agencies, mode: request ? "request" : "assign",
            tasks: firstTask.map { [$0] } ?? [])
    }

    /// Splits "Ủy ban MTTQ quận, Liên đoàn Lao động quận, Hội …" at commas and "và" where every
    /// part names an organisation; "Các phòng, ban, ngành liên quan" stays whole. A lead-in such
    /// as "Các ban ngành đoàn thể" before named organisations is dropped.
    static func splitAgencies(_ label: String) -> [String] {
        var text = label
        // "Các ban ngành đoàn thể Hội phụ nữ, Đoàn Thanh niên, …": drop the collective lead-in.
        if text.hasPrefix("Các") || text.hasPrefix("các"), let match = text.firstMatch(of: Self.pattern7) {
            text = String(text[match.range.upperBound...])
        }
        let pieces = text.split(separator: ",").flatMap { piece in
            String(piece).splitting(on: " và ").map { clean($0) }
        }.filter { !$0.isEmpty }
        if pieces.count > 1, pieces.allSatisfy({ isAgencyLabel($0) && namesOne($0) }) { return pieces }
        // "UBMTTQ và các Hội đoàn thể thị trấn": one body and a group.
        if let range = text.range(of: " và các ") {
            return [clean(String(text[..<range.lowerBound])), "các " + clean(String(text[range.upperBound...]))]
        }
        return [clean(label)]
    }

    /// A piece is an organisation of its own if it has more than a generic word ("ban", "ngành").
    static func namesOne(_ piece: String) -> Bool {
        let words = piece.split(separator: " ")
        return words.count >= 2
    }
}
