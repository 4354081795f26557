import AuditCore

// What the rule expression language says: the parser's syntax errors, the checker's type
// errors and unknown names, the built-in functions' argument errors, constant folding, the
// message templates' holes, and the values an evaluation fails with. zh and en side by side,
// each with a stable code; SyntaxError and CheckError carry only a `Message`, so no message
// can be English alone.
//
// Written for a rule author: code (names, operators, types such as bool or list<string>,
// calls to write instead) stays as it is written in a rule, in ASCII, in both languages; the
// Chinese uses full-width punctuation around it.

extension Label {
    // MARK: What the parser found

    /// A token the parser met, as `describe` names it: `'b'`, a string, the end.
    static func token(_ text: String) -> Label { Label(zh: "'\(text)'", en: "'\(text)'") }
    static let aString = Label(zh: "字符串", en: "a string")
    static let endOfExpression = Label(zh: "表达式末尾", en: "the end of the expression")

    // Why a symbol was expected (`expected ')' to close the arguments`).
    static let inAConditional = Label(zh: "用于条件表达式 'a ? b : c'", en: "in a conditional 'a ? b : c'")
    static let toStartTheArguments = Label(zh: "用于开始参数列表", en: "to start the arguments")
    static let toCloseTheArguments = Label(zh: "用于结束参数列表", en: "to close the arguments")
    static let toCloseTheList = Label(zh: "用于结束列表", en: "to close the list")
    static let toCloseAParenthesis = Label(zh: "用于闭合 '('", en: "to close '('")

    // MARK: What must have a type

    /// `applies`, `due`: a rule key, the same in both languages.
    static func ruleKey(_ key: String) -> Label { Label(zh: key, en: key) }
    static let conditionOfConditional = Label(zh: "'?:' 的条件", en: "the condition of '?:'")
    static func conditionOf(_ function: String) -> Label { Label(zh: "\(function)() 的条件", en: "the condition of \(function)()") }

    // MARK: What a function takes

    static let oneTime = Label(zh: "时间（time）", en: "a time")
    static let oneTimestamp = Label(zh: "时间戳", en: "a timestamp")
    static let timestamps = Label(zh: "时间戳", en: "timestamps")

    // MARK: Why a constant computation fails

    static let integerOverflow = Label(zh: "整数溢出", en: "integer overflow")
    static let divisionByZero = Label(zh: "除数为零", en: "division by zero")
}

/// `实际为 'b'`, `实际为表达式末尾`: a space between Chinese and what is written as code.
private func spaced(_ zh: String) -> String {
    guard let first = zh.unicodeScalars.first, first.isASCII else { return zh }
    return " " + zh
}

/// `applies 须为`, `all() 的条件须为`: the same space, after.
private func spacedAfter(_ zh: String) -> String {
    guard let last = zh.unicodeScalars.last, last.isASCII else { return zh }
    return zh + " "
}

extension Message {
    // MARK: - Syntax (Parser.swift)

    /// A syntax error: `syntax error: …` / `表达式语法错误：…`.
    private static func syntax(_ code: String, en: String, zh: String) -> Message {
        Message("expression.\(code)", en: "syntax error: \(en)", zh: "表达式语法错误：\(zh)")
    }

    static func unexpectedAfterExpression(_ found: Label) -> Message {
        syntax("trailing", en: "unexpected \(found.en) after the expression", zh: "表达式已经结束，后面却还有\(spaced(found.zh))")
    }

    static func invalidNumber(_ text: String) -> Message {
        syntax("number", en: "invalid number '\(text)'", zh: "无效的数字 '\(text)'")
    }

    static func integerTooLarge(_ text: String) -> Message {
        syntax("integer-range", en: "integer \(text) does not fit in 64 bits", zh: "整数 \(text) 超出了 64 位整数的范围")
    }

    static func unknownEscape(_ escape: String) -> Message {
        syntax("escape", en: "unknown escape '\(escape)'",
               zh: "无法识别的转义 '\(escape)'（可用 \\n、\\t、\\\\、\\\"、\\'）")
    }

    static let unterminatedString = syntax("unterminated-string", en: "unterminated string", zh: "字符串缺少结尾的引号")

    /// `&&`, `||`, `!`: the word to write instead.
    static func useWord(_ word: String, insteadOf symbol: String) -> Message {
        syntax("symbol-operator", en: "use '\(word)' instead of '\(symbol)'", zh: "请用 '\(word)' 代替 '\(symbol)'")
    }

    static let useDoubleEquals = syntax("single-equals", en: "use '==' to compare", zh: "判断相等请用 '=='")

