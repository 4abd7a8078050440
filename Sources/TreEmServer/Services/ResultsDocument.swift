import Fluent
import Foundation
import TreEmCore
import Vapor

/// Gathers what a unit's results report says: its live totals, how complete the round is below
/// it, its own report's words and those of the units reporting to it.
enum ResultsDocument {
    static func compose(
        round: ReportRoundModel, unit: UnitModel, asOf: CalendarDay, level: ReportAggregates.Level,
        by acting: Acting
    ) async throws -> ResultsReport {
        let unitID = try unit.requireID()
        let overview = try await ReportRounds.overview(round, below: unit, now: acting.now, on: acting.db)
        let own = overview.own
        try await own?.$reviewer.load(on: acting.db)
        let lower = overview.direct.map(\.report).filter(\.status.isCounted)
        var planReference: String?
        if let planID = round.$plan.id,
            let plan = try await PlanModel.query(on: acting.db).filter(\.$id == planID).with(\.$issuer).first(),
            let number = plan.number
        {
            let date = plan.issuedOn.flatMap(CalendarDay.init(iso:)).map { " ngày \($0.vietnameseShort)" } ?? ""
            planReference =
                "Kế hoạch số \(number)\(date) của Ủy ban nhân dân \(UnitNaming(plan.issuer.name).inSentence)"
        }
        let today = acting.today
        return ResultsReport(
            issuerName: UnitNaming(unit.name).committeeLetterhead, place: UnitNaming(unit.name).proper, date: today,
            planReference: planReference, form: try round.form.form(), year: round.year, unitName: unit.name,
            figures: level.figures,
            completeness: overview.completeness.expected > 0 ? overview.completeness : nil,
            missingUnits: overview.missing.filter { $0.$reviewer.id == unitID }.map(\.unit.name),
            own: .init(
                unitName: unit.name, results: own?.results ?? "", difficulties: own?.difficulties ?? "",
                proposals: own?.proposals ?? ""),
            lower: lower.map {
                .init(
                    unitName: $0.unit.name, results: $0.results, difficulties: $0.difficulties, proposals: $0.proposals)
            },
            reportTo: own?.reviewer.map { UnitNaming($0.name).committee })
    }
}
