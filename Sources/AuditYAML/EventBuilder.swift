import AuditCore
import CYAML

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// What one run of the event loop produced.
struct ParseOutcome {
    /// The root of the (first) document; `nil` for a stream without documents, or when
    /// parsing stopped before the root was complete.
    var root: YAMLNode?
    var diagnostics: DiagnosticList
    /// libyaml's syntax error, which ended the parse; not among `diagnostics`, since what it
    /// is reported as depends on the rest of the file (see `SyntaxRecovery`).
    var syntax: SyntaxFailure? = nil
}

/// A syntax error libyaml stopped at: its words and marks, and the diagnostic saying it.
struct SyntaxFailure {
    var problem: String
    var context: String?
    var problemMark: Mark
    var contextMark: Mark?
    var diagnostic: Diagnostic
}

/// Builds the node tree from libyaml's event stream with an explicit stack (no recursion),
/// collecting diagnostics. The libyaml parser itself lives only inside `parse`.
struct EventBuilder {
    /// Runs libyaml over `input`, which must stay valid for the whole call.
    static func parse(_ input: UnsafeBufferPointer<UInt8>, file: String, limits: YAMLLimits) -> ParseOutcome {
        var builder = EventBuilder(file: file, limits: limits)
        var parser = yaml_parser_t()
        guard yaml_parser_initialize(&parser) == 1 else {
            return ParseOutcome(root: nil, diagnostics: DiagnosticList([.error(.outOfMemory, at: SourceLocation(file: file))]))
        }
        defer { yaml_parser_delete(&parser) }
        // libyaml asserts a non-null input pointer, even for an empty input.
        var empty: UInt8 = 0
        withUnsafeMutablePointer(to: &empty) { emptyPointer in
            yaml_parser_set_input_string(&parser, input.baseAddress ?? UnsafePointer(emptyPointer), input.count)
            var event = yaml_event_t()
            while true {
                guard yaml_parser_parse(&parser, &event) == 1 else {
                    builder.libyamlError(parser, input: input)
                    break
                }
                defer { yaml_event_delete(&event) }
                builder.handle(&event)
                if builder.stopped || event.type == YAML_STREAM_END_EVENT { break }
            }
        }
        return ParseOutcome(root: builder.root, diagnostics: builder.diagnostics, syntax: builder.syntax)
    }

    /// An open collection.
    private struct Frame {
        var isMapping: Bool
        var mark: Mark
        var anchor: String?
        /// Index in `nodes` of the first child.
        var start: Int
        /// Nodes in this subtree so far, aliases counted at their expanded size.
        var count: Int
        /// Bytes of scalar text in this subtree so far, aliases counted expanded.
        var size: Int
        /// Index in `keyPrints` of this mapping's first key fingerprint.
        var printStart: Int
        /// Keys seen so far (value → index in `nodes`), built once a mapping has more keys
        /// than a linear scan handles well.
        var keyIndex: [YAMLValue: Int]?
    }

    private struct Anchored {
        var node: YAMLNode
        /// Nodes and bytes of scalar text the anchored node stands for, aliases expanded.
        var count: Int
        var size: Int
    }

    /// Mappings up to this many keys are checked for duplicates by a linear scan over key
    /// fingerprints; larger ones switch to a dictionary keyed by the resolved value. Both
    /// compare string keys as Swift does, by canonical equivalence: `é` written as U+00E9 and
    /// as `e` + U+0301 are the same key (they look the same; a reader cannot tell them apart).
    private static let linearKeyLimit = 32

    let file: String
    let limits: YAMLLimits
    /// Capped at `DiagnosticList.cap` entries (the rest are only counted), so a file with a
    /// million bad values cannot exhaust memory.
    private(set) var diagnostics = DiagnosticList()
    private(set) var root: YAMLNode?
    /// Set when parsing must end now (syntax error, too deep, alias bomb, second document).
    private(set) var stopped = false
    /// The syntax error that stopped the parse, if one did.
    private(set) var syntax: SyntaxFailure?
    private var documents = 0
    /// Children of every open collection, one after another (keys and values alternate
    /// inside a mapping); a collection takes its slice off the end when it closes.
    private var nodes: [YAMLNode] = []
    /// A cheap fingerprint of each key of every open mapping (see `fingerprint`), so the
    /// duplicate check compares integers and only compares values on a match.
    private var keyPrints: [UInt64] = []
    private var frames: [Frame] = []
    private var anchors: [String: Anchored] = [:]
    /// Nodes and bytes of scalar text all aliases so far expand to.
    private var aliasTotal = 0
    private var aliasBytes = 0

