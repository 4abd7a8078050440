import Fluent
import Foundation

/// Thông báo trong ứng dụng.
final class NotificationModel: Model, @unchecked Sendable {
    static let schema = "notifications"

    enum Kind: String, Codable {
        case assigned, dueSoon, overdue
        /// The level above reminds a unit that its report is awaited.
        case reportReminder
        /// The level above approved or returned a unit's report.
        case reportApproved, reportReturned
        /// The level above reopened an approved report for correction.
        case reportReopened
        /// A unit below sent its report to the reviewing unit.
        case reportArrived
    }

    @ID(key: .id) var id: UUID?
    @Parent(key: "user_id") var user: UserModel
    @OptionalParent(key: "task_id") var task: TaskModel?
    @Field(key: "kind") var kind: Kind
    @Field(key: "text") var text: String
    @Field(key: "link") var link: String
    @Field(key: "created_at") var createdAt: Date
    @OptionalField(key: "read_at") var readAt: Date?

    init() {}
}
