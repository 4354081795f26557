import AuditCore
import Foundation

extension Language {
    /// `zh` when LC_ALL (or, if unset, LANG) starts with zh, else `en` (spec README).
    public static var fromEnvironment: Language {
        let environment = ProcessInfo.processInfo.environment
        let lang = environment["LC_ALL"].flatMap { $0.isEmpty ? nil : $0 } ?? environment["LANG"] ?? ""
        return lang.hasPrefix("zh") ? .zh : .en
    }
}