    init(file: String, limits: YAMLLimits) {
        self.file = file
        self.limits = limits
        nodes.reserveCapacity(256)
        keyPrints.reserveCapacity(128)
        frames.reserveCapacity(16)
    }

    // MARK: Events

    mutating func handle(_ event: inout yaml_event_t) {
        switch event.type {
        case YAML_SCALAR_EVENT: scalar(&event)
        case YAML_MAPPING_START_EVENT, YAML_SEQUENCE_START_EVENT: startCollection(&event)
        case YAML_MAPPING_END_EVENT, YAML_SEQUENCE_END_EVENT: endCollection()
        case YAML_ALIAS_EVENT: alias(&event)
        case YAML_DOCUMENT_START_EVENT:
            documents &+= 1
            if documents > 1 {
                error(.secondDocument, at: mark(event.start_mark))
                stopped = true
            }
        default: break
        }
    }

    private mutating func scalar(_ event: inout yaml_event_t) {
        let data = event.data.scalar
        let at = mark(event.start_mark)
        let bytes = UnsafeBufferPointer(start: data.value, count: data.length)
        let text = String(decoding: bytes, as: UTF8.self)
        let style: YAMLScalar.Style
        switch data.style {
        case YAML_SINGLE_QUOTED_SCALAR_STYLE: style = .singleQuoted
        case YAML_DOUBLE_QUOTED_SCALAR_STYLE: style = .doubleQuoted
        case YAML_LITERAL_SCALAR_STYLE: style = .literal
        case YAML_FOLDED_SCALAR_STYLE: style = .folded
        default: style = .plain
        }
        let value: YAMLValue
        if let tagPointer = data.tag {
            value = tagged(bytes, text: text, tag: cString(tagPointer), at: at)
        } else if style == .plain {
            switch ScalarResolver.resolvePlain(bytes, text: text) {
            case .value(let resolved): value = resolved
            case .invalid(let message):
                error(message, at: at)
                value = .string(text)
            case .mismatch: value = .string(text)
            }
        } else {
            value = .string(text)
        }
        let node = YAMLNode(content: .scalar(YAMLScalar(text: text, style: style, value: value)), mark: at)
        if let anchor = data.anchor { anchors[cString(anchor)] = Anchored(node: node, count: 1, size: data.length) }
        append(node, count: 1, size: data.length, scalarValue: value)
    }

    /// The value of a scalar with an explicit tag; only the core schema's tags are accepted.
    private mutating func tagged(_ bytes: UnsafeBufferPointer<UInt8>, text: String, tag: String, at: Mark) -> YAMLValue {
        if tag == "!" { return .string(text) }  // the non-specific tag: a string
        guard let core = ScalarResolver.CoreTag(tag: tag) else {
            error(.unsupportedTag(ScalarResolver.display(tag: tag)), at: at)
            return .string(text)
        }
        switch ScalarResolver.resolve(bytes, text: text, as: core) {
        case .value(let value): return value
        case .invalid(let message):
            error(message, at: at)
        case .mismatch:
            if core == .map || core == .seq {
                error(.tagOnScalar(ScalarResolver.display(tag: tag)), at: at)
            } else {
                error(.tagMismatch(ScalarResolver.display(tag: tag), kind: core.valueKind, article: core == .int ? "an" : "a", text: text), at: at)
            }
        }
        return .string(text)
    }

