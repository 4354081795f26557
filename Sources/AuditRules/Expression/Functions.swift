import AuditCalendar
import AuditCore
import AuditReport

/// The built-in functions and methods. Each is resolved and type-checked here, when the
/// pack loads; the closures they return do the work per report. All are total and bounded:
/// list functions visit each element once, nothing loops on its own.
extension ExpressionCompiler {
    static let functionNames = ["has", "unmet", "on_time", "deadline", "earliest", "latest", "to_time", "minutes", "tier_supported", "tier_blocking", "tier_eligible"]
    static let stringMethods = ["contains", "starts_with", "ends_with", "remove_prefix", "remove_suffix", "remove_any_suffix", "before", "after",
                                "has_phrase", "has_any_phrase", "phrases_found", "size", "is_empty"]
    static let listMethods = ["all", "any", "count", "filter", "contains", "contains_all", "contains_any",
                              "missing", "size", "is_empty", "join", "phrases_found", "periods"]

    // MARK: - Functions

    mutating func function(_ name: String, _ args: [Expr.Argument], _ at: Int) -> Compiled {
        switch name {
        case "has":
            guard args.count == 1, args[0].label == nil, args[0].value.path != nil else {
                return error(at, .hasTakesAPath)
            }
            let inner = compile(args[0].value)
            if inner.type == .error { return inner }
            let ie = inner.eval
            // Whether a field is present is only known when the object holding it is: for an
            // item of a list that is itself missing, has(it.x) is unknown, not false.
            var holder: Evaluator?
            if case .member(let base, _, _) = args[0].value { holder = compile(base).eval }
            return Compiled(type: .bool, eval: { [holder] frame in
                if let holder, case .unknown(let missing) = holder(frame) { return .unknown(missing) }
                switch ie(frame) {
                case .unknown, .none: return .bool(false)
                case .failure(let e): return .failure(e)
                default: return .bool(true)
                }
            })
        case "on_time":
            return onTime(args, at)
        case "unmet":
            return unmet(args, at)
        case "tier_supported", "tier_blocking", "tier_eligible":
            // Derived from every other rule's result (scoring.md, Tiers); the engine supplies it.
            guard args.isEmpty else { return error(at, .takesNoArguments(name)) }
            readsTierStanding = true
            return Compiled(type: name == "tier_blocking" ? .list(.string) : .bool, eval: { frame in
                guard let standing = frame.tierStanding else {
                    return .failure(EvaluationError(.tierNotKnownYet))
                }
                switch name {
                case "tier_supported": return .bool(standing.supported)
                case "tier_eligible": return .bool(standing.eligible)
                default: return .list(standing.blocking.map { .string($0) })
                }
            })
        case "to_time":
            // "08:30" (e.g. the opening half of posted_hours) as a clock time.
            guard args.count == 1, args[0].label == nil else { return error(at, .toTimeTakesOneString) }
            let text = compile(args[0].value)
            if text.type == .error { return text }
            guard text.type.isStringLike else { return error(args[0].at, .functionTakes("to_time", .aString, found: text.type)) }
            let te = text.eval
            return Compiled(type: .time, eval: { frame in
                let v = te(frame)
                guard case .string(let s) = v else { return v }
                guard let time = TimeOfDay(hhmm: s) else {
                    return .failure(EvaluationError(.notATime(s)))
                }
                return .time(time)
            })
        case "minutes":
            // Minutes since midnight, so clock times can be compared with a grace period.
            guard args.count == 1, args[0].label == nil else { return error(at, .minutesTakesOneTime) }
            let time = compile(args[0].value)
            if time.type == .error { return time }
            guard time.type == .time else { return error(args[0].at, .functionTakes("minutes", .oneTime, found: time.type)) }
            let te = time.eval
            return Compiled(type: .int, eval: { frame in
                let v = te(frame)
                guard case .time(let t) = v else { return v }
                return .int(Int64(t.minutes))
            })
        case "deadline":
            return deadline(args, at)
        case "earliest", "latest":
            guard !args.isEmpty else { return error(at, .needsATimestamp(name)) }
            var evals: [Evaluator] = []
            for arg in args {
                let c = compile(arg.value)
                if c.type == .error { return c }
                guard c.type == .timestamp else {
                    return error(arg.at, .functionTakes(name, .timestamps, found: c.type))
                }
                evals.append(c.eval)
            }
            let timestamps = evals
            let wantEarliest = name == "earliest"
            return Compiled(type: .timestamp, eval: { frame in
                // Absent completions (none) are skipped: "decided or paid in advance".
                var best: Timestamp?
                for eval in timestamps {
                    switch eval(frame) {
                    case .timestamp(let t):
                        if best == nil || (wantEarliest ? t < best! : t > best!) { best = t }
                    case .none: continue
                    case let other: return other
                    }
                }
                return best.map { .timestamp($0) } ?? .none
            })
        default:
            return error(at, .unknownFunction(name, hint: Suggestion.hint(for: name, among: Self.functionNames)))
        }
    }

