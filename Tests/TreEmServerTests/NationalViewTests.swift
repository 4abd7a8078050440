import Fluent
import Foundation
import Testing
import TreEmCore
import VaporTesting

@testable import TreEmServer

/// The ministry sees a year's Action Month across every province, from the pages.
@Suite("The national view")
struct NationalViewTests {
    @Test("A ministry viewer sees every province of the demo, completeness and totals, and drills into a province")
    func ministrySeesTheCountry() async throws {
        try await withTreEm { f in
            #expect(try await DemoReports.load(on: f.app.db, at: f.clock.now))
            try await addUser("boyte.xem", role: .viewer, unit: nil, app: f.app)
            let round = try #require(try await ReportRoundModel.query(on: f.app.db).with(\.$root).first())
            let ministry = Browser(app: f.app)
            try await ministry.signIn("boyte.xem")
            #expect(try await ministry.get("/reports").body.string.contains("href=\"/reports/national\""))
            let response = try await ministry.get("/reports/national")
            #expect(response.status == .ok)
            let page = response.body.string
            #expect(page.contains("Toàn quốc: Tháng hành động vì trẻ em năm 2024"))
            // Every province of the demo as it stood at the end of 2024, opened a round or not.
            let provinces = try await UnitDirectory.validOn(
                CalendarDay(year: 2024, month: 12, day: 31)!,
                UnitModel.query(on: f.app.db).filter(\.$parent.$id == nil).filter(\.$level == .province)
            ).all()
            #expect(provinces.count > 1)
            for province in provinces { #expect(page.contains(province.name), "\(province.name)") }
            #expect(page.contains("Chưa mở đợt báo cáo"))
            #expect(
                page.contains("href=\"/reports/rounds/\(try round.requireID().uuidString)\">\(round.root.name)</a>"))
            // The province's figure is the one its own round page and the API give.
            let admin = try await APIClient.signIn(f.app, "admin")
            let provinceTotal = try aggregate(
                try await admin.get(
                    "/api/v1/aggregates?round=\(try round.requireID())&unit=\(round.root.code)&asOf=2024-12-31"))
            let gifts = try #require(provinceTotal.value("AM-QUA-TRE"))
            let byGifts = try await ministry.get("/reports/national?year=2024&indicator=AM-QUA-TRE").body.string
            #expect(
                byGifts.contains(
                    "<td class=\"num\" data-label=\"Số trẻ em được thăm hỏi, tặng quà\">\(VietnameseNumber.format(gifts))</td>"
                ))
            #expect(page.contains("9/10"), "nine of the ten reports below Hải Dương were sent")
            // Drill-down into the province, read-only.
            let drill = try await ministry.get("/reports/rounds/\(try round.requireID())")
            #expect(drill.status == .ok)
            #expect(!drill.body.string.contains("Gửi lời nhắc"), "the ministry reads; it does not remind")
            // A whole-country viewer writes nothing.
            let report = try #require(try await ReportModel.query(on: f.app.db).filter(\.$status == .approved).first())
            let api = try await APIClient.signIn(f.app, "boyte.xem")
            #expect(
                try await api.send(.POST, "/api/v1/reports/\(try report.requireID())/approve", json: [:]).status
                    == .forbidden)
            // Nobody below the country sees the page.
            for outsider in ["a.officer", "city.officer", "b.admin"] {
                let browser = Browser(app: f.app)
                try await browser.signIn(outsider)
                #expect(try await browser.get("/reports/national").status == .notFound, "\(outsider)")
            }
        }
    }
}
