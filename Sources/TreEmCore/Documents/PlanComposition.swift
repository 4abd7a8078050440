/// The plan laid out as an official document's parts, in order, ready for any output format.
/// The body order follows the seed plans: I. Mục đích, yêu cầu — II. Nội dung — Kinh phí —
/// Tổ chức thực hiện — Chế độ báo cáo; parts a plan does not have are left out and the rest
/// renumbered.
public struct PlanComposition: Sendable {
    public enum Block: Hashable, Sendable {
        /// level 0: "I. MỤC ĐÍCH, YÊU CẦU"; level 1: "1. Mục đích"; level 2: "a) …".
        case heading(level: Int, label: String, text: String)
        case paragraph(String)
        /// depth 0: "- …"; depth 1: "+ …".
        case bullet(String, depth: Int)
        /// A bordered table (a report's figures); the first row is the heading.
        case table([[String]])
    }

    public var superiorName: String?
    public var issuerLines: [String]
    public var numberLine: String
    public var placeAndDate: String
    public var documentType: String
    public var title: String
    public var body: [Block]
    public var recipients: [String]
    public var signatureLines: [String]
    public var signerName: String
    public var appendices: [PlanAppendix]

    public static let nationalName = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
    public static let motto = "Độc lập - Tự do - Hạnh phúc"

    public init(
        superiorName: String?, issuerLines: [String], numberLine: String, placeAndDate: String, documentType: String,
        title: String, body: [Block], recipients: [String], signatureLines: [String], signerName: String
    ) {
        self.superiorName = superiorName
        self.issuerLines = issuerLines
        self.numberLine = numberLine
        self.placeAndDate = placeAndDate
        self.documentType = documentType
        self.title = title
        self.body = body
        self.recipients = recipients
        self.signatureLines = signatureLines
        self.signerName = signerName
        appendices = []
    }

    public init(_ plan: PlanDocument) {
        superiorName = plan.superiorName.map { $0.uppercased() }
        issuerLines = plan.issuerName.split(whereSeparator: \.isNewline).map {
            VietnameseText.clean(String($0)).uppercased()
        }
        numberLine = "Số: " + Self.displayNumber(plan.number)
        placeAndDate = "\(plan.place), \(plan.issueDate.vietnamese)"
        documentType = "KẾ HOẠCH"
        title = plan.title
        body = Self.body(plan)
        recipients = Self.recipients(plan.recipients)
        signatureLines = plan.signature?.titleLines ?? []
        signerName = plan.signature?.name ?? ""
        appendices = plan.appendices
    }

    /// Nghị định 30/2020: numbers below 10 take a leading zero ("05/KH-UBND"); a draft keeps the blank.
    public static func displayNumber(_ number: String?) -> String {
        guard let number = number.map(VietnameseText.clean), !number.isEmpty else {
            return "\u{00A0}\u{00A0}\u{00A0}\u{00A0}\u{00A0}\u{00A0}/KH-UBND"
        }
        if let match = number.firstMatch(of: /^(\d+)(\/.*)$/), let value = Int(match.1), value < 10, match.1.count == 1
        {
            return "0\(value)\(match.2)"
        }
        return number
    }

    /// One per line starting "- ", each but the last ending ";", the last "Lưu: VT, …" (Nghị định 30, Phụ lục I).
    static func recipients(_ items: [String]) -> [String] {
        var lines = items.map { item -> String in
            var text = VietnameseText.clean(item)
            while text.hasPrefix("-") || text.hasPrefix("–") { text = VietnameseText.clean(String(text.dropFirst())) }
            while let last = text.last, last == ";" || last == "." || last == "," { text.removeLast() }
            return text
        }.filter { !$0.isEmpty }
        if !lines.contains(where: { $0.hasPrefix("Lưu") }) { lines.append("Lưu: VT") }
        return lines.enumerated().map { index, text in
            "- " + text + (index == lines.count - 1 ? "." : ";")
        }
    }

