import AuditCore

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

extension Language {
    /// `zh` when the locale of messages starts with zh, else `en` (spec README): LC_ALL,
    /// else LC_MESSAGES, else LANG, as POSIX orders them (an empty one counts as unset).
    public static var fromEnvironment: Language {
        let locale = ["LC_ALL", "LC_MESSAGES", "LANG"].lazy.compactMap(Environment.variable).first { !$0.isEmpty } ?? ""
        return locale.hasPrefix("zh") ? .zh : .en
    }
}

/// The process's environment, read with POSIX getenv (Foundation is not on the start path).
public enum Environment {
    /// The variable's value, or nil when it is unset.
    public static func variable(_ name: String) -> String? {
        getenv(name).map { String(cString: $0) }
    }
}
