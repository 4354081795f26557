import AuditCore

// What the calendar phase says, zh and en side by side.

extension Message {
    static let calendarFile = Label(zh: "日历文件", en: "a calendar file")

    static func unsupportedCalendarFormat(_ format: String, expected: String) -> Message {
        Message("calendar.format", en: "unsupported calendar format '\(format)', expected '\(expected)'",
                zh: "不支持的日历格式 '\(format)'，应为 '\(expected)'")
    }

    static let yearsMustBeMapping = Message(
        "calendar.years", en: "years must be a mapping of year to its days", zh: "years 须为“年份：该年的日期”的映射")

    static func yearMustBeNumber(found: Label) -> Message {
        Message("calendar.year", en: "a year must be a number from \(CalendarFile.years.lowerBound) to \(CalendarFile.years.upperBound), such as 2026, found \(found.en)",
                zh: "年份须为 \(CalendarFile.years.lowerBound) 到 \(CalendarFile.years.upperBound) 之间的数字（如 2026），实际为\(found.zh)")
    }

    static func year(_ number: Int) -> Label { Label(zh: "\(number) 年", en: "year \(number)") }

    static func mustBeDateList(_ key: String) -> Message {
        Message("calendar.dates", en: "\(key) must be a list of dates", zh: "\(key) 须为日期列表")
    }

    static let aDate = Label(zh: "日期", en: "a date")

    static let invalidDateOrRange = Message(
        "calendar.date", en: "invalid date or range (expected YYYY-MM-DD or YYYY-MM-DD..YYYY-MM-DD)",
        zh: "无效的日期或日期范围（应为 YYYY-MM-DD 或 YYYY-MM-DD..YYYY-MM-DD）")

    static func filedUnder(_ date: LocalDate, year: Int) -> Message {
        Message("calendar.wrong-year", en: "\(date) is filed under \(year)", zh: "\(date) 被列在 \(year) 年下")
    }

    static func weekdayWorkingDay(_ date: LocalDate) -> Message {
        Message("calendar.weekday", en: "\(date) is a weekday: adjusted working days fall on weekends", zh: "\(date) 是周一至周五（非周末）：调休上班日应在周末")
    }

    static func holidayAndWorkingDay(_ date: LocalDate) -> Message {
        Message("calendar.both", en: "\(date) is both a holiday and a working day", zh: "\(date) 同时列为节假日和调休上班日")
    }

    static let alsoListedHere = Message("calendar.both-other", en: "also listed here", zh: "另一处列于此")

    static func needsSource(_ year: Int) -> Message {
        Message("calendar.source", en: "year \(year) needs the source notice", zh: "\(year) 年须注明来源通知")
    }

    /// `calendar does not cover 2027`: a deadline needs a year the calendar does not list.
}
