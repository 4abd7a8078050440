/// The text forms of a plan's lists used by the web form, in the shape officers already write
/// them: "Tổ chức thực hiện" as numbered agencies with their tasks as bullets, funding as one
/// line per source.
public enum PlanText {
    /// "1. Phòng Văn hóa - Xã hội xã" / "- task" … ; "Đề nghị …" requests; "(phối hợp)" coordinates.
    public static func writeAssignments(_ assignments: [PlanAssignment]) -> String {
        var lines: [String] = []
        for (index, assignment) in assignments.enumerated() {
            var name = assignment.agencyName
            if assignment.mode == .request, !VietnameseText.fold(name).hasPrefix("de nghi") { name = "Đề nghị " + name }
            if assignment.role == .coordinate { name += " (phối hợp)" }
            lines.append("\(index + 1). \(name)")
            lines += assignment.tasks.map { "- " + $0.text }
        }
        return lines.joined(separator: "\n")
    }

    /// Reads the text back. Agencies are matched to the unit's own by name (diacritics folded);
    /// tasks keep their ids, and links to parent tasks, when their text is unchanged or they
    /// keep their place. A task's review note stays only while its text is unchanged: once the
    /// officer rewrites the task, the note about the parent's wording no longer applies.
    public static func readAssignments(
        _ text: String, agencies: [AgencyReference], previous: [PlanAssignment]
    ) -> [PlanAssignment] {
        var result: [PlanAssignment] = []
        for rawLine in text.split(whereSeparator: \.isNewline) {
            let line = VietnameseText.clean(String(rawLine))
            guard !line.isEmpty else { continue }
            if let match = line.firstMatch(of: /^\d+[.)]\s+(.+)$/) {
                var name = String(match.1)
                var role = AgencyRole.lead
                if VietnameseText.fold(name).hasSuffix("(phoi hop)") {
                    role = .coordinate
                    name = VietnameseText.clean(String(name.dropLast("(phối hợp)".count)))
                }
                var mode = AssignmentMode.assign
                if VietnameseText.fold(name).hasPrefix("de nghi ") {
                    mode = .request
                    name = VietnameseText.clean(String(name.dropFirst("Đề nghị ".count)))
                }
                let known = agencies.first { VietnameseText.fold($0.name) == VietnameseText.fold(name) }
                let earlier = previous.first { VietnameseText.fold($0.agencyName) == VietnameseText.fold(name) }
                result.append(
                    PlanAssignment(
                        agencyID: known?.id ?? earlier?.agencyID, agencyName: name,
                        agencyKind: known?.kind ?? earlier?.agencyKind, role: role, mode: mode, tasks: []))
            } else {
                let task = line.hasPrefix("- ") || line.hasPrefix("+ ") ? String(line.dropFirst(2)) : line
                if result.isEmpty { result.append(PlanAssignment(agencyName: "", tasks: [])) }
                result[result.count - 1].tasks.append(PlanTask(text: task))
            }
        }
        // Keep task identities: same agency and text first, then same place.
        for index in result.indices {
            guard
                let earlier = previous.first(where: {
                    VietnameseText.fold($0.agencyName) == VietnameseText.fold(result[index].agencyName)
                })
            else { continue }
            var unused = earlier.tasks
            var unmatched: [Int] = []
            for t in result[index].tasks.indices {
                if let hit = unused.firstIndex(where: { $0.text == result[index].tasks[t].text }) {
                    result[index].tasks[t].id = unused[hit].id
                    result[index].tasks[t].derivedFromTaskID = unused[hit].derivedFromTaskID
                    result[index].tasks[t].dueDate = unused[hit].dueDate
                    result[index].tasks[t].reviewNote = unused[hit].reviewNote
                    unused.remove(at: hit)
                } else {
                    unmatched.append(t)
                }
            }
            for (t, old) in zip(unmatched, unused) {
                result[index].tasks[t].id = old.id
                result[index].tasks[t].derivedFromTaskID = old.derivedFromTaskID
            }
        }
        return result
    }

    /// One funding item per line; a trailing amount "… 31.500.000 đồng" is read as the amount.
    public static func readFunding(_ text: String, source: FundingSource) -> [PlanFunding] {
        lines(text).map { line in
            if let match = line.firstMatch(of: /^(.*?)[\s:(]*([\d.]+)\s*(?:đồng|đ)\)?\.?$/),
                let amount = Int(match.2.replacingOccurrences(of: ".", with: ""))
            {
                return PlanFunding(source: source, text: VietnameseText.clean(String(match.1)), amount: amount)
            }
            return PlanFunding(source: source, text: line)
        }
    }

    public static func writeFunding(_ funding: [PlanFunding], source: FundingSource) -> String {
        funding.filter { $0.source == source }.map { item in
            item.amount.map { "\(item.text): \(PlanComposition.formatMoney($0)) đồng" } ?? item.text
        }.joined(separator: "\n")
    }

    /// Non-empty cleaned lines, leading "- " dropped.
    public static func lines(_ text: String) -> [String] {
        text.split(whereSeparator: \.isNewline).map { line in
            var clean = VietnameseText.clean(String(line))
            if clean.hasPrefix("- ") || clean.hasPrefix("+ ") { clean = String(clean.dropFirst(2)) }
            return clean
        }.filter { !$0.isEmpty }
    }
}
