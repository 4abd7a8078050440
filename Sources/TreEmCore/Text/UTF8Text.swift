/// Decoding uploaded text files. Every importer refuses a file that is not UTF-8 and says where
/// the first bad byte is, rather than replacing bytes with U+FFFD and storing mangled names.
public enum UTF8Text {
    public struct Invalid: Error, Equatable, Sendable {
        /// 1-based line and byte column of the first byte that is not valid UTF-8.
        public var line: Int
        public var column: Int

        public var message: Bilingual {
            Bilingual(
                vi:
                    "Tệp không phải văn bản UTF-8: byte sai ở dòng \(line), cột \(column). Hãy lưu lại tệp với mã hóa UTF-8.",
                en:
                    "The file is not UTF-8 text: invalid byte on line \(line), column \(column). Save it again as UTF-8."
            )
        }
    }

    public static func decode<Bytes: Collection>(_ bytes: Bytes) throws(Invalid) -> String
    where Bytes.Element == UInt8 {
        if let text = String(validating: bytes, as: UTF8.self) { return text }
        let offset = firstInvalidOffset(bytes)
        var line = 1
        var lineStart = 0
        for (index, byte) in bytes.prefix(offset).enumerated() where byte == 0x0A {
            line += 1
            lineStart = index + 1
        }
        throw Invalid(line: line, column: offset - lineStart + 1)
    }

    /// Offset of the first byte that is not part of a valid UTF-8 sequence (the count if none).
    public static func firstInvalidOffset<Bytes: Collection>(_ bytes: Bytes) -> Int where Bytes.Element == UInt8 {
        var parser = Unicode.UTF8.ForwardParser()
        var iterator = bytes.makeIterator()
        var offset = 0
        while true {
            switch parser.parseScalar(from: &iterator) {
            case .valid(let scalar): offset += scalar.count
            case .emptyInput, .error: return offset
            }
        }
    }
}
