import AuditCore

// What the YAML phase says: reading files, parsing, the hardening limits, and the typed
// reads of NodeReader that every file format shares. zh and en side by side.

extension Message {
    // MARK: Files

    static func cannotOpen(_ reason: Label) -> Message {
        Message("file.cannot-open", en: "cannot open file: \(reason.en)", zh: "无法打开文件：\(reason.zh)")
    }

    static func cannotRead(_ reason: Label) -> Message {
        Message("file.cannot-read", en: "cannot read file: \(reason.en)", zh: "无法读取文件：\(reason.zh)")
    }

    static let isDirectory = Message("file.directory", en: "is a directory, not a YAML file", zh: "这是文件夹，不是 YAML 文件")
    static let notRegularFile = Message("file.not-regular", en: "not a regular file", zh: "不是普通文件")

    static func tooLarge(_ size: Int, limit: Int) -> Message {
        Message("file.too-large",
                en: "file is too large: \(size) bytes, over the limit of \(limit) bytes (raise it with --max-file-size)",
                zh: "文件过大：\(size) 字节，超过上限 \(limit) 字节（可用 --max-file-size 调高）")
    }

    static func nulByte(_ offset: Int) -> Message {
        Message("yaml.nul-byte",
                en: "NUL byte (0x00) at byte offset \(offset): a YAML file must be UTF-8 text (is it UTF-16 or binary?)",
                zh: "第 \(offset) 字节处有 NUL 字节（0x00）：YAML 文件必须是 UTF-8 文本（是否为 UTF-16 或二进制文件？）")
    }

    static func invalidUTF8(_ offset: Int, byte: String) -> Message {
        Message("yaml.invalid-utf8",
                en: "invalid UTF-8 at byte offset \(offset) (byte 0x\(byte)): the file must be saved as UTF-8",
                zh: "第 \(offset) 字节处不是有效的 UTF-8（字节 0x\(byte)）：文件须保存为 UTF-8 编码")
    }

    // MARK: Documents

    static let emptyDocument = Message("yaml.empty", en: "empty document: expected a mapping", zh: "文档为空：应为映射（键：值）")

    static func rootNotMapping(_ found: Label) -> Message {
        Message("yaml.root-not-mapping", en: "the root of the document must be a mapping, \(found.en)", zh: "文档的根须为映射（键：值），\(found.zh)")
    }

    static func foundKind(_ kind: Label) -> Label { Label(zh: "实际为\(kind.zh)", en: "found a \(kind.en)") }

    static func foundScalar(_ kind: Label) -> Label { Label(zh: "实际为标量（\(kind.zh)）", en: "found a scalar (\(kind.en))") }

    static let secondDocument = Message(
        "yaml.second-document", en: "a second YAML document starts here; a file must hold exactly one document",
        zh: "此处开始了第二个 YAML 文档；一个文件只能有一个文档")

    // MARK: Syntax and values

    static func syntaxError(_ problem: String, context: String?, tabs: Bool) -> Message {
        let zhProblem = libyamlProblem(problem)
        var en = "syntax error: \(problem)", zh = "语法错误：\(zhProblem)"
        if let context {
            en += " (\(context))"
            zh += "(\(libyamlProblem(context)))"
        }
        if tabs {
            en += "; indent with spaces, not tabs"
            zh += "；请用空格缩进，不要用制表符"
        }
        return Message("yaml.syntax", en: en, zh: zh)
    }

    /// `check: on_time(it.feedback_at, days: 3)`: libyaml's "mapping values are not allowed in
    /// this context", with the line as it should be written (double quotes, or single ones
    /// when the value holds a double quote or a backslash).
    static func valueWithColonNeedsQuotes(key: String, value: String) -> Message {
        let quoted = value.contains("\"") || value.contains("\\")
            ? "'" + value.split(separator: "'", omittingEmptySubsequences: false).joined(separator: "''") + "'"
            : "\"" + value + "\""
        return Message("yaml.unquoted-colon",
                       en: "syntax error: mapping values are not allowed in this context; a value containing ': ' must be quoted: write \(key): \(quoted)",
                       zh: "语法错误：此处不能出现映射值；含有 ': ' 的值须加引号，请写作 \(key): \(quoted)")
    }

