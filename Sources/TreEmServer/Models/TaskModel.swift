import Fluent
import Foundation
import TreEmCore

/// Nhiệm vụ: one agency's share of one task of an issued plan.
final class TaskModel: Model, @unchecked Sendable {
    static let schema = "tasks"

    @ID(key: .id) var id: UUID?
    @Parent(key: "plan_id") var plan: PlanModel
    /// The plan's issuing unit, for scope checks without a join.
    @Field(key: "unit_id") var unitID: UUID
    /// `PlanTask.id` inside the plan's document.
    @Field(key: "plan_task_id") var planTaskID: String
    /// The parent plan's `PlanTask.id` this task implements, for the roll-up.
    @OptionalField(key: "derived_from_plan_task_id") var derivedFromPlanTaskID: String?
    @OptionalParent(key: "agency_id") var agency: AgencyModel?
    @Field(key: "agency_name") var agencyName: String
    @Field(key: "role") var role: AgencyRole
    @Field(key: "mode") var mode: AssignmentMode
    @Field(key: "text") var text: String
    @OptionalField(key: "due_on") var dueOn: String?
    @Field(key: "status") var status: TaskStatus
    @OptionalField(key: "cancel_reason") var cancelReason: String?
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?
    @Timestamp(key: "updated_at", on: .update) var updatedAt: Date?

    init() {}

    var due: CalendarDay? { dueOn.flatMap(CalendarDay.init(iso:)) }
}

/// Tiến độ: an append-only entry; a correction is a new entry.
final class TaskProgressModel: Model, @unchecked Sendable {
    static let schema = "task_progress"

    @ID(key: .id) var id: UUID?
    @Parent(key: "task_id") var task: TaskModel
    @OptionalField(key: "author_id") var authorID: UUID?
    @Field(key: "author_name") var authorName: String
    @Field(key: "recorded_at") var recordedAt: Date
    @Field(key: "text") var text: String
    @OptionalField(key: "children_reached") var childrenReached: Int?
    @OptionalField(key: "amount_spent") var amountSpent: Int64?
    @OptionalField(key: "status_from") var statusFrom: TaskStatus?
    @OptionalField(key: "status_to") var statusTo: TaskStatus?

    init() {}
}

/// Minh chứng: a photo, signed list or report attached to a progress entry.
final class TaskEvidenceModel: Model, @unchecked Sendable {
    static let schema = "task_evidence"

    @ID(key: .id) var id: UUID?
    @Parent(key: "progress_id") var progress: TaskProgressModel
    @Parent(key: "task_id") var task: TaskModel
    @Field(key: "file_name") var fileName: String
    @Field(key: "kind") var kind: EvidenceKind
    @Field(key: "size") var size: Int
    @Field(key: "content") var content: Data

    init() {}
}