    static func unexpectedCharacter(_ character: String) -> Message {
        syntax("character", en: "unexpected character '\(character)'", zh: "无法识别的字符 '\(character)'")
    }

    /// A full-width form of an ASCII character, typed with a Chinese input method.
    static func fullWidthCharacter(_ character: String, ascii: String) -> Message {
        syntax("full-width-character", en: "unexpected character '\(character)': a full-width character; write '\(ascii)'",
               zh: "全角字符 '\(character)'，请改为半角 '\(ascii)'")
    }

    static func expected(_ symbol: String, _ purpose: Label, found: Label) -> Message {
        syntax("expected-symbol", en: "expected '\(symbol)' \(purpose.en), found \(found.en)",
               zh: "此处应为 '\(symbol)'（\(purpose.zh)），实际为\(spaced(found.zh))")
    }

    static func expressionTooLong(_ maximum: Int) -> Message {
        syntax("too-long", en: "expression too long (more than \(maximum) operators and calls)",
               zh: "表达式过长（运算符和函数调用超过 \(maximum) 个）")
    }

    static func expressionTooDeep(_ maximum: Int) -> Message {
        syntax("too-deep", en: "expression nested deeper than \(maximum) levels", zh: "表达式嵌套超过 \(maximum) 层")
    }

    static let chainedComparison = syntax(
        "chained-comparison", en: "comparisons cannot be chained; join them with 'and'",
        zh: "比较运算不能连写；请用 'and' 连接，如 a < b and b < c")

    static func expectedName(found: Label) -> Message {
        syntax("expected-name", en: "expected a field or function name after '.', found \(found.en)",
               zh: "'.' 之后应为字段名或方法名，实际为\(spaced(found.zh))")
    }

    static func expectedValue(found: Label) -> Message {
        syntax("expected-value", en: "expected a value, found \(found.en)", zh: "此处应为一个值，实际为\(spaced(found.zh))")
    }

    /// `a contains b` (`negated`: `a not contains b`): the method call and the `in` form to write instead.
    static func containsIsAMethod(call: String, membership: String) -> Message {
        Message("expression.contains-operator",
                en: "'contains' is a method, not an operator: write \(call), or for a list \(membership)",
                zh: "'contains' 是方法，不是运算符：请写作 \(call)；对列表也可写作 \(membership)")
    }

    // MARK: - Names and fields (Compiler.swift)

    static func mustBe(_ role: Label, _ expected: ExprType, found: ExprType) -> Message {
        Message("expression.must-be", en: "\(role.en) must be \(expected), found \(found)",
                zh: "\(spacedAfter(role.zh))须为 \(expected)，实际为 \(found)")
    }

    static let paramsNeedsName = Message(
        "expression.params-name", en: "'params' needs a parameter name: params.NAME", zh: "'params' 后面须写参数名：params.NAME")

    static let itOutsideForEach = Message(
        "expression.it-outside-for-each", en: "'it' is only defined in rules with for_each", zh: "'it' 只能用在带 for_each 的规则中")

    static func unknownName(_ name: String, hint: Label) -> Message {
        Message("expression.unknown-name", en: "unknown name '\(name)'\(hint.en)", zh: "未知的名称 '\(name)'\(hint.zh)")
    }

    static func unquotedText(_ word: String) -> Message {
        Message("expression.unquoted-text", en: "unknown name '\(word)': put text in quotes: \"\(word)\"",
                zh: "未知的名称 '\(word)'：文字请加引号，写作 \"\(word)\"")
    }

    /// `params.NAME` of a parameter the rule does not declare; `similar`, a declared one close to it.
    static func undeclaredParameter(_ name: String, similar: String?) -> Message {
        let declaration = "params: {\(name): …}"
        guard let similar else {
            return Message("expression.unknown-parameter",
                           en: "unknown parameter '\(name)': declare it under the rule's params: (\(declaration))",
                           zh: "未知的参数 '\(name)'：请在规则的 params: 下声明（\(declaration)）")
        }
        return Message("expression.unknown-parameter",
                       en: "unknown parameter '\(name)' (did you mean '\(similar)'?); or declare it under the rule's params: (\(declaration))",
                       zh: "未知的参数 '\(name)'（是否应为 '\(similar)'？）；或在规则的 params: 下声明（\(declaration)）")
    }

    static func unknownField(_ name: String, of object: String, hint: Label) -> Message {
        Message("expression.unknown-field", en: "unknown field '\(name)' of \(object)\(hint.en)",
                zh: "\(object) 中没有字段 '\(name)'\(hint.zh)")
    }

