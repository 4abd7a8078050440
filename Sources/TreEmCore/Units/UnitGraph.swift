/// The administrative hierarchy across time, as links between unit versions: each version has
/// one parent version, and successor links join versions across a merger or split.
///
/// Access follows it: a user sees their unit, everything below it, and the units their unit
/// succeeded (with everything below those) — so the commune formed in 2025 keeps seeing the
/// records of the communes it merged, and a sibling commune never sees them.
public struct UnitGraph<ID: Hashable & Sendable>: Sendable {
    private var children: [ID: [ID]] = [:]
    private var predecessors: [ID: [ID]] = [:]
    public private(set) var ids: [ID] = []

    public init(units: [(id: ID, parent: ID?)], successions: [(predecessor: ID, successor: ID)]) {
        ids = units.map(\.id)
        for unit in units {
            if let parent = unit.parent { children[parent, default: []].append(unit.id) }
        }
        for link in successions { predecessors[link.successor, default: []].append(link.predecessor) }
    }

    /// Every unit visible from `root`, `root` included.
    public func reach(from root: ID) -> Set<ID> {
        var seen: Set<ID> = [root]
        var stack = [root]
        while let current = stack.popLast() {
            for next in children[current, default: []] + predecessors[current, default: []] where !seen.contains(next) {
                seen.insert(next)
                stack.append(next)
            }
        }
        return seen
    }

    /// All (ancestor, descendant) pairs of the visibility relation, for a closure table.
    public func closurePairs() -> [(ancestor: ID, descendant: ID)] {
        ids.flatMap { id in reach(from: id).map { (ancestor: id, descendant: $0) } }
    }
}