    // MARK: Slips (SlipScan) and the likely causes of syntax errors (SyntaxRecovery)

    /// `name：网点`: a full-width colon after a key, which YAML does not read as one.
    public static func fullWidthColon(key: String, fixed: String) -> Message {
        Message("yaml.full-width-colon",
                en: "full-width colon '：' after the key '\(key)'; write a half-width ':' followed by a space, as in \(fixed)",
                zh: "键 '\(key)' 后是全角冒号 '：'，请改为半角 ':' 并在其后加一个空格，写成 \(fixed)")
    }

    /// Full-width spaces (U+3000) in a line's indentation.
    public static let fullWidthIndent = Message(
        "yaml.full-width-space",
        en: "full-width space (U+3000) in the indentation; indent with half-width spaces",
        zh: "缩进中有全角空格（U+3000），请用半角空格缩进")

    /// A line holding nothing but full-width spaces: YAML reads them as text.
    static let fullWidthBlankLine = Message(
        "yaml.full-width-space",
        en: "this line holds only full-width spaces (U+3000), which YAML reads as text; delete them",
        zh: "此行只有全角空格（U+3000），YAML 会把它当作文字，请删除")

    /// `name:　网点`, `-　reception`: a full-width space where a separating space belongs.
    public static func fullWidthSpaceAfter(_ indicator: String, fixed: String) -> Message {
        Message("yaml.full-width-space",
                en: "full-width space (U+3000) after '\(indicator)'; write a half-width space, as in \(fixed)",
                zh: "'\(indicator)' 后是全角空格（U+3000），请改为半角空格，写成 \(fixed)")
    }

    static let tabIndent = Message(
        "yaml.tab",
        en: "tab in the indentation; indent with spaces, not tabs",
        zh: "缩进中有制表符（Tab），请用空格缩进，不要用制表符")

    /// `name: "网点”`: opened with a half-width quote, closed with a full-width one.
    static func fullWidthQuote(open: String, close: String) -> Message {
        Message("yaml.full-width-quote",
                en: "the value opened with \(open) is closed with the full-width \(close); close it with a half-width \(open)",
                zh: "值以半角引号 \(open) 开始，却以全角引号 \(close) 结束，请改为半角 \(open)")
    }

    /// A quoted value that is never closed (libyaml read on to the end of the file, or to the
    /// next quote further down).
    static func unclosedQuote(_ quote: String) -> Message {
        Message("yaml.unclosed-quote",
                en: "the quote \(quote) opened here is never closed; end the value with \(quote) on the same line",
                zh: "此处的引号 \(quote) 没有闭合，请在同一行的值末尾加上 \(quote)")
    }

    /// `zones: [reception, cashier` (or closed with a full-width bracket).
    static func unclosedBracket(open: String, close: String, fullWidth: String?) -> Message {
        if let fullWidth {
            return Message("yaml.unclosed-bracket",
                           en: "the \(open) opened here is closed with the full-width \(fullWidth); write a half-width \(close)",
                           zh: "此处的 \(open) 用全角的 \(fullWidth) 结束，请改为半角 \(close)")
        }
        return Message("yaml.unclosed-bracket",
                       en: "the \(open) opened here is not closed; end it with \(close) on the same line (items are separated by ', ')",
                       zh: "此处的 \(open) 没有闭合，请在同一行末尾加上 \(close)（各项之间用半角 ', ' 分隔）")
    }

