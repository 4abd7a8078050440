/// The words of a task copied from a higher unit's plan, made to read for the lower unit.
///
/// A city plan's task says "báo cáo về Sở Y tế trước ngày 10/7/2026", "tổ chức Lễ phát động cấp
/// thành phố", "trên địa bàn thành phố"; the commune that copies it reports earlier and acts at
/// its own level (Thông tư 28/2019/TT-BLĐTBXH, Điều 5: each level reports to the one above
/// before that one's own deadline). Only rewrites that cannot change the meaning are made: the
/// parent's reporting deadline becomes the derived one, and the parent's level words standing
/// in a fixed phrase ("cấp thành phố", "trên địa bàn thành phố", "toàn thành phố") become the
/// lower unit's. Every other date of the parent's, and every other mention of its level or of
/// its lower units ("UBND thành phố", "các xã, phường"), is left as written and named in a note
/// for the officer to check before issuing.
public struct DerivedWording: Sendable {
    /// The task's text after the safe rewrites, and what is left to check (nil when nothing).
    public struct Result: Hashable, Sendable {
        public var text: String
        public var reviewNote: String?
    }

    /// The parent's unit type as a sentence writes it: "thành phố".
    public var parentType: String
    /// "Hải Phòng", when the parent's name gives it.
    public var parentProper: String?
    /// The lower unit's type: "xã".
    public var targetType: String
    /// The lower unit in a sentence: "xã Kim Thành".
    public var targetName: String
    /// The parent's reporting deadline and the derived one that replaces it.
    public var parentDeadline: CalendarDay?
    public var derivedDeadline: CalendarDay?
    /// The year a date written without one ("ngày 15/6") falls in.
    public var year: Int
    /// Dates before this day name documents the task cites ("Chỉ thị số 28-CT/TW ngày
    /// 25/12/2023"), not something to do; they are neither changed nor flagged.
    public var citationsBefore: CalendarDay?
    /// The Action Month's span, the same in both plans (Luật Trẻ em 2016, Điều 11: June):
    /// "từ ngày 01/6/2026 đến ngày 30/6/2026" names it and needs no check.
    public var period: DateRange?

    public init(
        parentType: String, parentProper: String?, targetType: String, targetName: String,
        parentDeadline: CalendarDay?, derivedDeadline: CalendarDay?, year: Int, citationsBefore: CalendarDay?,
        period: DateRange?
    ) {
        self.parentType = parentType
        self.parentProper = parentProper
        self.targetType = targetType
        self.targetName = targetName
        self.parentDeadline = parentDeadline
        self.derivedDeadline = derivedDeadline
        self.year = year
        self.citationsBefore = citationsBefore
        self.period = period
    }

    /// Types of administrative units as sentences write them, longest first so that "thị xã"
    /// is read before "xã" (Luật Tổ chức chính quyền địa phương 72/2025/QH15 keeps province,
    /// centrally-run city, ward, commune and special zone; the older ones still appear in plans
    /// issued before 1/7/2025).
    static let unitTypes = [
        "thành phố", "thị trấn", "đặc khu", "thị xã", "phường", "huyện", "quận", "tỉnh", "xã",
    ]

    /// "UBND thành phố Hải Phòng" / "Ủy ban nhân dân tỉnh Lai Châu" / "xã Kim Thành" → the unit's
    /// type and proper name; nil when the name starts with no known type.
    public static func unitType(in name: String) -> (type: String, proper: String?)? {
        let characters = Array(VietnameseText.clean(name))
        var start = 0
        for prefix in ["UBND ", "Ủy ban nhân dân ", "Uỷ ban nhân dân "]
        where matches(Array(prefix.lowercased()), in: characters, at: 0) {
            start = prefix.count
            break
        }
        guard let found = matchType(in: characters, at: start) else { return nil }
        let proper = VietnameseText.clean(String(characters[found.end...]))
        return (found.type, proper.isEmpty ? nil : proper)
    }

