import Foundation

#if canImport(FoundationXML)
import FoundationXML
#endif

/// The text of a Word document (.docx): its paragraphs in order, one per line (an empty
/// paragraph gives an empty line), list numbering and bullets written out ("1. …", "- …") as
/// they appear on the page. A letterhead table (Nghị định 30/2020: committee | national name,
/// "Số: …" | place and date) gives one line per row, its cells between " | " as a web page's
/// copy has them, so one reader handles both; any other table gives its paragraphs as before.
///
/// Files come from users, so reading one is bounded: the ZIP within a `ReadingBudget` of
/// inflated bytes and time (`ZipReader`), the XML by an event parser whose time is linear in
/// its input, with DTDs refused, and every number taken from the file clamped before use.
public enum DOCXText {
    public enum Failure: Error, Equatable, CustomStringConvertible {
        case notAZip
        case missingPart(String)
        case unsupportedCompression(Int)
        case corrupt(String)
        /// The entries inflate past the budget; the limit in MB.
        case tooLarge(megabytes: Int)
        /// The archive lists more entries than any Office file has; the limit.
        case tooManyEntries(Int)
        /// Reading took longer than the budget's seconds.
        case tooSlow(seconds: Double)
        case cancelled
        /// A part declares a DTD or entities, which no DOCX part has (the way to entity bombs).
        case doctypeRefused(String)

        public var description: String {
            switch self {
            case .notAZip: "không phải tệp ZIP/DOCX (not a ZIP/DOCX file)"
            case .missingPart(let name): "thiếu phần \(name) (missing part \(name))"
            case .unsupportedCompression(let method):
                "kiểu nén \(method) không hỗ trợ (unsupported compression \(method))"
            case .corrupt(let what): "tệp hỏng: \(what) (corrupt file)"
            case .tooLarge(let megabytes):
                "tệp quá lớn khi giải nén: vượt \(megabytes) MB (too large once decompressed: over \(megabytes) MB)"
            case .tooManyEntries(let limit): "tệp có quá nhiều phần: hơn \(limit) (too many entries: over \(limit))"
            case .tooSlow(let seconds):
                "đọc tệp quá lâu: hơn \(Self.format(seconds)) giây (took too long to read: over \(Self.format(seconds)) s)"
            case .cancelled: "đã dừng đọc tệp (reading was cancelled)"
            case .doctypeRefused(let name):
                "phần \(name) có khai báo DTD, không được nhận (part \(name) declares a DTD: refused)"
            }
        }

        static func format(_ seconds: Double) -> String {
            seconds == seconds.rounded() && abs(seconds) < 1e9 ? String(Int(seconds)) : String(seconds)
        }
    }

    static let documentPart = "word/document.xml"
    static let numberingPart = "word/numbering.xml"

    public static func text(of bytes: [UInt8], budget: ReadingBudget = ReadingBudget()) throws(Failure) -> String {
        let parts = try ZipReader.entries(bytes, named: [documentPart, numberingPart], budget: budget)
        guard let document = parts[documentPart] else { throw .missingPart(documentPart) }
        var levels: [Int: [Int: Level]] = [:]
        if let numbering = parts[numberingPart] {
            let reader = NumberingReader(part: numberingPart, budget: budget)
            try reader.parse(numbering)
            levels = reader.levels
        }
        let reader = DocumentReader(levels: levels, budget: budget)
        try reader.parse(document)
        return reader.lines.joined(separator: "\n")
    }

    // MARK: - Numbering

    struct Level {
        var format: String
        var text: String
        var start: Int
    }

    /// Word allows a list to start anywhere in 0...32767.
    static let startRange = 0...32_767
    /// Levels 0...8 (`w:ilvl`), as in Word.
    static let levelCount = 9
    /// Counters stop here: a million list items is past any real document.
    static let maximumCounter = 1_000_000
    /// A written-out label is never longer (Word's own are a few characters).
    static let maximumLabelLength = 40

    static func label(level: Level?, depth: Int, counter: [Int], levels: [Int: Level]) -> String {
        guard let level else { return depth == 0 ? "- " : "+ " }
        switch level.format {
        case "bullet", "none": return depth == 0 ? "- " : "+ "
        default:
            // lvlText such as "%1." or "%1.%2." with each %n the counter of level n-1.
            var text = String(level.text.prefix(maximumLabelLength))
            for n in 1...levelCount where counter.count >= n && text.contains("%\(n)") {
                // start ≤ 32,767 and counter ≤ 1,000,000: the sum cannot overflow.
                let value = (levels[n - 1]?.start ?? 1) - 1 + counter[n - 1]
                let formatted: String =
                    switch (n - 1 == depth ? level.format : levels[n - 1]?.format ?? "decimal") {
                    case "lowerLetter": PlanOutline.letter(value)
                    case "upperLetter": PlanOutline.letter(value).uppercased()
                    case "upperRoman": PlanOutline.roman(value)
                    case "lowerRoman": PlanOutline.roman(value).lowercased()
                    default: String(value)
                    }
                text = text.replacingOccurrences(of: "%\(n)", with: formatted)
            }
            return String(text.prefix(maximumLabelLength)) + " "
        }
    }

