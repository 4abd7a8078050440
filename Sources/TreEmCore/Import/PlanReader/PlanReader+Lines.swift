import Foundation

// Splitting the source into logical lines, and the line tests every stage shares.
extension PlanReader {
    /// One logical line: a paragraph, heading or list item with its hard wraps joined.
    struct Line {
        var text: String
        /// A blank line came before it in the source.
        var afterBlank: Bool
        /// 1-based source lines it spans.
        var first: Int = 0
        var last: Int = 0
    }

    nonisolated(unsafe) static let pattern0 = /<(https?:\/\/[^>\s]+)>/

    static func logicalLines(_ source: String) -> [Line] {
        var physical: [(text: String, afterBlank: Bool, length: Int, number: Int)] = []
        var blank = true
        var number = 0
        // Only decomposed input (combining marks U+0300–U+036F: UTF-8 lead bytes CC, CD) needs NFC.
        let needsNFC = source.utf8.contains { $0 == 0xCC || $0 == 0xCD }
        let text = needsNFC ? source.precomposedStringWithCanonicalMapping : source
        for raw in text.split(
            omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r\n" || $0 == "\r" })
        {
            number += 1
            let text = stripMarkup(String(raw))
            // A page number between two pages reads as the page break it is.
            if text.isEmpty || isPageNumber(text) { blank = true; continue }
            physical.append((text, blank, raw.count, number))
            blank = false
        }
        // A document extracted from PDF or typed with hard wraps: most lines near one width.
        let long = physical.filter { $0.length >= 50 && $0.length <= 100 }.count
        let hardWrapped =
            physical.count >= 10 && Double(long) / Double(physical.count) > 0.5
            && (physical.map(\.length).max() ?? 0) < 140

        var result: [Line] = []
        var previousLength = 0
        for line in physical {
            if let last = result.last,
                continues(
                    previous: last.text, previousLength: previousLength, next: line.text,
                    afterBlank: line.afterBlank, hardWrapped: hardWrapped)
            {
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
    static func continues(
        previous: String, previousLength: Int, next: String, afterBlank: Bool, hardWrapped: Bool
    ) -> Bool {
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
        if hardWrapped, !ends, previousLength >= (afterBlank ? 60 : 45), previous != previous.uppercased() {
            return true
        }
        return false
    }

    /// "Trang 2", "Trang 2/5", "Page 3", "- 4 -": a PDF's or a scanner's page number on its own line.
    static func isPageNumber(_ text: String) -> Bool {
        guard text.count <= 16 else { return false }
        var rest = Substring(text.lowercased())
        if rest.hasPrefix("trang ") || rest.hasPrefix("page ") {
            rest = rest.drop { $0 != " " }
        } else if rest.hasPrefix("- "), rest.hasSuffix(" -") {
            rest = rest.dropFirst(2).dropLast(2)
        } else {
            return false
        }
        let digits = rest.filter { $0 != " " }
        return !digits.isEmpty && digits.first?.isNumber == true
            && digits.allSatisfy { ($0.isASCII && $0.isNumber) || $0 == "/" }
    }

    static func startsStructure(_ text: String) -> Bool {
        if romanHeading(text) != nil || numberedItem(text) != nil { return true }
        if let first = text.first, "-–•+(".contains(first) { return true }
        if numberLine(text) != nil || isRecipientsHeading(text) { return true }
        if text.hasPrefix("TM.") || text.hasPrefix("KT.") || text.hasPrefix("KT ") || text.hasPrefix("Q. ") {
            return true
        }
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

    static func withoutBullet(_ text: String) -> String {
        var t = text
        while let first = t.first, "-–•+".contains(first) { t.removeFirst() }
        return clean(t)
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
