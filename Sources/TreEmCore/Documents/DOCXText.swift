/// The text of a Word document (.docx): its paragraphs in order, one per line (an empty
/// paragraph gives an empty line), list numbering and bullets written out ("1. …", "- …") as
/// they appear on the page. Reads the ZIP container itself (stored or deflated entries).
public enum DOCXText {
    public enum Failure: Error, CustomStringConvertible {
        case notAZip
        case missingPart(String)
        case unsupportedCompression(Int)
        case corrupt(String)

        public var description: String {
            switch self {
            case .notAZip: "không phải tệp ZIP/DOCX (not a ZIP/DOCX file)"
            case .missingPart(let name): "thiếu phần \(name) (missing part \(name))"
            case .unsupportedCompression(let method): "kiểu nén \(method) không hỗ trợ (unsupported compression \(method))"
            case .corrupt(let what): "tệp hỏng: \(what) (corrupt file)"
            }
        }
    }

    public static func text(of bytes: [UInt8]) throws(Failure) -> String {
        let entries = try ZipReader.entries(bytes)
        guard let document = entries["word/document.xml"] else { throw .missingPart("word/document.xml") }
        let numbering = entries["word/numbering.xml"].map { String(decoding: $0, as: UTF8.self) }
        return paragraphs(documentXML: String(decoding: document, as: UTF8.self), numberingXML: numbering)
            .joined(separator: "\n")
    }

    struct Level {
        var format: String
        var text: String
        var start: Int
    }

    static func paragraphs(documentXML xml: String, numberingXML: String?) -> [String] {
        let levels = numberingLevels(numberingXML ?? "")
        var counters: [String: [Int]] = [:]
        var result: [String] = []
        for paragraph in xml.matches(of: /<w:p[ >](?:.|\n)*?<\/w:p>|<w:p\/>/) {
            let p = String(paragraph.0)
            var text = ""
            for piece in p.matches(of: /<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>|<w:tab\/>|<w:br\/>/) {
                if let t = piece.1 { text += decodeEntities(String(t)) } else if piece.0.hasPrefix("<w:tab") { text += " " } else { text += "\n" }
            }
            var prefix = ""
            if let numID = p.firstMatch(of: /<w:numId w:val="(\d+)"\/>/).map({ String($0.1) }), numID != "0" {
                let ilvl = p.firstMatch(of: /<w:ilvl w:val="(\d+)"\/>/).flatMap { Int($0.1) } ?? 0
                var counter = counters[numID] ?? Array(repeating: 0, count: 9)
                if ilvl < 9 {
                    counter[ilvl] += 1
                    for deeper in (ilvl + 1)..<9 { counter[deeper] = 0 }
                    counters[numID] = counter
                    let level = levels[numID]?[ilvl]
                    prefix = label(level: level, depth: ilvl, counter: counter, levels: levels[numID] ?? [:])
                }
            }
            result.append(text.trimmingCharacters(in: .whitespaces).isEmpty ? "" : prefix + text)
        }
        return result
    }

    static func label(level: Level?, depth: Int, counter: [Int], levels: [Int: Level]) -> String {
        guard let level else { return depth == 0 ? "- " : "+ " }
        switch level.format {
        case "bullet", "none": return depth == 0 ? "- " : "+ "
        default:
            // lvlText such as "%1." or "%1.%2." with each %n the counter of level n-1.
            var text = level.text
            for n in 1...9 where text.contains("%\(n)") {
                let value = (levels[n - 1]?.start ?? 1) - 1 + counter[n - 1]
                let formatted: String = switch (n - 1 == depth ? level.format : levels[n - 1]?.format ?? "decimal") {
                case "lowerLetter": PlanOutline.letter(value)
                case "upperLetter": PlanOutline.letter(value).uppercased()
                case "upperRoman": PlanOutline.roman(value)
                case "lowerRoman": PlanOutline.roman(value).lowercased()
                default: String(value)
                }
                text = text.replacingOccurrences(of: "%\(n)", with: formatted)
            }
            return text + " "
        }
    }