    private mutating func startCollection(_ event: inout yaml_event_t) {
        let isMapping = event.type == YAML_MAPPING_START_EVENT
        let at = mark(event.start_mark)
        if frames.count >= limits.maxDepth {
            error(.tooDeep(limits.maxDepth), at: at)
            stopped = true
            return
        }
        let anchorPointer = isMapping ? event.data.mapping_start.anchor : event.data.sequence_start.anchor
        let tagPointer = isMapping ? event.data.mapping_start.tag : event.data.sequence_start.tag
        if let tagPointer {
            let tag = cString(tagPointer)
            if tag != "!" {
                switch ScalarResolver.CoreTag(tag: tag) {
                case .map where isMapping, .seq where !isMapping:
                    break
                case .some:
                    error(.tagOnCollection(ScalarResolver.display(tag: tag), mapping: isMapping), at: at)
                case .none:
                    error(.unsupportedTag(ScalarResolver.display(tag: tag)), at: at)
                }
            }
        }
        frames.append(
            Frame(
                isMapping: isMapping, mark: at, anchor: anchorPointer.map(cString), start: nodes.count, count: 1, size: 0,
                printStart: keyPrints.count, keyIndex: nil))
    }

    private mutating func endCollection() {
        guard let frame = frames.popLast() else { return }
        let content: YAMLNode.Content
        if frame.isMapping {
            var pairs: [YAMLPair] = []
            pairs.reserveCapacity((nodes.count &- frame.start) / 2)
            var i = frame.start
            while i &+ 1 < nodes.count {
                pairs.append(YAMLPair(key: nodes[i], value: nodes[i &+ 1]))
                i &+= 2
            }
            content = .mapping(pairs)
        } else {
            content = .sequence(Array(nodes[frame.start...]))
        }
        nodes.removeSubrange(frame.start...)
        if frame.isMapping { keyPrints.removeSubrange(frame.printStart...) }
        let node = YAMLNode(content: content, mark: frame.mark)
        if let anchor = frame.anchor { anchors[anchor] = Anchored(node: node, count: frame.count, size: frame.size) }
        append(node, count: frame.count, size: frame.size, scalarValue: nil)
    }

    private mutating func alias(_ event: inout yaml_event_t) {
        let at = mark(event.start_mark)
        let name = event.data.alias.anchor.map(cString) ?? ""
        guard let target = anchors[name] else {
            if frames.contains(where: { $0.anchor == name }) {
                error(.recursiveAlias(name), at: at)
            } else {
                error(.unknownAnchor(name), at: at)
            }
            let placeholder = YAMLScalar(text: "", style: .plain, value: .null)
            append(YAMLNode(content: .scalar(placeholder), mark: at), count: 1, size: 0, scalarValue: .null)
            return
        }
        // The tree shares the anchored node, but every later phase walks each alias as a
        // copy: bound what the copies add up to, in nodes and in bytes.
        aliasTotal = saturatingAdd(aliasTotal, target.count)
        aliasBytes = saturatingAdd(aliasBytes, target.size)
        if aliasTotal > limits.maxAliasNodes {
            error(.aliasBomb(limits.maxAliasNodes), at: at)
            stopped = true
            return
        }
        if aliasBytes > limits.maxAliasBytes {
            error(.aliasBytes(limits.maxAliasBytes), at: at)
            stopped = true
            return
        }
        append(target.node, count: target.count, size: target.size, scalarValue: target.node.scalar?.value)
    }

    // MARK: Tree

    /// Adds a finished node to the open collection, or makes it the root. `count` and `size`
    /// are the nodes and bytes of scalar text it stands for (aliases expanded). `scalarValue` is
    /// the node's value when it is a scalar (`nil` for a collection).
    private mutating func append(_ node: YAMLNode, count: Int, size: Int, scalarValue: YAMLValue?) {
        guard !frames.isEmpty else {
            if root == nil { root = node }
            return
        }
        let top = frames.count &- 1
        frames[top].count = saturatingAdd(frames[top].count, count)
        frames[top].size = saturatingAdd(frames[top].size, size)
        if frames[top].isMapping, (nodes.count &- frames[top].start) & 1 == 0 {
            checkKey(node, scalarValue, frame: top)
        }
        nodes.append(node)
    }

