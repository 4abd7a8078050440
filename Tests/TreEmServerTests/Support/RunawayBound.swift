/// How long a read of a crafted or adversarial input may take in a test before it counts as a
/// runaway (a backtracking pattern, an unbounded loop: minutes, not seconds). Speed itself is
/// measured by the benchmarks; this bound only has to hold for a debug build sharing two cores
/// with every other test running in parallel, so it is generous. A tight bound here made the
/// suite fail on a loaded CI machine.
let runawaySeconds = 15.0
