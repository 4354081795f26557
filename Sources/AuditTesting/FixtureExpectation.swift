#if canImport(Glibc)
import Glibc
#endif
import AuditCalendar
import AuditCore
import AuditEngine
import AuditFormatters
import AuditReport
import AuditRules
import AuditYAML

/// A report fixture with its expected result, worked out by hand (`NAME.expect.yaml` beside
/// `NAME.yaml`):
///
///     fails: [RULE, RULE ITEM, …]      # every `fail` finding, exactly
///     not_due: [RULE ITEM, …]          # optional: every `not_due` finding, exactly
///     not_assessed: [RULE ITEM, …]     # optional: every `not_assessed` finding, exactly
///     statuses: {RULE ITEM: pass, …}   # optional: the status of these results
///     messages: {RULE ITEM: text, …}   # optional: text the (English) message contains
///     warnings: [text, …]              # optional: each is part of some warning
///     total: 87.0                      # optional: rounded to one decimal
///     grade: good                      # a grade id of the scoring file, or null
///     coverage: 0.974                  # optional: rounded to three decimals
///     provisional: false
///     red_line: null                   # or the rule id
///     tier: {claimed: standard, qualifies: none, blocking: [RULE], advice: [RULE]}
///     as_of: 2026-04-14T10:30:00+08:00 # optional evaluation time
public struct FixtureExpectation: Sendable {
    public struct Outcome: Sendable {
        public var file: String
        /// Each difference between expected and actual, as `what: expected X, got Y`, in both languages.
        public var failures: [Message]
        /// The differences in English.
        public var problems: [String] { failures.map(\.en) }
        public var passed: Bool { failures.isEmpty }
    }

    public static let suffix = ".expect.yaml"

