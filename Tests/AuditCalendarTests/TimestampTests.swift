import AuditCalendar
import Testing

@Suite("Timestamp")
struct TimestampTests {
    /// 2026-04-01T01:12:00Z.
    let reference = Int64(date("2026-04-01").dayNumber) * 86_400 + 1 * 3600 + 12 * 60

    private func parse(_ text: String, offset: Int = 8 * 3600) -> Result<Timestamp, TimestampError> {
        Timestamp.parse(text, localOffsetSeconds: offset)
    }

    @Test func isoWithOffset() {
        for text in ["2026-04-01T09:12:00+08:00", "2026-04-01T09:12+08:00", "2026-04-01T09:12:00+0800",
                     "2026-04-01T09:12:00+08", "2026-04-01 09:12:00+08:00", "2026-04-01t09:12:00+08:00",
                     "2026-04-01T09:12:00.999+08:00", "2026-04-01T09:12:00,5+08:00",
                     "2026-04-01T09:12:00.123456789+08:00"] {
            #expect(parse(text, offset: 0) == .success(Timestamp(seconds: reference)), "\(text)")
        }
        #expect(parse("2026-03-31T20:12:00-05:00", offset: 0) == .success(Timestamp(seconds: reference)))
        #expect(parse("2026-04-01T06:42:00+05:30", offset: 0) == .success(Timestamp(seconds: reference)))
        #expect(parse("2026-04-01T01:12:00-00:00") == .success(Timestamp(seconds: reference)))
    }

    @Test func utc() {
        #expect(parse("2026-04-01T01:12:00Z") == .success(Timestamp(seconds: reference)))
        #expect(parse("2026-04-01T01:12Z") == .success(Timestamp(seconds: reference)))
        #expect(parse("2026-04-01T01:12:00.5z") == .success(Timestamp(seconds: reference)))
        #expect(parse("1970-01-01T00:00:00Z") == .success(Timestamp(seconds: 0)))
        #expect(parse("1969-12-31T23:59:59Z") == .success(Timestamp(seconds: -1)))
    }

    @Test func localTimeUsesTheGivenOffset() {
        #expect(parse("2026-04-01 09:12") == .success(Timestamp(seconds: reference)))
        #expect(parse("2026-04-01T09:12") == .success(Timestamp(seconds: reference)))
        #expect(parse("2026-04-01 09:12:30") == .success(Timestamp(seconds: reference + 30)))
        #expect(parse("2026-04-01 01:12", offset: 0) == .success(Timestamp(seconds: reference)))
        #expect(parse("2026-03-31 20:12", offset: -5 * 3600) == .success(Timestamp(seconds: reference)))
    }

    @Test func twentyFourHundredIsTheEndOfTheDay() {
        #expect(parse("2026-04-07 24:00") == parse("2026-04-08 00:00"))
        #expect(parse("2026-04-07T24:00:00+08:00") == parse("2026-04-08 00:00"))
        #expect(parse("2026-12-31 24:00") == parse("2027-01-01 00:00"))
        #expect(parse("2026-04-07 24:01") == .failure(TimestampError("hour 24 is only allowed as 24:00", zh: "")))
        #expect(parse("2026-04-07 24:00:01") == .failure(TimestampError("hour 24 is only allowed as 24:00", zh: "")))
        #expect(parse("2026-04-07 24:00:00.5") == .failure(TimestampError("hour 24 is only allowed as 24:00", zh: "")))
    }

    @Test func reasons() {
        let shape = TimestampError("expected YYYY-MM-DD HH:MM or ISO 8601 with offset", zh: "")
        #expect(parse("2026-02-30 09:00") == .failure(TimestampError("2026-02-30 is not a date", zh: "")))
        #expect(parse("2025-02-29T09:00:00Z") == .failure(TimestampError("2025-02-29 is not a date", zh: "")))
        #expect(parse("2026-13-01 09:00") == .failure(TimestampError("2026-13-01 is not a date", zh: "")))
        #expect(parse("2026-04-01 25:00") == .failure(TimestampError("hour 25 out of range", zh: "")))
        #expect(parse("2026-04-01 09:60") == .failure(TimestampError("minute 60 out of range", zh: "")))
        #expect(parse("2026-04-01 09:12:60") == .failure(TimestampError("second 60 out of range", zh: "")))
        #expect(parse("2026-04-01T09:12+24:00") == .failure(TimestampError("offset hour 24 out of range", zh: "")))
        #expect(parse("2026-04-01T09:12+08:60") == .failure(TimestampError("offset minute 60 out of range", zh: "")))
        for bad in ["2026-04-01", "2026-04-01 9:12", "2026-04-01 09.12", "2026-04-01_09:12", "2026-04-01 09:12:",
                    "2026-04-01 09:12:00.", "2026-04-01 09:12Zx", "2026-04-01 09:12+8", "2026-04-01 09:12+08:0",
                    "2026-04-01 09:12+08:00:00", "2026-04-01 09:12 ", "2026-04-01 09:12 +08:00",
                    "yesterday at noon", "", "2026-04-01 09:1２"] {
            #expect(parse(bad) == .failure(shape), "\(bad)")
        }
        #expect(parse(String(repeating: "9", count: 100_000)) == .failure(TimestampError("text too long for a timestamp", zh: "")))
        #expect(TimestampError("hour 25 out of range", zh: "").description == "hour 25 out of range")
    }