    /// The rewritten text and what is left for the officer.
    public func review(_ text: String) -> Result {
        var notes: [String] = []
        let dated = rewriteDates(in: text)
        if !dated.flagged.isEmpty {
            let list = dated.flagged.joined(separator: ", ")
            let days = dated.flagged.count == 1 ? "ngày" : "các ngày"
            notes.append("Kiểm tra \(days) \(list) trong nhiệm vụ: đó là ngày của kế hoạch cấp trên.")
        }
        var characters = Array(dated.text)
        // A parent whose level is unknown leaves level words alone; one at the unit's own level
        // ("thành phố" above "thành phố" before 2025) leaves them all for the officer.
        if !parentType.isEmpty {
            if VietnameseText.fold(parentType) != VietnameseText.fold(targetType) {
                characters = rewriteLevelWords(in: characters)
            }
            let lower = Self.lowerUnitLists(in: characters)
            for phrase in Self.unique(lower.map { String(characters[$0]) }) {
                notes.append("Kiểm tra “\(phrase)” trong nhiệm vụ: đó là các đơn vị cấp dưới của kế hoạch cấp trên.")
            }
            let leftover = Self.wholeWordRanges(of: parentType, in: characters).filter { range in
                !lower.contains { $0.overlaps(range) }
            }
            if let first = leftover.first {
                notes.append(
                    "Kiểm tra “\(String(characters[first]))” trong nhiệm vụ: có thể là cấp của kế hoạch cấp trên.")
            }
        }
        return Result(text: String(characters), reviewNote: notes.isEmpty ? nil : notes.joined(separator: " "))
    }

    // MARK: level words
    //
    // Texts are matched as arrays of characters by a plain scan, case ignored and marks kept:
    // a few short phrases over a task's text, linear in its length however long it is.

    /// The fixed phrases that name the issuing level itself, each rewritten to the lower unit's.
    func rewriteLevelWords(in text: [Character]) -> [Character] {
        var result = text
        if let proper = parentProper {
            for lead in ["trên địa bàn", "toàn"] {
                result = Self.replace("\(lead) \(parentType) \(proper)", with: "\(lead) \(targetName)", in: result)
            }
        }
        for lead in ["trên địa bàn", "toàn", "cấp"] {
            result = Self.replace("\(lead) \(parentType)", with: "\(lead) \(targetType)", in: result, unlessNamed: true)
        }
        return result
    }

    /// Replaces whole-word occurrences of `phrase`, keeping a capital first letter. With
    /// `unlessNamed`, an occurrence followed by a capitalised word ("cấp thành phố Hải Phòng")
    /// names a unit and is left; so is "an toàn thành phố", where "toàn" belongs to "an toàn".
    static func replace(
        _ phrase: String, with replacement: String, in text: [Character], unlessNamed: Bool = false
    )
        -> [Character]
    {
        var result: [Character] = []
        var copied = 0
        for range in wholeWordRanges(of: phrase, in: text) {
            if unlessNamed, nextWordIsCapitalised(after: range.upperBound, in: text) { continue }
            if previousWord(before: range.lowerBound, in: text) == "an" { continue }
            result += text[copied..<range.lowerBound]
            let capital = text[range.lowerBound].isUppercase
            result += capital ? Array(replacement.prefix(1).uppercased() + replacement.dropFirst()) : Array(replacement)
            copied = range.upperBound
        }
        result += text[copied...]
        return result
    }

    static func nextWordIsCapitalised(after index: Int, in text: [Character]) -> Bool {
        index + 1 < text.count && text[index] == " " && text[index + 1].isUppercase
    }

    /// The word before `index`, lower-cased, when a single space separates them.
    static func previousWord(before index: Int, in text: [Character]) -> String? {
        guard index > 0, text[index - 1] == " " else { return nil }
        var start = index - 1
        while start > 0, text[start - 1].isLetter { start -= 1 }
        return String(text[start..<(index - 1)]).lowercased()
    }

    /// "các xã, phường, đặc khu", "UBND các huyện, thành phố": the parent's lower units, which
    /// in the lower unit's plan mean either itself or its own lower units — the officer decides.
    static func lowerUnitLists(in text: [Character]) -> [Range<Int>] {
        var lists: [Range<Int>] = []
        for word in wholeWordRanges(of: "các", in: text) {
            var index = word.upperBound
            var end: Int?
            while index < text.count {
                let separators = end == nil ? [" "] : [", ", " và ", " hoặc "]
                guard let separator = separators.first(where: { matches(Array($0), in: text, at: index) }),
                    let found = matchType(in: text, at: index + separator.count)
                else { break }
                end = found.end
                index = found.end
            }
            if let end { lists.append(word.lowerBound..<end) }
        }
        return lists
    }

