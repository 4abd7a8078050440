import Fluent
import Foundation
import Testing
import TreEmCore
import VaporTesting

@testable import TreEmServer

/// The city issues its plan, Kim Thành derives and issues its own: both have tasks.
func issuedCascade(_ f: Fixture) async throws -> (cityPlan: String, communePlan: String) {
    let city = try await APIClient.signIn(f.app, "city.officer")
    let cityID = try planDTO(try await city.send(.POST, "/api/v1/plans", json: ["document": cityPlan()])).id
    #expect(
        try await city.send(
            .POST, "/api/v1/plans/\(cityID)/issue", json: ["number": "157/KH-UBND", "issueDate": "2026-04-30"]
        ).status == .ok)
    let commune = try await APIClient.signIn(f.app, "a.officer")
    let derived = try planDTO(try await commune.send(.POST, "/api/v1/plans/\(cityID)/derive", json: [:]))
    let communeID = derived.id
    var document = derived.document
    // The commune adds a dated task of its own to the health station, and its signer.
    let health = try #require(document.assignments.firstIndex { $0.agencyKind == .healthStation })
    document.assignments[health].tasks.append(PlanTask(text: "Tổ chức khám sàng lọc vào ngày 01/6/2026 tại Trạm."))
    document.signature = Signature(name: "Nguyễn Văn Tình")
    #expect(
        try await commune.send(.PUT, "/api/v1/plans/\(communeID)", json: ["document": try jsonObject(document)]).status
            == .ok)
    let issued = try await commune.send(
        .POST, "/api/v1/plans/\(communeID)/issue", json: ["number": "45/KH-UBND", "issueDate": "2026-05-08"])
    #expect(issued.status == .ok, "\(issued.body.string)")
    return (cityID, communeID)
}

func jsonObject<T: Encodable>(_ value: T) throws -> Any {
    try JSONSerialization.jsonObject(with: JSONEncoder().encode(value))
}

func healthMember(_ f: Fixture) async throws -> APIClient {
    let unit = try await unitID(Fixture.communeA, app: f.app)
    let station = try #require(
        try await AgencyModel.query(on: f.app.db).filter(\.$unit.$id == unit).filter(\.$kind == .healthStation).first())
    let hash = try await Accounts.hash(Fixture.password, app: f.app)
    try await UserModel(
        username: "a.health", displayName: "Trạm trưởng Y tế", passwordHash: hash, role: .agencyMember,
        unitID: unit, agencyID: station.id, mustChangePassword: false
    ).create(on: f.app.db)
    return try await APIClient.signIn(f.app, "a.health")
}

@Suite("Tasks of issued plans")
struct TaskTests {
    @Test("Issuing a plan makes one task per agency and plan task, with the due-date rules")
    func createdOnIssue() async throws {
        try await withTreEm { f in
            let (cityID, communeID) = try await issuedCascade(f)
            let cityTasks = try await TaskModel.query(on: f.app.db).filter(\.$plan.$id == UUID(uuidString: cityID)!)
                .all()
            #expect(cityTasks.count == 3)
            #expect(cityTasks.allSatisfy { $0.dueOn == "2026-07-20" }, "the city's reporting deadline")
            let communeTasks = try await TaskModel.query(on: f.app.db).filter(
                \.$plan.$id == UUID(uuidString: communeID)!
            ).all()
            let dated = try #require(communeTasks.first { $0.text.contains("vào ngày 01/6/2026") })
            #expect(dated.dueOn == "2026-06-01", "a task's own date wins")
            #expect(communeTasks.first { $0.text == "Khám sức khỏe cho trẻ em." }?.dueOn == "2026-07-10")
            // Every school has its own task from the education department's.
            #expect(communeTasks.filter { $0.text == "Dạy bơi an toàn." }.count >= 2)
            #expect(communeTasks.allSatisfy { $0.$agency.id != nil })
        }
    }

