/// A calendar day without time zone, in the proleptic Gregorian calendar, years 1...9999.
///
/// Dates are validated when built from fields or text (`2026-02-30` and `2025-02-29` do not
/// exist); arithmetic goes through the day number (days since 1970-01-01) using Howard
/// Hinnant's `days_from_civil` / `civil_from_days` algorithms, with no Foundation.
public struct LocalDate: Hashable, Comparable, Sendable, CustomStringConvertible {
    public let year: Int
    public let month: Int
    public let day: Int

    /// The earliest representable date, 0001-01-01.
    public static let earliest = LocalDate(uncheckedYear: 1, month: 1, day: 1)
    /// The latest representable date, 9999-12-31.
    public static let latest = LocalDate(uncheckedYear: 9999, month: 12, day: 31)

    /// The date, or `nil` for a day that does not exist (`2026-02-30`, `2025-02-29`,
    /// month 13) or a year outside 1...9999.
    public init?(year: Int, month: Int, day: Int) {
        guard (1...9999).contains(year), (1...12).contains(month),
              day >= 1, day <= CivilCalendar.daysIn(month: month, year: year)
        else { return nil }
        self.init(uncheckedYear: year, month: month, day: day)
    }

    /// Parses exactly `YYYY-MM-DD` (ASCII digits, no surrounding space); `nil` when the text
    /// has another shape or names a day that does not exist.
    public init?(iso text: some StringProtocol) {
        self.init(iso: String(text))
    }

    /// The same for a `String`, its UTF-8 read in place (the generic entry, unspecialised
    /// across modules, read the bytes one witness call at a time).
    public init?(iso text: String) {
        var text = text
        guard text.utf8.count == 10,
              let date = text.withUTF8({ LocalDate.parse(Array($0), at: 0) }) else { return nil }
        self = date
    }

    /// The date `dayNumber` days after 1970-01-01 (negative: before it). Day numbers outside
    /// the representable range are clamped to 0001-01-01 ... 9999-12-31, so hostile input
    /// cannot trap; callers that must tell the difference compare with
    /// `LocalDate.earliest.dayNumber` / `LocalDate.latest.dayNumber` first.
    public init(dayNumber: Int) {
        let clamped = min(max(dayNumber, CivilCalendar.minDay), CivilCalendar.maxDay)
        let civil = CivilCalendar.civil(fromDays: clamped)
        self.init(uncheckedYear: civil.year, month: civil.month, day: civil.day)
    }

    private init(uncheckedYear year: Int, month: Int, day: Int) {
        self.year = year
        self.month = month
        self.day = day
    }

    /// Days since 1970-01-01 (1970-01-01 is 0, 1969-12-31 is -1).
    public var dayNumber: Int {
        CivilCalendar.days(year: year, month: month, day: day)
    }

    /// ISO weekday: 1 = Monday … 7 = Sunday.
    public var weekday: Int {
        CivilCalendar.weekday(ofDay: dayNumber)
    }

    /// Saturday or Sunday.
    public var isWeekend: Bool { weekday >= 6 }

    /// The date `days` later (earlier when negative); clamped to the representable range
    /// like `init(dayNumber:)`, never trapping on overflow.
    public func adding(days: Int) -> LocalDate {
        let (sum, overflow) = dayNumber.addingReportingOverflow(days)
        if overflow { return days > 0 ? .latest : .earliest }
        return LocalDate(dayNumber: sum)
    }

    /// `2026-04-07`.
    public var description: String {
        CivilCalendar.pad(year, 4) + "-" + CivilCalendar.pad(month, 2) + "-" + CivilCalendar.pad(day, 2)
    }

    public static func < (lhs: LocalDate, rhs: LocalDate) -> Bool {
        (lhs.year, lhs.month, lhs.day) < (rhs.year, rhs.month, rhs.day)
    }

    /// The longest range `parseDateOrRange` accepts, in days (both ends included).
    public static let maximumRangeLength = 366

    /// Parses one date `2026-01-01` or an inclusive range `2026-01-01..2026-01-03` (spaces
    /// around the dates are ignored) into its days in order. `nil` when either end is not a
    /// valid date, the range runs backwards, or it spans more than `maximumRangeLength` days.
    public static func parseDateOrRange(_ text: some StringProtocol) -> [LocalDate]? {
        var bytes: [UInt8] = []
        for byte in text.utf8.prefix(64) { bytes.append(byte) }
        guard bytes.count < 64 else { return nil }
        func trimmed(_ part: ArraySlice<UInt8>) -> ArraySlice<UInt8> {
            var part = part
            while let first = part.first, first == 0x20 || first == 0x09 { part = part.dropFirst() }
            while let last = part.last, last == 0x20 || last == 0x09 { part = part.dropLast() }
            return part
        }
        func date(_ part: ArraySlice<UInt8>) -> LocalDate? {
            let part = trimmed(part)
            guard part.count == 10 else { return nil }
            return LocalDate.parse(Array(part), at: 0)
        }
        var separator: Int?
        var index = 0
        while index + 1 < bytes.count {
            if bytes[index] == 0x2E, bytes[index + 1] == 0x2E {  // ".."
                separator = index
                break
            }
            index += 1
        }
        guard let separator else {
            return date(bytes[...]).map { [$0] }
        }
        guard let first = date(bytes[..<separator]), let last = date(bytes[(separator + 2)...]),
              first <= last
        else { return nil }
        let start = first.dayNumber, end = last.dayNumber
        guard end - start < maximumRangeLength else { return nil }
        return (start...end).map { LocalDate(dayNumber: $0) }
    }

