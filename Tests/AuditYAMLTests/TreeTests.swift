import AuditCore
import AuditYAML
import Testing

@Suite("Document tree, marks, styles and aliases")
struct TreeTests {
    static let report = """
        schema: outlet-report/1

        outlet:
          id: HLJ-HRB-DL-001
          name: 哈尔滨市道里客户服务中心
          level: 3
          services: [consultation, underwriting, claims_documents]
          street_facing: true
          posted_hours: "08:30-17:00"

        premises:
          reception_area_m2: 76            # below the 80 m² of CS 2.3
          counters: {open_low: true, lcd_monitors: true}
          lightbox: on

        staff:
          - id: E1023
            role: counter
            utterances: ["您好,请问您办理什么业务?", "请您稍等,马上为您查询。"]
          - id: E1077
            badge: false

        notes: |
          服务台整洁。
          Lightbox was switched off at 10:40.

        """

    @Test func loadsARealisticReport() throws {
        let doc = try #require(document(Self.report, file: "report.yaml"))
        #expect(doc.file == "report.yaml")
        #expect(doc.text == Self.report)
        let root = doc.root
        #expect(root.mapping?.map { $0.key.scalar?.text ?? "?" } == ["schema", "outlet", "premises", "staff", "notes"])
        #expect(root["outlet"]?["level"]?.scalar?.value == .int(3))
        #expect(root["outlet"]?["street_facing"]?.scalar?.value == .bool(true))
        #expect(root["outlet"]?["posted_hours"]?.scalar?.value == .string("08:30-17:00"))
        #expect(root["premises"]?["lightbox"]?.scalar?.value == .string("on"))
        #expect(root["staff"]?[1]?["badge"]?.scalar?.value == .bool(false))
        #expect(root["staff"]?[0]?["utterances"]?[1]?.scalar?.value == .string("请您稍等,马上为您查询。"))
    }

    @Test func marksOnNestedNodes() throws {
        let doc = try #require(document(Self.report))
        let root = doc.root
        #expect(root.mark == Mark(line: 1, column: 1))
        #expect(root.mapping?[1].key.mark == Mark(line: 3, column: 1))
        let outlet = try #require(root["outlet"])
        #expect(outlet.mark == Mark(line: 4, column: 3))  // a block mapping starts at its first key
        #expect(outlet["name"]?.mark == Mark(line: 5, column: 9))
        // columns count characters: 12 CJK characters after "  name: " end at column 20
        #expect(outlet["level"]?.mark == Mark(line: 6, column: 10))
        #expect(outlet["services"]?.mark == Mark(line: 7, column: 13))
        #expect(outlet["services"]?[1]?.mark == Mark(line: 7, column: 28))
        #expect(outlet["posted_hours"]?.mark == Mark(line: 9, column: 17))  // the opening quote
        #expect(root["premises"]?["reception_area_m2"]?.mark == Mark(line: 12, column: 22))
        #expect(root["premises"]?["counters"]?["lcd_monitors"]?.mark == Mark(line: 13, column: 44))
        let staff = try #require(root["staff"])
        #expect(staff.mark == Mark(line: 17, column: 3))  // the first "-"
        #expect(staff[0]?.mark == Mark(line: 17, column: 5))
        #expect(staff[1]?["badge"]?.mark == Mark(line: 21, column: 12))
        // after a CJK string in a flow sequence, the next item's column counts characters
        #expect(staff[0]?["utterances"]?[1]?.mark == Mark(line: 19, column: 35))
    }

    @Test func cjkColumnsOnAFlowLine() throws {
        let node = try YAMLLoader.loadValue("outlet: {name: 哈尔滨市道里客户服务中心, city: 哈尔滨市, level: 3}", file: "v")
        let outlet = try #require(node["outlet"])
        let pairs = try #require(outlet.mapping)
        #expect(pairs[0].key.mark == Mark(line: 1, column: 10))
        #expect(pairs[0].value.mark == Mark(line: 1, column: 16))
        #expect(pairs[1].key.mark == Mark(line: 1, column: 30))
        #expect(pairs[1].value.mark == Mark(line: 1, column: 36))
        #expect(pairs[2].key.mark == Mark(line: 1, column: 42))
        #expect(pairs[2].value.scalar?.value == .int(3))
    }

    @Test func marksAfterAByteOrderMarkAndCRLF() throws {
        let bytes: [UInt8] = [0xEF, 0xBB, 0xBF] + Array("a: 1\r\nb:\r\n  c: 名\r\n".utf8)
        let doc = try YAMLLoader.load(bytes: bytes, file: "bom.yaml")
        #expect(doc.root.mark == Mark(line: 1, column: 1))
        #expect(doc.root["b"]?["c"]?.mark == Mark(line: 3, column: 6))
        #expect(doc.text == "a: 1\r\nb:\r\n  c: 名\r\n")
        let lf = try YAMLLoader.load(bytes: [0xEF, 0xBB, 0xBF] + Array("名称: 道里\n".utf8), file: "bom.yaml")
        let value = try #require(lf.root["名称"])
        #expect(value.mark == Mark(line: 1, column: 5))
        #expect(SourceSnippet.render(lf.text, at: value.mark) == "名称: 道里\n      ^")
    }

