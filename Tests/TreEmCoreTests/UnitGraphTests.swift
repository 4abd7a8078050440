import Testing

@testable import TreEmCore

@Suite("Who sees which unit")
struct UnitGraphTests {
    // province P; old district D with communes X, Y; new commune N (from X) and sibling S (from Y).
    let graph = UnitGraph<String>(
        units: [("P", nil), ("D", "P"), ("X", "D"), ("Y", "D"), ("N", "P"), ("S", "P"), ("V", "N")],
        successions: [("X", "N"), ("Y", "S")])

    @Test("A unit sees itself, everything below, and what it was formed from")
    func reach() {
        #expect(graph.reach(from: "N") == ["N", "V", "X"])
        #expect(graph.reach(from: "P") == ["P", "D", "X", "Y", "N", "S", "V"])
    }

    @Test("A sibling commune sees nothing of another")
    func siblings() {
        #expect(!graph.reach(from: "S").contains("N"))
        #expect(!graph.reach(from: "S").contains("X"))
        #expect(!graph.reach(from: "N").contains("P"), "never the parent")
    }
}
