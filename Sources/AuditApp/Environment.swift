import AuditCore
import Foundation

extension Language {
    /// `zh` when the locale of messages starts with zh, else `en` (spec README): LC_ALL,
    /// else LC_MESSAGES, else LANG, as POSIX orders them (an empty one counts as unset).
    public static var fromEnvironment: Language {
        let environment = ProcessInfo.processInfo.environment
        let locale = ["LC_ALL", "LC_MESSAGES", "LANG"].lazy.compactMap { environment[$0] }.first { !$0.isEmpty } ?? ""
        return locale.hasPrefix("zh") ? .zh : .en
    }
}
