/// The plan as a Word file (Office Open XML, ECMA-376), laid out as Nghị định 30/2020/NĐ-CP,
/// Phụ lục I prescribes for an administrative document:
/// - A4 portrait; margins top and bottom 20 mm, left 30 mm, right 15 mm (allowed: 20–25, 30–35, 15–20);
/// - Times New Roman throughout, black;
/// - header in two columns: issuing body (caps, 13 pt, bold, a short rule under it) and "Số:"
///   (13 pt) on the left; Quốc hiệu (caps, 13 pt, bold) and Tiêu ngữ (14 pt, bold, a rule as
///   long as the line) on the right, place and date (14 pt, italic) under them;
/// - "KẾ HOẠCH" (caps, 14 pt, bold) and the trích yếu (14 pt, bold) centred, a short rule under;
/// - body 14 pt, justified, first-line indent 1.27 cm, 6 pt between paragraphs;
/// - "Nơi nhận:" (12 pt, bold italic) bottom left, recipients 11 pt; the signature block
///   (caps, 14 pt, bold) and the signer's name (14 pt, bold) bottom right;
/// - page numbers 13 pt centred in the top margin, not on the first page;
/// - appendices on a new page.
public enum PlanDOCX {
    // Twentieths of a point: A4 is 11906 × 16838; 1 mm ≈ 56.7.
    static let pageWidth = 11906, pageHeight = 16838
    static let marginTop = 1134, marginBottom = 1134, marginLeft = 1701, marginRight = 850
    static let textWidth = pageWidth - marginLeft - marginRight
    static let headLeft = 3800
    static let indent = 720  // 1.27 cm

    public static func render(_ plan: PlanDocument) -> [UInt8] {
        render(PlanComposition(plan))
    }

    /// Any administrative document composed the same way (a plan, a results report).
    public static func render(_ doc: PlanComposition) -> [UInt8] {
        var zip = ZipArchive()
        zip.add("[Content_Types].xml", contentTypes)
        zip.add("_rels/.rels", rootRelationships)
        zip.add("docProps/core.xml", coreProperties(title: doc.documentType + " " + doc.title))
        zip.add("word/_rels/document.xml.rels", documentRelationships)
        zip.add("word/styles.xml", styles)
        zip.add("word/settings.xml", settings)
        zip.add("word/header1.xml", header(pageNumber: false))
        zip.add("word/header2.xml", header(pageNumber: true))
        zip.add("word/document.xml", document(doc))
        return zip.finished()
    }

    // MARK: document.xml

