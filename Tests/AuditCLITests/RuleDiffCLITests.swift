import AuditTestSupport
import Foundation
import Testing

/// `audit rules --diff OLD NEW` on a copy of the shipped rules and an edited copy.
@Suite(.serialized) struct RuleDiffCLITests {
    /// `old/` (the shipped rules) and `new/` (ETQ-PHONE-RINGS made major with max_rings 2,
    /// ETQ-PHONE-SURNAME removed, a pack adding ETQ-HOTLINE) in a fresh folder.
    static func editedCopies() throws -> String {
        let dir = try temporaryFolder("rules-diff")
        let files = FileManager.default
        try files.copyItem(atPath: repositoryRoot + "/rules", toPath: dir + "/old")
        try files.copyItem(atPath: repositoryRoot + "/rules", toPath: dir + "/new")
        let path = dir + "/new/etiquette.yaml"
        var text = try String(contentsOfFile: path, encoding: .utf8)
        // ETQ-PHONE-RINGS: severity and parameter.
        guard let rings = text.range(of: "  - id: ETQ-PHONE-RINGS\n"),
              let next = text.range(of: "\n  - id: ", range: rings.upperBound..<text.endIndex) else {
            throw FormatTestError("no ETQ-PHONE-RINGS in rules/etiquette.yaml")
        }
        let block = String(text[rings.lowerBound..<next.lowerBound])
        let edited = block.replacingOccurrences(of: "severity: minor", with: "severity: major")
            .replacingOccurrences(of: "max_rings: 3", with: "max_rings: 2")
        guard edited.count == block.count else { throw FormatTestError("ETQ-PHONE-RINGS is not minor with max_rings: 3") }
        text.replaceSubrange(rings.lowerBound..<next.lowerBound, with: edited)
        // ETQ-PHONE-SURNAME: removed.
        guard let surname = text.range(of: "  - id: ETQ-PHONE-SURNAME\n"),
              let after = text.range(of: "\n  - id: ", range: surname.upperBound..<text.endIndex) else {
            throw FormatTestError("no ETQ-PHONE-SURNAME in rules/etiquette.yaml")
        }
        text.removeSubrange(surname.lowerBound..<text.index(after: after.lowerBound))
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        try """
            pack: etiquette-addon
            version: "1.0"
            rules:
              - id: ETQ-HOTLINE
                title: {zh: 热线接通, en: Hotline answered}
                section: etiquette
                severity: minor
                cite: {source: CC, document: 客服中心服务规范, clause: 四.1.1.A, quote: 及时接听客户电话。}
                for_each: calls
                check: it.rings <= 5
                message: {zh: "电话 {it.id} 未及时接听", en: "call {it.id} not answered promptly"}
                examples:
                  pass: [{calls: [{id: C1, rings: 1}]}]
                  fail: [{calls: [{id: C1, rings: 6}]}]
            """.write(toFile: dir + "/new/addon.yaml", atomically: true, encoding: .utf8)
        return dir
    }

