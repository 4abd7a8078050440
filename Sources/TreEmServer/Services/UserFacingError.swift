import TreEmCore
import Vapor

/// A failure with a message for the person, in both languages; `field` names the form field.
struct UserFacingError: Error, AbortError {
    var status: HTTPResponseStatus
    var message: Bilingual
    var field: String?

    init(_ status: HTTPResponseStatus = .badRequest, _ message: Bilingual, field: String? = nil) {
        self.status = status
        self.message = message
        self.field = field
    }

    var reason: String { message.vi }
}