    /// A key indented to no level of the mappings above it.
    static func misindented(_ key: String, spaces: Int, expected: Int, like other: String, line: Int) -> Message {
        let count = { (n: Int) in "\(n) \(n == 1 ? "space" : "spaces")" }
        return Message("yaml.indentation",
                       en: "'\(key)' is indented by \(count(spaces)), which lines up with no key above; keys of one mapping must line up: "
                           + (expected == 0 ? "start it at the beginning of the line" : "indent it by \(count(expected))") + " like '\(other)' on line \(line)",
                       zh: "'\(key)' 缩进了 \(spaces) 个空格，与上面的键都对不齐；同一层的键须左对齐：请像第 \(line) 行的 '\(other)' 一样"
                           + (expected == 0 ? "顶格书写" : "缩进 \(expected) 个空格"))
    }

    static func libyamlContext(_ context: String) -> Message {
        Message("yaml.syntax-context", en: context, zh: libyamlProblem(context))
    }

    static func readerError(_ problem: String, value: String?, offset: Int) -> Message {
        let detail = value.map { "U+\($0) at byte offset \(offset)" } ?? "at byte offset \(offset)"
        let zhDetail = value.map { "第 \(offset) 字节处的 U+\($0)" } ?? "第 \(offset) 字节处"
        return Message("yaml.reader", en: "\(problem) (\(detail))", zh: "\(libyamlProblem(problem))(\(zhDetail))")
    }

    static let outOfMemory = Message("yaml.memory", en: "out of memory", zh: "内存不足")
    static let outOfMemoryParsing = Message("yaml.memory", en: "out of memory while parsing", zh: "解析时内存不足")

    static func integerTooLarge(_ text: String) -> Message {
        Message("yaml.int-overflow", en: "integer \(text) does not fit in 64 bits", zh: "整数 \(text) 超出 64 位范围")
    }

    static func floatNotFinite(_ text: String) -> Message {
        Message("yaml.float-infinite", en: "float \(text) is not finite", zh: "小数 \(text) 不是有限值")
    }

    static func unsupportedTag(_ tag: String) -> Message {
        Message("yaml.tag",
                en: "unsupported tag \(tag): only the core tags !!str, !!int, !!float, !!bool, !!null, !!seq and !!map are allowed",
                zh: "不支持的标签 \(tag)：只允许核心标签 ！！str、！！int、！！float、！！bool、！！null、！！seq 和 ！！map")
    }

    static func tagOnScalar(_ tag: String) -> Message {
        Message("yaml.tag-kind", en: "tag \(tag) cannot be used on a scalar", zh: "标签 \(tag) 不能用于标量")
    }

    static func tagOnCollection(_ tag: String, mapping: Bool) -> Message {
        Message("yaml.tag-kind", en: "tag \(tag) cannot be used on a \(mapping ? "mapping" : "sequence")",
                zh: "标签 \(tag) 不能用于\(mapping ? "映射" : "列表")")
    }

    static func tagMismatch(_ tag: String, kind: String, article: String, text: String) -> Message {
        Message("yaml.tag-value", en: "tag \(tag) requires \(article) \(kind), found '\(text)'",
                zh: "标签 \(tag) 要求\(Label.kind(kind).zh)，实际为 '\(text)'")
    }

    static func tooDeep(_ limit: Int) -> Message {
        Message("yaml.depth", en: "nesting is deeper than the limit of \(limit) levels", zh: "嵌套层数超过上限 \(limit) 层")
    }

    static func recursiveAlias(_ name: String) -> Message {
        Message("yaml.alias-recursive", en: "alias *\(name) refers to a node that contains it (recursive alias)",
                zh: "别名 *\(name) 指向包含它自身的节点（递归别名）")
    }

    static func unknownAnchor(_ name: String) -> Message {
        Message("yaml.alias-unknown", en: "alias *\(name) refers to an unknown anchor &\(name)", zh: "别名 *\(name) 指向不存在的锚点 &\(name)")
    }

    static func aliasBomb(_ limit: Int) -> Message {
        Message("yaml.alias-limit", en: "aliases expand to more than \(limit) nodes (billion laughs?)",
                zh: "别名展开后超过 \(limit) 个节点（疑似“十亿笑声”攻击）")
    }