    @Test func textNamesWhatChanged() throws {
        let dir = try Self.editedCopies()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let run = try audit(["rules", "--diff", "old", "new"], cwd: dir)
        #expect(run.status == 0, "differences are not a failure")
        #expect(run.stderr.isEmpty, "\(run.stderr)")
        let lines = run.stdout.split(separator: "\n").map(String.init)
        #expect(lines.first == "rules diff: old → new")
        #expect(lines.contains("+ pack etiquette-addon 1.0"))
        #expect(lines.contains { $0.hasPrefix("+ ETQ-HOTLINE") && $0.hasSuffix("(added, pack etiquette-addon 1.0)") })
        #expect(lines.contains { $0.hasPrefix("- ETQ-PHONE-SURNAME") && $0.contains("(removed") })
        guard let changed = lines.firstIndex(of: "~ ETQ-PHONE-RINGS") else {
            Issue.record("no changed ETQ-PHONE-RINGS in\n\(run.stdout)"); return
        }
        #expect(Array(lines[(changed + 1)...].prefix(3)) == [
            "    severity: minor → major", "    points: 2 → 5", "    params.max_rings: 3 → 2",
        ])
        let total = try audit(["rules"]).stdout.split(separator: "\n").last { $0.hasSuffix(" rules") }.map(String.init) ?? ""
        let shipped = Int(total.split(separator: " ").first ?? "") ?? 0
        #expect(shipped > 2)
        #expect(lines.last == "1 added, 1 removed, 1 changed, \(shipped - 2) unchanged")
        try assertSnapshot(run.stdout, named: "rules-diff.txt")
    }

    @Test func jsonIsStableAndComplete() throws {
        let dir = try Self.editedCopies()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let run = try audit(["rules", "--diff", "old", "new", "--format", "json"], cwd: dir)
        #expect(run.status == 0)
        #expect(run.stdout.hasPrefix("{\n  \"old\": \"old\",\n  \"new\": \"new\",\n  \"packs\": ["))
        #expect(try audit(["rules", "--diff", "old", "new", "--format", "json"], cwd: dir).stdout == run.stdout)
        let object = try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any]
        let packs = object?["packs"] as? [[String: Any]] ?? []
        #expect(packs.count == 1)
        #expect(packs.first?["name"] as? String == "etiquette-addon" && packs.first?["change"] as? String == "added")
        #expect((object?["added"] as? [[String: Any]])?.map { $0["id"] as? String } == ["ETQ-HOTLINE"])
        #expect((object?["removed"] as? [[String: Any]])?.map { $0["id"] as? String } == ["ETQ-PHONE-SURNAME"])
        let changed = object?["changed"] as? [[String: Any]] ?? []
        #expect(changed.map { $0["id"] as? String } == ["ETQ-PHONE-RINGS"])
        let changes = (changed.first?["changes"] as? [[String: Any]] ?? []).map {
            "\($0["field"] as? String ?? "?"): \($0["old"] as? String ?? "null") → \($0["new"] as? String ?? "null")"
        }
        #expect(changes == ["severity: minor → major", "points: 2 → 5", "params.max_rings: 3 → 2"])
        let counts = object?["counts"] as? [String: Int]
        #expect(counts?["added"] == 1 && counts?["removed"] == 1 && counts?["changed"] == 1)
    }

    @Test func sameRulesHaveNoDifferences() throws {
        let run = try audit(["rules", "--diff", "rules", "rules"])
        #expect(run.status == 0)
        #expect(run.stdout.split(separator: "\n").count == 2, "a header and the counts: \(run.stdout)")
        #expect(run.stdout.hasPrefix("rules diff: rules → rules\n0 added, 0 removed, 0 changed, "))
    }

    @Test func anInvalidSideExitsTwoWithItsLocation() throws {
        let dir = try Self.editedCopies()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try "pack: broken\nversion: \"1\"\nrules:\n  - id: X-1\n    severity: minr\n".write(toFile: dir + "/new/broken.yaml", atomically: true, encoding: .utf8)
        let run = try audit(["rules", "--diff", "old", "new"], cwd: dir)
        #expect(run.status == 2)
        #expect(run.stdout.isEmpty)
        #expect(run.stderr.contains("new/broken.yaml:5:"), "\(run.stderr)")
    }

    @Test func diffTakesExactlyTwoPaths() throws {
        #expect(try audit(["rules", "--diff", "rules"]).status == 64)
        #expect(try audit(["rules", "--diff", "rules", "rules", "rules"]).status == 64)
        #expect(try audit(["rules", "--diff", "rules", "rules", "--rules", "rules"]).status == 64)
        // Options --diff would not apply are refused, not silently ignored.
        #expect(try audit(["rules", "--diff", "rules", "rules", "--profile", "fixtures/profiles/heilongjiang.yaml"]).status == 64)
        #expect(try audit(["rules", "--diff", "rules", "rules", "--no-shipped-rules"]).status == 64)
        #expect(try audit(["rules", "--diff", "rules", "rules", "--require-digest", "0"]).status == 64)
        #expect(try audit(["rules"]).status == 0, "audit rules still lists")
    }
}