    /// The `workdays:`/`days:`/`hours:` argument of on_time() and deadline().
    private mutating func period(_ args: [Expr.Argument], _ at: Int, allowHours: Bool) -> (label: String, count: Int)? {
        let labels = allowHours ? ["workdays", "days", "hours"] : ["workdays", "days"]
        let labelled = args.filter { $0.label != nil && $0.label != "excluding" }
        guard labelled.count == 1, let label = labelled[0].label, labels.contains(label) else {
            _ = error(at, .oneOfPeriods(labels))
            return nil
        }
        let c = compile(labelled[0].value)
        guard c.type == .int, case .int(let n)? = c.constant, n >= 0, n <= 3650 else {
            _ = error(labelled[0].at, .periodCount(label))
            return nil
        }
        return (label, Int(n))
    }

    private mutating func onTime(_ args: [Expr.Argument], _ at: Int) -> Compiled {
        let positional = args.filter { $0.label == nil }
        guard positional.count == 2 else {
            return error(at, .onTimeArguments)
        }
        let done = compile(positional[0].value), start = compile(positional[1].value)
        for (c, arg) in [(done, positional[0]), (start, positional[1])] where c.type != .timestamp && c.type != .error {
            return error(arg.at, .functionTakes("on_time", .timestamps, found: c.type))
        }
        guard let (label, count) = period(args, at, allowHours: true) else {
            return Compiled(type: .error, eval: { _ in .none })
        }
        // `excluding: periods` — days in which the clock stops (SPC2 第十五条), calendar days only.
        var excluding: Evaluator?
        let exclusions = args.filter { $0.label == "excluding" }
        if exclusions.count > 1 { return error(exclusions[1].at, .giveOnce("excluding")) }
        if let arg = exclusions.first {
            let c = compile(arg.value)
            if c.type == .error { return c }
            guard c.type == .list(.period) || c.type == .list(.any) else {
                return error(arg.at, .excludingTakesPeriods(found: c.type))
            }
            guard label == "days" else {
                return error(arg.at, .excludingNeedsDays)
            }
            excluding = c.eval
        }
        // A completion that has not happened is judged at the evaluation time, by default
        // the inspection's.
        recordRead(path: Frame.asOfPath)
        let de = done.eval, se = start.eval
        let dl = done.locate, sl = start.locate
        let excluded = excluding
        return Compiled(type: .timeliness, eval: { frame in
            let s = se(frame)
            guard case .timestamp(let startTime) = s else {
                // A start that has not happened (no agreement yet): no deadline runs, so the
                // clause does not apply yet. Missing evidence passes through as unknown.
                return s
            }
            let offset = frame.report.utcOffsetSeconds
            let calendar = frame.context.calendar
            func calendarFailure(_ error: CalendarError, _ marks: [Mark] = []) -> Value {
                .failure(EvaluationError(message: error.description, zh: "业务日历未覆盖 \(error.year) 年", marks: marks))
            }
            // The periods to deduct; an unknown one (a count of requests without dates) means
            // the deduction is unknown but never negative, so only the earliest deadline is sure.
            var suspensions: [Suspension] = []
            var unknownDeduction: Value?
            if let excluded {
                switch Self.suspensions(excluded(frame), start: startTime, offset: offset, startMark: sl?(frame)) {
                case .failure(let failure): return failure.value
                case .success(let found): (suspensions, unknownDeduction) = found
                }
            }
            let computed: (deadline: Deadline, due: Timestamp, deducted: Int, stopped: Bool)
            do throws(CalendarError) {
                computed = try Self.deadline(label, count, from: startTime, offset: offset, calendar: calendar,
                                             suspending: excluded == nil ? nil : suspensions)
            } catch {
                return calendarFailure(error, sl?(frame).map { [$0] } ?? [])
            }
            let (deadline, due, deducted) = (computed.deadline, computed.due, computed.deducted)
            let certainty: Timeliness.Certainty = computed.stopped ? .stopped : (unknownDeduction == nil ? .exact : .atLeast)
            func result(_ outcome: Timeliness.Outcome, _ mark: Mark?) -> Value {
                .timeliness(Timeliness(outcome: outcome, deadline: deadline, mark: mark, limit: count, deducted: deducted, certainty: certainty))
            }
            func lateness(_ t: Timestamp) -> Value {
                if label == "hours" {
                    let hours = (t.seconds - due.seconds + 3599) / 3600
                    return .int(hours)
                }
                do throws(CalendarError) {
                    return .int(Int64(try calendar.lateness(of: t.localDate(offsetSeconds: offset), against: deadline)))
                } catch {
                    return calendarFailure(error)
                }
            }
            switch de(frame) {
            case .timestamp(let doneTime):
                let doneMark = dl?(frame)
                if doneTime < startTime {
                    let marks = [doneMark, sl?(frame)].compactMap { $0 }
                    let done = doneTime.formatted(offsetSeconds: offset), start = startTime.formatted(offsetSeconds: offset)
                    return .failure(EvaluationError(
                        message: "completed at \(done), before the start \(start)",
                        zh: "完成时间 \(done) 早于起始时间 \(start)，记录前后矛盾", marks: marks))
                }
                if doneTime <= due || certainty == .stopped {
                    return result(.onTime, doneMark)
                }
                // Past the earliest deadline, but the unknown deduction may reach beyond it.
                if let unknownDeduction { return unknownDeduction }
                guard case .int(let late) = lateness(doneTime) else { return lateness(doneTime) }
                return result(.late(Int(max(1, late))), doneMark)
            case .none:
                guard let asOf = frame.asOf else {
                    return .unknown(Missing(path: Frame.asOfPath, mark: frame.report.root.mark))
                }
                if asOf <= due || certainty == .stopped {
                    return result(.notDue, nil)
                }
                if let unknownDeduction { return unknownDeduction }
                guard case .int(let late) = lateness(asOf) else { return lateness(asOf) }
                return result(.overdue(Int(max(1, late))), nil)
            case let other:
                return other
            }
        })
    }

