import Foundation

/// A letterhead's lines joined into one run of characters, each with its accent-free lower-case
/// form and the logical line it came from, so the known parts can be found whatever the layout
/// and with a misread letter or two. Bounded: a letterhead is a few hundred characters.
struct HeaderText {
    static let limit = 2_000

    var characters: [Character] = []
    var folded: [Character] = []
    var lineOf: [Int] = []
    /// The national name and the motto: skipped when reading the unit, a boundary for the place.
    var removed: [Bool] = []
    /// Positions of the letters and digits, for matching across spaces, dashes and line breaks.
    var letters: [Int] = []

    init(lines: [PlanReader.Line], from first: Int) {
        for (offset, line) in lines.enumerated() {
            let text = Self.withoutPageFurniture(line.text)
            if !characters.isEmpty { append(" ", line: first + offset) }
            for character in text {
                guard characters.count < Self.limit else { break }
                append(character, line: first + offset)
            }
        }
        for phrase in [Self.nationalName, Self.motto] {
            var from = 0
            while let range = find(phrase, from: from, mismatches: 2) {
                for index in range { removed[index] = true }
                from = range.upperBound
            }
        }
    }

    private mutating func append(_ character: Character, line: Int) {
        let folded: Character
        if let ascii = character.asciiValue {
            folded = Character(Unicode.Scalar(ascii >= 0x41 && ascii <= 0x5A ? ascii + 0x20 : ascii))
        } else {
            let fold = VietnameseText.fold(String(character))
            folded = fold.count == 1 ? (fold.first ?? character) : character
        }
        if folded.isLetter || folded.isNumber { letters.append(characters.count) }
        characters.append(character)
        self.folded.append(folded)
        lineOf.append(line)
        removed.append(false)
    }

    static let nationalName = Array("conghoaxahoichunghiavietnam")
    static let motto = Array("doclaptudohanhphuc")
    static let committeeHead = Array("uybannhandan")

    var mentionsNationalName: Bool { removed.contains(true) }

    static let nationalWords: Set<String> = [
        "cong", "hoa", "xa", "hoi", "chu", "nghia", "viet", "nam", "doc", "lap", "tu", "do", "hanh", "phuc",
    ]

    /// A line of the national name or motto broken over lines ("HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" after "CỘNG").
    var isPieceOfNationalName: Bool {
        let words = String(folded).split { !$0.isLetter }
        return !words.isEmpty && words.allSatisfy { Self.nationalWords.contains(String($0)) }
    }

    var mentionsNumberWord: Bool {
        (0..<folded.count).contains { isWord("so", at: $0) }
    }

    /// The range of characters whose letters spell `pattern` with at most `mismatches` letters
    /// wrong, starting at a word's start; spaces, dashes and line breaks between them are free.
    func find(_ pattern: [Character], from: Int, mismatches: Int) -> Range<Int>? {
        guard pattern.count <= letters.count else { return nil }
        for start in 0...(letters.count - pattern.count) where letters[start] >= from {
            let first = letters[start]
            if first > 0, folded[first - 1].isLetter { continue }
            var wrong = 0
            for offset in 0..<pattern.count where folded[letters[start + offset]] != pattern[offset] {
                wrong += 1
                if wrong > mismatches { break }
            }
            if wrong <= mismatches { return first..<(letters[start + pattern.count - 1] + 1) }
        }
        return nil
    }

    func isWord(_ word: String, at index: Int) -> Bool {
        let pattern = Array(word)
        guard index + pattern.count <= folded.count else { return false }
        if index > 0, folded[index - 1].isLetter { return false }
        if index + pattern.count < folded.count, folded[index + pattern.count].isLetter { return false }
        for offset in 0..<pattern.count where folded[index + offset] != pattern[offset] { return false }
        return true
    }

    // MARK: The committee

    struct Head {
        var range: Range<Int>
        var capitals: Bool
        var damaged: Bool
    }

    /// Each "ỦY BAN NHÂN DÂN" or "UBND" outside the national name.
    var committeeHeads: [Head] {
        var heads: [Head] = []
        var from = 0
        while let range = find(Self.committeeHead, from: from, mismatches: 1) {
            let text = String(characters[range])
            let lower = text.filter(\.isLowercase).count
            let exact = VietnameseText.fold(text).replacingOccurrences(of: " ", with: "") == "uybannhandan"
            heads.append(Head(range: range, capitals: lower <= 1, damaged: !exact || lower > 0))
            from = range.upperBound
        }
        // "UBND" as a word of its own, not the end of a number's symbol ("94/KH-UBND").
        for index in 0..<folded.count where isWord("ubnd", at: index) && (index == 0 || characters[index - 1] == " ") {
            let range = index..<(index + 4)
            if String(characters[range]) == "UBND" { heads.append(Head(range: range, capitals: true, damaged: false)) }
        }
        return heads.sorted { $0.range.lowerBound < $1.range.lowerBound }
    }

