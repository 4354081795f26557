@testable import AuditCalendar
import Foundation
import Testing

/// The zone table `audit` reads instead of Foundation (which would link ICU) must say what
/// Foundation says: the same names, offsets and daylight-saving verdicts. When a toolchain
/// brings new zone data, this fails: run scripts/gen-zones.swift.
@Suite("ZoneTable")
struct ZoneTableTests {
    static let reference = Date(timeIntervalSince1970: 1_767_225_600)  // 2026-01-01
    static let since = Date(timeIntervalSince1970: 1_704_067_200)      // 2024-01-01

    static func foundation(_ name: String) -> ZoneTable.Zone? {
        guard let zone = TimeZone(identifier: name) else { return nil }
        if zone.nextDaylightSavingTimeTransition(after: since) != nil { return .daylightSaving }
        return .fixed(offsetSeconds: zone.secondsFromGMT(for: reference))
    }

    @Test func everyNameFoundationKnowsReadsTheSame() {
        var names = Set(TimeZone.knownTimeZoneIdentifiers)
        names.formUnion(ZoneTable.entries.map(\.name))
        #expect(names.count > 400)
        for name in names.sorted() {
            #expect(ZoneTable.zone(name) == Self.foundation(name), "\(name)")
        }
    }

    @Test func chinaIsFixedAndEuropeHasDaylightSaving() {
        #expect(ZoneTable.zone("Asia/Shanghai") == .fixed(offsetSeconds: 8 * 3600))
        #expect(ZoneTable.zone("Asia/Urumqi") == .fixed(offsetSeconds: 6 * 3600))
        #expect(ZoneTable.zone("Europe/Berlin") == .daylightSaving)
        #expect(ZoneTable.zone("Asia/Harbinn") == nil)
        #expect(ZoneTable.zone("asia/shanghai") == nil)
        #expect(ZoneTable.zone("") == nil)
    }

    @Test(arguments: [
        "GMT+8", "GMT+08", "GMT+0800", "GMT+8:30", "GMT+08:30", "GMT+14", "GMT+18", "GMT+19", "GMT-12", "GMT+8:3",
        "UTC+08:00", "UTC-5", "GMT+", "GMT+123", "GMT+8:60", "GMT+8:59", "GMT+800", "GMT+08:0", "UTC+0830", "gmt+8",
        "GMT-00:30", "GMT+0", "UTC+00:00", "GMT+1:00", "GMT+ 8", "GMT+8 ", "UTC", "GMT", "Etc/GMT-8", "PRC",
    ])
    func offsetNamesReadAsFoundationReadsThem(_ name: String) {
        #expect(ZoneTable.zone(name) == Self.foundation(name))
    }
}