    /// The periods of `excluding:` as calendar suspensions, and the first unknown among them
    /// (the deduction is then unknown); a period that begins before the start is an error.
    static func suspensions(_ periods: Value, start: Timestamp, offset: Int, startMark: Mark?) -> Result<([Suspension], Value?), Failure> {
        var items: [Value] = []
        var unknown: Value?
        switch periods {
        case .list(let list): items = list
        case .none: break
        case .failure: return .failure(Failure(periods))
        default: unknown = periods
        }
        var suspensions: [Suspension] = []
        for item in items {
            switch item {
            case .period(let p):
                if p.from < start {
                    let marks = [p.fromMark, startMark].compactMap { $0 }
                    let from = p.from.formatted(offsetSeconds: offset), begin = start.formatted(offsetSeconds: offset)
                    return .failure(Failure(.failure(EvaluationError(
                        message: "a period excluded from the deadline begins at \(from), before the start \(begin)",
                        zh: "扣除期间的起点 \(from) 早于起算时间 \(begin)，记录前后矛盾", marks: marks))))
                }
                suspensions.append(Suspension(from: p.from.localDate(offsetSeconds: offset), to: p.to?.localDate(offsetSeconds: offset)))
            case .failure: return .failure(Failure(item))
            default: if unknown == nil { unknown = item }
            }
        }
        return .success((suspensions, unknown))
    }

    /// A value that ends an evaluation early, as an `Error` for `Result`.
    struct Failure: Error {
        let value: Value
        init(_ value: Value) { self.value = value }
    }

