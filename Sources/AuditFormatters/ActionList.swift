import AuditCalendar
import AuditCore
import AuditEngine
import AuditReport
import AuditRules

/// One corrective action: a failing finding (status `fail`; not waived, not due or not
/// assessed) with the day it is due, for a branch's worklist (`actions.csv`, `actions.jsonl`).
public struct CorrectiveAction: Sendable {
    public var outletId: String
    public var outletName: String
    public var branch: String
    public var rule: String
    public var title: Label
    public var severity: Severity
    public var item: String?
    /// What the finding says, in the run's language.
    public var message: String
    public var source: String
    public var clause: String
    public var inspectionId: String
    /// The inspection's local day (the outlet's UTC offset).
    public var inspectedOn: LocalDate?
    /// The working days given for the severity (`corrective_actions.due_working_days`).
    public var dueWorkingDays: Int
    /// `dueWorkingDays` working days after `inspectedOn`; nil when there is no inspection day
    /// or the calendar does not cover the years the count needs.
    public var due: LocalDate?
    /// The evidence, `file:line:col`.
    public var location: String
    /// `open` unless a previous round is compared (`audit batch --previous`).
    public var status: ActionStatus = .open
    /// The due date the previous round gave the same action (outlet, rule, item); nil when
    /// it gave none.
    public var previousDue: LocalDate?

    public init(
        outletId: String, outletName: String, branch: String, rule: String, title: Label, severity: Severity, item: String?,
        message: String, source: String, clause: String, inspectionId: String, inspectedOn: LocalDate?, dueWorkingDays: Int,
        due: LocalDate?, location: String
    ) {
        self.outletId = outletId
        self.outletName = outletName
        self.branch = branch
        self.rule = rule
        self.title = title
        self.severity = severity
        self.item = item
        self.message = message
        self.source = source
        self.clause = clause
        self.inspectionId = inspectionId
        self.inspectedOn = inspectedOn
        self.dueWorkingDays = dueWorkingDays
        self.due = due
        self.location = location
    }
}

/// Where a corrective action stands.
public enum ActionStatus: String, Sendable, CaseIterable {
    /// Failing now: new this round, or failing again before the previous round's due date.
    case open
    /// Failing again, and this inspection came after the due date the previous round set.
    case overdue
    /// The previous round's action whose result is `not_assessed` now: not checked again.
    case unverified
    /// The previous round's action whose finding is gone (the outlet was inspected again).
    case closed

    public var label: Label {
        switch self {
        case .open: Label(zh: "待整改", en: "open")
        case .overdue: Label(zh: "逾期未整改", en: "overdue")
        case .unverified: Label(zh: "未复核", en: "unverified")
        case .closed: Label(zh: "已整改", en: "closed")
        }
    }
}

/// `actions.csv` and `actions.jsonl` of `audit batch`: the corrective actions of each report,
/// in input order, and within a report in the order the text output lists findings.
///
/// With `--previous`, the previous round's actions of the outlet are matched on (`rule`,
/// `item`) (`reconcile`): still failing is `overdue` when this inspection came after their
/// due date; gone is `closed`; not assessed now is `unverified`.
public enum ActionList {
    /// The actions of one result, in output order.
    public static func actions(_ result: AuditResult, scoring: ScoringSettings, calendar: BusinessCalendar, language: Language) -> [CorrectiveAction] {
        // Filtered first: `ordered` is a total order, so the fails keep their places.
        let failing = ordered(result.findings) { $0 == .fail }
        guard !failing.isEmpty else { return [] }
        var inspectedOn: LocalDate?
        if case .timestamp(let at)? = result.report.value(at: "inspection.inspected_at")?.value {
            inspectedOn = at.localDate(offsetSeconds: result.report.utcOffsetSeconds)
        }
        let schema = result.report.root.schema
        var dueBySeverity: [Severity: LocalDate?] = [:]
        // The outlet's fields once, not once per action (each is a path lookup in the report).
        let outletId = result.text("outlet.id") ?? "", outletName = result.text("outlet.name") ?? ""
        let branch = result.text("outlet.branch") ?? "", inspectionId = result.text("inspection.id") ?? ""
        return failing.map { finding in
            let severity = finding.rule.severity
            let days = dueDays(severity, scoring)
            if dueBySeverity[severity] == nil {
                dueBySeverity[severity] = inspectedOn.flatMap { dueDate(from: $0, workingDays: days, calendar: calendar) }
            }
            return CorrectiveAction(
                outletId: outletId, outletName: outletName, branch: branch, rule: finding.rule.id, title: finding.rule.title,
                severity: severity, item: finding.item, message: finding.text(language, schema: schema), source: finding.rule.cite.source,
                clause: finding.rule.cite.clause, inspectionId: inspectionId, inspectedOn: inspectedOn,
                dueWorkingDays: days, due: dueBySeverity[severity] ?? nil, location: finding.location.description)
        }
    }

    /// A previous round's action, as far as matching needs it.
    public struct PreviousAction: Sendable {
        public var rule: String
        public var item: String?
        public var due: LocalDate?
        public init(rule: String, item: String?, due: LocalDate?) {
            self.rule = rule
            self.item = item
            self.due = due
        }
    }