    static func deprecatedField(_ name: String, replacement: String) -> Message {
        Message("expression.deprecated-field", en: "'\(name)' is deprecated; read '\(replacement)' instead",
                zh: "'\(name)' 已弃用；请改读 '\(replacement)'")
    }

    static func unknownDeadlineMember(_ name: String) -> Message {
        Message("expression.deadline-member",
                en: "unknown member '\(name)' of a deadline result (use late, last_day, limit or deducted)",
                zh: "时限结果没有成员 '\(name)'（可用 late、last_day、limit 或 deducted）")
    }

    static func noField(_ name: String, on type: ExprType) -> Message {
        Message("expression.no-field", en: "\(type) has no field '\(name)'", zh: "\(type) 没有字段 '\(name)'")
    }

    static func listElementTypes(_ a: ExprType, _ b: ExprType) -> Message {
        Message("expression.list-types", en: "list elements must have one type: \(a) and \(b)",
                zh: "列表元素须为同一类型，这里有 \(a) 和 \(b)")
    }

    static func branchTypes(_ a: ExprType, _ b: ExprType) -> Message {
        Message("expression.branch-types", en: "the branches of '?:' have different types: \(a) and \(b)",
                zh: "'?:' 的两个分支类型不同：\(a) 和 \(b)")
    }

    // MARK: - Operators (Compiler.swift)

    static func notNeedsBool(found: ExprType) -> Message {
        Message("expression.not-operand", en: "'not' needs a bool, found \(found)", zh: "'not' 需要 bool，实际为 \(found)")
    }

    static func negateNeedsNumber(found: ExprType) -> Message {
        Message("expression.negate-operand", en: "'-' needs a number, found \(found)", zh: "'-' 需要数字，实际为 \(found)")
    }

    static func logicalNeedsBool(_ op: String, found: ExprType) -> Message {
        Message("expression.logical-operand", en: "'\(op)' needs bool operands, found \(found)",
                zh: "'\(op)' 两侧须为 bool，实际为 \(found)")
    }

    static func cannotCompare(_ a: ExprType, _ b: ExprType) -> Message {
        Message("expression.cannot-compare", en: "cannot compare \(a) with \(b)", zh: "\(a) 与 \(b) 不能比较")
    }

    static func cannotOrder(_ a: ExprType, _ b: ExprType) -> Message {
        Message("expression.cannot-order", en: "cannot order \(a) and \(b)", zh: "\(a) 与 \(b) 不能比较大小")
    }

    static func membershipNeedsList(_ op: String, found: ExprType) -> Message {
        Message("expression.membership-list", en: "'\(op)' needs a list on the right, found \(found)",
                zh: "'\(op)' 的右侧须为列表，实际为 \(found)")
    }

    static func cannotLookFor(_ element: ExprType, in list: ExprType) -> Message {
        Message("expression.membership-type", en: "cannot look for \(element) in \(list)", zh: "不能在 \(list) 中查找 \(element)")
    }

    static func coalesceTypes(_ a: ExprType, _ b: ExprType) -> Message {
        Message("expression.coalesce-types", en: "'??' needs the same type on both sides: \(a) and \(b)",
                zh: "'??' 两侧须为同一类型，实际为 \(a) 和 \(b)")
    }

    static func cannotJoin(_ a: ExprType, _ b: ExprType) -> Message {
        Message("expression.join-types", en: "cannot join \(a) and \(b)", zh: "\(a) 与 \(b) 不能拼接")
    }

    static func arithmeticNeedsNumbers(_ op: String, _ a: ExprType, _ b: ExprType) -> Message {
        Message("expression.arithmetic-operand", en: "'\(op)' needs numbers, found \(a) and \(b)",
                zh: "'\(op)' 两侧须为数字，实际为 \(a) 和 \(b)")
    }

    /// Both operands known at load, and the result always an error (`1 / 0`, an overflow).
    static func alwaysFails(_ op: String, _ reason: Label) -> Message {
        Message("expression.constant-fails", en: "'\(op)' always fails here: \(reason.en)", zh: "'\(op)' 在此必然出错：\(reason.zh)")
    }

    static let dividesByZero = Message(
        "expression.division-by-zero", en: "'/' divides by zero here: the divisor is always 0", zh: "'/' 在此除以零：除数恒为 0")

    /// A string literal compared with a token field that is none of its tokens.
    static func notAToken(_ text: String, of enumName: String, hint: Label) -> Message {
        Message("expression.unknown-token", en: "'\(text)' is not a token of \(enumName)\(hint.en)",
                zh: "'\(text)' 不是 \(enumName) 的取值\(hint.zh)")
    }

