import AuditTestSupport
import AuditCore
import AuditEngine
import AuditReport
import AuditRules
import AuditYAML
import Foundation
import Testing

/// Hostile and broken reports through the whole pipeline (load, validate, audit): each
/// must end in a result or in diagnostics naming the file — never a crash or a trap.
@Suite struct RobustnessTests {
    /// Deterministic, so a failure reproduces.
    struct SplitMix64: RandomNumberGenerator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
    }

    static let pieces: [[UInt8]] = [
        "~", "null", "yes", "[", "]", "{", "}", ": ", "- ", "&a ", "*a", "!!binary ", "\"", "'", "#", "\t",
        "\n", "2026-02-30 09:00", "99999999999999999999", "1e400", "哈尔滨", "  ", "x_ext: 1\n", "---\n",
    ].map { Array($0.utf8) }

    func mutate(_ bytes: [UInt8], _ rng: inout SplitMix64) -> [UInt8] {
        var result = bytes
        for _ in 0..<Int.random(in: 1...4, using: &rng) {
            guard !result.isEmpty else { break }
            let at = Int.random(in: 0..<result.count, using: &rng)
            switch Int.random(in: 0..<4, using: &rng) {
            case 0: result[at] = UInt8.random(in: 0...255, using: &rng)
            case 1: result.removeSubrange(at..<min(result.count, at + Int.random(in: 1...40, using: &rng)))
            case 2: result.insert(contentsOf: Self.pieces.randomElement(using: &rng)!, at: at)
            default:
                let end = min(result.count, at + Int.random(in: 1...200, using: &rng))
                result.insert(contentsOf: result[at..<end], at: at)
            }
        }
        return result
    }

    @Test func mutatedReportsNeverCrash() throws {
        let original = Array(try Data(contentsOf: URL(fileURLWithPath: repositoryRoot + "/fixtures/example-report.yaml")))
        let validator = ReportValidator(schema: shippedRules.schema)
        let auditor = auditor()
        var rng = SplitMix64(state: 2026)
        var scored = 0, rejected = 0
        for _ in 0..<1500 {
            let bytes = mutate(original, &rng)
            do throws(DiagnosticList) {
                let document = try YAMLLoader.load(bytes: bytes, file: "m.yaml")
                let result = auditor.audit(try validator.validate(document))
                #expect(!result.findings.isEmpty)
                scored += 1
            } catch {
                #expect(!error.isEmpty)
                #expect(error.diagnostics.allSatisfy { $0.location.file == "m.yaml" })
                rejected += 1
            }
        }
        #expect(scored + rejected == 1500)
        #expect(scored > 0 && rejected > 0)
    }
}