    /// The deadline of `on_time` from `start`: N clock hours, N working days, N calendar days,
    /// or N calendar days with `suspending` periods deducted (stopped: an open period holds
    /// the clock).
    static func deadline(
        _ label: String, _ count: Int, from start: Timestamp, offset: Int, calendar: BusinessCalendar, suspending: [Suspension]?
    ) throws(CalendarError) -> (deadline: Deadline, due: Timestamp, deducted: Int, stopped: Bool) {
        if label == "hours" {
            let t = Timestamp(seconds: start.seconds &+ Int64(count) * 3600)
            return (Deadline(lastDay: t.localDate(offsetSeconds: offset), rule: .calendarDays(0)), t, 0, false)
        }
        if let suspending {
            switch try calendar.deadline(from: start.localDate(offsetSeconds: offset), days: count, suspending: suspending) {
            case .due(let d, let n):
                return (d, d.instant(offsetSeconds: offset), n, false)
            case .stopped(_, let running):
                // The clock stands still until the documents arrive: whatever was done is in
                // time, and nothing is due yet.
                return (running, running.instant(offsetSeconds: offset), 0, true)
            }
        }
        let rule: DeadlineRule = label == "workdays" ? .workingDays(count) : .calendarDays(count)
        let deadline = try calendar.deadline(from: start.localDate(offsetSeconds: offset), rule)
        return (deadline, deadline.instant(offsetSeconds: offset), 0, false)
    }

    private mutating func deadline(_ args: [Expr.Argument], _ at: Int) -> Compiled {
        let positional = args.filter { $0.label == nil }
        guard positional.count == 1 else {
            return error(at, .deadlineArguments)
        }
        let start = compile(positional[0].value)
        if start.type != .timestamp && start.type != .error {
            return error(positional[0].at, .functionTakes("deadline", .oneTimestamp, found: start.type))
        }
        if let excluding = args.first(where: { $0.label == "excluding" }) {
            return error(excluding.at, .excludingIsForOnTime)
        }
        guard let (label, count) = period(args, at, allowHours: false) else {
            return Compiled(type: .error, eval: { _ in .none })
        }
        let se = start.eval
        let rule: DeadlineRule = label == "workdays" ? .workingDays(count) : .calendarDays(count)
        return Compiled(type: .timestamp, eval: { frame in
            let s = se(frame)
            guard case .timestamp(let startTime) = s else { return s }
            let offset = frame.report.utcOffsetSeconds
            do throws(CalendarError) {
                let d = try frame.context.calendar.deadline(from: startTime.localDate(offsetSeconds: offset), rule)
                // The last second of the last day, so `done <= deadline(...)` reads naturally.
                return .timestamp(Timestamp(seconds: d.instant(offsetSeconds: offset).seconds - 1))
            } catch {
                return .failure(EvaluationError(message: error.description, zh: "业务日历未覆盖 \(error.year) 年"))
            }
        })
    }

    // MARK: - Methods

    mutating func method(_ receiverExpr: Expr, _ name: String, _ args: [Expr.Argument], _ at: Int) -> Compiled {
        let receiver = compile(receiverExpr)
        switch receiver.type {
        case .error:
            return receiver
        case .string, .token:
            return stringMethod(receiver, name, args, at)
        case .list(let element):
            if ["all", "any", "count", "filter"].contains(name) {
                return macro(receiver, element, name, args, at)
            }
            if name == "periods" { return periods(receiver, element, args, at) }
            return listMethod(receiver, element, name, args, at)
        default:
            return error(at, .noMethod(name, on: receiver.type))
        }
    }

    private mutating func arguments(_ args: [Expr.Argument], _ name: String, _ at: Int, _ types: [ExprType]) -> [Compiled]? {
        guard args.count == types.count, args.allSatisfy({ $0.label == nil }) else {
            _ = error(at, .argumentCount(name, types.count))
            return nil
        }
        var result: [Compiled] = []
        for (arg, type) in zip(args, types) {
            let c = compile(arg.value)
            if c.type == .error { return nil }
            guard ExprType.unify(c.type, type) != nil else {
                _ = error(arg.at, .argumentType(name, type, found: c.type))
                return nil
            }
            result.append(c)
        }
        return result
    }