    /// Rejects a complex key or a key already present in the mapping. Called before the key
    /// is appended to `nodes`.
    private mutating func checkKey(_ key: YAMLNode, _ value: YAMLValue?, frame top: Int) {
        guard let value else {
            error(.complexKey(key.kindLabel), at: key.mark)
            keyPrints.append(0)  // keeps one fingerprint per key; never compares equal below
            return
        }
        let start = frames[top].start
        let printStart = frames[top].printStart
        let keyCount = keyPrints.count &- printStart
        if keyCount < Self.linearKeyLimit {
            let print = Self.fingerprint(value)
            var i = printStart
            while i < keyPrints.count {
                if keyPrints[i] == print {
                    let first = nodes[start &+ (i &- printStart) &* 2]
                    if let previous = first.scalar, previous.value == value {
                        duplicate(key, value, first: first, previous)
                        break
                    }
                }
                i &+= 1
            }
            keyPrints.append(print)
            return
        }
        keyPrints.append(0)
        if frames[top].keyIndex == nil {
            var index: [YAMLValue: Int] = [:]
            index.reserveCapacity(keyCount &* 2)
            var i = start
            while i < nodes.count {
                if let previous = nodes[i].scalar?.value, index[previous] == nil { index[previous] = i }
                i &+= 2
            }
            frames[top].keyIndex = index
        }
        if let firstIndex = frames[top].keyIndex?[value] {
            let first = nodes[firstIndex]
            if let previous = first.scalar { duplicate(key, value, first: first, previous) }
        } else {
            frames[top].keyIndex?[value] = nodes.count
        }
    }

    /// Swift's hash of a string key (which, like `==`, is the same for canonically equivalent
    /// strings, so NFC and NFD spellings match here as they do in the dictionary above), or a
    /// mix of the value's bits otherwise; equal values always have equal fingerprints (`0` and
    /// `-0.0` included). A collision only costs a comparison of the values.
    private static func fingerprint(_ value: YAMLValue) -> UInt64 {
        switch value {
        case .string(let text): return UInt64(bitPattern: Int64(text.hashValue)) | 0x100
        case .int(let int): return mix(UInt64(bitPattern: int) ^ 0x1)
        case .float(let float): return mix((float == 0 ? 0 : float.bitPattern) ^ 0x2)
        case .bool(let bool): return bool ? 0x3 : 0x4
        case .null: return 0x5
        }
    }

    @inline(__always)
    private static func mix(_ x: UInt64) -> UInt64 {
        var z = x &* 0x9E37_79B9_7F4A_7C15
        z ^= z >> 31
        return z | 0x100
    }

    private mutating func duplicate(_ key: YAMLNode, _ value: YAMLValue, first: YAMLNode, _ previous: YAMLScalar) {
        let text = key.scalar?.text ?? ""
        let firstLine = first.mark.line
        let message: Message
        if previous.text.unicodeScalars.elementsEqual(text.unicodeScalars) {
            message = .duplicateKey(text, line: firstLine)
        } else if previous.text == text {  // canonically equivalent, spelled differently
            message = .duplicateKey(text, normalisationOf: previous.text, line: firstLine)
        } else {
            message = .duplicateKey(text, sameAs: previous.text, line: firstLine)
        }
        diagnostics.append(
            .error(
                message, at: location(key.mark),
                related: [Diagnostic.Related(.firstDefinedHere(previous.text), location: location(first.mark))]))
    }

    // MARK: Diagnostics

    private mutating func error(_ message: Message, at mark: Mark) {
        diagnostics.append(.error(message, at: location(mark)))
    }

    private func location(_ mark: Mark) -> SourceLocation {
        SourceLocation(file: file, mark: mark)
    }

