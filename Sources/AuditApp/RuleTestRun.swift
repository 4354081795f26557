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

    public init(_ paths: [String]) throws(AppError) {
        let requested = paths
        let limit = YAMLLimits().maxFileSize
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
        let set: RuleSet
        let rules: [CompiledRule]
        do throws(DiagnosticList) {
            set = try RuleSet.load(ruleFiles.isEmpty ? RuleSet.bundledFiles : ruleFiles)
            rules = try set.compile()
        } catch {
            throw .invalid(error, SourceTexts(ruleFiles, limit: 0))
        }
        examples = ExampleRunner(ruleSet: set, rules: rules).run()
        fixtures = expectations.sorted().map { FixtureExpectation.check($0, ruleSet: set, rules: rules) }
    }

    public var failed: Int { examples.filter { !$0.passed }.count + fixtures.filter { !$0.passed }.count }
    public var total: Int { examples.count + fixtures.count }

    public func render(_ format: Format) -> String {
        switch format {
        case .text:
            var out = ""
            for e in examples where !e.passed {
                out += "\(e.example.location): \(e.rule): \(e.problem ?? "")\n"
            }
            for f in fixtures where !f.passed {
                for problem in f.problems { out += "\(f.file): \(problem)\n" }
            }
            return out + "\(total - failed) passed, \(failed) failed\n"
        case .junit:
            return TestReportFormatter.junit(examples: examples, fixtures: fixtures)
        }
    }

    public var exitStatus: ExitStatus { failed > 0 ? .failed : .success }
}
