import Foundation
import Testing

@testable import TreEmCore

@Suite("Passwords")
struct PasswordRuleTests {
    @Test("Longer than bcrypt reads is refused, in bytes: Vietnamese letters count two or three")
    func tooLong() throws {
        #expect(
            PasswordPolicy.problem(password: String(repeating: "k", count: 72), username: "an")?.vi.contains("quá dài")
                != true)
        let long = try #require(PasswordPolicy.problem(password: String(repeating: "k", count: 73), username: "an"))
        #expect(long.vi.contains("tối đa 72 byte"))
        // 30 letters, 90 bytes.
        #expect(
            PasswordPolicy.problem(password: String(repeating: "ệ", count: 30), username: "an")?.vi.contains("quá dài")
                == true)
    }

    @Test("The commonest passwords are refused, whatever their case")
    func common() {
        for password in ["Password123", "1234567890", "QWERTYUIOP", "matkhau123"] {
            #expect(
                PasswordPolicy.problem(password: password, username: "an")?.vi.contains("phổ biến") == true,
                "\(password)")
        }
        #expect(PasswordPolicy.problem(password: "Trẻ em Kim Thành 2026!", username: "binh") == nil)
    }
}
