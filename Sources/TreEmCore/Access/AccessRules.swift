/// Rules about who may change whom. They live here, not in a controller, because the bug class
/// they prevent — a user widening their own rights — has bitten comparable systems.
public enum UserAdministration {
    public struct Actor: Sendable {
        public var userID: String
        public var role: Role
        public init(userID: String, role: Role) {
            self.userID = userID
            self.role = role
        }
    }

    public enum Refusal: Error, Equatable, Sendable {
        case notAnAdministrator
        case cannotChangeOwnAccess
        case roleAboveYours(Role)
        case targetAboveYou
        case agencyRequired
        case agencyNotInUnit
        case unitRequired

        public var message: Bilingual {
            switch self {
            case .notAnAdministrator:
                Bilingual(vi: "Chỉ quản trị viên mới được quản lý người dùng.", en: "Only administrators manage users.")
            case .cannotChangeOwnAccess:
                Bilingual(
                    vi: "Bạn không thể tự thay đổi vai trò, đơn vị hoặc cơ quan của chính mình.",
                    en: "You cannot change your own role, unit or agency.")
            case .roleAboveYours(let role):
                Bilingual(
                    vi: "Bạn không thể cấp vai trò \(role.label(.vi)), cao hơn vai trò của bạn.",
                    en: "You cannot grant the role \(role.label(.en)), which is above yours.")
            case .targetAboveYou:
                Bilingual(
                    vi: "Bạn không thể sửa tài khoản có vai trò cao hơn của bạn.",
                    en: "You cannot change an account whose role is above yours.")
            case .agencyRequired:
                Bilingual(
                    vi: "Vai trò Thành viên cơ quan cần chọn một cơ quan.",
                    en: "The agency member role needs an agency.")
            case .agencyNotInUnit:
                Bilingual(
                    vi: "Cơ quan đã chọn không thuộc đơn vị của người dùng.",
                    en: "The chosen agency does not belong to the user's unit.")
            case .unitRequired:
                Bilingual(
                    vi:
                        "Người dùng phải thuộc một đơn vị hành chính (chỉ quản trị hệ thống tạo được tài khoản toàn quốc, cho cán bộ hay người xem của Bộ).",
                    en:
                        "A user must belong to an administrative unit (only a system administrator creates whole-country accounts, for the ministry's officers or viewers)."
                )
            }
        }
    }

    /// Checks a proposed role, unit and agency for a new user (`targetID == nil`) or an existing one.
    /// Whether the unit lies inside the actor's scope is checked by the caller with the closure
    /// table; an out-of-scope unit is reported as not found, like any record the actor cannot see.
    public static func checkAssignment(
        by actor: Actor, targetID: String?, targetCurrentRole: Role?,
        role: Role, changesScope: Bool, hasUnit: Bool, agencyBelongsToUnit: Bool?
    ) -> Refusal? {
        guard actor.role.isAdministrator else { return .notAnAdministrator }
        if let targetID, targetID == actor.userID, changesScope || role != targetCurrentRole {
            return .cannotChangeOwnAccess
        }
        if let current = targetCurrentRole, current > actor.role { return .targetAboveYou }
        guard actor.role.grantableRoles.contains(role) else { return .roleAboveYours(role) }
        // Bound to no unit is the whole country: only a system administrator gives that, and
        // only to a role that may hold it (the ministry's officers and viewers).
        if !hasUnit, !(Role.nationalRoles.contains(role) && actor.role == .systemAdministrator) {
            return .unitRequired
        }
        if role == .agencyMember, agencyBelongsToUnit == nil { return .agencyRequired }
        if agencyBelongsToUnit == false { return .agencyNotInUnit }
        return nil
    }
}

/// Throttling of sign-in (Điều chỉnh chống dò mật khẩu): after `maxFailures` failed attempts for
/// one username or from one address within `window`, further attempts wait until the window passes.
public enum LoginThrottle {
    public static let maxFailures = 5
    public static let window: Double = 15 * 60

    /// Seconds still to wait, or nil when a new attempt may be made. `failures` are the
    /// times (seconds since 1970) of recent failed attempts for the username or the address.
    public static func waitSeconds(failures: [Double], now: Double) -> Double? {
        let recent = failures.filter { now - $0 < window }.sorted()
        guard recent.count >= maxFailures else { return nil }
        let unlock = recent[recent.count - maxFailures] + window
        return unlock > now ? unlock - now : nil
    }
}

/// What a chosen password must be. Vietnamese officers often reuse a unit's name; the policy
/// keeps it simple and explains itself.
public enum PasswordPolicy {
    public static let minimumLength = 10
    /// bcrypt reads only the first 72 bytes, so two passwords that differ after them would both
    /// sign in; a longer one is refused rather than silently cut. A letter with Vietnamese
    /// diacritics takes two or three bytes.
    public static let maximumBytes = 72

    /// The rules as the password form states them before the first try, in the order `problem`
    /// checks them.
    public static let rules: [Bilingual] = [
        Bilingual(vi: "ít nhất \(minimumLength) ký tự", en: "at least \(minimumLength) characters"),
        Bilingual(
            vi: "không quá \(maximumBytes) byte (khoảng 72 chữ không dấu; chữ có dấu chiếm 2–3 byte)",
            en: "at most \(maximumBytes) bytes (about 72 letters without diacritics; one with diacritics takes 2–3)"),
        Bilingual(
            vi: "không phải mật khẩu phổ biến (123456789a, matkhau123, …)",
            en: "not a common password (123456789a, matkhau123, …)"),
        Bilingual(vi: "không chứa tên đăng nhập", en: "not containing the username"),
        Bilingual(vi: "có ít nhất 4 ký tự khác nhau", en: "at least 4 different characters"),
    ]

    public static func problem(password: String, username: String) -> Bilingual? {
        if password.count < minimumLength {
            return Bilingual(
                vi: "Mật khẩu phải có ít nhất \(minimumLength) ký tự.",
                en: "The password must have at least \(minimumLength) characters.")
        }
        if password.utf8.count > maximumBytes {
            return Bilingual(
                vi:
                    "Mật khẩu quá dài: tối đa \(maximumBytes) byte (khoảng 72 chữ không dấu; chữ có dấu chiếm 2–3 byte).",
                en:
                    "The password is too long: at most \(maximumBytes) bytes (about 72 letters without diacritics; a letter with diacritics takes 2–3)."
            )
        }
        if CommonPasswords.contains(password) {
            return Bilingual(
                vi:
                    "Mật khẩu này nằm trong danh sách mật khẩu phổ biến mà kẻ dò mật khẩu thử đầu tiên. Hãy chọn mật khẩu khác.",
                en: "This password is on the list of common passwords that attackers try first. Choose another.")
        }
        if VietnameseText.fold(password).contains(VietnameseText.fold(username)) {
            return Bilingual(
                vi: "Mật khẩu không được chứa tên đăng nhập.",
                en: "The password must not contain the username.")
        }
        if Set(password).count < 4 {
            return Bilingual(vi: "Mật khẩu quá đơn giản.", en: "The password is too simple.")
        }
        return nil
    }

    /// A one-time password: 14 characters without look-alikes (0/O, 1/l/I).
    public static func oneTimePassword() -> String {
        let alphabet = Array("abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789")
        var generator = SystemRandomNumberGenerator()
        return String((0..<14).map { _ in alphabet[Int(generator.next(upperBound: UInt64(alphabet.count)))] })
    }
}