    // MARK: - Functions and methods (Functions.swift)

    static func unknownFunction(_ name: String, hint: Label) -> Message {
        Message("expression.unknown-function", en: "unknown function '\(name)'\(hint.en)", zh: "未知的函数 '\(name)'\(hint.zh)")
    }

    static func unknownStringMethod(_ name: String, hint: Label) -> Message {
        Message("expression.unknown-method", en: "unknown string method '\(name)'\(hint.en)", zh: "未知的字符串方法 '\(name)'\(hint.zh)")
    }

    static func unknownListMethod(_ name: String, hint: Label) -> Message {
        Message("expression.unknown-method", en: "unknown list method '\(name)'\(hint.en)", zh: "未知的列表方法 '\(name)'\(hint.zh)")
    }

    static func noMethod(_ name: String, on type: ExprType) -> Message {
        Message("expression.no-method", en: "\(type) has no method '\(name)'", zh: "\(type) 没有方法 '\(name)'")
    }

    static let hasTakesAPath = Message(
        "expression.has-arguments", en: "has() takes one field path, e.g. has(it.feedback_at)",
        zh: "has() 只接受一个字段路径，如 has(it.feedback_at)")

    static func takesNoArguments(_ function: String) -> Message {
        Message("expression.no-arguments", en: "\(function)() takes no arguments", zh: "\(function)() 不接受参数")
    }

    static let toTimeTakesOneString = Message(
        "expression.to-time-arguments", en: "to_time() takes one string", zh: "to_time() 只接受一个字符串")

    static let minutesTakesOneTime = Message(
        "expression.minutes-arguments", en: "minutes() takes one time", zh: "minutes() 只接受一个时间（time）")

    /// `to_time() takes a string, found int`: what a built-in function's argument must be.
    static func functionTakes(_ function: String, _ what: Label, found: ExprType) -> Message {
        Message("expression.argument-type", en: "\(function)() takes \(what.en), found \(found)",
                zh: "\(function)() 需要\(spaced(what.zh))，实际为 \(found)")
    }

    /// `contains() takes string, found int`: a method's argument, by its type.
    static func argumentType(_ function: String, _ expected: ExprType, found: ExprType) -> Message {
        Message("expression.argument-type", en: "\(function)() takes \(expected), found \(found)",
                zh: "\(function)() 的参数须为 \(expected)，实际为 \(found)")
    }

    static func argumentCount(_ function: String, _ count: Int) -> Message {
        Message("expression.argument-count", en: "\(function)() takes \(count) argument\(count == 1 ? "" : "s")",
                zh: count == 0 ? "\(function)() 不接受参数" : "\(function)() 需要 \(count) 个参数")
    }

    static func needsATimestamp(_ function: String) -> Message {
        Message("expression.timestamp-arguments", en: "\(function)() needs at least one timestamp", zh: "\(function)() 至少需要一个时间戳")
    }

    /// `give exactly one of workdays: N, days: N`.
    static func oneOfPeriods(_ labels: [String]) -> Message {
        let forms = labels.map { "\($0): N" }
        return Message("expression.period-label", en: "give exactly one of \(forms.joined(separator: ", "))",
                       zh: "须给出且只给出以下之一：\(forms.joined(separator: "、"))")
    }

    static func periodCount(_ label: String) -> Message {
        Message("expression.period-count",
                en: "\(label): needs a whole number from 0 to 3650 known when the rule loads (a literal or a parameter)",
                zh: "\(label): 须为 0 到 3650 之间的整数，且在规则加载时已知（字面量或参数）")
    }

    static let onTimeArguments = Message(
        "expression.on-time-arguments",
        en: "on_time(done, start, workdays: N | days: N | hours: N) takes the completion and the start",
        zh: "on_time(done, start, workdays: N | days: N | hours: N) 需要完成时间和起始时间")

    static let deadlineArguments = Message(
        "expression.deadline-arguments", en: "deadline(start, workdays: N | days: N) takes the start timestamp",
        zh: "deadline(start, workdays: N | days: N) 需要起始时间戳")

    /// `give excluding: once`, `give except: once`.
    static func giveOnce(_ label: String) -> Message {
        Message("expression.label-twice", en: "give \(label): once", zh: "\(label): 只能给出一次")
    }

    static func excludingTakesPeriods(found: ExprType) -> Message {
        Message("expression.excluding-type",
                en: "excluding: takes a list of periods (list.periods(x, x.from, x.to)), found \(found)",
                zh: "excluding: 需要期间的列表（list.periods(x, x.from, x.to)），实际为 \(found)")
    }