    static func body(_ plan: PlanDocument) -> [Block] {
        var blocks: [Block] = []
        blocks.append(.paragraph(opening(plan)))
        var part = 0
        func partHeading(_ text: String) {
            part += 1
            blocks.append(.heading(level: 0, label: PlanOutline.roman(part) + ".", text: text))
        }

        // I. MỤC ĐÍCH, YÊU CẦU
        let aims: [(String, [String])] = [
            ("Mục đích", plan.purposes), ("Yêu cầu", plan.requirements), ("Mục tiêu", plan.targets.map(\.text)),
        ].filter { !$0.1.isEmpty }
        if !aims.isEmpty {
            partHeading(plan.targets.isEmpty ? "MỤC ĐÍCH, YÊU CẦU" : "MỤC ĐÍCH, YÊU CẦU, MỤC TIÊU")
            for (index, aim) in aims.enumerated() {
                blocks.append(.heading(level: 1, label: "\(index + 1).", text: aim.0))
                blocks += aim.1.map { .bullet($0, depth: 0) }
            }
        }

        // II. NỘI DUNG
        var general: [String] = []
        if let period = plan.period {
            general.append(
                "Thời gian: Từ ngày \(period.start.vietnameseShort) đến hết ngày \(period.end.vietnameseShort).")
        }
        if let scope = plan.scope, !scope.isEmpty { general.append("Phạm vi triển khai: \(scope)") }
        if let theme = plan.theme, !theme.isEmpty { general.append("Chủ đề: “\(theme)”.") }
        if !general.isEmpty || !plan.sections.isEmpty {
            partHeading("NỘI DUNG")
            var number = 0
            if !general.isEmpty {
                number += 1
                blocks.append(.heading(level: 1, label: "\(number).", text: "Thời gian, phạm vi, chủ đề"))
                blocks += general.map { .bullet($0, depth: 0) }
            }
            for node in plan.sections {
                if node.kind == .heading { number += 1 }
                blocks += content(node, level: 1, index: number)
            }
        }

        if !plan.funding.isEmpty {
            partHeading("KINH PHÍ THỰC HIỆN")
            for item in plan.funding {
                var text = item.text
                if let amount = item.amount { text += " (\(formatMoney(amount)) đồng)" }
                blocks.append(.bullet(text, depth: 0))
            }
        }

        if !plan.assignments.isEmpty {
            partHeading("TỔ CHỨC THỰC HIỆN")
            for (index, assignment) in plan.assignments.enumerated() {
                var name = assignment.agencyName
                if assignment.mode == .request, !VietnameseText.fold(name).hasPrefix("de nghi") {
                    name = "Đề nghị " + name
                }
                if assignment.role == .coordinate { name += " (phối hợp)" }
                blocks.append(.heading(level: 1, label: "\(index + 1).", text: name))
                blocks += assignment.tasks.map { .bullet($0.text, depth: 0) }
            }
        }

        if let reporting = plan.reporting {
            partHeading("CHẾ ĐỘ BÁO CÁO")
            if let text = reporting.text, !text.isEmpty {
                blocks.append(.paragraph(text))
            } else {
                blocks.append(.paragraph(reportingSentence(reporting)))
            }
        }

        blocks.append(
            .paragraph(
                plan.closing
                    ?? "Trên đây là Kế hoạch \(lowercasedFirst(plan.title)). Đề nghị các cơ quan, đơn vị liên quan triển khai thực hiện./."
            ))
        return blocks
    }

    /// "Các cơ quan, đơn vị báo cáo kết quả thực hiện về Ủy ban nhân dân xã (qua Phòng Văn hóa -
    /// Xã hội) trước ngày 30/6/2026 để tổng hợp báo cáo UBND thành phố Hải Phòng (qua Sở Y tế)
    /// theo quy định." — the shape of seeds 000 and 003 ("… về UBND tỉnh (qua Sở Lao động -
    /// Thương binh và Xã hội) trước ngày 20/7/2024 để tổng hợp báo cáo Bộ …").
    public static func reportingSentence(_ reporting: ReportingRequirement) -> String {
        var text = "Các cơ quan, đơn vị báo cáo kết quả thực hiện về \(trimmedEnd(reporting.reportTo))"
        if let via = reporting.via.map(trimmedEnd), !via.isEmpty { text += " (qua \(via))" }
        text += " trước ngày \(reporting.deadline.vietnameseShort)"
        if let onward = reporting.forwardTo.map(trimmedEnd), !onward.isEmpty {
            text += " để tổng hợp báo cáo \(onward) theo quy định"
        }
        return text + "."
    }

