import AuditCore
import AuditYAML

/// Where the fixtures live: `<package root>/fixtures/broken-yaml`, found from this file's
/// path so that tests do not depend on the current directory.
enum Fixtures {
    static let root: String = {
        // #filePath is <package root>/Tests/AuditYAMLTests/Support.swift
        var parts = "\(#filePath)".split(separator: "/", omittingEmptySubsequences: false)
        parts.removeLast(3)
        return parts.joined(separator: "/")
    }()

    static let brokenYAML = root + "/fixtures/broken-yaml"

    static func path(_ name: String) -> String { brokenYAML + "/" + name }
}

/// The rendered diagnostics of loading a file, with the fixture directory stripped from
/// each line so `…/broken-yaml/x.yaml:3:1: error: …` reads `x.yaml:3:1: error: …`;
/// `nil` when the file loads.
func renderedErrors(loading name: String, limits: YAMLLimits = .init()) -> String? {
    let path = Fixtures.path(name)
    do {
        _ = try YAMLLoader.load(path: path, limits: limits)
        return nil
    } catch {
        return relativize(error.description, prefix: Fixtures.brokenYAML + "/")
    }
}

/// The rendered diagnostics of loading `text` as a document named `file`; `nil` when it loads.
func renderedErrors(text: String, file: String = "t.yaml", limits: YAMLLimits = .init()) -> String? {
    do {
        _ = try YAMLLoader.load(bytes: Array(text.utf8), file: file, limits: limits)
        return nil
    } catch {
        return error.description
    }
}

/// The rendered diagnostics of `loadValue`; `nil` when it loads.
func renderedValueErrors(_ text: String, file: String = "v") -> String? {
    do {
        _ = try YAMLLoader.loadValue(text, file: file)
        return nil
    } catch {
        return error.description
    }
}

func relativize(_ text: String, prefix: String) -> String {
    text.split(separator: "\n", omittingEmptySubsequences: false).map { line in
        line.hasPrefix(prefix) ? String(line.dropFirst(prefix.count)) : String(line)
    }.joined(separator: "\n")
}

/// Loads a document that must load, or records an issue and returns nil.
func document(_ text: String, file: String = "t.yaml") -> YAMLDocument? {
    try? YAMLLoader.load(bytes: Array(text.utf8), file: file)
}

extension YAMLNode {
    /// The value of the first pair whose key text is `key`.
    subscript(key: String) -> YAMLNode? {
        mapping?.first { $0.key.scalar?.text == key }?.value
    }

    subscript(index: Int) -> YAMLNode? {
        guard let items = sequence, items.indices.contains(index) else { return nil }
        return items[index]
    }
}