    @Test("An agency member sees and completes their tasks; nonsense status jumps are refused")
    func memberUpdates() async throws {
        try await withTreEm { f in
            _ = try await issuedCascade(f)
            let member = try await healthMember(f)
            let mine = try await member.get("/api/v1/tasks?mine=true").decode([TaskAPIController.TaskDTO].self)
            #expect(mine.count == 2)
            #expect(mine.allSatisfy { $0.agencyName == "Trạm Y tế xã Kim Thành" && $0.canUpdate })
            let task = try #require(mine.first { $0.text == "Khám sức khỏe cho trẻ em." })

            let started = try await member.send(
                .POST, "/api/v1/tasks/\(task.id)/progress",
                json: ["text": "Khám sàng lọc cho 42 trẻ em ngày 12/6", "childrenReached": 42, "status": "inProgress"])
            #expect(started.status == .created)
            let done = try await member.send(
                .POST, "/api/v1/tasks/\(task.id)/progress", json: ["text": "Hoàn thành", "status": "done"])
            let detail = try done.decode(TaskAPIController.TaskDetailDTO.self)
            #expect(detail.task.status == "done")
            #expect(detail.progress.map(\.text) == ["Khám sàng lọc cho 42 trẻ em ngày 12/6", "Hoàn thành"])
            #expect(detail.progress.first?.childrenReached == 42)

            let back = try await member.send(
                .POST, "/api/v1/tasks/\(task.id)/progress", json: ["text": "nhầm", "status": "notStarted"])
            #expect(back.status == .conflict)
            #expect(back.body.string.contains("Không thể chuyển nhiệm vụ"))
            let other = try #require(mine.first { $0.id != task.id })
            let noReason = try await member.send(
                .POST, "/api/v1/tasks/\(other.id)/progress", json: ["text": "Hủy", "status": "cancelled"])
            #expect(noReason.status == .badRequest)
            #expect(try await TaskProgressModel.query(on: f.app.db).count() == 2, "nothing partial was stored")
            _ = try await member.send(
                .POST, "/api/v1/tasks/\(other.id)/progress",
                json: ["text": "Hủy", "status": "cancelled", "cancelReason": "Gộp vào nhiệm vụ khác"])
            let afterCancel = try await member.send(.POST, "/api/v1/tasks/\(other.id)/progress", json: ["text": "Thêm"])
            #expect(afterCancel.status == .conflict)
            #expect(afterCancel.body.string.contains("Nhiệm vụ đã hủy"))
        }
    }

