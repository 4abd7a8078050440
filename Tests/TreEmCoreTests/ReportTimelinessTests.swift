import Foundation
import Testing

@testable import TreEmCore

@Suite("Timeliness and totals")
struct ReportTimelinessTests {
    func instant(_ iso: String) -> Date { ISO8601DateFormatter().date(from: iso)! }

    @Test("A report sent at 23:59 Hanoi time on the deadline is on time; at 00:00 the next day it is late")
    func deadlineEdge() {
        let deadline = CalendarDay(year: 2024, month: 7, day: 10)!
        #expect(
            ReportRules.timeliness(deadline: deadline, submittedAt: instant("2024-07-10T23:59:59+07:00"), now: .now)
                == .onTime)
        #expect(
            ReportRules.timeliness(deadline: deadline, submittedAt: instant("2024-07-10T17:00:00Z"), now: .now) == .late
        )
        #expect(
            ReportRules.timeliness(deadline: deadline, submittedAt: nil, now: instant("2024-07-10T16:59:59Z"))
                == .pending)
        #expect(
            ReportRules.timeliness(deadline: deadline, submittedAt: nil, now: instant("2024-07-11T00:00:00+07:00"))
                == .overdue)
    }

    @Test("Completeness counts expected, submitted, approved, on time, late, missing and overdue")
    func completeness() {
        let deadline = CalendarDay(year: 2024, month: 7, day: 10)
        let now = instant("2024-07-15T09:00:00+07:00")
        var c = Completeness()
        c.add(status: .approved, deadline: deadline, submittedAt: instant("2024-07-09T09:00:00+07:00"), now: now)
        c.add(status: .submitted, deadline: deadline, submittedAt: instant("2024-07-12T09:00:00+07:00"), now: now)
        c.add(status: .returned, deadline: deadline, submittedAt: instant("2024-07-08T09:00:00+07:00"), now: now)
        c.add(status: .draft, deadline: CalendarDay(year: 2024, month: 7, day: 20), submittedAt: nil, now: now)
        #expect(c.expected == 4)
        #expect(c.submitted == 2)
        #expect(c.approved == 1)
        #expect(c.onTime == 1)
        #expect(c.late == 1)
        #expect(c.missing == 2)
        #expect(c.overdue == 1, "the returned one is missing after its deadline; the draft still has time")
    }

    @Test("Deadlines step down ten days a level (Thông tư 28/2019, Điều 5)")
    func deadlines() {
        let root = CalendarDay(year: 2024, month: 7, day: 20)!
        #expect(ReportRules.deadline(rootDeadline: root, depth: 1) == root)
        #expect(ReportRules.deadline(rootDeadline: root, depth: 2).iso == "2024-07-10")
        #expect(ReportRules.actionMonthDeadline(year: 2024, reportingTo: .district).iso == "2024-07-10")
        #expect(ReportRules.actionMonthDeadline(year: 2026, reportingTo: .province).iso == "2026-07-20")
    }

    @Test("Shares are computed from the added-up parts, never averaged")
    func ratios() {
        let form = ReportForm.annualChildWork
        let figures = Aggregation.figures(
            [
                ValueKey("CT-HCDB"): CellSum(sum: 10 + 90, count: 2),
                ValueKey("CT-HCDB-TRO-GIUP"): CellSum(sum: 10 + 45, count: 2),
            ], form: form)
        // 100% of 10 and 50% of 90 is 55%, not the 75% an average of shares would say.
        #expect(figures[ValueKey("CT-HCDB-TY-LE")] == 55)
    }
}
