import AuditCalendar
import AuditCore
import AuditYAML
import Foundation  // TimeZone only: one lookup per report, off the per-node path.

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
            guard let zone = TimeZone(identifier: name), Self.hasFixedOffset(zone) else {
                // Reported (once) when the field itself is validated.
                return fallback
            }
            return zone.secondsFromGMT(for: Date(timeIntervalSince1970: 1_767_225_600))
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
                    let hint = Suggestion.hint(for: key, among: schema.fields.map(\.name))
                    reader.error(.unknownReportKey(join(path, key), hint: hint), at: pair.key)
                    continue
                }
                // Null is the same as absent, which a required key may not be: `type: ~` would
                // otherwise score as if the outlet had no type, `schema: ~` skip the version check.
                if case .null? = pair.value.scalar?.value {
                    if mode == .report, field.required { reader.error(.requiredKeyEmpty(join(path, key)), at: pair.value) }
                    continue
                }
                if let value = self.value(pair.value, field.type, field, path: join(path, key)) {
                    if mode == .report, field.required, Self.isEmpty(value) {
                        reader.error(.requiredKeyEmpty(join(path, key)), at: pair.value)
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
            case (.token(let e), .string(let token)):
                guard e.contains(token) else {
                    let hint = Suggestion.hint(for: token, among: e.values)
                    reader.error(.unknownToken(token, in: path, hint: hint, expected: e.values.joined(separator: ", ")), at: node)
                    return nil
                }
                return .string(token)
            case (.timestamp, .string(let text)):
                switch Timestamp.parse(text, localOffsetSeconds: offset) {
                case .success(let t): return .timestamp(t)
                case .failure(let reason):
                    reader.error(.invalidTimestamp(path, text, en: reason.reason, zh: reason.zh), at: node)
                    return nil
                }
            case (.date, .string(let text)):
                guard let date = LocalDate(iso: text) else {
                    reader.error(.invalidDate(path, text), at: node)
                    return nil
                }
                return .date(date)
            case (.time, .string(let text)):
                guard let time = TimeOfDay(hhmm: text) else {
                    reader.error(.invalidTime(path, text), at: node)
                    return nil
                }
                return .time(time)
            default:
                var looksBoolean = false
                if type == .bool, case .string(let text) = scalar.value {
                    looksBoolean = ["yes", "no", "on", "off", "y", "n"].contains(text.lowercased())
                }
                reader.error(.mustBe(path, type.expected(format: field.format), found: reader.describe(node), onlyTrueFalse: looksBoolean), at: node)
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
                reader.error(.invalidHours(path, text), at: node)
                return false
            case .timezone:
                if let zone = TimeZone(identifier: text) {
                    if Self.hasFixedOffset(zone) { return true }
                    reader.error(.daylightSavingZone(path, text), at: node)
                    return false
                }
                reader.error(.unknownTimeZone(path, text), at: node)
                return false
            }
        }


        /// Local timestamps are read at one offset per report, which is only right for zones
        /// without daylight saving (all of China since 1991).
        static func hasFixedOffset(_ zone: TimeZone) -> Bool {
            zone.nextDaylightSavingTimeTransition(after: Date(timeIntervalSince1970: 1_704_067_200)) == nil
        }

        func join(_ path: String, _ key: String) -> String { path.isEmpty ? key : "\(path).\(key)" }
    }
}
