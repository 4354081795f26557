import AuditCalendar
import AuditCore
import AuditYAML

/// Checks a YAML document against the report schema and builds the typed report.
public struct ReportValidator: Sendable {
    public enum Mode: Sendable {
        /// A whole inspection report: required keys and `schema:` enforced.
        case report
        /// A rule example: any subset of the report, nothing required.
        case fragment
    }

    public static let defaultTimeZone = "Asia/Shanghai"

    public let schema: ReportSchema

    public init(schema: ReportSchema) {
        self.schema = schema
    }

    public func validate(_ document: YAMLDocument, mode: Mode = .report) throws(DiagnosticList) -> InspectionReport {
        var run = Run(file: document.file, mode: mode, version: schema.version)
        run.offset = run.resolveOffset(document.root, outlet: schema.root.field(named: "outlet"))
        run.documentRoot = document.root
        let root = run.object(document.root, schema.root, path: "")
        if mode == .report, let root { run.checkInspectionDate(root) }
        if run.reader.diagnostics.hasErrors { throw run.reader.diagnostics }
        guard let root else { throw run.reader.diagnostics }
        return InspectionReport(file: document.file, text: document.text, root: root, utcOffsetSeconds: run.offset,
                                warnings: run.reader.diagnostics.sorted)
    }

    /// A scalar's text as a deprecation table keys it (`true`, `once`).
    static func text(of value: ReportValue) -> String {
        switch value {
        case .bool(let b): b ? "true" : "false"
        case .int(let i): String(i)
        case .string(let s): s
        default: ""
        }
    }

    /// The most items a list given as a count may stand for, and all counts of a report
    /// together: a count is a handful of requests, and hostile ones must not allocate without
    /// bound.
    public static let maximumCount: Int64 = 1000
    public static let maximumCountedPerReport = 10_000

    /// Per-document state: diagnostics and the outlet's offset.
    private struct Run {
        var reader: NodeReader
        let mode: Mode
        let version: String
        var offset = 8 * 3600
        /// Items made up for lists written as counts, so far.
        var counted = 0
        /// The document, for the year of `inspection.inspected_at` when a date is written
        /// without one (`4月3日`): looked up only then, not for every report.
        var documentRoot: YAMLNode?

        init(file: String, mode: Mode, version: String) {
            self.reader = NodeReader(file: file)
            self.mode = mode
            self.version = version
        }

        /// Local timestamps anywhere in the report are read in `outlet.timezone`, so find it
        /// before walking the rest.
        mutating func resolveOffset(_ root: YAMLNode, outlet: FieldSchema?) -> Int {
            let fallback = 8 * 3600
            guard let outlet, let pairs = root.mapping,
                  let outletNode = pairs.first(where: { $0.key.scalar?.text == outlet.name })?.value,
                  let zoneNode = outletNode.mapping?.first(where: { $0.key.scalar?.text == "timezone" })?.value,
                  case .string(let name)? = zoneNode.scalar?.value
            else { return fallback }
            guard case .fixed(let offset)? = ZoneTable.zone(name) else {
                // Reported (once) when the field itself is validated.
                return fallback
            }
            return offset
        }

        /// The year of `inspection.inspected_at`, however it is written, if it can be read.
        func resolveInspectionYear(_ root: YAMLNode) -> Int? {
            guard let inspection = root.mapping?.first(where: { $0.key.scalar?.text == "inspection" })?.value,
                  let at = inspection.mapping?.first(where: { $0.key.scalar?.text == "inspected_at" })?.value.scalar
            else { return nil }
            if case .success(let timestamp) = Timestamp.parse(at.text, localOffsetSeconds: offset) {
                return timestamp.localDate(offsetSeconds: offset).year
            }
            return ReportSlips.date(at.text)?.year
        }

