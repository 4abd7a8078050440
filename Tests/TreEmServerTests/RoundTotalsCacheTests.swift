import Fluent
import Foundation
import Testing
import VaporTesting

@testable import TreEmServer

@Suite("A round's kept totals follow every change of its figures")
struct RoundTotalsCacheTests {
    @Test("The province's total, kept between views, changes as soon as a report is approved, reopened or resent")
    func totalsFollowChanges() async throws {
        try await withTreEm { f in
            let round = try await openRound2024(f)
            let dongCam = try #require(round.reports["10804"])
            f.clock.set("2024-06-28T10:00:00+07:00")
            let province = try await APIClient.signIn(f.app, "hd.officer")
            func provinceTotal() async throws -> Double? {
                let level = try aggregate(try await province.get("/api/v1/aggregates?round=\(round.roundID)"))
                #expect(level.unitName == "Tỉnh Hải Dương", "the province holds its whole round")
                return level.value("AM-QUA-TRE")
            }
            #expect(try await provinceTotal() == nil)
            #expect(try await provinceTotal() == nil, "viewed twice: the kept totals")
            let dc = try await APIClient.signIn(f.app, "dongcam.officer")
            _ = try await dc.send(
                .PUT, "/api/v1/reports/\(dongCam)/values", json: ["values": [["indicator": "AM-QUA-TRE", "value": 12]]])
            #expect(try await dc.send(.POST, "/api/v1/reports/\(dongCam)/submit", json: [:]).status == .ok)
            #expect(try await provinceTotal() == 12, "a sent report counts at once")
            let district = try await APIClient.signIn(f.app, "kt2024.officer")
            #expect(try await district.send(.POST, "/api/v1/reports/\(dongCam)/approve", json: [:]).status == .ok)
            #expect(try await provinceTotal() == 12)
            #expect(
                try await district.send(.POST, "/api/v1/reports/\(dongCam)/reopen", json: ["reason": "Sửa số"]).status
                    == .ok)
            #expect(try await provinceTotal() == nil, "a reopened report stops counting")
            _ = try await dc.send(
                .PUT, "/api/v1/reports/\(dongCam)/values", json: ["values": [["indicator": "AM-QUA-TRE", "value": 15]]])
            #expect(try await dc.send(.POST, "/api/v1/reports/\(dongCam)/submit", json: [:]).status == .ok)
            #expect(try await provinceTotal() == 15, "the corrected figure, not the kept one")
        }
    }
}
