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
    private var children: [ID: [ID]] = [:]
    private var predecessors: [ID: [ID]] = [:]
    private var countedPredecessors: [ID: [ID]] = [:]
    public private(set) var ids: [ID] = []

    public init(units: [(id: ID, parent: ID?)], successions: [(predecessor: ID, successor: ID, isDefault: Bool)]) {
        ids = units.map(\.id)
        for unit in units {
            if let parent = unit.parent { children[parent, default: []].append(unit.id) }
        }
        for link in successions {
            predecessors[link.successor, default: []].append(link.predecessor)
            if link.isDefault { countedPredecessors[link.successor, default: []].append(link.predecessor) }
        }
    }

    /// Every unit visible from `root`, `root` included.
    public func reach(from root: ID) -> Set<ID> {
        walk(from: root, through: predecessors)
    }

    /// Every unit whose figures are added into `root`'s totals, `root` included.
    public func countedReach(from root: ID) -> Set<ID> {
        walk(from: root, through: countedPredecessors)
    }

    private func walk(from root: ID, through links: [ID: [ID]]) -> Set<ID> {
        var seen: Set<ID> = [root]
        var stack = [root]
        while let current = stack.popLast() {
            for next in children[current, default: []] + links[current, default: []] where !seen.contains(next) {
                seen.insert(next)
                stack.append(next)
            }
        }
        return seen
    }

    /// All (ancestor, descendant) pairs of the visibility relation, for a closure table, each
    /// saying whether the descendant's figures count in the ancestor's totals.
    public func closurePairs() -> [(ancestor: ID, descendant: ID, counted: Bool)] {
        ids.flatMap { id in
            let counted = countedReach(from: id)
            return reach(from: id).map { (ancestor: id, descendant: $0, counted: counted.contains($0)) }
        }
    }
}