    /// Records the error that made `yaml_parser_parse` fail and stops.
    mutating func libyamlError(_ parser: yaml_parser_t, input: UnsafeBufferPointer<UInt8>) {
        stopped = true
        let problem = parser.problem.map { String(cString: $0) } ?? "unknown problem"
        switch parser.error {
        case YAML_MEMORY_ERROR:
            diagnostics.append(.error(.outOfMemoryParsing, at: SourceLocation(file: file)))
        case YAML_READER_ERROR:
            let offset = Int(truncatingIfNeeded: parser.problem_offset)
            let value = parser.problem_value >= 0 ? ByteScan.hex(parser.problem_value, digits: 4) : nil
            error(.readerError(problem, value: value, offset: offset), at: ByteScan.mark(atByteOffset: offset, in: input))
        default:
            let problemMark = mark(parser.problem_mark)
            var inline: String?
            var context: String?
            var contextMark: Mark?
            var related: [Diagnostic.Related] = []
            if let contextPointer = parser.context {
                context = String(cString: contextPointer)
                contextMark = mark(parser.context_mark)
                if contextMark == problemMark {
                    inline = context
                } else {
                    related.append(Diagnostic.Related(.libyamlContext(context!), location: location(contextMark!)))
                }
            }
            let tabs = ByteScan.byte(at: problemMark, in: input) == UInt8(ascii: "\t")
            let diagnostic: Diagnostic
            if problem == "mapping values are not allowed in this context", let line = ByteScan.line(problemMark.line, in: input),
               let (key, value) = Self.unquotedValueWithColon(line, column: problemMark.column) {
                diagnostic = .error(.valueWithColonNeedsQuotes(key: key, value: value), at: location(problemMark), related: related)
            } else {
                diagnostic = .error(.syntaxError(problem, context: inline, tabs: tabs), at: location(problemMark), related: related)
            }
            syntax = SyntaxFailure(problem: problem, context: context, problemMark: problemMark, contextMark: contextMark, diagnostic: diagnostic)
        }
    }

    /// `check: on_time(it.feedback_at, days: 3)`: a block mapping's plain value holding a
    /// second `: ` (where libyaml stopped, at the 1-based `column`), which YAML reads as the
    /// start of a mapping. Gives the key and the value as written (without a comment), or nil
    /// when the line is not `key: value` with the colon inside the value.
    static func unquotedValueWithColon(_ line: String, column: Int) -> (key: String, value: String)? {
        let scalars = Array(line.unicodeScalars)
        let colon = column - 1
        guard colon >= 0, colon < scalars.count, scalars[colon] == ":" else { return nil }
        var i = 0
        func skipSpaces() { while i < scalars.count, scalars[i] == " " { i += 1 } }
        skipSpaces()
        if i + 1 < scalars.count, scalars[i] == "-", scalars[i + 1] == " " { i += 1; skipSpaces() }
        let keyStart = i
        while i < scalars.count, scalars[i].properties.isAlphabetic || scalars[i] == "_" || scalars[i] == "-"
            || ("0"..."9").contains(scalars[i]) { i += 1 }
        guard i > keyStart, i + 1 < colon, scalars[i] == ":", scalars[i + 1] == " " else { return nil }
        let key = String(String.UnicodeScalarView(scalars[keyStart..<i]))
        i += 1
        skipSpaces()
        // A quoted or flow value, or a block scalar, fails in other ways; this is a plain one.
        guard i < colon, !["\"", "'", "{", "[", "|", ">", "&", "*", "!"].contains(scalars[i]) else { return nil }
        var end = scalars.count
        for j in i..<scalars.count where scalars[j] == "#" && j > i && scalars[j - 1] == " " {
            end = j
            break
        }
        while end > i, scalars[end - 1] == " " || scalars[end - 1] == "\t" { end -= 1 }
        guard end > colon else { return nil }
        return (key, String(String.UnicodeScalarView(scalars[i..<end])))
    }

    // MARK: Helpers

    @inline(__always)
    private func mark(_ mark: yaml_mark_t) -> Mark {
        Mark(line: Int(truncatingIfNeeded: mark.line) &+ 1, column: Int(truncatingIfNeeded: mark.column) &+ 1)
    }

    private func cString(_ pointer: UnsafeMutablePointer<yaml_char_t>) -> String {
        String(decoding: UnsafeBufferPointer(start: pointer, count: strlen(UnsafeRawPointer(pointer).assumingMemoryBound(to: CChar.self))), as: UTF8.self)
    }

    @inline(__always)
    private func saturatingAdd(_ a: Int, _ b: Int) -> Int {
        let (sum, overflow) = a.addingReportingOverflow(b)
        return overflow ? Int.max : sum
    }
}
