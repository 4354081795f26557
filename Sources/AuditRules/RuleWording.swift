import AuditCore

// What the rules phase says: rule packs, the scoring and waiver files, assembling a rule set,
// compiling rules, lint, and --param. zh and en side by side. Keys, ids and tokens read the
// same in both languages.
//
// The expression language's own syntax and type errors (Parser.swift, Compiler.swift,
// Functions.swift, MessageTemplate.swift) are worded in ExpressionWording.swift.

extension Label {
    static let aRulePack = Label(zh: "规则包", en: "a rule pack")
    static let aRule = Label(zh: "规则", en: "a rule")
    static let aForEachEntry = Label(zh: "for_each 条目", en: "a for_each entry")
    static func parameterNamed(_ name: String) -> Label { Label(zh: "参数 '\(name)'", en: "parameter '\(name)'") }
    static let aScoringFile = Label(zh: "评分文件", en: "a scoring file")
    static let aGrade = Label(zh: "等级", en: "a grade")
    static let aWaiversFile = Label(zh: "豁免文件", en: "a waivers file")
    static let aWaiver = Label(zh: "豁免", en: "a waiver")
}

extension Message {
    // MARK: Rule packs

    static func rulesMustBeList(found: Label) -> Message {
        Message("pack.rules", en: "rules must be a list, found \(found.en)", zh: "rules 应为列表，实际为\(found.zh)")
    }

    static func mustBeExpression(_ what: String, found: Label) -> Message {
        Message("rule.not-expression", en: "\(what) must be an expression (a string), found \(found.en)",
                zh: "\(what) 应为表达式（字符串），实际为\(found.zh)")
    }

    static func expressionEmpty(_ what: String) -> Message {
        Message("rule.empty-expression", en: "\(what) must not be empty", zh: "\(what) 不能为空")
    }

    static func invalidName(_ name: String) -> Message {
        Message("rule.let-name", en: "'\(name)' is not a valid name (letters, digits and _)", zh: "'\(name)' 不是有效的名称（只能用字母、数字和 _）")
    }

    static func invalidRuleId(_ id: String) -> Message {
        Message("rule.id", en: "rule id '\(id)' must be upper-case letters, digits and '-'", zh: "规则编号 '\(id)' 只能由大写字母、数字和 '-' 组成")
    }

    static func unknownSection(_ text: String, hint: Label) -> Message {
        Message("rule.section", en: "unknown section '\(text)'\(hint.en)", zh: "未知的板块 '\(text)'\(hint.zh)")
    }

    static func unknownSeverity(_ text: String, hint: Label) -> Message {
        Message("rule.severity", en: "unknown severity '\(text)'\(hint.en)", zh: "未知的严重程度 '\(text)'\(hint.zh)")
    }

    static func pointsOutOfRange(found: Label) -> Message {
        Message("rule.points", en: "points must be a number from 0 to 1000, found \(found.en)", zh: "points 应为 0 到 1000 之间的数，实际为\(found.zh)")
    }

    static func unknownTier(_ text: String, hint: Label) -> Message {
        Message("rule.tier", en: "unknown tier '\(text)'\(hint.en)", zh: "未知的星级 '\(text)'\(hint.zh)")
    }

    static let forEachShape = Message(
        "rule.for-each-shape", en: "for_each must be a list expression such as staff, or a list of {in, let} entries, one per list",
        zh: "for_each 须为一个列表表达式（如 staff），或每个列表一项的 {in, let} 列表")

    static let quoteMustQuote = Message("rule.quote", en: "cite.quote must quote the clause", zh: "cite.quote 须引用条款原文")

    static func invalidParameterName(_ name: String) -> Message {
        Message("rule.param-name", en: "'\(name)' is not a valid parameter name", zh: "'\(name)' 不是有效的参数名")
    }

    static func examplesNeedList(_ key: String) -> Message {
        Message("rule.examples", en: "examples.\(key) must be a non-empty list of report fragments", zh: "examples.\(key) 须为非空的报告片段列表")
    }

    static func exampleMustBeMapping(found: Label) -> Message {
        Message("rule.example", en: "an example must be a report fragment (a mapping), found \(found.en)",
                zh: "示例须为报告片段（映射），实际为\(found.zh)")
    }

