import Fluent
import Foundation
import TreEmCore
import Vapor

/// A year's rounds of one form across every province, for the ministry: which provinces opened a
/// round, how complete each is, and the figures added up for the country. Read from the same
/// reports and live sums as a province's round page, so the two never disagree.
enum NationalOverview {
    struct ProvinceRow {
        var unit: UnitModel
        /// The province's own round of the year and form, if it opened one.
        var round: ReportRoundModel?
        /// Completeness of the reports below the province.
        var completeness: Completeness
        /// The province's own report to the ministry.
        var ownStatus: ReportStatus?
        var figures: [ValueKey: Double]
    }

    struct Result {
        var year: Int
        var years: [Int]
        var form: ReportFormModel
        var definition: ReportForm
        var asOf: CalendarDay
        var provinces: [ProvinceRow]
        var totals: [ValueKey: Double]
        var completeness: Completeness
    }

    /// Nil when nobody but the country may see it, or no form of that code exists.
    static func overview(
        year requested: Int?, formCode: String?, for user: CurrentUser, now: Date, on db: Database
    ) async throws -> Result? {
        guard user.seesEverything else { return nil }
        let forms = try await ReportFormModel.query(on: db).all()
        let chosen: ReportFormModel?
        if let formCode, !formCode.isEmpty {
            chosen = forms.first { $0.code == formCode }
        } else {
            chosen =
                forms.first { $0.isBuiltIn && $0.planKind == .actionMonth && $0.replacedBy == nil } ?? forms.first
        }
        guard let form = chosen else { return nil }
        // A province may have opened its round with an earlier edition: it counts too, read
        // through the chosen edition (which keeps every earlier code).
        let editions = ReportFormModel.edition(of: form, among: forms).compactMap(\.id)
        let allRounds = try await ReportRoundModel.query(on: db).filter(\.$form.$id ~~ editions).with(\.$root)
            .with(\.$form).all()
        let today = CalendarDay(vietnamTimeOf: now)
        let years = Array(Set(allRounds.map(\.year) + [today.year])).sorted(by: >)
        let year = requested ?? allRounds.map(\.year).max() ?? today.year
        // The provinces as they stood at the end of that year (or today, for this year).
        let asOf = year < today.year ? (CalendarDay(year: year, month: 12, day: 31) ?? today) : today
        let provinces = try await UnitDirectory.validOn(asOf, UnitModel.query(on: db).filter(\.$parent.$id == nil))
            .filter(\.$level == .province).all().sortedVietnamese { $0.name }
        let rounds = allRounds.filter { $0.year == year }
        let definition = try form.form()
        let level = try await ReportAggregates.level(
            rounds: rounds.compactMap(\.id), form: definition, unit: nil, asOf: asOf, on: db)
        let figuresByProvince = Dictionary(
            level.children.compactMap { child in child.unit.id.map { ($0, child.figures) } },
            uniquingKeysWith: { a, _ in a })
        var rows: [ProvinceRow] = []
        var total = Completeness()
        for province in provinces {
            guard let id = province.id else { continue }
            let round = rounds.first { $0.$root.id == id }
            var completeness = Completeness()
            var own: ReportStatus?
            if let round {
                let overview = try await ReportRounds.overview(round, below: province, now: now, on: db)
                completeness = overview.completeness
                own = overview.own?.status
                total.merge(completeness)
            }
            rows.append(
                ProvinceRow(
                    unit: province, round: round, completeness: completeness, ownStatus: own,
                    figures: figuresByProvince[id] ?? [:]))
        }
        return Result(
            year: year, years: years, form: form, definition: definition, asOf: asOf, provinces: rows,
            totals: level.figures, completeness: total)
    }
}