    @Test("Others in scope read but cannot update; another commune gets 404")
    func access() async throws {
        try await withTreEm { f in
            _ = try await issuedCascade(f)
            let member = try await healthMember(f)
            let police = try #require(
                try await member.get("/api/v1/tasks").decode([TaskAPIController.TaskDTO].self)
                    .first { $0.agencyName.hasPrefix("Công an") })
            #expect(police.canUpdate == false)
            #expect(
                try await member.send(.POST, "/api/v1/tasks/\(police.id)/progress", json: ["text": "x"]).status
                    == .forbidden)
            let other = try await APIClient.signIn(f.app, "b.officer")
            #expect(try await other.get("/api/v1/tasks/\(police.id)").status == .notFound)
            #expect(
                try await other.send(.POST, "/api/v1/tasks/\(police.id)/progress", json: ["text": "x"]).status
                    == .notFound)
            #expect(try await other.get("/api/v1/tasks").decode([TaskAPIController.TaskDTO].self).isEmpty)
            let entries = try await AuditEntryModel.query(on: f.app.db).filter(\.$action == "task.progress").count()
            #expect(entries == 0)
        }
    }

    @Test("The city's task shows how the communes' derived tasks stand")
    func rollup() async throws {
        try await withTreEm { f in
            let (cityID, _) = try await issuedCascade(f)
            let city = try await APIClient.signIn(f.app, "city.officer")
            let listed = try await city.get("/api/v1/tasks?plan=\(cityID)")
            #expect(listed.status == .ok, "\(listed.body.string)")
            let cityTask = try #require(
                try listed.decode([TaskAPIController.TaskDTO].self)
                    .first { $0.text == "Khám sức khỏe cho trẻ em." })
            var detail = try await city.get("/api/v1/tasks/\(cityTask.id)").decode(TaskAPIController.TaskDetailDTO.self)
            #expect(detail.rollup.derived == 1)
            #expect(detail.rollup.done == 0)
            #expect(
                detail.rollup.missingUnits == 4,
                "of the city's five communes and wards only Kim Thành has derived the plan: Phú Thái, Kiến An, Phù Liễn, Nhị Chiểu have not"
            )
            let member = try await healthMember(f)
            let mine = try await member.get("/api/v1/tasks?mine=true").decode([TaskAPIController.TaskDTO].self)
            let derived = try #require(mine.first { $0.text == "Khám sức khỏe cho trẻ em." })
            _ = try await member.send(
                .POST, "/api/v1/tasks/\(derived.id)/progress", json: ["text": "Xong", "status": "done"])
            detail = try await city.get("/api/v1/tasks/\(cityTask.id)").decode(TaskAPIController.TaskDetailDTO.self)
            #expect(detail.rollup.done == 1)
            // Overdue is derived from the date, never stored.
            f.clock.advance(by: 80 * 86400)
            let again = try await APIClient.signIn(f.app, "a.health")
            let late = try await again.get("/api/v1/tasks?mine=true").decode([TaskAPIController.TaskDTO].self)
            #expect(late.first { $0.text.contains("khám sàng lọc") }?.overdue == true)
            #expect(
                late.first { $0.text == "Khám sức khỏe cho trẻ em." }?.overdue == false, "a done task is never overdue")
        }
    }
}

@Suite("Tasks in the browser")
struct TaskWebTests {
    @Test("The health station sees its tasks, records progress, and the commune's board and home show the truth")
    func pages() async throws {
        try await withTreEm { f in
            let (cityID, communeID) = try await issuedCascade(f)
            _ = try await healthMember(f)
            let member = Browser(app: f.app)
            try await member.signIn("a.health")
            let mine = try await member.get("/tasks")
            #expect(mine.status == .ok)
            #expect(mine.body.string.contains("Nhiệm vụ của cơ quan tôi"))
            #expect(mine.body.string.contains("Khám sức khỏe cho trẻ em."))
            #expect(
                !mine.body.string.contains("Phòng, chống xâm hại trẻ em."), "the police's task is not the station's")
            let taskID = try #require(
                try await TaskModel.query(on: f.app.db).filter(\.$text == "Khám sức khỏe cho trẻ em.")
                    .filter(\.$plan.$id == UUID(uuidString: communeID)!).first()?.id)
            let page = try await member.get("/tasks/\(taskID)")
            #expect(page.body.string.contains("Ghi tiến độ"))
            let bad = try await member.post(
                "/tasks/\(taskID)/progress", form: ["text": "Khám", "children_reached": "bốn hai"])
            #expect(bad.status == .badRequest)
            #expect(bad.body.string.contains("không phải là số"))
            let saved = try await member.post(
                "/tasks/\(taskID)/progress",
                form: [
                    "text": "Khám sàng lọc cho 42 trẻ em ngày 12/6",
                    "children_reached": "42", "status": "done",
                ])
            #expect(saved.status == .seeOther)
            let after = try await member.get("/tasks/\(taskID)")
            #expect(after.body.string.contains("Khám sàng lọc cho 42 trẻ em ngày 12/6"))
            #expect(after.body.string.contains("42 trẻ em"))
            #expect(after.body.string.contains("Đã hoàn thành"))

