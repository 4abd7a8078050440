import Fluent
import Foundation
import Testing
import TreEmCore
import VaporTesting

@testable import TreEmServer

@Suite("Numbers in task progress read and show as in reports")
struct TaskNumberTests {
    @Test(
        "“1.250” children and “1.500.000” đồng are read as Vietnamese write them and shown grouped; “12,5” children is refused"
    )
    func vietnameseNumbers() async throws {
        try await withTreEm { f in
            _ = try await issuedCascade(f)
            let member = try await healthMember(f)
            let task = try #require(
                try await member.get("/api/v1/tasks?mine=true").decode([TaskAPIController.TaskDTO].self).first)
            let browser = Browser(app: f.app)
            try await browser.signIn("a.health")
            try await browser.get("/tasks/\(task.id)")
            let fraction = try await browser.post(
                "/tasks/\(task.id)/progress",
                form: ["text": "Khám cho trẻ", "children_reached": "12,5", "amount_spent": ""])
            #expect(fraction.status == .badRequest)
            #expect(fraction.body.string.contains("“12,5”") || fraction.body.string.contains("&quot;12,5&quot;"))
            #expect(fraction.body.string.contains("phải là số nguyên"))
            let saved = try await browser.post(
                "/tasks/\(task.id)/progress",
                form: ["text": "Khám cho trẻ", "children_reached": "1.250", "amount_spent": "1.500.000"])
            #expect(saved.status == .seeOther)
            let stored = try await TaskProgressModel.query(on: f.app.db).filter(
                \.$task.$id == UUID(uuidString: task.id)!
            ).all()
            #expect(stored.contains { $0.childrenReached == 1_250 && $0.amountSpent == 1_500_000 })
            let page = try await browser.get("/tasks/\(task.id)").body.string
            #expect(page.contains("1.250 trẻ em"))
            #expect(page.contains("1.500.000 đ"))
        }
    }
}
