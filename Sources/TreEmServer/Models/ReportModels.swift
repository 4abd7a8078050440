import Fluent
import Foundation
import TreEmCore

/// Biểu mẫu báo cáo: the definition is stored whole as JSON; code and name are columns for lists.
final class ReportFormModel: Model, @unchecked Sendable {
    static let schema = "report_forms"

    @ID(key: .id) var id: UUID?
    @Field(key: "code") var code: String
    @Field(key: "name") var name: String
    @OptionalField(key: "plan_kind") var planKind: PlanKind?
    @Field(key: "definition") var definitionJSON: String
    @Field(key: "is_built_in") var isBuiltIn: Bool
    /// The code of the form's later edition; new rounds take that one (M017).
    @OptionalField(key: "replaced_by") var replacedBy: String?
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?

    init() {}

    init(_ form: ReportForm, builtIn: Bool) throws {
        code = form.code
        name = form.name
        planKind = form.planKind
        isBuiltIn = builtIn
        definitionJSON = String(decoding: try JSONEncoder().encode(form), as: UTF8.self)
    }

    /// This form and the earlier editions it replaced: their rounds add up and compare together
    /// (every code of an earlier edition is kept in the later one).
    static func edition(of form: ReportFormModel, among forms: [ReportFormModel]) -> [ReportFormModel] {
        var family = [form]
        var codes: Set<String> = [form.code]
        // At most a few editions; the bound stops a replaced_by cycle from looping.
        for _ in 0..<8 {
            let earlier = forms.filter { ($0.replacedBy).map(codes.contains) == true && !codes.contains($0.code) }
            if earlier.isEmpty { break }
            family += earlier
            codes.formUnion(earlier.map(\.code))
        }
        return family
    }

    func form() throws -> ReportForm {
        try JSONDecoder().decode(ReportForm.self, from: Data(definitionJSON.utf8))
    }
}

/// Đợt báo cáo: one expected report per unit from the root down, as the units stood on `asOf`.
final class ReportRoundModel: Model, @unchecked Sendable {
    static let schema = "report_rounds"

    @ID(key: .id) var id: UUID?
    @Parent(key: "form_id") var form: ReportFormModel
    @OptionalParent(key: "plan_id") var plan: PlanModel?
    @Parent(key: "root_unit_id") var root: UnitModel
    @Field(key: "year") var year: Int
    @Field(key: "title") var title: String
    /// The day whose hierarchy the round follows (ISO).
    @Field(key: "as_of") var asOf: String
    /// The deadline of the units reporting straight to the root (ISO).
    @Field(key: "deadline") var deadline: String
    @OptionalField(key: "opened_by") var openedBy: UUID?
    @Field(key: "opened_at") var openedAt: Date

    init() {}

    var asOfDay: CalendarDay { CalendarDay(iso: asOf) ?? CalendarDay(year: year, month: 6, day: 30)! }
    var deadlineDay: CalendarDay? { CalendarDay(iso: deadline) }
}

/// Báo cáo của một đơn vị trong một đợt.
final class ReportModel: Model, @unchecked Sendable {
    static let schema = "reports"

    @ID(key: .id) var id: UUID?
    @Parent(key: "round_id") var round: ReportRoundModel
    @Parent(key: "unit_id") var unit: UnitModel
    /// The level above, which approves or returns it; nil for the round's root.
    @OptionalParent(key: "reviewer_unit_id") var reviewer: UnitModel?
    /// 0 for the root, 1 for the units reporting to it, …
    @Field(key: "depth") var depth: Int
    @OptionalField(key: "deadline") var deadline: String?
    @Field(key: "status") var status: ReportStatus
    /// Goes up by one with every save, so two officers editing one draft notice each other.
    @Field(key: "version") var version: Int
    /// Submitted before every lower unit's report was approved, on purpose.
    @Field(key: "is_partial") var isPartial: Bool
    @Field(key: "results") var results: String
    @Field(key: "difficulties") var difficulties: String
    @Field(key: "proposals") var proposals: String
    /// The officer's word on figures that raised a warning.
    @Field(key: "explanation") var explanation: String
    @OptionalField(key: "return_comment") var returnComment: String?
    @OptionalField(key: "submitted_at") var submittedAt: Date?
    @OptionalField(key: "submitted_by") var submittedBy: UUID?
    @OptionalField(key: "reviewed_at") var reviewedAt: Date?
    @OptionalField(key: "reviewed_by") var reviewedBy: UUID?
    @OptionalField(key: "updated_at") var updatedAt: Date?
    /// ISO day (Hanoi) of the last reminder to this report's unit.
    @OptionalField(key: "reminded_on") var remindedOn: String?

    init() {}

    var deadlineDay: CalendarDay? { deadline.flatMap(CalendarDay.init(iso:)) }

    func timeliness(now: Date) -> ReportTimeliness {
        ReportRules.timeliness(status: status, deadline: deadlineDay, submittedAt: submittedAt, now: now)
    }
}

/// Một ô số liệu của báo cáo.
final class ReportValueModel: Model, @unchecked Sendable {
    static let schema = "report_values"

    @ID(key: .id) var id: UUID?
    @Parent(key: "report_id") var report: ReportModel
    @Field(key: "round_id") var roundID: UUID
    @Field(key: "unit_id") var unitID: UUID
    @Field(key: "indicator") var indicator: String
    @Field(key: "part") var part: String
    @OptionalField(key: "number") var number: Double?
    @OptionalField(key: "text") var text: String?
    @Field(key: "counted") var counted: Bool
    @Field(key: "updated_at") var updatedAt: Date
    @OptionalField(key: "updated_by") var updatedBy: UUID?

    init() {}

    var key: ValueKey { ValueKey(indicator, IndicatorPart(rawValue: part) ?? .total) }

    var value: ReportValue? {
        if let number { return .number(number) }
        return text.map { .text($0) }
    }
}
