import AuditCore
import AuditEngine
import AuditRules
import AuditTesting
import AuditYAML

/// `audit test [PATH...]`: every rule's pass and fail examples, and every fixture
/// expectation (`*.expect.yaml`) under the paths; the shipped rules when no rule file is given.
public struct RuleTestRun: Sendable {
    public enum Format: String, CaseIterable, Sendable { case text, junit }

    public let examples: [ExampleRunner.Outcome]
    public let fixtures: [FixtureExpectation.Outcome]

    /// `request.paths` are rule files, expectation files or folders of either; its params and
    /// profiles apply as in `audit` (a fixture report gets the profiles that select it).
    public init(_ request: RuleRequest) throws(AppError) {
        let paths = request.paths
        let requested = paths
        let limit = request.maxFileSize
        var ruleFiles: [RuleSet.SourceFile] = []
        var expectations: [String] = []
        let (files, unreadable) = RuleFiles.read(paths, limit: limit)
        if !unreadable.isEmpty { throw .invalid(unreadable, SourceTexts(limit: 0)) }
        let found = Set(files.map(\.path))
        for file in files {
            if file.path.hasSuffix(FixtureExpectation.suffix) {
                expectations.append(file.path)
                continue
            }
            // A fixture report beside its expectation, or any inspection report, is not a rule file.
            let stem = String(file.path.dropLast(file.path.hasSuffix(".yml") ? 4 : 5))
            if found.contains(stem + FixtureExpectation.suffix) || RuleFileKind(bytes: file.bytes) == .report { continue }
            ruleFiles.append(file)
        }
        if !paths.isEmpty && ruleFiles.isEmpty && expectations.isEmpty {
            // Never fall back to the shipped rules when the user named something else.
            throw .failure(.noTestFiles(in: requested))
        }
        var rules = request
        rules.paths = []
        let setup = try Setup.load(rules, given: ruleFiles)
        examples = ExampleRunner(ruleSet: setup.ruleSet, rules: setup.rules).run()
        fixtures = expectations.sorted().map {
            FixtureExpectation.check($0, ruleSet: setup.ruleSet, rules: setup.rules, params: setup.overrides)
        }
    }

    public var failed: Int { examples.filter { !$0.passed }.count + fixtures.filter { !$0.passed }.count }
    public var total: Int { examples.count + fixtures.count }

    public func render(_ format: Format, language: Language = .en) -> String {
        switch format {
        case .text:
            var out = ""
            for e in examples {
                if let failure = e.failure { out += VisibleEscaping.escape("\(e.example.location): \(e.rule): \(failure.text(language))") + "\n" }
            }
            for f in fixtures {
                for failure in f.failures { out += VisibleEscaping.escape("\(f.file): \(failure.text(language))") + "\n" }
            }
            return out + Message.testSummary(passed: total - failed, failed: failed).text(language) + "\n"
        case .junit:
            return TestReportFormatter.junit(examples: examples, fixtures: fixtures)
        }
    }

    public var exitStatus: ExitStatus { failed > 0 ? .failed : .success }
}