            let officer = Browser(app: f.app)
            try await officer.signIn("a.officer")
            let board = try await officer.get("/plans/\(communeID)/board")
            #expect(board.status == .ok)
            #expect(board.body.string.contains("Trạm Y tế xã Kim Thành"))
            #expect(
                board.body.string.contains("Trạm Y tế xã Kim Thành <span class=\"muted small\">1/2"),
                "one of the station's two tasks is done")
            let home = try await officer.get("/")
            // The station's other task, due on 01/6, four days away, is listed as due soon.
            #expect(home.body.string.contains("Tổ chức khám sàng lọc vào ngày 01/6/2026"))

            // The city's task page shows the commune's derived task done.
            let city = Browser(app: f.app)
            try await city.signIn("city.officer")
            let cityTask = try #require(
                try await TaskModel.query(on: f.app.db).filter(\.$plan.$id == UUID(uuidString: cityID)!)
                    .filter(\.$text == "Khám sức khỏe cho trẻ em.").first()?.id)
            let rollup = try await city.get("/tasks/\(cityTask)")
            #expect(rollup.body.string.contains("Các đơn vị cấp dưới thực hiện"))
            // Each commune's progress on it: Kim Thành's station is done; Phú Thái has no plan yet.
            #expect(rollup.body.string.contains("<td data-label=\"Đơn vị\">Xã Kim Thành</td>"))
            #expect(rollup.body.string.contains("Đã hoàn thành"))
            #expect(rollup.body.string.contains("<span class=\"tag\">Xã Phú Thái</span>"))
            // The city's board shows the same roll-up beside the task.
            let cityBoard = try await city.get("/plans/\(cityID)/board")
            #expect(cityBoard.body.string.contains("cấp dưới xong 1/1"))

            let other = Browser(app: f.app)
            try await other.signIn("b.officer")
            #expect(try await other.get("/tasks/\(taskID)").status == .notFound)
            #expect(try await other.get("/plans/\(communeID)/board").status == .notFound)
            #expect(try await other.post("/tasks/\(taskID)/progress", form: ["text": "x"]).status == .notFound)
        }
    }
}

