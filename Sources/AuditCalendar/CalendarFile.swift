import AuditCore
import AuditYAML

/// Reads a business-calendar file (`rules/calendar.yaml`):
///
///     calendar: business-days/1
///     years:
///       2026:
///         source: 国务院办公厅关于2026年部分节假日安排的通知
///         holidays: [2026-01-01..2026-01-03, …]
///         working_days: [2026-01-04, …]
public enum CalendarFile {
    public static let format = "business-days/1"
    /// The years a calendar may list.
    public static let years: ClosedRange<Int64> = 1900...2200

    public static func load(_ document: YAMLDocument) throws(DiagnosticList) -> BusinessCalendar {
        var reader = NodeReader(file: document.file)
        var years: [BusinessCalendar.Year] = []
        if let top = reader.mapping(document.root, Message.calendarFile, allowed: ["calendar", "years"], required: ["calendar", "years"]) {
            for (key, _, value) in top {
                if key == "calendar" {
                    if let format = reader.string(value, .code("calendar")), format != Self.format {
                        reader.error(.unsupportedCalendarFormat(format, expected: Self.format), at: value)
                    }
                    continue
                }
                guard let entries = value.mapping else {
                    reader.error(.yearsMustBeMapping, at: value)
                    continue
                }
                for entry in entries {
                    guard case .int(let number)? = entry.key.scalar?.value, Self.years.contains(number) else {
                        reader.error(.yearMustBeNumber(found: reader.describe(entry.key)), at: entry.key)
                        continue
                    }
                    if let year = self.year(Int(number), entry.value, &reader) { years.append(year) }
                }
            }
        }
        if reader.diagnostics.hasErrors { throw reader.diagnostics }
        return BusinessCalendar(years: years)
    }

    private static func year(_ number: Int, _ node: YAMLNode, _ reader: inout NodeReader) -> BusinessCalendar.Year? {
        guard let fields = reader.mapping(node, Message.year(number), allowed: ["source", "holidays", "working_days"],
                                          required: ["source", "holidays", "working_days"]) else { return nil }
        var source = ""
        var holidays: Set<LocalDate> = [], working: Set<LocalDate> = []
        var nodes: [LocalDate: YAMLNode] = [:]
        for (key, _, value) in fields {
            if key == "source" {
                source = reader.string(value, .code("source")) ?? ""
                continue
            }
            let items = value.sequence ?? []
            if value.sequence == nil, value.scalar?.value != .null {
                reader.error(.mustBeDateList(key), at: value)
            }
            for item in items {
                guard let text = reader.string(item, Message.aDate), let dates = LocalDate.parseDateOrRange(text) else {
                    reader.error(.invalidDateOrRange, at: item)
                    continue
                }
                for date in dates {
                    if date.year != number {
                        reader.error(.filedUnder(date, year: number), at: item)
                    }
                    if key == "holidays" { holidays.insert(date) } else {
                        working.insert(date)
                        if !date.isWeekend {
                            reader.error(.weekdayWorkingDay(date), at: item)
                        }
                    }
                    if let first = nodes[date], holidays.contains(date), working.contains(date) {
                        reader.error(.holidayAndWorkingDay(date), at: item,
                                     related: [.init(.alsoListedHere, location: reader.location(first))])
                    }
                    nodes[date] = item
                }
            }
        }
        if source.allSatisfy(\.isWhitespace) {
            reader.error(.needsSource(number), at: node)
        }
        return BusinessCalendar.Year(year: number, source: source, holidays: holidays, workingDays: working)
    }
}
