import Foundation

// "Nơi nhận", the signature block, and slogans in the body or an appendix.
extension PlanReader {
    static func isRecipientsHeading(_ text: String) -> Bool {
        guard let first = text.first, first == "N" || first == "n" else { return false }
        return VietnameseText.fold(String(text.prefix(10))).hasPrefix("noi nhan")
    }

    static func closing(_ lines: [Line]) -> ([String], ImportedPlan.SignatureBlock?, [Line]) {
        var raw: [String] = []
        var index = 0
        while index < lines.count {
            let text = lines[index].text
            if let first = text.first, "-–•".contains(first) {
                raw.append(withoutBullet(text))
                index += 1
            } else if let last = raw.last, !isSignatureLine(text), !(last.hasSuffix(";") || last.hasSuffix(".")),
                !last.hasPrefix("Lưu")
            {
                // A recipient wrapped onto the next line.
                raw[raw.count - 1] = clean(last + " " + text)
                index += 1
            } else {
                break
            }
        }
        let recipients = raw.map { item -> String in
            var text = item
            while let last = text.last, ";.,".contains(last) { text.removeLast() }
            return clean(text)
        }
        var signature = ImportedPlan.SignatureBlock(authority: nil, onBehalf: nil, position: nil, name: nil)
        var found = false
        while index < lines.count {
            let text = lines[index].text
            let folded = VietnameseText.fold(text)
            if found, signature.name != nil { break }
            if folded.hasPrefix("tm.") || folded.hasPrefix("tm ") {
                signature.authority = "TM. " + clean(String(text.dropFirst(3))).uppercased()
                found = true
            } else if let prefix = ["kt", "q", "tl", "tuq"].first(where: {
                folded.hasPrefix($0 + ".") || folded.hasPrefix($0 + " ")
            }),
                text.dropFirst(prefix.count).first.map({ $0 == "." || $0 == " " }) == true, isCapitalised(text)
            {
                let rest = clean(
                    String(text.dropFirst(prefix.count)).trimmingCharacters(in: CharacterSet(charactersIn: ". ")))
                signature.onBehalf = prefix.uppercased() + ". " + rest.uppercased()
                found = true
            } else if isPosition(folded), signature.position == nil {
                signature.position = text.uppercased()
                found = true
            } else if found, isPersonName(text) {
                signature.name = clean(text)
            } else if found {
                break
            } else {
                index += 1
                continue
            }
            index += 1
        }
        return (recipients, found ? signature : nil, Array(lines[min(index, lines.count)...]))
    }

    static func isSignatureLine(_ text: String) -> Bool {
        let folded = VietnameseText.fold(text)
        return folded.hasPrefix("tm.") || folded.hasPrefix("kt") || isPosition(folded)
    }

    static func isPosition(_ folded: String) -> Bool {
        ["chu tich", "pho chu tich", "truong phong", "pho truong phong", "giam doc", "pho giam doc", "chanh van phong"]
            .contains(folded)
    }

    static func isCapitalised(_ text: String) -> Bool {
        let letters = text.filter(\.isLetter)
        return !letters.isEmpty && letters == letters.uppercased()
    }

    /// "Nguyễn Phong Doanh": two to six capitalised words, no digits.
    static func isPersonName(_ text: String) -> Bool {
        let words = text.split(separator: " ")
        return (2...6).contains(words.count)
            && words.allSatisfy { $0.first?.isUppercase == true && !$0.contains(where: \.isNumber) }
            && text != text.uppercased()
    }

    static func slogansInBody(_ body: [Line]) -> [String] {
        var result: [String] = []
        var inSection = false
        for line in body {
            if let (_, heading) = numberedItem(line.text), heading.count < 80 {
                let folded = VietnameseText.fold(heading)
                inSection = folded.includes("khau hieu") && !folded.includes("chu de")
                continue
            }
            if romanHeading(line.text) != nil { inSection = false; continue }
            if inSection, let first = line.text.first, "-–•+".contains(first) {
                result.append(withoutBullet(line.text))
            }
        }
        return result
    }

    static func slogansInAppendix(_ lines: [Line]) -> [String] {
        guard
            let start = lines.firstIndex(where: {
                VietnameseText.fold($0.text).includes("khau hieu") && $0.text == $0.text.uppercased()
            })
        else { return [] }
        return lines[(start + 1)...].compactMap { line in
            if let (_, text) = numberedItem(line.text) { return clean(text) }
            if let first = line.text.first, "-–•+".contains(first) { return withoutBullet(line.text) }
            return nil
        }
    }
}