    static func fixedNotInQuote(_ name: String, _ number: Int64) -> Message {
        Message("rule.fixed-quote",
                en: "fixed parameter '\(name)' is \(number), which the quote does not state (a fixed value is the clause's own number, e.g. 30 or 三十)",
                zh: "固定参数 '\(name)' 为 \(number)，但引文中没有这个数（固定值须是条款自身的数字，如 30 或 三十）")
    }

    static func fixedMustBeWhole(_ name: String) -> Message {
        Message("rule.fixed-whole", en: "fixed parameter '\(name)' must be a whole number stated by the clause",
                zh: "固定参数 '\(name)' 须为条款写明的整数")
    }

    static let parameterListMixed = Message(
        "param.list-type", en: "a parameter list must hold values of one type", zh: "参数列表中的值须为同一类型")

    static func parameterKind(found: Label) -> Message {
        Message("param.type", en: "a parameter must be a number, string, boolean or a list of them, found \(found.en)",
                zh: "参数须为数字、字符串、布尔值或它们的列表，实际为\(found.zh)")
    }

    static let parameterNeedsValue = Message("param.empty", en: "a parameter needs a value", zh: "参数需要一个值")

    // MARK: Rule sets

    static func duplicateRuleId(_ id: String) -> Message {
        Message("rules.duplicate-id", en: "duplicate rule id '\(id)'", zh: "规则编号 '\(id)' 重复")
    }

    static let ruleFirstDefinedHere = Message("rules.duplicate-id-first", en: "first defined here", zh: "首次定义于此")
    static let secondSchema = Message("rules.second-schema", en: "a second report schema; give only one", zh: "出现了第二个报告格式定义；只能有一个")
    static let secondScoring = Message("rules.second-scoring", en: "a second scoring file; give only one", zh: "出现了第二个评分文件；只能有一个")

    static let reportAmongRules = Message(
        "rules.is-report", en: "this is an inspection report, not a rule file (give reports as arguments, rules with --rules)",
        zh: "这是检查报告，不是规则文件（报告作为参数给出，规则用 --rules 给出）")

    static func notARuleFile(found kind: String) -> Message {
        Message("rules.unknown-kind", en: "not a rule file: expected a first key 'pack', 'schema', 'schema_extension', 'profile', 'calendar' or 'scoring', found '\(kind)'",
                zh: "不是规则文件：第一个键应为 'pack'、'schema'、'schema_extension'、'profile'、'calendar' 或 'scoring'，实际为 '\(kind)'")
    }

    static let noRulePacks = Message(
        "rules.no-packs", en: "no rule packs found (files whose first key is 'pack')", zh: "没有找到规则包（第一个键为 'pack' 的文件）")

    // MARK: Compiling rules

    static func forEachNeedsItems(found: String) -> Message {
        Message("rule.for-each", en: "for_each needs a list of report items (staff, calls, cases…), found \(found)",
                zh: "for_each 需要报告条目的列表（staff、calls、cases……），实际为 \(found)")
    }

    static func letIsBuiltIn(_ name: String) -> Message {
        Message("rule.let-reserved", en: "'\(name)' is a built-in name; pick another name", zh: "'\(name)' 是内置名称；请换一个名称")
    }

    static func letIsSection(_ name: String) -> Message {
        Message("rule.let-reserved", en: "'\(name)' is a section of the report; pick another name", zh: "'\(name)' 是报告的一部分；请换一个名称")
    }

    static func alreadyDefined(_ name: String) -> Message {
        Message("rule.let-twice", en: "'\(name)' is already defined", zh: "'\(name)' 已定义")
    }

    static func checkType(found: String) -> Message {
        Message("rule.check-type", en: "check must be a bool or a deadline result (on_time), found \(found)",
                zh: "check 须为布尔值或时限结果（on_time），实际为 \(found)")
    }

    static let evidenceMustBePath = Message(
        "rule.evidence", en: "evidence must be a field path such as it.feedback_at", zh: "evidence 须为字段路径，如 it.feedback_at")

    // MARK: Lint

    static let reportNotRuleFile = Message(
        "lint.is-report", en: "this is an inspection report, not a rule file", zh: "这是检查报告，不是规则文件")

    static func notALintableFile(found kind: String) -> Message {
        Message("lint.unknown-kind",
                en: "not a rule file: expected a first key 'pack', 'schema', 'schema_extension', 'profile', 'calendar', 'scoring' or 'waivers', found '\(kind)'",
                zh: "不是规则文件：第一个键应为 'pack'、'schema'、'schema_extension'、'profile'、'calendar'、'scoring' 或 'waivers'，实际为 '\(kind)'")
    }

