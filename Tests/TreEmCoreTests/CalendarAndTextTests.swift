import Foundation
import Testing

@testable import TreEmCore

@Suite("Days and Vietnamese text")
struct CalendarAndTextTests {
    @Test("ISO dates parse, impossible ones do not")
    func isoDates() {
        #expect(CalendarDay(iso: "2025-07-01")?.vietnameseShort == "01/7/2025")
        #expect(CalendarDay(iso: "2024-02-29") != nil)
        #expect(CalendarDay(iso: "2025-02-29") == nil)
        #expect(CalendarDay(iso: "2025-7-1") == nil)
        #expect(CalendarDay(iso: "01/07/2025") == nil)
        #expect(CalendarDay(iso: "2025-07-01")! < CalendarDay(iso: "2025-07-02")!)
    }

    @Test("Nghị định 30: days below 10 and months 1–2 take a leading zero")
    func vietnameseShortForm() {
        #expect(CalendarDay(year: 2024, month: 4, day: 15)!.vietnameseShort == "15/4/2024")
        #expect(CalendarDay(year: 2026, month: 2, day: 3)!.vietnameseShort == "03/02/2026")
    }

    @Test("Day arithmetic crosses months, leap days and years")
    func arithmetic() {
        let day = CalendarDay(year: 2025, month: 7, day: 1)!
        #expect(day.adding(days: -1).iso == "2025-06-30")
        #expect(CalendarDay(year: 2024, month: 2, day: 28)!.adding(days: 1).iso == "2024-02-29")
        #expect(CalendarDay(year: 2025, month: 12, day: 31)!.adding(days: 1).iso == "2026-01-01")
        #expect(CalendarDay(year: 1970, month: 1, day: 1)!.daysSinceEpoch == 0)
    }

    @Test("The day in Vietnam is UTC+7")
    func vietnamDay() {
        // 2025-06-30 18:00 UTC is already 1 July in Hà Nội.
        let instant = Double(CalendarDay(year: 2025, month: 6, day: 30)!.daysSinceEpoch) * 86400 + 18 * 3600
        #expect(CalendarDay(vietnamTimeOf: instant).iso == "2025-07-01")
    }

    @Test("Text pasted from Word in NFD is stored as NFC")
    func nfc() {
        // Swift compares strings by canonical equivalence, so compare the stored scalars.
        let decomposed = "Tre\u{0309} em"
        #expect(decomposed.unicodeScalars.count == 7)
        let cleaned = VietnameseText.clean("  \(decomposed)\n ")
        #expect(Array(cleaned.unicodeScalars) == Array("Tr\u{1EBB} em".unicodeScalars))
    }

    @Test("Search folds tones, marks and đ")
    func folding() {
        #expect(VietnameseText.fold("Trẻ Em Đồ Sơn") == "tre em do son")
        #expect(VietnameseText.matches("Phòng Văn hóa - Xã hội xã Kim Thành", query: "van hoa kim thanh"))
        #expect(!VietnameseText.matches("Trạm Y tế", query: "cong an"))
    }

    @Test("Lists sort in the Vietnamese alphabet: a < ă < â < b, d < đ")
    func collation() {
        let sorted = ["Đồng", "Dương", "Ân", "Anh", "Ăn", "Bình"].sorted(by: VietnameseText.precedes)
        #expect(sorted == ["Anh", "Ăn", "Ân", "Bình", "Dương", "Đồng"])
    }

    @Test("People sort by given name, then family and middle names")
    func personNames() {
        let sorted = ["Nguyễn Thị Bình", "Trần Văn An", "Lê An"].sorted(by: VietnameseText.personNamePrecedes)
        #expect(sorted == ["Lê An", "Trần Văn An", "Nguyễn Thị Bình"])
    }

    @Test("A shortened text ends at a whole word with …, never inside one")
    func shortened() {
        let task = "Tổ chức khám sức khỏe, tư vấn dinh dưỡng cho trẻ em dưới 6 tuổi tại Trạm Y tế xã"
        let short = VietnameseText.shortened(task, to: 30)
        #expect(short == "Tổ chức khám sức khỏe, tư vấn…")
        #expect(short.count <= 30)
        #expect(VietnameseText.shortened(task, to: 25) == "Tổ chức khám sức khỏe…", "no comma before …")
        #expect(VietnameseText.shortened("Ngắn gọn", to: 30) == "Ngắn gọn")
        #expect(VietnameseText.shortened(String(repeating: "a", count: 50), to: 10) == "aaaaaaaaa…")
    }
}