        mutating func object(_ node: YAMLNode, _ schema: ObjectSchema, path: String) -> ReportObject? {
            guard let pairs = node.mapping else {
                reader.error(.reportMustBeMapping(path, found: reader.describe(node)), at: node)
                return nil
            }
            var fields = [ReportField?](repeating: nil, count: schema.fields.count)
            for pair in pairs {
                // Past the cap nothing more is shown, so stop working: a hostile file with
                // 300,000 bad keys must still fail fast.
                if reader.diagnostics.isFull(reader.file) {
                    reader.diagnostics.stopChecking(reader.file)
                    break
                }
                guard case .string(let key)? = pair.key.scalar?.value ?? keyText(pair.key) else {
                    reader.error(.reportKeysMustBeStrings(found: reader.describe(pair.key)), at: pair.key)
                    continue
                }
                if key.hasPrefix("x_") { continue }
                guard let field = schema.field(named: key) else {
                    if keySlip(key, pair.key, path: path) { continue }
                    let hint = Suggestion.hint(for: key, among: schema.fields.map(\.name))
                    reader.error(.unknownReportKey(join(path, key), hint: hint), at: pair.key)
                    continue
                }
                // Null is the same as absent, which a required key may not be: `type: ~` would
                // otherwise score as if the outlet had no type, `schema: ~` skip the version check.
                if case .null? = pair.value.scalar?.value {
                    if mode == .report, field.required {
                        reader.error(.requiredKeyEmpty(join(path, key), field.label, fill: fillIn(field, path: path)), at: pair.value)
                    } else if mode == .report, case .list = field.type, pair.value.scalar?.style == .plain, pair.value.scalar?.text.isEmpty == true {
                        // `postings:` and nothing: not observed, as the format says; but "none" is `[]`.
                        reader.warning(.emptyList(join(path, key)), at: pair.value)
                    }
                    continue
                }
                if let value = self.value(pair.value, field.type, field, path: join(path, key)) {
                    if mode == .report, field.required, Self.isEmpty(value) {
                        reader.error(.requiredKeyEmpty(join(path, key), field.label, fill: fillIn(field, path: path)), at: pair.value)
                        continue
                    }
                    fields[field.index] = ReportField(value: value, mark: pair.value.mark)
                }
            }
            for field in schema.fields {
                guard let deprecation = field.deprecation, let old = fields[field.index],
                      let replacement = schema.field(named: deprecation.replacement) else { continue }
                let text = ReportValidator.text(of: old.value)
                let node = pairs.first { $0.key.scalar?.text == field.name }?.value ?? node
                guard let tokens = deprecation.values[text], let token = tokens.first else { continue }
                if let current = fields[replacement.index] {
                    if case .string(let given) = current.value, !tokens.contains(given) {
                        reader.error(.deprecatedContradicts(join(path, field.name), text, field: field.name, replacement: deprecation.replacement, given: given), at: node)
                    } else {
                        reader.warning(.deprecatedRepeats(join(path, field.name), replacement: deprecation.replacement), at: node)
                    }
                } else {
                    reader.warning(.deprecatedWrite(join(path, field.name), replacement: deprecation.replacement, token: token), at: node)
                    fields[replacement.index] = ReportField(value: .string(token), mark: old.mark)
                }
            }
            if mode == .report {
                for field in schema.fields where field.required && fields[field.index] == nil {
                    if pairs.contains(where: { $0.key.scalar?.text == field.name }) { continue }  // typed error already
                    reader.error(.missingReportKey(join(path, field.name)), at: node)
                }
                if path.isEmpty, let schemaField = schema.field(named: "schema"),
                   case .string(let declared)? = fields[schemaField.index]?.value, declared != version {
                    let at = pairs.first { $0.key.scalar?.text == "schema" }?.value ?? node
                    reader.error(.unsupportedReportFormat(declared, expected: version), at: at)
                }
            }
            return ReportObject(schema: schema, mark: node.mark, path: path, fields: fields)
        }

        /// A required key's value that says nothing: blank text or an empty list.
        static func isEmpty(_ value: ReportValue) -> Bool {
            switch value {
            case .string(let text): text.allSatisfy(\.isWhitespace)
            case .list(let items): items.isEmpty
            default: false
            }
        }

        /// The most years `inspection.inspected_at` may lie from the nearest case's
        /// `received_at`: cases are sampled from the months before a visit, so a decade means
        /// a mistyped year, which would silently turn every time limit due or not due.
        static let maximumYearsFromCases = 10

        /// `inspection.inspected_at` against the cases' `received_at`: an error when it is
        /// more than ten years from every one of them.
        mutating func checkInspectionDate(_ root: ReportObject) {
            guard case .object(let inspection)? = root["inspection"]?.value,
                  let inspected = inspection["inspected_at"], case .timestamp(let at) = inspected.value,
                  case .list(let cases)? = root["cases"]?.value else { return }
            var nearest: (distance: Int64, timestamp: Timestamp)?
            for item in cases {
                guard case .object(let object) = item.value, case .timestamp(let received)? = object["received_at"]?.value
                else { continue }
                let distance = abs(received.seconds - at.seconds)
                if nearest == nil || distance < nearest!.distance { nearest = (distance, received) }
            }
            guard let nearest else { return }
            let limit = Int64(Self.maximumYearsFromCases) * 36_525 * 864  // 365.25 days a year
            guard nearest.distance > limit else { return }
            reader.diagnostics.append(.error(
                .inspectionFarFromCases(at.localDate(offsetSeconds: offset).description, years: Self.maximumYearsFromCases,
                                        nearest: nearest.timestamp.localDate(offsetSeconds: offset).description),
                at: SourceLocation(file: reader.file, mark: inspected.mark)))
        }

