import Foundation

/// Reads a plan document given as text (plain, Markdown, or extracted from Word or PDF) into
/// its canonical parts (docs/IMPORT-FORMAT.md). It relies on the structure every such plan
/// shares — Nghị định 30/2020/NĐ-CP's letterhead, a numbered body in Roman parts, "Tổ chức
/// thực hiện", "Nơi nhận", the signature block — never on a particular document's sentences.
public enum PlanReader {
    /// One logical line: a paragraph, heading or list item with its hard wraps joined.
    struct Line {
        var text: String
        /// A blank line came before it in the source.
        var afterBlank: Bool
        /// 1-based source lines it spans.
        var first: Int = 0
        var last: Int = 0
    }

    /// What the canonical form does not carry but a TreEm plan wants.
    public struct Extras: Sendable {
        public var purposes: [String] = []
        public var requirements: [String] = []
        public var sections: [ContentNode] = []
        /// Each basis as the document cites it ("Luật Trẻ em năm 2016"), in the order of `bases`.
        public var basisCitations: [String] = []

        public init(purposes: [String] = [], requirements: [String] = [], sections: [ContentNode] = [], basisCitations: [String] = []) {
            self.purposes = purposes
            self.requirements = requirements
            self.sections = sections
            self.basisCitations = basisCitations
        }
    }

    /// Where in the source a recognised part was found, for showing it beside the result.
    public struct TraceEntry: Hashable, Sendable {
        public var part: String
        public var firstLine: Int
        public var lastLine: Int
    }

    public struct Reading: Sendable {
        public var plan: ImportedPlan
        public var extras: Extras
        public var trace: [TraceEntry]
    }

    // Regexes are built once: building one costs far more than matching it.
    nonisolated(unsafe) static let basisPattern = /(Kế hoạch|Công văn|Luật|Chỉ thị|Quyết định|Nghị định|Thông tư|Hướng dẫn|Nghị quyết)(?:\s+số\s+([0-9][^\s,;]*))?(?:\s+ngày\s+(\d{1,2})\s*(?:\/|tháng)\s*(\d{1,2})\s*(?:\/|năm)\s*(\d{4}))?(?:\s+của\s+([^,;(]+?))?(?=\s+(?:về|triển khai|thực hiện|hướng dẫn|ban hành|xây dựng|năm \d{4})\b|[,;(]|$)/
    nonisolated(unsafe) static let pattern0 = /<(https?:\/\/[^>\s]+)>/
    nonisolated(unsafe) static let pattern1 = /^(.+?),\s*ngày\s*(\d{1,2})?\s*tháng\s*(\d{1,2})?\s*năm\s*(\d{4})/
    nonisolated(unsafe) static let pattern2 = /Luật\s+\p{Lu}[^;,]*?(?=[;,]|$)/
    nonisolated(unsafe) static let pattern3 = /(?:Ủy ban nhân dân|UBND)\s+(.+?)\s+(?:xây dựng|ban hành|triển khai|thực hiện)\s/
    nonisolated(unsafe) static let pattern4 = /[“"](.+?)[”"]/
    nonisolated(unsafe) static let pattern5 = /[Tt]ừ\s+(?:ngày\s+)?(\d{1,2})\/(\d{1,2})(?:\/(\d{4}))?\s+(?:đến|-)\s+(?:hết\s+)?(?:ngày\s+)?(\d{1,2})\/(\d{1,2})\/(\d{4})/
    nonisolated(unsafe) static let pattern6 = /(\d+(?:[.,]\d+)?)\s*%/
    nonisolated(unsafe) static let pattern7 = /^[Cc]ác\s+(?:ban\s*,?\s*ngành\s*,?\s*)?(?:đoàn thể|tổ chức chính trị - xã hội)\s+(?=[A-ZĐ])/
    nonisolated(unsafe) static let pattern8 = /trước\s+ngày\s+(\d{1,2})\/(\d{1,2})\/(\d{4})/
    nonisolated(unsafe) static let pattern9 = /\(\s*qua\s+([^)]+)\)/
    nonisolated(unsafe) static let pattern10 = /\(\s*qua\s+[^)]+\)/