    /// A non-negative decimal attribute (`w:val="12"`); digits past what any field can use
    /// saturate instead of overflowing, anything else is no number.
    static func number(_ text: String?) -> Int? {
        guard let text, !text.isEmpty else { return nil }
        var value = 0
        for byte in text.utf8 {
            guard byte >= 0x30, byte <= 0x39 else { return nil }
            value = min(value * 10 + Int(byte - 0x30), Int(Int32.max))
        }
        return value
    }

    // MARK: - XML

    /// The XML of a part as the parser gets it, or why it is refused. libxml2 (under
    /// FoundationXML) switches to the encoding an XML declaration names — UTF-7, EBCDIC… — in
    /// which the DTD check below would not see what it parses, and FoundationXML traps on names
    /// that are not UTF-8. DOCX parts are UTF-8: the declaration is dropped, the rest must be
    /// valid UTF-8 without NUL (which would make libxml2 guess UTF-16) and without a DTD.
    static func prepared(_ part: [UInt8], name: String) throws(Failure) -> Data {
        var start = part.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
        if part[start...].starts(with: Array("<?xml".utf8)) {
            let window = part[start..<min(part.count, start + 1024)]
            guard
                let close = window.indices.first(where: {
                    window[$0] == 0x3F && $0 + 1 < window.endIndex && window[$0 + 1] == 0x3E
                })
            else {
                throw .corrupt("\(name): XML declaration")
            }
            start = close + 2
        }
        let body = part[start...]
        guard String(bytes: body, encoding: .utf8) != nil else { throw .corrupt("\(name): not UTF-8") }
        enum Finding { case clean, nul, dtd }
        let finding: Finding = body.withUnsafeBufferPointer { buffer in
            let doctype = Array("DOCTYPE".utf8)
            let entity = Array("ENTITY".utf8)
            func markup(_ word: [UInt8], at position: Int) -> Bool {
                guard position + word.count <= buffer.count else { return false }
                for k in 0..<word.count where buffer[position + k] & 0xDF != word[k] { return false }
                return true
            }
            for i in 0..<buffer.count {
                if buffer[i] == 0 { return .nul }
                if buffer[i] == 0x3C, i + 1 < buffer.count, buffer[i + 1] == 0x21,
                    markup(doctype, at: i + 2) || markup(entity, at: i + 2)
                {
                    return .dtd
                }
            }
            return .clean
        }
        switch finding {
        case .clean: return Data(body)
        case .nul: throw .corrupt("\(name): NUL byte")
        case .dtd: throw .doctypeRefused(name)
        }
    }
}

/// Runs FoundationXML's event parser over one part, checking the budget as events come and
/// stopping at the first error; subclasses see elements by qualified name ("w:p").
class WordPartReader: NSObject, XMLParserDelegate {
    let part: String
    let budget: ReadingBudget
    private(set) var failure: DOCXText.Failure?
    private var events = 0

    init(part: String, budget: ReadingBudget) {
        self.part = part
        self.budget = budget
    }

    func parse(_ bytes: [UInt8]) throws(DOCXText.Failure) {
        try budget.check()
        let parser = XMLParser(data: try DOCXText.prepared(bytes, name: part))
        parser.shouldResolveExternalEntities = false
        parser.shouldProcessNamespaces = false
        parser.delegate = self
        let finished = parser.parse()
        if let failure { throw failure }
        // FoundationXML parses in recovery mode and may still answer true after an error.
        guard finished, parser.parserError == nil else {
            throw .corrupt("\(part): XML error \((parser.parserError as NSError?)?.code ?? 0)")
        }
    }

    func start(_ element: String, _ attributes: [String: String]) {}
    func end(_ element: String) {}
    func characters(_ text: String) {}

    private func proceed(_ parser: XMLParser) -> Bool {
        guard failure == nil else { return false }
        events &+= 1
        if events & 0x3FF == 0 {
            do { try budget.check() } catch { stop(parser, error) }
        }
        return failure == nil
    }

    private func stop(_ parser: XMLParser, _ reason: DOCXText.Failure) {
        if failure == nil { failure = reason }
        parser.abortParsing()
    }

    func parser(
        _ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?,
        qualifiedName qName: String?, attributes attributeDict: [String: String] = [:]
    ) {
        if proceed(parser) { start(elementName, attributeDict) }
    }

