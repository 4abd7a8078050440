import Foundation

/// Reads a plan document given as text (plain, Markdown, or extracted from Word or PDF) into
/// its canonical parts (docs/IMPORT-FORMAT.md). It relies on the structure every such plan
/// shares — Nghị định 30/2020/NĐ-CP's letterhead, a numbered body in Roman parts, "Tổ chức
/// thực hiện", "Nơi nhận", the signature block — never on a particular document's sentences.
public enum PlanReader {
    /// What the canonical form does not carry but a TreEm plan wants.
    public struct Extras: Sendable {
        public var purposes: [String] = []
        public var requirements: [String] = []
        public var sections: [ContentNode] = []
        /// Each basis as the document cites it ("Luật Trẻ em năm 2016"), in the order of `bases`.
        public var basisCitations: [String] = []
        /// The document's own words on reporting, when they stood in a section of the content
        /// (that section is not repeated in `sections`).
        public var reportingText: String?

        public init(
            purposes: [String] = [], requirements: [String] = [], sections: [ContentNode] = [],
            basisCitations: [String] = [], reportingText: String? = nil
        ) {
            self.purposes = purposes
            self.requirements = requirements
            self.sections = sections
            self.basisCitations = basisCitations
            self.reportingText = reportingText
        }
    }

    /// Where in the source a recognised part was found, for showing it beside the result.
    public struct TraceEntry: Hashable, Sendable {
        public var part: String
        public var firstLine: Int
        public var lastLine: Int
    }

    /// A part the reader could not read, or read with doubt (a scan's misread letters, a guess).
    public struct Uncertain: Hashable, Sendable {
        /// The trace's name for the part: "issuer", "number", "place", "issuedOn", "title".
        public var part: String
        public var note: Bilingual
    }

    public struct Reading: Sendable {
        public var plan: ImportedPlan
        public var extras: Extras
        public var trace: [TraceEntry]
        /// Parts read with doubt or not found, in the order of the document, for the review page.
        public var uncertain: [Uncertain]
    }

    // Each stage keeps its regexes beside it as static lets: building one costs far more than matching it.

    public static func read(_ source: String) -> ImportedPlan {
        readDetailed(source).plan
    }