    public static func read(_ source: String) -> ImportedPlan {
        readDetailed(source).plan
    }

    public static func readDetailed(_ source: String) -> Reading {
        let lines = logicalLines(source)
        var plan = ImportedPlan()
        var extras = Extras()
        var trace: [TraceEntry] = []
        func note(_ part: String, _ range: ArraySlice<Line>) {
            guard let first = range.first, let last = range.last else { return }
            trace.append(TraceEntry(part: part, firstLine: first.first, lastLine: last.last))
        }
        var index = 0

        // Letterhead: the issuing body (caps), "Số: …", "Place, ngày … tháng … năm …".
        var letterheadIssuer: String?
        let headerEnd = lines.firstIndex { isDocumentType($0.text) } ?? min(lines.count, 8)
        for i in 0..<min(headerEnd, lines.count) {
            let text = lines[i].text
            if let number = numberLine(text) {
                plan.number = number.isEmpty ? nil : number
                note("number", lines[i...i])
            } else if let (place, date) = dateLine(text) {
                plan.place = place
                plan.issuedOn = date
                note("issuedOn", lines[i...i])
            } else if VietnameseText.fold(text).hasPrefix("uy ban nhan dan"), text == text.uppercased() {
                let rest = text.dropFirst("ỦY BAN NHÂN DÂN".count).trimmingCharacters(in: .whitespaces)
                let unit = rest.isEmpty && i + 1 < headerEnd ? lines[i + 1].text : rest
                if !unit.isEmpty, unit == unit.uppercased(), numberLine(unit) == nil { letterheadIssuer = unit }
            }
        }

        // "KẾ HOẠCH" and the title: the rest of its line, or the lines after it up to a blank line.
        if headerEnd < lines.count, isDocumentType(lines[headerEnd].text) {
            let rest = String(lines[headerEnd].text.dropFirst("KẾ HOẠCH".count)).trimmingCharacters(in: .whitespaces)
            index = headerEnd + 1
            var titleParts: [String] = rest.isEmpty ? [] : [rest]
            if titleParts.isEmpty, index < lines.count, romanHeading(lines[index].text) == nil {
                titleParts.append(lines[index].text)
                index += 1
            }
            // A title may run over a second line; the opening sentence is not part of it.
            while rest.isEmpty, index < lines.count, !lines[index].afterBlank, romanHeading(lines[index].text) == nil,
                  !looksLikeOpening(lines[index].text), lines[index].text.count < 150 {
                titleParts.append(lines[index].text)
                index += 1
            }
            plan.title = titleParts.isEmpty ? nil : clean(titleParts.joined(separator: " "))
            note("title", lines[headerEnd..<index])
        }
        let title = plan.title ?? ""
        let foldedTitle = VietnameseText.fold(title)
        plan.kind = foldedTitle.includes("thang hanh dong vi tre em") ? "actionMonth"
            : foldedTitle.includes("cong tac tre em") ? "annualChildWork" : "other"

        // The opening: every line before the first part heading.
        var opening: [String] = []
        while index < lines.count, romanHeading(lines[index].text) == nil, !isRecipientsHeading(lines[index].text) {
            opening.append(lines[index].text)
            index += 1
        }
        let openingText = opening.joined(separator: " ")
        note("bases", lines[(index - opening.count)..<index])
        let cited = bases(in: openingText)
        plan.bases = cited.map(\.basis)
        extras.basisCitations = cited.map(\.citation)
        plan.issuer = issuer(opening: openingText, letterhead: letterheadIssuer, title: title)

        // The body in Roman parts, up to "Nơi nhận".
        let recipientsStart = lines[index...].firstIndex { isRecipientsHeading($0.text) } ?? lines.count
        let body = Array(lines[index..<recipientsStart])
        let parts = splitParts(body)
        if let (value, line) = theme(in: body) { plan.theme = value; note("theme", [line][...]) }
        if let (value, line) = period(in: body) { plan.period = value; note("period", [line][...]) }
        for part in parts where part.kind == .aims {
            plan.targets += targets(in: part.lines, partTitle: part.title)
            let (purposes, requirements) = aims(in: part.lines)
            extras.purposes += purposes
            extras.requirements += requirements
            note("targets", part.lines[...])
        }
        if let tasks = parts.first(where: { $0.kind == .assignments }) {
            plan.assignments = assignments(in: tasks.lines)
            note("assignments", tasks.lines[...])
        }
        extras.sections = parts.filter { $0.kind == .content }.flatMap { part in
            PlanOutline.read(part.lines.map(\.text).joined(separator: "\n"))
        }
        if let (value, line) = reporting(parts: parts, body: body) { plan.reporting = value; note("reporting", [line][...]) }
        plan.slogans = slogansInBody(body)

        // Nơi nhận, the signature, and appendices after it.
        if recipientsStart < lines.count {
            let tail = Array(lines[(recipientsStart + 1)...])
            let (recipients, signature, rest) = closing(tail)
            plan.recipients = recipients
            plan.signature = signature
            note("recipients", tail[0..<(tail.count - rest.count)])
            let appendixSlogans = slogansInAppendix(rest)
            if !appendixSlogans.isEmpty { plan.slogans = appendixSlogans; note("slogans", rest[...]) }
        }
        return Reading(plan: plan, extras: extras, trace: trace)
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

    // MARK: lines

    static func logicalLines(_ source: String) -> [Line] {
        var physical: [(text: String, afterBlank: Bool, length: Int, number: Int)] = []
        var blank = true
        var number = 0
        // Only decomposed input (combining marks U+0300–U+036F: UTF-8 lead bytes CC, CD) needs NFC.
        let needsNFC = source.utf8.contains { $0 == 0xCC || $0 == 0xCD }
        let text = needsNFC ? source.precomposedStringWithCanonicalMapping : source
        for raw in text.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r\n" || $0 == "\r" }) {
            number += 1
            let text = stripMarkup(String(raw))
            if text.isEmpty { blank = true; continue }
            physical.append((text, blank, raw.count, number))
            blank = false
        }
        // A document extracted from PDF or typed with hard wraps: most lines near one width.
        let long = physical.filter { $0.length >= 50 && $0.length <= 100 }.count
        let hardWrapped = physical.count >= 10 && Double(long) / Double(physical.count) > 0.5
            && (physical.map(\.length).max() ?? 0) < 140

        var result: [Line] = []
        var previousLength = 0
        for line in physical {
            if let last = result.last, continues(previous: last.text, previousLength: previousLength, next: line.text,
                                                     afterBlank: line.afterBlank, hardWrapped: hardWrapped) {
                result[result.count - 1].text = last.text + " " + line.text
                result[result.count - 1].last = line.number
            } else {
                result.append(Line(text: line.text, afterBlank: line.afterBlank, first: line.number, last: line.number))
            }
            previousLength = line.length
        }
        return result
    }