    static func aliasBytes(_ limit: Int) -> Message {
        Message("yaml.alias-bytes",
                en: "aliases expand to more than \(limit) bytes of text (the limit on alias expansion; is a long value aliased many times?)",
                zh: "别名展开后的文本超过 \(limit) 字节（别名展开的上限；是否有很长的值被多次引用？）")
    }

    static func complexKey(_ kind: Label) -> Message {
        Message("yaml.complex-key", en: "only scalar keys are supported; this key is a \(kind.en)", zh: "键只能是标量；此键是\(kind.zh)")
    }

    static func duplicateKey(_ key: String, line: Int) -> Message {
        Message("yaml.duplicate-key", en: "duplicate key '\(key)' (first defined on line \(line))", zh: "重复的键 '\(key)'（第 \(line) 行已定义）")
    }

    static func duplicateKey(_ key: String, sameAs previous: String, line: Int) -> Message {
        Message("yaml.duplicate-key", en: "duplicate key '\(key)' (the same value as '\(previous)' on line \(line))",
                zh: "重复的键 '\(key)'（与第 \(line) 行的 '\(previous)' 相同）")
    }

    /// Two keys with the same characters in different Unicode normalisation forms (`é` as one
    /// code point and as `e` + U+0301): they look alike and are the same key.
    static func duplicateKey(_ key: String, normalisationOf previous: String, line: Int) -> Message {
        Message("yaml.duplicate-key",
                en: "duplicate key '\(key)' (the same text as '\(previous)' on line \(line) in another Unicode normalisation form)",
                zh: "重复的键 '\(key)'（与第 \(line) 行的 '\(previous)' 是同一文本，仅 Unicode 规范化形式不同）")
    }

    static func firstDefinedHere(_ key: String) -> Message {
        Message("yaml.duplicate-key-first", en: "'\(key)' first defined here", zh: "'\(key)' 首次定义于此")
    }

    // MARK: Typed reads (NodeReader)

    static func mustBeMapping(_ what: Label, found kind: Label) -> Message {
        Message("value.not-mapping", en: "\(what.en) must be a mapping, found \(kind.en)", zh: "\(what.zh)应为映射（键：值），实际为\(kind.zh)")
    }

    static func keysMustBeStrings(_ what: Label) -> Message {
        Message("value.key-type", en: "keys of \(what.en) must be strings", zh: "\(what.zh)的键须为字符串")
    }

    static func unknownKey(_ key: String, in what: Label, hint: Label) -> Message {
        Message("value.unknown-key", en: "unknown key '\(key)' in \(what.en)\(hint.en)", zh: "\(what.zh)中有未知的键 '\(key)'\(hint.zh)")
    }

    static func missingKey(_ key: String, in what: Label) -> Message {
        Message("value.missing-key", en: "\(what.en) is missing the required key '\(key)'", zh: "\(what.zh)缺少必填的键 '\(key)'")
    }

    static func mustBeString(_ what: Label, found kind: Label) -> Message {
        Message("value.not-string", en: "\(what.en) must be a string, found \(kind.en)", zh: "\(what.zh)应为字符串，实际为\(kind.zh)")
    }

    static func mustNotBeEmpty(_ what: Label) -> Message {
        Message("value.empty", en: "\(what.en) must not be empty", zh: "\(what.zh)不能为空")
    }

    static func mustBeBool(_ what: Label, found: Label) -> Message {
        Message("value.not-bool", en: "\(what.en) must be true or false, found \(found.en)", zh: "\(what.zh)应为 true 或 false，实际为\(found.zh)")
    }

    static func mustBeInteger(_ what: Label, found: Label) -> Message {
        Message("value.not-int", en: "\(what.en) must be an integer, found \(found.en)", zh: "\(what.zh)应为整数，实际为\(found.zh)")
    }

