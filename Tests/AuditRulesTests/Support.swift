import AuditCore
import AuditReport
@testable import AuditRules
import AuditYAML
import AuditTestSupport
import Foundation

/// Compiles a one-rule pack written inline; returns the rendered diagnostics or the rule.
func compilePack(_ yaml: String, file: String = "test.yaml") -> Result<[CompiledRule], DiagnosticList> {
    do throws(DiagnosticList) {
        let document = try YAMLLoader.load(bytes: Array(yaml.utf8), file: file)
        let pack = try RulePack.parse(document)
        let set = RuleSet(schema: shippedRules.schema, calendar: shippedRules.calendar, packs: [pack])
        return .success(try set.compile())
    } catch {
        return .failure(error)
    }
}

/// The rendered errors of compiling a pack written inline, or "" when it compiles.
func compileErrors(_ yaml: String) -> String {
    switch compilePack(yaml) {
    case .success: return ""
    case .failure(let list): return render(list, source: yaml)
    }
}

/// Renders diagnostics with snippets from `source`, as the CLI does.
func render(_ list: DiagnosticList, source: String) -> String {
    DiagnosticRenderer.render(list) { _ in source }
}