    static func document(_ doc: PlanComposition) -> String {
        var x = XMLText()
        x.raw(#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"#)
        x.raw(
            #"<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><w:body>"#
        )

        // The header: a borderless two-column table.
        x.raw("<w:tbl><w:tblPr><w:tblW w:w=\"\(textWidth)\" w:type=\"dxa\"/><w:tblLayout w:type=\"fixed\"/>")
        x.raw(
            "<w:tblBorders>\(noBorders)</w:tblBorders><w:tblCellMar><w:left w:w=\"0\" w:type=\"dxa\"/><w:right w:w=\"0\" w:type=\"dxa\"/></w:tblCellMar></w:tblPr>"
        )
        x.raw(
            "<w:tblGrid><w:gridCol w:w=\"\(headLeft)\"/><w:gridCol w:w=\"\(textWidth - headLeft)\"/></w:tblGrid><w:tr>")
        x.raw("<w:tc><w:tcPr><w:tcW w:w=\"\(headLeft)\" w:type=\"dxa\"/></w:tcPr>")
        if let superior = doc.superiorName { paragraph(&x, superior, align: "center", size: 26) }
        for line in doc.issuerLines { paragraph(&x, line, align: "center", size: 26, bold: true) }
        rule(&x, width: headLeft, length: headLeft / 3)
        paragraph(&x, doc.numberLine, align: "center", size: 26, before: 60)
        x.raw("</w:tc><w:tc><w:tcPr><w:tcW w:w=\"\(textWidth - headLeft)\" w:type=\"dxa\"/></w:tcPr>")
        paragraph(&x, PlanComposition.nationalName, align: "center", size: 26, bold: true)
        paragraph(&x, PlanComposition.motto, align: "center", size: 28, bold: true)
        rule(&x, width: textWidth - headLeft, length: 3900)
        paragraph(&x, doc.placeAndDate, align: "center", size: 28, italic: true, before: 60)
        x.raw("</w:tc></w:tr></w:tbl>")

        paragraph(&x, doc.documentType, align: "center", size: 28, bold: true, before: 360)
        paragraph(&x, doc.title, align: "center", size: 28, bold: true)
        rule(&x, width: textWidth, length: 1800)

        for block in doc.body {
            switch block {
            case .heading(let level, let label, let text):
                paragraph(
                    &x, "\(label) \(text)", align: "both", size: 28, bold: true, italic: level == 2, firstLine: indent,
                    after: 120)
            case .paragraph(let text):
                paragraph(&x, text, align: "both", size: 28, firstLine: indent, after: 120)
            case .bullet(let text, let depth):
                paragraph(&x, (depth > 0 ? "+ " : "- ") + text, align: "both", size: 28, firstLine: indent, after: 120)
            case .table(let rows):
                table(&x, rows)
            }
        }

        // Nơi nhận (left) and the signature (right): another borderless table.
        let footLeft = 4300
        x.raw("<w:tbl><w:tblPr><w:tblW w:w=\"\(textWidth)\" w:type=\"dxa\"/><w:tblLayout w:type=\"fixed\"/>")
        x.raw("<w:tblBorders>\(noBorders)</w:tblBorders></w:tblPr>")
        x.raw(
            "<w:tblGrid><w:gridCol w:w=\"\(footLeft)\"/><w:gridCol w:w=\"\(textWidth - footLeft)\"/></w:tblGrid><w:tr>")
        x.raw("<w:tc><w:tcPr><w:tcW w:w=\"\(footLeft)\" w:type=\"dxa\"/></w:tcPr>")
        paragraph(&x, "Nơi nhận:", align: "left", size: 24, bold: true, italic: true, before: 240)
        for line in doc.recipients { paragraph(&x, line, align: "left", size: 22) }
        x.raw("</w:tc><w:tc><w:tcPr><w:tcW w:w=\"\(textWidth - footLeft)\" w:type=\"dxa\"/></w:tcPr>")
        for (index, line) in doc.signatureLines.enumerated() {
            paragraph(&x, line, align: "center", size: 28, bold: true, before: index == 0 ? 240 : 0)
        }
        paragraph(&x, doc.signerName, align: "center", size: 28, bold: true, before: 1700)
        x.raw("</w:tc></w:tr></w:tbl>")

        for appendix in doc.appendices {
            x.raw("<w:p><w:r><w:br w:type=\"page\"/></w:r></w:p>")
            paragraph(&x, appendix.title.uppercased(), align: "center", size: 28, bold: true)
            paragraph(&x, "(Kèm theo Kế hoạch \(doc.numberLine))", align: "center", size: 28, italic: true, after: 240)
            for (index, item) in appendix.items.enumerated() {
                paragraph(&x, "\(index + 1). \(item)", align: "both", size: 28, firstLine: indent, after: 120)
            }
        }

        x.raw("<w:sectPr><w:headerReference w:type=\"default\" r:id=\"rIdHeaderDefault\"/>")
        x.raw("<w:headerReference w:type=\"first\" r:id=\"rIdHeaderFirst\"/>")
        x.raw("<w:pgSz w:w=\"\(pageWidth)\" w:h=\"\(pageHeight)\"/>")
        x.raw(
            "<w:pgMar w:top=\"\(marginTop)\" w:right=\"\(marginRight)\" w:bottom=\"\(marginBottom)\" w:left=\"\(marginLeft)\" w:header=\"567\" w:footer=\"567\" w:gutter=\"0\"/>"
        )
        x.raw("<w:titlePg/></w:sectPr></w:body></w:document>")
        return x.text
    }

    static let noBorders = ["top", "left", "bottom", "right", "insideH", "insideV"]
        .map { "<w:\($0) w:val=\"nil\"/>" }.joined()

    static func paragraph(
        _ x: inout XMLText, _ text: String, align: String, size: Int, bold: Bool = false,
        italic: Bool = false, firstLine: Int = 0, before: Int = 0, after: Int = 0
    ) {
        x.raw("<w:p><w:pPr><w:spacing w:before=\"\(before)\" w:after=\"\(after)\"/>")
        if firstLine > 0 { x.raw("<w:ind w:firstLine=\"\(firstLine)\"/>") }
        x.raw("<w:jc w:val=\"\(align)\"/></w:pPr><w:r><w:rPr>")
        if bold { x.raw("<w:b/>") }
        if italic { x.raw("<w:i/>") }
        x.raw("<w:sz w:val=\"\(size)\"/><w:szCs w:val=\"\(size)\"/></w:rPr><w:t xml:space=\"preserve\">")
        x.escaped(text)
        x.raw("</w:t></w:r></w:p>")
    }

    /// A bordered table at 13 pt: the first row bold and repeated on every page; the first
    /// column narrow (STT), the second wide (the indicator), the rest even.
    static func table(_ x: inout XMLText, _ rows: [[String]]) {
        let columns = rows.map(\.count).max() ?? 0
        guard columns > 0 else { return }
        let first = columns > 2 ? 800 : 0
        let second = columns > 2 ? 3800 : 0
        let rest = columns > 2 ? (textWidth - first - second) / (columns - 2) : textWidth / columns
        let widths = (0..<columns).map { index in columns > 2 ? (index == 0 ? first : index == 1 ? second : rest) : rest
        }
        let border = ["top", "left", "bottom", "right", "insideH", "insideV"].map {
            "<w:\($0) w:val=\"single\" w:sz=\"4\" w:space=\"0\" w:color=\"000000\"/>"
        }.joined()
        x.raw(
            "<w:tbl><w:tblPr><w:tblW w:w=\"\(textWidth)\" w:type=\"dxa\"/><w:tblLayout w:type=\"fixed\"/><w:tblBorders>\(border)</w:tblBorders></w:tblPr><w:tblGrid>"
        )
        for width in widths { x.raw("<w:gridCol w:w=\"\(width)\"/>") }
        x.raw("</w:tblGrid>")
        for (rowIndex, row) in rows.enumerated() {
            x.raw(rowIndex == 0 ? "<w:tr><w:trPr><w:tblHeader/></w:trPr>" : "<w:tr>")
            for column in 0..<columns {
                x.raw(
                    "<w:tc><w:tcPr><w:tcW w:w=\"\(widths[column])\" w:type=\"dxa\"/><w:vAlign w:val=\"center\"/></w:tcPr>"
                )
                let text = column < row.count ? row[column] : ""
                paragraph(
                    &x, text, align: rowIndex == 0 || column != 1 ? "center" : "left", size: 26, bold: rowIndex == 0,
                    before: 40, after: 40)
                x.raw("</w:tc>")
            }
            x.raw("</w:tr>")
        }
        x.raw("</w:tbl>")
        paragraph(&x, "", align: "left", size: 14)
    }

    /// A centred horizontal rule `length` long: an empty paragraph with a bottom border, indented.
    static func rule(_ x: inout XMLText, width: Int, length: Int) {
        let side = max(0, (width - length) / 2)
        x.raw("<w:p><w:pPr><w:pBdr><w:bottom w:val=\"single\" w:sz=\"6\" w:space=\"1\" w:color=\"000000\"/></w:pBdr>")
        x.raw(
            "<w:spacing w:before=\"0\" w:after=\"120\" w:line=\"120\" w:lineRule=\"exact\"/><w:ind w:left=\"\(side)\" w:right=\"\(side)\"/></w:pPr></w:p>"
        )
    }

    // MARK: package parts

    static let contentTypes = #"""
        <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
        <Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/><Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/><Override PartName="/word/settings.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.settings+xml"/><Override PartName="/word/header1.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.header+xml"/><Override PartName="/word/header2.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.header+xml"/><Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/></Types>
        """#

    static let rootRelationships = #"""
        <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
        <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/></Relationships>
        """#

    static let documentRelationships = #"""
        <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
        <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rIdStyles" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/><Relationship Id="rIdSettings" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/settings" Target="settings.xml"/><Relationship Id="rIdHeaderFirst" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/header" Target="header1.xml"/><Relationship Id="rIdHeaderDefault" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/header" Target="header2.xml"/></Relationships>
        """#

    static let styles = #"""
        <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
        <w:styles xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:ascii="Times New Roman" w:hAnsi="Times New Roman" w:eastAsia="Times New Roman" w:cs="Times New Roman"/><w:color w:val="000000"/><w:sz w:val="28"/><w:szCs w:val="28"/><w:lang w:val="vi-VN"/></w:rPr></w:rPrDefault><w:pPrDefault><w:pPr><w:spacing w:after="0" w:line="240" w:lineRule="auto"/></w:pPr></w:pPrDefault></w:docDefaults><w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/><w:qFormat/></w:style><w:style w:type="table" w:default="1" w:styleId="TableNormal"><w:name w:val="Normal Table"/><w:tblPr><w:tblInd w:w="0" w:type="dxa"/><w:tblCellMar><w:top w:w="0" w:type="dxa"/><w:left w:w="108" w:type="dxa"/><w:bottom w:w="0" w:type="dxa"/><w:right w:w="108" w:type="dxa"/></w:tblCellMar></w:tblPr></w:style></w:styles>
        """#

    static let settings = #"""
        <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
        <w:settings xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:defaultTabStop w:val="720"/><w:compat><w:compatSetting w:name="compatibilityMode" w:uri="http://schemas.microsoft.com/office/word" w:val="15"/></w:compat></w:settings>
        """#

    static func header(pageNumber: Bool) -> String {
        let field =
            pageNumber
            ? #"<w:r><w:rPr><w:sz w:val="26"/></w:rPr><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:rPr><w:sz w:val="26"/></w:rPr><w:instrText xml:space="preserve"> PAGE </w:instrText></w:r><w:r><w:rPr><w:sz w:val="26"/></w:rPr><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:rPr><w:sz w:val="26"/></w:rPr><w:t>2</w:t></w:r><w:r><w:rPr><w:sz w:val="26"/></w:rPr><w:fldChar w:fldCharType="end"/></w:r>"#
            : ""
        return #"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"#
            + #"<w:hdr xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:p><w:pPr><w:jc w:val="center"/></w:pPr>"#
            + field + "</w:p></w:hdr>"
    }

    static func coreProperties(title: String) -> String {
        var x = XMLText()
        x.raw(
            #"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:title>"#
        )
        x.escaped(title)
        x.raw("</dc:title><dc:language>vi-VN</dc:language><dc:creator>TreEm</dc:creator></cp:coreProperties>")
        return x.text
    }
}

/// Builds XML text with escaping; control characters that XML 1.0 forbids are dropped rather
/// than making a file Word or Excel refuses.
struct XMLText {
    var text = ""

    /// `s` escaped on its own.
    static func escape(_ s: String, keepingLineBreaks: Bool = false) -> String {
        var x = XMLText()
        x.escaped(s, keepingLineBreaks: keepingLineBreaks)
        return x.text
    }

    mutating func raw(_ s: String) { text += s }

    /// Escapes `s`; tabs and line breaks become spaces (a Word run) unless `keepingLineBreaks`
    /// (a spreadsheet cell keeps them).
    mutating func escaped(_ s: String, keepingLineBreaks: Bool = false) {
        for scalar in s.unicodeScalars {
            switch scalar {
            case "&": text += "&amp;"
            case "<": text += "&lt;"
            case ">": text += "&gt;"
            case "\"": text += "&quot;"
            case "\t", "\n", "\r":
                if keepingLineBreaks { text.unicodeScalars.append(scalar) } else { text += " " }
            default:
                if scalar.value < 0x20 || scalar.value == 0xFFFE || scalar.value == 0xFFFF { continue }
                text.unicodeScalars.append(scalar)
            }
        }
    }
}