    static func mustBeList(_ what: Label, found kind: Label) -> Message {
        Message("value.not-list", en: "\(what.en) must be a list, found \(kind.en)", zh: "\(what.zh)应为列表，实际为\(kind.zh)")
    }

    /// libyaml's problems and contexts in Chinese: the ones a hand-written file meets.
    static func libyamlProblem(_ text: String) -> String {
        let known: [String: String] = [
            "did not find expected key": "未找到应有的键（缩进是否对齐？）",
            "did not find expected ',' or '}'": "未找到应有的 ',' 或 '}'",
            "did not find expected ',' or ']'": "未找到应有的 ',' 或 ']'",
            "did not find expected node content": "未找到应有的值",
            "did not find expected '-' indicator": "未找到应有的 '-' 列表标记",
            "mapping values are not allowed in this context": "此处不能出现映射值（值中有 ': ' 时请加引号）",
            "found character that cannot start any token": "出现了不能作为开头的字符（如制表符或 @、`）",
            "found unexpected end of stream": "文件意外结束",
            "found unknown escape character": "未知的转义字符",
            "found undefined tag handle": "未定义的标签前缀",
            "could not find expected ':'": "未找到应有的 ':'",
            "block sequence entries are not allowed in this context": "此处不能出现块列表项",
            "found a tab character that violates indentation": "制表符破坏了缩进",
            "found a tab character where an indentation space is expected": "此处应为空格缩进，却是制表符",
            "found unexpected ':'": "出现了意外的 ':'",
            "invalid leading UTF-8 octet": "无效的 UTF-8 首字节",
            "invalid trailing UTF-8 octet": "无效的 UTF-8 后续字节",
            "incomplete UTF-8 octet sequence": "不完整的 UTF-8 字节序列",
            "control characters are not allowed": "不允许控制字符",
            "while parsing a block mapping": "解析块映射时",
            "while parsing a block collection": "解析块列表时",
            "while parsing a flow mapping": "解析行内映射时",
            "while parsing a flow sequence": "解析行内列表时",
            "while parsing a flow node": "解析行内节点时",
            "while parsing a block node": "解析块节点时",
            "while scanning a simple key": "扫描简单键时",
            "while scanning a quoted scalar": "扫描带引号的字符串时",
            "while scanning a plain scalar": "扫描字符串时",
            "while scanning an alias": "扫描别名时",
            "while scanning an anchor": "扫描锚点时",
            "while scanning a tag": "扫描标签时",
            "while scanning a block scalar": "扫描块字符串时",
            "while parsing a node": "解析节点时",
            "while scanning for the next token": "扫描下一个记号时",
        ]
        return known[text] ?? text
    }
}

extension Label {
    /// `cite.quote`: a key below what a label names; key paths read the same in any language.
    public func key(_ name: String) -> Label { Label(zh: "\(zh).\(name)", en: "\(en).\(name)") }

    /// A name that reads the same in any language (a key path, an id).
    public static func code(_ text: String) -> Label { Label(zh: text, en: text) }

    /// A node kind word (`sequence`, `mapping`, `integer`, …) in both languages.
    public static func kind(_ name: String) -> Label {
        let zh: String = switch name {
        case "sequence": "列表"
        case "mapping": "映射"
        case "null": "空值"
        case "boolean": "布尔值"
        case "integer": "整数"
        case "float": "小数"
        case "string": "字符串"
        case "scalar": "标量"
        default: name
        }
        return Label(zh: zh, en: name)
    }
}

extension Message {
    // MARK: Finding input files (YAMLFiles)

    static func cannotReadFolder(_ reason: Label) -> Message {
        Message("input.folder", en: "cannot read folder: \(reason.en)", zh: "无法读取文件夹：\(reason.zh)")
    }

    static func cannotReadInput(_ reason: Label) -> Message {
        Message("input.unreadable", en: "cannot read: \(reason.en)", zh: "无法读取：\(reason.zh)")
    }

    static let inputNotRegularFile = Message("input.not-regular", en: "not a regular file", zh: "不是普通文件")
}