    static func parameterShared(_ name: String, rule: String, other: String) -> Message {
        Message("lint.param-shared",
                en: "parameter '\(name)' is also declared by \(other): each rule keeps its own, so --param and profiles must name the rule (\(rule).\(name)); a bare '\(name)' is ambiguous",
                zh: "参数 '\(name)' 也由 \(other) 声明：各规则的参数互不影响，--param 和配置文件须写明规则（\(rule).\(name)）；只写 '\(name)' 会有歧义")
    }

    static let declaredHere = Message("lint.param-first", en: "declared here", zh: "声明于此")

    static func waiverExpired(_ rule: String, on date: String) -> Message {
        Message("waiver.expired", en: "waiver for \(rule) expired on \(date)", zh: "\(rule) 的豁免已于 \(date) 到期")
    }

    // MARK: Scoring

    static func notAnOutletType(_ type: String, hint: Label) -> Message {
        Message("scoring.outlet-type", en: "tier_outlet_types: '\(type)' is not an outlet type\(hint.en)",
                zh: "tier_outlet_types：'\(type)' 不是网点类型\(hint.zh)")
    }

    static func mustBeNumber(_ what: String, found: Label) -> Message {
        Message("scoring.number", en: "\(what) must be a number, found \(found.en)", zh: "\(what) 应为数字，实际为\(found.zh)")
    }

    static func unsupportedScoringFormat(_ format: String, expected: String) -> Message {
        Message("scoring.format", en: "unsupported scoring format '\(format)', expected '\(expected)'",
                zh: "不支持的评分格式 '\(format)'，应为 '\(expected)'")
    }

    static func mustNotBeNegative(_ what: String) -> Message {
        Message("scoring.negative", en: "\(what) must not be negative", zh: "\(what) 不能为负数")
    }

    static func scoringNumberTooLarge(_ what: String, maximum: Double, found: Double) -> Message {
        let max = JSON.format(maximum, decimals: 2), shown = String(found)
        return Message("scoring.too-large", en: "\(what) must be a finite number no larger than \(max), found \(shown)",
                       zh: "\(what) 须为不大于 \(max) 的有限数，实际为 \(shown)")
    }

    static func actionDaysRange(_ what: String, maximum: Int, found: Label) -> Message {
        Message("scoring.action-days", en: "\(what) must be a whole number of working days from 1 to \(maximum), found \(found.en)",
                zh: "\(what) 须为 1 至 \(maximum) 之间的整数（工作日数），实际为\(found.zh)")
    }

    static func mustBePositive(_ what: String) -> Message {
        Message("scoring.positive", en: "\(what) must be positive", zh: "\(what) 须为正数")
    }

    static let gradesNonEmpty = Message("scoring.grades", en: "grades must be a non-empty list", zh: "grades 须为非空列表")

    static func gradeTwice(_ id: String) -> Message {
        Message("scoring.grade-twice", en: "grade '\(id)' is defined twice", zh: "等级 '\(id)' 定义了两次")
    }

    static func gradeOutOfRange(_ id: String, _ min: String) -> Message {
        Message("scoring.grade-range", en: "grade '\(id)' starts at \(min); scores run from 0 to 100", zh: "等级 '\(id)' 起点为 \(min)；得分范围是 0 到 100")
    }

    static func gradesNotDescending(_ id: String, _ min: String, previous: String) -> Message {
        Message("scoring.grade-order",
                en: "grade bands must be strictly descending: '\(id)' starts at \(min), not below '\(previous)'",
                zh: "等级须严格从高到低排列：'\(id)' 起点为 \(min)，没有低于 '\(previous)'")
    }

    static let lastGradeAtZero = Message("scoring.grade-last", en: "the last grade band must start at 0", zh: "最后一个等级须从 0 开始")

    static let minCoverageRange = Message("scoring.coverage", en: "min_coverage must be between 0 and 1", zh: "min_coverage 须在 0 到 1 之间")

    static func redLineNotAGrade(_ id: String, hint: Label) -> Message {
        Message("scoring.red-line", en: "red_line_grade '\(id)' is not a grade\(hint.en)", zh: "red_line_grade '\(id)' 不是已定义的等级\(hint.zh)")
    }

