@testable import AuditRules
import Testing

/// The rules compile on two threads; the result must be the sequential map's, in order.
@Suite struct ParallelMapTests {
    @Test(arguments: [0, 1, ParallelMap.minimumCount - 1, ParallelMap.minimumCount, 17, 100, 1001])
    func keepsTheOrderOfTheSequentialMap(_ count: Int) {
        let elements = Array(0..<count)
        #expect(ParallelMap.map(elements) { $0 * 3 + 1 } == elements.map { $0 * 3 + 1 })
    }

    @Test func theShippedRulesCompileToTheSameOrderTwice() throws {
        let set = try RuleSet.load(RuleSet.bundledFiles)
        let first = try set.compile().map(\.definition.id)
        #expect(first == set.definitions.map(\.id))
        #expect(try set.compile().map(\.definition.id) == first)
    }
}
