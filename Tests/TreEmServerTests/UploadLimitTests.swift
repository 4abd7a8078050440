import Fluent
import Foundation
import Testing
import TreEmCore
import VaporTesting

@testable import TreEmServer

/// A DOCX package with the given document.xml and numbering.xml, made here so that no crafted
/// blob is committed.
func craftedDOCX(document: String, numbering: String? = nil) -> [UInt8] {
    var zip = ZipArchive()
    zip.add(
        "[Content_Types].xml",
        "<?xml version=\"1.0\"?><Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\"/>")
    zip.add("word/document.xml", document)
    if let numbering { zip.add("word/numbering.xml", numbering) }
    return zip.finished()
}

/// Posts one file as `multipart/form-data` to the JSON API, as a client program would.
func uploadToAPI(
    _ app: Application, token: String, path: String, fileName: String, bytes: [UInt8]
) async throws -> TestingHTTPResponse {
    let boundary = "treem-upload-boundary"
    var body = ByteBuffer()
    body.writeString("--\(boundary)\r\nContent-Disposition: form-data; name=\"file\"; filename=\"\(fileName)\"\r\n")
    body.writeString("Content-Type: application/octet-stream\r\n\r\n")
    body.writeBytes(bytes)
    body.writeString("\r\n--\(boundary)--\r\n")
    var headers = HTTPHeaders()
    headers.bearerAuthorization = .init(token: token)
    headers.replaceOrAdd(name: .contentType, value: "multipart/form-data; boundary=\(boundary)")
    var captured: TestingHTTPResponse?
    try await app.testing().test(.POST, path, headers: headers, body: body) { captured = $0 }
    return try #require(captured)
}

@Suite("Uploads and inputs that must never hurt the server")
struct UploadLimitTests {
    static let numberedParagraph =
        "<w:p><w:pPr><w:numPr><w:ilvl w:val=\"0\"/><w:numId w:val=\"1\"/></w:numPr></w:pPr><w:r><w:t>Nhiệm vụ</w:t></w:r></w:p>"

    static func numbering(start: String, format: String) -> String {
        "<w:numbering xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"><w:abstractNum w:abstractNumId=\"0\">"
            + "<w:lvl w:ilvl=\"0\"><w:start w:val=\"\(start)\"/><w:numFmt w:val=\"\(format)\"/><w:lvlText w:val=\"%1.\"/></w:lvl>"
            + "</w:abstractNum><w:num w:numId=\"1\"><w:abstractNumId w:val=\"0\"/></w:num></w:numbering>"
    }

    static let crafted: [(name: String, bytes: [UInt8])] = [
        (
            "overflowing numbering",
            craftedDOCX(
                document:
                    "<w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"><w:body>"
                    + "<w:p><w:r><w:t>KẾ HOẠCH</w:t></w:r></w:p>" + String(repeating: numberedParagraph, count: 20)
                    + "</w:body></w:document>",
                numbering: numbering(start: "9223372036854775807", format: "decimal"))
        ),
        (
            "roman numbering from two billion",
            craftedDOCX(
                document:
                    "<w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"><w:body>"
                    + String(repeating: numberedParagraph, count: 20) + "</w:body></w:document>",
                numbering: numbering(start: "2000000000", format: "upperRoman"))
        ),
        (
            "33,000 unclosed paragraphs",
            craftedDOCX(document: "<w:document><w:body>" + String(repeating: "<w:p>", count: 33_000))
        ),
    ]

