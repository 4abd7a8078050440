/// A reader for RFC 4180 CSV as Excel and LibreOffice write it: comma separated, fields in
/// double quotes may hold commas, quotes ("") and line breaks. Kept here rather than in a
/// dependency because every importer needs the line number where each record starts.
public struct CSVRecord: Equatable, Sendable {
    /// 1-based line of the file where the record starts — what an error message must name.
    public let line: Int
    public let fields: [String]
}

public enum CSVError: Error, Equatable, Sendable {
    case unterminatedQuote(line: Int)
    case textAfterQuote(line: Int)
}

public enum CSVReader {
    public static func records(in text: String) throws(CSVError) -> [CSVRecord] {
        var records: [CSVRecord] = []
        var fields: [String] = []
        var field = ""
        var line = 1
        var recordLine = 1
        var inQuotes = false
        var quoteClosed = false
        var quoteStartLine = 1
        // Excel writes a byte-order mark at the start of a UTF-8 CSV.
        let body = text.unicodeScalars.first == "\u{FEFF}" ? String(text.unicodeScalars.dropFirst()) : text
        var iterator = body.unicodeScalars.makeIterator()
        var pending: Unicode.Scalar? = nil
        var atRecordStart = true

        func next() -> Unicode.Scalar? {
            if let p = pending { pending = nil; return p }
            return iterator.next()
        }
        func endRecord() {
            fields.append(field)
            field = ""
            // A line holding nothing at all is not a record (blank lines between rows, a final newline).
            if !(fields.count == 1 && fields[0].isEmpty) {
                records.append(CSVRecord(line: recordLine, fields: fields))
            }
            fields = []
            atRecordStart = true
            quoteClosed = false
        }

        while let scalar = next() {
            if atRecordStart { recordLine = line; atRecordStart = false }
            if inQuotes {
                if scalar == "\"" {
                    if let following = next() {
                        if following == "\"" {
                            field.unicodeScalars.append("\"")
                        } else {
                            inQuotes = false
                            quoteClosed = true
                            pending = following
                        }
                    } else {
                        inQuotes = false
                        quoteClosed = true
                    }
                } else {
                    if scalar == "\n" { line += 1 }
                    field.unicodeScalars.append(scalar)
                }
                continue
            }
            switch scalar {
            case "\"" where field.isEmpty && !quoteClosed:
                inQuotes = true
                quoteStartLine = line
            case ",":
                fields.append(field)
                field = ""
                quoteClosed = false
            case "\r":
                if let following = next(), following != "\n" { pending = following }
                line += 1
                endRecord()
            case "\n":
                line += 1
                endRecord()
            default:
                if quoteClosed { throw .textAfterQuote(line: line) }
                field.unicodeScalars.append(scalar)
            }
        }
        if inQuotes { throw .unterminatedQuote(line: quoteStartLine) }
        if !atRecordStart { endRecord() }
        return records
    }

    /// Quotes a field when it needs quoting.
    public static func escape(_ field: String) -> String {
        guard field.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return field }
        return "\"" + field.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}

extension CSVReader {
    /// The data rows of an imported file whose first line must be `header`; syntax errors and a
    /// wrong header are reported as import problems naming the line.
    public static func rows(in text: String, header: [String]) throws(ImportRejected) -> [CSVRecord] {
        let records: [CSVRecord]
        do {
            records = try CSVReader.records(in: text)
        } catch {
            switch error {
            case .unterminatedQuote(let line):
                throw ImportRejected(problems: [
                    ImportProblem(
                        line: line, field: nil,
                        message: Bilingual(
                            vi: "dấu ngoặc kép mở mà không đóng", en: "a quoted field is never closed"))
                ])
            case .textAfterQuote(let line):
                throw ImportRejected(problems: [
                    ImportProblem(
                        line: line, field: nil,
                        message: Bilingual(
                            vi: "có ký tự sau dấu ngoặc kép đóng", en: "text follows a closing quote"))
                ])
            }
        }
        let expected = header.joined(separator: ",")
        guard let first = records.first else {
            throw ImportRejected(problems: [
                ImportProblem(
                    line: 1, field: nil,
                    message: Bilingual(
                        vi: "tệp trống; dòng đầu phải là: \(expected)",
                        en: "the file is empty; the first line must be: \(expected)"))
            ])
        }
        guard first.fields.map({ VietnameseText.clean($0).lowercased() }) == header else {
            throw ImportRejected(problems: [
                ImportProblem(
                    line: first.line, field: nil,
                    message: Bilingual(
                        vi: "dòng tiêu đề phải là: \(expected)", en: "the header must be: \(expected)"))
            ])
        }
        return Array(records.dropFirst())
    }
}

extension CSVReader {
    /// The text of an uploaded CSV file. A file that is not UTF-8 (Excel's "CSV" in Windows-1258,
    /// say) is refused, naming the line and column of its first bad byte — never read with
    /// replacement characters into names that would then be stored mangled.
    public static func text<Bytes: Collection>(of bytes: Bytes) throws(ImportRejected) -> String
    where Bytes.Element == UInt8 {
        do {
            return try UTF8Text.decode(bytes)
        } catch {
            throw ImportRejected(problems: [
                ImportProblem(
                    line: error.line, field: nil,
                    message: Bilingual(
                        vi:
                            "byte sai ở cột \(error.column): tệp không phải UTF-8. Trong Excel, hãy lưu bằng “CSV UTF-8 (Comma delimited)”.",
                        en:
                            "invalid byte at column \(error.column): the file is not UTF-8. In Excel, save it as “CSV UTF-8 (Comma delimited)”."
                    ))
            ])
        }
    }
}