    /// numId → level → format, from numbering.xml (num → abstractNum → lvl).
    static func numberingLevels(_ xml: String) -> [String: [Int: Level]] {
        var abstract: [String: [Int: Level]] = [:]
        for match in xml.matches(of: /<w:abstractNum [^>]*w:abstractNumId="(\d+)"[^>]*>((?:.|\n)*?)<\/w:abstractNum>/) {
            var levels: [Int: Level] = [:]
            for lvl in String(match.2).matches(of: /<w:lvl [^>]*w:ilvl="(\d+)"[^>]*>((?:.|\n)*?)<\/w:lvl>/) {
                let body = String(lvl.2)
                levels[Int(lvl.1) ?? 0] = Level(
                    format: body.firstMatch(of: /<w:numFmt w:val="([^"]+)"/).map { String($0.1) } ?? "decimal",
                    text: body.firstMatch(of: /<w:lvlText w:val="([^"]*)"/).map { decodeEntities(String($0.1)) } ?? "%1.",
                    start: body.firstMatch(of: /<w:start w:val="(\d+)"/).flatMap { Int($0.1) } ?? 1)
            }
            abstract[String(match.1)] = levels
        }
        var result: [String: [Int: Level]] = [:]
        for match in xml.matches(of: /<w:num [^>]*w:numId="(\d+)"[^>]*>\s*<w:abstractNumId w:val="(\d+)"\/>/) {
            result[String(match.1)] = abstract[String(match.2)]
        }
        return result
    }

    static func decodeEntities(_ text: String) -> String {
        guard text.contains("&") else { return text }
        var out = text.replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(of: "&gt;", with: ">")
            .replacingOccurrences(of: "&quot;", with: "\"").replacingOccurrences(of: "&apos;", with: "'")
        for match in out.matches(of: /&#(x?)([0-9A-Fa-f]+);/).reversed() {
            let value = UInt32(String(match.2), radix: match.1.isEmpty ? 10 : 16) ?? 0x3F
            out.replaceSubrange(match.range, with: String(Character(Unicode.Scalar(value) ?? "?")))
        }
        return out.replacingOccurrences(of: "&amp;", with: "&")
    }
}

/// Reads the entries of a ZIP archive through its central directory (APPNOTE.TXT 4.3.12–4.3.16).
public enum ZipReader {
    public static func entries(_ bytes: [UInt8], maximumSize: Int = 64 * 1024 * 1024) throws(DOCXText.Failure) -> [String: [UInt8]] {
        func u16(_ at: Int) -> Int { Int(bytes[at]) | Int(bytes[at + 1]) << 8 }
        func u32(_ at: Int) -> Int { u16(at) | u16(at + 2) << 16 }
        guard bytes.count >= 22, bytes.starts(with: [0x50, 0x4B]) else { throw .notAZip }
        // The end-of-central-directory record is in the last 64 KiB + 22 bytes.
        var end = -1
        var i = bytes.count - 22
        while i >= max(0, bytes.count - 65_557) {
            if u32(i) == 0x06054b50 { end = i; break }
            i -= 1
        }
        guard end >= 0 else { throw .notAZip }
        let count = u16(end + 10)
        var offset = u32(end + 16)
        var result: [String: [UInt8]] = [:]
        for _ in 0..<count {
            guard offset + 46 <= bytes.count, u32(offset) == 0x02014b50 else { throw .corrupt("central directory") }
            let method = u16(offset + 10)
            let compressedSize = u32(offset + 20)
            let size = u32(offset + 24)
            let nameLength = u16(offset + 28), extraLength = u16(offset + 30), commentLength = u16(offset + 32)
            let local = u32(offset + 42)
            guard offset + 46 + nameLength <= bytes.count else { throw .corrupt("entry name") }
            let name = String(decoding: bytes[(offset + 46)..<(offset + 46 + nameLength)], as: UTF8.self)
            offset += 46 + nameLength + extraLength + commentLength
            guard local + 30 <= bytes.count, u32(local) == 0x04034b50 else { throw .corrupt("local header of \(name)") }
            let dataStart = local + 30 + u16(local + 26) + u16(local + 28)
            guard dataStart + compressedSize <= bytes.count, size <= maximumSize else { throw .corrupt("size of \(name)") }
            let data = Array(bytes[dataStart..<(dataStart + compressedSize)])
            switch method {
            case 0: result[name] = data
            case 8:
                do { result[name] = try Inflate.decompress(data, limit: maximumSize) } catch { throw .corrupt("\(name): \(error)") }
            default:
                throw .unsupportedCompression(method)
            }
        }
        return result
    }
}
