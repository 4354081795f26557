/// Why a timestamp could not be read, as text fit for a diagnostic
/// ("2026-02-30 is not a date", "hour 25 out of range").
public struct TimestampError: Error, Sendable, Equatable, CustomStringConvertible {
    public let reason: String
    /// The reason in Chinese.
    public let zh: String

    public init(_ reason: String, zh: String) {
        self.reason = reason
        self.zh = zh
    }

    public var description: String { reason }

    /// Errors are the same when they say the same (in English).
    public static func == (a: TimestampError, b: TimestampError) -> Bool { a.reason == b.reason }

    static let shape = TimestampError("expected YYYY-MM-DD HH:MM or ISO 8601 with offset", zh: "应为 YYYY-MM-DD HH:MM 或带时区的 ISO 8601 格式")
}

/// An instant: seconds since 1970-01-01T00:00:00Z, independent of any time zone.
public struct Timestamp: Hashable, Comparable, Sendable, CustomStringConvertible {
    public let seconds: Int64

    public init(seconds: Int64) {
        self.seconds = seconds
    }

    public static func < (lhs: Timestamp, rhs: Timestamp) -> Bool { lhs.seconds < rhs.seconds }

    /// The longest text `parse` looks at; anything longer is rejected unread.
    static let maximumLength = 64

    /// Parses an instant.
    ///
    /// - ISO 8601 with an offset: `2026-04-01T09:12:00+08:00`, `2026-04-01T01:12Z`,
    ///   `2026-04-01T09:12+0800`, `…+08`; the `T` may be a space or lowercase, seconds are
    ///   optional, fractional seconds (`.123`) are allowed and truncated.
    /// - Local time without an offset: `2026-04-01 09:12`, `2026-04-01T09:12`,
    ///   `2026-04-01 09:12:30`, read at `localOffsetSeconds` east of UTC.
    /// - `24:00` (also `24:00:00`) is accepted as the end of that day, i.e. 00:00 of the next.
    ///
    /// The date must exist (1...9999), hours 0...23, minutes and seconds 0...59, offsets
    /// up to ±23:59. Failure carries the reason.
    public static func parse(_ text: some StringProtocol, localOffsetSeconds: Int) -> Result<Timestamp, TimestampError> {
        parse(String(text), localOffsetSeconds: localOffsetSeconds)
    }

    /// The same for a `String`, the common case: its UTF-8 bytes read in place. (The generic
    /// entry, unspecialised across modules, cost ≈ 14,500 instructions a timestamp reading
    /// its bytes one witness call at a time; a report has hundreds of timestamps.)
    public static func parse(_ text: String, localOffsetSeconds: Int) -> Result<Timestamp, TimestampError> {
        var text = text
        return text.withUTF8 { parse(utf8: $0, localOffsetSeconds: localOffsetSeconds) }
    }

    static func parse(utf8: UnsafeBufferPointer<UInt8>, localOffsetSeconds: Int) -> Result<Timestamp, TimestampError> {
        let bytes = Array(utf8.prefix(maximumLength + 1))
        guard bytes.count <= maximumLength else { return .failure(TimestampError("text too long for a timestamp", zh: "文字过长，不是时间")) }
        guard bytes.count >= 16, let fields = CivilCalendar.dateFields(bytes, at: 0) else { return .failure(.shape) }
        guard let date = LocalDate(year: fields.year, month: fields.month, day: fields.day) else {
            let text = String(decoding: bytes[0..<10], as: UTF8.self)
            return .failure(TimestampError("\(text) is not a date", zh: "\(text) 不是有效日期"))
        }
        guard [0x54, 0x74, 0x20].contains(bytes[10]),  // 'T', 't', ' '
              let hour = CivilCalendar.digits(bytes, 11, 2), bytes[13] == 0x3A,
              let minute = CivilCalendar.digits(bytes, 14, 2)
        else { return .failure(.shape) }
        var index = 16
        var second = 0
        var fractionIsZero = true
        if index < bytes.count, bytes[index] == 0x3A {
            guard let value = CivilCalendar.digits(bytes, index + 1, 2) else { return .failure(.shape) }
            second = value
            index += 3
            if index < bytes.count, bytes[index] == 0x2E || bytes[index] == 0x2C {  // '.' or ','
                index += 1
                let start = index
                while index < bytes.count, bytes[index] >= 0x30, bytes[index] <= 0x39 {
                    if bytes[index] != 0x30 { fractionIsZero = false }
                    index += 1
                }
                guard index > start else { return .failure(.shape) }
            }
        }
        var offset = localOffsetSeconds
        if index < bytes.count {
            switch bytes[index] {
            case 0x5A, 0x7A:  // 'Z', 'z'
                guard index + 1 == bytes.count else { return .failure(.shape) }
                offset = 0
            case 0x2B, 0x2D:  // '+', '-'
                let sign = bytes[index] == 0x2D ? -1 : 1
                let rest = bytes.count - index - 1
                guard let offsetHour = CivilCalendar.digits(bytes, index + 1, 2) else { return .failure(.shape) }
                var offsetMinute = 0
                switch rest {
                case 2:
                    break
                case 4:
                    guard let value = CivilCalendar.digits(bytes, index + 3, 2) else { return .failure(.shape) }
                    offsetMinute = value
                case 5:
                    guard bytes[index + 3] == 0x3A, let value = CivilCalendar.digits(bytes, index + 4, 2) else {
                        return .failure(.shape)
                    }
                    offsetMinute = value
                default:
                    return .failure(.shape)
                }
                guard offsetHour <= 23 else { return .failure(TimestampError("offset hour \(offsetHour) out of range", zh: "时区小时 \(offsetHour) 超出范围")) }
                guard offsetMinute <= 59 else {
                    return .failure(TimestampError("offset minute \(offsetMinute) out of range", zh: "时区分钟 \(offsetMinute) 超出范围"))
                }
                offset = sign * (offsetHour * 3600 + offsetMinute * 60)
            default:
                return .failure(.shape)
            }
        }
        guard hour <= 24 else { return .failure(TimestampError("hour \(hour) out of range", zh: "小时 \(hour) 超出范围")) }
        guard minute <= 59 else { return .failure(TimestampError("minute \(minute) out of range", zh: "分钟 \(minute) 超出范围")) }
        guard second <= 59 else { return .failure(TimestampError("second \(second) out of range", zh: "秒 \(second) 超出范围")) }
        if hour == 24, minute != 0 || second != 0 || !fractionIsZero {
            return .failure(TimestampError("hour 24 is only allowed as 24:00", zh: "24 时只能写作 24:00"))
        }
        let local = Int64(date.dayNumber) * 86_400 + Int64(hour * 3600 + minute * 60 + second)
        let (utc, overflow) = local.subtractingReportingOverflow(Int64(offset))
        guard !overflow else { return .failure(TimestampError("offset \(offset) s out of range", zh: "时区偏移 \(offset) 秒超出范围")) }
        return .success(Timestamp(seconds: utc))
    }