    /// Whether `next` continues the sentence of `previous` (a hard wrap, or a page break inside a sentence).
    static func continues(previous: String, previousLength: Int, next: String, afterBlank: Bool, hardWrapped: Bool) -> Bool {
        if startsStructure(next) || isRecipientsHeading(previous) || isDocumentType(previous) { return false }
        // The opening sentence starts its own paragraph even where a PDF lost the blank line.
        if looksLikeOpening(next) { return false }
        guard let first = next.first else { return false }
        let ends = previous.last.map { ".:;!?”\"".contains($0) } ?? true
        if first.isLowercase { return true }
        // "… Diễn đàn trẻ em năm" / "2024; tổ chức …": a number carrying on the sentence.
        if first.isNumber, !ends { return true }
        // In hard-wrapped text a full line without a full stop runs on; across a blank line
        // (a page break) only a line that reached the right margin does.
        if hardWrapped, !ends, previousLength >= (afterBlank ? 60 : 45), previous != previous.uppercased() { return true }
        return false
    }

    static func startsStructure(_ text: String) -> Bool {
        if romanHeading(text) != nil || numberedItem(text) != nil { return true }
        if let first = text.first, "-–•+(".contains(first) { return true }
        if numberLine(text) != nil || isRecipientsHeading(text) { return true }
        if text.hasPrefix("TM.") || text.hasPrefix("KT.") || text.hasPrefix("KT ") || text.hasPrefix("Q. ") { return true }
        return text.count < 80 && text.contains(where: \.isLetter) && !text.contains(where: \.isLowercase)
    }