    private mutating func stringMethod(_ receiver: Compiled, _ name: String, _ args: [Expr.Argument], _ at: Int) -> Compiled {
        let re = receiver.eval
        func binary(_ type: ExprType, _ op: @escaping @Sendable (String, String) -> Value) -> Compiled? {
            guard let a = arguments(args, name, at, [.string]) else { return nil }
            let ae = a[0].eval
            return Compiled(type: type, eval: { frame in
                let s = re(frame), p = ae(frame)
                if let blocking = Value.blocking(s, p) { return blocking }
                guard case .string(let x) = s, case .string(let y) = p else { return .none }
                return op(x, y)
            })
        }
        let result: Compiled?
        switch name {
        case "contains": result = binary(.bool) { .bool($1.isEmpty || Phrase.contains(Array($0.utf8), Array($1.utf8))) }
        case "starts_with": result = binary(.bool) { .bool($0.hasPrefix($1)) }
        case "ends_with": result = binary(.bool) { .bool($0.hasSuffix($1)) }
        case "remove_prefix": result = binary(.string) { .string($0.hasPrefix($1) ? String($0.dropFirst($1.count)) : $0) }
        case "remove_suffix": result = binary(.string) { .string($0.hasSuffix($1) ? String($0.dropLast($1.count)) : $0) }
        case "remove_any_suffix":
            // The first suffix of the list the text ends with, removed (道里区 → 道里 with
            // [新区, 区, 县]); the text as it is when none does.
            guard let a = arguments(args, name, at, [.list(.string)]) else { return Compiled(type: .error, eval: { _ in .none }) }
            let ae = a[0].eval
            return Compiled(type: .string, eval: { frame in
                let s = re(frame), l = ae(frame)
                if let blocking = Value.blocking(s, l) { return blocking }
                guard case .string(let text) = s, case .list(let suffixes) = l else { return .none }
                for case .string(let suffix) in suffixes where !suffix.isEmpty && text.hasSuffix(suffix) {
                    return .string(String(text.dropLast(suffix.count)))
                }
                return .string(text)
            })
        case "before":
            // The text before the first separator (the whole text when there is none).
            result = binary(.string) { text, separator in
                guard !separator.isEmpty, let range = text.firstRange(of: separator) else { return .string(text) }
                return .string(String(text[..<range.lowerBound]))
            }
        case "after":
            result = binary(.string) { text, separator in
                guard !separator.isEmpty, let range = text.firstRange(of: separator) else { return .string("") }
                return .string(String(text[range.upperBound...]))
            }
        case "has_phrase":
            result = binary(.bool) { .bool(Phrase.contains(Phrase.normalize($0), Phrase.normalize($1))) }
        case "has_any_phrase", "phrases_found":
            guard let phrases = phraseArguments(args, name, at) else { return Compiled(type: .error, eval: { _ in .none }) }
            let found = name == "phrases_found"
            return Compiled(type: found ? .list(.string) : .bool, eval: { frame in
                let s = re(frame)
                if let blocking = Value.blocking(s) { return blocking }
                guard case .string(let text) = s else { return .none }
                let hits = Self.matches([text], phrases(frame))
                if case .list(let list) = hits, !found { return .bool(!list.isEmpty) }
                return hits
            })
        case "size":
            guard arguments(args, name, at, []) != nil else { return Compiled(type: .error, eval: { _ in .none }) }
            return Compiled(type: .int, eval: { frame in
                let s = re(frame)
                guard case .string(let x) = s else { return s }
                return .int(Int64(x.count))
            })
        case "is_empty":
            guard arguments(args, name, at, []) != nil else { return Compiled(type: .error, eval: { _ in .none }) }
            return Compiled(type: .bool, eval: { frame in
                let s = re(frame)
                guard case .string(let x) = s else { return s }
                return .bool(x.isEmpty)
            })
        default:
            return error(at, .unknownStringMethod(name, hint: Suggestion.hint(for: name, among: Self.stringMethods)))
        }
        return result ?? Compiled(type: .error, eval: { _ in .none })
    }