        private func keyText(_ node: YAMLNode) -> YAMLValue? {
            // `1:` or `true:` as a key is still a key name the user typed.
            node.scalar.map { .string($0.text) }
        }

        mutating func value(_ node: YAMLNode, _ type: ValueType, _ field: FieldSchema, path: String) -> ReportValue? {
            switch type {
            case .object(let schema):
                return object(node, schema, path: path).map { .object($0) }
            case .list(let element):
                if field.acceptsCount, case .object(let itemSchema) = element, case .int(let count)? = node.scalar?.value {
                    return countedList(count, itemSchema, node, path: path)
                }
                guard let items = node.sequence else {
                    if let scalar = node.scalar, case .string(let text) = scalar.value, element.isScalar, let slip = ReportSlips.list(text),
                       slip.fullWidthBrackets != nil || !slip.bracketed {
                        reader.error(.listWrittenAsText(path, text, write: slip.written, brackets: slip.fullWidthBrackets), at: node)
                        return nil
                    }
                    reader.error(.mustBeAList(path, found: reader.describe(node)), at: node)
                    return nil
                }
                var result: [ReportField] = []
                result.reserveCapacity(items.count)
                var seenIds: [String: YAMLNode] = [:]
                for (i, item) in items.enumerated() {
                    if reader.diagnostics.isFull(reader.file) {
                        reader.diagnostics.stopChecking(reader.file)
                        break
                    }
                    if case .null? = item.scalar?.value {
                        reader.error(.emptyItem("\(path)[\(i)]"), at: item)
                        continue
                    }
                    guard let value = self.value(item, element, field, path: "\(path)[\(i)]") else { continue }
                    if case .object(let object) = value, let id = object.identifier,
                       let idField = object.schema.identifier, let idMark = object.fields[idField.index]?.mark {
                        if let first = seenIds[id] {
                            reader.diagnostics.append(.error(
                                .duplicateId(idField.name, id, in: path), at: SourceLocation(file: reader.file, mark: idMark),
                                related: [.init(.firstUsedHere, location: reader.location(first))]))
                        } else {
                            seenIds[id] = item
                        }
                    }
                    result.append(ReportField(value: value, mark: item.mark))
                }
                return .list(result)
            default:
                return scalar(node, type, field, path: path)
            }
        }

        /// `document_requests: 2`: two items whose fields are all unknown, so rules can count
        /// them but read nothing else from them.
        mutating func countedList(_ count: Int64, _ schema: ObjectSchema, _ node: YAMLNode, path: String) -> ReportValue? {
            guard count >= 0, count <= ReportValidator.maximumCount else {
                reader.error(.countOutOfRange(path, maximum: ReportValidator.maximumCount, found: count), at: node)
                return nil
            }
            counted += Int(count)
            guard counted <= ReportValidator.maximumCountedPerReport else {
                reader.error(.countsTooLarge(path, maximum: ReportValidator.maximumCountedPerReport), at: node)
                return nil
            }
            // One stand-in serves every item: none of its fields is known, so they are alike.
            let empty = [ReportField?](repeating: nil, count: schema.fields.count)
            let standIn = ReportField(value: .object(ReportObject(schema: schema, mark: node.mark, path: path, fields: empty, countedIn: path)),
                                      mark: node.mark)
            return .list(Array(repeating: standIn, count: Int(count)))
        }