@Suite("Evidence of progress")
struct EvidenceTests {
    static let png: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A] + Array(repeating: 7, count: 100)

    @Test("An image is stored with the entry and downloaded as an attachment; HTML and strange files are refused")
    func evidence() async throws {
        try await withTreEm { f in
            _ = try await issuedCascade(f)
            let member = try await healthMember(f)
            let task = try #require(
                try await member.get("/api/v1/tasks?mine=true").decode([TaskAPIController.TaskDTO].self).first)
            let html = Data("<html><script>alert(1)</script></html>".utf8).base64EncodedString()
            let refused = try await member.send(
                .POST, "/api/v1/tasks/\(task.id)/progress",
                json: ["text": "Ảnh", "evidence": [["filename": "anh.png", "data": html]]])
            #expect(refused.status == .unsupportedMediaType)
            #expect(refused.body.string.contains("anh.png không được nhận"))
            #expect(
                try await TaskProgressModel.query(on: f.app.db).count() == 0,
                "nothing partial: no entry without its files")

            let saved = try await member.send(
                .POST, "/api/v1/tasks/\(task.id)/progress",
                json: [
                    "text": "Danh sách ký nhận",
                    "evidence": [["filename": "danh-sach ký nhận.png", "data": Data(Self.png).base64EncodedString()]],
                ])
            #expect(saved.status == .created)
            let detail = try saved.decode(TaskAPIController.TaskDetailDTO.self)
            let file = try #require(detail.progress.last?.evidence.first)
            #expect(file.contentType == "image/png" && file.size == Self.png.count)

            let download = try await member.get("/api/v1/tasks/\(task.id)/evidence/\(file.id)")
            #expect(download.status == .ok)
            #expect(download.headers.first(name: .contentDisposition)?.hasPrefix("attachment;") == true)
            #expect(download.headers.first(name: "Content-Security-Policy") == "sandbox; default-src 'none'")
            #expect(Array(download.body.readableBytesView) == Self.png)

            let other = try await APIClient.signIn(f.app, "b.officer")
            #expect(try await other.get("/api/v1/tasks/\(task.id)/evidence/\(file.id)").status == .notFound)
            let browser = Browser(app: f.app)
            try await browser.signIn("a.officer")
            let page = try await browser.get("/tasks/\(task.id)")
            #expect(page.body.string.contains("danh-sach ký nhận.png"))
            #expect(try await browser.get("/tasks/\(task.id)/evidence/\(file.id)").status == .ok)

            // The web form sends files as multipart "evidence[]" parts.
            let memberBrowser = Browser(app: f.app)
            try await memberBrowser.signIn("a.health")
            try await memberBrowser.get("/tasks/\(task.id)")
            let boundary = "treem-evidence"
            var body = ByteBuffer(
                string:
                    "--\(boundary)\r\nContent-Disposition: form-data; name=\"csrf_token\"\r\n\r\n\(memberBrowser.csrf)\r\n"
                    + "--\(boundary)\r\nContent-Disposition: form-data; name=\"text\"\r\n\r\nẢnh buổi khám\r\n"
                    + "--\(boundary)\r\nContent-Disposition: form-data; name=\"evidence[]\"; filename=\"kham.png\"\r\nContent-Type: image/png\r\n\r\n"
            )
            body.writeBytes(Self.png)
            body.writeString("\r\n--\(boundary)--\r\n")
            var headers = HTTPHeaders()
            headers.replaceOrAdd(name: .contentType, value: "multipart/form-data; boundary=\(boundary)")
            headers.replaceOrAdd(
                name: .cookie, value: memberBrowser.cookies.map { "\($0.key)=\($0.value)" }.joined(separator: "; "))
            try await f.app.testing().test(.POST, "/tasks/\(task.id)/progress", headers: headers, body: body) {
                response in
                #expect(response.status == .seeOther, "\(response.body.string.prefix(300))")
            }
            #expect(try await TaskEvidenceModel.query(on: f.app.db).filter(\.$fileName == "kham.png").count() == 1)
        }
    }

    @Test("A refused file leaves the text, the figures and the chosen status in the form, the file input marked")
    func refusedFileKeepsTheForm() async throws {
        try await withTreEm { f in
            _ = try await issuedCascade(f)
            let member = try await healthMember(f)
            let task = try #require(
                try await member.get("/api/v1/tasks?mine=true").decode([TaskAPIController.TaskDTO].self).first)
            let browser = Browser(app: f.app)
            try await browser.signIn("a.health")
            try await browser.get("/tasks/\(task.id)")
            let refused = try await browser.upload(
                "/tasks/\(task.id)/progress",
                fields: [
                    "text": "Đã khám cho 120 cháu ở trường Tiểu học Kim Thành", "children_reached": "1.250",
                    "amount_spent": "3.500.000", "status": "inProgress",
                ],
                file: (field: "evidence[]", name: "bao-cao.html", text: "<html><script>alert(1)</script></html>"))
            let page = refused.body.string
            #expect(refused.status == .unsupportedMediaType)
            #expect(page.contains("bao-cao.html không được nhận"))
            #expect(page.contains(">Đã khám cho 120 cháu ở trường Tiểu học Kim Thành</textarea>"))
            #expect(page.contains("name=\"children_reached\" inputmode=\"numeric\" value=\"1.250\""))
            #expect(page.contains("name=\"amount_spent\" inputmode=\"numeric\" value=\"3.500.000\""))
            #expect(page.contains("<option value=\"inProgress\" selected>"))
            #expect(
                page.contains(
                    "multiple accept=\"image/png,image/jpeg,application/pdf,.docx,.xlsx\" aria-invalid=\"true\""))
            #expect(page.contains("hãy chọn lại tệp hợp lệ"))
            #expect(try await TaskProgressModel.query(on: f.app.db).count() == 0, "nothing saved")

            // A figure that is not a number is marked the same way, with everything else kept.
            let badNumber = try await browser.upload(
                "/tasks/\(task.id)/progress",
                fields: ["text": "Khám đợt hai", "children_reached": "mười hai"],
                file: (field: "evidence[]", name: "", text: ""))
            #expect(badNumber.status == .badRequest)
            #expect(badNumber.body.string.contains("value=\"mười hai\" aria-invalid=\"true\""))
            #expect(badNumber.body.string.contains(">Khám đợt hai</textarea>"))
            #expect(!badNumber.body.string.contains("hãy chọn lại tệp hợp lệ"), "no file was chosen")
        }
    }
}

