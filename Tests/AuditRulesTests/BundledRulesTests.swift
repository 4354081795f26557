import AuditCore
import AuditRules
import AuditTestSupport
import Foundation
import Testing

/// The binary carries rules/ as it is: every file, byte for byte (the build plugin embeds them
/// on every build), so the shipped rules and `--rules rules` are the same rules, one digest.
@Suite struct BundledRulesTests {
    @Test func theEmbeddedFilesAreTheRulesFolder() throws {
        let folder = repositoryRoot + "/rules"
        let names = try FileManager.default.contentsOfDirectory(atPath: folder).filter { $0.hasSuffix(".yaml") }.sorted()
        #expect(RuleSet.bundledFiles.map(\.path) == names.map { "rules/" + $0 })
        for file in RuleSet.bundledFiles {
            let bytes = try #require(FileManager.default.contents(atPath: repositoryRoot + "/" + file.path))
            #expect(file.bytes == Array(bytes), "\(file.path) differs from the embedded copy")
        }
    }

    /// Hashed at build time (audit-embed), not on every start: the digest must be the contents'.
    @Test func theEmbeddedDigestsAreTheContents() {
        #expect(!BundledRules.files.isEmpty)
        for file in BundledRules.files {
            #expect(file.sha256 == SHA256.hex(Array(file.text.utf8)), "\(file.path)")
            #expect(file.sha256.utf8.count == 64)
        }
    }
}
