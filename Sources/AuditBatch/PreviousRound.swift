#if canImport(Glibc)
import Glibc
#endif
import AuditCalendar
import AuditCore
import AuditEngine
import AuditFormatters
import AuditRules
import Dispatch
import Synchronization

/// The previous inspection round, read from a previous `audit batch` output folder
/// (`--previous DIR`): per outlet (`outlet.id`), its score, grade, red line and every result
/// that was neither a pass nor not applicable (results.jsonl), the corrective actions it was
/// given (actions.jsonl) and when it was inspected (outlets.csv).
///
/// Only what trends need is kept; the files are read a line at a time and the rest of each
/// line (citations, rule packs) is stepped over, so a previous round of 10,000 reports costs
/// a few megabytes and a fraction of the time scoring it took.
public struct PreviousRound: Sendable {
    /// One rule result, as `audit diff` matches them: rule id and item.
    public typealias ResultKey = AuditEngine.ResultKey

    public struct Outlet: Sendable {
        public var outletId: String
        public var branch: String
        public var name: String
        public var inspectionId: String
        public var inspectedAt = ""
        public var score: Double?
        public var grade: String?
        public var redLine: String?
        /// Results other than pass and not applicable, in the file's order.
        public var results: [(key: ResultKey, status: Status)] = []
        /// The actions the previous round gave, in its order: what matching needs, and where
        /// each line is in actions.jsonl (read in full only when the action is listed again).
        public var actions: [ActionList.PreviousAction] = []
        public var actionLines: [Range<Int>] = []

        /// The trend fields as this round's outlet row carries them.
        public var trend: OutletTrend {
            OutletTrend(inspectionId: inspectionId, inspectedAt: inspectedAt, score: score, grade: grade, redLine: redLine)
        }
    }

    /// The folder as given.
    public var folder: String
    /// Outlets by id; reports without an id cannot be matched and are left out.
    public var outlets: [String: Outlet] = [:]
    /// Outlet ids in the previous results' order (gone outlets are listed so).
    public var order: [String] = []
    /// Reports the previous round scored (with or without an outlet id).
    public var scored = 0
    /// actions.jsonl, open for reading lines back (nil when the folder has none).
    var actionFile: ActionFile?

    public init(folder: String) { self.folder = folder }

    /// The previous round, read on a thread of its own while the first reports are scored
    /// (on a machine with a core to spare, reading it costs the batch next to nothing); a
    /// report's trends wait for it.
    public final class Reading: Sendable {
        private let group = DispatchGroup()
        private let outcome = Mutex<Result<PreviousRound, DiagnosticList>?>(nil)

        /// Checks at once that `folder` is a batch output (`check`), then starts reading it.
        public init(folder: String, rules: RuleSet) throws(DiagnosticList) {
            try PreviousRound.check(folder: folder)
            group.enter()
            DispatchQueue.global().async { [self] in
                let read: Result<PreviousRound, DiagnosticList>
                do throws(DiagnosticList) { read = .success(try PreviousRound.load(folder: folder, rules: rules)) } catch { read = .failure(error) }
                outcome.withLock { $0 = read }
                group.leave()
            }
        }

        /// The round, once read; nil when it could not be (`failure` says why).
        public var round: PreviousRound? {
            group.wait()
            return outcome.withLock { try? $0?.get() }
        }

        /// Why it could not be read (after waiting for it); nil when it was.
        public var failure: DiagnosticList? {
            group.wait()
            return outcome.withLock { value in
                if case .failure(let error)? = value { return error }
                return nil
            }
        }
    }

    /// An outlet's previous actions read back in full, as a batch lists them again.
    public func actions(of outletId: String) -> [CorrectiveAction] {
        guard let outlet = outlets[outletId], let file = actionFile else { return [] }
        return outlet.actionLines.compactMap { file.action(at: $0) }
    }