    @Test func hostileOffsetsDoNotTrap() {
        #expect(parse("9999-12-31 23:59", offset: .min) == .failure(TimestampError("offset \(Int.min) s out of range", zh: "")))
        if case .failure = parse("0001-01-01 00:00", offset: .max) {} else { Issue.record("expected failure") }
        if case .success = parse("9999-12-31T23:59:59-23:59") {} else { Issue.record("expected success") }
        if case .success = parse("0001-01-01T00:00:00+23:59") {} else { Issue.record("expected success") }
        let extreme = [Timestamp(seconds: .max), Timestamp(seconds: .min), Timestamp(seconds: 0)]
        for t in extreme {
            for offset in [Int.max, Int.min, 0, 8 * 3600] {
                _ = t.localDate(offsetSeconds: offset)
                _ = t.formatted(offsetSeconds: offset)
            }
            _ = t.description
        }
        #expect(Timestamp(seconds: .max).localDate(offsetSeconds: 0) == .latest)
        #expect(Timestamp(seconds: .min).localDate(offsetSeconds: 0) == .earliest)
    }

    @Test func localDates() {
        #expect(timestamp("2026-04-07T16:30:00Z").localDate(offsetSeconds: shanghai) == date("2026-04-08"))
        #expect(timestamp("2026-04-07T15:59:59Z").localDate(offsetSeconds: shanghai) == date("2026-04-07"))
        #expect(timestamp("2026-04-07T00:30:00+08:00").localDate(offsetSeconds: 0) == date("2026-04-06"))
        #expect(Timestamp(seconds: -1).localDate(offsetSeconds: 0) == date("1969-12-31"))
    }

    @Test func formatting() {
        #expect(timestamp("2026-04-08T02:00:00Z").formatted(offsetSeconds: shanghai) == "2026-04-08 10:00")
        #expect(timestamp("2026-04-08T02:00:59Z").formatted(offsetSeconds: 0) == "2026-04-08 02:00")
        #expect(timestamp("2026-04-07 24:00").formatted(offsetSeconds: shanghai) == "2026-04-08 00:00")
        #expect(Timestamp(seconds: -60).formatted(offsetSeconds: 0) == "1969-12-31 23:59")
        #expect(timestamp("2026-04-01T09:12:05+08:00").description == "2026-04-01T01:12:05Z")
        #expect(timestamp("0001-01-01T00:00:00Z").formatted(offsetSeconds: 0) == "0001-01-01 00:00")
    }

    @Test func ordering() {
        #expect(timestamp("2026-04-07 23:59") < timestamp("2026-04-08 00:00"))
        #expect(timestamp("2026-04-07T23:59:00+08:00") == timestamp("2026-04-07 23:59"))
    }

    @Test func timeOfDay() {
        #expect(TimeOfDay(hhmm: "08:30")?.minutes == 510)
        #expect(TimeOfDay(hhmm: "00:00")?.minutes == 0)
        #expect(TimeOfDay(hhmm: "23:59")?.minutes == 1439)
        #expect(TimeOfDay(hhmm: "08:30")?.description == "08:30")
        #expect(TimeOfDay(minutes: 545)?.description == "09:05")
        #expect(TimeOfDay(minutes: 1440) == nil)
        #expect(TimeOfDay(minutes: -1) == nil)
        for bad in ["24:00", "8:30", "08:3", "08:60", "0830", "08:30 ", "ab:cd", "", "08:30:00", "-1:00"] {
            #expect(TimeOfDay(hhmm: bad) == nil, "\(bad)")
        }
        if let open = TimeOfDay(hhmm: "08:30"), let close = TimeOfDay(hhmm: "17:00") {
            #expect(open < close)
        } else {
            Issue.record("times did not parse")
        }
        let parts = "09:00-18:00".split(separator: "-")
        #expect(TimeOfDay(hhmm: parts[0])?.minutes == 540)
    }
}