    @Test(
        "Crafted Word files are refused or read quickly, and the server keeps answering",
        arguments: crafted.indices)
    func craftedWordFiles(_ index: Int) async throws {
        let file = Self.crafted[index]
        try await withTreEm { f in
            let api = try await APIClient.signIn(f.app, "a.officer")
            let start = Date()
            let response = try await uploadToAPI(
                f.app, token: try #require(api.token), path: "/api/v1/plans/import",
                fileName: "ke-hoach.docx", bytes: file.bytes)
            let seconds = Date().timeIntervalSince(start)
            #expect(
                [.ok, .unprocessableEntity].contains(response.status),
                "\(file.name): \(response.status) \(response.body.string.prefix(300))")
            // Seconds, not the minutes the old reader took; the bound leaves room for a debug build
            // on a loaded machine. Tests/attack/test_uploads.py measures the second against a real server.
            #expect(seconds < runawaySeconds, "\(file.name) took \(seconds) s")
            #expect(try await api.get("/api/v1/me").status == .ok)
        }
    }

    @Test("A plan file with a paragraph longer than any real one is refused, naming the line")
    func overlongLine() async throws {
        try await withTreEm { f in
            let api = try await APIClient.signIn(f.app, "a.officer")
            let text = "KẾ HOẠCH\nCăn cứ Kế hoạch của " + String(repeating: "ủy ban ", count: 3_000) + "\n"
            let response = try await uploadToAPI(
                f.app, token: try #require(api.token), path: "/api/v1/plans/import",
                fileName: "ke-hoach.txt", bytes: Array(text.utf8))
            #expect(response.status == .unprocessableEntity)
            #expect(response.body.string.contains("Dòng 2"))
        }
    }

    @Test("A units CSV that is not UTF-8 is refused with its line, and nothing is imported")
    func unitsCSVNotUTF8() async throws {
        try await withTreEm { f in
            let before = try await UnitModel.query(on: f.app.db).count()
            let browser = Browser(app: f.app)
            try await browser.signIn("admin")
            try await browser.get("/units/import")
            // "Thôn" as a Windows-1258 editor writes it: the byte 0xD4 is not UTF-8.
            let bytes =
                Array("code,name,level,parent_code,valid_from,valid_to\n99001,Th".utf8) + [0xD4]
                + Array("n,village,10804,2025-07-01,\n".utf8)
            let raw = try await browser.upload(
                "/units/import", fields: [:], file: (field: "file", name: "thon.csv", bytes: bytes))
            #expect(raw.status == .unprocessableEntity)
            #expect(raw.body.string.contains("Dòng 2"))
            #expect(raw.body.string.contains("UTF-8"))
            #expect(try await UnitModel.query(on: f.app.db).count() == before)
        }
    }

    @Test("A report narrative over its limit is refused with the field named; nothing is saved")
    func narrativeLimit() async throws {
        try await withTreEm { f in
            let round = try await openRound2024(f)
            let commune = try await APIClient.signIn(f.app, "dongcam.officer")
            let reportID = try #require(round.reports["10804"])
            let response = try await commune.send(
                .PUT, "/api/v1/reports/\(reportID)/values",
                json: ["results": String(repeating: "Tốt. ", count: 7_000)])
            #expect(response.status == .unprocessableEntity, "\(response.body.string.prefix(300))")
            #expect(response.body.string.contains("Kết quả thực hiện"))
            let stored = try #require(try await ReportModel.find(UUID(uuidString: reportID), on: f.app.db))
            #expect(stored.results.isEmpty)
        }
    }

    @Test("Reminding the missing units reaches each at most once a day")
    func remindOncePerDay() async throws {
        try await withTreEm { f in
            let round = try await openRound2024(f)
            let district = try await APIClient.signIn(f.app, "kt2024.officer")
            let firstResponse = try await district.send(.POST, "/api/v1/rounds/\(round.roundID)/remind", json: [:])
            #expect(firstResponse.status == .ok, "\(firstResponse.body.string)")
            let first = try firstResponse.decode(ReportAPIController.RemindDTO.self)
            #expect(first.units.count == 5)
            let secondResponse = try await district.send(.POST, "/api/v1/rounds/\(round.roundID)/remind", json: [:])
            #expect(secondResponse.status == .ok, "\(secondResponse.body.string)")
            let second = try secondResponse.decode(ReportAPIController.RemindDTO.self)
            #expect(second.units.isEmpty)
            #expect(second.reminded == 0)
            #expect(second.alreadyRemindedToday.count == 5)
            let commune = try await APIClient.signIn(f.app, "dongcam.officer")
            let notes = try await commune.get("/api/v1/notifications").decode(
                [NotificationsController.NotificationDTO].self)
            #expect(notes.filter { $0.text.contains("nhắc") }.count == 1)
            f.clock.advance(by: 24 * 3600)
            let nextMorning = try await APIClient.signIn(f.app, "kt2024.officer")
            let nextDay = try await nextMorning.send(.POST, "/api/v1/rounds/\(round.roundID)/remind", json: [:]).decode(
                ReportAPIController.RemindDTO.self)
            #expect(nextDay.units.count == 5)
        }
    }

    @Test("Exports and evidence downloads are written to the audit log")
    func downloadsAudited() async throws {
        try await withTreEm { f in
            let round = try await openRound2024(f)
            let browser = Browser(app: f.app)
            try await browser.signIn("hd.officer")
            #expect(try await browser.get("/reports/rounds/\(round.roundID)/export/csv").status == .ok)
            let exported = try await AuditEntryModel.query(on: f.app.db).filter(\.$action == "report.exported").all()
            #expect(exported.count == 1)
            #expect(exported.first?.actorUsername == "hd.officer")
        }
    }
}

@Suite("PDF through pdftotext")
struct PDFTimeoutTests {
    @Test("A pdftotext that never finishes is killed after the time allowed, and the file refused")
    func stuckConverterIsKilled() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent(
            "treem-stuck-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let stuck = directory.appendingPathComponent("pdftotext")
        try "#!/bin/sh\nexec sleep 60\n".write(to: stuck, atomically: true, encoding: .utf8)
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: stuck.path)
        let start = Date()
        do {
            _ = try PlanSourceFile.pdfText(Array("%PDF-1.4\n".utf8), seconds: 0.5, tool: stuck.path)
            Issue.record("a stuck converter gave text")
        } catch let failure as PlanSourceFile.Failure {
            #expect(failure.message.vi.contains("quá 0,5 giây nên đã dừng"))
        }
        #expect(Date().timeIntervalSince(start) < runawaySeconds)
    }
}