    /// Removes Markdown emphasis and heading marks and collapses white space.
    static func stripMarkup(_ line: String) -> String {
        // Byte-level: "*" and "#" are ASCII, NBSP is C2 A0 in UTF-8.
        var bytes: [UInt8] = []
        bytes.reserveCapacity(line.utf8.count)
        var hasUnderscore = false
        var hasAngle = false
        var previous: UInt8 = 0
        for byte in line.utf8 {
            switch byte {
            case 0x2A: continue
            case 0xA0 where previous == 0xC2: bytes[bytes.count - 1] = 0x20
            case 0x5F: hasUnderscore = true; bytes.append(byte)
            case 0x3C: hasAngle = true; bytes.append(byte)
            default: bytes.append(byte)
            }
            previous = byte
        }
        var start = 0
        while start < bytes.count, bytes[start] == 0x23 || bytes[start] == 0x20 { start += 1 }
        var text = String(decoding: bytes[start...], as: UTF8.self)
        if hasUnderscore, text.includes("__") { text = text.replacingOccurrences(of: "__", with: "") }
        if hasAngle, text.includes("<http") {
            text = text.replacing(Self.pattern0) { String($0.1) }
        }
        return clean(text)
    }

    /// White space collapsed; the source was made NFC once, up front.
    static func clean(_ text: String) -> String {
        var out = String.UnicodeScalarView()
        var pendingSpace = false
        for scalar in text.unicodeScalars {
            if VietnameseText.isSpace(scalar) {
                pendingSpace = !out.isEmpty
            } else {
                if pendingSpace { out.append(" "); pendingSpace = false }
                out.append(scalar)
            }
        }
        return String(out)
    }

