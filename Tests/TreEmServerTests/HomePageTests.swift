import Fluent
import Foundation
import Testing
import TreEmCore
import VaporTesting

@testable import TreEmServer

/// A home page that scales from a commune's agency to a city: one's own work listed, the units
/// below counted with a link each, plans from above that still need the unit's own plan.
@Suite("Home page")
struct HomePageTests {
    @Test("The city sees its own late tasks listed and the communes' counted, each count opening a filtered list")
    func countsBelow() async throws {
        try await withTreEm { f in
            _ = try await issuedCascade(f)
            f.clock.set("2026-07-25T09:00:00+07:00")
            let communeUnit = try await unitID(Fixture.communeA, app: f.app)
            let lateInCommune = try await TaskModel.query(on: f.app.db).filter(\.$unitID == communeUnit)
                .filter(\.$status ~~ [.notStarted, .inProgress]).filter(\.$dueOn < "2026-07-25").count()
            #expect(lateInCommune > 0)

            let city = Browser(app: f.app)
            try await city.signIn("city.officer")
            let home = try await city.get("/").body.string
            #expect(home.contains("\(lateInCommune) nhiệm vụ quá hạn ở 1 xã"))
            #expect(home.contains("href=\"/tasks?mine=false&amp;overdue=true&amp;unit=\(Fixture.communeA)\""))
            // The units below the city today, villages included (the tests' part of the country:
            // Kiến An, Phù Liễn, Nhị Chiểu, Kim Thành with its two villages, Phú Thái).
            #expect(
                home.contains("<span class=\"label\">Đơn vị trực thuộc</span><span class=\"value\">7</span>"))
            // The commune's tasks are counted, not listed one by one on the city's home page.
            #expect(!home.contains("Tổ chức khám sàng lọc vào ngày 01/6/2026"))
            let list = try await city.get("/tasks?mine=false&overdue=true&unit=\(Fixture.communeA)").body.string
            #expect(list.contains("Tổ chức khám sàng lọc vào ngày 01/6/2026"))
            #expect(list.components(separatedBy: "<tr class=\"overdue\">").count - 1 == lateInCommune)
            // A unit outside the user's scope lists nothing, as if it did not exist.
            let other = Browser(app: f.app)
            try await other.signIn("b.officer")
            let foreign = try await other.get("/tasks?mine=false&overdue=true&unit=\(Fixture.communeA)").body.string
            #expect(!foreign.contains("Tổ chức khám sàng lọc"))
        }
    }

    @Test("An agency member's home lists only their agency's tasks")
    func agencyMemberSeesOwnTasks() async throws {
        try await withTreEm { f in
            _ = try await issuedCascade(f)
            _ = try await healthMember(f)
            f.clock.set("2026-07-25T09:00:00+07:00")
            let browser = Browser(app: f.app)
            try await browser.signIn("a.health")
            let home = try await browser.get("/").body.string
            let unit = try await unitID(Fixture.communeA, app: f.app)
            let others = try await TaskModel.query(on: f.app.db).filter(\.$unitID == unit)
                .filter(\.$agencyName != "Trạm Y tế xã Kim Thành").all()
            #expect(!others.isEmpty)
            #expect(home.contains("Trạm Y tế xã Kim Thành"))
            for task in others { #expect(!home.contains(task.agencyName + " ·"), "\(task.agencyName)") }
        }
    }

    @Test("A commune that has not made its own plan from the city's sees it waiting on its home page")
    func plansAwaitingOwnPlan() async throws {
        try await withTreEm { f in
            _ = try await issuedCascade(f)
            let waiting = Browser(app: f.app)
            try await waiting.signIn("b.officer")
            let home = try await waiting.get("/").body.string
            #expect(home.contains("Kế hoạch cấp trên chờ kế hoạch của đơn vị"))
            #expect(home.contains("Triển khai Tháng hành động vì trẻ em thành phố Hải Phòng năm 2026"))
            let done = Browser(app: f.app)
            try await done.signIn("a.officer")
            #expect(!(try await done.get("/").body.string.contains("Kế hoạch cấp trên chờ kế hoạch của đơn vị")))
        }
    }
}
