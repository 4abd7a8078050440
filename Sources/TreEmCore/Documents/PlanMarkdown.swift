/// Markdown export of a plan: the same parts in the same order, for e-mail and wikis.
public enum PlanMarkdown {
    public static func render(_ plan: PlanDocument) -> String {
        let doc = PlanComposition(plan)
        var out: [String] = []
        if let superior = doc.superiorName { out.append(superior + "  ") }
        out.append("**" + doc.issuerLines.joined(separator: "  \n") + "**  ")
        out.append(doc.numberLine)
        out.append("")
        out.append("**\(PlanComposition.nationalName)**  ")
        out.append("**\(PlanComposition.motto)**")
        out.append("")
        out.append("*\(doc.placeAndDate)*")
        out.append("")
        out.append("# \(doc.documentType)")
        out.append("")
        out.append("**\(doc.title)**")
        out.append("")
        var afterBullet = false
        for block in doc.body {
            if case .bullet = block {} else if afterBullet { out.append("") }
            afterBullet = false
            switch block {
            case .heading(let level, let label, let text):
                out.append("\(String(repeating: "#", count: level + 2)) \(label) \(text)")
            case .paragraph(let text):
                out.append(text)
            case .bullet(let text, let depth):
                out.append(String(repeating: "  ", count: depth) + "- " + text)
                afterBullet = true
                continue
            case .table(let rows):
                for (index, row) in rows.enumerated() {
                    out.append(
                        "| " + row.map { $0.replacingOccurrences(of: "|", with: "\\|") }.joined(separator: " | ") + " |"
                    )
                    if index == 0 { out.append("|" + String(repeating: " --- |", count: row.count)) }
                }
            }
            out.append("")
        }
        out.append("")
        out.append("***Nơi nhận:***")
        out.append("")
        out += doc.recipients
        out.append("")
        out.append("**" + doc.signatureLines.joined(separator: "  \n") + "**")
        out.append("")
        out.append("**\(doc.signerName)**")
        for appendix in doc.appendices {
            out.append("")
            out.append("---")
            out.append("")
            out.append("## \(appendix.title.uppercased())")
            out.append("")
            out += appendix.items.enumerated().map { "\($0.offset + 1). \($0.element)" }
        }
        return out.joined(separator: "\n") + "\n"
    }
}