    @Test func blockScalarStyles() throws {
        let doc = try #require(
            document(
                """
                literal: |
                  line one
                  line two
                folded: >-
                  folded
                  text
                keep: |+
                  kept

                single: 'it''s'
                double: "a\\nb"
                plain: text
                """))
        let root = doc.root
        #expect(root["literal"]?.scalar?.style == .literal)
        #expect(root["literal"]?.scalar?.text == "line one\nline two\n")
        #expect(root["literal"]?.mark == Mark(line: 1, column: 10))  // the indicator |
        #expect(root["folded"]?.scalar?.style == .folded)
        #expect(root["folded"]?.scalar?.value == .string("folded text"))
        #expect(root["folded"]?.mark == Mark(line: 4, column: 9))
        #expect(root["keep"]?.scalar?.text == "kept\n\n")
        #expect(root["single"]?.scalar?.style == .singleQuoted)
        #expect(root["single"]?.scalar?.text == "it's")
        #expect(root["double"]?.scalar?.style == .doubleQuoted)
        #expect(root["double"]?.scalar?.text == "a\nb")
        #expect(root["plain"]?.scalar?.style == .plain)
    }

    @Test func aliasesShareTheAnchoredNode() throws {
        let doc = try #require(
            document(
                """
                defaults: &hours {open: "08:30", close: "17:00"}
                weekday: *hours
                saturday: *hours
                name: &n 道里
                again: *n
                """))
        let root = doc.root
        let anchored = try #require(root["defaults"])
        #expect(root["weekday"] === anchored)
        #expect(root["saturday"] === anchored)
        #expect(root["again"] === root["name"])
        #expect(root["weekday"]?["open"]?.scalar?.value == .string("08:30"))
        #expect(anchored.mark == Mark(line: 1, column: 11))  // the anchor
    }

    @Test func anchorsMayBeRedefined() throws {
        let node = try YAMLLoader.loadValue("[&a 1, *a, &a 2, *a]", file: "v")
        #expect(node.sequence?.compactMap(\.scalar?.value) == [.int(1), .int(1), .int(2), .int(2)])
    }

    @Test func emptyValuesAreNull() throws {
        let doc = try #require(document("a:\nb: ~\nc: ''\n"))
        #expect(doc.root["a"]?.scalar?.value == .null)
        #expect(doc.root["b"]?.scalar?.value == .null)
        #expect(doc.root["c"]?.scalar?.value == .string(""))
    }

    @Test func loadValueAcceptsAnyRoot() throws {
        #expect(try YAMLLoader.loadValue("2", file: "v").scalar?.value == .int(2))
        #expect(try YAMLLoader.loadValue("[a, b]", file: "v").sequence?.count == 2)
        #expect(try YAMLLoader.loadValue("on", file: "v").scalar?.value == .string("on"))
        let empty = try YAMLLoader.loadValue("", file: "v")
        #expect(empty.scalar?.value == .null)
        #expect(empty.mark == Mark(line: 1, column: 1))
        #expect(try YAMLLoader.loadValue("# only a comment\n", file: "v").scalar?.value == .null)
        #expect(try YAMLLoader.loadValue("---\n...\n", file: "v").scalar?.value == .null)
    }

    @Test func explicitDocumentMarkersAreFine() throws {
        let doc = try #require(document("%YAML 1.2\n---\na: 1\n...\n"))
        #expect(doc.root["a"]?.scalar?.value == .int(1))
    }

    @Test func depthExactlyAtTheLimitLoads() throws {
        // The root mapping is level 1, so 63 nested sequences make 64 levels.
        let text = "a: " + String(repeating: "[", count: 63) + "x" + String(repeating: "]", count: 63)
        #expect(renderedErrors(text: text) == nil)
        let deeper = "a: " + String(repeating: "[", count: 64) + "x" + String(repeating: "]", count: 64)
        #expect(renderedErrors(text: deeper) == "t.yaml:1:67: error: nesting is deeper than the limit of 64 levels")
    }

    @Test func eventCounter() {
        // stream start, document start, mapping start, 4 scalars, mapping end, document end, stream end
        #expect(YAMLEventCounter.countEvents(bytes: Array("a: 1\nb: 2\n".utf8)) == 10)
        #expect(YAMLEventCounter.countEvents(bytes: []) == 2)
        #expect(YAMLEventCounter.countEvents(bytes: Array("a: [1\n".utf8)) == nil)
    }
}
