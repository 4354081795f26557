import AuditCore
import AuditRules
import Foundation

// Helpers shared by the test targets (a target of its own, as swift-argument-parser keeps
// its test helpers): where the repository is, and the shipped rules loaded once.

/// The repository root, from this file's path, so tests do not depend on the current folder.
public let repositoryRoot: String = {
    var url = URL(fileURLWithPath: #filePath)
    for _ in 0..<3 { url.deleteLastPathComponent() }
    return url.path
}()

/// The shipped rules, loaded once per test process.
public let shippedRules: RuleSet = {
    do { return try RuleSet.load(RuleSet.bundledFiles) } catch { fatalError("the shipped rules do not load: \(error)") }
}()

/// The shipped rules compiled with their default parameters.
public let shippedCompiled: [CompiledRule] = {
    do { return try shippedRules.compile() } catch { fatalError("the shipped rules do not compile: \(error)") }
}()
