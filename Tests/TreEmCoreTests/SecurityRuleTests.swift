import Foundation
import Testing

@testable import TreEmCore

@Suite("Proxy addresses: the rightmost untrusted X-Forwarded-For entry")
struct ClientAddressTests {
    @Test("Behind a trusted proxy, the address the proxy added counts, not what the client wrote")
    func rightmostUntrusted() {
        // nginx on loopback appends the address it saw after whatever the client sent.
        #expect(
            ClientAddress.resolve(peer: "127.0.0.1", forwardedFor: ["6.6.6.6, 203.0.113.9"], behindProxy: true)
                == "203.0.113.9")
        #expect(
            ClientAddress.resolve(peer: "127.0.0.1", forwardedFor: ["1.1.1.1", "203.0.113.9"], behindProxy: true)
                == "203.0.113.9")
        // A chain of trusted proxies is walked through.
        let trusted = ["127.0.0.0/8", "10.0.0.0/8"].compactMap(AddressRange.init)
        #expect(
            ClientAddress.resolve(
                peer: "127.0.0.1", forwardedFor: ["9.9.9.9, 198.51.100.4, 10.1.2.3"], behindProxy: true,
                trusted: trusted) == "198.51.100.4")
        #expect(ClientAddress.resolve(peer: "::1", forwardedFor: ["2001:db8::7"], behindProxy: true) == "2001:db8::7")
    }

    @Test("Without a proxy, or from an untrusted peer, the header is ignored")
    func headerIgnored() {
        #expect(
            ClientAddress.resolve(peer: "203.0.113.9", forwardedFor: ["1.2.3.4"], behindProxy: false) == "203.0.113.9")
        #expect(
            ClientAddress.resolve(peer: "203.0.113.9", forwardedFor: ["1.2.3.4"], behindProxy: true) == "203.0.113.9")
        #expect(ClientAddress.resolve(peer: "127.0.0.1", forwardedFor: [], behindProxy: true) == "127.0.0.1")
        #expect(
            ClientAddress.resolve(peer: "::ffff:127.0.0.1", forwardedFor: ["198.51.100.4"], behindProxy: true)
                == "198.51.100.4")
    }

    @Test("Garbage and huge headers give an address, never a crash or a forged value")
    func garbage() {
        #expect(
            ClientAddress.resolve(peer: "127.0.0.1", forwardedFor: ["<script>, 203.0.113.9"], behindProxy: true)
                == "203.0.113.9")
        #expect(
            ClientAddress.resolve(peer: "127.0.0.1", forwardedFor: ["203.0.113.9, not-an-ip"], behindProxy: true)
                == "127.0.0.1")
        let huge = Array(repeating: "8.8.8.8", count: 10_000).joined(separator: ",")
        #expect(
            ClientAddress.resolve(peer: "127.0.0.1", forwardedFor: [huge + ", 203.0.113.9"], behindProxy: true)
                == "203.0.113.9")
    }

    @Test("CIDR ranges contain what they should")
    func ranges() throws {
        let loopback = try #require(AddressRange("127.0.0.0/8"))
        #expect(loopback.contains(try #require(IPAddress("127.200.1.1"))))
        #expect(!loopback.contains(try #require(IPAddress("128.0.0.1"))))
        let v6 = try #require(AddressRange("2001:db8::/32"))
        #expect(v6.contains(try #require(IPAddress("2001:db8:ffff::1"))))
        #expect(!v6.contains(try #require(IPAddress("2001:db9::1"))))
        #expect(AddressRange("10.0.0.0/33") == nil)
        #expect(AddressRange("nonsense") == nil)
    }
}

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

