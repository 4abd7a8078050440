import Testing

@testable import TreEmCore

@Suite("Who sees which unit")
struct UnitGraphTests {
    // province P; old district D with communes X, Y; new commune N (from X and part of Y) and its
    // sibling S (from Y, whose default successor it is).
    let graph = UnitGraph<String>(
        units: [("P", nil), ("D", "P"), ("X", "D"), ("Y", "D"), ("N", "P"), ("S", "P"), ("V", "N")],
        successions: [("X", "N", true), ("Y", "S", true), ("Y", "N", false)])

    @Test("A unit sees itself, everything below, and what it was formed from")
    func reach() {
        #expect(graph.reach(from: "N") == ["N", "V", "X", "Y"])
        #expect(graph.reach(from: "P") == ["P", "D", "X", "Y", "N", "S", "V"])
    }

    @Test("A sibling commune sees nothing of another")
    func siblings() {
        #expect(!graph.reach(from: "S").contains("N"))
        #expect(!graph.reach(from: "S").contains("X"))
        #expect(!graph.reach(from: "S").contains("V"))
        #expect(!graph.reach(from: "N").contains("P"), "never the parent")
    }

    @Test("A divided commune is seen by every successor but counted under its default one only")
    func dividedCommune() {
        #expect(graph.countedReach(from: "S") == ["S", "Y"])
        #expect(graph.countedReach(from: "N") == ["N", "V", "X"])
        let pairs = graph.closurePairs()
        #expect(pairs.contains { $0.ancestor == "N" && $0.descendant == "Y" && !$0.counted })
        #expect(
            pairs.contains { $0.ancestor == "P" && $0.descendant == "Y" && $0.counted }, "the province counts it once")
        #expect(pairs.filter { $0.ancestor == "P" }.count == 7)
    }
}
