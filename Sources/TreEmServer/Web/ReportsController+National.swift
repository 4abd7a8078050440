import Fluent
import TreEmCore
import Vapor

/// The ministry's page: a year's Action Month across every province, each opening its round.
extension ReportsController {
    struct NationalRow: Encodable {
        var name: String
        var code: String
        /// The province's round page, when it opened one.
        var roundLink: String?
        var expected: String
        var submitted: String
        var approved: String
        var missing: String
        var overdue: Int
        var ownStatus: String?
        var ownStatusLabel: String?
        var figure: String
    }

    struct NationalView: Encodable {
        var year: Int
        var years: [SelectOption]
        var formName: String
        var asOf: String
        var provinceCount: Int
        var openedCount: Int
        var completeness: CompletenessView
        var submittedPercent: String
        var indicators: [SelectOption]
        var indicatorName: String
        var rows: [NationalRow]
        var chart: String
        var totals: [TotalRow]
    }

    struct TotalRow: Encodable {
        var name: String
        var unit: String
        var value: String
        var isSection: Bool
    }

    @Sendable func national(req: Request) async throws -> Response {
        let user = try req.currentUser
        let year: Int? = req.query["year"]
        guard
            let result = try await NationalOverview.overview(
                year: year, formCode: req.query["form"], for: user, now: req.now, on: req.db)
        else { throw Abort(.notFound) }
        let language = req.language
        let form = result.definition
        let numeric = form.indicators.filter { $0.type.isNumeric }
        let chosen = numeric.first { $0.code == (req.query["indicator"] as String?) } ?? numeric.first
        func number(_ value: Int) -> String { VietnameseNumber.format(Double(value)) }
        let rows = result.provinces.map { row in
            NationalRow(
                name: row.unit.name, code: row.unit.code,
                roundLink: row.round.flatMap { $0.id.map { "/reports/rounds/\($0.uuidString)" } },
                expected: number(row.completeness.expected), submitted: number(row.completeness.submitted),
                approved: number(row.completeness.approved), missing: number(row.completeness.missing),
                overdue: row.completeness.overdue, ownStatus: row.ownStatus?.rawValue,
                ownStatusLabel: row.ownStatus?.label.text(language),
                figure: chosen.flatMap { indicator in
                    row.figures[ValueKey(indicator.code)].map { VietnameseNumber.display($0, type: indicator.type) }
                } ?? "—")
        }
        let chart =
            chosen.map { indicator in
                BarChart(
                    title: indicator.name,
                    bars: result.provinces.filter { $0.round != nil }.map {
                        .init(label: $0.unit.name, value: $0.figures[ValueKey(indicator.code)])
                    },
                    target: indicator.target, valueType: indicator.type
                ).html()
            } ?? ""
        var totals: [TotalRow] = []
        for section in form.sections {
            totals.append(TotalRow(name: section.title, unit: "", value: "", isSection: true))
            for indicator in section.indicators where indicator.type.isNumeric {
                totals.append(
                    TotalRow(
                        name: language == .vi ? indicator.name : (indicator.nameEnglish ?? indicator.name),
                        unit: indicator.unit,
                        value: result.totals[ValueKey(indicator.code)].map {
                            VietnameseNumber.display($0, type: indicator.type)
                        } ?? "—", isSection: false))
            }
        }
        return try await req.page(
            "national", title: language == .vi ? "Toàn quốc năm \(result.year)" : "Whole country \(result.year)",
            NationalView(
                year: result.year,
                years: result.years.map { SelectOption(value: "\($0)", label: "\($0)", selected: $0 == result.year) },
                formName: result.form.name, asOf: result.asOf.vietnameseShort,
                provinceCount: result.provinces.count,
                openedCount: result.provinces.filter { $0.round != nil }.count,
                completeness: CompletenessView(result.completeness),
                submittedPercent: VietnameseNumber.format(result.completeness.submittedPercent, fractionDigits: 0)
                    + "%",
                indicators: numeric.map {
                    SelectOption(value: $0.code, label: $0.name, selected: $0.code == chosen?.code)
                },
                indicatorName: chosen?.name ?? "", rows: rows, chart: chart, totals: totals))
    }
}
