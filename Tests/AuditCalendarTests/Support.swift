import AuditCalendar
import AuditYAML
import Testing

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// A date from `YYYY-MM-DD` text in a test; records an issue (and returns 0001-01-01) when
/// the text is not a date, so a typo fails the test instead of trapping.
func date(_ text: String, sourceLocation: SourceLocation = #_sourceLocation) -> LocalDate {
    guard let date = LocalDate(iso: text) else {
        Issue.record("not a date: \(text)", sourceLocation: sourceLocation)
        return .earliest
    }
    return date
}

/// Days from `YYYY-MM-DD` or `YYYY-MM-DD..YYYY-MM-DD` items.
func dates(_ items: [String], sourceLocation: SourceLocation = #_sourceLocation) -> Set<LocalDate> {
    var result: Set<LocalDate> = []
    for item in items {
        guard let days = LocalDate.parseDateOrRange(item) else {
            Issue.record("not a date or range: \(item)", sourceLocation: sourceLocation)
            continue
        }
        result.formUnion(days)
    }
    return result
}

func timestamp(_ text: String, offset: Int = 8 * 3600, sourceLocation: SourceLocation = #_sourceLocation) -> Timestamp {
    switch Timestamp.parse(text, localOffsetSeconds: offset) {
    case .success(let value):
        return value
    case .failure(let error):
        Issue.record("not a timestamp: \(text): \(error)", sourceLocation: sourceLocation)
        return Timestamp(seconds: 0)
    }
}

let shanghai = 8 * 3600

/// The shipped `rules/calendar.yaml`, located from this file's path
/// (`<package>/Tests/AuditCalendarTests/Support.swift`) and read by the real loader.
enum ShippedCalendar {
    static var path: String {
        var parts = String(#filePath).split(separator: "/", omittingEmptySubsequences: false)
        parts.removeLast(3)
        return parts.joined(separator: "/") + "/rules/calendar.yaml"
    }

    static func calendar() throws -> BusinessCalendar {
        try CalendarFile.load(try YAMLLoader.load(path: path))
    }

    static func years() throws -> [BusinessCalendar.Year] {
        try calendar().years.values.sorted { $0.year < $1.year }
    }
}