    /// Text without the punctuation and spaces that close it, so that joining adds its own once.
    static func trimmedEnd(_ text: String) -> String {
        var clean = VietnameseText.clean(text)
        while let last = clean.last, last == ";" || last == "." || last == "," || last == ":" || last.isWhitespace {
            clean.removeLast()
        }
        return clean
    }

    static func content(_ node: ContentNode, level: Int, index: Int) -> [Block] {
        switch node.kind {
        case .heading:
            let label = level == 1 ? "\(index)." : "\(PlanOutline.letter(index)))"
            var blocks: [Block] =
                node.text.isEmpty ? [] : [.heading(level: min(level, 2), label: label, text: node.text)]
            var childIndex = 0
            for child in node.children {
                if child.kind == .heading { childIndex += 1 }
                blocks += content(child, level: level + 1, index: childIndex)
            }
            return blocks
        case .paragraph:
            return [.paragraph(node.text)]
        case .bullet:
            return [.bullet(node.text, depth: 0)] + node.children.map { .bullet($0.text, depth: 1) }
        }
    }

    static func opening(_ plan: PlanDocument) -> String {
        let issuer = plan.issuerName.split(whereSeparator: \.isNewline).map(String.init).joined(separator: " ")
        let preamble = plan.preamble ?? "\(titleCase(issuer)) xây dựng Kế hoạch \(lowercasedFirst(plan.title)) như sau:"
        // A basis typed or imported with its own ";" or "." must not end up with two (the seeds
        // write "Căn cứ A; Căn cứ B; Ủy ban nhân dân … xây dựng Kế hoạch …"), and a blank one is
        // no basis.
        var cited = plan.bases.map { trimmedEnd($0.text) }.filter { !$0.isEmpty }
        guard !cited.isEmpty else { return preamble }
        for index in cited.indices where !hasOwnVerb(cited[index]) {
            // The first basis always needs a verb. A plan cited after a "Căn cứ …" basis needs
            // its own too: it is carried out, not relied on ("Căn cứ Luật Trẻ em năm 2016;
            // Thực hiện Kế hoạch số 157/KH-UBND …"; seeds 000 and 002 write "Thực hiện Kế hoạch").
            let plan = VietnameseText.fold(cited[index]).hasPrefix("ke hoach")
            let previous = index > 0 ? VietnameseText.fold(cited[index - 1]) : ""
            if index == 0 || (plan && !previous.hasPrefix("thuc hien")) { cited[index] = "Thực hiện " + cited[index] }
        }
        return "\(cited.joined(separator: "; ")); \(preamble)"
    }

    /// "Căn cứ …", "Thực hiện …", "Triển khai …": the basis says itself how the plan relates to it.
    static func hasOwnVerb(_ basis: String) -> Bool {
        let folded = VietnameseText.fold(basis)
        return ["can cu ", "thuc hien ", "trien khai "].contains { folded.hasPrefix($0) }
    }

    /// "ỦY BAN NHÂN DÂN XÃ KIM THÀNH" → "Ủy ban nhân dân xã Kim Thành".
    public static func titleCase(_ upper: String) -> String {
        let words = VietnameseText.clean(upper).split(separator: " ").map(String.init)
        let common: Set<String> = [
            "ủy", "ban", "nhân", "dân", "xã", "phường", "thị", "trấn", "huyện", "quận", "tỉnh", "thành", "phố", "đặc",
            "khu", "sở", "phòng",
        ]
        var result: [String] = []
        var inName = false
        for (index, word) in words.enumerated() {
            let lower = word.lowercased()
            if index == 0 {
                result.append(lower.prefix(1).uppercased() + lower.dropFirst())
            } else if !inName && common.contains(lower) {
                result.append(lower)
                if ["xã", "phường", "huyện", "quận", "tỉnh", "phố", "trấn", "khu"].contains(lower) { inName = true }
            } else {
                inName = true
                result.append(lower.prefix(1).uppercased() + lower.dropFirst())
            }
        }
        return result.joined(separator: " ")
    }

    /// "Kết quả …" → "kết quả …", for a title inside a sentence.
    public static func lowercasedFirst(_ text: String) -> String {
        guard let first = text.first else { return text }
        return first.lowercased() + text.dropFirst()
    }

    /// 300000 → "300.000", the Vietnamese grouping.
    public static func formatMoney(_ amount: Int) -> String {
        VietnameseNumber.format(Double(amount))
    }
}