    // MARK: Waivers

    static let waiversMustBeList = Message("waiver.list", en: "waivers must be a list", zh: "waivers 须为列表")

    static func waiverUnknownRule(_ rule: String, hint: Label) -> Message {
        Message("waiver.rule", en: "waiver for unknown rule '\(rule)'\(hint.en)", zh: "豁免了不存在的规则 '\(rule)'\(hint.zh)")
    }

    static func mustNotBeBlank(_ key: String) -> Message {
        Message("waiver.blank", en: "\(key) must not be blank", zh: "\(key) 不能为空白")
    }

    static let expiresMustBeDate = Message("waiver.expires", en: "expires must be a date YYYY-MM-DD", zh: "expires 须为日期 YYYY-MM-DD")

    // MARK: --param

    static func paramNeedsKeyValue(_ assignment: String) -> Message {
        Message("param.syntax", en: "--param needs KEY=VALUE, got '\(assignment)'", zh: "--param 需要 KEY=VALUE 的形式，实际为 '\(assignment)'")
    }

    static func unknownParameter(_ key: String, hint: Label) -> Message {
        Message("param.unknown", en: "unknown parameter '\(key)'\(hint.en)", zh: "未知的参数 '\(key)'\(hint.zh)")
    }

    static func parameterFixed(_ key: String, value: String, rule: String, source: String, clause: String, quote: String, flag: String = "--param") -> Message {
        Message("param.fixed",
                en: "\(flag) \(key): fixed at \(value) by \(rule)'s clause, \(source) \(clause) (「\(quote)」); a value set by a law or the public commitment cannot be overridden",
                zh: "\(flag) \(key)：\(rule) 依据 \(source) \(clause)（「\(quote)」）固定为 \(value)；法律或公开承诺规定的数值不能改")
    }

    static func parameterValueInvalid(_ key: String, _ reason: Message?) -> Message {
        Message("param.value", en: "--param \(key): \(reason?.en ?? "invalid value")", zh: "--param \(key):\(reason?.zh ?? "值无效")")
    }

    static func parameterWrongType(_ key: String, type: String, text: String, flag: String = "--param") -> Message {
        Message("param.value-type", en: "\(flag) \(key) must be \(type), got '\(text)'", zh: "\(flag) \(key) 须为 \(type)，实际为 '\(text)'")
    }
}

extension Label {
    static let aProfile = Label(zh: "配置文件", en: "a profile")
}

extension Message {
    // MARK: Composing rule sets and profiles

    static func ruleIdShipped(_ id: String) -> Message {
        Message("rules.shipped-id", en: "rule id '\(id)' is already a shipped rule; give the new rule its own id, or change the shipped one with a profile's rerate/disable",
                zh: "规则编号 '\(id)' 与内置规则重复；新规则请另起编号，要调整内置规则请用配置文件的 rerate/disable")
    }

    static func costlyRule(depth: Int, budget: Int) -> Message {
        let per100 = (0..<depth).reduce(1) { product, _ in product.multipliedReportingOverflow(by: 100).overflow ? Int.max : product * 100 }
        return Message("rule.cost",
                       en: "list functions nested \(depth) deep (counting for_each): the cost grows as length^\(depth) — \(per100) steps for lists of 100; a report on which the rule goes over \(budget) steps gives an error",
                       zh: "列表函数嵌套 \(depth) 层（含 for_each）：计算量随列表长度的 \(depth) 次方增长，100 项的列表需 \(per100) 步；在超过 \(budget) 步的报告上，该规则给出 error")
    }

    static func packShadowsShipped(_ name: String) -> Message {
        Message("rules.shipped-pack",
                en: "pack '\(name)' is a shipped pack: an add-on needs a name of its own; to use your version of '\(name)' instead of the shipped one, give the complete rule set (with its report schema) or --no-shipped-rules",
                zh: "规则包 '\(name)' 与内置规则包同名：附加规则包须另起名称；要用自己的 '\(name)' 代替内置版本，请给出完整规则集（含报告格式定义）或使用 --no-shipped-rules")
    }

    static func packGivenTwice(_ name: String) -> Message {
        Message("rules.pack-twice", en: "pack '\(name)' is given twice", zh: "规则包 '\(name)' 给出了两次")
    }