        mutating func scalar(_ node: YAMLNode, _ type: ValueType, _ field: FieldSchema, path: String) -> ReportValue? {
            guard let scalar = node.scalar else {
                reader.error(.mustBe(path, type.expected(format: field.format), found: reader.describe(node)), at: node)
                return nil
            }
            switch (type, scalar.value) {
            case (.bool, .bool(let b)):
                return .bool(b)
            case (.int, .int(let i)):
                if let allowed = field.allowedInts, !allowed.contains(i) {
                    reader.error(.mustBeOneOf(path, allowed.map(String.init).joined(separator: ", "), found: i), at: node)
                    return nil
                }
                return atLeastMinimum(Double(i), field, node, path: path) ? .int(i) : nil
            case (.number, .int(let i)):
                return atLeastMinimum(Double(i), field, node, path: path) ? .number(Double(i)) : nil
            case (.number, .float(let f)):
                return atLeastMinimum(f, field, node, path: path) ? .number(f) : nil
            case (.string, .string(let text)):
                return checkFormat(text, field.format, node, path: path) ? .string(text) : nil
            case (.string, _) where scalar.style == .plain && field.format == .plain:
                // An id or free text that happens to look like a number (`counter: 3`).
                return .string(scalar.text)
            case (.token(let e), .string(let text)):
                // A token, or its exact zh label (`客户服务大厅` for `service_hall`): rules see the token.
                if let token = e.token(named: text) { return .string(token) }
                if case .list = field.type, let slip = ReportSlips.list(text), let comma = slip.fullWidthComma {
                    let at = Self.mark(in: node, at: Array(text.unicodeScalars).firstIndex { String($0) == comma })
                    let list = path.last == "]" ? String(path[..<(path.lastIndex(of: "[") ?? path.endIndex)]) : path
                    reader.diagnostics.append(.error(.fullWidthComma(list, comma: .commaName(comma), write: slip.items.joined(separator: ", ")),
                                                     at: SourceLocation(file: reader.file, mark: at)))
                    return nil
                }
                let hint = ReportSlips.closeLabel(text, in: e).map { Label.didYouMean($0, label: e.labels[$0]?.zh ?? "") }
                    ?? Suggestion.closest(to: text, among: e.values).map { Label.didYouMean($0, labelInChinese: e.labels[$0]?.zh ?? "") }
                    ?? Label(zh: "", en: "")
                reader.error(.unknownToken(text, in: path, hint: hint, expected: e.choices), at: node)
                return nil
            case (.timestamp, .string(let text)):
                switch Timestamp.parse(text, localOffsetSeconds: offset) {
                case .success(let t): return .timestamp(t)
                case .failure(let reason):
                    reader.error(dateSlip(text, type, path: path) ?? .invalidTimestamp(path, text, en: reason.reason, zh: reason.zh), at: node)
                    return nil
                }
            case (.date, .string(let text)):
                guard let date = LocalDate(iso: text) else {
                    reader.error(dateSlip(text, type, path: path) ?? .invalidDate(path, text), at: node)
                    return nil
                }
                return .date(date)
            case (.time, .string(let text)):
                guard let time = TimeOfDay(hhmm: text) else {
                    reader.error(ReportSlips.time(text).map { .timeWrittenAs(path, text, write: $0.text) } ?? .invalidTime(path, text), at: node)
                    return nil
                }
                return .time(time)
            case (.timestamp, .int(let number)), (.date, .int(let number)):
                // `20260403`
                reader.error(dateSlip(String(number), type, path: path) ?? .mustBe(path, type.expected(format: field.format), found: reader.describe(node)), at: node)
                return nil
            default:
                reader.error(typeSlip(scalar, type, field, path: path) ?? .mustBe(path, type.expected(format: field.format), found: reader.describe(node)), at: node)
                return nil
            }
        }

        // MARK: Slips

        /// What to write in the empty required key `field` of the object at `path`.
        func fillIn(_ field: FieldSchema, path: String) -> Label {
            if path.isEmpty, field.name == "schema" { return .fillInSchema(version) }
            switch field.type {
            case .token(let e): return .fillInOneOf(field.name, e.choices)
            case .timestamp: return .fillInTimestamp(field.name)
            case .date: return .fillInDate(field.name)
            default: return .fillIn(field.name, field.label)
            }
        }

        /// A key that is a slip: `name：网点` (a full-width colon, read as one key by a flow
        /// mapping) or a full-width space in it. Reports it and returns true.
        mutating func keySlip(_ key: String, _ node: YAMLNode, path: String) -> Bool {
            let scalars = Array(key.unicodeScalars)
            if let colon = scalars.firstIndex(of: "\u{FF1A}"), colon > 0 {
                let name = String(String.UnicodeScalarView(scalars[..<colon])).trimmingSpaces
                let rest = String(String.UnicodeScalarView(scalars[(colon + 1)...])).trimmingSpaces
                reader.diagnostics.append(.error(.fullWidthColon(key: name, fixed: rest.isEmpty ? "\(name):" : "\(name): \(rest)"),
                                                 at: SourceLocation(file: reader.file, mark: Self.mark(in: node, at: colon))))
                return true
            }
            if let space = scalars.firstIndex(of: "\u{3000}") {
                reader.diagnostics.append(.error(.fullWidthSpaceInKey(join(path, key), write: key.trimmingSpaces.replacingWideSpaces),
                                                 at: SourceLocation(file: reader.file, mark: Self.mark(in: node, at: space))))
                return true
            }
            return false
        }

