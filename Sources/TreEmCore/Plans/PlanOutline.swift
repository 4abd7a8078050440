/// The plain-text outline officers type into the plan form (and that Word flattens to):
/// "1. Heading" / "a) Heading" start a section, "- " a bullet, "+ " a bullet under the last
/// bullet, any other line a paragraph. Reading and writing round-trip.
public enum PlanOutline {
    public static func read(_ text: String) -> [ContentNode] {
        var roots: [ContentNode] = []
        // Path of open headings: numbered headings at level 0, lettered at level 1.
        var open: [(level: Int, node: ContentNode)] = []

        func append(_ node: ContentNode) {
            if open.isEmpty { roots.append(node) } else { open[open.count - 1].node.children.append(node) }
        }
        func appendSubBullet(_ node: ContentNode) {
            if open.isEmpty {
                if let last = roots.indices.last, roots[last].kind == .bullet {
                    roots[last].children.append(node)
                } else {
                    roots.append(node)
                }
            } else {
                let i = open.count - 1
                if let last = open[i].node.children.indices.last, open[i].node.children[last].kind == .bullet {
                    open[i].node.children[last].children.append(node)
                } else {
                    open[i].node.children.append(node)
                }
            }
        }
        func close(toLevel level: Int) {
            while let last = open.last, last.level >= level {
                open.removeLast()
                append(last.node)
            }
        }

        for rawLine in text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline) {
            let line = VietnameseText.clean(String(rawLine))
            guard !line.isEmpty else { continue }
            if let heading = numberedHeading(line) {
                close(toLevel: 0)
                open.append((0, .heading(heading, [])))
            } else if let heading = letteredHeading(line) {
                close(toLevel: 1)
                if open.isEmpty { open.append((0, .heading("", []))) }
                open.append((1, .heading(heading, [])))
            } else if line.hasPrefix("+ ") || line.hasPrefix("* ") {
                appendSubBullet(.bullet(String(line.dropFirst(2))))
            } else if line.hasPrefix("- ") || line.hasPrefix("– ") || line.hasPrefix("• ") {
                append(.bullet(String(line.dropFirst(2))))
            } else {
                append(.paragraph(line))
            }
        }
        close(toLevel: 0)
        return roots
    }

    /// "12. Text" → "Text" (a plain scan: this runs for every line of an imported document).
    static func numberedHeading(_ line: String) -> String? {
        let digits = line.prefix { $0.isASCII && $0.isNumber }
        guard (1...2).contains(digits.count) else { return nil }
        let rest = line.dropFirst(digits.count)
        guard rest.hasPrefix(". ") else { return nil }
        let text = rest.dropFirst(2).drop { $0 == " " }
        return text.isEmpty ? nil : String(text)
    }

    /// "a) Text" / "đ) Text" → "Text".
    static func letteredHeading(_ line: String) -> String? {
        guard let first = line.first, first == "đ" || (first.isASCII && first.isLowercase),
            line.dropFirst().hasPrefix(") ")
        else { return nil }
        let text = line.dropFirst(3).drop { $0 == " " }
        return text.isEmpty ? nil : String(text)
    }

    /// Writes nodes back as outline text; headings are numbered by position.
    public static func write(_ nodes: [ContentNode]) -> String {
        var lines: [String] = []
        func visit(_ node: ContentNode, depth: Int, index: Int) {
            switch node.kind {
            case .heading:
                lines.append(depth == 0 ? "\(index). \(node.text)" : "\(letter(index))) \(node.text)")
                var headingIndex = 0
                for child in node.children {
                    if child.kind == .heading { headingIndex += 1 }
                    visit(child, depth: depth + 1, index: headingIndex)
                }
            case .paragraph:
                lines.append(node.text)
            case .bullet:
                lines.append("- " + node.text)
                for child in node.children { lines.append("+ " + child.text) }
            }
        }
        var headingIndex = 0
        for node in nodes {
            if node.kind == .heading { headingIndex += 1 }
            visit(node, depth: 0, index: headingIndex)
        }
        return lines.joined(separator: "\n")
    }

    static let letters = [
        "a", "b", "c", "d", "đ", "e", "g", "h", "i", "k", "l", "m", "n", "o", "p", "q", "r", "s", "t", "u", "v", "x",
        "y",
    ]

    /// a, b, c, d, đ, e, g, h, i, k … — the Vietnamese letter sequence used in legal numbering;
    /// past "y" (and below "a") the number itself, so any Int gives a short label.
    public static func letter(_ index: Int) -> String {
        index >= 1 && index <= letters.count ? letters[index - 1] : "\(index)"
    }

    static let romanTable: [(Int, String)] = [
        (1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"),
        (50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I"),
    ]

    /// Upper-case Roman numerals for the top parts: I, II, III, IV … up to MMMCMXCIX (3999);
    /// other numbers (0, negative, larger — a numbering in a file may say anything) in decimal,
    /// so the answer is never longer than 15 characters.
    public static func roman(_ number: Int) -> String {
        guard (1...3999).contains(number) else { return String(number) }
        var rest = number
        var result = ""
        for (value, symbol) in romanTable {
            while rest >= value { result += symbol; rest -= value }
        }
        return result
    }
}
