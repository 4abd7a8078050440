import Foundation
import TreEmCore

// Times rendering a plan document in each output format, in process, and prints the figures.
// Usage: swift run -c release treem-bench [PLAN.json] [ITERATIONS]
// The default plan is the largest seed (Lai Châu 2024, seed 003).

let arguments = CommandLine.arguments.dropFirst()
let path = arguments.first ?? "Tests/Fixtures/plans/seed-003-lai-chau-2024.json"
let iterations = arguments.dropFirst().first.flatMap(Int.init) ?? 200

guard let data = FileManager.default.contents(atPath: path) else {
    FileHandle.standardError.write(Data("cannot read \(path)\n".utf8))
    exit(2)
}
let plan = try JSONDecoder().decode(PlanDocument.self, from: data)

func measure(_ name: String, _ body: () -> Int) {
    var size = 0
    for _ in 0..<5 { size = body() }  // warm up
    var samples: [Double] = []
    samples.reserveCapacity(iterations)
    for _ in 0..<iterations {
        let start = DispatchTime.now().uptimeNanoseconds
        size = body()
        samples.append(Double(DispatchTime.now().uptimeNanoseconds - start) / 1_000_000)
    }
    samples.sort()
    let median = samples[samples.count / 2]
    let p95 = samples[min(samples.count - 1, Int(Double(samples.count) * 0.95))]
    print(
        String(
            format: "%-10@ n=%d  min %.3f ms  median %.3f ms  p95 %.3f ms  max %.3f ms  (%d bytes)",
            name as NSString, iterations, samples[0], median, p95, samples[samples.count - 1], size))
}

print("plan: \(path) — \(plan.assignments.count) assignments, \(plan.assignments.flatMap(\.tasks).count) tasks")
measure("docx") { PlanDOCX.render(plan).count }
measure("html") { PlanHTML.render(plan).utf8.count }
measure("markdown") { PlanMarkdown.render(plan).utf8.count }

// Reading the seed documents (issue #4): target under 5 ms each.
let seeds = [
    "000_8a2ec5e1df028a95", "001_a5beb986ee9a6d7e", "002_70fa31cfd4f9f8fe", "003_a85a19afab6becd2",
    "004_f9aac6e786401dd7",
]
for seed in seeds {
    let file = "Tests/Fixtures/import/\(seed).txt"
    guard let source = try? String(contentsOfFile: file, encoding: .utf8) else { continue }
    measure("read \(seed.prefix(3))") { PlanReader.read(source).assignments.count }
}

// Reading Word files (issue #10): the plan as TreEm writes it, and crafted files that once
// crashed or hung the server — each must be refused or read far under a second.
let docx = PlanDOCX.render(plan)
measure("docx-text") { (try? DOCXText.text(of: docx))?.utf8.count ?? -1 }
func crafted(document: String, numbering: String? = nil) -> [UInt8] {
    var zip = ZipArchive()
    zip.add("word/document.xml", document)
    if let numbering { zip.add("word/numbering.xml", numbering) }
    return zip.finished()
}
let w = "xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\""
let numberedParagraph =
    "<w:p><w:pPr><w:numPr><w:ilvl w:val=\"0\"/><w:numId w:val=\"1\"/></w:numPr></w:pPr><w:r><w:t>x</w:t></w:r></w:p>"
let overflowNumbering =
    "<w:numbering \(w)><w:abstractNum w:abstractNumId=\"0\"><w:lvl w:ilvl=\"0\"><w:start w:val=\"9223372036854775807\"/>"
    + "<w:numFmt w:val=\"upperRoman\"/><w:lvlText w:val=\"%1.\"/></w:lvl></w:abstractNum><w:num w:numId=\"1\"><w:abstractNumId w:val=\"0\"/></w:num></w:numbering>"
let unclosed = crafted(document: "<w:document><w:body>" + String(repeating: "<w:p>", count: 33_000))
let overflow = crafted(
    document: "<w:document \(w)><w:body>" + String(repeating: numberedParagraph, count: 200) + "</w:body></w:document>",
    numbering: overflowNumbering)
measure("unclosed") { (try? DOCXText.text(of: unclosed))?.utf8.count ?? -1 }
measure("overflow") { (try? DOCXText.text(of: overflow))?.utf8.count ?? -1 }