    /// `seconds` shifted by `offsetSeconds`, saturating instead of trapping.
    private func local(_ offsetSeconds: Int) -> Int64 {
        let (sum, overflow) = seconds.addingReportingOverflow(Int64(offsetSeconds))
        if overflow { return offsetSeconds > 0 ? .max : .min }
        return sum
    }

    /// The calendar day this instant falls on at `offsetSeconds` east of UTC (clamped to
    /// 0001-01-01 ... 9999-12-31 for instants outside that range).
    public func localDate(offsetSeconds: Int) -> LocalDate {
        let day = CivilCalendar.floorDiv64(local(offsetSeconds), 86_400)
        return LocalDate(dayNumber: Int(clamping: day))
    }

    /// `2026-04-08 10:00`: the local date and clock time (minutes, seconds dropped) at
    /// `offsetSeconds` east of UTC. End of day is shown as `00:00` of the next day.
    public func formatted(offsetSeconds: Int) -> String {
        let local = local(offsetSeconds)
        let day = CivilCalendar.floorDiv64(local, 86_400)
        let secondOfDay = Int(CivilCalendar.floorMod64(local, 86_400))
        let date = LocalDate(dayNumber: Int(clamping: day))
        return "\(date) " + CivilCalendar.pad(secondOfDay / 3600, 2) + ":" + CivilCalendar.pad(secondOfDay / 60 % 60, 2)
    }

    /// ISO 8601 in UTC, `2026-04-01T01:12:00Z`.
    public var description: String {
        let day = CivilCalendar.floorDiv64(seconds, 86_400)
        let secondOfDay = Int(CivilCalendar.floorMod64(seconds, 86_400))
        let date = LocalDate(dayNumber: Int(clamping: day))
        return "\(date)T" + CivilCalendar.pad(secondOfDay / 3600, 2) + ":" + CivilCalendar.pad(secondOfDay / 60 % 60, 2)
            + ":" + CivilCalendar.pad(secondOfDay % 60, 2) + "Z"
    }
}

/// A clock time of day, `HH:MM`, as minutes since midnight (00:00 ... 23:59).
public struct TimeOfDay: Hashable, Comparable, Sendable, CustomStringConvertible {
    public let minutes: Int

    /// Parses exactly `HH:MM` (two ASCII digits each), hours 00...23, minutes 00...59.
    public init?(hhmm text: some StringProtocol) {
        var bytes: [UInt8] = []
        for byte in text.utf8.prefix(6) { bytes.append(byte) }
        guard bytes.count == 5, bytes[2] == 0x3A,
              let hour = CivilCalendar.digits(bytes, 0, 2), let minute = CivilCalendar.digits(bytes, 3, 2),
              hour <= 23, minute <= 59
        else { return nil }
        self.minutes = hour * 60 + minute
    }

    /// `nil` outside 0 ..< 1440.
    public init?(minutes: Int) {
        guard (0..<1440).contains(minutes) else { return nil }
        self.minutes = minutes
    }

    public static func < (lhs: TimeOfDay, rhs: TimeOfDay) -> Bool { lhs.minutes < rhs.minutes }

    /// `08:30`.
    public var description: String {
        CivilCalendar.pad(minutes / 60, 2) + ":" + CivilCalendar.pad(minutes % 60, 2)
    }
}

extension CivilCalendar {
    static func floorDiv64(_ a: Int64, _ b: Int64) -> Int64 {
        let q = a / b
        return (a % b != 0 && (a < 0) != (b < 0)) ? q - 1 : q
    }

    static func floorMod64(_ a: Int64, _ b: Int64) -> Int64 {
        let r = a % b
        return r != 0 && (r < 0) != (b < 0) ? r + b : r
    }
}
