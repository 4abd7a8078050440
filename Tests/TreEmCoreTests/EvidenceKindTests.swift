import Foundation
import Testing

@testable import TreEmCore

@Suite("Evidence files")
struct EvidenceKindTests {
    @Test("Files are judged by their bytes: images, PDF, Word, Excel; never HTML or a renamed ZIP")
    func detect() throws {
        #expect(EvidenceKind.detect([0xFF, 0xD8, 0xFF, 0xE0, 0, 0]) == .jpeg)
        #expect(EvidenceKind.detect(Array("%PDF-1.7\n".utf8)) == .pdf)
        var plan = try PlanFixtures.kimThanh2026
        plan.number = "1/KH-UBND"
        #expect(EvidenceKind.detect(PlanDOCX.render(plan)) == .docx)
        var zip = ZipArchive()
        zip.add("xl/workbook.xml", "<workbook/>")
        #expect(EvidenceKind.detect(zip.finished()) == .xlsx)
        var other = ZipArchive()
        other.add("index.html", "<script></script>")
        #expect(EvidenceKind.detect(other.finished()) == nil)
        #expect(EvidenceKind.detect(Array("<html>".utf8)) == nil)
    }
}
