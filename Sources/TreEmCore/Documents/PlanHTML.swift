/// The print view of a plan: a standalone HTML page laid out as Nghị định 30/2020/NĐ-CP
/// (Phụ lục I) prescribes — A4, Times New Roman, the two-column header, the signature block
/// bottom right and "Nơi nhận" bottom left, appendices on a new page.
public enum PlanHTML {
    /// Kept in the page so a saved file prints the same; the server's CSP allows exactly this
    /// stylesheet by its SHA-256 hash.
    public static let stylesheet = """
        @page { size: A4; margin: 20mm 15mm 20mm 30mm; }
        body.official { font-family: "Times New Roman", Times, serif; font-size: 14pt; color: #000; background: #fff; margin: 0; }
        .sheet { max-width: 165mm; margin: 0 auto; padding: 10mm 0; }
        .head { display: grid; grid-template-columns: 40% 60%; text-align: center; font-size: 13pt; }
        .head p { margin: 0; }
        .issuer { font-weight: bold; }
        .rule { width: 35%; margin: 2pt auto 6pt; border-top: 1px solid #000; }
        .rule.long { width: 75%; }
        .nation { font-weight: bold; }
        .motto { font-weight: bold; font-size: 14pt; }
        .place-date { font-style: italic; font-size: 14pt; margin-top: 6pt; }
        .number { margin-top: 6pt; }
        .doctype { text-align: center; font-weight: bold; margin: 18pt 0 0; }
        .title { text-align: center; font-weight: bold; margin: 0; }
        .body p { text-align: justify; text-indent: 1.27cm; margin: 0 0 6pt; line-height: 1.3; }
        .body .h0, .body .h1 { font-weight: bold; }
        .body .h2 { font-weight: bold; font-style: italic; }
        .body .sub { padding-left: 1.27cm; text-indent: 0; }
        .foot { display: grid; grid-template-columns: 45% 55%; margin-top: 12pt; }
        .recipients p { margin: 0; font-size: 11pt; }
        .recipients .label { font-size: 12pt; font-weight: bold; font-style: italic; }
        .signature { text-align: center; font-weight: bold; }
        .signature p { margin: 0; }
        .signature .name { margin-top: 60pt; }
        .appendix { break-before: page; page-break-before: always; }
        .appendix h2 { text-align: center; font-size: 14pt; }
        .appendix .ref { text-align: center; font-style: italic; margin-top: -6pt; }
        @media screen { body.official { background: #e9e9e9; } .sheet { background: #fff; padding: 20mm 15mm 20mm 30mm; box-shadow: 0 0 4px #999; } }
        """

    public static func render(_ plan: PlanDocument) -> String {
        let doc = PlanComposition(plan)
        var h: [String] = []
        h.append("<!DOCTYPE html><html lang=\"vi\"><head><meta charset=\"utf-8\">")
        h.append("<title>\(escape(doc.documentType + " " + doc.title))</title>")
        h.append("<style>\(stylesheet)</style></head><body class=\"official\"><div class=\"sheet\">")
        h.append("<div class=\"head\"><div>")
        if let superior = doc.superiorName { h.append("<p>\(escape(superior))</p>") }
        h.append(doc.issuerLines.map { "<p class=\"issuer\">\(escape($0))</p>" }.joined())
        h.append("<div class=\"rule\"></div><p class=\"number\">\(escape(doc.numberLine))</p></div><div>")
        h.append(
            "<p class=\"nation\">\(PlanComposition.nationalName)</p><p class=\"motto\">\(PlanComposition.motto)</p>")
        h.append("<div class=\"rule long\"></div><p class=\"place-date\">\(escape(doc.placeAndDate))</p></div></div>")
        h.append(
            "<p class=\"doctype\">\(doc.documentType)</p><p class=\"title\">\(escape(doc.title))</p><div class=\"rule\"></div>"
        )
        h.append("<div class=\"body\">")
        for block in doc.body {
            switch block {
            case .heading(let level, let label, let text):
                h.append("<p class=\"h\(level)\">\(escape(label)) \(escape(text))</p>")
            case .paragraph(let text):
                h.append("<p>\(escape(text))</p>")
            case .bullet(let text, let depth):
                h.append("<p\(depth > 0 ? " class=\"sub\"" : "")>\(depth > 0 ? "+" : "-") \(escape(text))</p>")
            case .table(let rows):
                h.append("<table class=\"figures\">")
                for (index, row) in rows.enumerated() {
                    let cell = index == 0 ? "th" : "td"
                    h.append("<tr>" + row.map { "<\(cell)>\(escape($0))</\(cell)>" }.joined() + "</tr>")
                }
                h.append("</table>")
            }
        }
        h.append("</div><div class=\"foot\"><div class=\"recipients\"><p class=\"label\">Nơi nhận:</p>")
        h.append(doc.recipients.map { "<p>\(escape($0))</p>" }.joined())
        h.append("</div><div class=\"signature\">")
        h.append(doc.signatureLines.map { "<p>\(escape($0))</p>" }.joined())
        h.append("<p class=\"name\">\(escape(doc.signerName))</p></div></div>")
        for appendix in doc.appendices {
            h.append("<section class=\"appendix\"><h2>\(escape(appendix.title.uppercased()))</h2>")
            h.append("<p class=\"ref\">(Kèm theo Kế hoạch \(escape(doc.numberLine)))</p><div class=\"body\">")
            h.append(appendix.items.enumerated().map { "<p>\($0.offset + 1). \(escape($0.element))</p>" }.joined())
            h.append("</div></section>")
        }
        h.append("</div></body></html>")
        return h.joined(separator: "\n")
    }

    public static func escape(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for character in text {
            switch character {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default: out.append(character)
            }
        }
        return out
    }
}