    /// A folder without results.jsonl is not a batch output: refused before anything else.
    public static func check(folder given: String) throws(DiagnosticList) {
        var folder = given
        while folder.count > 1, folder.hasSuffix("/") { folder.removeLast() }
        var info = stat()
        guard stat(folder, &info) == 0, info.st_mode & S_IFMT == S_IFDIR else {
            throw DiagnosticList([.error(.previousNotAFolder(given), at: SourceLocation(file: given))])
        }
        guard stat(folder + "/results.jsonl", &info) == 0, info.st_mode & S_IFMT == S_IFREG else {
            throw DiagnosticList([.error(.previousNotBatchOutput(given), at: SourceLocation(file: given))])
        }
    }

    /// Reads `folder` (`check` first): a line that is not what `audit batch` writes is refused
    /// with its file, line and column.
    public static func load(folder given: String, rules: RuleSet) throws(DiagnosticList) -> PreviousRound {
        try check(folder: given)
        var folder = given
        while folder.count > 1, folder.hasSuffix("/") { folder.removeLast() }
        var round = PreviousRound(folder: given)
        let results = folder + "/results.jsonl"
        var info = stat()
        try JSONLines.read(results) { (line, bytes, _) throws(DiagnosticList) in
            let outlet = try Self.outlet(bytes, file: results, line: line)
            round.scored += 1
            guard !outlet.outletId.isEmpty else { return }
            if round.outlets[outlet.outletId] == nil { round.order.append(outlet.outletId) }
            round.outlets[outlet.outletId] = outlet
        }
        let actions = folder + "/actions.jsonl"
        if stat(actions, &info) == 0 {
            var titles: [String: Label] = [:]
            for rule in rules.definitions { titles[rule.id] = rule.title }
            let file = try ActionFile(path: actions, titles: titles)
            round.actionFile = file
            try JSONLines.read(actions) { (line, bytes, range) throws(DiagnosticList) in
                let (outlet, action) = try Self.actionKey(bytes, file: actions, line: line)
                guard round.outlets[outlet] != nil else { return }
                round.outlets[outlet]?.actions.append(action)
                round.outlets[outlet]?.actionLines.append(range)
            }
        }
        round.readInspectionTimes(folder + "/outlets.csv")
        return round
    }

    /// One results.jsonl line: the report, score and findings parts.
    static func outlet(_ bytes: [UInt8], file: String, line: Int) throws(DiagnosticList) -> Outlet {
        var outlet = Outlet(outletId: "", branch: "", name: "", inspectionId: "")
        var scanner = JSONScanner(bytes)
        do throws(JSONScanner.Failure) {
            try scanner.object { scanner, key throws(JSONScanner.Failure) in
                switch key {
                case "report":
                    try scanner.object { scanner, key throws(JSONScanner.Failure) in
                        switch key {
                        case "outlet": outlet.outletId = try scanner.string() ?? ""
                        case "branch": outlet.branch = try scanner.string() ?? ""
                        case "name": outlet.name = try scanner.string() ?? ""
                        case "inspection": outlet.inspectionId = try scanner.string() ?? ""
                        default: try scanner.skip()
                        }
                    }
                case "score":
                    try scanner.object { scanner, key throws(JSONScanner.Failure) in
                        switch key {
                        case "total": outlet.score = try scanner.number()
                        case "grade": outlet.grade = try scanner.string()
                        case "red_line": outlet.redLine = try scanner.string()
                        default: try scanner.skip()
                        }
                    }
                case "findings":
                    try scanner.array { scanner throws(JSONScanner.Failure) in
                        var rule = "", item: String?, status: Status?
                        try scanner.object { scanner, key throws(JSONScanner.Failure) in
                            switch key {
                            case "rule": rule = try scanner.string() ?? ""
                            case "item": item = try scanner.string()
                            case "status": status = try scanner.string().flatMap(Status.init(rawValue:))
                            default: try scanner.skip()
                            }
                        }
                        if let status, !rule.isEmpty, status != .pass, status != .notApplicable {
                            outlet.results.append((ResultKey(rule: rule, item: item), status))
                        }
                    }
                default: try scanner.skip()
                }
            }
            guard scanner.atEnd() else { throw JSONScanner.Failure(offset: scanner.offset) }
        } catch {
            throw DiagnosticList([.error(.previousNotResults, at: SourceLocation(file: file, line: line, column: error.offset + 1))])
        }
        return outlet
    }