    /// The unit after the last committee head: the words in capitals that follow, across the
    /// other column's national name and motto, up to the number, the date or ordinary text.
    var committee: (unit: String?, line: Int, damaged: Bool)? {
        guard let head = committeeHeads.last(where: \.capitals) else { return nil }
        let stop =
            [number?.range.lowerBound, date?.range.lowerBound].compactMap { $0 }.filter {
                $0 >= head.range.upperBound
            }.min() ?? characters.count
        var words: [String] = []
        var index = head.range.upperBound
        while index < stop, words.count < 7 {
            let character = characters[index]
            if removed[index] || character == " " || character == "|" {
                index += 1
                continue
            }
            var end = index
            while end < stop, characters[end] != " ", characters[end] != "|", !removed[end] { end += 1 }
            let word = String(characters[index..<end])
            let wordLetters = word.filter(\.isLetter)
            if wordLetters.isEmpty, word.allSatisfy({ "-_=–—.…".contains($0) }) {
                index = end
                continue
            }
            let isCapitals = !wordLetters.isEmpty && wordLetters == wordLetters.uppercased()
            let isNumber = !words.isEmpty && word.allSatisfy(\.isNumber)
            guard isCapitals || isNumber else { break }
            words.append(word)
            index = end
        }
        let unit = words.isEmpty ? nil : words.joined(separator: " ")
        let level = words.first.map { PlanReader.levelFirstWords.contains($0.lowercased()) } ?? true
        return (unit, lineOf[head.range.lowerBound], head.damaged || !level)
    }

    // MARK: The number

    /// "Số: 12/KH-UBND", "Số: 12 /KH-UBND", "Sổ:l2/KH-UBND" (a scan's l for 1), "Số: /KH-UBND" (blank).
    var number: (value: String, line: Int, range: Range<Int>, repaired: Bool)? {
        for start in 0..<folded.count where isWord("so", at: start) {
            var index = start + 2
            func skipSpaces() { while index < characters.count, characters[index] == " " { index += 1 } }
            skipSpaces()
            if index < characters.count, characters[index] == ":" { index += 1 }
            skipSpaces()
            var digits = ""
            var repaired = false
            while index < characters.count, digits.count < 8 {
                let character = characters[index]
                if character.isASCII, character.isNumber {
                    digits.append(character)
                } else if let digit = Self.digitLookalikes[character] {
                    digits.append(digit)
                    repaired = true
                } else {
                    break
                }
                index += 1
            }
            skipSpaces()
            guard index < characters.count, characters[index] == "/" else { continue }
            if !digits.isEmpty, !digits.contains(where: { $0 != "0" && $0 != "1" }), repaired, digits.count == 1 {
                // A lone "l" or "O" before the slash is more likely a smudge than a number.
                digits = ""
                repaired = false
            }
            index += 1
            skipSpaces()
            var symbol = ""
            while index < characters.count, symbol.count < 30 {
                let character = characters[index]
                guard character.isLetter || character.isNumber || character == "-" || character == "." else { break }
                symbol.append(character)
                index += 1
            }
            while let last = symbol.last, ".-".contains(last) { symbol.removeLast() }
            let value = digits.isEmpty ? "" : digits + "/" + symbol
            return (value, lineOf[start], start..<index, repaired)
        }
        return nil
    }

    static let digitLookalikes: [Character: Character] = ["l": "1", "I": "1", "O": "0", "o": "0"]

    // MARK: The place and date

    struct DateReading {
        var place: String?
        var issuedOn: ImportedPlan.IssuedOn
        var line: Int
        var range: Range<Int>
        var doubts: [PlanReader.Uncertain]
    }

