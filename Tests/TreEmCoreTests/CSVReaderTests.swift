import Foundation
import Testing

@testable import TreEmCore

@Suite("CSV as Excel writes it")
struct CSVReaderTests {
    @Test("Quoted fields keep commas, quotes and line breaks; records know their first line")
    func quoted() throws {
        let text = "\u{FEFF}a,b\r\n\"x, y\",\"say \"\"hi\"\"\"\n\"two\nlines\",z\n\n"
        let records = try CSVReader.records(in: text)
        #expect(records.count == 3)
        #expect(records[0].fields == ["a", "b"])
        #expect(records[1].fields == ["x, y", "say \"hi\""])
        #expect(records[2].fields == ["two\nlines", "z"])
        #expect(records.map(\.line) == [1, 2, 3])
    }

    @Test("An unclosed quote is an error naming its line")
    func unterminated() {
        #expect(throws: CSVError.unterminatedQuote(line: 2)) {
            try CSVReader.records(in: "a,b\n\"open,c\n")
        }
    }
}
