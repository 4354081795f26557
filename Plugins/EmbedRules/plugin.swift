import Foundation
import PackagePlugin

/// Embeds the package's rules/*.yaml into the target it is applied to (AuditRules), as
/// `BundledRules.swift` in the build folder: the shipped rules are generated on every build,
/// never checked in, never stale. It also stamps the version (`BuildInfo.version`): `git
/// describe` of the sources, asked when SwiftPM plans the build — which it does again only when
/// the manifest changes, so a debug build can carry an older stamp; scripts/release-build.sh
/// makes release builds plan afresh. The command reruns when its arguments (the version among
/// them) or the rules change.
@main
struct EmbedRules: BuildToolPlugin {
    func createBuildCommands(context: PluginContext, target: Target) throws -> [Command] {
        let package = context.package.directoryURL
        let folder = package.appending(path: "rules")
        let files = try FileManager.default.contentsOfDirectory(at: folder, includingPropertiesForKeys: nil)
            .filter { $0.pathExtension == "yaml" }
            .sorted { $0.lastPathComponent < $1.lastPathComponent }
        let output = context.pluginWorkDirectoryURL.appending(path: "BundledRules.swift")
        return [
            .buildCommand(
                displayName: "Embedding \(files.count) rule files",
                executable: try context.tool(named: "audit-embed").url,
                arguments: ["--version", Self.version(of: package), output.path] + files.map(\.path),
                inputFiles: files,
                outputFiles: [output]),
        ]
    }

    /// `v0.2.0` → `0.2.0`; `0.2.0-3-g1a2b3c4` three commits on; `-dirty` with uncommitted
    /// changes; `0.0.0-g1a2b3c4` in a clone without tags; `0.0.0-unknown` without git (a copy
    /// of the sources).
    static func version(of package: URL) -> String {
        let git = Process()
        git.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        // safe.directory: `sudo make install` in a clone another user owns must still read it.
        git.arguments = ["git", "-c", "safe.directory=*", "-C", package.path, "describe", "--tags", "--match", "v[0-9]*", "--always", "--dirty"]
        let pipe = Pipe()
        git.standardOutput = pipe
        git.standardError = FileHandle.nullDevice
        guard (try? git.run()) != nil else { return "0.0.0-unknown" }
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        git.waitUntilExit()
        let text = String(decoding: data, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        guard git.terminationStatus == 0, !text.isEmpty else { return "0.0.0-unknown" }
        if text.hasPrefix("v"), text.dropFirst().first?.isNumber == true { return String(text.dropFirst()) }
        return "0.0.0-g" + text  // no tag: the abbreviated commit
    }
}
