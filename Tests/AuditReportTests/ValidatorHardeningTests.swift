import AuditCore
import AuditTestSupport
import Foundation
import Testing

/// The validator refuses what it cannot read correctly, and stops early on hostile input.
@Suite struct ValidatorHardeningTests {
    @Test func daylightSavingZonesAreRejected() {
        #expect(throws: DiagnosticList.self) { try report(minimalReport(outletExtra: "  timezone: Europe/Berlin")) }
        #expect((try? report(minimalReport(outletExtra: "  timezone: Asia/Urumqi"))) != nil)
    }

    @Test func thousandsOfBadKeysFailFast() throws {
        var yaml = minimalReport("premises:")
        for i in 0..<20_000 { yaml += "\n  bogus_key_\(i): 1" }
        let start = ContinuousClock.now
        #expect(throws: DiagnosticList.self) { try report(yaml) }
        // Generous bound: the point is that work stops at the diagnostic cap.
        #expect(ContinuousClock.now - start < .seconds(10))
    }

    /// Where the validator stops at the cap, the output says there may be more.
    @Test func stoppingAtTheCapIsSaid() {
        var yaml = minimalReport("premises:")
        for i in 0..<500 { yaml += "\n  bogus_key_\(i): 1" }
        do {
            _ = try report(yaml)
            Issue.record("loaded")
        } catch {
            #expect(error.diagnostics.count == DiagnosticList.cap)
            #expect(error.description.hasSuffix("\n… and possibly more errors in r.yaml (checking stopped after 100)"), "\(error.description.suffix(200))")
        }
    }
}