        /// Where the character at `offset` of a plain, one-line scalar is; the scalar's mark otherwise.
        static func mark(in node: YAMLNode, at offset: Int?) -> Mark {
            guard let offset, let scalar = node.scalar, scalar.style == .plain, !scalar.text.contains("\n") else { return node.mark }
            return Mark(line: node.mark.line, column: node.mark.column + offset)
        }

        /// `2026/4/3 10:20`, `2026年4月3日`, `4月3日`, `20260403` where a timestamp or a date is
        /// expected: the message saying how to write it, or nil when the text is no such slip.
        func dateSlip(_ text: String, _ type: ValueType, path: String) -> Message? {
            guard let slip = ReportSlips.date(text) else { return nil }
            var note = Label(zh: "", en: "")
            var yearText = "YYYY"
            if let year = slip.year {
                yearText = String(year)
            } else if let year = documentRoot.flatMap(resolveInspectionYear), LocalDate(year: year, month: slip.month, day: slip.day) != nil {
                yearText = String(year)
                note = .yearOfInspection
            } else {
                note = .yearMissing
            }
            let date = "\(yearText)-\(ReportSlips.pad(slip.month))-\(ReportSlips.pad(slip.day))"
            if type == .date { return .dateWrittenAs(path, text, write: date, note: note) }
            guard let time = slip.time else { return .timestampNeedsTime(path, text, date: date, note: note) }
            return .timestampWrittenAs(path, text, write: "\(date) \(time.text)", note: note)
        }

        /// `是` for a bool, `18平方米` or `１８` for a number: the message naming the slip, or nil.
        func typeSlip(_ scalar: YAMLScalar, _ type: ValueType, _ field: FieldSchema, path: String) -> Message? {
            switch (type, scalar.value) {
            case (.bool, .string(let text)):
                return ReportSlips.booleanWord(text).map { .booleanWord(path, text, $0) }
            case (.bool, .int(let number)) where number == 0 || number == 1:
                return .booleanWord(path, String(number), number == 1)
            case (.int, .string(let text)), (.number, .string(let text)):
                guard let (number, unit) = ReportSlips.numberWithUnit(text) else { return nil }
                if type == .int, number.contains(".") { return nil }
                let expected = type.expected(format: field.format)
                return unit.isEmpty ? .numberAsText(path, expected, text, number: number) : .numberWithUnit(path, expected, text, number: number, unit: unit)
            default:
                return nil
            }
        }

        /// A field's `min` (rings, areas: never negative); NaN is below every minimum.
        mutating func atLeastMinimum(_ value: Double, _ field: FieldSchema, _ node: YAMLNode, path: String) -> Bool {
            guard let minimum = field.minimum, !(value >= minimum) else { return true }
            reader.error(.belowMinimum(path, minimum: JSON.format(minimum, decimals: 2), found: node.scalar?.text ?? String(value)), at: node)
            return false
        }

        mutating func checkFormat(_ text: String, _ format: StringFormat, _ node: YAMLNode, path: String) -> Bool {
            switch format {
            case .plain:
                return true
            case .hours:
                let parts = text.split(separator: "-", omittingEmptySubsequences: false)
                if parts.count == 2, let open = TimeOfDay(hhmm: parts[0]), let close = TimeOfDay(hhmm: parts[1]), open < close {
                    return true
                }
                reader.error(ReportSlips.hours(text).map { .hoursWrittenAs(path, text, write: "\($0.0.text)-\($0.1.text)") } ?? .invalidHours(path, text), at: node)
                return false
            case .timezone:
                switch ZoneTable.zone(text) {
                case .fixed?:
                    return true
                case .daylightSaving?:
                    reader.error(.daylightSavingZone(path, text), at: node)
                    return false
                case nil:
                    reader.error(.unknownTimeZone(path, text), at: node)
                    return false
                }
            }
        }

        func join(_ path: String, _ key: String) -> String { path.isEmpty ? key : "\(path).\(key)" }
    }
}