    static let excludingNeedsDays = Message(
        "expression.excluding-days", en: "excluding: works with days: N (calendar days) only", zh: "excluding: 只能与 days: N（自然日）一起使用")

    static let excludingIsForOnTime = Message(
        "expression.excluding-deadline", en: "excluding: is for on_time() only (it decides when the clock runs)",
        zh: "excluding: 只能用于 on_time()（由它决定何时计时）")

    static func exceptTakesStrings(found: ExprType) -> Message {
        Message("expression.except-type", en: "except: takes a list of strings, found \(found)", zh: "except: 需要字符串列表，实际为 \(found)")
    }

    /// `join()`, `phrases_found()` on a list that does not hold strings.
    static func needsStrings(_ function: String, element: ExprType) -> Message {
        Message("expression.list-of-strings", en: "\(function)() needs a list of strings, found list<\(element)>",
                zh: "\(function)() 需要字符串列表，实际为 list<\(element)>")
    }

    static let periodsArguments = Message(
        "expression.periods-arguments",
        en: "periods() takes a variable name, a start and an end: list.periods(x, x.requested_at, x.supplied_at)",
        zh: "periods() 需要变量名、起点和终点：list.periods(x, x.requested_at, x.supplied_at)")

    static func periodsTakesTimestamps(found: ExprType) -> Message {
        Message("expression.periods-type", en: "periods() takes timestamps for the start and the end, found \(found)",
                zh: "periods() 的起点和终点须为时间戳，实际为 \(found)")
    }

    /// `all`, `any`, `count`, `filter` written without a variable and a condition.
    static func quantifierArguments(_ function: String) -> Message {
        Message("expression.quantifier-arguments",
                en: "\(function)() takes a variable name and a condition: list.\(function)(x, x.field == value)",
                zh: "\(function)() 需要变量名和条件：list.\(function)(x, x.field == value)")
    }

    static func variableTaken(_ name: String) -> Message {
        Message("expression.variable-taken", en: "'\(name)' is already a name; pick another variable",
                zh: "'\(name)' 已是现有的名称；请换一个变量名")
    }

    static let unmetArguments = Message(
        "expression.unmet-arguments", en: "unmet() takes bool field paths, e.g. unmet(premises.parking, premises.plants)",
        zh: "unmet() 的参数须为 bool 字段的路径，如 unmet(premises.parking, premises.plants)")

    static let unmetTakesPaths = Message(
        "expression.unmet-path", en: "unmet() takes field paths, e.g. premises.parking", zh: "unmet() 的参数须为字段路径，如 premises.parking")

    static func unmetWithoutWords(_ path: String) -> Message {
        Message("expression.unmet-words",
                en: "unmet() lists bool fields with 'unmet' words in the report schema; \(path) has none",
                zh: "unmet() 只能列出报告格式中写有 'unmet' 措辞的 bool 字段；\(path) 没有")
    }

    // MARK: - Message templates (MessageTemplate.swift)

    static let unmatchedBrace = Message(
        "expression.message-brace", en: "unmatched '}' in message (write '}}' for a brace)",
        zh: "消息中的 '}' 没有配对（要写花括号本身请写 '}}'）")

    static let unclosedBrace = Message("expression.message-unclosed", en: "unclosed '{' in message", zh: "消息中的 '{' 没有闭合")

    static let deadlineShownDirectly = Message(
        "expression.message-deadline", en: "a deadline result cannot be shown directly; use .late or .last_day",
        zh: "时限结果不能直接显示；请用 .late 或 .last_day")

    // MARK: - Evaluation (a rule that loaded, on one report)

    /// The evaluation of a subexpression that did not check (the rule never loads).
    static let illTyped = Message("expression.ill-typed", en: "ill-typed expression", zh: "表达式类型有误")

    static let tierNotKnownYet = Message(
        "expression.tier-unknown", en: "tier qualification is not known yet", zh: "星级认定结果尚未得出")

    static func notATime(_ text: String) -> Message {
        Message("expression.not-a-time", en: "'\(text)' is not a time HH:MM", zh: "'\(text)' 不是 HH:MM 格式的时间")
    }
}

extension EvaluationError {
    /// An evaluation error in both languages (the code stays with the wording, not the value).
    init(_ wording: Message, marks: [Mark] = []) {
        self.init(message: wording.en, zh: wording.zh, marks: marks)
    }

    static let integerOverflow = EvaluationError(message: Label.integerOverflow.en, zh: Label.integerOverflow.zh)
    static let divisionByZero = EvaluationError(message: Label.divisionByZero.en, zh: Label.divisionByZero.zh)
}