    /// The outlet, rule, item and due date of an actions.jsonl line; the rest stepped over.
    static func actionKey(_ bytes: [UInt8], file: String, line: Int) throws(DiagnosticList)
        -> (outlet: String, action: ActionList.PreviousAction) {
        var outlet: String?, rule: String?, item: String?, due: String?, severity: Severity?
        var scanner = JSONScanner(bytes)
        do throws(JSONScanner.Failure) {
            try scanner.object { scanner, key throws(JSONScanner.Failure) in
                switch key {
                case "outlet_id": outlet = try scanner.string()
                case "rule": rule = try scanner.string()
                case "item": item = try scanner.string()
                case "due": due = try scanner.string()
                case "severity": severity = try scanner.string().flatMap(Severity.init(rawValue:))
                default: try scanner.skip()
                }
            }
            guard scanner.atEnd() else { throw JSONScanner.Failure(offset: scanner.offset) }
        } catch {
            throw DiagnosticList([.error(.previousNotActions, at: SourceLocation(file: file, line: line, column: error.offset + 1))])
        }
        // The checks `action` makes when the line is read back in full.
        guard let outlet, let rule, severity != nil else {
            throw DiagnosticList([.error(.previousNotActions, at: SourceLocation(file: file, line: line, column: 1))])
        }
        return (outlet, ActionList.PreviousAction(rule: rule, item: item, due: due.flatMap { LocalDate(iso: $0) }))
    }

    /// One actions.jsonl line, as this round would have made it.
    static func action(_ bytes: [UInt8], file: String, line: Int, titles: [String: Label]) throws(DiagnosticList) -> CorrectiveAction {
        var fields: [String: String] = [:]
        var days = 0
        var scanner = JSONScanner(bytes)
        do throws(JSONScanner.Failure) {
            try scanner.object { scanner, key throws(JSONScanner.Failure) in
                if key == "due_working_days" {
                    days = Int(try scanner.number() ?? 0)
                } else {
                    fields[key.text] = try scanner.string()
                }
            }
            guard scanner.atEnd() else { throw JSONScanner.Failure(offset: scanner.offset) }
        } catch {
            throw DiagnosticList([.error(.previousNotActions, at: SourceLocation(file: file, line: line, column: error.offset + 1))])
        }
        guard let outlet = fields["outlet_id"], let rule = fields["rule"],
              let severity = fields["severity"].flatMap(Severity.init(rawValue:)) else {
            throw DiagnosticList([.error(.previousNotActions, at: SourceLocation(file: file, line: line, column: 1))])
        }
        let title = titles[rule] ?? Label(zh: fields["rule_title"] ?? "", en: fields["rule_title"] ?? "")
        return CorrectiveAction(
            outletId: outlet, outletName: fields["outlet_name"] ?? "", branch: fields["branch"] ?? "", rule: rule, title: title,
            severity: severity, item: fields["item"], message: fields["message"] ?? "", source: fields["source"] ?? "",
            clause: fields["clause"] ?? "", inspectionId: fields["inspection_id"] ?? "",
            inspectedOn: fields["inspected_on"].flatMap { LocalDate(iso: $0) }, dueWorkingDays: days,
            due: fields["due"].flatMap { LocalDate(iso: $0) }, location: fields["location"] ?? "")
    }

    /// `inspected_at` from outlets.csv (a courtesy: without the file, trends lack only the time).
    /// Its columns are in a fixed order whatever the language of the header.
    mutating func readInspectionTimes(_ path: String) {
        guard let file = fopen(path, "r") else { return }
        defer { fclose(file) }
        let idColumn = BatchCSV.outletColumns.firstIndex { $0.en == "outlet_id" } ?? 1
        let timeColumn = BatchCSV.outletColumns.firstIndex { $0.en == "inspected_at" } ?? 6
        var reader = CSVReader(file)
        guard reader.next() != nil else { return }  // the header
        while let fields = reader.next() {
            guard fields.count > max(idColumn, timeColumn) else { continue }
            // `CSV.field` guards a value a spreadsheet would run as a formula with a "'".
            func value(_ s: String) -> String {
                s.hasPrefix("'") && s.dropFirst().first.map({ "=+-@\t\r".contains($0) }) == true ? String(s.dropFirst()) : s
            }
            outlets[value(fields[idColumn])]?.inspectedAt = value(fields[timeColumn])
        }
    }
}

