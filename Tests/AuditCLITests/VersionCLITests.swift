import AuditTestSupport
import Foundation
import Testing

/// `audit --version`: the build's version (stamped from `git describe` by the EmbedRules
/// plugin) and the digest of the rules built in — the one `audit rules` prints and
/// `--require-digest` pins, so an HQ can tell from the version line which rules scored.
@Suite struct VersionCLITests {
    @Test func versionNamesTheBuildAndTheShippedRulesDigest() throws {
        let run = try audit(["--version"])
        #expect(run.status == 0)
        #expect(run.stderr.isEmpty)
        let line = run.stdout
        // audit 0.2.0 (rules 76c163c104a9…), audit 0.2.0-3-g1a2b3c4-dirty (…), audit 0.0.0-g1a2b3c4 (…)
        let pattern = #"^audit [0-9]+\.[0-9]+\.[0-9]+(-[0-9]+-g[0-9a-f]+|-g[0-9a-f]+|-unknown)?(-dirty)? \(rules ([0-9a-f]{12})…\)\n$"#
        let match = try #require(try Regex(pattern).wholeMatch(in: line), "\(line)")
        let rules = try audit(["rules"])
        let digest = try #require(rules.stdout.split(separator: "\n").first { $0.hasPrefix("rules digest ") }?.dropFirst("rules digest ".count))
        #expect(match.output.count == 4)
        #expect(digest.hasPrefix(String(line.split(separator: "(rules ")[1].prefix(12))))
    }
}