@Suite("Who may do what: the access table")
struct AccessPolicyTests {
    /// The expected table, written out independently of `AccessPolicy.table`: for each role,
    /// the actions and relations allowed. Everything not listed is refused.
    static let expected: [Role: [AccessAction: Set<AccessRelation>]] = [
        .viewer: [:],
        .agencyMember: [.recordTaskProgress: [.assignedAgency]],
        .officer: [
            .recordTaskProgress: [.assignedAgency, .ownUnit], .writePlan: [.ownUnit, .lowerUnit],
            .fillReport: [.ownUnit],
            .reviewReport: [.reviewingUnit], .openReportRound: [.ownUnit], .remindUnits: [.ownUnit, .lowerUnit],
        ],
        .unitAdministrator: [
            .recordTaskProgress: [.assignedAgency, .ownUnit], .writePlan: [.ownUnit, .lowerUnit],
            .fillReport: [.ownUnit], .reviewReport: [.reviewingUnit], .openReportRound: [.ownUnit],
            .remindUnits: [.ownUnit, .lowerUnit], .manageAgencies: [.ownUnit, .lowerUnit],
            .manageUsers: [.ownUnit, .lowerUnit],
        ],
        .systemAdministrator: [
            .recordTaskProgress: [.assignedAgency, .ownUnit, .everyUnit],
            .writePlan: [.ownUnit, .lowerUnit, .everyUnit], .fillReport: [.ownUnit],
            .reviewReport: [.reviewingUnit], .openReportRound: [.ownUnit, .everyUnit],
            .remindUnits: [.ownUnit, .lowerUnit, .everyUnit], .manageAgencies: [.ownUnit, .lowerUnit, .everyUnit],
            .manageUsers: [.ownUnit, .lowerUnit, .everyUnit], .manageReportForms: [.ownUnit, .lowerUnit, .everyUnit],
        ],
    ]

    @Test("Every cell of role × action × relation is as written")
    func wholeTable() {
        var cells = 0
        for role in Role.allCases {
            for action in AccessAction.allCases {
                for relation in AccessRelation.allCases {
                    let allowed = Self.expected[role]?[action]?.contains(relation) ?? false
                    #expect(AccessPolicy.allows(role, action, relation) == allowed, "\(role) \(action) \(relation)")
                    cells += 1
                }
            }
        }
        #expect(cells == Role.allCases.count * AccessAction.allCases.count * AccessRelation.allCases.count)
    }

    @Test("A viewer linked to an agency still only reads")
    func viewerWithAgency() {
        #expect(!AccessPolicy.allows(.viewer, .recordTaskProgress, relations: [.assignedAgency, .ownUnit]))
        #expect(AccessPolicy.allows(.agencyMember, .recordTaskProgress, relations: [.assignedAgency]))
        #expect(!AccessPolicy.allows(.agencyMember, .recordTaskProgress, relations: [.ownUnit]))
    }

    @Test("Nobody fills another unit's report or reviews their own")
    func reports() {
        for role in Role.allCases {
            #expect(!AccessPolicy.allows(role, .fillReport, .lowerUnit))
            #expect(!AccessPolicy.allows(role, .fillReport, .everyUnit))
            #expect(!AccessPolicy.allows(role, .reviewReport, .ownUnit))
        }
    }
}

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

@Suite("The same rules for every input")
struct InputRuleTests {
    @Test("A CSV that is not UTF-8 is refused naming line and column, not stored with U+FFFD")
    func csvNotUTF8() throws {
        let bytes = Array("code,name\n10804,Kim Th".utf8) + [0xE0, 0x6E, 0x68] + Array("\n".utf8)
        do {
            _ = try CSVReader.text(of: bytes)
            Issue.record("a Windows-1258 byte was accepted")
        } catch {
            #expect(error.problems.count == 1)
            #expect(error.report(.vi).contains("Dòng 2"))
            #expect(error.report(.vi).contains("cột 13"))
            #expect(error.report(.en).contains("CSV UTF-8"))
        }
        #expect(try CSVReader.text(of: Array("a,b\n".utf8)) == "a,b\n")
    }

