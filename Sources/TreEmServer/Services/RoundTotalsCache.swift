import Foundation
import NIOConcurrencyHelpers
import TreEmCore

/// The counted totals of whole reporting rounds, so that the country's roll-up does not add up
/// two million figures on every view. An entry is used only while its round's reports are as
/// they were when it was computed: every change of a figure, or of whether it counts, bumps its
/// report's version in the same transaction (`ReportEditing`: save, submit, review, reopen), so
/// the number of reports and the sum of their versions — read from the database on every call —
/// name the state of the round's figures. Each server process keeps its own entries, checked
/// against the shared database, so several servers never serve each other's stale totals.
final class RoundTotalsCache: Sendable {
    struct Stamp: Hashable, Sendable {
        var reports: Int
        var versions: Int
    }

    static let shared = RoundTotalsCache(capacity: 4_096)

    private let capacity: Int
    private let entries = NIOLockedValueBox<[UUID: (stamp: Stamp, totals: [ValueKey: CellSum])]>([:])

    init(capacity: Int) {
        self.capacity = capacity
    }

    func totals(of round: UUID, stamp: Stamp) -> [ValueKey: CellSum]? {
        entries.withLockedValue { entries in
            guard let entry = entries[round], entry.stamp == stamp else { return nil }
            return entry.totals
        }
    }

    func store(_ totals: [ValueKey: CellSum], of round: UUID, stamp: Stamp) {
        entries.withLockedValue { entries in
            // Bounded: a full cache starts again rather than growing with every round ever viewed.
            if entries.count >= capacity, entries[round] == nil { entries.removeAll(keepingCapacity: true) }
            entries[round] = (stamp, totals)
        }
    }

    /// Forgets everything: for measuring the roll-up from a cold start.
    func removeAll() {
        entries.withLockedValue { $0.removeAll() }
    }
}
