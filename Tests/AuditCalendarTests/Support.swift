import AuditCalendar
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
/// (`<package>/Tests/AuditCalendarTests/Support.swift`).
enum ShippedCalendar {
    struct Failure: Error, CustomStringConvertible {
        let description: String
    }

    static var path: String {
        var parts = String(#filePath).split(separator: "/", omittingEmptySubsequences: false)
        parts.removeLast(3)
        return parts.joined(separator: "/") + "/rules/calendar.yaml"
    }

    static func text() throws -> String {
        guard let file = fopen(path, "r") else { throw Failure(description: "cannot open \(path)") }
        defer { fclose(file) }
        var bytes: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 4096)
        while true {
            let count = fread(&buffer, 1, buffer.count, file)
            if count <= 0 { break }
            bytes.append(contentsOf: buffer[0..<count])
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// The years of the file, read by a tiny line-based reader that understands exactly the
    /// layout the file uses (the real loader is YAML-based and lives elsewhere).
    static func years() throws -> [BusinessCalendar.Year] {
        var years: [BusinessCalendar.Year] = []
        var current: BusinessCalendar.Year?
        var section = ""
        var sawHeader = false
        for (number, rawLine) in try text().split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            var line = Substring(rawLine)
            if let hash = line.firstIndex(of: "#"), hash == line.startIndex || line[line.index(before: hash)] == " " {
                line = line[..<hash]
            }
            let indent = line.prefix { $0 == " " }.count
            let content = trim(line)
            if content.isEmpty { continue }
            switch indent {
            case 0:
                if content == "calendar: business-days/1" { sawHeader = true } else if content != "years:" {
                    throw Failure(description: "line \(number + 1): unexpected \(content)")
                }
            case 2:
                guard content.hasSuffix(":"), let year = Int(content.dropLast()) else {
                    throw Failure(description: "line \(number + 1): expected a year")
                }
                if let current { years.append(current) }
                current = BusinessCalendar.Year(year: year, source: "")
            case 4:
                if content.hasPrefix("source:") {
                    current?.source = String(trim(content.dropFirst("source:".count)))
                } else if content == "holidays:" || content == "working_days:" {
                    section = String(content.dropLast())
                } else {
                    throw Failure(description: "line \(number + 1): unexpected \(content)")
                }
            case 6:
                guard content.hasPrefix("- "), let days = LocalDate.parseDateOrRange(content.dropFirst(2)) else {
                    throw Failure(description: "line \(number + 1): expected a date or range item")
                }
                if section == "holidays" {
                    current?.holidays.formUnion(days)
                } else {
                    current?.workingDays.formUnion(days)
                }
            default:
                throw Failure(description: "line \(number + 1): unexpected indentation")
            }
        }
        if let current { years.append(current) }
        guard sawHeader else { throw Failure(description: "missing 'calendar: business-days/1'") }
        return years
    }

    static func calendar() throws -> BusinessCalendar {
        BusinessCalendar(years: try years())
    }

    private static func trim(_ text: Substring) -> Substring {
        var text = text
        while text.first == " " { text = text.dropFirst() }
        while text.last == " " || text.last == "\r" { text = text.dropLast() }
        return text
    }
}