    @Test("Free text has limits with a message naming the field")
    func limits() throws {
        #expect(
            TextLimit.comment.problem(String(repeating: "a", count: 5_000), field: Bilingual(vi: "Lý do", en: "Reason"))
                == nil)
        let problem = try #require(
            TextLimit.comment.problem(String(repeating: "a", count: 5_001), field: Bilingual(vi: "Lý do", en: "Reason"))
        )
        #expect(problem.vi.contains("“Lý do” dài 5.001 ký tự"))
        #expect(problem.vi.contains("5.000"))
    }

    @Test("Figures that no Int64 holds are written plainly and never trap")
    func hugeFigures() {
        #expect(VietnameseNumber.parse("9".padding(toLength: 400, withPad: "9", startingAt: 0)) == nil)
        #expect(VietnameseNumber.parse("99999999999999999999") == nil)
        #expect(VietnameseNumber.parse("1.500.000") == 1_500_000)
        for value in [Double.infinity, -.infinity, .nan, 1e300, -9.3e18, Double(Int64.max)] {
            _ = VietnameseNumber.format(value, fractionDigits: 2)
            _ = VietnameseNumber.plain(value)
        }
        #expect(VietnameseNumber.format(1_500_000) == "1.500.000")
    }

    @Test("Random and crafted CSV bytes are refused or read, quickly")
    func csvFuzz() {
        var rng = SplitMix64(state: 7)
        // Sizes that take a few tenths of a second in a debug build: enough to show the time
        // grows with the input and no faster, with room for a loaded machine.
        let crafted: [[UInt8]] = [
            Array(("\"" + String(repeating: "a", count: 400_000)).utf8),  // an unclosed quote
            Array(String(repeating: ",", count: 200_000).utf8),  // 200,000 empty columns
            Array(String(repeating: "\"\"", count: 100_000).utf8),  // quote pairs
            Array(String(repeating: "a,\"b\"\"c\"\n", count: 40_000).utf8),
            [0xEF, 0xBB, 0xBF] + Array(String(repeating: "\r\n", count: 100_000).utf8),
        ]
        var cases = crafted
        for _ in 0..<200 {
            cases.append(
                (0..<Int.random(in: 0..<3000, using: &rng)).map { _ in UInt8.random(in: 0...255, using: &rng) })
        }
        for bytes in cases {
            let start = Date()
            if let text = try? CSVReader.text(of: bytes) {
                _ = try? CSVReader.records(in: text)
                _ = try? UnitImport.plan(csv: text, existing: [])
                _ = try? ReportFormImport.parse(csv: text, code: "X", name: "X", planKind: nil)
            }
            #expect(Date().timeIntervalSince(start) < 5, "a CSV case of \(bytes.count) bytes was slow")
        }
    }
}

@Suite("The plan reader on the longest lines a file may have")
struct LongLineTests {
    /// Lines at the 10,000-character limit the server allows, shaped to make the reader's
    /// per-line patterns work hardest (long runs before a lookahead, repeated keywords).
    static let lines: [String] = [
        "Căn cứ Kế hoạch của " + String(repeating: "ủy ban ", count: 1_400),
        "Căn cứ Kế hoạch số 1 ngày 1 tháng 1 năm 2024 của " + String(repeating: "a", count: 9_900),
        "<http://" + String(repeating: "a", count: 9_950),
        "1." + String(repeating: " ", count: 9_990),
        "- " + String(repeating: "Đề nghị ", count: 1_240),
        String(repeating: "trước ngày ", count: 900),
        String(repeating: "Kế hoạch ", count: 1_100),
        "Số: " + String(repeating: "1/", count: 4_990),
        String(repeating: "(", count: 9_990),
    ]

    @Test("Each adversarial line is read within a second, debug build included", arguments: lines.indices)
    func readsQuickly(_ index: Int) {
        let text = "KẾ HOẠCH\nTriển khai Tháng hành động vì trẻ em\n" + Self.lines[index] + "\nNơi nhận:\n- Như trên;"
        let start = Date()
        _ = PlanReader.readDetailed(text)
        let seconds = Date().timeIntervalSince(start)
        #expect(seconds < 1, "line \(index) took \(seconds) s")
    }
}