    /// This round's actions of one outlet against the previous round's: each failing again
    /// carries the previous due date, and is `overdue` when this inspection came after it.
    /// Also returned: the previous actions that are not failing now (positions in `previous`),
    /// to be listed after these as the previous round wrote them — `unverified` when the
    /// result is `not_assessed` (or an evaluation `error`) now, else `closed` (a pass, not
    /// applicable, waived, not due, or no longer checked).
    public static func reconcile(_ current: [CorrectiveAction], previous: [PreviousAction], result: AuditResult)
        -> (actions: [CorrectiveAction], gone: [(index: Int, status: ActionStatus)]) {
        guard !previous.isEmpty else { return (current, []) }
        typealias Key = ResultKey
        var before: [Key: PreviousAction] = [:]
        before.reserveCapacity(previous.count)
        for action in previous where before[Key(rule: action.rule, item: action.item)] == nil {
            before[Key(rule: action.rule, item: action.item)] = action
        }
        var out: [CorrectiveAction] = []
        var failing: Set<Key> = []
        for var action in current {
            let key = Key(rule: action.rule, item: action.item)
            failing.insert(key)
            if let was = before[key] {
                action.previousDue = was.due
                if let due = was.due, let on = action.inspectedOn, on > due { action.status = .overdue }
            }
            out.append(action)
        }
        // Only not assessed and error make a gone action unverified: those few results are
        // looked at, not the hundreds of passes and not-applicables of a report.
        var unchecked: Set<Key> = []
        result.findings.withUnsafeBufferPointer { all in  // field by field: no copy of each finding
            for i in all.indices where all[i].status == .notAssessed || all[i].status == .error {
                unchecked.insert(Key(rule: all[i].rule.id, item: all[i].item))
            }
        }
        var listed: Set<Key> = []
        var gone: [(index: Int, status: ActionStatus)] = []
        for (index, action) in previous.enumerated() {
            let key = Key(rule: action.rule, item: action.item)
            guard !failing.contains(key), listed.insert(key).inserted else { continue }
            gone.append((index, unchecked.contains(key) ? .unverified : .closed))
        }
        return (out, gone)
    }

    static func dueDays(_ severity: Severity, _ scoring: ScoringSettings) -> Int {
        scoring.actionDueWorkingDays[severity] ?? ScoringSettings.standardActionDueWorkingDays[severity] ?? 20
    }

    /// The `workingDays`-th working day after `inspected` (the inspection day not counted);
    /// nil when the calendar does not cover a year the count needs.
    public static func dueDate(from inspected: LocalDate, workingDays: Int, calendar: BusinessCalendar) -> LocalDate? {
        try? calendar.deadline(from: inspected, .workingDays(workingDays)).lastDay
    }

    // MARK: - actions.csv

    /// The columns, worded in the run's language (the CSV is for people; `actions.jsonl`
    /// keeps the English keys).
    static let columns: [Label] = [
        Label(zh: "分公司", en: "branch"), Label(zh: "网点编号", en: "outlet_id"), Label(zh: "网点名称", en: "outlet_name"),
        Label(zh: "规则", en: "rule"), Label(zh: "规则名称", en: "rule_title"), Label(zh: "严重程度", en: "severity"),
        Label(zh: "严重程度代码", en: "severity_code"), Label(zh: "对象", en: "item"), Label(zh: "问题", en: "message"),
        Label(zh: "依据来源", en: "source"), Label(zh: "条款", en: "clause"), Label(zh: "检查编号", en: "inspection_id"),
        Label(zh: "检查日期", en: "inspected_on"), Label(zh: "整改工作日", en: "due_working_days"),
        Label(zh: "整改期限", en: "due"), Label(zh: "位置", en: "location"), Label(zh: "状态", en: "status"),
        Label(zh: "状态代码", en: "status_code"), Label(zh: "上轮整改期限", en: "previous_due"),
    ]

    /// The header row (no byte order mark).
    public static func csvHeader(_ language: Language) -> String {
        CSV.row(columns.map { $0.text(language) })
    }

    public static func csvRow(_ action: CorrectiveAction, _ language: Language) -> String {
        CSV.row([
            action.branch, action.outletId, action.outletName, action.rule, action.title.text(language),
            action.severity.label.text(language), action.severity.rawValue, action.item ?? "", action.message, action.source,
            action.clause, action.inspectionId, action.inspectedOn?.description ?? "", String(action.dueWorkingDays),
            action.due?.description ?? "", action.location, action.status.label.text(language), action.status.rawValue,
            action.previousDue?.description ?? "",
        ])
    }

    // MARK: - actions.jsonl

    /// One line: English keys, the texts in the run's language, `due` null when it cannot be
    /// computed.
    public static func jsonLine(_ action: CorrectiveAction, _ language: Language) -> String {
        var line = JSONObjectLine()
        line.string("branch", action.branch)
        line.string("outlet_id", action.outletId)
        line.string("outlet_name", action.outletName)
        line.string("rule", action.rule)
        line.string("rule_title", action.title.text(language))
        line.string("severity", action.severity.rawValue)
        line.string("severity_label", action.severity.label.text(language))
        line.string("item", action.item)
        line.string("message", action.message)
        line.string("source", action.source)
        line.string("clause", action.clause)
        line.string("inspection_id", action.inspectionId)
        line.string("inspected_on", action.inspectedOn?.description)
        line.int("due_working_days", action.dueWorkingDays)
        line.string("due", action.due?.description)
        line.string("location", action.location)
        line.string("status", action.status.rawValue)
        line.string("previous_due", action.previousDue?.description)
        return line.line()
    }
}