    /// `(phrases)` or `(phrases, except: longer_phrases)`: the phrases to look for, and the
    /// longer phrases inside which a hit does not count (「不知道您是否方便」 is a polite question,
    /// not the curt 「不知道」). Normalised once at load when constant.
    private mutating func phraseArguments(_ args: [Expr.Argument], _ name: String, _ at: Int) -> (@Sendable (Frame) -> PhraseSet?)? {
        let exceptArgs = args.filter { $0.label == "except" }
        guard let a = arguments(args.filter { $0.label != "except" }, name, at, [.list(.string)]) else { return nil }
        var except: Compiled?
        if let arg = exceptArgs.first {
            guard exceptArgs.count == 1 else { _ = error(arg.at, .giveOnce("except")); return nil }
            let c = compile(arg.value)
            if c.type == .error { return nil }
            guard ExprType.unify(c.type, .list(.string)) != nil else {
                _ = error(arg.at, .exceptTakesStrings(found: c.type))
                return nil
            }
            except = c
        }
        @Sendable func strings(_ v: Value?) -> [String]? {
            guard case .list(let items)? = v else { return nil }
            return items.compactMap { if case .string(let s) = $0 { s } else { nil } }
        }
        let pe = a[0].eval, ee = except?.eval
        if let constant = a[0].constant, except == nil || except?.constant != nil {
            let folded = strings(constant).map { PhraseSet(phrases: $0, exceptions: strings(except?.constant) ?? []) }
            return { _ in folded }
        }
        return { frame in
            strings(pe(frame)).map { PhraseSet(phrases: $0, exceptions: strings(ee?(frame)) ?? []) }
        }
    }

    /// The phrases (in their original spelling, in list order) found in any of the texts.
    static func matches(_ texts: [String], _ phrases: PhraseSet?) -> Value {
        guard let phrases else { return .list([]) }
        return .list(phrases.found(in: texts).map { .string($0) })
    }

    private mutating func listMethod(_ receiver: Compiled, _ element: ExprType, _ name: String, _ args: [Expr.Argument], _ at: Int) -> Compiled {
        let re = receiver.eval
        func withList(_ type: ExprType, _ argTypes: [ExprType], _ body: @escaping @Sendable ([Value], [Value]) -> Value) -> Compiled {
            guard let a = arguments(args, name, at, argTypes) else { return Compiled(type: .error, eval: { _ in .none }) }
            let evals = a.map(\.eval)
            return Compiled(type: type, eval: { frame in
                let r = re(frame)
                if let blocking = Value.blocking(r) { return blocking }
                guard case .list(let items) = r else { return .none }
                var values: [Value] = []
                for eval in evals {
                    let v = eval(frame)
                    if let blocking = Value.blocking(v) { return blocking }
                    values.append(v)
                }
                return body(items, values)
            })
        }
        let elementOrAny = element == .any ? ExprType.string : element
        switch name {
        case "contains":
            if case .list(let literal, _) = args.first?.value {
                for item in literal { checkTokenLiteral(element, compile(item), item) }
            } else if let arg = args.first?.value {
                checkTokenLiteral(element, compile(arg), arg)
            }
            return withList(.bool, [elementOrAny]) { items, a in
                if items.contains(where: { Self.equal($0, a[0]) }) { return .bool(true) }
                return Value.firstUnknown(items) ?? .bool(false)
            }
        case "contains_all", "contains_any", "missing":
            if case .list(let literal, _)? = args.first?.value {
                for item in literal { checkTokenLiteral(element, compile(item), item) }
            }
            let mode = name
            return withList(mode == "missing" ? .list(elementOrAny) : .bool, [.list(elementOrAny)]) { items, a in
                guard case .list(let wanted) = a[0] else { return .none }
                if let hole = Value.firstUnknown(wanted) { return hole }
                let absent = wanted.filter { w in !items.contains { Self.equal($0, w) } }
                let hole = Value.firstUnknown(items)
                switch mode {
                case "contains_all": return absent.isEmpty ? .bool(true) : hole ?? .bool(false)
                case "contains_any": return absent.count < wanted.count ? .bool(true) : hole ?? .bool(false)
                default: return hole ?? .list(absent)
                }
            }
        case "size":
            return withList(.int, []) { items, _ in Value.firstUnknown(items) ?? .int(Int64(items.count)) }
        case "is_empty":
            return withList(.bool, []) { items, _ in
                // One known element is enough to say the list is not empty.
                items.contains { if case .unknown = $0 { false } else { true } } ? .bool(false) : Value.firstUnknown(items) ?? .bool(true)
            }
        case "join":
            guard element.isStringLike || element == .any else {
                return error(at, .needsStrings("join", element: element))
            }
            return withList(.string, [.string]) { items, a in
                guard case .string(let separator) = a[0] else { return .none }
                if let hole = Value.firstUnknown(items) { return hole }
                return .string(items.compactMap { if case .string(let s) = $0 { s } else { nil } }.joined(separator: separator))
            }
        case "phrases_found":
            guard element.isStringLike || element == .any else {
                return error(at, .needsStrings("phrases_found", element: element))
            }
            guard let phrases = phraseArguments(args, name, at) else { return Compiled(type: .error, eval: { _ in .none }) }
            return Compiled(type: .list(.string), eval: { frame in
                let r = re(frame)
                if let blocking = Value.blocking(r) { return blocking }
                guard case .list(let items) = r else { return .none }
                var texts: [String] = []
                var missing: Value?
                for item in items {
                    switch item {
                    case .string(let s): texts.append(s)
                    case .none: continue
                    default: if missing == nil { missing = Value.blocking(item) }
                    }
                }
                // A phrase heard is a finding even if part of the record is missing; no
                // phrase found in an incomplete record is not a pass.
                let hits = Self.matches(texts, phrases(frame))
                if case .list(let found) = hits, found.isEmpty, let missing { return missing }
                return hits
            })
        default:
            return error(at, .unknownListMethod(name, hint: Suggestion.hint(for: name, among: Self.listMethods)))
        }
    }