    func parser(
        _ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?, qualifiedName qName: String?
    ) {
        if proceed(parser) { end(elementName) }
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        if proceed(parser) { characters(string) }
    }

    func parser(_ parser: XMLParser, parseErrorOccurred parseError: Error) {
        stop(parser, .corrupt("\(part): XML error \((parseError as NSError).code) on line \(parser.lineNumber)"))
    }

    // The DTD is refused before parsing; these are a second line should one get through.
    func parser(_ parser: XMLParser, foundElementDeclarationWithName elementName: String, model: String) {
        stop(parser, .doctypeRefused(part))
    }

    func parser(_ parser: XMLParser, foundInternalEntityDeclarationWithName name: String, value: String?) {
        stop(parser, .doctypeRefused(part))
    }

    func parser(
        _ parser: XMLParser, foundExternalEntityDeclarationWithName name: String, publicID: String?, systemID: String?
    ) {
        stop(parser, .doctypeRefused(part))
    }

    func parser(_ parser: XMLParser, resolveExternalEntityName name: String, systemID: String?) -> Data? {
        nil
    }
}

/// numbering.xml: numId → level → format, through num → abstractNum → lvl.
final class NumberingReader: WordPartReader {
    private var abstracts: [Int: [Int: DOCXText.Level]] = [:]
    private var nums: [Int: Int] = [:]
    private var inAbstract = false
    private var abstractID: Int?
    private var abstractLevels: [Int: DOCXText.Level] = [:]
    private var inLevel = false
    private var levelIndex: Int?
    private var format: String?
    private var text: String?
    private var start: Int?
    private var inNum = false
    private var numID: Int?
    private var numAbstract: Int?

    var levels: [Int: [Int: DOCXText.Level]] {
        nums.compactMapValues { abstracts[$0] }
    }

    override func start(_ element: String, _ attributes: [String: String]) {
        switch element {
        case "w:abstractNum":
            inAbstract = true
            abstractID = DOCXText.number(attributes["w:abstractNumId"])
            abstractLevels = [:]
        case "w:lvl" where inAbstract && !inNum:
            inLevel = true
            levelIndex = DOCXText.number(attributes["w:ilvl"])
            (format, text, start) = (nil, nil, nil)
        case "w:numFmt" where inLevel && format == nil:
            if let value = attributes["w:val"], !value.isEmpty { format = value }
        case "w:lvlText" where inLevel && text == nil:
            // Only the first characters can reach a label.
            if let value = attributes["w:val"] { text = String(value.prefix(DOCXText.maximumLabelLength)) }
        case "w:start" where inLevel && start == nil:
            if let value = DOCXText.number(attributes["w:val"]) {
                start = min(max(value, DOCXText.startRange.lowerBound), DOCXText.startRange.upperBound)
            }
        case "w:num":
            inNum = true
            numID = DOCXText.number(attributes["w:numId"])
            numAbstract = nil
        case "w:abstractNumId" where inNum && numAbstract == nil:
            numAbstract = DOCXText.number(attributes["w:val"])
        default:
            break
        }
    }

    override func end(_ element: String) {
        switch element {
        case "w:lvl" where inLevel:
            inLevel = false
            if let index = levelIndex, index < DOCXText.levelCount {
                abstractLevels[index] = DOCXText.Level(
                    format: format ?? "decimal", text: text ?? "%1.", start: start ?? 1)
            }
        case "w:abstractNum" where inAbstract:
            inAbstract = false
            if let abstractID { abstracts[abstractID] = abstractLevels }
        case "w:num" where inNum:
            inNum = false
            if let numID, let numAbstract { nums[numID] = numAbstract }
        default:
            break
        }
    }
}

/// document.xml: one line per paragraph. A paragraph runs from a <w:p> to the next </w:p>, as
/// the reader always took it (a text box's paragraphs inside one end it).
final class DocumentReader: WordPartReader {
    private let levels: [Int: [Int: DOCXText.Level]]
    private(set) var paragraphs: [String] = []
    /// The paragraphs, with those of a table the part never closed.
    var lines: [String] { tableDepth > 0 ? paragraphs + tableParagraphs : paragraphs }
    /// The outermost table being read: its paragraphs in order and by row and cell, held until
    /// its end shows whether it is a letterhead. Tables inside it only add paragraphs to its cells.
    private var tableDepth = 0
    private var tableParagraphs: [String] = []
    private var tableRows: [[[String]]] = []
    private var counters: [Int: [Int]] = [:]
    private var inParagraph = false
    private var textDepth = 0
    private var tabStopsDepth = 0
    private var text = ""
    private var numID: Int?
    private var level: Int?

    init(levels: [Int: [Int: DOCXText.Level]], budget: ReadingBudget) {
        self.levels = levels
        super.init(part: DOCXText.documentPart, budget: budget)
    }

