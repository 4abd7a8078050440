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

        public init(
            purposes: [String] = [], requirements: [String] = [], sections: [ContentNode] = [],
            basisCitations: [String] = []
        ) {
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

    // Each stage keeps its regexes beside it as static lets: building one costs far more than matching it.

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
                !looksLikeOpening(lines[index].text), lines[index].text.count < 150
            {
                titleParts.append(lines[index].text)
                index += 1
            }
            plan.title = titleParts.isEmpty ? nil : clean(titleParts.joined(separator: " "))
            note("title", lines[headerEnd..<index])
        }
        let title = plan.title ?? ""
        let foldedTitle = VietnameseText.fold(title)
        plan.kind =
            foldedTitle.includes("thang hanh dong vi tre em")
            ? "actionMonth"
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
        if let (value, line) = reporting(parts: parts, body: body) {
            plan.reporting = value; note("reporting", [line][...])
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
        return Reading(plan: plan, extras: extras, trace: trace)
    }
}