    static func profileGivenTwice(_ name: String) -> Message {
        Message("rules.profile-twice", en: "profile '\(name)' is given twice (results name profiles by name)",
                zh: "配置 '\(name)' 给出了两次（结果按名称记录配置）")
    }

    static func ambiguousParameter(_ key: String, flag: String, candidates: [String]) -> Message {
        Message("param.ambiguous",
                en: "\(flag) \(key): several rules declare '\(key)'; name one: \(candidates.joined(separator: ", "))",
                zh: "\(flag) \(key)：多条规则都声明了 '\(key)'，请指明其一：\(candidates.joined(separator: "、"))")
    }

    static func unknownParameterRule(_ key: String, rule: String, hint: Label) -> Message {
        Message("param.unknown-rule", en: "unknown parameter '\(key)': no rule '\(rule)'\(hint.en)",
                zh: "未知的参数 '\(key)'：没有规则 '\(rule)'\(hint.zh)")
    }

    static func unknownParameterOfRule(_ key: String, rule: String, declared: [String], hint: Label) -> Message {
        let list = declared.isEmpty ? (en: "it declares none", zh: "该规则没有参数") : (en: "it declares \(declared.joined(separator: ", "))", zh: "该规则的参数有 \(declared.joined(separator: "、"))")
        return Message("param.unknown", en: "unknown parameter '\(key)': \(list.en)\(hint.en)", zh: "未知的参数 '\(key)'：\(list.zh)\(hint.zh)")
    }

    static func profileUnknownType(_ token: String, hint: Label) -> Message {
        Message("profile.type", en: "match.type: unknown outlet type '\(token)'\(hint.en)", zh: "match.type：未知的网点类型 '\(token)'\(hint.zh)")
    }

    static func profileMatchEmpty(_ key: String) -> Message {
        Message("profile.match-empty", en: "match.\(key): an empty list selects no outlet (leave the key out to select every outlet)",
                zh: "match.\(key)：空列表不选中任何网点（要选中全部网点请去掉该键）")
    }

    static func profileListNeeded(_ key: String, found: Label) -> Message {
        Message("profile.list", en: "\(key) must be a list of {rule, reason}, found \(found.en)", zh: "\(key) 应为 {rule，reason} 的列表，实际为\(found.zh)")
    }

    static let profileReasonBlank = Message("profile.reason", en: "reason must say why (it is recorded with every result)",
                                            zh: "reason 须写明原因（它随每个结果记录）")

    static func profileRerateEmpty(_ rule: String) -> Message {
        Message("profile.rerate-empty", en: "rerate of \(rule) changes nothing: give severity or points", zh: "对 \(rule) 的 rerate 没有改变任何内容：请给出 severity 或 points")
    }

    static func profileUnknownRule(_ id: String, hint: Label) -> Message {
        Message("profile.rule", en: "unknown rule '\(id)'\(hint.en)", zh: "未知的规则 '\(id)'\(hint.zh)")
    }

    static func profileLowersCritical(_ id: String, source: String, clause: String) -> Message {
        Message("profile.critical",
                en: "\(id) is critical (\(source) \(clause)): a profile may not disable it or lower its severity or points",
                zh: "\(id) 为严重条款（\(source) \(clause)）：配置文件不能停用它，也不能降低其严重程度或分值")
    }

    static func profileOverrides(_ what: String, earlier: String, later: String) -> Message {
        Message("profile.conflict", en: "\(what): profile '\(later)' overrides '\(earlier)' (the later one wins)",
                zh: "\(what)：配置 '\(later)' 覆盖了 '\(earlier)'（以后给出的为准）")
    }

    public static func profileRejected(_ name: String, _ reasons: [Message]) -> Message {
        Message("profile.rejected", en: "profile '\(name)': the rules cannot take its values: \(reasons.map(\.en).joined(separator: "; "))",
                zh: "配置 '\(name)'：规则不能接受其中的值：\(reasons.map(\.zh).joined(separator: "；"))")
    }

    static func profileSaysTwice(_ what: String) -> Message {
        Message("profile.twice", en: "\(what) is given twice in this profile: one value or change each",
                zh: "\(what) 在同一配置文件中出现了两次：每项只能有一个取值或调整")
    }

    static let profileSaidFirstHere = Message("profile.twice-first", en: "first given here", zh: "首次出现在此")

    static let profileOverriddenHere = Message("profile.conflict-earlier", en: "the earlier value", zh: "先前的值")
}
