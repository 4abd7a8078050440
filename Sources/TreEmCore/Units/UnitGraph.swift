/// The administrative hierarchy across time, as links between unit versions: each version has
/// one parent version, and successor links join versions across a merger or split.
///
/// Access follows it: a user sees their unit, everything below it, and the units their unit
/// succeeded (with everything below those) — so the commune formed in 2025 keeps seeing the
/// records of the communes it merged, and a sibling commune never sees them.
///
/// Totals follow a narrower relation: a unit divided between several successors is seen by
/// all of them but counted under its default successor only, so its figures are added once.
public struct UnitGraph<ID: Hashable & Sendable>: Sendable {
    // Walked by position, not by ID: the whole country's closure is some 57,000 pairs, and
    // hashing an ID per step made rebuilding it take seconds.
    public let ids: [ID]
    private let index: [ID: Int]
    private var children: [[Int]]
    private var predecessors: [[Int]]
    private var countedPredecessors: [[Int]]

    public init(units: [(id: ID, parent: ID?)], successions: [(predecessor: ID, successor: ID, isDefault: Bool)]) {
        ids = units.map(\.id)
        index = Dictionary(units.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { first, _ in first })
        children = Array(repeating: [], count: units.count)
        predecessors = Array(repeating: [], count: units.count)
        countedPredecessors = Array(repeating: [], count: units.count)
        for (position, unit) in units.enumerated() {
            if let parent = unit.parent.flatMap({ index[$0] }) { children[parent].append(position) }
        }
        for link in successions {
            guard let successor = index[link.successor], let predecessor = index[link.predecessor] else { continue }
            predecessors[successor].append(predecessor)
            if link.isDefault { countedPredecessors[successor].append(predecessor) }
        }
    }

    /// Every unit visible from `root`, `root` included.
    public func reach(from root: ID) -> Set<ID> {
        guard let start = index[root] else { return [root] }
        var seen = Array(repeating: false, count: ids.count)
        return Set(walk(from: start, through: predecessors, seen: &seen).map { ids[$0] })
    }

    /// Every unit whose figures are added into `root`'s totals, `root` included.
    public func countedReach(from root: ID) -> Set<ID> {
        guard let start = index[root] else { return [root] }
        var seen = Array(repeating: false, count: ids.count)
        return Set(walk(from: start, through: countedPredecessors, seen: &seen).map { ids[$0] })
    }

    /// The positions reachable from `start`; `seen` is all false on entry and again on return.
    private func walk(from start: Int, through links: [[Int]], seen: inout [Bool]) -> [Int] {
        var found = [start]
        seen[start] = true
        var next = 0
        while next < found.count {
            let current = found[next]
            next += 1
            for other in children[current] where !seen[other] {
                seen[other] = true
                found.append(other)
            }
            for other in links[current] where !seen[other] {
                seen[other] = true
                found.append(other)
            }
        }
        for position in found { seen[position] = false }
        return found
    }

    /// All (ancestor, descendant) pairs of the visibility relation, for a closure table, each
    /// saying whether the descendant's figures count in the ancestor's totals.
    public func closurePairs() -> [(ancestor: ID, descendant: ID, counted: Bool)] {
        var pairs: [(ancestor: ID, descendant: ID, counted: Bool)] = []
        var seen = Array(repeating: false, count: ids.count)
        var counted = Array(repeating: false, count: ids.count)
        for start in ids.indices {
            let countedHere = walk(from: start, through: countedPredecessors, seen: &seen)
            for position in countedHere { counted[position] = true }
            for position in walk(from: start, through: predecessors, seen: &seen) {
                pairs.append((ancestor: ids[start], descendant: ids[position], counted: counted[position]))
            }
            for position in countedHere { counted[position] = false }
        }
        return pairs
    }
}