    /// Whether a macro's variable would hide a report section, `it` or `params`.
    private func hides(_ variable: String) -> Bool {
        schema.root.field(named: variable) != nil || variable == "params" || variable == "it"
    }

    /// `list.periods(x, x.from, x.to)`: one period per element, from one timestamp to another
    /// (an end that has not happened yet leaves the period open). An element whose start is
    /// unknown (a count of items without dates) stays in the list as unknown; an end before
    /// its start is an inconsistent report.
    private mutating func periods(_ receiver: Compiled, _ element: ExprType, _ args: [Expr.Argument], _ at: Int) -> Compiled {
        guard args.count == 3, args.allSatisfy({ $0.label == nil }), case .identifier(let variable, _) = args[0].value else {
            return error(at, .periodsArguments)
        }
        if hides(variable) { return error(args[0].at, .variableTaken(variable)) }
        let saved = scope[variable]
        let slot = bind(variable, element)
        defer { scope[variable] = saved }
        let from = compile(args[1].value), to = compile(args[2].value)
        for (c, arg) in [(from, args[1]), (to, args[2])] where c.type != .timestamp {
            if c.type == .error { return c }
            return error(arg.at, .periodsTakesTimestamps(found: c.type))
        }
        let re = receiver.eval, fe = from.eval, te = to.eval
        let fl = from.locate, tl = to.locate
        return Compiled(type: .list(.period), eval: { frame in
            let r = re(frame)
            if let blocking = Value.blocking(r) { return blocking }
            guard case .list(let items) = r else { return .none }
            var result: [Value] = []
            result.reserveCapacity(items.count)
            for item in items {
                frame.slots[slot] = item
                let f = fe(frame)
                guard case .timestamp(let start) = f else {
                    // A period that has not begun stops nothing; an unknown start stays a hole.
                    if let blocking = Value.blocking(f) {
                        if case .failure = blocking { return blocking }
                        result.append(blocking)
                    }
                    continue
                }
                let fromMark = fl?(frame), toMark = tl?(frame)
                switch te(frame) {
                case .timestamp(let end):
                    if end < start {
                        let offset = frame.report.utcOffsetSeconds
                        let a = start.formatted(offsetSeconds: offset), b = end.formatted(offsetSeconds: offset)
                        return .failure(EvaluationError(
                            message: "a period ends at \(b), before it begins at \(a)",
                            zh: "期间的终点 \(b) 早于起点 \(a)，记录前后矛盾", marks: [toMark, fromMark].compactMap { $0 }))
                    }
                    result.append(.period(Period(from: start, to: end, fromMark: fromMark, toMark: toMark)))
                case .none:
                    result.append(.period(Period(from: start, to: nil, fromMark: fromMark, toMark: nil)))
                case let other:
                    if case .failure = other { return other }
                    result.append(other)
                }
            }
            return .list(result)
        })
    }