    /// "Kim Thành, ngày 05 tháng 5 năm 2026", with the place back to the nearest column boundary.
    var date: DateReading? {
        for start in 0..<folded.count where isWord("ngay", at: start) {
            var index = start + 4
            func skipSpaces() { while index < characters.count, characters[index] == " " { index += 1 } }
            var repaired = false
            func digits(_ most: Int) -> Int? {
                var value = ""
                while index < characters.count, value.count < most {
                    let character = characters[index]
                    if character.isASCII, character.isNumber {
                        value.append(character)
                    } else if let digit = Self.digitLookalikes[character],
                        !value.isEmpty
                            || (index + 1 < characters.count && characters[index + 1].isASCII
                                && characters[index + 1].isNumber)
                    {
                        // "3O" for 30: a scan's letter beside a digit.
                        value.append(digit)
                        repaired = true
                    } else {
                        break
                    }
                    index += 1
                }
                return Int(value)
            }
            func word(_ text: String) -> Bool {
                guard isWord(text, at: index) else { return false }
                index += text.count
                return true
            }
            skipSpaces()
            let day = digits(2)
            skipSpaces()
            guard word("thang") else { continue }
            skipSpaces()
            let month = digits(2)
            skipSpaces()
            guard word("nam") else { continue }
            skipSpaces()
            guard let year = digits(4), year >= 1000 else { continue }
            var doubts: [PlanReader.Uncertain] = []
            if repaired {
                doubts.append(
                    PlanReader.doubt(
                        "issuedOn", vi: "Ngày ban hành đọc từ bản quét, có chữ dễ nhầm với số",
                        en: "The date was read from a scan with letters that look like digits"))
            }
            var issuedOn = ImportedPlan.IssuedOn(year: year, month: month, day: day)
            if !(1945...2100).contains(year) {
                doubts.append(PlanReader.doubt("issuedOn", vi: "Năm ban hành lạ: \(year)", en: "Odd year: \(year)"))
            }
            if let month, !(1...12).contains(month) {
                issuedOn.month = nil
                issuedOn.day = nil
                doubts.append(
                    PlanReader.doubt("issuedOn", vi: "Tháng ban hành lạ: \(month)", en: "Odd month of issue: \(month)"))
            } else if let day, CalendarDay(year: year, month: issuedOn.month ?? 1, day: day) == nil {
                issuedOn.day = nil
                doubts.append(
                    PlanReader.doubt("issuedOn", vi: "Ngày ban hành lạ: \(day)", en: "Odd day of issue: \(day)"))
            }
            let place = place(before: start)
            if place == nil {
                doubts.append(
                    PlanReader.doubt(
                        "place", vi: "Không đọc được địa danh trước \"ngày\"", en: "No place before \"ngày\""))
            }
            return DateReading(
                place: place, issuedOn: issuedOn, line: lineOf[start], range: start..<index, doubts: doubts)
        }
        return nil
    }

    /// The words before ", ngày" back to a column boundary (a bar, the motto, the number), without
    /// the unit's name in capitals that a merged line may put first ("TỈNH NGHỆ AN Nghệ An").
    func place(before dateStart: Int) -> String? {
        var end = dateStart
        while end > 0, characters[end - 1] == " " { end -= 1 }
        if end > 0, characters[end - 1] == "," { end -= 1 }
        var start = end
        let numberEnd = number.map { $0.range.upperBound <= dateStart ? $0.range.upperBound : 0 } ?? 0
        while start > numberEnd, characters[start - 1] != "|", !removed[start - 1] { start -= 1 }
        var words = String(characters[start..<end]).split(separator: " ").map(String.init)
        while words.count > 1, let first = words.first, first.count >= 2,
            first.filter(\.isLetter) == first.filter(\.isLetter).uppercased(), first.contains(where: \.isLetter)
        {
            words.removeFirst()
        }
        while let first = words.first, first.allSatisfy({ "-_=–—.…".contains($0) }) { words.removeFirst() }
        let place = PlanReader.clean(words.joined(separator: " ")).trimmingCharacters(
            in: CharacterSet(charactersIn: ","))
        return place.isEmpty || !place.contains(where: \.isLetter) ? nil : place
    }

    // MARK: Page furniture

    /// "Trang 1ỦY BAN…", "scan_0001.pdfỦY BAN…": what a scanner or a PDF printer put before the first word.
    static func withoutPageFurniture(_ text: String) -> String {
        var rest = Substring(text)
        let lowered = String(text.prefix(100)).lowercased()
        for word in ["trang", "page"] where lowered.hasPrefix(word) {
            let afterWord = rest.dropFirst(word.count).drop { $0 == " " }
            let digits = afterWord.prefix { $0.isASCII && $0.isNumber }
            if !digits.isEmpty, digits.count <= 4 {
                rest = afterWord.dropFirst(digits.count)
                if rest.hasPrefix("/") {
                    let total = rest.dropFirst().prefix { $0.isASCII && $0.isNumber }
                    rest = rest.dropFirst(1 + total.count)
                }
            }
        }
        for suffix in [".pdf", ".jpg", ".jpeg", ".png", ".tif", ".tiff"] {
            if let range = lowered.range(of: suffix) {
                let name = lowered[..<range.lowerBound]
                if !name.contains(" ") || name.hasPrefix("scan") {
                    rest = Substring(text).dropFirst(lowered.distance(from: lowered.startIndex, to: range.upperBound))
                }
                break
            }
        }
        return PlanReader.clean(String(rest))
    }
}
