import AuditYAML
import Testing

@Suite("YAML 1.2 core schema resolution")
struct ScalarResolutionTests {
    static let table: [(String, YAMLValue)] = [
        // null
        ("~", .null), ("null", .null), ("Null", .null), ("NULL", .null), ("", .null),
        ("nULL", .string("nULL")), ("nil", .string("nil")), ("None", .string("None")),
        // booleans: only the six core spellings
        ("true", .bool(true)), ("True", .bool(true)), ("TRUE", .bool(true)),
        ("false", .bool(false)), ("False", .bool(false)), ("FALSE", .bool(false)),
        ("on", .string("on")), ("off", .string("off")), ("yes", .string("yes")), ("no", .string("no")),
        ("y", .string("y")), ("n", .string("n")), ("Yes", .string("Yes")), ("ON", .string("ON")),
        ("tRUE", .string("tRUE")), ("truee", .string("truee")),
        // integers
        ("0", .int(0)), ("-0", .int(0)), ("+12", .int(12)), ("012", .int(12)), ("76", .int(76)),
        ("0x1F", .int(31)), ("0xff", .int(255)), ("0o17", .int(15)),
        ("9223372036854775807", .int(Int64.max)), ("-9223372036854775808", .int(Int64.min)),
        ("0x7FFFFFFFFFFFFFFF", .int(Int64.max)),
        ("0x", .string("0x")), ("0o8", .string("0o8")), ("-0x1F", .string("-0x1F")), ("0X1F", .string("0X1F")),
        ("1_000", .string("1_000")), ("+", .string("+")), ("-1-", .string("-1-")),
        // floats
        ("1e3", .float(1000)), ("1.5", .float(1.5)), (".5", .float(0.5)), ("-.5", .float(-0.5)),
        ("1.", .float(1)), ("6.02E+23", .float(6.02e23)), ("-2.5e-3", .float(-0.0025)), ("+0.0", .float(0)),
        ("1e-400", .float(0)),
        (".", .string(".")), ("1e", .string("1e")), (".5e", .string(".5e")), ("1.2.3", .string("1.2.3")),
        ("e3", .string("e3")),
        // strings that look like other things are left for later layers
        ("2026-04-01", .string("2026-04-01")), ("08:30", .string("08:30")),
        ("2026-04-02 15:00", .string("2026-04-02 15:00")), ("E1023", .string("E1023")),
        ("哈尔滨市", .string("哈尔滨市")), ("outlet-report/1", .string("outlet-report/1")),
        // quoted and block scalars are strings whatever they contain
        ("'123'", .string("123")), ("\"true\"", .string("true")), ("'~'", .string("~")), ("''", .string("")),
        ("\"0x1F\"", .string("0x1F")), ("|\n  12\n", .string("12\n")), (">-\n  null\n", .string("null")),
        // explicit core tags
        ("!!str 123", .string("123")), ("!!str true", .string("true")), ("! 12", .string("12")),
        ("!!int '12'", .int(12)), ("!!int 0x10", .int(16)), ("!!float 1", .float(1)), ("!!float '2.5'", .float(2.5)),
        ("!!bool true", .bool(true)), ("!!null ~", .null), ("!!null", .null),
        ("!<tag:yaml.org,2002:int> 7", .int(7)),
    ]

    @Test("plain scalars resolve by the core schema", arguments: table)
    func resolution(input: String, expected: YAMLValue) throws {
        let node = try YAMLLoader.loadValue(input, file: "value")
        #expect(node.scalar?.value == expected, "\(input)")
    }

    @Test func kindNames() throws {
        let doc = try #require(document("a: ~\nb: true\nc: 1\nd: 1.5\ne: x\nf: [1]\ng: {h: 1}\n"))
        let kinds = doc.root.mapping?.map(\.value.kindName)
        #expect(kinds == ["null", "boolean", "integer", "float", "string", "sequence", "mapping"])
        #expect(doc.root.kindName == "mapping")
    }

    @Test func plainTextIsKeptAsWritten() throws {
        let node = try YAMLLoader.loadValue("0x1F", file: "v")
        #expect(node.scalar?.text == "0x1F")
        #expect(node.scalar?.style == .plain)
    }

    @Test func quotedEscapesAreDecoded() throws {
        let node = try YAMLLoader.loadValue(#""您好,\t请问\u0041""#, file: "v")
        #expect(node.scalar?.value == .string("您好,\t请问A"))
        #expect(node.scalar?.style == .doubleQuoted)
    }

    @Test("unrepresentable numbers and wrong tags are errors", arguments: [
        ("99999999999999999999", "v:1:1: error: integer 99999999999999999999 does not fit in 64 bits"),
        ("-9223372036854775809", "v:1:1: error: integer -9223372036854775809 does not fit in 64 bits"),
        ("0x8000000000000000", "v:1:1: error: integer 0x8000000000000000 does not fit in 64 bits"),
        ("1e400", "v:1:1: error: float 1e400 is not finite"),
        ("-1e400", "v:1:1: error: float -1e400 is not finite"),
        (".inf", "v:1:1: error: float .inf is not finite"),
        ("-.Inf", "v:1:1: error: float -.Inf is not finite"),
        (".NaN", "v:1:1: error: float .NaN is not finite"),
        ("!!int abc", "v:1:1: error: tag !!int requires an integer, found 'abc'"),
        ("!!int 99999999999999999999", "v:1:1: error: integer 99999999999999999999 does not fit in 64 bits"),
        ("!!float .inf", "v:1:1: error: float .inf is not finite"),
        ("!!bool yes", "v:1:1: error: tag !!bool requires a boolean, found 'yes'"),
        ("!!null 0", "v:1:1: error: tag !!null requires a null, found '0'"),
        ("!!float x", "v:1:1: error: tag !!float requires a float, found 'x'"),
        ("!!map x", "v:1:1: error: tag !!map cannot be used on a scalar"),
        ("!!seq {a: 1}", "v:1:1: error: tag !!seq cannot be used on a mapping"),
        ("!!map [1]", "v:1:1: error: tag !!map cannot be used on a sequence"),
        ("!!str [1]", "v:1:1: error: tag !!str cannot be used on a sequence"),
        ("!!set {a: ~}", "v:1:1: error: unsupported tag !!set: only the core tags !!str, !!int, !!float, !!bool, !!null, !!seq and !!map are allowed"),
        ("!!timestamp 2026-04-01", "v:1:1: error: unsupported tag !!timestamp: only the core tags !!str, !!int, !!float, !!bool, !!null, !!seq and !!map are allowed"),
        ("!foo bar", "v:1:1: error: unsupported tag !foo: only the core tags !!str, !!int, !!float, !!bool, !!null, !!seq and !!map are allowed"),
        ("!<tag:example.com,2026:x> 1", "v:1:1: error: unsupported tag tag:example.com,2026:x: only the core tags !!str, !!int, !!float, !!bool, !!null, !!seq and !!map are allowed"),
    ])
    func invalidScalars(input: String, expected: String) {
        #expect(renderedValueErrors(input) == expected)
    }

    @Test func taggedCollectionsAreAccepted() throws {
        let node = try YAMLLoader.loadValue("!!map {a: !!seq [1, 2], b: ! [x]}", file: "v")
        #expect(node["a"]?.sequence?.count == 2)
        #expect(node["b"]?[0]?.scalar?.value == .string("x"))
    }
}
