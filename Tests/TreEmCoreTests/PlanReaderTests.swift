import Foundation
import Testing

@testable import TreEmCore

@Suite("Reading plan documents")
struct PlanReaderTests {
    @Test("Each seed reads to its fixture, field by field", arguments: ImportFixtures.seeds)
    func seed(_ seed: String) throws {
        let actual = PlanReader.read(try ImportFixtures.source(seed))
        let expected = try ImportFixtures.expected(seed)
        #expect(actual.kind == expected.kind)
        #expect(actual.issuer == expected.issuer)
        #expect(actual.number == expected.number)
        #expect(actual.place == expected.place)
        #expect(actual.issuedOn == expected.issuedOn)
        #expect(actual.title == expected.title)
        #expect(actual.bases == expected.bases)
        #expect(actual.theme == expected.theme)
        #expect(actual.period == expected.period)
        #expect(actual.scope == expected.scope)
        #expect(actual.targets == expected.targets)
        #expect(actual.assignments.map(\.agency) == expected.assignments.map(\.agency))
        for (a, e) in zip(actual.assignments, expected.assignments) {
            #expect(a.agencies == e.agencies, "agencies of \(e.agency)")
            #expect(a.mode == e.mode, "mode of \(e.agency)")
            #expect(a.tasks == e.tasks, "tasks of \(e.agency)")
        }
        #expect(actual.reporting == expected.reporting)
        #expect(actual.recipients == expected.recipients)
        #expect(actual.signature == expected.signature)
        #expect(actual.slogans == expected.slogans)
    }
}

@Suite("Reading plan documents: text forms")
struct PlanReaderTextFormTests {
    @Test("Decomposed (NFD) text, as Word and Excel paste it, reads the same as NFC")
    func decomposed() throws {
        let source = try ImportFixtures.source("002_70fa31cfd4f9f8fe")
        #expect(PlanReader.read(source.decomposedStringWithCanonicalMapping) == PlanReader.read(source))
    }

    @Test("Windows line endings read the same")
    func crlf() throws {
        let source = try ImportFixtures.source("004_f9aac6e786401dd7")
        #expect(PlanReader.read(source.replacingOccurrences(of: "\n", with: "\r\n")) == PlanReader.read(source))
    }

    @Test("A DOCX written from a plan reads back its parts")
    func docxRoundTrip() throws {
        var plan = try PlanFixtures.laiChau2024
        plan.number = "97/KH-UBND"
        plan.issueDate = PartialDate(year: 2024, month: 4, day: 10)
        let text = try DOCXText.text(of: PlanDOCX.render(plan))
        let read = PlanReader.read(text)
        #expect(read.number == "97/KH-UBND")
        #expect(read.issuedOn == ImportedPlan.IssuedOn(year: 2024, month: 4, day: 10))
        #expect(read.title == plan.title)
        #expect(
            read.assignments.map(\.agency).prefix(3) == [
                "Sở Lao động - Thương binh và Xã hội", "Sở Giáo dục và Đào tạo", "Sở Y tế",
            ])
        #expect(read.signature?.name == "Tổng Thanh Hải")
        #expect(read.slogans.count == 12)
    }

    @Test("The trace points at the source lines of each part")
    func trace() throws {
        let reading = PlanReader.readDetailed(try ImportFixtures.source("000_8a2ec5e1df028a95"))
        let title = try #require(reading.trace.first { $0.part == "title" })
        #expect(title.firstLine == 7)
        #expect(reading.trace.contains { $0.part == "assignments" && $0.firstLine > 80 })
        #expect(!reading.extras.purposes.isEmpty)
        #expect(!reading.extras.sections.isEmpty)
    }
}