    /// Audits the fixture and compares. Unreadable files are problems, not crashes.
    /// `rules`: compiled with `params` and no profile; a report some of `ruleSet.profiles`
    /// select gets them, as `audit` would give them.
    public static func check(_ expectationPath: String, ruleSet: RuleSet, rules: [CompiledRule], params: [String: Value] = [:]) -> Outcome {
        var outcome = Outcome(file: expectationPath, failures: [])
        let stem = String(expectationPath.dropLast(suffix.count))
        let reportPath = FileExistence.exists(stem + ".yaml") || !FileExistence.exists(stem + ".yml") ? stem + ".yaml" : stem + ".yml"
        let expected: [String: YAMLNode]
        let report: InspectionReport
        do throws(DiagnosticList) {
            let document = try YAMLLoader.load(path: expectationPath)
            var fields: [String: YAMLNode] = [:]
            for pair in document.root.mapping ?? [] {
                if let key = pair.key.scalar?.text { fields[key] = pair.value }
            }
            expected = fields
            report = try ReportValidator(schema: ruleSet.schema).validate(try YAMLLoader.load(path: reportPath))
        } catch {
            outcome.failures.append(.cannotBeChecked(error))
            return outcome
        }
        func text(_ node: YAMLNode?) -> String? {
            guard let scalar = node?.scalar, scalar.value != .null else { return nil }
            return scalar.text
        }
        func strings(_ key: String) -> [String]? {
            expected[key]?.sequence?.compactMap { $0.scalar?.text }.sorted()
        }
        let known = ["fails", "not_due", "not_assessed", "statuses", "messages", "warnings", "total", "coverage", "grade",
                     "provisional", "red_line", "tier", "as_of"]
        for key in expected.keys.sorted() where !known.contains(key) {
            outcome.failures.append(.unknownExpectationKey(key, hint: Suggestion.hint(for: key, among: known)))
        }
        var asOf: Timestamp?
        if let t = text(expected["as_of"]) {
            switch Timestamp.parse(t, localOffsetSeconds: report.utcOffsetSeconds) {
            case .success(let parsed): asOf = parsed
            case .failure(let reason): outcome.failures.append(.badAsOf(reason))
            }
        }
        var rules = rules
        let configuration = ruleSet.configuration(for: report, params: params)
        if !configuration.profiles.isEmpty {
            do throws(DiagnosticList) { rules = try ruleSet.compile(configuration) } catch {
                outcome.failures.append(.profilesRejected(configuration.profiles.map(\.name), error))
                return outcome
            }
        }
        let auditor = Auditor(rules: rules, context: EvaluationContext(calendar: ruleSet.calendar, asOf: asOf), scoring: ruleSet.scoring)
        let result = auditor.audit(report)
        func name(_ f: Finding) -> String { f.item.map { "\(f.rule.id) \($0)" } ?? f.rule.id }
        func compare(_ what: String, _ want: String?, _ got: String?) {
            if want != got { outcome.failures.append(.expectationDiffers(what, expected: want ?? "null", got: got ?? "null")) }
        }
        func findings(_ key: String) -> [Finding] { result.findings.filter { name($0) == key } }
        /// `RULE ITEM (got not_assessed; missing: …)`: what an expected fail came out as.
        func got(_ key: String) -> Label {
            let found = findings(key)
            guard !found.isEmpty else { return Label(zh: key, en: key) }
            let missing = FailureDetail.missingPaths(found)
            let statuses = found.map(\.status.rawValue)
            return Label(zh: "\(key)（实际为 \(statuses.joined(separator: "、"))" + (missing.isEmpty ? "" : "；缺少：\(missing.joined(separator: "、"))") + "）",
                         en: "\(key) (got \(statuses.joined(separator: ", "))" + (missing.isEmpty ? "" : "; missing: \(missing.joined(separator: ", "))") + ")")
        }
        /// `RULE ITEM (“message”)`: an unexpected fail and what it says.
        func saying(_ key: String) -> Label {
            func text(_ language: Language, _ separator: String) -> String {
                let texts = FailureDetail.failTexts(findings(key), language)
                return texts.isEmpty ? key : "\(key) (" + texts.map { "“\($0)”" }.joined(separator: separator) + ")"
            }
            return Label(zh: text(.zh, "、"), en: text(.en, ", "))
        }
        func plain(_ key: String) -> Label { Label(zh: key, en: key) }
        func compareLists(_ what: String, _ want: [String], _ got: [String], annotateMissing: (String) -> Label = plain,
                          annotateExtra: (String) -> Label = plain) {
            guard want != got else { return }
            func joined(_ keys: [String], _ annotate: (String) -> Label) -> Label? {
                guard !keys.isEmpty else { return nil }
                let labels = keys.map(annotate)
                return Label(zh: labels.map(\.zh).joined(separator: "、"), en: labels.map(\.en).joined(separator: ", "))
            }
            outcome.failures.append(.listDiffers(what, missing: joined(want.filter { !got.contains($0) }, annotateMissing),
                                                 extra: joined(got.filter { !want.contains($0) }, annotateExtra)))
        }
        // An unexpected fail shows its message; an expected one that did not come shows what came instead.
        compareLists("fails", strings("fails") ?? [], result.findings.filter { $0.status == .fail }.map(name).sorted(),
                     annotateMissing: got, annotateExtra: saying)
        if let notDue = strings("not_due") {
            compareLists("not_due", notDue, result.findings.filter { $0.status == .notDue }.map(name).sorted())
        }
        if let notAssessed = strings("not_assessed") {
            compareLists("not_assessed", notAssessed, result.findings.filter { $0.status == .notAssessed }.map(name).sorted())
        }
        for pair in expected["statuses"]?.mapping ?? [] {
            guard let key = pair.key.scalar?.text, let want = text(pair.value) else { continue }
            let found = findings(key)
            let got = found.map(\.status.rawValue)
            if got != [want] {
                let missing = FailureDetail.missing(found)
                let messages = want == "fail" ? Label(zh: "", en: "") : FailureDetail.failMessages(found)
                outcome.failures.append(.statusDiffers(key, expected: want, got: .statuses(got),
                                                       detail: Label(zh: missing.zh + messages.zh, en: missing.en + messages.en)))
            }
        }
        for pair in expected["messages"]?.mapping ?? [] {
            guard let key = pair.key.scalar?.text, let want = text(pair.value) else { continue }
            let got = findings(key).map { $0.text(.en) }
            if !got.contains(where: { $0.contains(want) }) { outcome.failures.append(.messageDiffers(key, expected: want, got: got)) }
        }
        for want in expected["warnings"]?.sequence?.compactMap({ text($0) }) ?? [] where !result.warnings.contains(where: { $0.message.contains(want) }) {
            outcome.failures.append(.warningMissing(want, got: result.warnings.map(\.message)))
        }
        // `total: null` expects no total (nothing assessed); an absent key is not checked.
        if expected["total"] != nil {
            let total = text(expected["total"])
            compare("total", total.map { Double($0).map { JSON.format($0, decimals: 1) } ?? $0 },
                    result.score.total.map { JSON.format($0, decimals: 1) })
        }
        if expected["coverage"] != nil {
            let coverage = text(expected["coverage"])
            compare("coverage", coverage.map { Double($0).map { JSON.format($0, decimals: 3) } ?? $0 },
                    result.score.coverage.map { JSON.format($0, decimals: 3) })
        }
        compare("grade", text(expected["grade"]), result.score.grade?.id)
        compare("provisional", text(expected["provisional"]) ?? "false", result.score.provisional ? "true" : "false")
        compare("red_line", text(expected["red_line"]), result.score.redLine)
        let tier = expected["tier"]?.mapping ?? []
        func tierValue(_ key: String) -> String? { tier.first { $0.key.scalar?.text == key }.flatMap { text($0.value) } }
        compare("tier.claimed", tierValue("claimed") ?? "none", result.tier.claimed?.rawValue ?? "none")
        compare("tier.qualifies", tierValue("qualifies") ?? "none", result.tier.qualifies?.rawValue ?? "none")
        func tierList(_ key: String) -> [String]? {
            tier.first { $0.key.scalar?.text == key }?.value.sequence?.compactMap { $0.scalar?.text }
        }
        if let blocking = tierList("blocking") { compareLists("tier.blocking", blocking.sorted(), result.tier.blocking.sorted()) }
        if let advice = tierList("advice") { compareLists("tier.advice", advice.sorted(), result.tier.advice.sorted()) }
        return outcome
    }
}

enum FileExistence {
    static func exists(_ path: String) -> Bool { access(path, F_OK) == 0 }
}