@Suite("Notifications")
struct NotificationTests {
    @Test("Members hear of new tasks, of tasks due in 3 days and of overdue ones, once each")
    func notifications() async throws {
        try await withTreEm { f in
            // The station's member exists before the plan is issued, so the assignment reaches them.
            let unit = try await unitID(Fixture.communeA, app: f.app)
            let station = try #require(
                try await AgencyModel.query(on: f.app.db).filter(\.$unit.$id == unit).filter(\.$kind == .healthStation)
                    .first())
            try await UserModel(
                username: "a.health", displayName: "Trạm trưởng",
                passwordHash: try await Accounts.hash(Fixture.password, app: f.app),
                role: .agencyMember, unitID: unit, agencyID: station.id, mustChangePassword: false
            ).create(on: f.app.db)
            _ = try await issuedCascade(f)
            var api = try await APIClient.signIn(f.app, "a.health")
            var notes = try await api.get("/api/v1/notifications").decode(
                [NotificationsController.NotificationDTO].self)
            #expect(notes.filter { $0.kind == "assigned" }.count == 2)
            #expect(notes.allSatisfy { !$0.read })

            // 2026-05-28 now: the 01/6 task is due within 3 days.
            #expect(try await Notifications.sweep(at: f.clock.now, settings: f.app.treem.settings, on: f.app.db) == 1)
            #expect(
                try await Notifications.sweep(at: f.clock.now, settings: f.app.treem.settings, on: f.app.db) == 0,
                "a repeated sweep repeats nothing")
            f.clock.advance(by: 5 * 86400)
            #expect(
                try await Notifications.sweep(at: f.clock.now, settings: f.app.treem.settings, on: f.app.db) == 1,
                "now it is overdue")
            api = try await APIClient.signIn(f.app, "a.health")
            notes = try await api.get("/api/v1/notifications").decode([NotificationsController.NotificationDTO].self)
            #expect(Set(notes.map(\.kind)) == ["assigned", "dueSoon", "overdue"])
            #expect(notes.contains { $0.kind == "overdue" && $0.text.contains("Quá hạn (hạn 01/6/2026)") })

            let browser = Browser(app: f.app)
            try await browser.signIn("a.health")
            #expect(try await browser.get("/").body.string.contains("<span class=\"badge\">4</span>"))
            try await browser.get("/notifications")
            #expect(try await browser.post("/notifications/read", form: [:]).status == .seeOther)
            #expect(!(try await browser.get("/").body.string.contains("class=\"badge\"")))
            // The late task reads as a date in words, on the home page and in the list.
            #expect(
                try await browser.get("/").body.string.contains(
                    "<span class=\"tag danger\">đã quá hạn từ 01/6/2026</span>"))
            #expect(try await browser.get("/tasks").body.string.contains("đã quá hạn từ 01/6/2026"))
            // Nobody else sees them.
            let officer = try await APIClient.signIn(f.app, "b.officer")
            #expect(
                try await officer.get("/api/v1/notifications").decode([NotificationsController.NotificationDTO].self)
                    .isEmpty)
        }
    }
}

/// The health station's head of commune A, with an e-mail address, before any plan is issued.
func stationMemberWithEmail(_ f: Fixture) async throws {
    let unit = try await unitID(Fixture.communeA, app: f.app)
    let station = try #require(
        try await AgencyModel.query(on: f.app.db).filter(\.$unit.$id == unit).filter(\.$kind == .healthStation).first())
    let member = UserModel(
        username: "a.health", displayName: "Trạm trưởng",
        passwordHash: try await Accounts.hash(Fixture.password, app: f.app),
        role: .agencyMember, unitID: unit, agencyID: station.id, mustChangePassword: false)
    member.email = "tramyte@kimthanh.example"
    try await member.create(on: f.app.db)
}

