import Fluent
import Foundation

/// Thư điện tử chờ gửi: one message of the outbox.
final class OutgoingMailModel: Model, @unchecked Sendable {
    static let schema = "mail_outbox"

    @ID(key: .id) var id: UUID?
    @Field(key: "recipient") var recipient: String
    @Field(key: "subject") var subject: String
    @Field(key: "body") var body: String
    @Field(key: "created_at") var createdAt: Date
    @Field(key: "attempts") var attempts: Int
    @Field(key: "next_attempt_at") var nextAttemptAt: Date
    @OptionalField(key: "sent_at") var sentAt: Date?
    @OptionalField(key: "last_error") var lastError: String?

    init() {}

    init(_ message: Mailer.Message, at now: Date) {
        recipient = message.to
        subject = message.subject
        body = message.body
        createdAt = now
        attempts = 0
        nextAttemptAt = now
    }

    var message: Mailer.Message { Mailer.Message(to: recipient, subject: subject, body: body) }
}