    /// The unit type word standing at `index` as a whole word, and where it ends.
    static func matchType(in text: [Character], at index: Int) -> (type: String, end: Int)? {
        for type in unitTypes {
            let letters = Array(type)
            let end = index + letters.count
            if matches(letters, in: text, at: index), end == text.count || !isWordCharacter(text[end]) {
                return (type, end)
            }
        }
        return nil
    }

    /// Whether `phrase` (lower case) stands at `index`, the text's case ignored.
    static func matches(_ phrase: [Character], in text: [Character], at index: Int) -> Bool {
        guard index >= 0, index + phrase.count <= text.count else { return false }
        for (offset, wanted) in phrase.enumerated() {
            let found = text[index + offset]
            if found != wanted && found.lowercased() != String(wanted) { return false }
        }
        return true
    }

    /// Where `phrase` stands in `text` as whole words, case ignored, marks kept; not overlapping.
    static func wholeWordRanges(of phrase: String, in text: [Character]) -> [Range<Int>] {
        let letters = Array(phrase.lowercased())
        guard !letters.isEmpty else { return [] }
        var ranges: [Range<Int>] = []
        var index = 0
        while index + letters.count <= text.count {
            let end = index + letters.count
            if (index == 0 || !isWordCharacter(text[index - 1])) && matches(letters, in: text, at: index)
                && (end == text.count || !isWordCharacter(text[end]))
            {
                ranges.append(index..<end)
                index = end
            } else {
                index += 1
            }
        }
        return ranges
    }

    static func isWordCharacter(_ character: Character) -> Bool { character.isLetter || character.isNumber }

    static func unique(_ items: [String]) -> [String] {
        var seen: Set<String> = []
        return items.filter { seen.insert($0).inserted }
    }

    // MARK: dates

    /// A date as a task writes it: "10/7/2026", "15/6", "ngày 10 tháng 7 năm 2026".
    struct WrittenDate {
        /// Offsets in the text's characters: the numbers only, "ngày " stays outside.
        var start: Int
        var end: Int
        var day: Int
        var month: Int
        var year: Int?
        var long: Bool
    }

    /// The parent's reporting deadline becomes the derived one; other dates of the parent are
    /// listed as written, for the note.
    func rewriteDates(in text: String) -> (text: String, flagged: [String]) {
        let characters = Array(text)
        let dates = Self.writtenDates(in: characters)
        var skip = Set<Int>()
        // "từ ngày 01/6/2026 đến hết ngày 30/6/2026": the period itself.
        if let period {
            for (index, pair) in zip(dates, dates.dropFirst()).enumerated()
            where resolved(pair.0) == period.start && resolved(pair.1) == period.end {
                let between = VietnameseText.clean(String(characters[pair.0.end..<pair.1.start])).lowercased()
                if ["đến", "đến hết", "đến ngày", "đến hết ngày", "-", "–"].contains(between) {
                    skip.insert(index)
                    skip.insert(index + 1)
                }
            }
        }
        var output = ""
        var copied = 0
        var flagged: [String] = []
        for (index, date) in dates.enumerated() where !skip.contains(index) {
            // "Tổng đài 111 … 24/7" is round the clock (Luật Trẻ em 2016, Điều 22–23), not 24 July
            // ("ngày 24/7" still is).
            let roundTheClock =
                date.day == 24 && date.month == 7 && date.year == nil && !date.long
                && Self.previousWord(before: date.start, in: characters) != "ngày"
            guard let day = resolved(date), !roundTheClock else { continue }
            if let parentDeadline, let derivedDeadline, day == parentDeadline {
                output += String(characters[copied..<date.start])
                output += Self.write(derivedDeadline, like: date)
                copied = date.end
            } else if date.year != nil, let cutoff = citationsBefore, day < cutoff {
                continue
            } else {
                flagged.append(String(characters[date.start..<date.end]))
            }
        }
        output += String(characters[copied...])
        return (output, Self.unique(flagged))
    }

    func resolved(_ date: WrittenDate) -> CalendarDay? {
        CalendarDay(year: date.year ?? parentDeadline?.year ?? year, month: date.month, day: date.day)
    }