    // MARK: letterhead

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
        return value.hasPrefix("/") || value.first?.isNumber != true ? "" : value.trimmingCharacters(in: CharacterSet(charactersIn: ".,;"))
    }

    static func dateLine(_ text: String) -> (String, ImportedPlan.IssuedOn)? {
        guard text.includes("ngày"), text.includes("năm"), let match = text.firstMatch(of: Self.pattern1),
              let year = Int(match.4) else { return nil }
        return (clean(String(match.1)), ImportedPlan.IssuedOn(year: year, month: match.3.flatMap { Int($0) }, day: match.2.flatMap { Int($0) }))
    }

    // MARK: opening

    /// The sentence that cites the bases: "Thực hiện Kế hoạch số …", "Căn cứ Luật …".
    static func looksLikeOpening(_ text: String) -> Bool {
        guard text.first?.isUppercase == true else { return false }
        let folded = VietnameseText.fold(text)
        return ["can cu ", "thuc hien ", "trien khai ", "thi hanh ", "nham "].contains { folded.hasPrefix($0) }
            && (text.includes(" số ") || folded.includes("luat ") || text.includes(";") || text.count > 150)
    }

    static let documentTypes = ["Kế hoạch", "Công văn", "Luật", "Chỉ thị", "Quyết định", "Nghị định", "Thông tư", "Hướng dẫn", "Nghị quyết"]

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
            if let d = match.3.flatMap({ Int($0) }), let m = match.4.flatMap({ Int($0) }), let y = match.5.flatMap({ Int($0) }),
               let day = CalendarDay(year: y, month: m, day: d) {
                date = day.iso
            }
            if type == "Luật", laws.contains(where: { $0.0.overlaps(match.range) }) { continue }
            laws.append((match.range, ImportedPlan.Basis(type: type, number: match.2.map(String.init), date: date,
                                                         issuer: match.6.map { expandCommittee(clean(String($0))) })))
        }
        return laws.sorted { $0.0.lowerBound < $1.0.lowerBound }.map { (range, basis) in
            (basis, clean(String(opening[range])))
        }
    }

    static func expandCommittee(_ text: String) -> String {
        text.hasPrefix("UBND ") ? "Ủy ban nhân dân " + text.dropFirst(5) : text
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
            if start + length <= characters.count, VietnameseText.fold(String(characters[start..<(start + length)])) == VietnameseText.fold(unit) {
                unit = String(characters[start..<(start + length)])
            }
        }
        return "Ủy ban nhân dân " + unit
    }

    // MARK: parts

    enum PartKind { case aims, content, funding, assignments, reporting }

    struct Part {
        var kind: PartKind
        var title: String
        var lines: [Line]
    }

    static func romanHeading(_ text: String) -> (String, String)? {
        // Hand-written scanning: this runs on every line, and Regex is slow here.
        var numeral = ""
        var index = text.startIndex
        while index < text.endIndex, "IVX".contains(text[index]), numeral.count < 5 {
            numeral.append(text[index])
            index = text.index(after: index)
        }
        guard !numeral.isEmpty, numeral.count <= 4, index < text.endIndex, text[index] == "." else { return nil }
        let rest = text[text.index(after: index)...].trimmingCharacters(in: .whitespaces)
        guard !rest.isEmpty else { return nil }
        let letters = rest.filter(\.isLetter)
        guard !letters.isEmpty, letters == letters.uppercased() else { return nil }
        return (numeral, rest)
    }

    /// "3. Công an xã" → (["3"], "Công an xã"); "8.1. Hội …" → (["8", "1"], "Hội …").
    static func numberedItem(_ text: String) -> ([Int], String)? {
        var numbers: [Int] = []
        var current = 0
        var digits = 0
        var index = text.startIndex
        while index < text.endIndex {
            let c = text[index]
            if let value = c.wholeNumberValue, c.isASCII {
                current = current * 10 + value
                digits += 1
                guard digits <= 2 else { return nil }
            } else if c == "." || c == ")" {
                guard digits > 0 else { return nil }
                numbers.append(current)
                current = 0
                digits = 0
                let next = text.index(after: index)
                if c == ")" || next == text.endIndex || text[next] == " " {
                    index = next
                    break
                }
            } else {
                return nil
            }
            index = text.index(after: index)
        }
        guard !numbers.isEmpty, digits == 0, index < text.endIndex, text[index] == " " else { return nil }
        let rest = text[index...].trimmingCharacters(in: .whitespaces)
        return rest.isEmpty ? nil : (numbers, rest)
    }

    static func splitParts(_ body: [Line]) -> [Part] {
        var parts: [Part] = []
        for line in body {
            if let (_, title) = romanHeading(line.text) {
                let folded = VietnameseText.fold(title)
                let kind: PartKind =
                    folded.includes("to chuc thuc hien") || folded.includes("phan cong") ? .assignments
                    : folded.includes("bao cao") ? .reporting
                    : folded.includes("kinh phi") ? .funding
                    : folded.includes("muc dich") || folded.includes("muc tieu") || folded.includes("yeu cau") ? .aims
                    : .content
                parts.append(Part(kind: kind, title: title, lines: []))
            } else if !parts.isEmpty {
                parts[parts.count - 1].lines.append(line)
            }
        }
        return parts
    }

    static func withoutBullet(_ text: String) -> String {
        var t = text
        while let first = t.first, "-–•+".contains(first) { t.removeFirst() }
        return clean(t)
    }

    // MARK: theme, period, targets

    static func theme(in body: [Line]) -> (String, Line)? {
        for line in body where (line.text.includes("“") || line.text.includes("\"")) && VietnameseText.fold(line.text).includes("chu de") {
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
                  let start = CalendarDay(year: match.3.flatMap { Int($0) } ?? endYear, month: Int(match.2) ?? 0, day: Int(match.1) ?? 0)
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
            let percent = !text.includes("%") ? nil : text.firstMatch(of: Self.pattern6).flatMap { Double($0.1.replacingOccurrences(of: ",", with: ".")) }
            if percent != nil || underTargetHeading {
                result.append(ImportedPlan.Target(text: text, percent: percent))
            }
        }
        return result
    }

    // MARK: assignments

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
               let colon = text.firstIndex(of: ":") {
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
        "phong", "so", "bo", "uy ban", "ubnd", "ubmttq", "ub mttq", "mat tran", "doan", "hoi", "lien doan", "cong an", "luc luong",
        "tram", "trung tam", "dai", "ban", "truong", "cac", "cong chuc", "can bo", "van hoa", "tu phap", "to dan pho",
        "thon", "khu dan cu", "chi doan", "benh vien", "bo chi huy", "vien kiem sat", "toa an", "kho bac", "bao hiem",
        "chi cuc", "quy", "y te", "giao duc", "nganh", "lao dong", "tai chinh", "kinh te", "tuyen giao", "cong doan",
    ]

    static func isAgencyLabel(_ label: String) -> Bool {
        var folded = VietnameseText.fold(label)
        if folded.hasPrefix("de nghi ") { folded = String(folded.dropFirst(8)) }
        return organisationStarts.contains { folded.hasPrefix($0 + " ") || folded == $0 }
    }

    static let massOrganisationStarts = ["uy ban mat tran", "ubmttq", "ub mttq", "mat tran", "doan thanh nien", "doan tn", "hoi ",
                                         "lien doan lao dong", "chi doan", "cac hoi", "cac to chuc thanh vien", "cac to chuc doan the"]

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
        return ImportedPlan.Assignment(agency: label, agencies: agencies, mode: request ? "request" : "assign",
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

    // MARK: reporting

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
                to = clean(String(withoutVia[range.upperBound...])).trimmingCharacters(in: CharacterSet(charactersIn: ",;"))
            }
            return (ImportedPlan.Reporting(deadline: deadline.iso, to: to?.isEmpty == true ? nil : to, via: via), line)
        }
        return nil
    }

    // MARK: slogans

    static func slogansInBody(_ body: [Line]) -> [String] {
        var result: [String] = []
        var inSection = false
        for line in body {
            if let (_, heading) = numberedItem(line.text), heading.count < 80 {
                let folded = VietnameseText.fold(heading)
                inSection = folded.includes("khau hieu") && !folded.includes("chu de")
                continue
            }
            if romanHeading(line.text) != nil { inSection = false; continue }
            if inSection, let first = line.text.first, "-–•+".contains(first) { result.append(withoutBullet(line.text)) }
        }
        return result
    }

    static func slogansInAppendix(_ lines: [Line]) -> [String] {
        guard let start = lines.firstIndex(where: { VietnameseText.fold($0.text).includes("khau hieu") && $0.text == $0.text.uppercased() })
        else { return [] }
        return lines[(start + 1)...].compactMap { line in
            if let (_, text) = numberedItem(line.text) { return clean(text) }
            if let first = line.text.first, "-–•+".contains(first) { return withoutBullet(line.text) }
            return nil
        }
    }

    // MARK: closing

    static func isRecipientsHeading(_ text: String) -> Bool {
        guard let first = text.first, first == "N" || first == "n" else { return false }
        return VietnameseText.fold(String(text.prefix(10))).hasPrefix("noi nhan")
    }

    static func closing(_ lines: [Line]) -> ([String], ImportedPlan.SignatureBlock?, [Line]) {
        var raw: [String] = []
        var index = 0
        while index < lines.count {
            let text = lines[index].text
            if let first = text.first, "-–•".contains(first) {
                raw.append(withoutBullet(text))
                index += 1
            } else if let last = raw.last, !isSignatureLine(text), !(last.hasSuffix(";") || last.hasSuffix(".")),
                      !last.hasPrefix("Lưu") {
                // A recipient wrapped onto the next line.
                raw[raw.count - 1] = clean(last + " " + text)
                index += 1
            } else {
                break
            }
        }
        let recipients = raw.map { item -> String in
            var text = item
            while let last = text.last, ";.,".contains(last) { text.removeLast() }
            return clean(text)
        }
        var signature = ImportedPlan.SignatureBlock(authority: nil, onBehalf: nil, position: nil, name: nil)
        var found = false
        while index < lines.count {
            let text = lines[index].text
            let folded = VietnameseText.fold(text)
            if found, signature.name != nil { break }
            if folded.hasPrefix("tm.") || folded.hasPrefix("tm ") {
                signature.authority = "TM. " + clean(String(text.dropFirst(3))).uppercased()
                found = true
            } else if let prefix = ["kt", "q", "tl", "tuq"].first(where: { folded.hasPrefix($0 + ".") || folded.hasPrefix($0 + " ") }),
                      text.dropFirst(prefix.count).first.map({ $0 == "." || $0 == " " }) == true, isCapitalised(text) {
                let rest = clean(String(text.dropFirst(prefix.count)).trimmingCharacters(in: CharacterSet(charactersIn: ". ")))
                signature.onBehalf = prefix.uppercased() + ". " + rest.uppercased()
                found = true
            } else if isPosition(folded), signature.position == nil {
                signature.position = text.uppercased()
                found = true
            } else if found, isPersonName(text) {
                signature.name = clean(text)
            } else if found {
                break
            } else {
                index += 1
                continue
            }
            index += 1
        }
        return (recipients, found ? signature : nil, Array(lines[min(index, lines.count)...]))
    }

    static func isSignatureLine(_ text: String) -> Bool {
        let folded = VietnameseText.fold(text)
        return folded.hasPrefix("tm.") || folded.hasPrefix("kt") || isPosition(folded)
    }

    static func isPosition(_ folded: String) -> Bool {
        ["chu tich", "pho chu tich", "truong phong", "pho truong phong", "giam doc", "pho giam doc", "chanh van phong"].contains(folded)
    }

    static func isCapitalised(_ text: String) -> Bool {
        let letters = text.filter(\.isLetter)
        return !letters.isEmpty && letters == letters.uppercased()
    }

    /// "Nguyễn Phong Doanh": two to six capitalised words, no digits.
    static func isPersonName(_ text: String) -> Bool {
        let words = text.split(separator: " ")
        return (2...6).contains(words.count) && words.allSatisfy { $0.first?.isUppercase == true && !$0.contains(where: \.isNumber) }
            && text != text.uppercased()
    }
}