/// The previous round's actions.jsonl, open so that workers can read a line back (`pread`:
/// no shared position, so any thread may).
final class ActionFile: Sendable {
    let path: String
    let descriptor: Int32
    let titles: [String: Label]

    init(path: String, titles: [String: Label]) throws(DiagnosticList) {
        self.path = path
        self.titles = titles
        descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else {
            throw DiagnosticList([.error(.previousUnreadable(path, reason: SystemError.current), at: SourceLocation(file: path))])
        }
    }

    deinit { close(descriptor) }

    /// The action on the line at `range` (bytes of the file, the newline excluded); nil when
    /// the file changed under us and the line no longer reads.
    func action(at range: Range<Int>) -> CorrectiveAction? {
        var bytes = [UInt8](repeating: 0, count: range.count)
        let read = bytes.withUnsafeMutableBytes { pread(descriptor, $0.baseAddress, range.count, off_t(range.lowerBound)) }
        guard read == range.count else { return nil }
        return try? PreviousRound.action(bytes, file: path, line: 0, titles: titles)
    }
}

/// A JSON Lines file, one line at a time (memory: the longest line).
enum JSONLines {
    /// `body` gets each non-empty line's number, bytes (without the newline) and byte range in the file.
    static func read(_ path: String, _ body: (Int, [UInt8], Range<Int>) throws(DiagnosticList) -> Void) throws(DiagnosticList) {
        guard let file = fopen(path, "r") else {
            throw DiagnosticList([.error(.previousUnreadable(path, reason: SystemError.current), at: SourceLocation(file: path))])
        }
        defer { fclose(file) }
        var line: UnsafeMutablePointer<CChar>?
        var capacity = 0
        defer { free(line) }
        var number = 0, offset = 0
        while true {
            let count = getline(&line, &capacity, file)
            if count < 0 { break }
            number += 1
            let start = offset
            offset += count
            guard let line, count > 0 else { continue }
            var bytes = line.withMemoryRebound(to: UInt8.self, capacity: count) { Array(UnsafeBufferPointer(start: $0, count: count)) }
            if bytes.last == 0x0A { bytes.removeLast() }
            if bytes.isEmpty { continue }
            try body(number, bytes, start..<start + bytes.count)
        }
        if ferror(file) != 0 {
            throw DiagnosticList([.error(.previousUnreadable(path, reason: SystemError.current), at: SourceLocation(file: path))])
        }
    }
}

/// RFC 4180 records from a file, as `CSV.row` writes them (a byte order mark at the start is skipped).
struct CSVReader {
    let file: UnsafeMutablePointer<FILE>
    var first = true

    init(_ file: UnsafeMutablePointer<FILE>) { self.file = file }

    mutating func next() -> [String]? {
        var fields: [String] = []
        var field: [UInt8] = []
        var quoted = false, any = false
        while true {
            let c = getc(file)
            if c == EOF {
                if !any { return nil }
                fields.append(String(decoding: field, as: UTF8.self))
                return fields
            }
            any = true
            let byte = UInt8(truncatingIfNeeded: c)
            if first {
                first = false
                if byte == 0xEF { _ = getc(file); _ = getc(file); any = false; continue }
            }
            if quoted {
                if byte == UInt8(ascii: "\"") {
                    let next = getc(file)
                    if next == Int32(UInt8(ascii: "\"")) { field.append(byte) } else {
                        quoted = false
                        if next != EOF { ungetc(next, file) }
                    }
                } else {
                    field.append(byte)
                }
                continue
            }
            switch byte {
            case UInt8(ascii: "\""): quoted = true
            case UInt8(ascii: ","):
                fields.append(String(decoding: field, as: UTF8.self))
                field.removeAll(keepingCapacity: true)
            case 0x0D: continue
            case 0x0A:
                fields.append(String(decoding: field, as: UTF8.self))
                return fields
            default: field.append(byte)
            }
        }
    }
}