    /// The new date in the written one's form; leading zeros as Nghị định 30/2020 sets them.
    static func write(_ day: CalendarDay, like written: WrittenDate) -> String {
        let d = day.day < 10 ? "0\(day.day)" : "\(day.day)"
        let m = day.month < 3 ? "0\(day.month)" : "\(day.month)"
        if written.long {
            return written.year == nil ? "\(d) tháng \(m)" : "\(d) tháng \(m) năm \(day.year)"
        }
        return written.year == nil ? "\(d)/\(m)" : "\(d)/\(m)/\(day.year)"
    }

    /// Every date in the text, in one pass: "d/m", "d/m/yyyy" (not inside a document number such
    /// as "28/2019/TT-BLĐTBXH" or "157/KH-UBND") and "ngày d tháng m [năm yyyy]".
    static func writtenDates(in characters: [Character]) -> [WrittenDate] {
        var dates: [WrittenDate] = []
        var index = 0
        while index < characters.count {
            if let date = longDate(in: characters, at: index) ?? shortDate(in: characters, at: index) {
                dates.append(date)
                index = max(date.end, index + 1)
            } else {
                index += 1
            }
        }
        return dates
    }

    /// A run of ASCII digits at `index`: its value (nil when longer than `limit`) and its end.
    static func number(in characters: [Character], at index: Int, limit: Int) -> (value: Int, end: Int)? {
        var end = index
        var value = 0
        while end < characters.count, let digit = characters[end].wholeNumberValue, characters[end].isASCII {
            guard end - index < limit else { return nil }
            value = value * 10 + digit
            end += 1
        }
        return end > index ? (value, end) : nil
    }

    static func shortDate(in characters: [Character], at index: Int) -> WrittenDate? {
        if index > 0 {
            let previous = characters[index - 1]
            if isWordCharacter(previous) || previous == "/" { return nil }
        }
        guard let day = number(in: characters, at: index, limit: 2), day.end < characters.count,
            characters[day.end] == "/", let month = number(in: characters, at: day.end + 1, limit: 2)
        else { return nil }
        var end = month.end
        var year: Int?
        if end < characters.count, characters[end] == "/" {
            guard let found = number(in: characters, at: end + 1, limit: 4), found.end - end - 1 == 4 else {
                return nil
            }
            year = found.value
            end = found.end
        }
        if end < characters.count, isWordCharacter(characters[end]) || characters[end] == "/" { return nil }
        guard (1...12).contains(month.value), (1...31).contains(day.value) else { return nil }
        return WrittenDate(start: index, end: end, day: day.value, month: month.value, year: year, long: false)
    }

    static func longDate(in characters: [Character], at index: Int) -> WrittenDate? {
        guard word("ngày", in: characters, at: index) != nil || word("Ngày", in: characters, at: index) != nil,
            index == 0 || !isWordCharacter(characters[index - 1])
        else { return nil }
        let start = spaces(in: characters, from: index + 4)
        guard start > index + 4, let day = number(in: characters, at: start, limit: 2) else { return nil }
        var at = spaces(in: characters, from: day.end)
        guard at > day.end, let afterMonthWord = word("tháng", in: characters, at: at) else { return nil }
        at = spaces(in: characters, from: afterMonthWord)
        guard at > afterMonthWord, let month = number(in: characters, at: at, limit: 2) else { return nil }
        var end = month.end
        var year: Int?
        let beforeYearWord = spaces(in: characters, from: month.end)
        if beforeYearWord > month.end, let afterYearWord = word("năm", in: characters, at: beforeYearWord) {
            let yearStart = spaces(in: characters, from: afterYearWord)
            if yearStart > afterYearWord, let found = number(in: characters, at: yearStart, limit: 4),
                found.end - yearStart == 4
            {
                year = found.value
                end = found.end
            }
        }
        if end < characters.count, isWordCharacter(characters[end]) { return nil }
        guard (1...12).contains(month.value), (1...31).contains(day.value) else { return nil }
        return WrittenDate(start: start, end: end, day: day.value, month: month.value, year: year, long: true)
    }

    /// The index after `word` when it stands at `index`.
    static func word(_ word: String, in characters: [Character], at index: Int) -> Int? {
        let letters = Array(word)
        guard index + letters.count <= characters.count,
            Array(characters[index..<(index + letters.count)]) == letters
        else { return nil }
        return index + letters.count
    }

    static func spaces(in characters: [Character], from index: Int) -> Int {
        var end = index
        while end < characters.count, characters[end].isWhitespace { end += 1 }
        return end
    }
}