    override func start(_ element: String, _ attributes: [String: String]) {
        switch element {
        case "w:tbl":
            tableDepth += 1
            if tableDepth == 1 { (tableParagraphs, tableRows) = ([], []) }
        case "w:tr" where tableDepth == 1:
            tableRows.append([])
        case "w:tc" where tableDepth == 1:
            if tableRows.isEmpty { tableRows.append([]) }
            tableRows[tableRows.count - 1].append([])
        case "w:p" where !inParagraph:
            inParagraph = true
            (text, numID, level, textDepth) = ("", nil, nil, 0)
        case "w:t" where inParagraph:
            textDepth += 1
        case "w:tabs":
            tabStopsDepth += 1
        case "w:tab" where inParagraph && tabStopsDepth == 0:
            text += " "
        case "w:br" where inParagraph:
            // A line break; page and column breaks end nothing in plain text.
            let type = attributes["w:type"] ?? "textWrapping"
            if type == "textWrapping" { text += "\n" }
        case "w:numId" where inParagraph && numID == nil:
            numID = DOCXText.number(attributes["w:val"])
        case "w:ilvl" where inParagraph && level == nil:
            level = DOCXText.number(attributes["w:val"])
        default:
            break
        }
    }

    override func end(_ element: String) {
        switch element {
        case "w:p" where inParagraph:
            inParagraph = false
            finishParagraph()
        case "w:tbl" where tableDepth > 0:
            tableDepth -= 1
            if tableDepth == 0 { finishTable() }
        case "w:t" where textDepth > 0:
            textDepth -= 1
        case "w:tabs" where tabStopsDepth > 0:
            tabStopsDepth -= 1
        default:
            break
        }
    }

    override func characters(_ string: String) {
        if inParagraph && textDepth > 0 { text += string }
    }

    private func finishParagraph() {
        var prefix = ""
        if let numID, numID != 0 {
            let depth = level ?? 0
            if depth < DOCXText.levelCount {
                var counter = counters[numID] ?? Array(repeating: 0, count: DOCXText.levelCount)
                counter[depth] = min(counter[depth] + 1, DOCXText.maximumCounter)
                for deeper in (depth + 1)..<DOCXText.levelCount { counter[deeper] = 0 }
                counters[numID] = counter
                let listLevels = levels[numID] ?? [:]
                prefix = DOCXText.label(level: listLevels[depth], depth: depth, counter: counter, levels: listLevels)
            }
        }
        let paragraph = text.trimmingCharacters(in: .whitespaces).isEmpty ? "" : prefix + text
        guard tableDepth > 0 else {
            paragraphs.append(paragraph)
            return
        }
        tableParagraphs.append(paragraph)
        if let row = tableRows.indices.last, let cell = tableRows[row].indices.last {
            tableRows[row][cell].append(paragraph)
        }
    }

    /// The most a letterhead table holds: two or three rows of two cells, a few hundred characters.
    static let letterheadRows = 4
    static let letterheadCharacters = 1_000

    private func finishTable() {
        defer { (tableParagraphs, tableRows) = ([], []) }
        guard Self.isLetterhead(tableRows) else {
            paragraphs += tableParagraphs
            return
        }
        for row in tableRows {
            let cells = row.map { cell in
                cell.map { VietnameseText.clean($0.replacingOccurrences(of: "\n", with: " ")) }.filter { !$0.isEmpty }
                    .joined(separator: " ")
            }
            if cells.contains(where: { !$0.isEmpty }) { paragraphs.append(cells.joined(separator: " | ")) }
        }
    }

    /// A small table of at most three columns with the national name or motto, or with a
    /// "Số: …" cell and a dated cell: the letterhead, not a table of tasks or figures, nor the
    /// signature table (its "TM. ỦY BAN NHÂN DÂN" alone does not count).
    static func isLetterhead(_ rows: [[[String]]]) -> Bool {
        guard !rows.isEmpty, rows.count <= letterheadRows, rows.allSatisfy({ $0.count <= 3 }) else { return false }
        let all = rows.flatMap { $0.flatMap { $0 } }
        guard all.reduce(0, { $0 + $1.count }) <= letterheadCharacters else { return false }
        let folded = VietnameseText.fold(all.joined(separator: " "))
        if folded.includes("cong hoa xa hoi chu nghia") || folded.includes("doc lap - tu do") { return true }
        let number = all.contains { VietnameseText.fold($0).hasPrefix("so") && $0.includes("/") }
        let dated = all.contains { paragraph in
            let words = VietnameseText.fold(paragraph)
            return words.includes("ngay") && words.includes("thang") && words.includes("nam")
        }
        return number && dated
    }
}
