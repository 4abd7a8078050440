import Foundation

/// Vietnamese text handling shared by every input path. Word and Excel often paste decomposed
/// (NFD) text, so everything stored is NFC; search compares folded text.
public enum VietnameseText {
    /// NFC form with surrounding whitespace trimmed and inner runs of whitespace collapsed.
    public static func clean(_ text: String) -> String {
        let nfc = text.precomposedStringWithCanonicalMapping
        return nfc.split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
    }

    /// Text of several paragraphs: each line cleaned, line breaks kept, runs of blank lines
    /// made one.
    public static func cleanParagraphs(_ text: String) -> String {
        var lines: [String] = []
        for line in text.replacingOccurrences(of: "\r\n", with: "\n").split(
            separator: "\n", omittingEmptySubsequences: false)
        {
            let cleaned = clean(String(line))
            if cleaned.isEmpty, lines.last?.isEmpty ?? true { continue }
            lines.append(cleaned)
        }
        while lines.last?.isEmpty == true { lines.removeLast() }
        return lines.joined(separator: "\n")
    }

    /// `text` cut to at most `limit` characters at a word boundary, with "…" when cut: a
    /// notification reads "Khám sức khỏe cho trẻ em ở…", never "Khám sức kh…". A single word
    /// longer than the limit is cut inside it, as nothing else fits.
    public static func shortened(_ text: String, to limit: Int) -> String {
        guard text.count > limit, limit > 1 else { return text }
        let head = text.prefix(limit - 1)
        // The head ends a word when the next character is a space; else cut back to the last one.
        let endsWord = text[head.endIndex].isWhitespace
        let cut = endsWord ? head.endIndex : head.lastIndex(where: \.isWhitespace)
        guard let cut, cut > head.startIndex else { return String(head) + "…" }
        var kept = head[..<cut]
        // "Khám sức khỏe," reads better as "Khám sức khỏe…" than "Khám sức khỏe,…".
        while let last = kept.last, last.isWhitespace || ",;:-–".contains(last) { kept = kept.dropLast() }
        return kept.isEmpty ? String(head) + "…" : String(kept) + "…"
    }

    /// Lower-case, without tone marks or vowel marks, and with đ → d: "Trẻ Em Đồ Sơn" → "tre em do son".
    /// Runs of white space become one space. Hot in the plan reader, so it maps scalars through a
    /// table instead of Foundation's folding.
    public static func fold(_ text: String) -> String {
        var scalars = String.UnicodeScalarView()
        var pendingSpace = false
        for scalar in text.unicodeScalars {
            if isSpace(scalar) {
                pendingSpace = !scalars.isEmpty
                continue
            }
            if (0x300...0x36F).contains(scalar.value) { continue }  // combining marks of NFD input
            if pendingSpace { scalars.append(" "); pendingSpace = false }
            if scalar.value < 0x80 {
                scalars.append(
                    scalar.value >= 0x41 && scalar.value <= 0x5A ? Unicode.Scalar(scalar.value + 0x20)! : scalar)
            } else if let base = foldTable[scalar] {
                scalars.append(base)
            } else {
                scalars.append(contentsOf: String(scalar).lowercased().unicodeScalars)
            }
        }
        return String(scalars)
    }

    /// White space as documents use it; cheaper than `properties.isWhitespace`, which the
    /// plan reader would otherwise call for every character it reads.
    @inline(__always)
    static func isSpace(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x20, 0x09, 0x0A, 0x0B, 0x0C, 0x0D, 0x85, 0xA0, 0x1680, 0x2000...0x200A, 0x2028, 0x2029, 0x202F, 0x205F,
            0x3000:
            true
        default: false
        }
    }

    /// Latin letters with marks (Latin-1, Extended-A/B, Extended Additional) → their lower-case base letter.
    private static let foldTable: [Unicode.Scalar: Unicode.Scalar] = {
        var table: [Unicode.Scalar: Unicode.Scalar] = ["đ": "d", "Đ": "d"]
        for range in [0xC0...0x24F, 0x1E00...0x1EFF] {
            for value in range {
                guard let scalar = Unicode.Scalar(value), table[scalar] == nil else { continue }
                let base = String(scalar).decomposedStringWithCanonicalMapping.unicodeScalars.first!
                let lower = String(base).lowercased().unicodeScalars
                if lower.count == 1, let first = lower.first, first.value < 0x80 { table[scalar] = first }
            }
        }
        return table
    }()

    /// True when every word of the query appears, folded, in the text.
    public static func matches(_ text: String, query: String) -> Bool {
        let haystack = fold(text)
        return fold(query).split(separator: " ").allSatisfy { haystack.contains($0) }
    }

    // The 29 letters of the Vietnamese alphabet in order; tone marks only break ties.
    private static let alphabet: [Character] = [
        "a", "ă", "â", "b", "c", "d", "đ", "e", "ê", "g", "h", "i", "k", "l", "m", "n",
        "o", "ô", "ơ", "p", "q", "r", "s", "t", "u", "ư", "v", "x", "y",
    ]
    private static let letterRank: [Character: Int] = Dictionary(
        uniqueKeysWithValues: alphabet.enumerated().map { ($0.element, $0.offset) })
    // Tone order used by dictionaries: ngang, huyền, hỏi, ngã, sắc, nặng.
    private static let toneRank: [Unicode.Scalar: Int] = [
        "\u{0300}": 1, "\u{0309}": 2, "\u{0303}": 3, "\u{0301}": 4, "\u{0323}": 5,
    ]

    /// A key that orders words the Vietnamese way: letter by letter in the Vietnamese alphabet
    /// (a < ă < â < b …, d < đ), tones breaking ties.
    public static func collationKey(_ text: String) -> [Int] {
        var letters: [Int] = []
        var tones: [Int] = []
        for character in clean(text).lowercased() {
            var base = ""
            var tone = 0
            for scalar in String(character).decomposedStringWithCanonicalMapping.unicodeScalars {
                if let rank = toneRank[scalar] { tone = rank } else { base.unicodeScalars.append(scalar) }
            }
            let letter = Character(base.precomposedStringWithCanonicalMapping)
            if let rank = letterRank[letter] {
                letters.append(100 + rank)
            } else if let ascii = letter.asciiValue {
                letters.append(Int(ascii))
            } else {
                letters.append(1000 + Int(letter.unicodeScalars.first?.value ?? 0))
            }
            tones.append(tone)
        }
        return letters + [0] + tones
    }

    /// Orders two strings as a Vietnamese dictionary does.
    public static func precedes(_ a: String, _ b: String) -> Bool {
        collationKey(a).lexicographicallyPrecedes(collationKey(b))
    }

    /// Orders personal names the Vietnamese way: given name (the last word) first, then the
    /// family and middle names — "Trần Văn An" comes before "Nguyễn Thị Bình".
    public static func personNamePrecedes(_ a: String, _ b: String) -> Bool {
        func key(_ name: String) -> [Int] {
            let words = clean(name).split(separator: " ").map(String.init)
            guard let given = words.last else { return [] }
            return collationKey(given) + [-1] + collationKey(words.dropLast().joined(separator: " "))
        }
        return key(a).lexicographicallyPrecedes(key(b))
    }
}

extension Sequence {
    /// Sorted the Vietnamese way by a name, computing each name's collation key once rather than
    /// on every comparison (a key costs a Unicode decomposition per character).
    public func sortedVietnamese(by name: (Element) -> String) -> [Element] {
        map { (VietnameseText.collationKey(name($0)), $0) }
            .sorted { $0.0.lexicographicallyPrecedes($1.0) }
            .map(\.1)
    }
}