    static let overBudget = EvaluationError(
        message: "the rule visited more than \(Frame.stepBudget) list elements on this report (list functions nested over long lists); it was stopped",
        zh: "该规则在本报告上遍历的列表元素超过 \(Frame.stepBudget) 个（列表函数嵌套于长列表），已停止评估")

    /// `list.all(x, pred)`, `any`, `count`, `filter`: the variable is bound to each element
    /// in turn. Missing evidence in any element makes the answer unknown unless another
    /// element decides it (one false decides `all`, one true decides `any`).
    private mutating func macro(_ receiver: Compiled, _ element: ExprType, _ name: String, _ args: [Expr.Argument], _ at: Int) -> Compiled {
        guard args.count == 2, args[0].label == nil, case .identifier(let variable, _) = args[0].value, args[1].label == nil else {
            return error(at, .quantifierArguments(name))
        }
        if hides(variable) { return error(args[0].at, .variableTaken(variable)) }
        let saved = scope[variable]
        let slot = bind(variable, element)
        defer { scope[variable] = saved }
        quantifierDepth += 1
        deepestQuantifier = max(deepestQuantifier, quantifierDepth)
        defer { quantifierDepth -= 1 }
        let predicate = compile(args[1].value, expecting: .bool, role: .conditionOf(name))
        if predicate.type == .error { return predicate }
        let re = receiver.eval, pe = predicate.eval
        let kind = name
        return Compiled(type: kind == "count" ? .int : (kind == "filter" ? .list(element) : .bool), eval: { frame in
            let r = re(frame)
            if let blocking = Value.blocking(r) { return blocking }
            guard case .list(let items) = r else { return .none }
            var unknown: Value?
            var trueCount: Int64 = 0
            var kept: [Value] = []
            for item in items {
                frame.steps += 1
                if frame.steps > Frame.stepBudget { return .failure(Self.overBudget) }
                frame.slots[slot] = item
                let v = pe(frame)
                switch Self.truth(v) {
                case true?:
                    if kind == "any" { return .bool(true) }
                    trueCount += 1
                    if kind == "filter" { kept.append(item) }
                case false?:
                    if kind == "all" { return .bool(false) }
                default:
                    if case .failure = v { return v }
                    if unknown == nil { unknown = v }
                }
            }
            if let unknown { return unknown }
            switch kind {
            case "all": return .bool(true)
            case "any": return .bool(false)
            case "count": return .int(trueCount)
            default: return .list(kept)
            }
        })
    }

    // MARK: - unmet

    /// `unmet(premises.transit_nearby, premises.parking)`: which of several bool fields are
    /// false, as tokens whose labels are the fields' `unmet` words in the schema — so a
    /// message lists them in its own language (交通不便、不方便停车 / no public transport
    /// nearby, no parking). A field not recorded is not listed: the check, not the message,
    /// decides what missing evidence means.
    mutating func unmet(_ args: [Expr.Argument], _ at: Int) -> Compiled {
        guard !args.isEmpty, args.allSatisfy({ $0.label == nil }) else {
            return error(at, .unmetArguments)
        }
        var paths: [String] = [], labels: [String: Label] = [:], evals: [Evaluator] = []
        for arg in args {
            guard case .member(let baseExpr, let name, let nameAt) = arg.value, let path = arg.value.path?.joined(separator: ".") else {
                return error(arg.at, .unmetTakesPaths)
            }
            let base = compile(baseExpr)
            if base.type == .error { return base }
            guard case .object(let object) = base.type, let field = object.field(named: name) else {
                return compile(arg.value)  // the ordinary error for an unknown field
            }
            guard field.type == .bool, let words = field.unmet else {
                return error(nameAt, .unmetWithoutWords("\(object.name).\(name)"))
            }
            let compiled = compile(arg.value)
            if compiled.type == .error { return compiled }
            paths.append(path)
            labels[path] = words
            evals.append(compiled.eval)
        }
        let tokens = EnumSchema(name: "unmet", values: paths, labels: labels)
        return Compiled(type: .list(.token(tokens)), eval: { [paths, evals] frame in
            var found: [Value] = []
            for (path, eval) in zip(paths, evals) {
                switch eval(frame) {
                case .bool(false): found.append(.string(path))
                case .failure(let e): return .failure(e)
                default: continue
                }
            }
            return .list(found)
        })
    }
}
