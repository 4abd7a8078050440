import Foundation
import Testing

@testable import TreEmCore

@Suite("Redirects stay on this site")
struct LocalRedirectTests {
    /// Known open-redirect bypasses (OWASP, PortSwigger lists): each must become "/".
    static let bypasses = [
        "//evil.example", "/\t/evil.example", "/%09/evil.example", "/%2F/evil.example", "/%2f%2fevil.example",
        "/\\evil.example", "/%5Cevil.example", "\\\\evil.example", "/\\/evil.example", "http://evil.example",
        "https:evil.example", "evil.example", "javascript:alert(1)", "/\r\n/evil.example", "/%0d%0a/evil.example",
        "/%250d/evil.example", "/%252F/evil.example", " /evil.example", "/\u{3000}/evil.example", "/\u{0000}/evil",
        "/%00/evil", "/ /evil.example", "", "/%", "/%zz", "/\u{202E}/evil",
    ]

    @Test("Known bypasses are refused", arguments: bypasses)
    func refused(_ next: String) {
        #expect(LocalRedirect.target(next) == "/")
    }

    @Test("Ordinary local paths are kept")
    func kept() {
        for path in [
            "/", "/units", "/reports/rounds/4A7B?unit=10804&asOf=2026-06-30", "/plans/abc/edit",
            "/tasks?status=open#top",
            "/units/%C4%90",
        ] {
            #expect(LocalRedirect.target(path) == path)
        }
        #expect(LocalRedirect.target(nil) == "/")
    }
}