    public static func readDetailed(_ source: String) -> Reading {
        let lines = logicalLines(source)
        var plan = ImportedPlan()
        var extras = Extras()
        var trace: [TraceEntry] = []
        var uncertain: [Uncertain] = []
        func note(_ part: String, _ range: ArraySlice<Line>) {
            guard let first = range.first, let last = range.last else { return }
            trace.append(TraceEntry(part: part, firstLine: first.first, lastLine: last.last))
        }
        func note(_ part: String, line index: Int?) {
            if let index, lines.indices.contains(index) { note(part, lines[index...index]) }
        }
        var index = 0

        // Letterhead: the issuing body (caps), "Số: …", "Place, ngày … tháng … năm …".
        let letterhead = letterhead(lines)
        if let letterhead {
            plan.number = letterhead.number.flatMap { $0.isEmpty ? nil : $0 }
            note("number", line: letterhead.numberLine)
            plan.place = letterhead.place
            plan.issuedOn = letterhead.issuedOn
            note("issuedOn", line: letterhead.dateLine)
            uncertain += letterhead.doubts
        }
        var headerEnd =
            letterhead?.end ?? lines.firstIndex { isDocumentType($0.text) } ?? min(lines.count, 8)
        // Rules and the empty cells of a table row between the letterhead and "KẾ HOẠCH".
        while letterhead != nil, headerEnd < lines.count, !lines[headerEnd].text.contains(where: \.isLetter) {
            headerEnd += 1
        }
        if letterhead != nil, headerEnd < lines.count, !isDocumentType(lines[headerEnd].text) {
            // A copy without the line "KẾ HOẠCH": the lines in capitals after the letterhead are the title.
            var end = headerEnd
            while end < lines.count, end < headerEnd + 3, isCapitalisedTitle(lines[end].text) { end += 1 }
            if end > headerEnd {
                plan.title = clean(lines[headerEnd..<end].map(\.text).joined(separator: " "))
                note("title", lines[headerEnd..<end])
            }
            index = end
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
            // A title may run over a second line; the opening sentence is not part of it, and a
            // title in capitals goes on only in capitals.
            let capitals = titleParts.first.map(isCapitalisedTitle) ?? false
            while rest.isEmpty, index < lines.count, !lines[index].afterBlank, romanHeading(lines[index].text) == nil,
                !looksLikeOpening(lines[index].text), lines[index].text.count < 150,
                !capitals || lines[index].text == lines[index].text.uppercased()
            {
                titleParts.append(lines[index].text)
                index += 1
            }
            plan.title = titleParts.isEmpty ? nil : clean(titleParts.joined(separator: " "))
            note("title", lines[headerEnd..<index])
        }
        let title = plan.title ?? ""
        plan.kind = kind(title: title)

        // The opening: every line before the first part heading.
        let openingStart = index
        while index < lines.count, romanHeading(lines[index].text) == nil, !isRecipientsHeading(lines[index].text) {
            index += 1
        }
        let openingLines = Array(lines[openingStart..<index])
        let openingText = openingLines.map(\.text).joined(separator: " ")
        note("bases", lines[openingStart..<index])
        let cited = bases(in: openingText)
        plan.bases = cited.map(\.basis)
        extras.basisCitations = cited.map(\.citation)
        plan.issuer = issuer(opening: openingText, letterhead: letterhead?.unit, title: title, place: plan.place)
        if letterhead?.unit != nil {
            note("issuer", line: letterhead?.committeeLine)
        } else if plan.issuer == nil || plan.issuer.map(isLevelOnly) == true, let place = plan.place,
            let guessed = issuer(place: place, title: title)
        {
            plan.issuer = guessed
            uncertain.append(
                doubt(
                    "issuer", vi: "Cơ quan ban hành suy ra từ địa danh \"\(place)\": \(guessed)",
                    en: "The issuer was inferred from the place \"\(place)\": \(guessed)"))
        }

        // The body in Roman parts, up to "Nơi nhận".
        let recipientsStart = lines[index...].firstIndex { isRecipientsHeading($0.text) } ?? lines.count
        let body = Array(lines[index..<recipientsStart])
        let parts = splitParts(body)
        var fieldLines: Set<Int> = []
        if let (value, line) = theme(in: body) ?? theme(inSentences: openingLines) {
            plan.theme = value
            note("theme", [line][...])
            fieldLines.insert(line.first)
        }
        let year = yearOf(title: title) ?? plan.issuedOn?.year
        // An annual plan's only dates in a sentence are its Action Month's, not its own period.
        let sentences = plan.kind == "annualChildWork" ? [] : openingLines + body.filter { $0.text.includes("gian") }
        if let (value, line) = period(in: body) ?? period(inSentences: sentences, year: year) {
            plan.period = value
            note("period", [line][...])
            fieldLines.insert(line.first)
        }
        if let (value, line) = scope(in: body) {
            plan.scope = value
            note("scope", [line][...])
            fieldLines.insert(line.first)
        }
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
        var reportingLine: Line?
        if let (value, line) = reporting(parts: parts, body: body) {
            plan.reporting = value
            reportingLine = line
            note("reporting", [line][...])
        }
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

        // Sections the plan carries as fields (theme, period, scope, slogans, reporting) are left out
        // of the content, so a plan printed from the import states each once.
        var reportingText: [String] = []
        extras.sections = parts.filter { $0.kind == .content }.flatMap { part in
            let kept = sectionsNotCarried(
                part.lines, fieldLines: fieldLines, slogans: plan.slogans, reportingLine: reportingLine,
                reportingText: &reportingText)
            return PlanOutline.read(kept.map(\.text).joined(separator: "\n"))
        }
        if !reportingText.isEmpty { extras.reportingText = reportingText.joined(separator: "\n") }

        uncertain += missing(plan, letterhead: letterhead != nil)
        return Reading(plan: plan, extras: extras, trace: trace, uncertain: uncertain)
    }

    /// "Tháng hành động vì trẻ em" however the title writes it: in capitals, or with "Vì trẻ em" quoted.
    static func kind(title: String) -> String {
        let folded = String(VietnameseText.fold(title).filter { !"“”\"'‘’«»".contains($0) })
        let words = folded.split(separator: " ").joined(separator: " ")
        return words.includes("thang hanh dong vi tre em")
            ? "actionMonth" : words.includes("cong tac tre em") ? "annualChildWork" : "other"
    }

    /// "Ủy ban nhân dân tỉnh": the level is known, the unit's name not.
    static func isLevelOnly(_ issuer: String) -> Bool {
        levelWords.contains(String(issuer.dropFirst("Ủy ban nhân dân ".count)).lowercased())
    }

    /// The letterhead's parts and the title that were not found, for the review page to name.
    static func missing(_ plan: ImportedPlan, letterhead: Bool) -> [Uncertain] {
        var result: [Uncertain] = []
        if plan.issuer == nil || plan.issuer.map(isLevelOnly) == true {
            result.append(
                doubt("issuer", vi: "Không đọc được cơ quan ban hành", en: "The issuing committee was not found"))
        }
        if !letterhead {
            result.append(
                doubt(
                    "number", vi: "Không thấy phần đầu văn bản (số, địa danh, ngày)",
                    en: "No letterhead found (number, place, date)"))
        } else if plan.issuedOn == nil {
            result.append(doubt("issuedOn", vi: "Không đọc được ngày ban hành", en: "The date of issue was not found"))
        }
        if plan.title == nil {
            result.append(doubt("title", vi: "Không đọc được trích yếu", en: "The title was not found"))
        }
        return result
    }
}