    /// Reads `YYYY-MM-DD` at `offset` in `bytes`; `nil` for another shape or an impossible day.
    static func parse(_ bytes: [UInt8], at offset: Int) -> LocalDate? {
        guard let fields = CivilCalendar.dateFields(bytes, at: offset) else { return nil }
        return LocalDate(year: fields.year, month: fields.month, day: fields.day)
    }
}

/// Pure integer calendar arithmetic shared by the date and time types.
enum CivilCalendar {
    /// Day number of 0001-01-01.
    static let minDay = -719_162
    /// Day number of 9999-12-31.
    static let maxDay = 2_932_896

    static func isLeap(_ year: Int) -> Bool {
        year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)
    }

    static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: return isLeap(year) ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    /// Hinnant's `days_from_civil`, for years 1...9999 (no overflow possible there).
    static func days(year: Int, month: Int, day: Int) -> Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let doy = (153 * (month > 2 ? month - 3 : month + 9) + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146_097 + doe - 719_468
    }

    /// Hinnant's `civil_from_days`. Works for any day number within ±2^60 (inputs are clamped
    /// there first), so it can also name the year of an out-of-range day in error messages.
    static func civil(fromDays days: Int) -> (year: Int, month: Int, day: Int) {
        let bound = 1 << 60
        let z = min(max(days, -bound), bound) + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let day = doy - (153 * mp + 2) / 5 + 1
        let month = mp < 10 ? mp + 3 : mp - 9
        let year = yoe + era * 400 + (month <= 2 ? 1 : 0)
        return (year, month, day)
    }

    /// The (possibly out-of-range) year a day number falls in.
    static func year(ofDay days: Int) -> Int { civil(fromDays: days).year }

    /// ISO weekday of a day number: 1970-01-01 (day 0) was a Thursday (4).
    static func weekday(ofDay days: Int) -> Int {
        floorMod(days + 3, 7) + 1
    }

    /// Number of Monday–Friday days in `first...last` (0 when the range is empty).
    static func weekdayCount(_ first: Int, _ last: Int) -> Int {
        guard last >= first else { return 0 }
        // Weekdays in the days before `x`, counted from the Monday 1969-12-29 (day -3).
        func before(_ x: Int) -> Int {
            let m = x + 3
            return floorDiv(m, 7) * 5 + min(floorMod(m, 7), 5)
        }
        return before(last + 1) - before(first)
    }

    static func floorDiv(_ a: Int, _ b: Int) -> Int {
        let q = a / b
        return (a % b != 0 && (a < 0) != (b < 0)) ? q - 1 : q
    }

    static func floorMod(_ a: Int, _ b: Int) -> Int {
        let r = a % b
        return r != 0 && (r < 0) != (b < 0) ? r + b : r
    }

    static func pad(_ value: Int, _ width: Int) -> String {
        let text = String(value)
        return text.count >= width ? text : String(repeating: "0", count: width - text.count) + text
    }

    /// The value of `count` ASCII digits at `offset`, or `nil` when any is not a digit.
    static func digits(_ bytes: [UInt8], _ offset: Int, _ count: Int) -> Int? {
        guard offset >= 0, count > 0, offset + count <= bytes.count else { return nil }
        var value = 0
        for byte in bytes[offset..<(offset + count)] {
            guard byte >= 0x30, byte <= 0x39 else { return nil }
            value = value * 10 + Int(byte - 0x30)
        }
        return value
    }

    /// The fields of `YYYY-MM-DD` at `offset`, unvalidated beyond the shape.
    static func dateFields(_ bytes: [UInt8], at offset: Int) -> (year: Int, month: Int, day: Int)? {
        guard offset + 10 <= bytes.count, bytes[offset + 4] == 0x2D, bytes[offset + 7] == 0x2D,
              let year = digits(bytes, offset, 4), let month = digits(bytes, offset + 5, 2),
              let day = digits(bytes, offset + 8, 2)
        else { return nil }
        return (year, month, day)
    }
}
