import Foundation

/// What the database adds up for one cell over a set of units' reports.
public struct CellSum: Sendable, Equatable {
    public var sum: Double
    /// How many reports gave a figure for the cell.
    public var count: Int

    public init(sum: Double, count: Int) {
        self.sum = sum
        self.count = count
    }
}

/// Turns the database's sums into each indicator's figure: a sum stays a sum, an average divides
/// by the reports that gave a figure, a text is never added up, and a ratio is the sum of its
/// numerators over the sum of its denominators.
public enum Aggregation {
    public static func figures(_ sums: [ValueKey: CellSum], form: ReportForm) -> [ValueKey: Double] {
        var figures: [ValueKey: Double] = [:]
        for indicator in form.indicators where indicator.isEntered {
            for part in indicator.parts {
                guard let cell = sums[ValueKey(indicator.code, part)], cell.count > 0 else { continue }
                switch indicator.aggregation {
                case .sum: figures[ValueKey(indicator.code, part)] = cell.sum
                case .average: figures[ValueKey(indicator.code, part)] = cell.sum / Double(cell.count)
                case .none: break
                }
            }
        }
        for indicator in form.indicators {
            guard let ratio = indicator.ratio, let numerator = figures[ValueKey(ratio.numerator)],
                let denominator = figures[ValueKey(ratio.denominator)], denominator > 0
            else { continue }
            figures[ValueKey(indicator.code)] = numerator * (ratio.multiplier ?? 100) / denominator
        }
        return figures
    }

    /// The figures of one unit's own report, with its ratios computed.
    public static func figures(of values: [ValueKey: ReportValue], form: ReportForm) -> [ValueKey: Double] {
        var sums: [ValueKey: CellSum] = [:]
        for (key, value) in values {
            if let number = value.number { sums[key] = CellSum(sum: number, count: 1) }
        }
        return figures(sums, form: form)
    }
}
