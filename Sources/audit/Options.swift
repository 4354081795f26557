import AuditCalendar
import AuditCore
import AuditRules
import AuditYAML
import ArgumentParser
import Foundation

/// Where the rules come from and how they are parameterised; shared by every command.
struct RuleOptions: ParsableArguments {
    @Option(name: .customLong("rules"), help: ArgumentHelp("A rule file or folder to use instead of the shipped rules (repeatable).", valueName: "path"))
    var rulePaths: [String] = []

    @Option(name: .customLong("param"), help: ArgumentHelp("Override a rule parameter, e.g. --param max_rings=2 (repeatable).", valueName: "key=value"))
    var params: [String] = []

    @Option(help: ArgumentHelp("Largest input file accepted, in bytes.", valueName: "bytes"))
    var maxFileSize: Int = 8 * 1024 * 1024

    var limits: YAMLLimits { YAMLLimits(maxFileSize: maxFileSize) }

    func validate() throws {
        guard maxFileSize > 0 else { throw ValidationError("--max-file-size must be positive") }
    }

    /// The rule files: the bundle, or every *.yaml/*.yml under the given paths (sorted).
    func sourceFiles() throws(DiagnosticList) -> [RuleSet.SourceFile] {
        try Self.sourceFiles(rulePaths, limit: maxFileSize)
    }

    static func sourceFiles(_ paths: [String], limit: Int) throws(DiagnosticList) -> [RuleSet.SourceFile] {
        if paths.isEmpty { return RuleSet.bundledFiles }
        var files: [RuleSet.SourceFile] = []
        var diagnostics = DiagnosticList()
        for path in paths {
            for file in InputFiles.expand(path) {
                do throws(DiagnosticList) {
                    files.append(RuleSet.SourceFile(path: file, bytes: try InputFiles.read(file, limit: limit)))
                } catch {
                    diagnostics.append(contentsOf: error)
                }
            }
        }
        if !diagnostics.isEmpty { throw diagnostics }
        return files
    }
}

enum LanguageOption: String, ExpressibleByArgument, CaseIterable {
    case zh, en

    /// `zh` when LANG (or LC_ALL) starts with zh, else `en` (`README.md` of the spec).
    static var fromEnvironment: Language {
        let environment = ProcessInfo.processInfo.environment
        let lang = environment["LC_ALL"].flatMap { $0.isEmpty ? nil : $0 } ?? environment["LANG"] ?? ""
        return lang.hasPrefix("zh") ? .zh : .en
    }
}

enum FailOn: String, ExpressibleByArgument, CaseIterable {
    case critical, major, minor, advisory, none

    var severity: Severity? { Severity(rawValue: rawValue) }
}

enum ColorOption: String, ExpressibleByArgument, CaseIterable {
    case auto, always, never
}

/// Reading input paths.
enum InputFiles {
    /// A file as given, or the *.yaml / *.yml files below a folder, sorted.
    static func expand(_ path: String) -> [String] {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), isDirectory.boolValue else {
            return [path]
        }
        let enumerator = FileManager.default.enumerator(atPath: path)
        var found: [String] = []
        while let item = enumerator?.nextObject() as? String {
            if item.hasSuffix(".yaml") || item.hasSuffix(".yml") {
                found.append(path.hasSuffix("/") ? path + item : path + "/" + item)
            }
        }
        return found.sorted()
    }

    static func exists(_ path: String) -> Bool { FileManager.default.fileExists(atPath: path) }

    static func read(_ path: String, limit: Int) throws(DiagnosticList) -> [UInt8] {
        // The same checked read as reports: regular files only, size checked before reading.
        try YAMLLoader.readFile(path: path, limits: YAMLLimits(maxFileSize: limit))
    }

    /// The text of a file for error snippets, if it is small enough to show.
    static func text(_ path: String, limit: Int) -> String? {
        guard let attributes = try? FileManager.default.attributesOfItem(atPath: path),
              let size = attributes[.size] as? Int, size <= limit,
              let data = FileManager.default.contents(atPath: path)
        else { return nil }
        return String(decoding: data, as: UTF8.self)
    }
}

/// Writes to standard output or error without Foundation's buffering surprises.
enum Console {
    static func out(_ text: String) {
        FileHandle.standardOutput.write(Data(text.utf8))
    }

    static func error(_ text: String) {
        FileHandle.standardError.write(Data(text.utf8))
    }

    static var stdoutIsTerminal: Bool { isatty(1) == 1 }
}