extension String {
    /// Substring search on UTF-8 bytes. `contains("…")` here would treat the literal as a regex
    /// and build one per call, which the profile showed to be the reader's biggest cost.
    func includes(_ needle: String) -> Bool {
        let pattern = Array(needle.utf8)
        guard let first = pattern.first else { return true }
        let found = utf8.withContiguousStorageIfAvailable { haystack -> Bool in
            guard haystack.count >= pattern.count else { return false }
            var i = 0
            let last = haystack.count - pattern.count
            while i <= last {
                if haystack[i] == first {
                    var j = 1
                    while j < pattern.count, haystack[i + j] == pattern[j] { j += 1 }
                    if j == pattern.count { return true }
                }
                i += 1
            }
            return false
        }
        return found ?? (utf8.firstRange(of: needle.utf8) != nil)
    }

    func splitting(on separator: String) -> [String] {
        var parts: [String] = []
        var rest = Substring(self)
        while let range = rest.utf8.firstRange(of: separator.utf8) {
            parts.append(String(rest[..<range.lowerBound]))
            rest = rest[range.upperBound...]
        }
        parts.append(String(rest))
        return parts
    }
}

extension PlanReader {
    /// The organisations an agency label names ("Ủy ban MTTQ quận, Hội Liên hiệp Phụ nữ quận" → two).
    public static func agencyNames(in label: String) -> [String] {
        splitAgencies(label)
    }
}
