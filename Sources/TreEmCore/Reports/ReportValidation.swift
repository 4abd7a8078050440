import Foundation

/// The checks a report's figures pass before it can be submitted. Errors block submission;
/// warnings need a comment from the officer confirming the figure.
public enum ReportValidation {
    /// A figure this many times larger or smaller than last year's is worth a second look.
    public static let unusualFactor = 3.0
    /// Below this neither figure is unusual: 2 drownings after none is news, not a typing slip.
    public static let unusualFloor = 10.0

    public static func problems(
        _ values: [ValueKey: ReportValue], form: ReportForm,
        lastYear: [ValueKey: Double] = [:]
    ) -> [ReportProblem] {
        var problems: [ReportProblem] = []
        func number(_ key: ValueKey) -> Double? { values[key]?.number }
        problems += outOfRange(values, form: form)
        for indicator in form.indicators where indicator.isEntered && indicator.type.isNumeric {
            let total = number(ValueKey(indicator.code))
            // A subset cannot exceed its whole; a part that is only usually within it needs a word.
            if let wholeCode = indicator.partOf, let whole = form.indicator(wholeCode),
                let rule = indicator.rule(within: whole), let part = total,
                let wholeValue = number(ValueKey(wholeCode)), part > wholeValue
            {
                let figures = (
                    vi:
                        "\(indicator.name) (\(VietnameseNumber.format(part))) lớn hơn \(whole.name) (\(VietnameseNumber.format(wholeValue)))",
                    en:
                        "\(indicator.nameEnglish ?? indicator.name) (\(part)) is more than \(whole.nameEnglish ?? whole.name) (\(wholeValue))"
                )
                problems.append(
                    rule == .subset
                        ? ReportProblem(
                            .error, ValueKey(indicator.code), Bilingual(vi: figures.vi + ".", en: figures.en + "."))
                        : ReportProblem(
                            .warning, ValueKey(indicator.code),
                            Bilingual(
                                vi: figures.vi + ". Có thể đúng; xin ghi rõ lý do nếu số liệu đúng.",
                                en: figures.en + ". This can be right; please explain if it is.")))
            }
            // The parts of a breakdown add up to the total once all of them are given.
            for breakdown in indicator.breakdowns {
                let parts = breakdown.parts.map { number(ValueKey(indicator.code, $0)) }
                let given = parts.compactMap { $0 }
                guard !given.isEmpty else { continue }
                let sum = given.reduce(0, +)
                if let total, (given.count == parts.count && sum != total) || sum > total {
                    problems.append(
                        ReportProblem(
                            .error, ValueKey(indicator.code, breakdown.parts[0]),
                            Bilingual(
                                vi:
                                    "\(indicator.name): cộng theo \(breakdown.label.vi) được \(VietnameseNumber.format(sum)), khác tổng số \(VietnameseNumber.format(total)).",
                                en:
                                    "\(indicator.nameEnglish ?? indicator.name): the \(breakdown.label.en) parts add up to \(sum), not the total \(total)."
                            )))
                } else if total == nil {
                    problems.append(
                        ReportProblem(
                            .error, ValueKey(indicator.code),
                            Bilingual(
                                vi: "\(indicator.name): đã nhập theo \(breakdown.label.vi) nhưng chưa nhập tổng số.",
                                en:
                                    "\(indicator.nameEnglish ?? indicator.name): the \(breakdown.label.en) parts are given but not the total."
                            )))
                }
            }
            // Far from the same unit's figure of last year: a warning, not an error.
            if let value = total, let previous = lastYear[ValueKey(indicator.code)], indicator.type != .yesNo,
                max(value, previous) >= unusualFloor,
                value > previous * unusualFactor || value * unusualFactor < previous
            {
                problems.append(
                    ReportProblem(
                        .warning, ValueKey(indicator.code),
                        Bilingual(
                            vi:
                                "\(indicator.name): \(VietnameseNumber.format(value)) khác xa năm trước (\(VietnameseNumber.format(previous))). Xin ghi rõ lý do nếu số liệu đúng.",
                            en:
                                "\(indicator.nameEnglish ?? indicator.name): \(value) is far from last year's \(previous). Please explain if it is right."
                        )))
            }
        }
        return problems
    }

    /// What no figure of its indicator can be, whatever the others say: refused even in a draft.
    public static func outOfRange(_ values: [ValueKey: ReportValue], form: ReportForm) -> [ReportProblem] {
        var problems: [ReportProblem] = []
        for (key, value) in values.sorted(by: { $0.key < $1.key }) {
            guard let value = value.number, let indicator = form.indicator(key.indicator) else { continue }
            let cell = { (l: Language) in ReportInput.cellName(indicator, key.part, l) }
            if value < 0 {
                problems.append(
                    ReportProblem(
                        .error, key,
                        Bilingual(
                            vi: "\(cell(.vi)): không được là số âm (\(VietnameseNumber.format(value))).",
                            en: "\(cell(.en)): cannot be negative (\(value)).")))
            }
            if indicator.type == .percent, value > 100 {
                problems.append(
                    ReportProblem(
                        .error, key,
                        Bilingual(
                            vi: "\(cell(.vi)): tỷ lệ không quá 100%.",
                            en: "\(cell(.en)): a percentage cannot exceed 100.")))
            }
            if indicator.type == .yesNo, value != 0, value != 1 {
                problems.append(
                    ReportProblem(
                        .error, key,
                        Bilingual(
                            vi: "\(cell(.vi)): chỉ nhận có hoặc không.",
                            en: "\(cell(.en)): only yes or no.")))
            }
        }
        return problems
    }
}
