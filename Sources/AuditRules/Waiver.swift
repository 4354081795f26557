import AuditCalendar
import AuditCore
import AuditReport
import AuditYAML

/// An approved exception: a failure of `rule` at matching outlets (and item) counts as
/// `waived` until `expires` (inclusive), per `scoring.md`.
public struct Waiver: Sendable {
    public var rule: String
    /// An outlet id, or a glob with `*` and `?`.
    public var outlet: String
    public var item: String?
    public var reason: String
    public var approvedBy: String
    public var expires: LocalDate
    public var location: SourceLocation

    public func matches(rule: String, outlet: String, item: String?) -> Bool {
        guard rule == self.rule, Glob.matches(self.outlet, outlet) else { return false }
        guard let wanted = self.item else { return true }
        return wanted == item
    }

    /// Whether the waiver is still in force on `date` (the evaluation day).
    public func isValid(on date: LocalDate) -> Bool { date <= expires }
}

/// Reads a waivers file (`--waivers FILE`):
///
///     waivers:
///       - rule: BLD-AREA-CENTER
///         outlet: "HLJ-*"
///         item: E1077            # optional: a staff, call or case id
///         reason: 租约到期前无法扩建
///         approved_by: 黑龙江分公司客服部
///         expires: 2026-12-31
public enum WaiverFile {
    public static func load(_ document: YAMLDocument, knownRules: [String]) throws(DiagnosticList) -> [Waiver] {
        let (waivers, diagnostics) = loadLeniently(document, knownRules: knownRules)
        if diagnostics.hasErrors { throw diagnostics }
        return waivers
    }

    /// The well-formed waivers and the problems of the others (for lint).
    public static func loadLeniently(_ document: YAMLDocument, knownRules: [String]) -> ([Waiver], DiagnosticList) {
        var reader = NodeReader(file: document.file)
        var waivers: [Waiver] = []
        if let top = reader.mapping(document.root, .aWaiversFile, keys: WaiversFileKey.self) {
            for (_, _, list) in top {
                guard let items = list.sequence else {
                    reader.error(.waiversMustBeList, at: list)
                    continue
                }
                for item in items {
                    guard let pairs = reader.mapping(item, .aWaiver, keys: WaiverKey.self) else { continue }
                    var waiver = Waiver(rule: "", outlet: "", item: nil, reason: "", approvedBy: "",
                                        expires: LocalDate(dayNumber: 0), location: reader.location(item))
                    var ok = true
                    for (key, _, value) in pairs {
                        let text = reader.string(value, .code(key.rawValue))
                        if text == nil { ok = false }
                        switch key {
                        case .rule:
                            waiver.rule = text ?? ""
                            if let text, !knownRules.contains(text) {
                                reader.error(.waiverUnknownRule(text, hint: Suggestion.hint(for: text, among: knownRules)), at: value)
                                ok = false
                            }
                        case .outlet: waiver.outlet = text ?? ""
                        case .item: waiver.item = text
                        case .reason, .approvedBy:
                            if let text, text.allSatisfy(\.isWhitespace) {
                                reader.error(.mustNotBeBlank(key.rawValue), at: value)
                                ok = false
                            }
                            if key == .reason { waiver.reason = text ?? "" } else { waiver.approvedBy = text ?? "" }
                        case .expires:
                            guard let text, let date = LocalDate(iso: text) else {
                                reader.error(.expiresMustBeDate, at: value)
                                ok = false
                                continue
                            }
                            waiver.expires = date
                        }
                    }
                    if ok { waivers.append(waiver) }
                }
            }
        }
        return (waivers, reader.diagnostics)
    }
}
