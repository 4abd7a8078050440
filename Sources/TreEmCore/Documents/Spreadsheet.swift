import Foundation

/// A table to hand to a spreadsheet: a real `.xlsx` (Office Open XML, ECMA-376) or CSV.
/// Text that a spreadsheet would read as a formula (starting with =, +, -, @, tab or carriage
/// return) gets a leading apostrophe, so opening an export never runs anything a unit typed.
public struct Spreadsheet: Sendable {
    public enum Cell: Sendable, Equatable {
        case text(String)
        case number(Double)
        case empty
    }

    public var sheetName: String
    public var rows: [[Cell]] = []
    /// Rows drawn in bold (headings).
    public var boldRows: Set<Int> = []
    public var columnWidths: [Double] = []

    public init(sheetName: String) {
        self.sheetName = sheetName
    }

    public mutating func append(_ row: [Cell], bold: Bool = false) {
        if bold { boldRows.insert(rows.count) }
        rows.append(row)
    }

    public static func neutralised(_ text: String) -> String {
        guard let first = text.unicodeScalars.first, ["=", "+", "-", "@", "\t", "\r"].contains(first) else {
            return text
        }
        return "'" + text
    }

    // MARK: CSV

    /// UTF-8 with a byte-order mark (so Excel reads the diacritics), CRLF line ends (RFC 4180).
    public func csv() -> [UInt8] {
        var text = "\u{FEFF}"
        for row in rows {
            text +=
                row.map { cell -> String in
                    switch cell {
                    case .empty: return ""
                    case .number(let value): return VietnameseNumber.plain(value)
                    case .text(let raw):
                        let value = Self.neutralised(raw)
                        return value.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" })
                            ? "\"" + value.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : value
                    }
                }.joined(separator: ",") + "\r\n"
        }
        return Array(text.utf8)
    }

    // MARK: XLSX

    public func xlsx() -> [UInt8] {
        var zip = ZipArchive()
        zip.add(
            "[Content_Types].xml",
            """
            <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
            <Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">\
            <Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>\
            <Default Extension="xml" ContentType="application/xml"/>\
            <Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>\
            <Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>\
            <Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>\
            </Types>
            """)
        zip.add(
            "_rels/.rels",
            """
            <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
            <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">\
            <Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/>\
            </Relationships>
            """)
        zip.add(
            "xl/workbook.xml",
            """
            <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
            <workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" \
            xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">\
            <sheets><sheet name="\(Self.escape(Self.validSheetName(sheetName)))" sheetId="1" r:id="rId1"/></sheets></workbook>
            """)
        zip.add(
            "xl/_rels/workbook.xml.rels",
            """
            <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
            <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">\
            <Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/>\
            <Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>\
            </Relationships>
            """)
        // Style 0 plain, 1 bold, 2 a number with thousands grouping, 3 bold with grouping.
        zip.add(
            "xl/styles.xml",
            """
            <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
            <styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">\
            <fonts count="2"><font><sz val="11"/><name val="Times New Roman"/></font>\
            <font><b/><sz val="11"/><name val="Times New Roman"/></font></fonts>\
            <fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>\
            <borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>\
            <cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>\
            <cellXfs count="4"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>\
            <xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1"/>\
            <xf numFmtId="3" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>\
            <xf numFmtId="3" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1" applyNumberFormat="1"/></cellXfs>\
            </styleSheet>
            """)
        var sheet = """
            <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
            <worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">
            """
        if !columnWidths.isEmpty {
            sheet +=
                "<cols>"
                + columnWidths.enumerated().map { index, width in
                    "<col min=\"\(index + 1)\" max=\"\(index + 1)\" width=\"\(width)\" customWidth=\"1\"/>"
                }.joined() + "</cols>"
        }
        sheet += "<sheetData>"
        for (rowIndex, row) in rows.enumerated() {
            let bold = boldRows.contains(rowIndex)
            sheet += "<row r=\"\(rowIndex + 1)\">"
            for (columnIndex, cell) in row.enumerated() {
                let reference = Self.columnName(columnIndex) + String(rowIndex + 1)
                switch cell {
                case .empty: continue
                case .number(let value):
                    let integral = value == value.rounded()
                    let style = integral ? (bold ? 3 : 2) : (bold ? 1 : 0)
                    sheet += "<c r=\"\(reference)\" s=\"\(style)\"><v>\(VietnameseNumber.plain(value))</v></c>"
                case .text(let text):
                    sheet +=
                        "<c r=\"\(reference)\" t=\"inlineStr\"\(bold ? " s=\"1\"" : "")><is><t xml:space=\"preserve\">"
                        + Self.escape(Self.neutralised(text)) + "</t></is></c>"
                }
            }
            sheet += "</row>"
        }
        sheet += "</sheetData></worksheet>"
        zip.add("xl/worksheets/sheet1.xml", sheet)
        return zip.finished()
    }

    /// A, B, …, Z, AA, AB, …
    static func columnName(_ index: Int) -> String {
        var index = index
        var name = ""
        repeat {
            name = String(UnicodeScalar(UInt8(65 + index % 26))) + name
            index = index / 26 - 1
        } while index >= 0
        return name
    }

    /// Excel allows 31 characters and none of : \ / ? * [ ].
    static func validSheetName(_ name: String) -> String {
        let cleaned = String(name.filter { !":\\/?*[]".contains($0) }.prefix(31))
        return cleaned.isEmpty ? "Sheet1" : cleaned
    }

    static func escape(_ text: String) -> String {
        XMLText.escape(text, keepingLineBreaks: true)
    }
}