@Suite("E-mail notifications")
struct EmailTests {
    @Test("With TREEM_SMTP_URL set, a member with an address gets an e-mail for a new task (local catcher only)")
    func emailOnAssignment() async throws {
        let catcher = try SMTPCatcher()
        defer { catcher.stop() }
        try await withTreEm { f in
            f.app.treem.settings.smtpURL = "smtp://127.0.0.1:\(catcher.port)?from=treem@kimthanh.example"
            try await stationMemberWithEmail(f)
            _ = try await issuedCascade(f)
            let mail = await catcher.waitFor(2, seconds: 30)
            #expect(mail.count == 2)
            let first = try #require(mail.first)
            #expect(first.contains("To: <tramyte@kimthanh.example>"))
            #expect(first.contains("From: TreEm <treem@kimthanh.example>"))
            #expect(first.contains("Subject: =?UTF-8?B?"))
            #expect(mail.contains { $0.contains("Khám sức khỏe cho trẻ em.") })
        }
    }

    @Test("E-mail the SMTP server did not take waits in the outbox and is sent on a later try")
    func emailRetried() async throws {
        let down = try SMTPCatcher()
        let closedPort = down.port
        down.stop()  // nothing listens there now: the first try is refused
        try await withTreEm { f in
            f.app.treem.settings.smtpURL = "smtp://127.0.0.1:\(closedPort)?from=treem@kimthanh.example"
            try await stationMemberWithEmail(f)
            _ = try await issuedCascade(f)
            // The send after the issue fails; both messages stay queued with the error.
            var queued: [OutgoingMailModel] = []
            for _ in 0..<200 {
                queued = try await OutgoingMailModel.query(on: f.app.db).all()
                if queued.count == 2, queued.allSatisfy({ $0.attempts == 1 }) { break }
                try await Task.sleep(for: .milliseconds(50))
            }
            #expect(queued.count == 2)
            #expect(queued.allSatisfy { $0.attempts == 1 && $0.sentAt == nil && $0.lastError != nil })
            // Let the delivery started by the issue finish before the settings change under it.
            while f.app.treem.mailDelivery.inFlight > 0 { try await Task.sleep(for: .milliseconds(20)) }

            let catcher = try SMTPCatcher()
            defer { catcher.stop() }
            f.app.treem.settings.smtpURL = "smtp://127.0.0.1:\(catcher.port)?from=treem@kimthanh.example"
            #expect(await MailOutbox.deliverDue(f.app) == MailOutbox.Outcome(), "not before the 5-minute wait")
            f.clock.advance(by: 5 * 60)
            #expect(await MailOutbox.deliverDue(f.app) == MailOutbox.Outcome(sent: 2, failed: 0))
            #expect(catcher.messages.count == 2)
            #expect(await MailOutbox.deliverDue(f.app) == MailOutbox.Outcome(), "a sent message is never sent again")
            #expect(try await OutgoingMailModel.query(on: f.app.db).filter(\.$sentAt == nil).count() == 0)
        }
    }

    @Test("A user's e-mail address is checked")
    func emailValidation() async throws {
        try await withTreEm { f in
            let admin = try await APIClient.signIn(f.app, "a.admin")
            let bad = try await admin.send(
                .POST, "/api/v1/users",
                json: [
                    "username": "a.mail", "displayName": "Thư", "role": "viewer",
                    "unitCode": Fixture.communeA, "email": "không phải thư",
                ])
            #expect(bad.status == .badRequest)
            #expect(bad.body.string.contains("\"field\":\"email\""))
            let good = try await admin.send(
                .POST, "/api/v1/users",
                json: [
                    "username": "a.mail", "displayName": "Thư", "role": "viewer",
                    "unitCode": Fixture.communeA, "email": "Thu@KimThanh.example",
                ])
            #expect(try good.decode(APIController.CreatedUserDTO.self).user.email == "thu@kimthanh.example")
        }
    }
}
