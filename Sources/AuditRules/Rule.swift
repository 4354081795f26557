import AuditCore
import AuditReport
import AuditYAML

/// How serious a failed clause is; sets the default points (`scoring.md`).
public enum Severity: String, Sendable, CaseIterable, Comparable {
    case critical, major, minor, advisory

    public var defaultPoints: Double {
        switch self {
        case .critical: 10
        case .major: 5
        case .minor: 2
        case .advisory: 0
        }
    }

    /// 严重/主要/一般/提示, as every format names them.
    public var label: Label {
        switch self {
        case .critical: Label(zh: "严重", en: "critical")
        case .major: Label(zh: "主要", en: "major")
        case .minor: Label(zh: "一般", en: "minor")
        case .advisory: Label(zh: "提示", en: "advisory")
        }
    }

    var rank: Int { Severity.allCases.firstIndex(of: self) ?? 0 }
    /// `critical` is the greatest.
    public static func < (lhs: Severity, rhs: Severity) -> Bool { lhs.rank > rhs.rank }
}

public enum Section: String, Sendable, CaseIterable {
    case build, etiquette, timeliness

    public var label: Label {
        switch self {
        case .build: Label(zh: "服务网点环境建设", en: "Premises")
        case .etiquette: Label(zh: "服务礼仪与纪律", en: "Etiquette and discipline")
        case .timeliness: Label(zh: "服务时效", en: "Timeliness")
        }
    }
}

public enum Tier: String, Sendable, CaseIterable {
    case standard, flagship

    /// 标准店 / standard, 旗舰店 / flagship, and 无 / none for no tier.
    public static func label(_ tier: Tier?) -> Label {
        switch tier {
        case .standard?: Label(zh: "标准店", en: "standard")
        case .flagship?: Label(zh: "旗舰店", en: "flagship")
        case nil: Label(zh: "无", en: "none")
        }
    }
}

/// The clause a rule encodes, quoted from its source.
public struct Citation: Sendable, Hashable {
    public var source: String
    public var document: String
    public var clause: String
    public var quote: String
}

/// A report fragment embedded in a rule, with the result it must produce.
public struct RuleExample: Sendable {
    public enum Expectation: String, Sendable {
        case pass, fail
    }

    public var expectation: Expectation
    public var fragment: YAMLNode
    public var location: SourceLocation
}

/// A rule's parameter: its default, type and where it is declared.
public struct RuleParameter: Sendable {
    public var name: String
    public var value: Value
    public var type: ExprType
    public var location: SourceLocation
    /// Set by a law or the company's public commitment (the 30 days of IL 第二十三条):
    /// `--param` cannot change it, and the number must appear in the rule's quote.
    public var fixed: Bool = false
}

/// A rule as written in a pack, parsed but not yet compiled. A class: every finding refers
/// to its rule, and a reference is one retain where a struct copy would be twenty.
public final class RuleDefinition: Sendable {
    public let id: String
    public let title: Label
    public let description: String?
    public let section: Section
    public let severity: Severity
    public let points: Double?
    public let tier: Tier?
    public let cite: Citation
    public let applies: ExpressionSource?
    /// When the clause comes due for a subject it applies to: false or none means `not_due`
    /// (ETQ-FIRST-CONTACT: the done-confirmation cannot exist before the case is done).
    public let due: ExpressionSource?
    public let forEach: [ListSource]
    public let lets: [(name: String, source: ExpressionSource)]
    public let check: ExpressionSource
    public let message: (zh: ExpressionSource, en: ExpressionSource)
    public let evidence: ExpressionSource?
    public let params: [RuleParameter]
    public let examples: [RuleExample]
    public let location: SourceLocation
    public let pack: String
    /// The citation as compact JSON, made once: every finding of the rule repeats it.
    public let citeJSON: String

    public init(
        id: String, title: Label, description: String?, section: Section, severity: Severity, points: Double?,
        tier: Tier?, cite: Citation, applies: ExpressionSource?, due: ExpressionSource? = nil, forEach: [ListSource],
        lets: [(name: String, source: ExpressionSource)], check: ExpressionSource,
        message: (zh: ExpressionSource, en: ExpressionSource), evidence: ExpressionSource?, params: [RuleParameter],
        examples: [RuleExample], location: SourceLocation, pack: String
    ) {
        self.id = id
        self.title = title
        self.description = description
        self.section = section
        self.severity = severity
        self.points = points
        self.tier = tier
        self.cite = cite
        self.applies = applies
        self.due = due
        self.forEach = forEach
        self.lets = lets
        self.check = check
        self.message = message
        self.evidence = evidence
        self.params = params
        self.examples = examples
        self.location = location
        self.pack = pack
        self.citeJSON = JSON.object([
            ("source", .string(cite.source)), ("document", .string(cite.document)),
            ("clause", .string(cite.clause)), ("quote", .string(cite.quote)),
        ]).serialized()
    }

    /// One list a rule iterates (`staff`), with names bound per item of that list.
    public struct ListSource: Sendable {
        public var list: ExpressionSource
        public var lets: [(name: String, source: ExpressionSource)]
    }

    /// Points for a full pass: the rule's own, or its severity's.
    public var effectivePoints: Double { points ?? severity.defaultPoints }
}
